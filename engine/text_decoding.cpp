#include "engine/text_decoding.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "engine/errors.h"
#include "engine/parallel_for.h"
#include "engine/text_position.h"

namespace glassbox {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kReleaseBlock = 8 * 1024 * 1024;

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool isUtf8Name(const std::string& upperName) {
    return upperName == "UTF-8" || upperName == "UTF8";
}

std::string hexByte(unsigned char b) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", b);
    return buffer;
}

ParseError errorAt(const std::string& fileName, std::string_view text, std::size_t offset,
                   const std::string& reason) {
    const TextPosition p = locateOffset(text, offset);
    return ParseError(fileName, p.line, p.column, reason);
}

std::string_view withoutUtf8Bom(std::string_view bytes) {
    if (bytes.substr(0, 3) == kUtf8Bom) bytes.remove_prefix(3);
    return bytes;
}

// Splits bytes into blocks that start on a character (not on a UTF-8 continuation byte).
std::vector<std::string_view> characterBlocks(std::string_view bytes) {
    std::vector<std::string_view> blocks;
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = std::min(bytes.size(), start + kReleaseBlock);
        for (int k = 0;
             k < 3 && end < bytes.size() && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80;
             ++k)
            --end;
        blocks.push_back(bytes.substr(start, end - start));
        start = end;
    }
    return blocks;
}

// findInvalidUtf8 over blocks on several threads, releasing each block once checked.
std::size_t findInvalidUtf8InBlocks(std::string_view bytes, const ReleaseBytes& release,
                                    unsigned threads) {
    const std::vector<std::string_view> blocks = characterBlocks(bytes);
    std::vector<std::size_t> bad(blocks.size(), std::string_view::npos);
    parallelFor(blocks.size(), threads, [&](std::size_t i, bool) {
        bad[i] = findInvalidUtf8(blocks[i]);
        if (release) release(blocks[i]);
        return true;
    });
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (bad[i] != std::string_view::npos)
            return static_cast<std::size_t>(blocks[i].data() - bytes.data()) + bad[i];
    return std::string_view::npos;
}

// Outcome of an iconv conversion that stopped early.
struct ConversionStop {
    std::size_t inputOffset = 0;
    bool incomplete = false;  // the input ended inside a character
};

// Converts in (encoded as from) to UTF-8 into out. Returns false and fills stop when a byte is
// invalid; out then holds the text converted before it.
bool convertToUtf8(std::string_view in, const std::string& from, std::string& out,
                   ConversionStop& stop) {
    iconv_t cd = iconv_open("UTF-8", from.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw InvalidArgument("--encoding", "unknown encoding \"" + from + "\"");
    out.resize(in.size() + in.size() / 2 + 64);
    char* inPtr = const_cast<char*>(in.data());
    std::size_t inLeft = in.size();
    std::size_t written = 0;
    bool ok = true;
    while (inLeft > 0) {
        char* outPtr = out.data() + written;
        std::size_t outLeft = out.size() - written;
        const std::size_t result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
        written = out.size() - outLeft;
        if (result != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() + out.size() / 2 + 64);
            continue;
        }
        ok = false;
        stop.inputOffset = in.size() - inLeft;
        stop.incomplete = errno == EINVAL;
        break;
    }
    iconv_close(cd);
    out.resize(written);
    if (out.substr(0, 3) == kUtf8Bom) out.erase(0, 3);
    return ok;
}

DecodedText convertOrThrow(std::string_view bytes, const std::string& encoding,
                           const std::string& fileName, const ReleaseBytes& release) {
    DecodedText decoded;
    decoded.isConverted = true;
    decoded.encoding = encoding;
    ConversionStop stop;
    if (!convertToUtf8(bytes, encoding, decoded.converted, stop)) {
        const std::string reason =
            stop.incomplete
                ? "the file ends inside a character (not valid " + encoding + ")"
                : "byte " + hexByte(static_cast<unsigned char>(bytes[stop.inputOffset])) +
                      " is not valid " + encoding;
        throw errorAt(fileName, decoded.converted, decoded.converted.size(), reason);
    }
    if (release) release(bytes);
    return decoded;
}

constexpr std::size_t kUtf8Probe = 64 * 1024;

