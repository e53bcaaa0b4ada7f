// Differential privacy: the exact samplers follow their distributions (Kolmogorov-Smirnov against
// CDFs summed here in long double, variance within its standard error), a mechanism with half the
// noise is told apart, every released value lies exactly on the grid, the plans carry the
// sensitivities and noise of the documented formulas, and bad parameters are refused by name.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

#include "engine/dp_mechanisms.h"
#include "engine/errors.h"
#include "engine/random.h"

using namespace glassbox;

Q_DECLARE_METATYPE(DpNoise)
Q_DECLARE_METATYPE(std::function<void()>)

namespace {

constexpr std::size_t kSamples = 200000;
// Kolmogorov's asymptotic critical value at alpha = 0.001; conservative for discrete laws.
const double kKsCritical = 1.9495 / std::sqrt(double(kSamples));

using Pmf = std::function<long double(std::int64_t)>;

Pmf laplacePmf(Fraction scale) {
    const long double b = (long double)scale.num / (long double)scale.den;
    return [b](std::int64_t x) { return std::exp(-std::fabs((long double)x) / b); };
}
Pmf gaussianPmf(Fraction variance) {
    const long double v = (long double)variance.num / (long double)variance.den;
    return [v](std::int64_t x) { return std::exp(-(long double)x * x / (2 * v)); };
}
// A support [-reach, reach] outside of which the mass is below 1e-18.
std::int64_t laplaceReach(Fraction scale) {
    return std::int64_t(45.0 * double(scale.num) / double(scale.den)) + 10;
}
std::int64_t gaussianReach(Fraction variance) {
    return std::int64_t(10.0 * std::sqrt(double(variance.num) / double(variance.den))) + 10;
}

// sup |F_n - F| of integer samples against the law with (unnormalised) pmf on [-reach, reach].
double ksStatistic(std::vector<std::int64_t> samples, const Pmf& pmf, std::int64_t reach) {
    std::sort(samples.begin(), samples.end());
    long double total = 0;
    for (std::int64_t x = -reach; x <= reach; ++x) total += pmf(x);
    long double cdf = 0;
    std::size_t below = 0;  // samples <= x
    double worst = 0;
    if (!samples.empty() && samples.front() < -reach) return 1.0;
    for (std::int64_t x = -reach; x <= reach; ++x) {
        cdf += pmf(x) / total;
        while (below < samples.size() && samples[below] <= x) ++below;
        worst = std::max(worst, double(std::fabs((long double)below / samples.size() - cdf)));
    }
    return below < samples.size() ? 1.0 : worst;
}

struct Moments {
    long double variance = 0, fourth = 0;
};
Moments exactMoments(const Pmf& pmf, std::int64_t reach) {
    long double total = 0, second = 0, fourth = 0;
    for (std::int64_t x = -reach; x <= reach; ++x) {
        const long double p = pmf(x), xx = (long double)x * x;
        total += p;
        second += xx * p;
        fourth += xx * xx * p;
    }
    return {second / total, fourth / total};
}
long double sampleVariance(const std::vector<std::int64_t>& samples) {
    long double sum = 0, squares = 0;
    for (const std::int64_t x : samples) {
        sum += x;
        squares += (long double)x * x;
    }
    const long double n = samples.size(), mean = sum / n;
    return (squares - n * mean * mean) / (n - 1);
}
// The variance estimate is within five standard errors of the exact variance.
bool varianceMatches(long double observed, const Moments& m, std::size_t n) {
    const long double standardError = std::sqrt((m.fourth - m.variance * m.variance) / n);
    return std::fabs(observed - m.variance) <= 5 * standardError;
}

std::vector<std::int64_t> samplesOf(const std::function<std::int64_t()>& draw,
                                    std::size_t n = kSamples) {
    std::vector<std::int64_t> samples(n);
    for (auto& s : samples) s = draw();
    return samples;
}

// The parameter named by the InvalidArgument `f` throws; "" when it throws nothing.
QString refusedParameter(const std::function<void()>& f) {
    try {
        f();
    } catch (const InvalidArgument& e) {
        return QString::fromStdString(e.parameter());
    }
    return {};
}

// Exactly an integer multiple of 2^exponent (scaling by a power of two is exact).
bool onGrid(double value, int exponent) {
    const double steps = std::ldexp(value, -exponent);
    return std::isfinite(value) && std::floor(steps) == steps;
}

DpRequest request(DpNoise noise, double epsilon, double lower, double upper,
                  std::optional<int> gridExponent = {}) {
    DpRequest r;
    r.noise = noise;
    r.epsilon = epsilon;
    r.delta = noise == DpNoise::Gaussian ? 1e-6 : 0.0;
    r.lower = lower;
    r.upper = upper;
    r.gridExponent = gridExponent;
    return r;
}

}  // namespace

