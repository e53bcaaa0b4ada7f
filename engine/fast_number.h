#pragma once

#include <optional>
#include <string_view>

namespace glassbox {

// parseNumber with a fast path for the common plain decimals ("-12.375": sign, at most 19
// digits, no exponent, mantissa <= 2^53, at most 22 decimals), which are exact as
// mantissa / 10^k (Clinger's fast path); anything else goes to parseNumber. Gives exactly
// what parseNumber gives for every input.
std::optional<double> parseNumberFast(std::string_view text);

}  // namespace glassbox
