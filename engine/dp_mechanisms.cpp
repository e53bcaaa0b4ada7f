#include "engine/dp_mechanisms.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "engine/errors.h"

namespace glassbox {

namespace {

constexpr int kMinGridExponent = -1000;
constexpr int kMaxGridExponent = 900;
constexpr double kMaxMagnitude = 0x1p960;  // |lower|, |upper|
constexpr double kMaxIndex = 0x1p50;       // |index(lower)|, |index(upper)|
constexpr std::int64_t kMaxSensitivity = std::int64_t(1) << 30;
constexpr std::int64_t kMaxTotal = std::int64_t(1) << 61;  // sums and counts, in grid steps
constexpr int kStepsPerNoiseScale = 10;                    // default grid: 2^10 steps per scale
constexpr int kVarianceBits = 16;                          // Gaussian variance in 2^-16 steps^2

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

std::string labelOf(const DpRequest& request, const char* fallback) {
    return request.label.empty() ? std::string(fallback) : request.label;
}

// rho of zero-concentrated DP that gives (epsilon, delta)-DP: the root of
// rho + 2 sqrt(rho L) = epsilon, L = ln(1/delta), written without cancellation.
long double zcdpRho(const PrivacyLoss& loss) {
    const long double eps = loss.exactEpsilon();
    const long double logInverseDelta = -std::log(loss.exactDelta());
    const long double root = eps / (std::sqrt(logInverseDelta + eps) + std::sqrt(logInverseDelta));
    return root * root;
}

void checkRange(const DpRequest& request) {
    for (const auto& [name, value] : {std::pair{"lower", request.lower}, {"upper", request.upper}})
        if (!std::isfinite(value) || std::fabs(value) > kMaxMagnitude)
            throw InvalidArgument(name, "must be a finite number of magnitude at most 2^960 (got " +
                                            number(value) + ")");
    if (!(request.lower < request.upper))
        throw InvalidArgument("lower", "must be below upper (" + number(request.lower) +
                                           " is not below " + number(request.upper) + ")");
}

std::int64_t indexOf(double value, int exponent) {
    const double scaled = std::ldexp(value, -exponent);
    const double whole = std::floor(scaled);
    // scaled - whole is exact or, far from 1/2, monotone: the comparison is exact.
    return static_cast<std::int64_t>(whole) + (scaled - whole >= 0.5 ? 1 : 0);
}

std::string gridText(int exponent) {
    return "a grid step of 2^" + std::to_string(exponent);
}

DpPlan planWithLoss(DpQuery query, const DpRequest& request, const PrivacyLoss& loss) {
    if (request.noise == DpNoise::Laplace && loss.deltaUnits != 0)
        throw InvalidArgument(
            "delta", "must be 0 for the Laplace mechanism (got " + number(request.delta) + ")");
    if (request.noise == DpNoise::Gaussian && loss.deltaUnits == 0)
        throw InvalidArgument("delta", "the Gaussian mechanism needs a delta in (0, 1)");
    DpPlan plan;
    plan.query = query;
    plan.noise = request.noise;
    plan.loss = loss;
    const long double eps = loss.exactEpsilon();
    const long double rho = request.noise == DpNoise::Gaussian ? zcdpRho(loss) : 0.0L;
    // Parameter to blame when the noise does not fit the arithmetic.
    const char* scaleParameter = "epsilon";

    if (query == DpQuery::Count || query == DpQuery::Histogram) {
        plan.sensitivity = 1;
    } else {
        checkRange(request);
        plan.lower = request.lower;
        plan.upper = request.upper;
        const long double realSensitivity =
            query == DpQuery::Values ? static_cast<long double>(request.upper) - request.lower
                                     : std::max(std::fabs(request.lower), std::fabs(request.upper));
        int exponent;
        if (request.gridExponent) {
            exponent = *request.gridExponent;
            if (exponent < kMinGridExponent || exponent > kMaxGridExponent)
                throw InvalidArgument("gridExponent", "must be in [-1000, 900] (got " +
                                                          std::to_string(exponent) + ")");
        } else {
            const long double scale = request.noise == DpNoise::Laplace
                                          ? realSensitivity / eps
                                          : realSensitivity / std::sqrt(2 * rho);
            exponent = std::clamp(std::ilogb(scale) - kStepsPerNoiseScale, kMinGridExponent,
                                  kMaxGridExponent);
        }
        plan.gridExponent = exponent;
        scaleParameter = "gridExponent";
        for (const double bound : {request.lower, request.upper})
            if (std::fabs(std::ldexp(bound, -exponent)) > kMaxIndex)
                throw InvalidArgument("gridExponent",
                                      gridText(exponent) + " is too fine for the range [" +
                                          number(request.lower) + ", " + number(request.upper) +
                                          "]: more than 2^50 steps");
        plan.lowerIndex = indexOf(request.lower, exponent);
        plan.upperIndex = indexOf(request.upper, exponent);
        plan.sensitivity = query == DpQuery::Values ? plan.upperIndex - plan.lowerIndex
                                                    : std::max(-plan.lowerIndex, plan.upperIndex);
        if (plan.sensitivity == 0)
            throw InvalidArgument("gridExponent",
                                  gridText(exponent) + " is too coarse for the range [" +
                                      number(request.lower) + ", " + number(request.upper) +
                                      "]: every value falls on one grid point");
        if (plan.sensitivity > kMaxSensitivity)
            throw InvalidArgument("gridExponent",
                                  gridText(exponent) + " is too fine for the range [" +
                                      number(request.lower) + ", " + number(request.upper) +
                                      "]: a sensitivity above 2^30 steps");
    }

    const auto sensitivity = static_cast<std::uint64_t>(plan.sensitivity);
    if (request.noise == DpNoise::Laplace) {
        // scale = sensitivity / epsilon = sensitivity * 2^32 / epsilonUnits, below 2^62 / 1.
        Fraction scale{sensitivity << PrivacyLoss::kEpsilonBits, loss.epsilonUnits};
        if (scale.num / scale.den >= (std::uint64_t(1) << 52))
            throw InvalidArgument(
                scaleParameter,
                "the noise would span more than 2^52 grid steps; " +
                    std::string(plan.query == DpQuery::Count || plan.query == DpQuery::Histogram
                                    ? "choose a larger epsilon"
                                    : "choose a coarser grid"));
        const std::uint64_t g = std::gcd(scale.num, scale.den);
        plan.laplaceScale = {scale.num / g, scale.den / g};
    } else {
        // Rounded up, with a margin for the rounding of the floating-point formula.
        const long double variance =
            static_cast<long double>(sensitivity) * sensitivity / (2 * rho) * (1 + 0x1p-40L);
        if (!(variance <= 0x1p40L))
            throw InvalidArgument(
                scaleParameter,
                "the noise would span more than 2^20 grid steps; " +
                    std::string(plan.query == DpQuery::Count || plan.query == DpQuery::Histogram
                                    ? "choose a larger epsilon or delta"
                                    : "choose a coarser grid"));
        const auto num = static_cast<std::uint64_t>(std::ceil(std::ldexp(variance, kVarianceBits)));
        const std::uint64_t g = std::gcd(num, std::uint64_t(1) << kVarianceBits);
        plan.gaussianVariance = {num / g, (std::uint64_t(1) << kVarianceBits) / g};
    }
    return plan;
}

PrivacyLoss requestedLoss(const DpRequest& request) {
    return PrivacyLoss::of(request.epsilon, request.delta);
}

void checkPresent(std::span<const double> values) {
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::isnan(values[i]))
            throw InvalidArgument("values", "row " + std::to_string(i + 1) +
                                                " is missing: drop or impute missing values "
                                                "before a private release");
}

double onGrid(std::int64_t steps, int exponent) {
    // Exact below 2^53 steps; beyond, the rounding to a double is still a multiple of the step.
    return std::ldexp(static_cast<double>(steps), exponent);
}

std::int64_t noisyCount(std::uint64_t count, const DpPlan& plan, RandomBits& bits,
                        const char* parameter) {
    if (count > static_cast<std::uint64_t>(kMaxTotal))
        throw InvalidArgument(parameter, "a count above 2^61 cannot be released");
    return static_cast<std::int64_t>(count) + sampleDpNoise(plan, bits);
}

// Sum of the grid indices, refused (independently of the values) when n values at the range
// bounds could overflow.
std::int64_t indexSum(std::span<const double> values, const DpPlan& plan) {
    if (values.size() > static_cast<std::uint64_t>(kMaxTotal / plan.sensitivity))
        throw InvalidArgument("gridExponent", std::to_string(values.size()) + " values on " +
                                                  gridText(plan.gridExponent) +
                                                  " could overflow the sum; choose a coarser grid");
    std::int64_t sum = 0;
    for (const double v : values) sum += dpGridIndex(plan, v);
    return sum;
}

}  // namespace

