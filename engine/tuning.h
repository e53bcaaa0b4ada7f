#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/learner.h"
#include "engine/metrics.h"
#include "engine/validation.h"

namespace glassbox {

struct TuningOptions {
    std::size_t folds = 5;
    FoldRule foldRule = FoldRule::Stratified;
    std::string metric;      // empty: defaultMetric(task)
    std::uint64_t seed = 0;  // the folds' and every fit's
    unsigned threads = 1;
    bool refit = true;  // fit the best candidate on all rows
};

struct TuningCandidate {
    ParamValues params;
    std::vector<double> foldScores;  // the metric on each fold
    double mean = 0;                 // of foldScores
    double std = 0;                  // of foldScores, sample standard deviation (n - 1)
    std::vector<Scores> perFold;
    Scores pooled;       // every metric over the pooled out-of-fold predictions
    double seconds = 0;  // fitting and predicting, summed over the folds
};

struct TuningResult {
    std::string metric;
    std::vector<TuningCandidate> candidates;  // in the order given
    // The candidate with the best mean (higher is better but for losses and errors, see
    // lowerIsBetter; NaN means are never best; ties go to the earlier candidate).
    std::size_t best = 0;
    std::unique_ptr<Model> bestModel;  // refitted on all rows (options.refit)
    double refitSeconds = 0;
};

// Fills `candidate`'s foldScores, mean and std from its perFold scores of `metric`.
void summarizeCandidate(TuningCandidate& candidate, const std::string& metric);
// The index of the candidate with the best mean (ties: the earlier; NaN is never best).
std::size_t bestCandidate(const std::vector<TuningCandidate>& candidates,
                          const std::string& metric);

// Cross-validates every candidate on the same folds (assignFolds once with options.seed), the
// candidates' folds spread over options.threads (evaluateOnFolds: results do not depend on the
// thread count), and refits the best. Progress: "candidate 3 of 24, fold 2 of 5: ...", then
// "refitting the best". Throws InvalidArgument for no candidates ("--grid"), a fold count
// outside [2, rows] ("--cv") or an unknown metric ("--metric"); Cancelled when cancelled.
TuningResult tune(const Learner& learner, const Dataset& data,
                  std::span<const ParamValues> candidates, const TuningOptions& options,
                  const TaskContext& task);

}  // namespace glassbox
