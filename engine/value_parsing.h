#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace glassbox {

// A decimal number as written in data files: optional sign, digits, optional fraction and
// exponent, "inf"/"infinity" (any case). Surrounding spaces are allowed; hex and "nan" are not.
std::optional<double> parseNumber(std::string_view text);

// "true"/"false" and "yes"/"no", in any case.
std::optional<bool> parseBoolean(std::string_view text);

struct ParsedDateTime {
    double seconds;  // since 1970-01-01T00:00:00Z
    bool hasTime;    // false for a plain date
};

// ISO 8601: YYYY-MM-DD, optionally followed by 'T' or ' ' and HH:MM[:SS[.fraction]], optionally
// followed by 'Z' or ±HH:MM / ±HHMM (converted to UTC). Invalid dates (2023-02-30) are rejected.
std::optional<ParsedDateTime> parseIsoDateTime(std::string_view text);

// "2024-03-01" when hasTime is false, else "2024-03-01T12:30:00" (fractions kept when present).
std::string formatIsoDateTime(double seconds, bool hasTime);

// The default missing markers of delimited text: empty, NA, N/A, NaN, null (after trimming
// spaces; NA/N/A/NaN/null in any case).
bool isDefaultMissingMarker(std::string_view text);

// Leading and trailing spaces and tabs removed.
std::string_view trimSpaces(std::string_view text);

}  // namespace glassbox
