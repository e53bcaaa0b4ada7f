#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/delimited_chunk.h"
#include "engine/task.h"

namespace glassbox {

// Parses the records of text from begin to the end in chunks on `threads` threads (1 = on the
// calling thread). Chunk boundaries are guessed at line starts; a chunk whose guess fell inside
// a quoted field is parsed again from where the previous one really ended, so the chunks come
// back in order, each starting where the previous ended. Progress goes to task as a fraction
// of the bytes. Throws ParseError (fileName, line, column) for the first malformed record, and
// Cancelled. When a bad byte (ChunkLayout::checkNul / checkUtf8) comes first, the chunks are
// those up to it and badByteOffset says where it is.
struct ChunkedText {
    std::vector<ChunkResult> chunks;
    std::size_t badByteOffset = kNoBadByte;
    bool badByteIsNul = false;
};
ChunkedText parseInChunks(std::string_view text, std::size_t begin, const ChunkLayout& layout,
                          unsigned threads, const std::string& fileName, const TaskContext& task);

// Makes every column's pieces the same kind: where some chunk holds text in a column, the
// numeric pieces of that column in other chunks are read again as dictionaries.
void harmonizePieces(std::string_view text, std::vector<ChunkResult>& chunks,
                     const ChunkLayout& layout, unsigned threads);

}  // namespace glassbox
