#include "engine/hmac_sha256.h"

#include <array>

#include "engine/secure_random.h"

namespace glassbox {

HmacSha256::HmacSha256(std::span<const std::uint8_t> key) {
    std::array<std::uint8_t, 64> block{};
    if (key.size() > block.size()) {
        const Digest hashed = Sha256::of(key);
        std::copy(hashed.begin(), hashed.end(), block.begin());
    } else {
        std::copy(key.begin(), key.end(), block.begin());
    }
    std::array<std::uint8_t, 64> pad;
    for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = block[i] ^ 0x36;
    innerStart_.update(pad);
    for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = block[i] ^ 0x5c;
    outerStart_.update(pad);
    wipeSecret(block);
    wipeSecret(pad);
    inner_ = innerStart_;
}

HmacSha256::~HmacSha256() {
    // The keyed states are as good as the key for computing MACs.
    wipeSecret(std::as_writable_bytes(std::span(&innerStart_, 1)));
    wipeSecret(std::as_writable_bytes(std::span(&outerStart_, 1)));
    wipeSecret(std::as_writable_bytes(std::span(&inner_, 1)));
}

HmacSha256::Digest HmacSha256::finish() {
    const Digest innerDigest = inner_.finish();
    Sha256 outer = outerStart_;
    outer.update(innerDigest);
    inner_ = innerStart_;
    return outer.finish();
}

HmacSha256::Digest HmacSha256::of(std::span<const std::uint8_t> key,
                                  std::span<const std::uint8_t> message) {
    HmacSha256 mac(key);
    mac.update(message);
    return mac.finish();
}

}  // namespace glassbox
