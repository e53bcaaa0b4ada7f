#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace glassbox {

// One bit per row: set = value present, clear = missing. 1/64 of a double column's size.
class ValidityMask {
  public:
    ValidityMask() = default;
    explicit ValidityMask(std::size_t size, bool valid = true) { resize(size, valid); }

    std::size_t size() const { return size_; }
    bool isValid(std::size_t row) const { return (words_[row >> 6] >> (row & 63)) & 1u; }
    void set(std::size_t row, bool valid) {
        const std::uint64_t bit = std::uint64_t{1} << (row & 63);
        if (valid)
            words_[row >> 6] |= bit;
        else
            words_[row >> 6] &= ~bit;
    }
    void push_back(bool valid) {
        if ((size_ & 63) == 0) words_.push_back(0);
        ++size_;
        set(size_ - 1, valid);
    }
    void resize(std::size_t size, bool valid);
    void reserve(std::size_t size) { words_.reserve((size + 63) / 64); }
    // Appends all of other's bits.
    void append(const ValidityMask& other);
    std::size_t countMissing() const;
    std::size_t memoryBytes() const { return words_.capacity() * sizeof(std::uint64_t); }

  private:
    std::vector<std::uint64_t> words_;
    std::size_t size_ = 0;
};

}  // namespace glassbox
