#include "engine/feature_bins.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/errors.h"
#include "engine/parallel_for.h"

namespace glassbox {
namespace {

FeatureBins::Feature numericBins(std::span<const double> values, int maxBins,
                                 std::size_t sampleRows) {
    const std::size_t stride =
        std::max<std::size_t>(1, values.size() / std::max<std::size_t>(sampleRows, 1));
    std::vector<double> sample;
    sample.reserve(values.size() / stride + 1);
    for (std::size_t r = 0; r < values.size(); r += stride)
        if (!std::isnan(values[r])) sample.push_back(values[r]);
    std::sort(sample.begin(), sample.end());

    // Distinct values and how often each occurs.
    std::vector<double> distinct;
    std::vector<std::size_t> counts;
    for (double v : sample) {
        if (distinct.empty() || v != distinct.back()) {
            distinct.push_back(v);
            counts.push_back(0);
        }
        ++counts.back();
    }

    FeatureBins::Feature f;
    if (distinct.size() <= static_cast<std::size_t>(maxBins)) {
        for (std::size_t i = 0; i + 1 < distinct.size(); ++i)
            f.upperBounds.push_back(distinct[i] + (distinct[i + 1] - distinct[i]) / 2);
    } else {
        // Quantile bounds over the distinct values weighted by their counts: each bin takes about
        // sample.size() / maxBins rows, a heavy value closes its bin alone.
        const double perBin = static_cast<double>(sample.size()) / maxBins;
        double filled = 0;
        for (std::size_t i = 0; i + 1 < distinct.size(); ++i) {
            filled += static_cast<double>(counts[i]);
            const double next = filled + static_cast<double>(counts[i + 1]);
            if (filled >= perBin || next > perBin * 1.5) {
                f.upperBounds.push_back(distinct[i] + (distinct[i + 1] - distinct[i]) / 2);
                filled = 0;
                if (f.upperBounds.size() + 1 == static_cast<std::size_t>(maxBins)) break;
            }
        }
    }
    f.upperBounds.push_back(std::numeric_limits<double>::infinity());
    f.binCount = f.upperBounds.size();
    return f;
}

FeatureBins::Feature categoricalBins(std::span<const std::int32_t> codes, std::size_t levels,
                                     int maxBins) {
    FeatureBins::Feature f;
    f.categorical = true;
    f.levelToBin.assign(levels, 0);
    if (levels <= static_cast<std::size_t>(maxBins)) {
        std::iota(f.levelToBin.begin(), f.levelToBin.end(), 0);
    } else {
        std::vector<std::size_t> counts(levels, 0);
        for (std::int32_t c : codes)
            if (c >= 0) ++counts[c];
        std::vector<std::int32_t> order(levels);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](std::int32_t a, std::int32_t b) { return counts[a] > counts[b]; });
        for (std::size_t i = 0; i < levels; ++i)
            f.levelToBin[order[i]] = static_cast<std::int32_t>(
                std::min<std::size_t>(i, static_cast<std::size_t>(maxBins) - 1));
    }
    f.binCount = std::max<std::size_t>(1, std::min<std::size_t>(levels, maxBins));
    f.binLevels.assign(f.binCount, {});
    for (std::size_t level = 0; level < levels; ++level)
        f.binLevels[f.levelToBin[level]].push_back(static_cast<std::int32_t>(level));
    return f;
}

void binInto(const FeatureBins::Feature& f, const FeatureMatrix& x, std::size_t feature,
             std::uint8_t* out) {
    const std::size_t rows = x.rows();
    if (f.categorical) {
        const auto codes = x.codes(feature);
        for (std::size_t r = 0; r < rows; ++r) {
            const std::int32_t c = codes[r];
            out[r] = (c < 0 || static_cast<std::size_t>(c) >= f.levelToBin.size())
                         ? FeatureBins::kMissingBin
                         : static_cast<std::uint8_t>(f.levelToBin[c]);
        }
        return;
    }
    const auto values = x.values(feature);
    const double* bounds = f.upperBounds.data();
    const std::size_t last = f.upperBounds.size() - 1;
    for (std::size_t r = 0; r < rows; ++r) {
        const double v = values[r];
        if (std::isnan(v)) {
            out[r] = FeatureBins::kMissingBin;
            continue;
        }
        // First bound >= v; the last bound is +inf, so one always exists. Branch-free binary
        // search (the answer stays in [first, first + count)).
        std::size_t first = 0;
        std::size_t count = last + 1;
        while (count > 1) {
            const std::size_t half = count / 2;
            first += static_cast<std::size_t>(bounds[first + half - 1] < v) * half;
            count -= half;
        }
        out[r] = static_cast<std::uint8_t>(first);
    }
}

}  // namespace

FeatureBins FeatureBins::fit(const FeatureMatrix& x, int maxBins, unsigned threads,
                             const TaskContext& task, std::size_t sampleRows) {
    if (maxBins < 2 || maxBins > kMaxBins)
        throw InvalidArgument("max_bins", "must be an integer in [2, 255]");
    FeatureBins out;
    out.rows_ = x.rows();
    out.features_.resize(x.featureCount());
    out.bins_.resize(x.featureCount() * x.rows());
    std::atomic<std::size_t> done{0};
    parallelFor(x.featureCount(), threads, [&](std::size_t f, bool onCaller) {
        if (task.isCancelled()) return false;
        out.features_[f] = x.isCategorical(f)
                               ? categoricalBins(x.codes(f), x.levelCount(f), maxBins)
                               : numericBins(x.values(f), maxBins, sampleRows);
        binInto(out.features_[f], x, f, out.bins_.data() + f * out.rows_);
        const std::size_t finished = ++done;
        if (onCaller)
            task.report(static_cast<double>(finished) / x.featureCount(), "binning features");
        return true;
    });
    task.checkCancelled();
    return out;
}

std::vector<std::uint8_t> FeatureBins::binColumn(const FeatureMatrix& x,
                                                 std::size_t feature) const {
    std::vector<std::uint8_t> out(x.rows());
    binInto(features_[feature], x, feature, out.data());
    return out;
}

}  // namespace glassbox
