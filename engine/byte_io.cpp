#include "engine/byte_io.h"

#include "engine/errors.h"

namespace glassbox {

void ByteWriter::putString(const std::string& text) {
    put<std::uint64_t>(text.size());
    bytes_.insert(bytes_.end(), text.begin(), text.end());
}

void ByteWriter::putStrings(const std::vector<std::string>& texts) {
    put<std::uint64_t>(texts.size());
    for (const std::string& t : texts) putString(t);
}

void ByteWriter::putBytes(std::span<const std::uint8_t> bytes) {
    put<std::uint64_t>(bytes.size());
    bytes_.insert(bytes_.end(), bytes.begin(), bytes.end());
}

std::string ByteReader::getString() {
    const std::uint64_t size = get<std::uint64_t>();
    if (size > remaining()) fail("a text is longer than the file");
    std::string text(reinterpret_cast<const char*>(bytes_.data() + pos_), size);
    pos_ += size;
    return text;
}

std::vector<std::string> ByteReader::getStrings() {
    const std::uint64_t count = get<std::uint64_t>();
    // Each string needs at least its 8-byte length.
    if (count > remaining() / sizeof(std::uint64_t)) fail("a list is longer than the file");
    std::vector<std::string> texts;
    texts.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) texts.push_back(getString());
    return texts;
}

std::span<const std::uint8_t> ByteReader::getBytes() {
    const std::uint64_t size = get<std::uint64_t>();
    if (size > remaining()) fail("a block is longer than the file");
    const std::span<const std::uint8_t> out = bytes_.subspan(pos_, size);
    pos_ += size;
    return out;
}

void ByteReader::expectEnd() const {
    if (remaining() != 0) fail("unexpected bytes after the model");
}

void ByteReader::fail(const std::string& what) const {
    throw ModelFormatError(source_, what + " (at payload byte " + std::to_string(pos_) + ")");
}

}  // namespace glassbox