// The end of the first `limit` bytes, moved back so as not to cut a character.
std::size_t probeEnd(std::string_view bytes, std::size_t limit) {
    std::size_t end = std::min(bytes.size(), limit);
    for (int k = 0;
         k < 3 && end < bytes.size() && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80;
         ++k)
        --end;
    return end;
}

// UTF-8 declared by a BOM or by the caller: invalid bytes are an error.
DecodedText utf8OrThrow(std::string_view bytes, const std::string& fileName,
                        const DecodeOptions& options) {
    DecodedText decoded;
    decoded.original = withoutUtf8Bom(bytes);
    decoded.encoding = "UTF-8";
    decoded.utf8Declared = true;
    std::size_t bad;
    if (options.deferUtf8Check) {
        const std::size_t end = probeEnd(decoded.original, kUtf8Probe);
        bad = findInvalidUtf8(decoded.original.substr(0, end));
        decoded.uncheckedFrom = end;
    } else {
        bad = findInvalidUtf8InBlocks(decoded.original, options.release, options.threads);
    }
    if (bad != std::string_view::npos) throw invalidUtf8Error(decoded.original, bad, fileName);
    return decoded;
}

// UTF-16 without a BOM: in mostly-ASCII text every other byte is zero.
std::string guessBomlessUtf16(std::string_view bytes) {
    const std::size_t sample = std::min<std::size_t>(bytes.size(), 4096) & ~std::size_t{1};
    if (sample < 4) return {};
    std::size_t evenZeros = 0, oddZeros = 0;
    for (std::size_t i = 0; i < sample; i += 2) {
        evenZeros += bytes[i] == 0;
        oddZeros += bytes[i + 1] == 0;
    }
    const std::size_t pairs = sample / 2;
    if (oddZeros * 10 >= pairs * 4 && evenZeros * 20 <= pairs) return "UTF-16LE";
    if (evenZeros * 10 >= pairs * 4 && oddZeros * 20 <= pairs) return "UTF-16BE";
    return {};
}

// True when every non-ASCII byte belongs to a GB18030 double-byte (or four-byte) sequence and
// most double-byte sequences have a trail byte >= 0x80 as Chinese characters do. Latin-1 text
// ("Müller") can form pairs with an ASCII trail byte, so those alone do not count.
bool looksLikeGb18030(std::string_view bytes) {
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t sequences = 0, strong = 0;
    std::size_t i = 0;
    while (i < n) {
        if (b[i] < 0x80) {
            ++i;
            continue;
        }
        if (b[i] < 0x81 || b[i] > 0xFE || i + 1 >= n) return false;
        const unsigned char t = b[i + 1];
        if ((t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE)) {
            ++sequences;
            strong += t >= 0x80;
            i += 2;
        } else if (t >= 0x30 && t <= 0x39 && i + 3 < n && b[i + 2] >= 0x81 && b[i + 2] <= 0xFE &&
                   b[i + 3] >= 0x30 && b[i + 3] <= 0x39) {
            ++sequences;
            ++strong;
            i += 4;
        } else {
            return false;
        }
    }
    return sequences > 0 && strong * 2 > sequences;
}

}  // namespace

