#include "engine/fast_number.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kIntegerPowers[] = {1,      10,      100,      1000,     10000,
                                            100000, 1000000, 10000000, 100000000};

// Up to eight bytes of [p, end) as a little-endian word, zero past end. Reads eight bytes at
// once when [p, p + 8) lies before readable.
inline std::uint64_t loadWord(const char* p, const char* end, const char* readable) {
    std::uint64_t w = 0;
    const std::ptrdiff_t left = end - p;
    if (readable - p >= 8) {
        std::memcpy(&w, p, 8);
        if (left < 8) w &= left <= 0 ? 0 : (~std::uint64_t{0} >> (8 * (8 - left)));
    } else {
        for (std::ptrdiff_t i = 0; i < left && i < 8; ++i)
            w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    }
    return w;
}

// The number of leading digit bytes of w (0 to 8).
inline int leadingDigits(std::uint64_t w) {
    // A byte is a digit when its high nibble is 3, also after adding 6 (0x3A-0x3F fail);
    // carries only disturb bytes after the first non-digit.
    constexpr std::uint64_t highNibbles = 0xF0F0F0F0F0F0F0F0ull, threes = 0x3030303030303030ull;
    const std::uint64_t notDigit =
        ((w & highNibbles) ^ threes) | (((w + 0x0606060606060606ull) & highNibbles) ^ threes);
    return notDigit ? std::countr_zero(notDigit) >> 3 : 8;
}

// The value of the first n (1 to 8) digit bytes of w.
inline std::uint64_t digitsValue(std::uint64_t w, int n) {
    std::uint64_t v = w << (8 * (8 - n));  // the n digits last of eight, zero bytes before
    v = ((v & 0x0F0F0F0F0F0F0F0Full) * 2561) >> 8;
    v = ((v & 0x00FF00FF00FF00FFull) * 6553601) >> 16;
    return ((v & 0x0000FFFF0000FFFFull) * 42949672960001ull) >> 32;
}

// Reads a run of digits into mantissa; returns how many (stops counting past 19).
inline int readDigitRun(const char*& p, const char* end, const char* readable,
                        std::uint64_t& mantissa) {
    int count = 0;
    while (true) {
        const std::uint64_t w = loadWord(p, end, readable);
        const int n = leadingDigits(w);
        if (n == 0) return count;
        mantissa = mantissa * kIntegerPowers[n] + digitsValue(w, n);
        p += n;
        count += n;
        if (n < 8 || count > 19) return count;
    }
}

}  // namespace

std::optional<double> parseNumberFast(std::string_view text) {
    return parseNumberFast(text, text.data() + text.size());
}

std::optional<double> parseNumberFast(std::string_view text, const char* readableEnd) {
    if constexpr (std::endian::native != std::endian::little) return parseNumber(text);
    const char* p = text.data();
    const char* const end = p + text.size();
    if (p == end) return std::nullopt;
    const bool negative = *p == '-';
    p += negative || *p == '+';
    std::uint64_t mantissa = 0;
    int digits = readDigitRun(p, end, readableEnd, mantissa);
    int decimals = 0;
    if (p < end && *p == '.' && digits <= 19) {
        ++p;
        decimals = readDigitRun(p, end, readableEnd, mantissa);
        digits += decimals;
    }
    // More than 19 digits may have wrapped the mantissa; those go to parseNumber.
    if (p != end || digits == 0 || digits > 19 || decimals > 22 ||
        mantissa > (std::uint64_t{1} << 53))
        return parseNumber(text);
    const double value = static_cast<double>(mantissa) / kPowersOfTen[decimals];
    return negative ? -value : value;
}

}  // namespace glassbox
