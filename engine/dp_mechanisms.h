#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/dp_random.h"
#include "engine/dp_samplers.h"
#include "engine/privacy_budget.h"
#include "engine/task.h"

namespace glassbox {

// Differentially private releases of numeric columns and aggregates, safe against floating-point
// attacks: every value is clamped into a declared range and snapped to a grid of step
// g = 2^gridExponent (an exact integer index), the noise is an exact discrete Laplace or discrete
// Gaussian integer (engine/dp_samplers.h), and the output is g * (index + noise), computed
// exactly. So the output lies on the grid and its distribution is exactly the analysed one.
//
// Neighbouring datasets differ by adding or removing one row (each row gives one value, adds 1
// to a count, 1 to one histogram bin). Sensitivities, in grid steps, follow from the range:
// count 1, histogram 1 (L1 and L2), sum max(|index(lower)|, |index(upper)|). A column released
// row by row is local DP: each output is epsilon-DP for its own row's value anywhere in the
// range (sensitivity index(upper) - index(lower)), one epsilon for the whole column because the
// rows' outputs are independent (parallel composition).
//
// Laplace mechanism: epsilon-DP, noise scale sensitivity / epsilon.
// Gaussian mechanism: (epsilon, delta)-DP through zero-concentrated DP: the discrete Gaussian
// with variance sigma^2 is rho-zCDP with rho = sensitivity^2 / (2 sigma^2) for integer queries
// of L2 sensitivity `sensitivity` (Canonne, Kamath & Steinke 2020), and rho-zCDP implies (rho + 2
// sqrt(rho ln(1/delta)), delta)-DP (Bun & Steinke 2016, Prop 1.3). sigma solves that for epsilon:
// valid for every epsilon > 0 and within a few percent of the classical sqrt(2 ln(1.25/delta)) /
// epsilon bound where that one applies (epsilon < 1); the analytic (exact) bound would be somewhat
// smaller.

enum class DpNoise { Laplace, Gaussian };
enum class DpQuery { Values, Count, Sum, Histogram };

// What to release and how privately. Parameter names in errors are these field names.
struct DpRequest {
    std::string label;  // how the ledger names the release: "sum of income"
    DpNoise noise = DpNoise::Laplace;
    double epsilon = 1.0;
    double delta = 0.0;  // Gaussian: in (0, 1); Laplace: 0
    // The declared range; values are clamped into it. Values and sums only.
    double lower = 0.0;
    double upper = 1.0;
    // Grid step 2^gridExponent, in [-1000, 900]. By default the largest power of two with at
    // least 2^10 steps per noise scale (Laplace scale or Gaussian sigma). Count and histogram
    // always use step 1.
    std::optional<int> gridExponent;
};

// How a release is carried out: the grid, the sensitivity and the exact noise distribution.
struct DpPlan {
    DpQuery query = DpQuery::Count;
    DpNoise noise = DpNoise::Laplace;
    int gridExponent = 0;
    double lower = 0.0;  // the clamping range: values and sums
    double upper = 0.0;
    std::int64_t lowerIndex = 0;  // index(lower) and index(upper)
    std::int64_t upperIndex = 0;
    std::int64_t sensitivity = 1;  // grid steps
    Fraction laplaceScale;         // grid steps (Laplace)
    Fraction gaussianVariance;     // grid steps squared (Gaussian): sigma^2 rounded up
    PrivacyLoss loss;              // what the release is charged

    double gridStep() const;
    // Of the noise, in the values' units (for reports; computed in floating point).
    double noiseStandardDeviation() const;
};

// The plan of a release, validating the request: "epsilon" (> 0), "delta" ((0, 1) for
// Gaussian, 0 for Laplace), "lower" (finite, below upper), "upper" (finite), "gridExponent" (a
// grid that is too coarse for the range or so fine that the indices or the noise would overflow).
DpPlan planDpRelease(DpQuery query, const DpRequest& request);

// The grid index of `value` clamped into the plan's range: value / g rounded half up, exactly.
std::int64_t dpGridIndex(const DpPlan& plan, double value);
// Integer noise of the plan's distribution, in grid steps.
std::int64_t sampleDpNoise(const DpPlan& plan, RandomBits& bits);

struct DpValuesRelease {
    std::vector<double> values;
    DpPlan plan;
};
struct DpCountRelease {
    std::int64_t count = 0;  // may be negative: the noise is unbiased, not post-processed
    DpPlan plan;
};
struct DpSumRelease {
    double sum = 0.0;
    DpPlan plan;
};
// The mean is noisy sum / noisy count (post-processing, clamped into the range; the lower
// bound when the noisy count is below 1). epsilon and delta are split evenly between the two.
struct DpMeanRelease {
    double mean = 0.0;
    double sum = 0.0;
    std::int64_t count = 0;
    DpPlan sumPlan;
    DpPlan countPlan;
};
struct DpHistogramRelease {
    std::vector<std::int64_t> counts;
    DpPlan plan;
};

// Each release validates its input and request, charges `budget` (InvalidArgument("epsilon" or
// "delta") when the budget does not allow it, before any noise is drawn), then samples. Missing
// values (NaN) are refused ("values"): drop or impute them first.
DpValuesRelease releaseValues(std::span<const double> values, const DpRequest& request,
                              PrivacyBudget& budget, RandomBits& bits,
                              const TaskContext& task = {});
DpCountRelease releaseCount(std::uint64_t count, const DpRequest& request, PrivacyBudget& budget,
                            RandomBits& bits);
DpSumRelease releaseSum(std::span<const double> values, const DpRequest& request,
                        PrivacyBudget& budget, RandomBits& bits);
DpMeanRelease releaseMean(std::span<const double> values, const DpRequest& request,
                          PrivacyBudget& budget, RandomBits& bits);
// binCounts: rows per bin, with bins fixed without looking at the data (a declared range or
// category list); noise on every bin, empty ones included.
DpHistogramRelease releaseHistogram(std::span<const std::uint64_t> binCounts,
                                    const DpRequest& request, PrivacyBudget& budget,
                                    RandomBits& bits);

// Rows per bin of `bins` equal-width bins over [lower, upper], values clamped into the range.
std::vector<std::uint64_t> histogramBinCounts(std::span<const double> values, double lower,
                                              double upper, std::size_t bins);

}  // namespace glassbox
