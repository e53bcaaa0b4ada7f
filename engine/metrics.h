#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/learner.h"

namespace glassbox {

// One class's scores (scikit-learn's classification_report row).
struct ClassScores {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    std::size_t support = 0;  // rows of this class in the truth
};

// Scores of predictions against the truth, named as ../shared/docs/cli.md names them.
struct Scores {
    // In a fixed order: classification accuracy, balanced_accuracy, precision, recall, f1
    // (macro), auc, log_loss, mcc, kappa, brier; regression r2, rmse, mae, mape.
    std::vector<std::pair<std::string, double>> values;
    // Classification: rows = true class, columns = predicted class.
    std::vector<std::vector<std::size_t>> confusion;
    // Classification: one entry per class, in class order.
    std::vector<ClassScores> perClass;

    std::optional<double> get(const std::string& name) const;
};

// The names `values` holds for a task, in order (for option checks such as --alert-below).
std::vector<std::string> scoreNames(TaskKind task);

// `truth` holds class indices (rows with -1 are skipped); `predicted` the model's output for
// the same rows; the predicted class is the most probable one.
//
// Conventions (scikit-learn's defaults): precision, recall and F1 of a class are 0 when their
// denominator is 0 (zero_division=0); macro averages run over the classes that occur in the
// truth or the predictions; balanced accuracy over the classes in the truth. AUC: binary —
// class 1 is positive; multiclass — macro one-vs-rest over the classes present in the truth,
// ties counted half (the exact Mann-Whitney statistic). mcc (matthews_corrcoef, multiclass
// form) is 0 when either marginal is constant; kappa (cohen_kappa_score) is NaN when the
// expected disagreement is 0 (scikit-learn divides by 0). brier: binary — mean (p_1 - y)^2
// (brier_score_loss, class 1 positive); multiclass — mean over rows of the sum over classes of
// (p_c - [y = c])^2 (Brier's original form, which is twice the binary one for two classes).
Scores classificationScores(std::span<const std::int32_t> truth, const Predictions& predicted);
// The same scores for a binary model whose predicted class is 1 when p_1 >= `threshold`
// (scikit-learn's roc_curve convention); the threshold-free scores (auc, log_loss, brier) do
// not change. Throws InvalidArgument("--threshold") for a model with other than 2 classes.
Scores classificationScoresAt(std::span<const std::int32_t> truth, const Predictions& predicted,
                              double threshold);
// mape: scikit-learn's mean_absolute_percentage_error, |y - p| / max(|y|, DBL_EPSILON).
Scores regressionScores(std::span<const double> truth, std::span<const double> predicted);
// Either of the above, by the dataset's task.
Scores scoresFor(const Dataset& data, const Predictions& predicted);

// The area under the ROC curve of `scores` for `positive` (true = positive), with ties counted
// half; NaN when one of the two groups is empty.
double rocAuc(std::span<const double> scores, std::span<const std::uint8_t> positive);

}  // namespace glassbox