class DpMechanismsTest : public QObject {
    Q_OBJECT
  private slots:
    void bernoulliExp_data() {
        QTest::addColumn<quint64>("num");
        QTest::addColumn<quint64>("den");
        QTest::newRow("0") << quint64(0) << quint64(1);
        QTest::newRow("1/3") << quint64(1) << quint64(3);
        QTest::newRow("1") << quint64(1) << quint64(1);
        QTest::newRow("5/2") << quint64(5) << quint64(2);
        QTest::newRow("7") << quint64(7) << quint64(1);
        QTest::newRow("huge denominator")
            << quint64(3) << quint64(std::numeric_limits<std::uint64_t>::max() / 4);
    }
    void bernoulliExp() {
        QFETCH(quint64, num);
        QFETCH(quint64, den);
        SeededRandomBits bits(11);
        std::size_t hits = 0;
        for (std::size_t i = 0; i < kSamples; ++i) hits += sampleBernoulliExp(bits, {num, den});
        const double p = std::exp(-double(num) / double(den));
        const double sd = std::sqrt(kSamples * p * (1 - p));
        QVERIFY2(std::fabs(hits - kSamples * p) <= 5 * sd + 1,
                 qPrintable(QString("%1 hits, expected %2").arg(hits).arg(kSamples * p)));
        if (num == 0) QCOMPARE(hits, kSamples);
    }

    void bernoulli() {
        SeededRandomBits bits(12);
        std::size_t hits = 0;
        for (std::size_t i = 0; i < kSamples; ++i) hits += sampleBernoulli(bits, {3, 7});
        const double p = 3.0 / 7.0;
        QVERIFY(std::fabs(hits - kSamples * p) <= 5 * std::sqrt(kSamples * p * (1 - p)));
        QVERIFY(!sampleBernoulli(bits, {0, 5}));
        QVERIFY(sampleBernoulli(bits, {5, 5}));
    }

    // KS against the exact law, and the variance within five standard errors.
    void laplaceDistribution_data() {
        QTest::addColumn<quint64>("num");
        QTest::addColumn<quint64>("den");
        QTest::newRow("scale 1/4") << quint64(1) << quint64(4);
        QTest::newRow("scale 1") << quint64(1) << quint64(1);
        QTest::newRow("scale 3/2") << quint64(3) << quint64(2);
        QTest::newRow("scale 10") << quint64(10) << quint64(1);
        QTest::newRow("scale 1000/3") << quint64(1000) << quint64(3);
        QTest::newRow("sensitivity 1500, epsilon 0.7") << quint64(0) << quint64(0);
    }
    void laplaceDistribution() {
        QFETCH(quint64, num);
        QFETCH(quint64, den);
        if (den == 0) {  // the mechanisms' form: sensitivity * 2^32 / epsilon units
            num = quint64(1500) << 32;
            den = PrivacyLoss::of(0.7).epsilonUnits;
        }
        const Fraction scale{num, den};
        SeededRandomBits bits(21);
        const auto samples = samplesOf([&] { return sampleDiscreteLaplace(bits, scale); });
        const double d = ksStatistic(samples, laplacePmf(scale), laplaceReach(scale));
        QVERIFY2(d < kKsCritical, qPrintable(QString("KS %1 >= %2").arg(d).arg(kKsCritical)));
        QVERIFY(varianceMatches(sampleVariance(samples),
                                exactMoments(laplacePmf(scale), laplaceReach(scale)), kSamples));
        // The closed form 2p / (1 - p)^2, p = exp(-1/scale), agrees with the summed variance.
        const long double p = std::exp(-(long double)den / num);
        const long double closed = 2 * p / ((1 - p) * (1 - p));
        QVERIFY(std::fabs(exactMoments(laplacePmf(scale), laplaceReach(scale)).variance - closed) <=
                1e-9L * closed);
    }

