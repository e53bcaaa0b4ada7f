#include "engine/text_position.h"

#include <cstring>

namespace glassbox {
namespace {

// Offset of the next c in [from, to), or to when there is none.
std::size_t findByte(const char* data, std::size_t from, std::size_t to, char c) {
    if (from >= to) return to;
    const void* hit = std::memchr(data + from, c, to - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - data) : to;
}

}  // namespace

TextPosition locateOffset(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    const char* data = text.data();
    TextPosition position;
    std::size_t lineStart = 0;
    std::size_t nextLf = findByte(data, 0, offset, '\n');
    std::size_t nextCr = findByte(data, 0, offset, '\r');
    while (true) {
        const std::size_t at = nextLf < nextCr ? nextLf : nextCr;
        if (at >= offset) break;
        std::size_t end = at;
        if (data[at] == '\r' && at + 1 < text.size() && data[at + 1] == '\n') {
            // An offset on the LF of a CRLF still belongs to the line the CR ends.
            if (at + 1 >= offset) break;
            end = at + 1;
        }
        ++position.line;
        lineStart = end + 1;
        if (nextLf <= end) nextLf = findByte(data, lineStart, offset, '\n');
        if (nextCr <= end) nextCr = findByte(data, lineStart, offset, '\r');
    }
    for (std::size_t i = lineStart; i < offset; ++i)
        if ((static_cast<unsigned char>(data[i]) & 0xC0) != 0x80) ++position.column;
    return position;
}

}  // namespace glassbox
