#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "engine/sha256.h"

namespace glassbox {

// HMAC-SHA256 (RFC 2104). The keyed inner and outer states are computed once, so one object
// authenticates many short messages cheaply: update() the parts of a message, finish() it, and
// the object is ready for the next message under the same key. Copyable (one copy per thread).
class HmacSha256 {
  public:
    using Digest = Sha256::Digest;

    explicit HmacSha256(std::span<const std::uint8_t> key);
    ~HmacSha256();
    HmacSha256(const HmacSha256&) = default;
    HmacSha256& operator=(const HmacSha256&) = default;

    void update(std::span<const std::uint8_t> bytes) { inner_.update(bytes); }
    void update(std::string_view text) { inner_.update(text); }
    // The MAC of everything given since construction or the previous finish().
    Digest finish();

    static Digest of(std::span<const std::uint8_t> key, std::span<const std::uint8_t> message);

  private:
    Sha256 innerStart_;  // after the key XOR ipad block
    Sha256 outerStart_;  // after the key XOR opad block
    Sha256 inner_;
};

}  // namespace glassbox
