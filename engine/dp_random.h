#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/random.h"

namespace glassbox {

// Where the differential-privacy samplers take their random bits from: 64 uniform bits a call.
// Only whole words are asked for, so the samplers never turn bits into floating-point numbers.
class RandomBits {
  public:
    virtual ~RandomBits() = default;
    virtual std::uint64_t next64() = 0;
};

// The operating system's CSPRNG: getrandom(2), or a device file (/dev/urandom) where getrandom is
// not available. Not thread-safe: one object per thread. Throws IoError when no source works.
class SystemRandomBits : public RandomBits {
  public:
    SystemRandomBits() = default;
    // Reads only the given device file (systems without getrandom; tests of the fallback).
    explicit SystemRandomBits(std::string devicePath);
    // Copies would hand out the same buffered bytes twice.
    SystemRandomBits(const SystemRandomBits&) = delete;
    SystemRandomBits& operator=(const SystemRandomBits&) = delete;
    ~SystemRandomBits() override;

    std::uint64_t next64() override;

  private:
    void refill();

    std::string devicePath_;  // empty: getrandom first
    std::array<std::uint8_t, 512> buffer_{};
    std::size_t used_ = 512;  // everything used: the first call fills the buffer
};

// A seeded, reproducible stream (xoshiro256** of engine/random.h) for tests only: it is not a
// CSPRNG, and noise from it protects nothing.
class SeededRandomBits : public RandomBits {
  public:
    explicit SeededRandomBits(std::uint64_t seed) : random_(seed) {}
    std::uint64_t next64() override { return random_.next(); }

  private:
    Random random_;
};

// Fills [data, data + size) from getrandom(2), falling back to `devicePath` when the kernel has
// no getrandom (ENOSYS); with `deviceOnly` the device is read directly. EINTR and short reads
// are retried. Throws IoError naming the source when it cannot deliver.
void systemRandomBytes(std::uint8_t* data, std::size_t size,
                       const std::string& devicePath = "/dev/urandom", bool deviceOnly = false);

// Uniform integer in [0, n), n >= 1, exactly (masked rejection sampling).
std::uint64_t uniformBelow(RandomBits& bits, std::uint64_t n);

}  // namespace glassbox
