#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace glassbox {

// SHA-256 (FIPS 180-4), incremental: model file checksums and dataset fingerprints.
class Sha256 {
  public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();
    void update(std::span<const std::uint8_t> bytes);
    void update(std::string_view text);
    // The digest of everything given; the object must not be updated afterwards.
    Digest finish();

    static Digest of(std::span<const std::uint8_t> bytes);
    static std::string hex(const Digest& digest);

  private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;
};

}  // namespace glassbox