    void gaussianDistribution_data() {
        QTest::addColumn<quint64>("num");
        QTest::addColumn<quint64>("den");
        QTest::newRow("variance 1/9") << quint64(1) << quint64(9);
        QTest::newRow("variance 1") << quint64(1) << quint64(1);
        QTest::newRow("variance 5/2") << quint64(5) << quint64(2);
        QTest::newRow("variance 100") << quint64(100) << quint64(1);
        QTest::newRow("variance 10^6/7") << quint64(1000000) << quint64(7);
        QTest::newRow("variance 2^36/2^16") << quint64(1) << quint64(0);
    }
    void gaussianDistribution() {
        QFETCH(quint64, num);
        QFETCH(quint64, den);
        if (den == 0) {  // the mechanisms' form: a multiple of 2^-16, sigma about 2^10
            num = (quint64(1) << 36) + 12345;
            den = quint64(1) << 16;
        }
        const Fraction variance{num, den};
        SeededRandomBits bits(31);
        const auto samples = samplesOf([&] { return sampleDiscreteGaussian(bits, variance); });
        const double d = ksStatistic(samples, gaussianPmf(variance), gaussianReach(variance));
        QVERIFY2(d < kKsCritical, qPrintable(QString("KS %1 >= %2").arg(d).arg(kKsCritical)));
        QVERIFY(varianceMatches(sampleVariance(samples),
                                exactMoments(gaussianPmf(variance), gaussianReach(variance)),
                                kSamples));
    }

    // A mechanism whose noise has half the scale (Laplace) or half the sigma (Gaussian) of what
    // the plan requires is rejected by the same KS and variance tests the right one passes.
    void halfNoiseToldApart_data() {
        QTest::addColumn<DpNoise>("noise");
        QTest::addColumn<double>("epsilon");
        QTest::newRow("Laplace epsilon 1") << DpNoise::Laplace << 1.0;
        QTest::newRow("Laplace epsilon 0.1") << DpNoise::Laplace << 0.1;
        QTest::newRow("Gaussian epsilon 1") << DpNoise::Gaussian << 1.0;
        QTest::newRow("Gaussian epsilon 0.3") << DpNoise::Gaussian << 0.3;
    }
    void halfNoiseToldApart() {
        QFETCH(DpNoise, noise);
        QFETCH(double, epsilon);
        const DpPlan right = planDpRelease(DpQuery::Count, request(noise, epsilon, 0, 1));
        DpPlan half = right;
        half.laplaceScale.den *= 2;
        half.gaussianVariance.den *= 4;
        const Pmf pmf = noise == DpNoise::Laplace ? laplacePmf(right.laplaceScale)
                                                  : gaussianPmf(right.gaussianVariance);
        const std::int64_t reach = noise == DpNoise::Laplace
                                       ? laplaceReach(right.laplaceScale)
                                       : gaussianReach(right.gaussianVariance);
        SeededRandomBits bits(41);
        const auto good = samplesOf([&] { return sampleDpNoise(right, bits); });
        const auto bad = samplesOf([&] { return sampleDpNoise(half, bits); });
        const double dGood = ksStatistic(good, pmf, reach), dBad = ksStatistic(bad, pmf, reach);
        QVERIFY2(dGood < kKsCritical, qPrintable(QString("right: KS %1").arg(dGood)));
        QVERIFY2(dBad > 10 * kKsCritical, qPrintable(QString("half: KS %1").arg(dBad)));
        const Moments moments = exactMoments(pmf, reach);
        QVERIFY(varianceMatches(sampleVariance(good), moments, kSamples));
        QVERIFY(!varianceMatches(sampleVariance(bad), moments, kSamples));
    }

