#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/learner.h"

namespace glassbox {

// scikit-learn's roc_curve(drop_intermediate=True): one point per distinct score (descending),
// collinear intermediate points dropped, plus a first point (0, 0) whose threshold is +inf (as
// scikit-learn >= 1.3; 1.2 puts max score + 1 there). A row is predicted positive when its
// score >= the threshold. fpr (tpr) is NaN throughout when there are no negatives (positives).
struct RocCurve {
    std::vector<double> fpr;
    std::vector<double> tpr;
    std::vector<double> thresholds;  // empty for the macro average (an average of curves)
};

// scikit-learn's precision_recall_curve: one point per distinct score in increasing order of
// threshold, then a last point (precision 1, recall 0) without a threshold. Precision is 0
// where nothing is predicted positive; recall is 1 throughout when there are no positives.
struct PrecisionRecallCurve {
    std::vector<double> precision;
    std::vector<double> recall;
    std::vector<double> thresholds;  // one fewer than the points
};

enum class CalibrationStrategy : std::uint8_t {
    Uniform,   // bins of equal width over [0, 1]
    Quantile,  // bins holding equal numbers of scores (edges at numpy's linear percentiles)
};

// sklearn.calibration.calibration_curve: for each non-empty bin, the fraction of positives
// (`fractionPositive`, prob_true) and the mean score (`meanScore`, prob_pred); plus the bin
// edges and the count of scores in every bin, empty ones included (a histogram of scores).
// Bin of a score: the number of inner edges strictly below it.
struct CalibrationCurve {
    std::vector<double> fractionPositive;
    std::vector<double> meanScore;
    std::vector<double> edges;        // bins + 1
    std::vector<std::size_t> counts;  // bins
};

// `scores` and `positive` (true = positive) have one entry per row.
RocCurve rocCurve(std::span<const double> scores, std::span<const std::uint8_t> positive);
PrecisionRecallCurve precisionRecallCurve(std::span<const double> scores,
                                          std::span<const std::uint8_t> positive);
// scikit-learn's average_precision_score: sum over the points of (R_n - R_{n-1}) P_n.
double averagePrecision(std::span<const double> scores, std::span<const std::uint8_t> positive);
// Throws InvalidArgument("--bins") for bins < 1 and InvalidArgument("scores") for a score
// outside [0, 1].
CalibrationCurve calibrationCurve(std::span<const double> scores,
                                  std::span<const std::uint8_t> positive, std::size_t bins,
                                  CalibrationStrategy strategy);
// The trapezoidal area under y(x) (numpy's trapz), e.g. of a ROC curve.
double curveArea(std::span<const double> x, std::span<const double> y);

// The curves of one class against the rest.
struct ClassCurves {
    RocCurve roc;
    PrecisionRecallCurve pr;
    CalibrationCurve calibration;
    double auc = 0;               // NaN when the class is absent or alone in the truth
    double averagePrecision = 0;  // 0 when the class is absent (no recall to gain)
};

// Every curve of a classifier's predictions (calibration: probabilities clamped to [0, 1]). Per
// class one-vs-rest, scores = the class's probability (a binary model gets both classes; the
// positive one is class 1). Multiclass only: the micro average (roc_curve /
// roc_auc_score(average="micro") on the one-hot truth and all probabilities, flattened row by row)
// and the macro average (mean of the per-class TPRs, numpy.interp-ed at the union of their FPRs, as
// scikit-learn's ROC example; its `auc` is the mean of the per-class AUCs,
// roc_auc_score(average="macro", multi_class="ovr"), taken over the classes present in the truth).
struct ClassificationCurves {
    std::vector<ClassCurves> perClass;
    bool averaged = false;  // multiclass: micro and macro below are set
    RocCurve microRoc;
    double microAuc = 0;
    RocCurve macroRoc;
    double macroAuc = 0;
};

struct CurveOptions {
    std::size_t calibrationBins = 10;
    CalibrationStrategy calibrationStrategy = CalibrationStrategy::Uniform;
};

// `truth` holds class indices; rows with -1 are skipped.
ClassificationCurves classificationCurves(std::span<const std::int32_t> truth,
                                          const Predictions& predicted,
                                          const CurveOptions& options = {});

}  // namespace glassbox
