#include "engine/value_parsing.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace glassbox {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

bool isLeap(std::int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(std::int64_t y, unsigned m) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly n digits at pos.
bool readDigits(std::string_view s, std::size_t& pos, int n, int& out) {
    if (pos + static_cast<std::size_t>(n) > s.size()) return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char c = s[pos + static_cast<std::size_t>(i)];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    pos += static_cast<std::size_t>(n);
    out = v;
    return true;
}

// For a decimal number out of double's range: whether it is too large (else too small).
bool overflows(std::string_view digits) {
    std::size_t i = 0;
    long long integerDigits = 0, leadingFractionZeros = 0;
    bool significant = false;
    for (; i < digits.size() && digits[i] >= '0' && digits[i] <= '9'; ++i)
        if (significant || digits[i] != '0') {
            significant = true;
            ++integerDigits;
        }
    if (i < digits.size() && digits[i] == '.')
        for (++i; i < digits.size() && digits[i] >= '0' && digits[i] <= '9'; ++i)
            if (!significant) {
                if (digits[i] != '0')
                    significant = true;
                else
                    ++leadingFractionZeros;
            }
    long long exponent = 0;
    if (i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
        ++i;
        const bool negative = i < digits.size() && digits[i] == '-';
        if (i < digits.size() && (digits[i] == '-' || digits[i] == '+')) ++i;
        const auto [end, ec] =
            std::from_chars(digits.data() + i, digits.data() + digits.size(), exponent);
        if (ec == std::errc::result_out_of_range) return !negative;
        if (negative) exponent = -exponent;
    }
    return integerDigits > 0 ? integerDigits + exponent > 0 : exponent - leadingFractionZeros > 0;
}

}  // namespace

std::string_view trimSpaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<double> parseNumber(std::string_view text) {
    text = trimSpaces(text);
    if (text.empty()) return std::nullopt;
    bool negative = false;
    std::string_view body = text;
    if (body.front() == '+' || body.front() == '-') {
        negative = body.front() == '-';
        body.remove_prefix(1);
        if (body.empty() || body.front() == '+' || body.front() == '-') return std::nullopt;
    }
    if (equalsIgnoreCase(body, "inf") || equalsIgnoreCase(body, "infinity")) {
        const double inf = std::numeric_limits<double>::infinity();
        return negative ? -inf : inf;
    }
    // from_chars also takes "nan" and hex-free forms only; refuse anything but digits and '.'
    // at the start so "nan" stays a missing marker or a category, never a number.
    const char first = body.front();
    if (!(first >= '0' && first <= '9') && first != '.') return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value);
    if (end != body.data() + body.size()) return std::nullopt;
    if (ec == std::errc::result_out_of_range) {
        // Overflow reads as infinity and underflow as zero, as strtod does (from_chars leaves
        // value untouched then).
        value = overflows(body) ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (ec != std::errc()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

std::optional<bool> parseBoolean(std::string_view text) {
    text = trimSpaces(text);
    if (equalsIgnoreCase(text, "true") || equalsIgnoreCase(text, "yes")) return true;
    if (equalsIgnoreCase(text, "false") || equalsIgnoreCase(text, "no")) return false;
    return std::nullopt;
}

std::optional<ParsedDateTime> parseIsoDateTime(std::string_view s) {
    s = trimSpaces(s);
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0;
    if (!readDigits(s, pos, 4, year) || pos >= s.size() || s[pos++] != '-') return std::nullopt;
    if (!readDigits(s, pos, 2, month) || pos >= s.size() || s[pos++] != '-') return std::nullopt;
    if (!readDigits(s, pos, 2, day)) return std::nullopt;
    if (month < 1 || month > 12 || day < 1 ||
        static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month)))
        return std::nullopt;
    double seconds = static_cast<double>(daysFromCivil(year, static_cast<unsigned>(month),
                                                       static_cast<unsigned>(day))) *
                     86400.0;
    if (pos == s.size()) return ParsedDateTime{seconds, false};

    if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
    ++pos;
    int hour = 0, minute = 0, second = 0;
    if (!readDigits(s, pos, 2, hour) || pos >= s.size() || s[pos++] != ':') return std::nullopt;
    if (!readDigits(s, pos, 2, minute)) return std::nullopt;
    double fraction = 0;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!readDigits(s, pos, 2, second)) return std::nullopt;
        if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
            ++pos;
            double scale = 0.1;
            const std::size_t start = pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                fraction += (s[pos] - '0') * scale;
                scale /= 10;
                ++pos;
            }
            if (pos == start) return std::nullopt;
        }
    }
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    seconds += hour * 3600.0 + minute * 60.0 + second + fraction;
    if (pos < s.size()) {
        if (s[pos] == 'Z') {
            ++pos;
        } else if (s[pos] == '+' || s[pos] == '-') {
            const int sign = s[pos] == '+' ? 1 : -1;
            ++pos;
            int oh = 0, om = 0;
            if (!readDigits(s, pos, 2, oh)) return std::nullopt;
            if (pos < s.size() && s[pos] == ':') ++pos;
            if (!readDigits(s, pos, 2, om) || oh > 23 || om > 59) return std::nullopt;
            seconds -= sign * (oh * 3600.0 + om * 60.0);
        } else {
            return std::nullopt;
        }
    }
    if (pos != s.size()) return std::nullopt;
    return ParsedDateTime{seconds, true};
}

std::string formatIsoDateTime(double seconds, bool hasTime) {
    const double wholeDays = std::floor(seconds / 86400.0);
    double rest = seconds - wholeDays * 86400.0;
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civilFromDays(static_cast<std::int64_t>(wholeDays), y, m, d);
    char buffer[64];
    if (!hasTime) {
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
        return buffer;
    }
    const int hour = static_cast<int>(rest / 3600);
    rest -= hour * 3600.0;
    const int minute = static_cast<int>(rest / 60);
    rest -= minute * 60.0;
    const int second = static_cast<int>(rest);
    const double fraction = rest - second;
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02d:%02d:%02d",
                  static_cast<long long>(y), m, d, hour, minute, second);
    std::string out = buffer;
    const long millis = std::lround(fraction * 1000);
    if (millis > 0 && millis < 1000) {
        std::snprintf(buffer, sizeof buffer, ".%03ld", millis);
        out += buffer;
    }
    return out;
}

bool isDefaultMissingMarker(std::string_view text) {
    text = trimSpaces(text);
    return text.empty() || equalsIgnoreCase(text, "NA") || equalsIgnoreCase(text, "N/A") ||
           equalsIgnoreCase(text, "NaN") || equalsIgnoreCase(text, "null");
}

}  // namespace glassbox
