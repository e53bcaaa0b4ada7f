#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/column.h"
#include "engine/column_piece.h"
#include "engine/missing_markers.h"

namespace glassbox {

// What every chunk of one delimited file shares.
struct ChunkLayout {
    char delimiter = ',';
    std::size_t columns = 0;
    const MissingMarkers* missing = nullptr;
    std::vector<std::optional<ColumnType>> forced;  // per column; empty = inferred
    double bytesPerRecord = 64;                     // estimate, to reserve memory
    // Where the data starts: the chunk starting there reserves room for the rows of the whole
    // text, so that its pieces can become the columns without a copy (see assembleColumn).
    std::size_t dataStart = 0;
    // Check the bytes while parsing: NUL bytes, and UTF-8 validity.
    bool checkNul = false;
    bool checkUtf8 = false;
    // Called with parts of the text that were parsed (they may be read again); may be empty.
    std::function<void(std::string_view)> release;
};

// Something tolerated in a chunk: how many rows (or lines) and the text offset of the first.
struct ChunkIssue {
    std::size_t count = 0;
    std::size_t firstOffset = 0;
    void add(std::size_t offset, std::size_t n = 1) {
        if (count == 0) firstOffset = offset;
        count += n;
    }
    void add(const ChunkIssue& other) {
        if (other.count) add(other.firstOffset, other.count);
    }
};

constexpr std::size_t kNoBadByte = static_cast<std::size_t>(-1);

// The records of [begin, end) of a text: the records that start before end (the last may run
// past it), as one piece per column.
struct ChunkResult {
    std::size_t begin = 0;
    std::size_t end = 0;  // where the next record starts
    std::size_t rows = 0;
    std::vector<ColumnPiece> pieces;
    bool failed = false;  // a ParseError at errorOffset
    std::size_t errorOffset = 0;
    std::string errorReason;
    bool cancelled = false;
    // The first NUL byte (or invalid UTF-8 byte, as checked for) in the chunk, or npos.
    std::size_t badByteOffset = kNoBadByte;
    bool badByteIsNul = false;
    ChunkIssue shortRows;         // padded with missing cells
    ChunkIssue emptyExtraFields;  // rows with empty fields past the last column, ignored
    ChunkIssue strayQuotes;       // rows with a quote inside an unquoted field
    // Blank lines before the first record, between records, and after the last record.
    ChunkIssue leadingBlanks, innerBlanks, trailingBlanks;
};

// Called about every 64K rows with the bytes parsed since the last call; false stops parsing
// (the result is then marked cancelled).
using ChunkProgress = std::function<bool(std::size_t bytes)>;

ChunkResult parseChunk(std::string_view text, std::size_t begin, std::size_t end,
                       const ChunkLayout& layout, const ChunkProgress& progress);

// Makes the numeric pieces of the given columns dictionary pieces, reading their cells again
// from the text (when other chunks found text in those columns).
void rescanAsDictionary(std::string_view text, ChunkResult& chunk,
                        const std::vector<std::size_t>& columns, const ChunkLayout& layout);

}  // namespace glassbox
