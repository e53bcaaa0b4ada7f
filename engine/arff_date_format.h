#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/value_parsing.h"

namespace glassbox {

// The date pattern of an ARFF "date" attribute, in Java SimpleDateFormat syntax as Weka uses
// it. Supported letters: y, M (number, or English month name from MMM on), d, H, k, h, K, a,
// m, s, S (milliseconds), E (day name, checked loosely and ignored), Z and X (UTC offsets);
// text in single quotes and every other character are literals. Dates are read as UTC (Weka
// uses the local zone; a table has no zone, so the written wall time is kept). Parsing is strict,
// like Weka's non-lenient format: out-of-range fields and trailing text are rejected. A two-digit
// year "yy" maps 69-99 to 19xx and 00-68 to 20xx (Java's rolling window depends on today's date).
class ArffDateFormat {
  public:
    // ISO 8601, Weka's default: "yyyy-MM-dd'T'HH:mm:ss".
    static constexpr std::string_view kDefaultPattern = "yyyy-MM-dd'T'HH:mm:ss";

    // Compiles pattern; on failure returns nullopt and sets error to the reason.
    static std::optional<ArffDateFormat> compile(std::string_view pattern, std::string& error);

    std::optional<ParsedDateTime> parse(std::string_view text) const;
    // Whether the pattern has any time-of-day field.
    bool hasTime() const { return hasTime_; }
    const std::string& pattern() const { return pattern_; }

  private:
    struct Element {
        char letter = 0;  // 0 = literal
        int count = 0;    // repeat count of the letter
        std::string literal;
    };

    std::string pattern_;
    std::vector<Element> elements_;
    bool hasTime_ = false;
};

}  // namespace glassbox
