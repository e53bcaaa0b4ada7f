#include "engine/arff_tokenizer.h"

namespace glassbox {
namespace {

bool isLineBreak(char c) {
    return c == '\n' || c == '\r';
}

}  // namespace

bool ArffLineReader::next(ArffLine& line) {
    if (pos_ >= text_.size()) return false;
    std::size_t end = pos_;
    while (end < text_.size() && !isLineBreak(text_[end])) ++end;
    line.text = text_.substr(pos_, end - pos_);
    line.number = ++lineNumber_;
    if (end + 1 < text_.size() && text_[end] == '\r' && text_[end + 1] == '\n') ++end;
    pos_ = end + 1;
    return true;
}

double ArffLineReader::fraction() const {
    return text_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(text_.size());
}

void ArffCursor::skipSpaces() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
}

bool ArffCursor::atEnd() {
    skipSpaces();
    return pos_ >= text_.size() || text_[pos_] == '%';
}

char ArffCursor::peek() {
    return atEnd() ? '\0' : text_[pos_];
}

bool ArffCursor::accept(char c) {
    if (peek() != c || c == '\0') return false;
    ++pos_;
    return true;
}

std::size_t ArffCursor::contentEnd() const {
    // The comment starts at the first % outside quotes; earlier content is kept.
    std::size_t end = text_.size();
    char quote = 0;
    for (std::size_t i = 0; i < text_.size(); ++i) {
        const char c = text_[i];
        if (quote) {
            if (c == '\\')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '%') {
            end = i;
            break;
        }
    }
    while (end > 0 && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
    return end;
}

ArffCursor::Value ArffCursor::readQuoted() {
    const std::size_t start = pos_;
    const char quote = text_[pos_++];
    std::size_t end = pos_;
    while (end < text_.size() && text_[end] != quote && text_[end] != '\\') ++end;
    if (end < text_.size() && text_[end] == quote) {
        const std::string_view inside = text_.substr(pos_, end - pos_);
        pos_ = end + 1;
        return {inside, true, start};
    }
    scratch_.assign(text_.substr(pos_, end - pos_));
    pos_ = end;
    while (pos_ < text_.size() && text_[pos_] != quote) {
        char c = text_[pos_++];
        if (c == '\\') {
            if (pos_ >= text_.size()) break;
            c = text_[pos_++];
            if (c == 'n')
                c = '\n';
            else if (c == 't')
                c = '\t';
            else if (c == 'r')
                c = '\r';
        }
        scratch_ += c;
    }
    if (pos_ >= text_.size())
        throw errorAt(
            start, std::string("unterminated quoted value: no closing ") + quote + " on this line");
    ++pos_;
    return {scratch_, true, start};
}

ArffCursor::Value ArffCursor::readValue(std::string_view stops) {
    skipSpaces();
    if (pos_ < text_.size() && (text_[pos_] == '\'' || text_[pos_] == '"')) return readQuoted();
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != '%' && stops.find(text_[pos_]) == stops.npos)
        ++pos_;
    std::size_t end = pos_;
    while (end > start && (text_[end - 1] == ' ' || text_[end - 1] == '\t')) --end;
    return {text_.substr(start, end - start), false, start};
}

ArffCursor::Value ArffCursor::readWord(std::string_view stops) {
    skipSpaces();
    if (pos_ < text_.size() && (text_[pos_] == '\'' || text_[pos_] == '"')) return readQuoted();
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != ' ' && text_[pos_] != '\t' && text_[pos_] != '%' &&
           stops.find(text_[pos_]) == stops.npos)
        ++pos_;
    return {text_.substr(start, pos_ - start), false, start};
}

std::string quotedExcerpt(std::string_view text) {
    constexpr std::size_t kLongest = 60;
    if (text.size() <= kLongest) return "\"" + std::string(text) + "\"";
    std::size_t cut = kLongest;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return "\"" + std::string(text.substr(0, cut)) + "...\"";
}

ParseError ArffCursor::errorAt(std::size_t offset, const std::string& what) const {
    return ParseError(fileName_, lineNumber_, locateOffset(text_, offset).column, what);
}

}  // namespace glassbox
