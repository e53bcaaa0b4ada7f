#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/learner.h"
#include "engine/metrics.h"

namespace glassbox {

// One learner with one parameter setting: a tuning candidate or a model being compared.
struct Configuration {
    const Learner* learner = nullptr;
    ParamValues params;
};

// One split of the rows into folds (row r is held out in fold `fold[r]` < `folds`) and the seed
// the fits on it use. Repeated cross-validation has one per repeat.
struct FoldAssignment {
    std::vector<std::size_t> fold;
    std::size_t folds = 0;
    std::uint64_t seed = 0;
};

struct ConfigurationScores {
    // Assignment-major: perFold[a * folds + k] is fold k of assignment a.
    std::vector<Scores> perFold;
    // Over the first assignment's pooled out-of-fold predictions (every row once).
    Scores pooled;
    // Fitting and predicting, summed over the configuration's folds.
    double seconds = 0;
};

// Cross-validates every configuration on every assignment: the (configuration, assignment,
// fold) fits are spread over `threads` threads, each fit getting an equal share of them. Each
// fit and score is computed exactly as crossValidateOnFolds computes it, so results do not
// depend on `threads`. Progress stages read "<noun> 3 of 24, fold 2 of 5" (with
// ", repeat 1 of 10" when there are several assignments); cancelling stops every thread and
// throws Cancelled.
std::vector<ConfigurationScores> evaluateOnFolds(std::span<const Configuration> configurations,
                                                 const Dataset& data,
                                                 std::span<const FoldAssignment> assignments,
                                                 unsigned threads, const std::string& noun,
                                                 const TaskContext& task);

}  // namespace glassbox