double DpPlan::gridStep() const {
    return std::ldexp(1.0, gridExponent);
}

double DpPlan::noiseStandardDeviation() const {
    if (noise == DpNoise::Laplace) {
        const long double scale =
            static_cast<long double>(laplaceScale.num) / static_cast<long double>(laplaceScale.den);
        const long double p = std::exp(-1 / scale);
        return static_cast<double>(std::sqrt(2 * p) / (1 - p)) * gridStep();
    }
    return static_cast<double>(std::sqrt(static_cast<long double>(gaussianVariance.num) /
                                         static_cast<long double>(gaussianVariance.den))) *
           gridStep();
}

DpPlan planDpRelease(DpQuery query, const DpRequest& request) {
    return planWithLoss(query, request, requestedLoss(request));
}

std::int64_t dpGridIndex(const DpPlan& plan, double value) {
    return std::clamp(indexOf(std::clamp(value, plan.lower, plan.upper), plan.gridExponent),
                      plan.lowerIndex, plan.upperIndex);
}

std::int64_t sampleDpNoise(const DpPlan& plan, RandomBits& bits) {
    return plan.noise == DpNoise::Laplace ? sampleDiscreteLaplace(bits, plan.laplaceScale)
                                          : sampleDiscreteGaussian(bits, plan.gaussianVariance);
}

