#pragma once

#include <cstddef>
#include <string>

#include "engine/column.h"

namespace glassbox {

// Generalisation of quasi-identifiers: each step returns a new categorical column of the same
// name (missing cells stay missing) and a report of what it changed.
struct GeneralizeReport {
    std::string column;
    std::string rule;                // e.g. "ranges of width 10 from 0"
    std::size_t cellsChanged = 0;    // present cells whose shown text changed
    std::size_t distinctBefore = 0;  // distinct present values
    std::size_t distinctAfter = 0;   // distinct generalised values
    std::size_t missing = 0;
};

struct GeneralizedColumn {
    Column column;
    GeneralizeReport report;
};

// A numeric column to ranges [origin + k*width, origin + (k+1)*width). When width, origin and
// every value are whole numbers the labels are closed integer ranges, "30-39" (age 37, width
// 10, origin 0; "[-10, -1]" style when a range starts below 0; "37" for width 1); otherwise
// half-open "[0.5, 1)". Infinite values become "-inf" / "inf", NaN "nan". Levels are in range
// order. InvalidArgument("width") unless width is finite and > 0 (or too small to tell ranges
// apart), InvalidArgument("origin") unless finite, InvalidArgument("column") unless numeric.
GeneralizedColumn generalizeToRanges(const Column& column, double width, double origin = 0.0);

enum class DatePrecision { Month, Year };

// A datetime column to its month ("2024-03") or year ("2024"), in UTC. Levels in time order.
// InvalidArgument("column") unless the column is a datetime column.
GeneralizedColumn generalizeDates(const Column& column, DatePrecision precision);

// Categorical or text values cut to their first `keep` characters (UTF-8 code points, trailing
// spaces of the cut dropped) followed by `marker`: "SW1A 1AA" with keep 4 gives "SW1A*".
// Values of at most `keep` characters stay as they are. Levels sorted by text.
// InvalidArgument("keep") for keep 0, InvalidArgument("column") for other column types.
GeneralizedColumn truncateStrings(const Column& column, std::size_t keep,
                                  const std::string& marker = "*");

}  // namespace glassbox
