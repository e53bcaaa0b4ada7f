#include "engine/tuning.h"

#include <chrono>
#include <cmath>

#include "engine/errors.h"
#include "engine/fold_evaluation.h"
#include "engine/metric_direction.h"

namespace glassbox {
namespace {

double meanOf(const std::vector<double>& v) {
    double sum = 0;
    for (double x : v) sum += x;
    return v.empty() ? std::nan("") : sum / static_cast<double>(v.size());
}

double sampleStd(const std::vector<double>& v, double mean) {
    if (v.size() < 2) return 0.0;
    double squares = 0;
    for (double x : v) squares += (x - mean) * (x - mean);
    return std::sqrt(squares / static_cast<double>(v.size() - 1));
}

}  // namespace

void summarizeCandidate(TuningCandidate& candidate, const std::string& metric) {
    candidate.foldScores.clear();
    for (const Scores& s : candidate.perFold)
        candidate.foldScores.push_back(s.get(metric).value_or(std::nan("")));
    candidate.mean = meanOf(candidate.foldScores);
    candidate.std = sampleStd(candidate.foldScores, candidate.mean);
}

std::size_t bestCandidate(const std::vector<TuningCandidate>& candidates,
                          const std::string& metric) {
    std::size_t best = 0;
    for (std::size_t c = 1; c < candidates.size(); ++c)
        if (isBetterScore(metric, candidates[c].mean, candidates[best].mean)) best = c;
    return best;
}

TuningResult tune(const Learner& learner, const Dataset& data,
                  std::span<const ParamValues> candidates, const TuningOptions& options,
                  const TaskContext& task) {
    if (candidates.empty()) throw InvalidArgument("--grid", "there are no candidates to try");
    if (options.folds < 2 || options.folds > data.rows())
        throw InvalidArgument("--cv", "must be between 2 and the number of rows (" +
                                          std::to_string(data.rows()) + ")");
    TuningResult result;
    result.metric = options.metric.empty() ? defaultMetric(data.task) : options.metric;
    checkMetric(result.metric, data.task, "--metric");

    std::vector<Configuration> configurations;
    for (const ParamValues& p : candidates) configurations.push_back({&learner, p});
    const std::vector<FoldAssignment> assignment = {
        {assignFolds(data, options.folds, options.foldRule, options.seed), options.folds,
         options.seed}};
    // One fit of all rows costs about as much as one fold's fit.
    const double fits = static_cast<double>(candidates.size() * options.folds);
    const double cvShare = options.refit ? fits / (fits + 1) : 1.0;
    const std::vector<ConfigurationScores> scores = evaluateOnFolds(
        configurations, data, assignment, options.threads, "candidate", task.sub(0, cvShare));

    for (std::size_t c = 0; c < candidates.size(); ++c) {
        TuningCandidate candidate;
        candidate.params = candidates[c];
        candidate.perFold = scores[c].perFold;
        candidate.pooled = scores[c].pooled;
        candidate.seconds = scores[c].seconds;
        summarizeCandidate(candidate, result.metric);
        result.candidates.push_back(std::move(candidate));
    }
    result.best = bestCandidate(result.candidates, result.metric);

    if (options.refit) {
        const auto start = std::chrono::steady_clock::now();
        result.bestModel = learner.fit(data, result.candidates[result.best].params,
                                       FitOptions{options.seed, std::max(options.threads, 1u)},
                                       task.sub(cvShare, 1.0, "refitting the best"));
        result.refitSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    task.report(1.0, "tuning done");
    return result;
}

}  // namespace glassbox
