#include "engine/delimited_chunk.h"

#include <algorithm>
#include <cstring>

#include "engine/delimited_tokenizer.h"
#include "engine/fast_number.h"
#include "engine/text_decoding.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr std::size_t kProgressRows = 64 * 1024;
constexpr std::size_t kNone = kNoBadByte;
// Bytes are checked in windows this large, ahead of the records being read, so each page is
// brought in once for checking and parsing.
constexpr std::size_t kCheckWindow = 1024 * 1024;

// Reads `rows` records from begin and appends the cells of `columns` to their (dictionary)
// pieces. The records were read once already, so they are known to be well formed.
void refillDictionaries(std::string_view text, std::size_t begin, std::size_t rows,
                        const std::vector<std::size_t>& columns, const ChunkLayout& layout,
                        std::vector<ColumnPiece>& pieces) {
    DelimitedTokenizer tokenizer(text, layout.delimiter, begin);
    RecordFields record;
    std::size_t row = 0;
    while (row < rows) {
        const RecordStatus status = tokenizer.next(record);
        if (status == RecordStatus::BlankLine) continue;
        if (status != RecordStatus::Record) break;
        for (std::size_t column : columns) {
            ColumnPiece& piece = pieces[column];
            if (column < record.values.size() && !layout.missing->isMissing(record.values[column]))
                piece.appendText(record.values[column]);
            else
                piece.codes.push_back(-1);
        }
        ++row;
    }
}

class ChunkParser {
  public:
    ChunkParser(std::string_view text, std::size_t begin, std::size_t end,
                const ChunkLayout& layout, const ChunkProgress& progress)
        : text_(text),
          end_(end),
          layout_(layout),
          progress_(progress),
          tokenizer_(text, layout.delimiter, begin) {
        result_.begin = begin;
        const bool first = begin == layout.dataStart;
        const double bytes =
            static_cast<double>((first ? text.size() : std::max(end, begin)) - begin);
        // Reserved room that is never written costs address space only.
        expectedRows_ = static_cast<std::size_t>(bytes / std::max(layout.bytesPerRecord, 2.0) *
                                                 (first ? 1.2 : 1.05)) +
                        16;
        result_.pieces.resize(layout.columns);
        forcedNumeric_.assign(layout.columns, false);
        for (std::size_t c = 0; c < layout.columns; ++c) {
            ColumnPiece& piece = result_.pieces[c];
            const auto forced = c < layout.forced.size() ? layout.forced[c] : std::nullopt;
            if (forced && *forced != ColumnType::Numeric) {
                piece.becomeDictionary(expectedRows_);
            } else {
                forcedNumeric_[c] = forced.has_value();
                piece.numbers.reserve(expectedRows_);
            }
        }
    }

    ChunkResult run() {
        const std::size_t columns = layout_.columns;
        std::size_t reported = result_.begin;
        ChunkIssue pendingBlanks;
        checkedUpTo_ = layout_.checkNul || layout_.checkUtf8 ? result_.begin : kNone;
        while (tokenizer_.position() < end_) {
            const std::size_t at = tokenizer_.position();
            // Stop after the record holding a bad byte (an earlier syntax error still counts).
            if (result_.badByteOffset != kNone && at > result_.badByteOffset) break;
            if (at + kCheckWindow / 2 > checkedUpTo_) checkBytes(at + kCheckWindow / 2);
            // Cells go to their columns as they are read; fields past the last column must be
            // empty (they are then ignored) or the record is an error.
            std::size_t extraStart = kNone;
            bool extraText = false;
            RecordInfo info;
            const RecordStatus status = tokenizer_.nextInto(
                [&](std::size_t index, std::string_view value, std::size_t start) {
                    if (index < columns) {
                        appendCell(index, value);
                    } else {
                        if (index == columns) extraStart = start;
                        extraText = extraText || !trimSpaces(value).empty();
                    }
                },
                info);
            if (tokenizer_.position() > checkedUpTo_) checkBytes(tokenizer_.position());
            if (status == RecordStatus::End) break;
            if (status == RecordStatus::BlankLine) {
                pendingBlanks.add(at);
                continue;
            }
            if (status == RecordStatus::Error) {
                fail(tokenizer_.errorOffset(), tokenizer_.errorReason());
                break;
            }
            if (extraText) {
                fail(extraStart, "too many fields: the table has " + std::to_string(columns) +
                                     " columns but this line has " + std::to_string(info.fields) +
                                     " fields; the extra field starts here");
                break;
            }
            if (info.fields > columns) result_.emptyExtraFields.add(info.begin);
            if (info.fields < columns) {
                for (std::size_t c = info.fields; c < columns; ++c)
                    result_.pieces[c].appendMissing();
                result_.shortRows.add(info.begin);
            }
            if (info.strayQuote) result_.strayQuotes.add(info.begin);
            if (result_.rows == 0)
                result_.leadingBlanks = pendingBlanks;
            else
                result_.innerBlanks.add(pendingBlanks);
            pendingBlanks = {};
            ++result_.rows;
            if (result_.rows % kProgressRows == 0) {
                const std::size_t now = tokenizer_.position();
                if (layout_.release) layout_.release(text_.substr(reported, now - reported));
                const bool goOn = !progress_ || progress_(now - reported);
                reported = now;
                if (!goOn) {
                    result_.cancelled = true;
                    break;
                }
            }
        }
        if (result_.rows == 0)
            result_.leadingBlanks = pendingBlanks;
        else
            result_.trailingBlanks = pendingBlanks;
        result_.end = tokenizer_.position();
        // A bad byte found past the chunk's records belongs to the next chunk.
        if (result_.badByteOffset >= result_.end) result_.badByteOffset = kNone;
        if (progress_ && !result_.cancelled)
            progress_(result_.end > reported ? result_.end - reported : 0);
        return std::move(result_);
    }

