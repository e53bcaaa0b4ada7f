#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace glassbox {

// Fills `out` from the operating system's CSPRNG: getrandom(2) (blocking until the kernel pool
// is seeded, retried on EINTR and short reads), or /dev/urandom where getrandom is missing or
// forbidden. Throws IoError when neither works. For keys and noise; engine/random.h is the
// seeded, reproducible generator for everything else.
void secureRandomBytes(std::span<std::uint8_t> out);
std::vector<std::uint8_t> secureRandomBytes(std::size_t count);
// A uniform 64-bit integer from the CSPRNG.
std::uint64_t secureRandomU64();

// The fallback path alone: reads `out` from the character device `device`. Throws IoError
// naming the device when it cannot be opened, is not a character device, or ends early.
void readRandomDevice(std::span<std::uint8_t> out, const std::string& device = "/dev/urandom");

// Overwrites secret bytes in a way the optimiser may not remove.
void wipeSecret(std::span<std::byte> bytes);
void wipeSecret(std::span<std::uint8_t> bytes);

}  // namespace glassbox
