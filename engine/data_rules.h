#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/column.h"

namespace glassbox {

// One validation rule of the "validate" step. The text syntax (rules are separated by ';'):
//   COLUMN>=BOUND, COLUMN<=BOUND, COLUMN>BOUND, COLUMN<BOUND
//       a numeric column (BOUND a number) or a datetime column (BOUND an ISO 8601 date)
//   COLUMN in A|B|C    the cell is one of the values: a level, true/false, text, or a number
//                      (numeric columns compare by value, so "1.0" matches 1)
//   COLUMN not-missing the cell is present
// Spaces around the parts are ignored. A missing cell breaks only a not-missing rule.
struct DataRule {
    enum class Kind : std::uint8_t { Less, LessOrEqual, Greater, GreaterOrEqual, In, NotMissing };

    std::string column;
    Kind kind = Kind::NotMissing;
    std::string bound;                 // range rules
    std::vector<std::string> allowed;  // in rules

    // Canonical text: "price >= 0", "colour in red|green|blue", "id not-missing".
    std::string text() const;
};

// Parses a ';' list of rules; throws InvalidArgument("rules") naming the rule that is wrong.
std::vector<DataRule> parseDataRules(const std::string& text);

// The rows (ascending) of `column` that break `rule`. Throws InvalidArgument(`parameter`) when
// the rule does not fit the column's type (a range on a categorical column, a bound that is
// not a number or date).
std::vector<std::size_t> ruleViolations(const DataRule& rule, const Column& column,
                                        const std::string& parameter);

}  // namespace glassbox
