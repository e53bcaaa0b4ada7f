#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace glassbox {

// The fields of one record. Views point into the text, or into `unquoted` for quoted fields
// with doubled quotes; they stay valid until the record is read into again.
struct RecordFields {
    std::vector<std::string_view> values;
    std::size_t begin = 0;    // text offset of the record's first byte
    bool strayQuote = false;  // a quote inside an unquoted field, kept literally
    std::string unquoted;
};

// What DelimitedTokenizer::nextInto says about a record besides its fields.
struct RecordInfo {
    std::size_t begin = 0;
    std::size_t fields = 0;
    bool strayQuote = false;
};

enum class RecordStatus { Record, BlankLine, End, Error };

// Splits RFC 4180 delimited text into records: quoted fields may hold delimiters, doubled
// quotes and line breaks; LF, CRLF and CR end records. A line holding nothing but spaces and
// tabs is reported as BlankLine. A quote inside an unquoted field is kept literally. Spaces
// after a closing quote are ignored; other text there is an error, as is a quote never closed.
class DelimitedTokenizer {
  public:
    DelimitedTokenizer(std::string_view text, char delimiter, std::size_t position = 0);

    RecordStatus next(RecordFields& record);

    // Reads the next record like next, handing each field to sink(index, value, start) as it
    // is read (value valid during the call only), without collecting them.
    template <class Sink>
    RecordStatus nextInto(Sink&& sink, RecordInfo& info);

    // Offset where the next record starts (after the last one read).
    std::size_t position() const { return pos_; }
    void seek(std::size_t position) { pos_ = position; }

    // After RecordStatus::Error: where the problem is and what it is.
    std::size_t errorOffset() const { return errorOffset_; }
    const std::string& errorReason() const { return errorReason_; }

  private:
    bool isBlankLine();
    // The first offset from p holding a delimiter, a quote or a line break (or the end).
    std::size_t skipPlain(std::size_t p);
    static constexpr std::size_t kBlock = 64;
    std::uint64_t specialBits(std::size_t p) const;
    // p is on the opening quote; on success value is the field and p after the closing quote
    // (and any spaces after it).
    bool readQuotedField(std::size_t& p, std::string_view& value);

    std::string_view text_;
    char delimiter_;
    std::size_t pos_;
    std::array<bool, 256> special_{};
    std::size_t blockStart_ = static_cast<std::size_t>(-1) / 2;  // none yet
    std::uint64_t blockBits_ = 0;
    std::string scratch_;  // the last quoted field with doubled quotes, unescaped
    std::size_t errorOffset_ = 0;
    std::string errorReason_;
};

template <class Sink>
RecordStatus DelimitedTokenizer::nextInto(Sink&& sink, RecordInfo& info) {
    const std::size_t n = text_.size();
    if (pos_ >= n) return RecordStatus::End;
    const char first = text_[pos_];
    if ((first == '\r' || first == '\n' || first == ' ' || first == '\t') && isBlankLine())
        return RecordStatus::BlankLine;
    info.begin = pos_;
    info.fields = 0;
    info.strayQuote = false;
    const char* data = text_.data();
    std::size_t p = pos_;
    while (true) {
        const std::size_t start = p;
        std::string_view value;
        if (p < n && data[p] == '"') {
            if (!readQuotedField(p, value)) return RecordStatus::Error;
        } else {
            while (true) {
                p = skipPlain(p);
                if (p < n && data[p] == '"') {
                    info.strayQuote = true;
                    ++p;
                    continue;
                }
                break;
            }
            value = std::string_view(data + start, p - start);
        }
        sink(info.fields++, value, start);
        // p is on a delimiter, a line break or the end.
        if (p < n && data[p] == delimiter_) {
            ++p;
            continue;
        }
        if (p < n && data[p] == '\r') {
            ++p;
            if (p < n && data[p] == '\n') ++p;
        } else if (p < n && data[p] == '\n') {
            ++p;
        }
        break;
    }
    pos_ = p;
    return RecordStatus::Record;
}

}  // namespace glassbox
