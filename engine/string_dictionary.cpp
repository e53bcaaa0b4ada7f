#include "engine/string_dictionary.h"

#include <cstdint>
#include <cstring>

namespace glassbox {
namespace {

std::uint64_t load64(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

std::uint64_t load32(const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
}

// A fast hash for short strings: eight bytes per multiply (the last eight overlapping the
// rest), then a final mix so that the low bits used for the slots depend on every byte.
std::size_t hashBytes(std::string_view s) {
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
    std::uint64_t h = k ^ s.size();
    const char* p = s.data();
    const std::size_t n = s.size();
    auto mix = [&](std::uint64_t w) {
        h = (h ^ w) * k;
        h ^= h >> 32;
    };
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) mix(load64(p + i));
        mix(load64(p + n - 8));
    } else if (n >= 4) {
        mix(load32(p) | (load32(p + n - 4) << 32));
    } else if (n > 0) {
        mix(static_cast<unsigned char>(p[0]) |
            static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
            static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16);
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return static_cast<std::size_t>(h);
}

// a and b of the same length n.
bool sameBytes(const char* a, const char* b, std::size_t n) {
    if (n >= 8 && n <= 16)  // two overlapping words, no call
        return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
    return std::memcmp(a, b, n) == 0;
}

}  // namespace

std::int32_t StringDictionary::intern(std::string_view value) {
    if (entries_.size() * 2 >= slots_.size()) grow();
    const std::size_t hash = hashBytes(value);
    const std::size_t mask = slots_.size() - 1;
    std::size_t slot = hash & mask;
    while (true) {
        const std::int32_t code = slots_[slot];
        if (code < 0) break;
        const Entry& e = entries_[static_cast<std::size_t>(code)];
        if (e.hash == hash && e.length == value.size() &&
            sameBytes(arena_.data() + e.offset, value.data(), value.size()))
            return code;
        slot = (slot + 1) & mask;
    }
    const auto code = static_cast<std::int32_t>(entries_.size());
    entries_.push_back({arena_.size(), value.size(), hash});
    arena_.append(value);
    slots_[slot] = code;
    return code;
}

void StringDictionary::grow() {
    const std::size_t size = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(size, -1);
    const std::size_t mask = size - 1;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        std::size_t slot = entries_[i].hash & mask;
        while (slots_[slot] >= 0) slot = (slot + 1) & mask;
        slots_[slot] = static_cast<std::int32_t>(i);
    }
}

std::size_t StringDictionary::memoryBytes() const {
    return arena_.capacity() + entries_.capacity() * sizeof(Entry) +
           slots_.capacity() * sizeof(std::int32_t);
}

}  // namespace glassbox
