#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "engine/errors.h"

namespace glassbox {

// Bytes of a text file as UTF-8. When they already were UTF-8 the text is a view of them (BOM
// removed), else it is a converted copy.
struct DecodedText {
    std::string_view original;
    std::string converted;
    bool isConverted = false;
    // The encoding the bytes were read as: "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030",
    // "WINDOWS-1252", "ISO-8859-1", or the forced encoding's name in capitals.
    std::string encoding;
    // Set when the encoding was guessed from bytes that are not UTF-8.
    std::string warning;
    // With DecodeOptions::deferUtf8Check: text()[uncheckedFrom, end) is read as UTF-8 but not
    // yet checked to be valid; the caller checks it as it goes. Where it is not valid, the file
    // is either in error (utf8Declared: a BOM or a forced UTF-8) or must be decoded again
    // without deferring, so that its encoding is detected from all of it.
    std::size_t uncheckedFrom = static_cast<std::size_t>(-1);
    bool utf8Declared = false;

    std::string_view text() const { return isConverted ? std::string_view(converted) : original; }
};

// Called with parts of the input that were read and need not stay in memory (see
// MappedFile::release); may be empty.
using ReleaseBytes = std::function<void(std::string_view part)>;

struct DecodeOptions {
    ReleaseBytes release;
    unsigned threads = 1;  // UTF-8 is checked on this many threads
    // Check only the first 64 KB of text read as UTF-8 (see DecodedText::uncheckedFrom).
    bool deferUtf8Check = false;
};

// Detects the encoding (BOM, UTF-16 without BOM, valid UTF-8, GB18030, Windows-1252, Latin-1)
// unless one is forced (iconv names: "UTF-8", "UTF-16", "GB18030", "LATIN1", ...), and converts
// to UTF-8. Bytes invalid under a forced or BOM-declared encoding are a ParseError at their line
// and column; an unknown encoding name is InvalidArgument "--encoding".
DecodedText decodeText(std::string_view bytes, const std::string& encoding,
                       const std::string& fileName, const DecodeOptions& options = {});

// The ParseError for the invalid UTF-8 byte at offset of text.
ParseError invalidUtf8Error(std::string_view text, std::size_t offset, const std::string& fileName);
// The ParseError for the NUL byte at offset of text.
ParseError nulByteError(std::string_view text, std::size_t offset, const std::string& fileName);

// ParseError "does not look like text" at the first NUL byte (nulByteError), or as
// checkControlCharacters.
void checkLooksLikeText(std::string_view text, const std::string& fileName,
                        const ReleaseBytes& release = {}, unsigned threads = 1);

// ParseError "does not look like text" at the first control character when more than 1% of the
// first 64 KB are control characters (binary data).
void checkControlCharacters(std::string_view text, const std::string& fileName);

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t findInvalidUtf8(std::string_view bytes);

}  // namespace glassbox