  private:
    // Checks the bytes from checkedUpTo_ to at least upTo (a window more when it can) for NUL
    // bytes and invalid UTF-8; the first bad one is kept in the result.
    void checkBytes(std::size_t upTo) {
        const std::size_t n = text_.size();
        while (checkedUpTo_ < upTo && checkedUpTo_ < n && result_.badByteOffset == kNone) {
            const std::size_t start = checkedUpTo_;
            std::size_t to = std::min(n, std::max(upTo, start + kCheckWindow));
            // End on a character start, so no UTF-8 sequence is cut.
            for (int k = 0; k < 3 && to < n && to > start + 1 &&
                            (static_cast<unsigned char>(text_[to]) & 0xC0) == 0x80;
                 ++k)
                --to;
            const std::string_view block = text_.substr(start, to - start);
            std::size_t bad = kNone;
            if (layout_.checkNul) {
                if (const void* nul = std::memchr(block.data(), 0, block.size())) {
                    bad = static_cast<std::size_t>(static_cast<const char*>(nul) - block.data());
                    result_.badByteIsNul = true;
                }
            }
            if (layout_.checkUtf8) {
                const std::size_t invalid = findInvalidUtf8(block);
                if (invalid != kNone && (bad == kNone || invalid < bad)) {
                    bad = invalid;
                    result_.badByteIsNul = false;
                }
            }
            if (bad != kNone) result_.badByteOffset = start + bad;
            checkedUpTo_ = to;
        }
    }

    void fail(std::size_t offset, std::string reason) {
        result_.failed = true;
        result_.errorOffset = offset;
        result_.errorReason = std::move(reason);
    }

    void appendCell(std::size_t c, std::string_view cell) {
        ColumnPiece& piece = result_.pieces[c];
        if (piece.isDictionary) {
            if (layout_.missing->isMissing(cell))
                piece.codes.push_back(-1);
            else
                piece.appendText(cell);
            return;
        }
        // Numbers first: a cell starting with a digit is never a default missing marker.
        if (const auto number = parseNumberFast(cell)) {
            // No default marker reads as a number; a custom one may ("-999").
            if (layout_.missing->isDefault() || !layout_.missing->isMissing(cell)) {
                piece.numbers.push_back(*number);
                return;
            }
        }
        if (layout_.missing->isMissing(cell)) {
            piece.appendMissing();
        } else if (forcedNumeric_[c]) {
            ++piece.failures;
            piece.appendMissing();
        } else {
            switchToDictionary(c);
            piece.appendText(cell);
        }
    }

    void switchToDictionary(std::size_t c) {
        ColumnPiece& piece = result_.pieces[c];
        const std::size_t rowsSoFar = piece.size();
        piece.becomeDictionary(expectedRows_);
        refillDictionaries(text_, result_.begin, rowsSoFar, {c}, layout_, result_.pieces);
    }

    std::string_view text_;
    std::size_t end_;
    const ChunkLayout& layout_;
    const ChunkProgress& progress_;
    DelimitedTokenizer tokenizer_;
    ChunkResult result_;
    std::vector<bool> forcedNumeric_;
    std::size_t expectedRows_ = 0;
    std::size_t checkedUpTo_ = kNone;
};

}  // namespace

ChunkResult parseChunk(std::string_view text, std::size_t begin, std::size_t end,
                       const ChunkLayout& layout, const ChunkProgress& progress) {
    return ChunkParser(text, begin, end, layout, progress).run();
}

void rescanAsDictionary(std::string_view text, ChunkResult& chunk,
                        const std::vector<std::size_t>& columns, const ChunkLayout& layout) {
    std::vector<std::size_t> numeric;
    for (std::size_t c : columns) {
        if (chunk.pieces[c].isDictionary) continue;
        chunk.pieces[c].becomeDictionary(chunk.rows);
        numeric.push_back(c);
    }
    if (!numeric.empty())
        refillDictionaries(text, chunk.begin, chunk.rows, numeric, layout, chunk.pieces);
}

}  // namespace glassbox