    // The noise of whole releases (a constant column, so output / g - index is the noise) is the
    // plan's law.
    void releasedNoiseDistribution_data() {
        QTest::addColumn<DpNoise>("noise");
        QTest::newRow("Laplace") << DpNoise::Laplace;
        QTest::newRow("Gaussian") << DpNoise::Gaussian;
    }
    void releasedNoiseDistribution() {
        QFETCH(DpNoise, noise);
        const std::vector<double> column(kSamples, 0.3);
        PrivacyBudget budget(1.0, 1e-5);
        SeededRandomBits bits(51);
        const DpValuesRelease release =
            releaseValues(column, request(noise, 1.0, -1.0, 2.0), budget, bits);
        const DpPlan& plan = release.plan;
        const std::int64_t index = dpGridIndex(plan, 0.3);
        std::vector<std::int64_t> noiseSteps;
        for (const double v : release.values) {
            QVERIFY(onGrid(v, plan.gridExponent));
            noiseSteps.push_back(std::int64_t(std::ldexp(v, -plan.gridExponent)) - index);
        }
        const Pmf pmf = noise == DpNoise::Laplace ? laplacePmf(plan.laplaceScale)
                                                  : gaussianPmf(plan.gaussianVariance);
        const std::int64_t reach = noise == DpNoise::Laplace ? laplaceReach(plan.laplaceScale)
                                                             : gaussianReach(plan.gaussianVariance);
        const double d = ksStatistic(noiseSteps, pmf, reach);
        QVERIFY2(d < kKsCritical, qPrintable(QString("KS %1").arg(d)));
        QVERIFY(varianceMatches(sampleVariance(noiseSteps), exactMoments(pmf, reach), kSamples));
        // The reported standard deviation is the law's, in the values' units.
        const double sd = std::sqrt(double(exactMoments(pmf, reach).variance)) * plan.gridStep();
        QVERIFY(std::fabs(plan.noiseStandardDeviation() - sd) <= 1e-3 * sd);
    }

    // Every output of every release is an exact multiple of its grid step.
    void outputsOnGrid_data() {
        QTest::addColumn<DpNoise>("noise");
        QTest::addColumn<int>("gridExponent");  // 1000: the default grid
        for (const DpNoise noise : {DpNoise::Laplace, DpNoise::Gaussian}) {
            const char* name = noise == DpNoise::Laplace ? "Laplace" : "Gaussian";
            QTest::addRow("%s default grid", name) << noise << 1000;
            QTest::addRow("%s grid 2^-7", name) << noise << -7;
            QTest::addRow("%s grid 2^-1", name) << noise << -1;
            QTest::addRow("%s grid 1", name) << noise << 0;
        }
    }
    void outputsOnGrid() {
        QFETCH(DpNoise, noise);
        QFETCH(int, gridExponent);
        const std::optional<int> grid =
            gridExponent == 1000 ? std::nullopt : std::optional<int>(gridExponent);
        Random random(61);
        std::vector<double> values(5000);  // arbitrary doubles, some outside the range
        for (double& v : values) v = -4.0 + 9.0 * random.uniform();
        values.push_back(std::numeric_limits<double>::infinity());
        values.push_back(-std::numeric_limits<double>::infinity());
        values.push_back(0.1);
        const DpRequest r = request(noise, 0.7, -2.5, 3.1, grid);
        PrivacyBudget budget(100.0, 0.5);
        SeededRandomBits bits(62);

        const DpValuesRelease column = releaseValues(values, r, budget, bits);
        if (grid) QCOMPARE(column.plan.gridExponent, *grid);
        for (const double v : column.values)
            QVERIFY2(onGrid(v, column.plan.gridExponent), qPrintable(QString::number(v, 'g', 17)));
        const DpSumRelease sum = releaseSum(values, r, budget, bits);
        QVERIFY(onGrid(sum.sum, sum.plan.gridExponent));
        const DpMeanRelease mean = releaseMean(values, r, budget, bits);
        QVERIFY(onGrid(mean.sum, mean.sumPlan.gridExponent));
        QVERIFY(mean.mean >= r.lower && mean.mean <= r.upper);
        for (int i = 0; i < 100; ++i) {
            const DpSumRelease again = releaseSum(values, r, budget, bits);
            QVERIFY(onGrid(again.sum, again.plan.gridExponent));
        }
        // Counts and bins are whole numbers by type; the grid step is 1.
        QCOMPARE(releaseCount(values.size(), r, budget, bits).plan.gridExponent, 0);
        QCOMPARE(releaseHistogram(histogramBinCounts(values, -2.5, 3.1, 7), r, budget, bits)
                     .counts.size(),
                 std::size_t(7));
    }

