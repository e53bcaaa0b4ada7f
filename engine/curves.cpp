#include "engine/curves.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/errors.h"
#include "engine/metrics.h"

namespace glassbox {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// scikit-learn's _binary_clf_curve: for each distinct score in decreasing order, the false and
// true positives among the rows scoring at least that much.
struct ThresholdCounts {
    std::vector<double> falsePositives;
    std::vector<double> truePositives;
    std::vector<double> thresholds;
};

ThresholdCounts countsByThreshold(std::span<const double> scores,
                                  std::span<const std::uint8_t> positive) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    ThresholdCounts out;
    double tp = 0, fp = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        (positive[order[i]] ? tp : fp) += 1;
        if (i + 1 == order.size() || scores[order[i + 1]] != scores[order[i]]) {
            out.falsePositives.push_back(fp);
            out.truePositives.push_back(tp);
            out.thresholds.push_back(scores[order[i]]);
        }
    }
    return out;
}

// numpy.interp(x, xp, fp) for increasing xp (repeats allowed): the value after the last xp <= x.
double interpolate(double x, const std::vector<double>& xp, const std::vector<double>& fp) {
    const std::size_t n = xp.size();
    if (x < xp.front()) return fp.front();
    if (x >= xp.back()) return fp.back();
    const std::size_t j =
        static_cast<std::size_t>(std::upper_bound(xp.begin(), xp.end(), x) - xp.begin()) - 1;
    if (j + 1 >= n) return fp.back();
    if (x == xp[j]) return fp[j];
    const double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    return slope * (x - xp[j]) + fp[j];
}

// numpy.percentile(sorted, q * 100) with the default linear method, operation for operation.
double percentile(const std::vector<double>& sorted, double q) {
    const double n = static_cast<double>(sorted.size());
    const double index = (n - 1) * ((q * 100) / 100);
    if (index >= n - 1) return sorted.back();
    if (index < 0) return sorted.front();
    const double below = std::floor(index);
    const double gamma = index - below;
    const double a = sorted[static_cast<std::size_t>(below)];
    const double b = sorted[static_cast<std::size_t>(below) + 1];
    const double difference = b - a;
    return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma;
}

// numpy.linspace(0, 1, bins + 1).
std::vector<double> unitSpacing(std::size_t bins) {
    std::vector<double> out(bins + 1);
    const double step = 1.0 / static_cast<double>(bins);
    for (std::size_t i = 0; i < bins; ++i) out[i] = static_cast<double>(i) * step;
    out[bins] = 1.0;
    return out;
}

ClassCurves oneVsRest(std::span<const double> scores, std::span<const std::uint8_t> positive,
                      const CurveOptions& options) {
    ClassCurves out;
    out.roc = rocCurve(scores, positive);
    out.auc = curveArea(out.roc.fpr, out.roc.tpr);
    out.pr = precisionRecallCurve(scores, positive);
    out.averagePrecision = averagePrecision(scores, positive);
    // Probabilities a rounding error outside [0, 1] are put back inside for the bins.
    std::vector<double> clamped(scores.begin(), scores.end());
    for (double& p : clamped) p = std::isnan(p) ? p : std::clamp(p, 0.0, 1.0);
    out.calibration =
        calibrationCurve(clamped, positive, options.calibrationBins, options.calibrationStrategy);
    return out;
}

}  // namespace

RocCurve rocCurve(std::span<const double> scores, std::span<const std::uint8_t> positive) {
    ThresholdCounts counts = countsByThreshold(scores, positive);
    const std::size_t n = counts.thresholds.size();
    RocCurve out;
    out.fpr.push_back(0);
    out.tpr.push_back(0);
    out.thresholds.push_back(kInf);
    const auto& fps = counts.falsePositives;
    const auto& tps = counts.truePositives;
    // drop_intermediate: keep the ends and every corner (a non-zero second difference).
    for (std::size_t i = 0; i < n; ++i) {
        const bool keep = n <= 2 || i == 0 || i + 1 == n ||
                          fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 ||
                          tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0;
        if (!keep) continue;
        out.fpr.push_back(fps[i]);
        out.tpr.push_back(tps[i]);
        out.thresholds.push_back(counts.thresholds[i]);
    }
    const double negatives = n > 0 ? fps.back() : 0, positives = n > 0 ? tps.back() : 0;
    for (double& f : out.fpr) f = negatives > 0 ? f / negatives : kNaN;
    for (double& t : out.tpr) t = positives > 0 ? t / positives : kNaN;
    return out;
}

PrecisionRecallCurve precisionRecallCurve(std::span<const double> scores,
                                          std::span<const std::uint8_t> positive) {
    const ThresholdCounts counts = countsByThreshold(scores, positive);
    const std::size_t n = counts.thresholds.size();
    const double positives = n > 0 ? counts.truePositives.back() : 0;
    PrecisionRecallCurve out;
    for (std::size_t i = n; i-- > 0;) {
        const double tp = counts.truePositives[i];
        const double predicted = tp + counts.falsePositives[i];
        out.precision.push_back(predicted != 0 ? tp / predicted : 0.0);
        out.recall.push_back(positives != 0 ? tp / positives : 1.0);
        out.thresholds.push_back(counts.thresholds[i]);
    }
    out.precision.push_back(1);
    out.recall.push_back(0);
    return out;
}

