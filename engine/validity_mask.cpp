#include "engine/validity_mask.h"

#include <bit>

namespace glassbox {

void ValidityMask::resize(std::size_t size, bool valid) {
    const std::size_t old = size_;
    words_.resize((size + 63) / 64, 0);
    size_ = size;
    std::size_t i = old;
    for (; i < size && (i & 63); ++i) set(i, valid);
    for (; i + 64 <= size; i += 64) words_[i >> 6] = valid ? ~std::uint64_t{0} : 0;
    for (; i < size; ++i) set(i, valid);
    // Keep the bits past the end clear so countMissing stays simple.
    if (size_ & 63) words_.back() &= (std::uint64_t{1} << (size_ & 63)) - 1;
}

void ValidityMask::append(const ValidityMask& other) {
    reserve(size_ + other.size_);
    for (std::size_t i = 0; i < other.size_; ++i) push_back(other.isValid(i));
}

std::size_t ValidityMask::countMissing() const {
    std::size_t present = 0;
    for (std::uint64_t w : words_) present += static_cast<std::size_t>(std::popcount(w));
    return size_ - present;
}

}  // namespace glassbox