    // Grid indices round half up exactly and clamp; sensitivities follow the documented rules.
    void plans() {
        DpRequest r = request(DpNoise::Laplace, 0.5, -3.0, 2.0, -2);  // g = 1/4
        const DpPlan values = planDpRelease(DpQuery::Values, r);
        QCOMPARE(values.lowerIndex, std::int64_t(-12));
        QCOMPARE(values.upperIndex, std::int64_t(8));
        QCOMPARE(values.sensitivity, std::int64_t(20));
        const DpPlan sum = planDpRelease(DpQuery::Sum, r);
        QCOMPARE(sum.sensitivity, std::int64_t(12));
        QCOMPARE(planDpRelease(DpQuery::Count, r).sensitivity, std::int64_t(1));
        QCOMPARE(planDpRelease(DpQuery::Histogram, r).sensitivity, std::int64_t(1));
        // Laplace scale = sensitivity / epsilon, exactly.
        QCOMPARE(sum.laplaceScale.num, std::uint64_t(24));
        QCOMPARE(sum.laplaceScale.den, std::uint64_t(1));
        QCOMPARE(values.laplaceScale.num, std::uint64_t(40));
        // Round half up (1/8 is half a step of 1/4), clamping into the range.
        QCOMPARE(dpGridIndex(sum, 0.125), std::int64_t(1));
        QCOMPARE(dpGridIndex(sum, -0.125), std::int64_t(0));
        QCOMPARE(dpGridIndex(sum, -0.375), std::int64_t(-1));
        QCOMPARE(dpGridIndex(sum, 0.12499999999999999), std::int64_t(0));
        QCOMPARE(dpGridIndex(sum, 100.0), std::int64_t(8));
        QCOMPARE(dpGridIndex(sum, -1e300), std::int64_t(-12));

        // The default grid puts about 2^10 steps in one noise scale.
        for (const double epsilon : {0.01, 0.3, 1.0, 7.0}) {
            for (const DpQuery query : {DpQuery::Values, DpQuery::Sum}) {
                const DpPlan plan =
                    planDpRelease(query, request(DpNoise::Laplace, epsilon, -13.7, 1234.5));
                const double steps = double(plan.laplaceScale.num) / plan.laplaceScale.den;
                QVERIFY2(steps >= 1023 && steps <= 2049, qPrintable(QString::number(steps)));
                const DpPlan gauss =
                    planDpRelease(query, request(DpNoise::Gaussian, epsilon, -13.7, 1234.5));
                const double sigma =
                    std::sqrt(double(gauss.gaussianVariance.num) / gauss.gaussianVariance.den);
                QVERIFY2(sigma >= 1023 && sigma <= 2049, qPrintable(QString::number(sigma)));
            }
        }
    }

    // sigma^2 of the Gaussian mechanism is the smallest (up to rounding) that the zCDP
    // conversion allows for (epsilon, delta); it is close to the classical bound for epsilon < 1.
    void gaussianSigma_data() {
        QTest::addColumn<double>("epsilon");
        QTest::addColumn<double>("delta");
        QTest::newRow("0.1, 1e-5") << 0.1 << 1e-5;
        QTest::newRow("0.5, 1e-5") << 0.5 << 1e-5;
        QTest::newRow("0.9, 1e-8") << 0.9 << 1e-8;
        QTest::newRow("3, 1e-6") << 3.0 << 1e-6;
    }
    void gaussianSigma() {
        QFETCH(double, epsilon);
        QFETCH(double, delta);
        DpRequest r = request(DpNoise::Gaussian, epsilon, 0, 1);
        r.delta = delta;
        const DpPlan plan = planDpRelease(DpQuery::Count, r);
        const long double variance =
            (long double)plan.gaussianVariance.num / plan.gaussianVariance.den;
        // Sensitivity 1: rho = 1 / (2 sigma^2); the epsilon it gives at this delta.
        const long double rho = 1 / (2 * variance);
        const long double achieved = rho + 2 * std::sqrt(rho * std::log(1 / (long double)delta));
        QVERIFY2(achieved <= epsilon, qPrintable(QString::number(double(achieved), 'g', 17)));
        QVERIFY(achieved >= epsilon * (1 - 1e-5));
        if (epsilon < 1) {
            const double classical = std::sqrt(2 * std::log(1.25 / delta)) / epsilon;
            const double ratio = std::sqrt(double(variance)) / classical;
            QVERIFY2(ratio > 0.9 && ratio < 1.1, qPrintable(QString::number(ratio)));
        }
    }

