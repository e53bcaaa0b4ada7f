#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/dataset.h"
#include "engine/flat_tree.h"
#include "engine/learner.h"
#include "engine/model_file.h"
#include "engine/task.h"

namespace glassbox {

// How much the model relies on one feature. `std` is the standard deviation over the
// permutation repeats (0 for impurity and gain importance). `totalGain` is the gain before
// normalizing (gradient boosting only, 0 otherwise).
struct FeatureImportance {
    std::size_t feature = 0;  // index into the model's schema
    std::string name;
    double value = 0.0;
    double std = 0.0;
    double totalGain = 0.0;
};

struct ImportanceResult {
    // "impurity" (decision tree, random forest), "gain" (gradient boosting) or "permutation".
    std::string method;
    // Every feature, largest value first (ties in schema order).
    std::vector<FeatureImportance> features;
    // Permutation importance only: the metric, its value on the unpermuted rows, the repeats and
    // the rows scored.
    std::string metric;
    double baseline = 0.0;
    std::size_t repeats = 0;
    std::size_t rows = 0;
};

// The weighted impurity decrease (FlatTree::gain) of `tree`'s splits summed per feature.
std::vector<double> treeGainSums(const FlatTree& tree, std::size_t featureCount);

// scikit-learn's feature_importances_ of a DecisionTreeClassifier/Regressor (one tree) or a
// RandomForest (several): each tree's gain sums normalized to sum 1, averaged over the trees
// that have a split, and the average normalized to sum 1 again. All zeros when no tree splits.
std::vector<double> meanDecreaseImpurity(std::span<const FlatTree> trees, std::size_t featureCount);

// XGBoost's "total_gain": the loss reduction of every split summed per feature over all trees
// (all rounds, all classes).
std::vector<double> totalGain(std::span<const FlatTree> trees, std::size_t featureCount);

// The importance a tree model carries in its trees: mean decrease in impurity for decision
// trees and random forests, total gain normalized to sum 1 for gradient boosting (the raw sum
// in totalGain). Throws InvalidArgument("--method") for a model without trees, suggesting
// permutation importance.
ImportanceResult impurityImportance(const TrainedModel& model);

struct PermutationOptions {
    // A name of the Scores of the task (metrics.h); empty: accuracy for classification, r2 for
    // regression (scikit-learn's default scorers).
    std::string metric;
    std::size_t repeats = 5;
    std::uint64_t seed = 0;
    unsigned threads = 1;
};

// scikit-learn's permutation_importance: for each feature and repeat, the feature's column is
// shuffled (categorical features as codes) and the rows scored again; the importance is the
// mean over repeats of baseline - permuted score, with the sign flipped for loss metrics so that
// a positive value always means the feature helps; `std` is the population standard deviation
// (ddof 0) over the repeats. As scikit-learn, repeat r uses the same row permutation for every
// feature. Runs features x repeats on `threads` threads; the result depends only on the seed.
// Throws InvalidArgument("--metric") for an unknown metric, ("--repeats") for 0 repeats.
ImportanceResult permutationImportance(const Model& model, const Dataset& data,
                                       const PermutationOptions& options, const TaskContext& task);

// The rows `rows` of `table` (all rows when empty) that have a known target, as a dataset
// encoded for `model`: what the model can be scored on. Classification rows whose class the
// model does not know, and rows with a missing target, are left out and counted; tableRows gives
// the table row of each dataset row. Throws InvalidArgument(source) when `table` has no column
// named as the model's target.
DatasetResult labelledRows(const TrainedModel& model, const Table& table, const std::string& source,
                           std::span<const std::size_t> rows = {});

}  // namespace glassbox