DpValuesRelease releaseValues(std::span<const double> values, const DpRequest& request,
                              PrivacyBudget& budget, RandomBits& bits, const TaskContext& task) {
    DpPlan plan = planDpRelease(DpQuery::Values, request);
    checkPresent(values);
    budget.spend(labelOf(request, "values"), plan.loss);
    DpValuesRelease release;
    release.values.resize(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i % 65536 == 0) task.report(double(i) / double(values.size()), "adding noise");
        release.values[i] =
            onGrid(dpGridIndex(plan, values[i]) + sampleDpNoise(plan, bits), plan.gridExponent);
    }
    release.plan = plan;
    return release;
}

DpCountRelease releaseCount(std::uint64_t count, const DpRequest& request, PrivacyBudget& budget,
                            RandomBits& bits) {
    DpCountRelease release;
    release.plan = planDpRelease(DpQuery::Count, request);
    if (count > static_cast<std::uint64_t>(kMaxTotal))
        throw InvalidArgument("count", "a count above 2^61 cannot be released");
    budget.spend(labelOf(request, "count"), release.plan.loss);
    release.count = noisyCount(count, release.plan, bits, "count");
    return release;
}

DpSumRelease releaseSum(std::span<const double> values, const DpRequest& request,
                        PrivacyBudget& budget, RandomBits& bits) {
    DpSumRelease release;
    release.plan = planDpRelease(DpQuery::Sum, request);
    checkPresent(values);
    const std::int64_t sum = indexSum(values, release.plan);
    budget.spend(labelOf(request, "sum"), release.plan.loss);
    release.sum = onGrid(sum + sampleDpNoise(release.plan, bits), release.plan.gridExponent);
    return release;
}

DpMeanRelease releaseMean(std::span<const double> values, const DpRequest& request,
                          PrivacyBudget& budget, RandomBits& bits) {
    const PrivacyLoss loss = requestedLoss(request);
    if (loss.epsilonUnits < 2)
        throw InvalidArgument("epsilon",
                              "a mean needs at least 2^-31 (half for the sum, half "
                              "for the count)");
    if (loss.deltaUnits == 1)
        throw InvalidArgument("delta",
                              "a mean needs at least 2^-63 (half for the sum, half for "
                              "the count)");
    const PrivacyLoss countLoss{loss.epsilonUnits / 2, loss.deltaUnits / 2};
    const PrivacyLoss sumLoss{loss.epsilonUnits - countLoss.epsilonUnits,
                              loss.deltaUnits - countLoss.deltaUnits};
    DpMeanRelease release;
    release.sumPlan = planWithLoss(DpQuery::Sum, request, sumLoss);
    release.countPlan = planWithLoss(DpQuery::Count, request, countLoss);
    checkPresent(values);
    const std::int64_t sum = indexSum(values, release.sumPlan);
    const std::string label = labelOf(request, "mean");
    if (!budget.allows(loss)) budget.spend(label, loss);  // throws the budget's message
    budget.spend(label + " (noisy sum)", sumLoss);
    budget.spend(label + " (noisy count)", countLoss);
    release.sum = onGrid(sum + sampleDpNoise(release.sumPlan, bits), release.sumPlan.gridExponent);
    release.count = noisyCount(values.size(), release.countPlan, bits, "values");
    release.mean = release.count >= 1 ? std::clamp(release.sum / static_cast<double>(release.count),
                                                   request.lower, request.upper)
                                      : request.lower;
    return release;
}

DpHistogramRelease releaseHistogram(std::span<const std::uint64_t> binCounts,
                                    const DpRequest& request, PrivacyBudget& budget,
                                    RandomBits& bits) {
    DpHistogramRelease release;
    release.plan = planDpRelease(DpQuery::Histogram, request);
    if (binCounts.empty()) throw InvalidArgument("binCounts", "a histogram needs at least one bin");
    for (const std::uint64_t count : binCounts)
        if (count > static_cast<std::uint64_t>(kMaxTotal))
            throw InvalidArgument("binCounts", "a count above 2^61 cannot be released");
    budget.spend(labelOf(request, "histogram"), release.plan.loss);
    release.counts.reserve(binCounts.size());
    for (const std::uint64_t count : binCounts)
        release.counts.push_back(noisyCount(count, release.plan, bits, "binCounts"));
    return release;
}

std::vector<std::uint64_t> histogramBinCounts(std::span<const double> values, double lower,
                                              double upper, std::size_t bins) {
    DpRequest range;
    range.lower = lower;
    range.upper = upper;
    checkRange(range);
    if (bins == 0) throw InvalidArgument("bins", "a histogram needs at least one bin");
    checkPresent(values);
    const double width = upper - lower;
    if (!std::isfinite(width)) throw InvalidArgument("upper", "the range is too wide");
    std::vector<std::uint64_t> counts(bins, 0);
    for (const double v : values) {
        const double at = (std::clamp(v, lower, upper) - lower) / width * static_cast<double>(bins);
        counts[std::min(static_cast<std::size_t>(std::max(at, 0.0)), bins - 1)] += 1;
    }
    return counts;
}

}  // namespace glassbox
