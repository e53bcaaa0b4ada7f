#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/errors.h"
#include "engine/text_position.h"

namespace glassbox {

// One line of an ARFF file, without its line break, and its 1-based number.
struct ArffLine {
    std::string_view text;
    std::size_t number = 0;
};

// Splits UTF-8 text into lines (LF, CRLF or CR).
class ArffLineReader {
  public:
    explicit ArffLineReader(std::string_view text) : text_(text) {}

    bool next(ArffLine& line);
    // Share of the text consumed so far, for progress.
    double fraction() const;
    // The editor position just after the last character (for "missing section" errors).
    TextPosition end() const { return locateOffset(text_, text_.size()); }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t lineNumber_ = 0;
};

// Reads the parts of one ARFF line. Spaces and tabs separate tokens; a % outside quotes starts a
// comment to the line end. Quoted values use ' or " and backslash escapes (\n \t \r, and any
// other character after a backslash stands for itself: \' \" \\ \%).
class ArffCursor {
  public:
    ArffCursor(const ArffLine& line, const std::string& fileName)
        : text_(line.text), lineNumber_(line.number), fileName_(fileName) {}

    struct Value {
        std::string_view text;  // valid until the next read
        bool quoted = false;
        std::size_t offset = 0;  // byte offset in the line where the value starts
    };

    // Skips spaces; true at the line end or at a comment.
    bool atEnd();
    // Skips spaces and returns the next character ('\0' at the end or at a comment).
    char peek();
    // Skips spaces, then consumes c if it is next.
    bool accept(char c);
    std::size_t offset() const { return pos_; }
    // The offset just after the last character before the line end or comment, ignoring spaces.
    std::size_t contentEnd() const;

    // A quoted value, or unquoted text up to one of stops, a % or the line end, trimmed.
    Value readValue(std::string_view stops);
    // A quoted value, or unquoted text up to a space, a tab, one of stops or a %.
    Value readWord(std::string_view stops);

    ParseError errorAt(std::size_t offset, const std::string& what) const;

  private:
    void skipSpaces();
    Value readQuoted();

    std::string_view text_;
    std::size_t lineNumber_;
    const std::string& fileName_;
    std::size_t pos_ = 0;
    std::string scratch_;
};

// text in double quotes for a message, cut after about 60 bytes (at a character boundary).
std::string quotedExcerpt(std::string_view text);

}  // namespace glassbox
