#include "engine/arff_date_format.h"

#include <array>
#include <cstdio>

namespace glassbox {
namespace {

constexpr std::string_view kSupportedLetters = "yMdHkhKamsSEZX";
constexpr std::string_view kTimeLetters = "HkhKamsS";

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kDayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(text[i]) != prefix[i]) return false;
    return true;
}

// Matches a full name or its three-letter abbreviation at pos; returns the 0-based index.
template <std::size_t N>
std::optional<int> matchName(std::string_view text, std::size_t& pos,
                             const std::array<std::string_view, N>& names) {
    const std::string_view rest = text.substr(pos);
    for (std::size_t i = 0; i < N; ++i) {
        if (startsWithIgnoreCase(rest, names[i])) {
            pos += names[i].size();
            return static_cast<int>(i);
        }
    }
    for (std::size_t i = 0; i < N; ++i) {
        if (startsWithIgnoreCase(rest, names[i].substr(0, 3))) {
            pos += 3;
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

// Reads exactly width digits (width > 0) or 1 to 9 digits (width 0).
bool readNumber(std::string_view text, std::size_t& pos, int width, int& value,
                std::size_t& digits) {
    const std::size_t start = pos;
    const std::size_t limit = width > 0 ? static_cast<std::size_t>(width) : 9;
    value = 0;
    while (pos < text.size() && pos - start < limit && isDigit(text[pos])) {
        value = value * 10 + (text[pos] - '0');
        ++pos;
    }
    digits = pos - start;
    return digits > 0 && (width == 0 || digits == static_cast<std::size_t>(width));
}

// "Z", or +HH, +HHMM, +HH:MM (either sign); returns minutes east of UTC.
std::optional<int> readUtcOffset(std::string_view text, std::size_t& pos) {
    if (pos < text.size() && text[pos] == 'Z') {
        ++pos;
        return 0;
    }
    if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
    const int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int hours = 0, minutes = 0;
    std::size_t digits = 0;
    if (!readNumber(text, pos, 2, hours, digits)) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') ++pos;
    if (pos < text.size() && isDigit(text[pos]) && !readNumber(text, pos, 2, minutes, digits))
        return std::nullopt;
    if (hours > 23 || minutes > 59) return std::nullopt;
    return sign * (hours * 60 + minutes);
}

bool isNumericField(char letter, int count) {
    if (letter == 'M') return count < 3;
    return letter != 0 && letter != 'a' && letter != 'E' && letter != 'Z' && letter != 'X';
}

}  // namespace

std::optional<ArffDateFormat> ArffDateFormat::compile(std::string_view pattern,
                                                      std::string& error) {
    ArffDateFormat format;
    format.pattern_ = std::string(pattern);
    auto addLiteral = [&](std::string_view text) {
        if (format.elements_.empty() || format.elements_.back().letter != 0)
            format.elements_.push_back({});
        format.elements_.back().literal += text;
    };
    std::size_t i = 0;
    while (i < pattern.size()) {
        const char c = pattern[i];
        if (isLetter(c)) {
            std::size_t end = i;
            while (end < pattern.size() && pattern[end] == c) ++end;
            if (kSupportedLetters.find(c) == std::string_view::npos) {
                error = std::string("unsupported date pattern letter '") + c + "' in \"" +
                        std::string(pattern) + "\" (supported: y M d H k h K a m s S E Z X)";
                return std::nullopt;
            }
            format.elements_.push_back({c, static_cast<int>(end - i), {}});
            format.hasTime_ = format.hasTime_ || kTimeLetters.find(c) != std::string_view::npos;
            i = end;
        } else if (c == '\'') {
            if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
                addLiteral("'");
                i += 2;
                continue;
            }
            std::string literal;
            std::size_t j = i + 1;
            for (;; ++j) {
                if (j >= pattern.size()) {
                    error = "unterminated quote in date pattern \"" + std::string(pattern) + "\"";
                    return std::nullopt;
                }
                if (pattern[j] != '\'') {
                    literal += pattern[j];
                } else if (j + 1 < pattern.size() && pattern[j + 1] == '\'') {
                    literal += '\'';
                    ++j;
                } else {
                    break;
                }
            }
            addLiteral(literal);
            i = j + 1;
        } else {
            addLiteral(pattern.substr(i, 1));
            ++i;
        }
    }
    return format;
}

std::optional<ParsedDateTime> ArffDateFormat::parse(std::string_view text) const {
    text = trimSpaces(text);
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
    int hour12 = -1;  // from h or K, combined with the AM/PM marker at the end
    bool pm = false;
    std::optional<int> offsetMinutes;
    std::size_t pos = 0;
    for (std::size_t e = 0; e < elements_.size(); ++e) {
        const Element& element = elements_[e];
        if (element.letter == 0) {
            if (text.substr(pos, element.literal.size()) != element.literal) return std::nullopt;
            pos += element.literal.size();
            continue;
        }
        if (element.letter == 'M' && element.count >= 3) {
            const auto index = matchName(text, pos, kMonthNames);
            if (!index) return std::nullopt;
            month = *index + 1;
            continue;
        }
        if (element.letter == 'E') {
            if (!matchName(text, pos, kDayNames)) return std::nullopt;
            continue;
        }
        if (element.letter == 'a') {
            if (startsWithIgnoreCase(text.substr(pos), "am")) {
                pm = false;
            } else if (startsWithIgnoreCase(text.substr(pos), "pm")) {
                pm = true;
            } else {
                return std::nullopt;
            }
            pos += 2;
            continue;
        }
        if (element.letter == 'Z' || element.letter == 'X') {
            offsetMinutes = readUtcOffset(text, pos);
            if (!offsetMinutes) return std::nullopt;
            continue;
        }
        // Numeric fields directly followed by another numeric field ("yyyyMMdd") have fixed
        // widths; otherwise any number of digits is read, as Java does.
        const bool abutting = e + 1 < elements_.size() &&
                              isNumericField(elements_[e + 1].letter, elements_[e + 1].count);
        int value = 0;
        std::size_t digits = 0;
        if (!readNumber(text, pos, abutting ? element.count : 0, value, digits))
            return std::nullopt;
        switch (element.letter) {
            case 'y':
                year =
                    element.count <= 2 && digits == 2 ? (value < 69 ? 2000 : 1900) + value : value;
                break;
            case 'M':
                month = value;
                break;
            case 'd':
                day = value;
                break;
            case 'H':
                hour = value;
                if (value > 23) return std::nullopt;
                break;
            case 'k':
                if (value < 1 || value > 24) return std::nullopt;
                hour = value % 24;
                break;
            case 'h':
                if (value < 1 || value > 12) return std::nullopt;
                hour12 = value % 12;
                break;
            case 'K':
                if (value > 11) return std::nullopt;
                hour12 = value;
                break;
            case 'm':
                minute = value;
                break;
            case 's':
                second = value;
                break;
            case 'S':
                millis = value;
                break;
            default:
                return std::nullopt;
        }
    }
    if (pos != text.size()) return std::nullopt;
    if (hour12 >= 0) hour = hour12 + (pm ? 12 : 0);
    if (year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 ||
        second > 59 || millis > 999)
        return std::nullopt;
    // The ISO parser checks the day against the month and does the calendar arithmetic.
    char iso[64];
    int length = std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", year, month,
                               day, hour, minute, second, millis);
    if (offsetMinutes) {
        const int absolute = *offsetMinutes < 0 ? -*offsetMinutes : *offsetMinutes;
        length += std::snprintf(iso + length, sizeof iso - static_cast<std::size_t>(length),
                                "%c%02d:%02d", *offsetMinutes < 0 ? '-' : '+', absolute / 60,
                                absolute % 60);
    }
    auto parsed = parseIsoDateTime(std::string_view(iso, static_cast<std::size_t>(length)));
    // A zone offset moves a plain date off midnight, so the time must then be shown.
    if (parsed) parsed->hasTime = hasTime_ || (offsetMinutes && *offsetMinutes != 0);
    return parsed;
}

}  // namespace glassbox