std::size_t findInvalidUtf8(std::string_view bytes) {
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        // Skips ASCII eight bytes at a time.
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, b + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = b[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t min = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + length > n) return i;
        for (std::size_t k = 1; k < length; ++k) {
            if ((b[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += length;
    }
    return std::string_view::npos;
}

DecodedText decodeText(std::string_view bytes, const std::string& encoding,
                       const std::string& fileName, const DecodeOptions& options) {
    const ReleaseBytes& release = options.release;
    if (!encoding.empty()) {
        const std::string name = upper(encoding);
        if (isUtf8Name(name)) return utf8OrThrow(bytes, fileName, options);
        return convertOrThrow(bytes, name, fileName, release);
    }
    if (bytes.substr(0, 3) == kUtf8Bom) return utf8OrThrow(bytes, fileName, options);
    if (bytes.substr(0, 2) == "\xFF\xFE")
        return convertOrThrow(bytes.substr(2), "UTF-16LE", fileName, release);
    if (bytes.substr(0, 2) == "\xFE\xFF")
        return convertOrThrow(bytes.substr(2), "UTF-16BE", fileName, release);
    if (const std::string utf16 = guessBomlessUtf16(bytes); !utf16.empty()) {
        DecodedText decoded;
        decoded.isConverted = true;
        ConversionStop stop;
        if (convertToUtf8(bytes, utf16, decoded.converted, stop)) {
            decoded.encoding = utf16;
            decoded.warning = "the file has no byte order mark; read as " + utf16 +
                              " (set the encoding if the text looks wrong)";
            if (release) release(bytes);
            return decoded;
        }
    }

    std::size_t bad;
    if (options.deferUtf8Check) {
        const std::size_t end = probeEnd(bytes, kUtf8Probe);
        bad = findInvalidUtf8(bytes.substr(0, end));
        if (bad == std::string_view::npos) {
            DecodedText decoded;
            decoded.original = bytes;
            decoded.encoding = "UTF-8";
            decoded.uncheckedFrom = end;
            return decoded;
        }
        // Invalid in the first bytes already: the whole file decides the encoding.
        bad = findInvalidUtf8(bytes);
    } else {
        bad = findInvalidUtf8InBlocks(bytes, release, options.threads);
        if (bad == std::string_view::npos) {
            DecodedText decoded;
            decoded.original = bytes;
            decoded.encoding = "UTF-8";
            return decoded;
        }
    }
    const TextPosition where = locateOffset(bytes, bad);
    DecodedText decoded;
    decoded.isConverted = true;
    ConversionStop stop;
    const char* candidates[] = {"GB18030", "WINDOWS-1252", "ISO-8859-1"};
    for (const char* candidate : candidates) {
        if (std::string_view(candidate) == "GB18030" && !looksLikeGb18030(bytes)) continue;
        decoded.converted.clear();
        if (convertToUtf8(bytes, candidate, decoded.converted, stop)) {
            decoded.encoding = candidate;
            break;
        }
    }
    decoded.warning =
        "the file is not valid UTF-8 (byte " + hexByte(static_cast<unsigned char>(bytes[bad])) +
        " at line " + std::to_string(where.line) + ", column " + std::to_string(where.column) +
        "); read as " + decoded.encoding + " (set the encoding if the text looks wrong)";
    if (release) release(bytes);
    return decoded;
}

ParseError invalidUtf8Error(std::string_view text, std::size_t offset,
                            const std::string& fileName) {
    return errorAt(fileName, text, offset,
                   "byte " + hexByte(static_cast<unsigned char>(text[offset])) +
                       " is not valid UTF-8 (set the encoding if the file is not UTF-8)");
}

ParseError nulByteError(std::string_view text, std::size_t offset, const std::string& fileName) {
    return errorAt(fileName, text, offset,
                   "the file does not look like text (it contains a NUL byte)");
}

void checkLooksLikeText(std::string_view text, const std::string& fileName,
                        const ReleaseBytes& release, unsigned threads) {
    const std::size_t blocks = (text.size() + kReleaseBlock - 1) / kReleaseBlock;
    std::vector<std::size_t> nul(blocks, std::string_view::npos);
    parallelFor(blocks, threads, [&](std::size_t i, bool) {
        const std::string_view block = text.substr(i * kReleaseBlock, kReleaseBlock);
        if (const void* hit = std::memchr(block.data(), 0, block.size()))
            nul[i] = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        if (release) release(block);
        return true;
    });
    for (std::size_t offset : nul)
        if (offset != std::string_view::npos) throw nulByteError(text, offset, fileName);
    checkControlCharacters(text, fileName);
}

void checkControlCharacters(std::string_view text, const std::string& fileName) {
    const std::size_t sample = std::min<std::size_t>(text.size(), 64 * 1024);
    std::size_t controls = 0, first = 0;
    for (std::size_t i = 0; i < sample; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') {
            if (controls++ == 0) first = i;
        }
    }
    if (controls > 0 && controls * 100 > sample)
        throw errorAt(fileName, text, first,
                      "the file does not look like text (control character " +
                          hexByte(static_cast<unsigned char>(text[first])) + ")");
}

}  // namespace glassbox
