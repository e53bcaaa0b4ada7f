#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/feature_matrix.h"
#include "engine/task.h"

namespace glassbox {

struct TrainedModel;

// SHAP values of some rows: for each row and model output, each feature's contribution, so that
// base[o] + sum over features of at(row, o, f) == prediction[row * outputs + o].
// Features are the model's schema features (one-hot columns summed back to their column).
// Classification has one output per class (for a two-class log-odds model, class 0's output
// is the negative of class 1's); regression has one.
struct ShapValues {
    std::string output;  // "probability", "log-odds" or "value"
    std::string method;  // "tree", "linear" or "sampling"
    std::size_t rows = 0;
    std::size_t outputs = 0;
    std::size_t features = 0;
    std::vector<double> base;        // per output
    std::vector<double> values;      // rows x outputs x features, row-major
    std::vector<double> prediction;  // rows x outputs, the model's output in `output` units

    double at(std::size_t row, std::size_t output, std::size_t feature) const {
        return values[(row * outputs + output) * features + feature];
    }
};

struct ShapOptions {
    // Sampling SHAP: at least this many feature permutations per row (rounded up to whole
    // antithetic pairs for every background row).
    std::size_t samples = 256;
    // Sampling SHAP: at most this many background rows (a seeded sample when there are more).
    std::size_t backgroundRows = 100;
    std::uint64_t seed = 0;
    unsigned threads = 1;
};

// SHAP values of `rows` of `x` (encoded with model.schema): exact path-dependent TreeSHAP for
// tree models (probability per class for trees and forests, raw log-odds for boosted
// classifiers, the value for regression; `background` is not used, the trees' covers are),
// exact linear SHAP for linear models (log-odds / value, against `background`'s means), and
// permutation sampling against a sample of `background` rows for the others (probability per
// class / value; tree_model_shap.h, linear_shap.h, sampling_shap.h). Parallel on
// options.threads; the same result on any thread count. Throws InvalidArgument for a row out of
// range, an empty background where one is needed, or options out of range; Cancelled through
// `task`.
ShapValues explainShap(const TrainedModel& model, const FeatureMatrix& x,
                       std::span<const std::size_t> rows, const FeatureMatrix& background,
                       const ShapOptions& options, const TaskContext& task);

struct FeatureContribution {
    std::size_t feature = 0;
    double value = 0.0;
};

// One explained row's contributions to one output, largest absolute value first (ties by
// feature order). `row` indexes the explained rows (0 .. shap.rows - 1).
std::vector<FeatureContribution> sortedContributions(const ShapValues& shap, std::size_t row,
                                                     std::size_t output);

// Shared by the SHAP methods: a two-class model with one score for the second class explained
// per class (class 0's values are the negated class 1 ones).
void mirrorSingleOutput(ShapValues& shap);

}  // namespace glassbox
