#include "engine/generalize.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

#include "engine/errors.h"
#include "engine/string_dictionary.h"

namespace glassbox {
namespace {

void requireType(const Column& column, bool ok, const char* needed) {
    if (!ok)
        throw InvalidArgument("column", "column \"" + column.name() + "\" is " +
                                            std::string(columnTypeName(column.type())) + "; " +
                                            needed);
}

std::string shortNumber(double value) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.12g", value == 0.0 ? 0.0 : value);
    return buffer;
}

// A column whose rows carry ordered keys: levels are the labels in key order.
template <class Key>
GeneralizedColumn build(const Column& column, const std::vector<Key>& keys,
                        const std::map<Key, std::string>& labels, GeneralizeReport report) {
    std::map<Key, std::int32_t> codeOf;
    std::vector<std::string> levels;
    for (const auto& [key, label] : labels) {
        codeOf.emplace(key, static_cast<std::int32_t>(levels.size()));
        levels.push_back(label);
    }
    std::vector<std::int32_t> codes(column.size(), -1);
    for (std::size_t r = 0; r < column.size(); ++r)
        if (!column.isMissing(r)) codes[r] = codeOf.at(keys[r]);
    report.column = column.name();
    report.missing = column.missingCount();
    report.distinctAfter = levels.size();
    return {
        Column::categorical(column.name(), std::move(codes), std::move(levels), column.validity()),
        std::move(report)};
}

// Days since 1970-01-01 to the civil year and month (H. Hinnant's days_from_civil inverse).
void civilFromDays(std::int64_t days, std::int64_t& year, int& month) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t dayOfEra = days - era * 146097;
    const std::int64_t yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t mp = (5 * dayOfYear + 2) / 153;
    month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
}

std::size_t codePoints(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

}  // namespace

GeneralizedColumn generalizeToRanges(const Column& column, double width, double origin) {
    requireType(column, column.type() == ColumnType::Numeric, "ranges need a numeric column");
    if (!std::isfinite(width) || width <= 0)
        throw InvalidArgument("width", "the range width must be a positive number");
    if (!std::isfinite(origin)) throw InvalidArgument("origin", "the origin must be a number");

    const auto values = column.numbers();
    const std::size_t rows = column.size();
    constexpr double kLimit = 9007199254740992.0;  // 2^53: beyond it doubles skip integers
    bool integral = std::floor(width) == width && std::floor(origin) == origin && width < kLimit &&
                    std::fabs(origin) < kLimit;
    std::unordered_set<double> distinct;
    bool sawNaN = false;
    for (std::size_t r = 0; r < rows; ++r) {
        if (column.isMissing(r)) continue;
        if (std::isnan(values[r])) {
            sawNaN = true;
            continue;
        }
        distinct.insert(values[r] == 0.0 ? 0.0 : values[r]);
        if (std::isfinite(values[r]) &&
            (std::floor(values[r]) != values[r] || std::fabs(values[r] - origin) >= kLimit))
            integral = false;
    }

    // Range index per row; the infinities and NaN get keys no range can have (|k| <= 2^53).
    constexpr std::int64_t kMinusInf = INT64_MIN, kPlusInf = INT64_MAX, kNaN = INT64_MAX - 1;
    std::vector<std::int64_t> keys(rows, 0);
    std::map<std::int64_t, std::string> labels;
    for (std::size_t r = 0; r < rows; ++r) {
        if (column.isMissing(r)) continue;
        const double x = values[r];
        if (std::isnan(x)) {
            keys[r] = kNaN;
            labels.emplace(kNaN, "nan");
            continue;
        }
        if (std::isinf(x)) {
            keys[r] = x < 0 ? kMinusInf : kPlusInf;
            labels.emplace(keys[r], x < 0 ? "-inf" : "inf");
            continue;
        }
        std::int64_t k;
        if (integral) {
            // Whole numbers: exact floor division.
            const auto offset = static_cast<std::int64_t>(x - origin);
            const auto w = static_cast<std::int64_t>(width);
            k = offset / w - (offset % w < 0 ? 1 : 0);
        } else {
            const double q = (x - origin) / width;
            if (std::fabs(q) > kLimit)
                throw InvalidArgument("width", "ranges of width " + shortNumber(width) +
                                                   " are too narrow for the value " +
                                                   shortNumber(x));
            k = static_cast<std::int64_t>(std::floor(q));
            // 0.3 / 0.1 is 2.9999999999999996: a value within rounding of a boundary belongs
            // to the range that starts there, as it reads.
            if (q - double(k) > 1 - 1e-9) ++k;
        }
        keys[r] = k;
        labels.emplace(k, std::string());
    }

    bool negative = false;
    for (const auto& [k, label] : labels)
        if (k != kMinusInf && k != kPlusInf && k != kNaN && origin + double(k) * width < 0)
            negative = true;
    std::set<std::string> seen;
    for (auto& [k, label] : labels) {
        if (k == kMinusInf || k == kPlusInf || k == kNaN) continue;
        const double lo = origin + double(k) * width, hi = lo + width;
        if (integral) {
            const auto first = static_cast<std::int64_t>(lo),
                       last = static_cast<std::int64_t>(hi) - 1;
            if (first == last)
                label = std::to_string(first);
            else if (negative)
                label = "[" + std::to_string(first) + ", " + std::to_string(last) + "]";
            else
                label = std::to_string(first) + "-" + std::to_string(last);
        } else {
            label = "[" + shortNumber(lo) + ", " + shortNumber(hi) + ")";
        }
        if (!seen.insert(label).second)
            throw InvalidArgument("width", "ranges of width " + shortNumber(width) +
                                               " are too narrow to label apart");
    }

    GeneralizeReport report;
    report.rule = "ranges of width " + shortNumber(width) + " from " + shortNumber(origin);
    report.distinctBefore = distinct.size() + (sawNaN ? 1 : 0);
    // Only whole-number ranges of width 1 show a value as it was.
    const bool unchanged = integral && width == 1.0;
    for (std::size_t r = 0; r < rows; ++r)
        if (!column.isMissing(r) && !(unchanged && std::isfinite(values[r]))) ++report.cellsChanged;
    return build(column, keys, labels, std::move(report));
}

