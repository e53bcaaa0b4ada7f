#include "engine/fold_evaluation.h"

#include <algorithm>
#include <atomic>
#include <chrono>

#include "engine/errors.h"
#include "engine/parallel_for.h"
#include "engine/validation.h"

namespace glassbox {
namespace {

struct FoldRows {
    std::vector<std::size_t> train;
    std::vector<std::size_t> test;
};

struct Unit {
    std::size_t configuration;
    std::size_t assignment;
    std::size_t fold;
};

std::string unitStage(const Unit& u, std::size_t configurations, std::size_t assignments,
                      std::size_t folds, const std::string& noun) {
    std::string stage =
        noun + " " + std::to_string(u.configuration + 1) + " of " + std::to_string(configurations);
    if (assignments > 1)
        stage +=
            ", repeat " + std::to_string(u.assignment + 1) + " of " + std::to_string(assignments);
    return stage + ", fold " + std::to_string(u.fold + 1) + " of " + std::to_string(folds);
}

}  // namespace

std::vector<ConfigurationScores> evaluateOnFolds(std::span<const Configuration> configurations,
                                                 const Dataset& data,
                                                 std::span<const FoldAssignment> assignments,
                                                 unsigned threads, const std::string& noun,
                                                 const TaskContext& task) {
    std::vector<std::vector<FoldRows>> rows(assignments.size());
    for (std::size_t a = 0; a < assignments.size(); ++a) {
        const FoldAssignment& assignment = assignments[a];
        if (assignment.fold.size() != data.rows())
            throw InvalidArgument("folds", "one fold per row is needed");
        rows[a].resize(assignment.folds);
        for (std::size_t r = 0; r < data.rows(); ++r) {
            const std::size_t f = assignment.fold[r];
            if (f >= assignment.folds)
                throw InvalidArgument("folds", "a fold index is out of range");
            for (std::size_t k = 0; k < assignment.folds; ++k)
                (k == f ? rows[a][k].test : rows[a][k].train).push_back(r);
        }
    }
    std::vector<Unit> units;
    for (std::size_t c = 0; c < configurations.size(); ++c)
        for (std::size_t a = 0; a < assignments.size(); ++a)
            for (std::size_t k = 0; k < assignments[a].folds; ++k) units.push_back({c, a, k});

    std::vector<ConfigurationScores> out(configurations.size());
    // Out-of-fold predictions are pooled for the first assignment only: repeats would multiply
    // the memory (configurations x repeats x rows x classes) for scores nobody reads.
    std::vector<Predictions> pooled(configurations.size(), emptyPredictions(data, data.rows()));
    for (std::size_t c = 0; c < configurations.size(); ++c) {
        std::size_t foldCount = 0;
        for (const FoldAssignment& a : assignments) foldCount += a.folds;
        out[c].perFold.resize(foldCount);
    }
    std::vector<std::size_t> foldOffset(assignments.size(), 0);
    for (std::size_t a = 1; a < assignments.size(); ++a)
        foldOffset[a] = foldOffset[a - 1] + assignments[a - 1].folds;
    std::vector<double> unitSeconds(units.size(), 0.0);

    const unsigned total = std::max(threads, 1u);
    const auto workers = static_cast<unsigned>(std::min<std::size_t>(total, units.size()));
    const unsigned fitThreads = std::max(1u, total / std::max(workers, 1u));
    std::atomic<std::size_t> done{0};
    const double count = static_cast<double>(std::max<std::size_t>(units.size(), 1));
    task.report(0.0, "cross-validating " + std::to_string(configurations.size()) + " " + noun +
                         "s, " + std::to_string(units.size()) + " fits");

    parallelFor(units.size(), workers, [&](std::size_t i, bool onCaller) {
        const Unit& u = units[i];
        const std::string stage = unitStage(u, configurations.size(), assignments.size(),
                                            assignments[u.assignment].folds, noun);
        // Only the calling thread reports progress; every thread sees the cancel token.
        const TaskContext unitTask =
            onCaller ? TaskContext(
                           [&](double fraction, std::string_view step) {
                               task.report((static_cast<double>(done.load()) + fraction) / count,
                                           stage + ": " + std::string(step));
                           },
                           task.cancelToken())
                     : TaskContext(nullptr, task.cancelToken());
        unitTask.report(0.0, "fitting");
        const auto start = std::chrono::steady_clock::now();
        const Configuration& configuration = configurations[u.configuration];
        const FoldRows& split = rows[u.assignment][u.fold];
        const Dataset train = data.subset(split.train);
        const FitOptions options{assignments[u.assignment].seed, fitThreads};
        const std::unique_ptr<Model> model = configuration.learner->fit(
            train, configuration.params, options, unitTask.sub(0.0, 0.9));
        const Dataset test = data.subset(split.test);
        const Predictions predicted = model->predict(test.features, unitTask.sub(0.9, 1.0));
        out[u.configuration].perFold[foldOffset[u.assignment] + u.fold] =
            scoresFor(test, predicted);
        if (u.assignment == 0) placePredictions(predicted, split.test, pooled[u.configuration]);
        unitSeconds[i] =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        ++done;
        if (onCaller) task.report(static_cast<double>(done.load()) / count, stage + ": done");
        return true;
    });

    for (std::size_t i = 0; i < units.size(); ++i)
        out[units[i].configuration].seconds += unitSeconds[i];
    for (std::size_t c = 0; c < configurations.size(); ++c)
        out[c].pooled = scoresFor(data, pooled[c]);
    task.report(1.0, "cross-validation done");
    return out;
}

}  // namespace glassbox
