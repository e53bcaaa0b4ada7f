#include "engine/delimited_tokenizer.h"

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace glassbox {
namespace {

// p is on LF, CR, CRLF or the end; returns the offset after the line break.
std::size_t skipLineBreak(std::string_view text, std::size_t p) {
    if (p < text.size() && text[p] == '\r') {
        ++p;
        if (p < text.size() && text[p] == '\n') ++p;
    } else if (p < text.size() && text[p] == '\n') {
        ++p;
    }
    return p;
}

}  // namespace

DelimitedTokenizer::DelimitedTokenizer(std::string_view text, char delimiter, std::size_t position)
    : text_(text), delimiter_(delimiter), pos_(position) {
    special_[static_cast<unsigned char>(delimiter)] = true;
    special_['"'] = true;
    special_['\r'] = true;
    special_['\n'] = true;
}

bool DelimitedTokenizer::isBlankLine() {
    const std::size_t n = text_.size();
    std::size_t p = pos_;
    while (p < n && (text_[p] == ' ' || text_[p] == '\t') && text_[p] != delimiter_) ++p;
    if (p < n && text_[p] != '\r' && text_[p] != '\n') return false;
    pos_ = skipLineBreak(text_, p);
    return true;
}

bool DelimitedTokenizer::readQuotedField(std::size_t& p, std::string_view& value) {
    const std::size_t n = text_.size();
    const char* data = text_.data();
    const std::size_t open = p;
    std::size_t contentStart = p + 1;
    bool escaped = false;
    while (true) {
        const void* hit = std::memchr(data + contentStart, '"', n - contentStart);
        if (!hit) {
            errorOffset_ = open;
            errorReason_ = "unterminated quoted field: this quote is never closed";
            return false;
        }
        const std::size_t q = static_cast<std::size_t>(static_cast<const char*>(hit) - data);
        if (q + 1 < n && data[q + 1] == '"') {
            if (!escaped) scratch_.clear();
            escaped = true;
            scratch_.append(data + contentStart, q + 1 - contentStart);
            contentStart = q + 2;
            continue;
        }
        if (escaped) {
            scratch_.append(data + contentStart, q - contentStart);
            value = scratch_;
        } else {
            value = std::string_view(data + contentStart, q - contentStart);
        }
        p = q + 1;
        break;
    }
    while (p < n && (data[p] == ' ' || data[p] == '\t') && data[p] != delimiter_) ++p;
    if (p < n && data[p] != delimiter_ && data[p] != '\r' && data[p] != '\n') {
        errorOffset_ = p;
        errorReason_ = "unexpected text after the closing quote of a quoted field";
        return false;
    }
    return true;
}

// One bit per byte of text[p, p + 64) that is a delimiter, a quote or a line break; past the
// end of the text, a bit at the end offset stands for "stop here".
std::uint64_t DelimitedTokenizer::specialBits(std::size_t p) const {
    const std::size_t n = text_.size();
    const char* data = text_.data();
    if (p + kBlock <= n) {
#if defined(__SSE2__)
        const __m128i delimiter = _mm_set1_epi8(delimiter_), quote = _mm_set1_epi8('"'),
                      cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
        std::uint64_t bits = 0;
        for (std::size_t k = 0; k < kBlock; k += 16) {
            const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + p + k));
            const __m128i hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(block, delimiter), _mm_cmpeq_epi8(block, quote)),
                _mm_or_si128(_mm_cmpeq_epi8(block, cr), _mm_cmpeq_epi8(block, lf)));
            bits |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(hits)))
                    << k;
        }
        return bits;
#else
        std::uint64_t bits = 0;
        for (std::size_t i = 0; i < kBlock; ++i)
            bits |= static_cast<std::uint64_t>(special_[static_cast<unsigned char>(data[p + i])])
                    << i;
        return bits;
#endif
    }
    std::uint64_t bits = std::uint64_t{1} << (n - p);
    for (std::size_t i = p; i < n; ++i)
        bits |= static_cast<std::uint64_t>(special_[static_cast<unsigned char>(data[i])])
                << (i - p);
    return bits;
}

std::size_t DelimitedTokenizer::skipPlain(std::size_t p) {
    // The bits of the last 64-byte block are kept: a record's short fields share blocks.
    while (true) {
        if (p < blockStart_ || p >= blockStart_ + kBlock) {
            if (p >= text_.size()) return text_.size();
            blockStart_ = p;
            blockBits_ = specialBits(p);
        }
        const std::uint64_t bits = blockBits_ >> (p - blockStart_);
        if (bits) return p + static_cast<std::size_t>(std::countr_zero(bits));
        p = blockStart_ + kBlock;
    }
}

RecordStatus DelimitedTokenizer::next(RecordFields& record) {
    record.values.clear();
    record.unquoted.clear();
    // Unescaped fields are copied, as the tokenizer keeps only the last one; views into the
    // copy are made once it stops growing.
    struct Copied {
        std::size_t index, offset, length;
    };
    std::vector<Copied> copied;
    RecordInfo info;
    const RecordStatus status = nextInto(
        [&](std::size_t index, std::string_view value, std::size_t) {
            if (value.data() == scratch_.data() && !value.empty()) {
                copied.push_back({index, record.unquoted.size(), value.size()});
                record.unquoted.append(value);
            }
            record.values.push_back(value);
        },
        info);
    for (const Copied& c : copied)
        record.values[c.index] = std::string_view(record.unquoted).substr(c.offset, c.length);
    record.begin = info.begin;
    record.strayQuote = info.strayQuote;
    return status;
}

}  // namespace glassbox
