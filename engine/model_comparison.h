#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/fold_evaluation.h"
#include "engine/validation.h"

namespace glassbox {

// The corrected resampled t-test of Nadeau & Bengio (2003), as Weka's Experimenter
// (PairedCorrectedTTester) computes it for r repeats of k-fold cross-validation:
//   t = mean(d) / sqrt((1 / (k r) + n_test / n_train) * var(d)),  df = k r - 1,
// d the per-fold score differences, var(d) with the k r - 1 denominator, p two-sided from
// Student's t. When var(d) = 0: identical scores on every fold give t = 0, p = 1 (no evidence
// of a difference); a constant non-zero difference gives t = ±infinity, p = 0. A NaN difference
// (e.g. an AUC on a fold with one class) makes t and p NaN.
struct CorrectedTTest {
    double meanDifference = 0;
    double t = 0;
    double df = 0;
    double p = 1;
};
CorrectedTTest correctedResampledTTest(std::span<const double> differences, double testTrainRatio);

struct ComparisonOptions {
    std::size_t folds = 10;
    std::size_t repeats = 10;
    FoldRule foldRule = FoldRule::Stratified;
    std::string metric;      // empty: defaultMetric(task)
    std::uint64_t seed = 0;  // repeat i uses seed + i for its folds and its fits
    unsigned threads = 1;
    double alpha = 0.05;  // significance level
};

struct ComparedModel {
    std::vector<double> foldScores;  // repeat-major: foldScores[i * folds + k]
    double mean = 0;
    double std = 0;  // sample standard deviation over every fold of every repeat
    Scores pooled;   // every metric over the first repeat's pooled out-of-fold predictions
    double seconds = 0;
};

struct PairComparison {
    std::size_t first = 0;
    std::size_t second = 0;
    CorrectedTTest test;  // on first's minus second's fold scores
    // The significantly better model (p < alpha, direction by the metric), if any.
    std::optional<std::size_t> better;
};

struct ComparisonResult {
    std::string metric;
    std::size_t folds = 0;
    std::size_t repeats = 0;
    double testTrainRatio = 0;          // test rows / training rows over all folds: 1 / (k - 1)
    std::vector<ComparedModel> models;  // in the order given
    std::vector<PairComparison> pairs;  // (0,1), (0,2), ..., (1,2), ...
};

// Evaluates every model on the same repeated k-fold splits (repeat i: assignFolds with
// seed + i) and compares every pair. Throws InvalidArgument: "--cv" for a fold count outside
// [2, rows], "--repeats" for 0 repeats or several with the index fold rule (they would be
// identical), "--metric" for an unknown metric.
ComparisonResult compareModels(std::span<const Configuration> models, const Dataset& data,
                               const ComparisonOptions& options, const TaskContext& task);

}  // namespace glassbox
