#pragma once

#include <cstddef>
#include <string_view>

namespace glassbox {

// Where a byte offset of UTF-8 text is, as an editor shows it: 1-based line (LF, CRLF and CR
// each end a line) and 1-based column counted in characters.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};

TextPosition locateOffset(std::string_view text, std::size_t offset);

}  // namespace glassbox