GeneralizedColumn generalizeDates(const Column& column, DatePrecision precision) {
    requireType(column, column.type() == ColumnType::DateTime,
                "dates generalise only from a datetime column");
    const auto seconds = column.numbers();
    const std::size_t rows = column.size();
    std::unordered_set<double> distinct;
    std::vector<std::int64_t> keys(rows, 0);
    std::map<std::int64_t, std::string> labels;
    for (std::size_t r = 0; r < rows; ++r) {
        if (column.isMissing(r)) continue;
        if (!std::isfinite(seconds[r]))
            throw InvalidArgument("column", "column \"" + column.name() +
                                                "\" holds a date that is not a finite time");
        distinct.insert(seconds[r]);
        std::int64_t year;
        int month;
        civilFromDays(static_cast<std::int64_t>(std::floor(seconds[r] / 86400.0)), year, month);
        char buffer[32];
        if (precision == DatePrecision::Year) {
            keys[r] = year;
            std::snprintf(buffer, sizeof buffer, "%04lld", static_cast<long long>(year));
        } else {
            keys[r] = year * 12 + (month - 1);
            std::snprintf(buffer, sizeof buffer, "%04lld-%02d", static_cast<long long>(year),
                          month);
        }
        labels.emplace(keys[r], buffer);
    }
    GeneralizeReport report;
    report.rule = precision == DatePrecision::Year ? "dates to years" : "dates to months";
    report.distinctBefore = distinct.size();
    report.cellsChanged = rows - column.missingCount();
    return build(column, keys, labels, std::move(report));
}

GeneralizedColumn truncateStrings(const Column& column, std::size_t keep,
                                  const std::string& marker) {
    requireType(column,
                column.type() == ColumnType::Categorical || column.type() == ColumnType::Text,
                "truncation needs a categorical or text column");
    if (keep == 0) throw InvalidArgument("keep", "keep at least one character");
    const std::size_t rows = column.size();

    // Distinct input values first, so each is cut once.
    StringDictionary values;
    std::vector<std::int32_t> valueOf(rows, -1);
    std::vector<std::int32_t> levelValue(column.levels().size(), -1);
    for (std::size_t r = 0; r < rows; ++r) {
        if (column.isMissing(r)) continue;
        if (column.type() == ColumnType::Text) {
            valueOf[r] = values.intern(column.text(r));
        } else {
            std::int32_t& v = levelValue[static_cast<std::size_t>(column.codes()[r])];
            if (v < 0) v = values.intern(column.levels()[column.codes()[r]]);
            valueOf[r] = v;
        }
    }
    std::vector<std::string> cut(values.size());
    std::vector<bool> changed(values.size());
    std::map<std::string, std::int64_t> labelKey;
    for (std::size_t v = 0; v < values.size(); ++v) {
        const std::string_view text = values.value(static_cast<std::int32_t>(v));
        if (codePoints(text) <= keep) {
            cut[v] = std::string(text);
        } else {
            std::size_t end = 0, count = 0;
            while (end < text.size()) {
                if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && count++ == keep)
                    break;
                ++end;
            }
            std::string_view prefix = text.substr(0, end);
            while (!prefix.empty() && (prefix.back() == ' ' || prefix.back() == '\t'))
                prefix.remove_suffix(1);
            cut[v] = std::string(prefix) + marker;
            changed[v] = true;
        }
        labelKey.emplace(cut[v], 0);
    }
    // Keys in text order, so levels come out sorted.
    std::map<std::int64_t, std::string> labels;
    std::int64_t next = 0;
    for (auto& [label, key] : labelKey) {
        key = next++;
        labels.emplace(key, label);
    }
    std::vector<std::int64_t> keyOfValue(values.size());
    for (std::size_t v = 0; v < values.size(); ++v) keyOfValue[v] = labelKey.at(cut[v]);
    std::vector<std::int64_t> keys(rows, 0);
    GeneralizeReport report;
    for (std::size_t r = 0; r < rows; ++r) {
        if (valueOf[r] < 0) continue;
        const auto v = static_cast<std::size_t>(valueOf[r]);
        keys[r] = keyOfValue[v];
        report.cellsChanged += changed[v];
    }
    report.rule = "first " + std::to_string(keep) + " characters + \"" + marker + "\"";
    report.distinctBefore = values.size();
    return build(column, keys, labels, std::move(report));
}

}  // namespace glassbox