    // With many rows the released aggregates are near the truth; the mean is post-processing.
    void aggregates() {
        Random random(71);
        std::vector<double> values(100000);
        double truth = 0;
        for (double& v : values) truth += (v = 10.0 * random.uniform());
        PrivacyBudget budget(10.0);
        SeededRandomBits bits(72);
        const DpRequest r = request(DpNoise::Laplace, 1.0, 0.0, 10.0);
        const DpSumRelease sum = releaseSum(values, r, budget, bits);
        QVERIFY(std::fabs(sum.sum - truth) <= 20 * sum.plan.noiseStandardDeviation() + 1e-2);
        const DpMeanRelease mean = releaseMean(values, r, budget, bits);
        QVERIFY(std::fabs(mean.mean - truth / values.size()) < 0.01);
        QVERIFY(std::abs(mean.count - std::int64_t(values.size())) < 100);
        QCOMPARE(mean.mean, mean.sum / double(mean.count));
        const DpCountRelease count = releaseCount(12345, r, budget, bits);
        QVERIFY(std::abs(count.count - 12345) < 40);
        const auto bins = histogramBinCounts(values, 0.0, 10.0, 5);
        const DpHistogramRelease histogram = releaseHistogram(bins, r, budget, bits);
        for (std::size_t i = 0; i < bins.size(); ++i)
            QVERIFY(std::abs(histogram.counts[i] - std::int64_t(bins[i])) < 40);
        QCOMPARE(budget.spent().epsilon(), 4.0);
    }

    void binCounts() {
        const std::vector<double> values{-5, 0, 0.999, 1, 2.5, 3.999, 4, 99};
        const auto counts = histogramBinCounts(values, 0.0, 4.0, 4);
        QCOMPARE(counts, (std::vector<std::uint64_t>{3, 1, 1, 3}));
    }

