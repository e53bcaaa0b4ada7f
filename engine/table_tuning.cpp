#include "engine/table_tuning.h"

#include <chrono>
#include <numeric>

#include "engine/elapsed.h"
#include "engine/errors.h"
#include "engine/metric_direction.h"
#include "engine/prepared_input.h"
#include "engine/validation.h"

namespace glassbox {

TableTuningRun tuneOnTable(const Learner& learner, const Table& table, const std::string& target,
                           std::optional<TaskKind> task,
                           const std::optional<std::vector<std::string>>& features,
                           const PipelineSpec& preparation, std::span<const ParamValues> candidates,
                           const TuningOptions& options, const TaskContext& context) {
    TableTuningRun out;
    if (preparation.empty()) {
        DatasetResult built = makeDataset(table, target, task, features);
        out.droppedRows = built.droppedRows;
        out.rows = built.dataset.rows();
        requireTask(learner, built.dataset.task);
        out.result = tune(learner, built.dataset, candidates, options, context);
        if (out.result.bestModel) {
            out.best = trainedModelFor(learner, built.dataset,
                                       out.result.candidates[out.result.best].params, options.seed);
            out.best->schema = built.dataset.features.schema();
            out.best->model = std::move(out.result.bestModel);
        }
        return out;
    }
    if (candidates.empty()) throw InvalidArgument("--grid", "there are no candidates to try");
    const FitOptions fitOptions{options.seed, std::max(options.threads, 1u)};
    ProtectedInput input = protectInput(table, target, task, features, preparation, options.seed,
                                        context.sub(0.0, 0.05, "protecting the data"));
    const Dataset& base = input.base;
    requireTask(learner, base.task);
    out.droppedRows = input.droppedRows;
    out.protectedRows = input.protectedRows;
    out.rows = base.rows();
    if (options.folds < 2 || options.folds > base.rows())
        throw InvalidArgument("--cv", "must be between 2 and the number of rows (" +
                                          std::to_string(base.rows()) + ")");
    TuningResult& result = out.result;
    result.metric = options.metric.empty() ? defaultMetric(base.task) : options.metric;
    checkMetric(result.metric, base.task, "--metric");

    // Fold by fold: the steps are fitted once per fold, then every candidate uses them.
    const std::vector<std::size_t> fold =
        assignFolds(base, options.folds, options.foldRule, options.seed);
    std::vector<Predictions> pooled(candidates.size(), emptyPredictions(base, base.rows()));
    result.candidates.resize(candidates.size());
    const double cvShare = options.refit ? 0.9 : 1.0;
    for (std::size_t k = 0; k < options.folds; ++k) {
        const TaskContext step =
            context.sub(0.05 + (cvShare - 0.05) * double(k) / double(options.folds),
                        0.05 + (cvShare - 0.05) * double(k + 1) / double(options.folds),
                        "fold " + std::to_string(k + 1) + " of " + std::to_string(options.folds));
        std::vector<std::size_t> testRows;
        for (std::size_t r = 0; r < base.rows(); ++r)
            if (fold[r] == k) testRows.push_back(r);
        const PreparedRows prepared = prepareRows(input, otherRows(base.rows(), testRows),
                                                  options.seed, step.sub(0.0, 0.1, "preparing"));
        const FeatureMatrix test = preparedFeatures(prepared, input, testRows, step);
        const Dataset testLabels = base.subset(testRows);
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            const TaskContext fit = step.sub(
                0.1 + 0.9 * double(c) / double(candidates.size()),
                0.1 + 0.9 * double(c + 1) / double(candidates.size()),
                "candidate " + std::to_string(c + 1) + " of " + std::to_string(candidates.size()));
            const auto start = std::chrono::steady_clock::now();
            const std::unique_ptr<Model> model =
                learner.fit(prepared.data, candidates[c], fitOptions, fit);
            const Predictions predicted = model->predict(test, fit);
            result.candidates[c].seconds += secondsSince(start);
            result.candidates[c].perFold.push_back(scoresFor(testLabels, predicted));
            placePredictions(predicted, testRows, pooled[c]);
        }
    }
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        TuningCandidate& candidate = result.candidates[c];
        candidate.params = candidates[c];
        candidate.pooled = scoresFor(base, pooled[c]);
        summarizeCandidate(candidate, result.metric);
    }
    result.best = bestCandidate(result.candidates, result.metric);

    if (options.refit) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::size_t> all(base.rows());
        std::iota(all.begin(), all.end(), std::size_t{0});
        PreparedRows prepared =
            prepareRows(input, all, options.seed, context.sub(cvShare, 0.92, "preparing"));
        const ParamValues& params = result.candidates[result.best].params;
        TrainedModel best = trainedModelFor(learner, base, params, options.seed);
        best.model = learner.fit(prepared.data, params, fitOptions,
                                 context.sub(0.92, 1.0, "refitting the best"));
        best.schema = prepared.data.features.schema();
        input.protection.append(std::move(prepared.pipeline));
        best.preparation = std::move(input.protection);
        out.best = std::move(best);
        result.refitSeconds = secondsSince(start);
    }
    context.report(1.0, "tuning done");
    return out;
}

}  // namespace glassbox
