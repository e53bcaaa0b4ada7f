#include "engine/column_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/column.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

// numpy's default ("linear") quantile of ascending values.
double quantile(const std::vector<double>& sorted, double q) {
    const double position = q * static_cast<double>(sorted.size() - 1);
    const std::size_t below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

void numericStats(const Column& column, const StatsOptions& options, const TaskContext& task,
                  ColumnStats& stats) {
    std::vector<double> values;
    values.reserve(stats.count);
    for (std::size_t i = 0; i < column.size(); ++i)
        if (!column.isMissing(i)) values.push_back(column.number(i));
    task.report(0.2, "sorting");
    std::sort(values.begin(), values.end());
    task.report(0.6, "summarizing");
    if (values.empty()) return;

    // Runs of equal values give the distinct count and the most frequent values.
    std::vector<std::pair<std::size_t, double>> frequent;  // (count, value), best first
    for (std::size_t i = 0; i < values.size();) {
        std::size_t j = i + 1;
        while (j < values.size() && values[j] == values[i]) ++j;
        ++stats.unique;
        const std::pair<std::size_t, double> run{j - i, values[i]};
        const auto better = [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        };
        if (frequent.size() < options.topCount || better(run, frequent.back())) {
            frequent.insert(std::upper_bound(frequent.begin(), frequent.end(), run, better), run);
            if (frequent.size() > options.topCount) frequent.pop_back();
        }
        i = j;
    }
    for (const auto& [count, value] : frequent)
        stats.top.push_back({column.type() == ColumnType::DateTime
                                 ? formatIsoDateTime(value, column.hasTime())
                                 : formatNumber(value),
                             count});
    stats.min = values.front();
    stats.max = values.back();
    stats.q1 = quantile(values, 0.25);
    stats.median = quantile(values, 0.5);
    stats.q3 = quantile(values, 0.75);

    std::vector<double> finite;
    finite.reserve(values.size());
    for (double v : values)
        if (std::isfinite(v)) finite.push_back(v);
    if (finite.empty()) return;
    // Two passes: the mean, then squared deviations from it (numerically stable).
    double sum = 0;
    for (double v : finite) sum += v;
    const double mean = sum / static_cast<double>(finite.size());
    double squares = 0;
    for (double v : finite) squares += (v - mean) * (v - mean);
    stats.mean = mean;
    if (finite.size() > 1) stats.std = std::sqrt(squares / static_cast<double>(finite.size() - 1));

    Histogram& h = stats.histogram;
    h.edges = autoBinEdges(finite, options.maxBins);
    h.counts.assign(h.edges.size() - 1, 0);
    const double first = h.edges.front();
    const double width = (h.edges.back() - first) / static_cast<double>(h.counts.size());
    for (double v : finite) {
        std::size_t bin =
            width > 0 ? static_cast<std::size_t>((v - first) / width) : std::size_t{0};
        bin = std::min(bin, h.counts.size() - 1);
        // Guard the floating-point edge cases so each value lands in [edge_i, edge_i+1).
        while (bin > 0 && v < h.edges[bin]) --bin;
        while (bin + 1 < h.counts.size() && v >= h.edges[bin + 1]) ++bin;
        ++h.counts[bin];
    }
}

void countedStats(std::vector<ValueCount> counts, const StatsOptions& options, ColumnStats& stats) {
    counts.erase(std::remove_if(counts.begin(), counts.end(),
                                [](const ValueCount& v) { return v.count == 0; }),
                 counts.end());
    stats.unique = counts.size();
    std::stable_sort(counts.begin(), counts.end(), [](const ValueCount& a, const ValueCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    stats.top.assign(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                          options.topCount, counts.size())));
    Histogram& h = stats.histogram;
    const std::size_t bars = std::min(counts.size(), options.maxBars);
    for (std::size_t i = 0; i < bars; ++i) {
        h.labels.push_back(counts[i].value);
        h.counts.push_back(counts[i].count);
    }
    if (counts.size() > bars) {
        std::size_t rest = 0;
        for (std::size_t i = bars; i < counts.size(); ++i) rest += counts[i].count;
        h.labels.push_back("(other)");
        h.counts.push_back(rest);
    }
}

}  // namespace

std::vector<double> autoBinEdges(const std::vector<double>& sorted, std::size_t maxBins) {
    const double lo = sorted.front();
    const double hi = sorted.back();
    if (!(hi > lo)) return {lo - 0.5, hi + 0.5};  // numpy's range for a constant column
    const double n = static_cast<double>(sorted.size());
    const double range = hi - lo;
    const double sturges = range / (std::log2(n) + 1.0);
    const double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
    const double fd = 2.0 * iqr / std::cbrt(n);
    const double width = fd > 0 ? std::min(fd, sturges) : sturges;
    std::size_t bins = static_cast<std::size_t>(std::ceil(range / width));
    bins = std::clamp<std::size_t>(bins, 1, std::max<std::size_t>(1, maxBins));
    std::vector<double> edges(bins + 1);
    for (std::size_t i = 0; i <= bins; ++i)
        edges[i] = lo + range * static_cast<double>(i) / static_cast<double>(bins);
    edges.back() = hi;
    return edges;
}

ColumnStats computeColumnStats(const Column& column, const StatsOptions& options,
                               const TaskContext& task) {
    task.report(0.0, "statistics");
    ColumnStats stats;
    stats.name = column.name();
    stats.type = column.type();
    stats.missing = column.missingCount();
    stats.count = column.size() - stats.missing;

    switch (column.type()) {
        case ColumnType::Numeric:
        case ColumnType::DateTime:
            numericStats(column, options, task, stats);
            break;
        case ColumnType::Categorical: {
            std::vector<ValueCount> counts(column.levels().size());
            for (std::size_t l = 0; l < counts.size(); ++l) counts[l].value = column.levels()[l];
            const auto codes = column.codes();
            for (std::size_t i = 0; i < codes.size(); ++i)
                if (!column.isMissing(i)) ++counts[static_cast<std::size_t>(codes[i])].count;
            countedStats(std::move(counts), options, stats);
            break;
        }
        case ColumnType::Boolean: {
            std::vector<ValueCount> counts = {{"false", 0}, {"true", 0}};
            for (std::size_t i = 0; i < column.size(); ++i)
                if (!column.isMissing(i)) ++counts[column.boolean(i) ? 1 : 0].count;
            countedStats(std::move(counts), options, stats);
            break;
        }
        case ColumnType::Text: {
            std::vector<std::string_view> values;
            values.reserve(stats.count);
            for (std::size_t i = 0; i < column.size(); ++i)
                if (!column.isMissing(i)) values.push_back(column.text(i));
            std::sort(values.begin(), values.end());
            std::vector<ValueCount> counts;
            for (std::size_t i = 0; i < values.size();) {
                std::size_t j = i;
                while (j < values.size() && values[j] == values[i]) ++j;
                counts.push_back({std::string(values[i]), j - i});
                i = j;
            }
            countedStats(std::move(counts), options, stats);
            break;
        }
    }
    task.report(1.0, "statistics");
    return stats;
}

}  // namespace glassbox
