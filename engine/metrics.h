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

// Scores of predictions against the truth, named as ../shared/docs/cli.md names them.
struct Scores {
    // In a fixed order: classification accuracy, balanced_accuracy, precision, recall, f1
    // (macro), auc, log_loss; regression r2, rmse, mae.
    std::vector<std::pair<std::string, double>> values;
    // Classification: rows = true class, columns = predicted class.
    std::vector<std::vector<std::size_t>> confusion;

    std::optional<double> get(const std::string& name) const;
};

// `truth` holds class indices (rows with -1 are skipped); `predicted` the model's output for
// the same rows. AUC: binary — class 1 is positive; multiclass — macro one-vs-rest over the
// classes present in the truth. Ties in scores count half (the exact Mann-Whitney statistic).
Scores classificationScores(std::span<const std::int32_t> truth, const Predictions& predicted);
Scores regressionScores(std::span<const double> truth, std::span<const double> predicted);
// Either of the above, by the dataset's task.
Scores scoresFor(const Dataset& data, const Predictions& predicted);

// The area under the ROC curve of `scores` for `positive` (true = positive), with ties counted
// half; NaN when one of the two groups is empty.
double rocAuc(std::span<const double> scores, std::span<const std::uint8_t> positive);

}  // namespace glassbox
