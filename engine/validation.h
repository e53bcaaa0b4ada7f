#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "engine/learner.h"
#include "engine/metrics.h"

namespace glassbox {

enum class FoldRule : std::uint8_t {
    Index,       // row i in fold i mod K (../shared/datasets/REFERENCE.md)
    Stratified,  // classes spread evenly over the folds, shuffled by the seed
};

// The fold of each row. Stratified falls back to a seeded shuffle for regression. `repeat`
// picks another shuffle of the same seed (repeated k-fold); the index rule ignores it.
std::vector<std::size_t> assignFolds(const Dataset& data, std::size_t folds, FoldRule rule,
                                     std::uint64_t seed, std::size_t repeat = 0);

struct ValidationResult {
    // Predictions for every evaluated row (all rows for cross-validation, the test rows for a
    // holdout), in the order of `rows`.
    Predictions predictions;
    std::vector<std::size_t> rows;
    std::vector<Scores> perFold;
    Scores pooled;  // over all of `predictions`
    // Holdout only: the model fitted on the training rows.
    std::unique_ptr<Model> model;
};

// Predictions of `data`'s shape for `rows` rows, all zero: what fold predictions are placed into.
Predictions emptyPredictions(const Dataset& data, std::size_t rows);
// Copies `from` (one row per entry of `at`) into `into` at rows `at`.
void placePredictions(const Predictions& from, std::span<const std::size_t> at, Predictions& into);

// K-fold cross-validation: fits on K-1 folds, predicts the held-out one, K times. Throws
// InvalidArgument("--cv") for K < 2 or K > rows.
ValidationResult crossValidate(const Learner& learner, const Dataset& data,
                               const ParamValues& params, const FitOptions& options,
                               std::size_t folds, FoldRule rule, const TaskContext& task);

// Cross-validation on given folds: row r is held out in fold `fold[r]` (< `folds`), so several
// learners or parameter settings can be compared on exactly the same splits. Each fold's model
// is fitted on the other folds' rows only. With options.threads > 1 several folds are fitted
// at once, the threads shared between them; the result does not depend on the thread count.
ValidationResult crossValidateOnFolds(const Learner& learner, const Dataset& data,
                                      const ParamValues& params, const FitOptions& options,
                                      std::span<const std::size_t> fold, std::size_t folds,
                                      const TaskContext& task);

// Repeated k-fold: `repeats` cross-validations, repeat r on the folds assignFolds(..., seed, r)
// (repeat 0 is crossValidate's). One result per repeat, each with its per-fold scores and its
// scores pooled over its out-of-fold predictions. Throws InvalidArgument("--repeats") for
// repeats < 1, or > 1 with the index rule (which gives the same folds every time).
std::vector<ValidationResult> repeatedCrossValidate(const Learner& learner, const Dataset& data,
                                                    const ParamValues& params,
                                                    const FitOptions& options, std::size_t folds,
                                                    std::size_t repeats, FoldRule rule,
                                                    const TaskContext& task);

// The holdout's test rows (ascending): the last `testFraction` of the rows (FoldRule::Index) or
// a stratified sample of that size shuffled by `seed`. Throws InvalidArgument("--test-fraction").
std::vector<std::size_t> holdoutTestRows(const Dataset& data, double testFraction, FoldRule rule,
                                         std::uint64_t seed);
// The rows in [0, rows) that are not in `excluded`, ascending.
std::vector<std::size_t> otherRows(std::size_t rows, std::span<const std::size_t> excluded);

// Holdout: the test set is the last `testFraction` of the rows in file order (FoldRule::Index)
// or a stratified, seeded sample of that size.
ValidationResult holdout(const Learner& learner, const Dataset& data, const ParamValues& params,
                         const FitOptions& options, double testFraction, FoldRule rule,
                         const TaskContext& task);

}  // namespace glassbox