double averagePrecision(std::span<const double> scores, std::span<const std::uint8_t> positive) {
    const PrecisionRecallCurve curve = precisionRecallCurve(scores, positive);
    double sum = 0;
    for (std::size_t i = 0; i + 1 < curve.recall.size(); ++i)
        sum += (curve.recall[i + 1] - curve.recall[i]) * curve.precision[i];
    return -sum;
}

CalibrationCurve calibrationCurve(std::span<const double> scores,
                                  std::span<const std::uint8_t> positive, std::size_t bins,
                                  CalibrationStrategy strategy) {
    if (bins < 1) throw InvalidArgument("--bins", "must be at least 1");
    for (double s : scores)
        if (!(s >= 0 && s <= 1))
            throw InvalidArgument("scores", "a calibration curve needs scores in [0, 1]");
    CalibrationCurve out;
    if (strategy == CalibrationStrategy::Uniform || scores.empty()) {
        out.edges = unitSpacing(bins);
    } else {
        std::vector<double> sorted(scores.begin(), scores.end());
        std::sort(sorted.begin(), sorted.end());
        for (double q : unitSpacing(bins)) out.edges.push_back(percentile(sorted, q));
    }
    out.counts.assign(bins, 0);
    std::vector<double> scoreSum(bins, 0.0), positiveSum(bins, 0.0);
    for (std::size_t r = 0; r < scores.size(); ++r) {
        // numpy.searchsorted(edges[1:-1], score) (side "left").
        const auto inner = std::span<const double>(out.edges).subspan(1, bins - 1);
        const auto bin = static_cast<std::size_t>(
            std::lower_bound(inner.begin(), inner.end(), scores[r]) - inner.begin());
        ++out.counts[bin];
        scoreSum[bin] += scores[r];
        positiveSum[bin] += positive[r] ? 1.0 : 0.0;
    }
    for (std::size_t b = 0; b < bins; ++b) {
        if (out.counts[b] == 0) continue;
        const double count = static_cast<double>(out.counts[b]);
        out.fractionPositive.push_back(positiveSum[b] / count);
        out.meanScore.push_back(scoreSum[b] / count);
    }
    return out;
}

double curveArea(std::span<const double> x, std::span<const double> y) {
    double area = 0;
    for (std::size_t i = 0; i + 1 < x.size(); ++i)
        area += (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2;
    return area;
}

ClassificationCurves classificationCurves(std::span<const std::int32_t> truth,
                                          const Predictions& predicted,
                                          const CurveOptions& options) {
    const std::size_t k = predicted.classCount;
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < truth.size(); ++r)
        if (truth[r] >= 0) rows.push_back(r);
    ClassificationCurves out;
    std::vector<double> scores(rows.size());
    std::vector<std::uint8_t> positive(rows.size());
    for (std::size_t c = 0; c < k; ++c) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            scores[i] = predicted.probabilitiesOf(rows[i])[c];
            positive[i] = truth[rows[i]] == static_cast<std::int32_t>(c);
        }
        out.perClass.push_back(oneVsRest(scores, positive, options));
    }
    if (k <= 2) return out;

    out.averaged = true;
    std::vector<double> allScores(rows.size() * k);
    std::vector<std::uint8_t> allPositive(rows.size() * k);
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t c = 0; c < k; ++c) {
            allScores[i * k + c] = predicted.probabilitiesOf(rows[i])[c];
            allPositive[i * k + c] = truth[rows[i]] == static_cast<std::int32_t>(c);
        }
    out.microRoc = rocCurve(allScores, allPositive);
    out.microAuc = curveArea(out.microRoc.fpr, out.microRoc.tpr);

    std::vector<const RocCurve*> present;
    double aucSum = 0;
    for (const ClassCurves& c : out.perClass)
        if (!std::isnan(c.auc)) {
            present.push_back(&c.roc);
            aucSum += c.auc;
        }
    out.macroAuc = present.empty() ? kNaN : aucSum / static_cast<double>(present.size());
    for (const RocCurve* roc : present)
        out.macroRoc.fpr.insert(out.macroRoc.fpr.end(), roc->fpr.begin(), roc->fpr.end());
    std::sort(out.macroRoc.fpr.begin(), out.macroRoc.fpr.end());
    out.macroRoc.fpr.erase(std::unique(out.macroRoc.fpr.begin(), out.macroRoc.fpr.end()),
                           out.macroRoc.fpr.end());
    out.macroRoc.tpr.assign(out.macroRoc.fpr.size(), 0.0);
    for (const RocCurve* roc : present)
        for (std::size_t i = 0; i < out.macroRoc.fpr.size(); ++i)
            out.macroRoc.tpr[i] += interpolate(out.macroRoc.fpr[i], roc->fpr, roc->tpr);
    for (double& t : out.macroRoc.tpr) t /= static_cast<double>(present.size());
    return out;
}

}  // namespace glassbox
