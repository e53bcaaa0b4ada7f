#include "engine/fast_number.h"

#include <cstdint>

#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr double kPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

}  // namespace

std::optional<double> parseNumberFast(std::string_view text) {
    const char* p = text.data();
    const char* const end = p + text.size();
    if (p == end) return std::nullopt;
    const bool negative = *p == '-';
    p += negative || *p == '+';
    // One loop over digits and at most one '.', so that the only hard-to-predict branch is
    // its end; anything else goes to parseNumber.
    std::uint64_t mantissa = 0;
    int digits = 0, decimals = 0, afterPoint = 0;
    for (; p < end; ++p) {
        const unsigned digit = static_cast<unsigned char>(*p) - static_cast<unsigned>('0');
        if (digit < 10) {
            mantissa = mantissa * 10 + digit;
            ++digits;
            decimals += afterPoint;
        } else if (*p == '.' && !afterPoint) {
            afterPoint = 1;
        } else {
            return parseNumber(text);
        }
    }
    // More than 19 digits may have wrapped the mantissa; a larger one is not exact.
    if (digits == 0 || digits > 19 || mantissa > (std::uint64_t{1} << 53)) return parseNumber(text);
    const double value = static_cast<double>(mantissa) / kPowersOfTen[decimals];
    return negative ? -value : value;
}

}  // namespace glassbox