    void refusedParameters_data() {
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<std::function<void()>>("call");
        using F = std::function<void()>;
        const auto plan = [](DpQuery query, DpRequest r) -> F {
            return [query, r] { planDpRelease(query, r); };
        };
        const DpRequest laplace = request(DpNoise::Laplace, 1.0, 0.0, 1.0);
        const DpRequest gaussian = request(DpNoise::Gaussian, 1.0, 0.0, 1.0);
        auto with = [](DpRequest r, auto change) {
            change(r);
            return r;
        };
        QTest::newRow("epsilon 0")
            << "epsilon" << plan(DpQuery::Sum, with(laplace, [](auto& r) { r.epsilon = 0; }));
        QTest::newRow("epsilon -1")
            << "epsilon" << plan(DpQuery::Count, with(gaussian, [](auto& r) { r.epsilon = -1; }));
        QTest::newRow("epsilon NaN")
            << "epsilon" << plan(DpQuery::Sum, with(laplace, [](auto& r) { r.epsilon = NAN; }));
        QTest::newRow("epsilon infinite")
            << "epsilon"
            << plan(DpQuery::Sum, with(laplace, [](auto& r) { r.epsilon = INFINITY; }));
        QTest::newRow("lower = upper")
            << "lower" << plan(DpQuery::Sum, with(laplace, [](auto& r) { r.lower = 1; }));
        QTest::newRow("lower > upper")
            << "lower" << plan(DpQuery::Values, with(laplace, [](auto& r) { r.lower = 2; }));
        QTest::newRow("lower infinite")
            << "lower" << plan(DpQuery::Sum, with(laplace, [](auto& r) { r.lower = -INFINITY; }));
        QTest::newRow("upper NaN")
            << "upper" << plan(DpQuery::Sum, with(laplace, [](auto& r) { r.upper = NAN; }));
        QTest::newRow("Gaussian delta 0")
            << "delta" << plan(DpQuery::Count, with(gaussian, [](auto& r) { r.delta = 0; }));
        QTest::newRow("Gaussian delta 1")
            << "delta" << plan(DpQuery::Count, with(gaussian, [](auto& r) { r.delta = 1; }));
        QTest::newRow("Gaussian delta -0.1")
            << "delta" << plan(DpQuery::Sum, with(gaussian, [](auto& r) { r.delta = -0.1; }));
        QTest::newRow("Gaussian delta 2")
            << "delta" << plan(DpQuery::Sum, with(gaussian, [](auto& r) { r.delta = 2; }));
        QTest::newRow("Laplace with delta")
            << "delta" << plan(DpQuery::Sum, with(laplace, [](auto& r) { r.delta = 0.1; }));
        QTest::newRow("grid too coarse")
            << "gridExponent" << plan(DpQuery::Sum, with(laplace, [](auto& r) {
                                          r.upper = 0.4;
                                          r.gridExponent = 0;
                                      }));
        QTest::newRow("grid too fine")
            << "gridExponent" << plan(DpQuery::Sum, with(laplace, [](auto& r) {
                                          r.upper = 1e6;
                                          r.gridExponent = -40;
                                      }));
        QTest::newRow("grid out of range")
            << "gridExponent"
            << plan(DpQuery::Sum, with(laplace, [](auto& r) { r.gridExponent = -2000; }));
        QTest::newRow("noise too wide for the grid")
            << "gridExponent" << plan(DpQuery::Sum, with(laplace, [](auto& r) {
                                          r.epsilon = 1e-9;
                                          r.gridExponent = -29;
                                      }));
        QTest::newRow("Laplace scale 0") << "scale" << F([] {
            SeededRandomBits bits(1);
            sampleDiscreteLaplace(bits, {0, 1});
        });
        QTest::newRow("Laplace denominator 0") << "scale" << F([] {
            SeededRandomBits bits(1);
            sampleDiscreteLaplace(bits, {1, 0});
        });
        QTest::newRow("Laplace scale 2^60") << "scale" << F([] {
            SeededRandomBits bits(1);
            sampleDiscreteLaplace(bits, {std::uint64_t(1) << 60, 1});
        });
        QTest::newRow("Gaussian variance 0") << "variance" << F([] {
            SeededRandomBits bits(1);
            sampleDiscreteGaussian(bits, {0, 1});
        });
        QTest::newRow("Gaussian variance 2^58") << "variance" << F([] {
            SeededRandomBits bits(1);
            sampleDiscreteGaussian(bits, {std::uint64_t(1) << 58, 1});
        });
        QTest::newRow("Gaussian variance in 2^-60 units") << "variance" << F([] {
            SeededRandomBits bits(1);
            sampleDiscreteGaussian(bits, {(std::uint64_t(1) << 60) + 1, std::uint64_t(1) << 60});
        });
        QTest::newRow("p above 1") << "p" << F([] {
            SeededRandomBits bits(1);
            sampleBernoulli(bits, {4, 3});
        });
        QTest::newRow("gamma denominator 0") << "gamma" << F([] {
            SeededRandomBits bits(1);
            sampleBernoulliExp(bits, {4, 0});
        });
        QTest::newRow("missing value") << "values" << F([laplace] {
            PrivacyBudget budget(1);
            SeededRandomBits bits(1);
            const std::vector<double> values{1, NAN};
            releaseSum(values, laplace, budget, bits);
        });
        QTest::newRow("no bins") << "binCounts" << F([laplace] {
            PrivacyBudget budget(1);
            SeededRandomBits bits(1);
            releaseHistogram({}, laplace, budget, bits);
        });
        QTest::newRow("zero bins") << "bins" << F([] { histogramBinCounts({}, 0, 1, 0); });
    }
    void refusedParameters() {
        QFETCH(QString, parameter);
        QFETCH(std::function<void()>, call);
        QCOMPARE(refusedParameter(call), parameter);
    }
};

QTEST_APPLESS_MAIN(DpMechanismsTest)
#include "test_dp_mechanisms.moc"
