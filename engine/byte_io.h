#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

namespace glassbox {

// An integer at a fixed place of a file's preamble, little-endian whatever the host (the model
// file and the history's export file share this layout).
template <class T>
void putLittle(std::uint8_t* out, T value) {
    for (std::size_t i = 0; i < sizeof(T); ++i)
        out[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(value) >> (8 * i));
}

template <class T>
T getLittle(const std::uint8_t* p) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i) v |= std::uint64_t{p[i]} << (8 * i);
    return static_cast<T>(v);
}

// Appends little-endian values to a byte buffer: how models write their payload.
class ByteWriter {
  public:
    template <class T>
    requires std::is_arithmetic_v<T>
    void put(T value) {
        static_assert(std::endian::native == std::endian::little, "little-endian hosts only");
        const auto* p = reinterpret_cast<const std::uint8_t*>(&value);
        bytes_.insert(bytes_.end(), p, p + sizeof(T));
    }
    void putString(const std::string& text);
    // A count (u64) followed by the raw elements.
    template <class T>
    requires std::is_arithmetic_v<T>
    void putVector(std::span<const T> values) {
        put<std::uint64_t>(values.size());
        const auto* p = reinterpret_cast<const std::uint8_t*>(values.data());
        bytes_.insert(bytes_.end(), p, p + values.size() * sizeof(T));
    }
    template <class T>
    void putVector(const std::vector<T>& values) {
        putVector(std::span<const T>(values));
    }
    void putStrings(const std::vector<std::string>& texts);
    void putBytes(std::span<const std::uint8_t> bytes);

    const std::vector<std::uint8_t>& bytes() const { return bytes_; }
    std::vector<std::uint8_t> take() { return std::move(bytes_); }

  private:
    std::vector<std::uint8_t> bytes_;
};

// Reads what ByteWriter wrote, checking every size against the bytes left first: a truncated
// or crafted payload throws ModelFormatError, it never reads out of bounds or allocates more
// than the payload could hold.
class ByteReader {
  public:
    // `source` names the file in error messages.
    ByteReader(std::span<const std::uint8_t> bytes, std::string source)
        : bytes_(bytes), source_(std::move(source)) {}

    template <class T>
    requires std::is_arithmetic_v<T> T get() {
        need(sizeof(T));
        T value;
        std::memcpy(&value, bytes_.data() + pos_, sizeof(T));
        pos_ += sizeof(T);
        return value;
    }
    std::string getString();
    template <class T>
    requires std::is_arithmetic_v<T> std::vector<T> getVector() {
        const std::uint64_t count = get<std::uint64_t>();
        if (count > remaining() / sizeof(T)) fail("a list is longer than the file");
        std::vector<T> values(count);
        // memcpy from or to an empty vector's null data() is undefined, even for 0 bytes.
        if (count != 0) std::memcpy(values.data(), bytes_.data() + pos_, count * sizeof(T));
        pos_ += count * sizeof(T);
        return values;
    }
    std::vector<std::string> getStrings();
    std::span<const std::uint8_t> getBytes();

    std::size_t remaining() const { return bytes_.size() - pos_; }
    std::size_t position() const { return pos_; }
    const std::string& source() const { return source_; }
    // Throws unless every byte was read (trailing garbage is a format error too).
    void expectEnd() const;
    // Throws ModelFormatError "SOURCE: WHAT (at byte N)".
    [[noreturn]] void fail(const std::string& what) const;
    // fail() unless `condition`: for checking invariants of what was read.
    void require(bool condition, const char* what) const {
        if (!condition) fail(what);
    }

  private:
    void need(std::size_t count) const {
        if (count > remaining()) fail("the file ends too early");
    }

    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
    std::string source_;
};

}  // namespace glassbox
