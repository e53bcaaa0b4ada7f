#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glassbox {

// Distinct strings numbered in order of first appearance, looked up by string_view without
// building a std::string per lookup. The strings live in one growing arena.
class StringDictionary {
  public:
    // The code of value, added when new.
    std::int32_t intern(std::string_view value);
    std::size_t size() const { return entries_.size(); }
    std::string_view value(std::int32_t code) const {
        const Entry& e = entries_[static_cast<std::size_t>(code)];
        return std::string_view(arena_).substr(e.offset, e.length);
    }
    std::size_t memoryBytes() const;

  private:
    struct Entry {
        std::size_t offset;
        std::size_t length;
        std::size_t hash;
    };
    void grow();

    std::string arena_;
    std::vector<Entry> entries_;
    std::vector<std::int32_t> slots_;  // -1 = empty; size is a power of two
};

}  // namespace glassbox
