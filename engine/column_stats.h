#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/column.h"
#include "engine/task.h"

namespace glassbox {

struct ValueCount {
    std::string value;
    std::size_t count = 0;
};

// Numeric and datetime columns: counts per bin, edges.size() == counts.size() + 1, each bin
// [edges[i], edges[i+1]) and the last one closed. Other columns: one bar per value, labels
// beside counts (most frequent first, the rest folded into "(other)" past maxBars), no edges.
struct Histogram {
    std::vector<double> edges;
    std::vector<std::string> labels;
    std::vector<std::size_t> counts;
};

struct ColumnStats {
    std::string name;
    ColumnType type = ColumnType::Numeric;
    std::size_t count = 0;    // present cells
    std::size_t missing = 0;  // missing cells
    std::size_t unique = 0;   // distinct present values
    // Numeric and datetime columns only (datetime in epoch seconds). std is the sample
    // standard deviation (n - 1); quartiles interpolate linearly between order statistics.
    // Infinite values take part in min and max but not in mean, std or the histogram.
    std::optional<double> mean, std, min, q1, median, q3, max;
    // Most frequent values, most frequent first, ties in value order (values as Column::format
    // writes them).
    std::vector<ValueCount> top;
    Histogram histogram;
};

struct StatsOptions {
    std::size_t topCount = 10;
    std::size_t maxBars = 30;   // bars of a categorical histogram
    std::size_t maxBins = 200;  // bins of a numeric histogram
};

ColumnStats computeColumnStats(const Column& column, const StatsOptions& options = {},
                               const TaskContext& task = {});

// Bin edges as numpy's histogram_bin_edges(bins="auto"): the smaller bin width of
// Freedman–Diaconis and Sturges (Sturges alone when the IQR is 0), capped at maxBins.
// sorted holds the finite values in ascending order.
std::vector<double> autoBinEdges(const std::vector<double>& sorted, std::size_t maxBins);

}  // namespace glassbox
