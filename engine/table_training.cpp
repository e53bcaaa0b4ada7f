#include "engine/table_training.h"

#include <chrono>
#include <numeric>

#include "engine/elapsed.h"
#include "engine/errors.h"
#include "engine/prepared_input.h"

namespace glassbox {
namespace {

std::string ruleName(FoldRule rule) {
    return rule == FoldRule::Index ? "index" : "stratified";
}

// A model fitted on some rows with its own fitted learning steps.
struct PreparedFit {
    std::unique_ptr<Model> model;
    PreparedRows prepared;
};

PreparedFit fitOnRows(const Learner& learner, const ProtectedInput& input,
                      std::span<const std::size_t> rows, const ParamValues& params,
                      const FitOptions& options, const TaskContext& task) {
    PreparedFit fit{nullptr,
                    prepareRows(input, rows, options.seed, task.sub(0.0, 0.2, "preparing"))};
    fit.model = learner.fit(fit.prepared.data, params, options, task.sub(0.2, 1.0));
    return fit;
}

Predictions predictRows(const PreparedFit& fit, const ProtectedInput& input,
                        std::span<const std::size_t> rows, const TaskContext& task) {
    return fit.model->predict(preparedFeatures(fit.prepared, input, rows, task), task);
}

// Validation and the kept model with learning steps fitted on training rows only.
TrainingRun trainPrepared(const Learner& learner, const ProtectedInput& input,
                          const ParamValues& params, const ValidationPlan& plan,
                          const FitOptions& options, PipelineReport& finalReport,
                          const TaskContext& task) {
    const Dataset& base = input.base;
    TrainingRun run;
    run.trained = trainedModelFor(learner, base, params, options.seed);
    auto keep = [&](PreparedFit&& fit) {
        run.trained.model = std::move(fit.model);
        run.trained.schema = fit.prepared.data.features.schema();
        run.trained.preparation = std::move(fit.prepared.pipeline);
        finalReport = std::move(fit.prepared.report);
    };
    std::vector<std::size_t> all(base.rows());
    std::iota(all.begin(), all.end(), std::size_t{0});
    switch (plan.kind) {
        case ValidationPlan::Kind::CrossValidation: {
            if (plan.folds < 2 || plan.folds > base.rows())
                throw InvalidArgument("--cv", "must be between 2 and the number of rows (" +
                                                  std::to_string(base.rows()) + ")");
            const std::vector<std::size_t> fold =
                assignFolds(base, plan.folds, plan.rule, options.seed);
            run.predictions = emptyPredictions(base, base.rows());
            const double share = 0.8 / double(plan.folds);
            for (std::size_t k = 0; k < plan.folds; ++k) {
                const TaskContext step =
                    task.sub(share * double(k), share * double(k + 1),
                             "fold " + std::to_string(k + 1) + " of " + std::to_string(plan.folds));
                std::vector<std::size_t> testRows;
                for (std::size_t r = 0; r < base.rows(); ++r)
                    if (fold[r] == k) testRows.push_back(r);
                const std::vector<std::size_t> trainRows = otherRows(base.rows(), testRows);
                const PreparedFit fit =
                    fitOnRows(learner, input, trainRows, params, options, step.sub(0.0, 0.9));
                const Predictions predicted =
                    predictRows(fit, input, testRows, step.sub(0.9, 1.0, "predicting"));
                run.perFold.push_back(scoresFor(base.subset(testRows), predicted));
                placePredictions(predicted, testRows, run.predictions);
            }
            run.rows = all;
            run.metrics = scoresFor(base, run.predictions);
            run.validation = std::to_string(plan.folds) + "-fold cross-validation (" +
                             ruleName(plan.rule) +
                             "), pooled out-of-fold predictions; preparation fitted in each fold";
            const auto start = std::chrono::steady_clock::now();
            keep(
                fitOnRows(learner, input, all, params, options, task.sub(0.8, 1.0, "final model")));
            run.trainSeconds = secondsSince(start);
            break;
        }
        case ValidationPlan::Kind::Holdout: {
            const std::vector<std::size_t> testRows =
                holdoutTestRows(base, plan.testFraction, plan.rule, options.seed);
            const std::vector<std::size_t> trainRows = otherRows(base.rows(), testRows);
            const auto start = std::chrono::steady_clock::now();
            PreparedFit fit =
                fitOnRows(learner, input, trainRows, params, options, task.sub(0.0, 0.95));
            run.trainSeconds = secondsSince(start);
            run.predictions = predictRows(fit, input, testRows, task.sub(0.95, 1.0));
            run.rows = testRows;
            run.metrics = scoresFor(base.subset(testRows), run.predictions);
            run.perFold.push_back(run.metrics);
            run.validation = "holdout: " + std::to_string(testRows.size()) + " test rows (" +
                             ruleName(plan.rule) + "); preparation fitted on the training rows";
            keep(std::move(fit));
            break;
        }
        case ValidationPlan::Kind::TrainingRows: {
            const auto start = std::chrono::steady_clock::now();
            PreparedFit fit = fitOnRows(learner, input, all, params, options, task.sub(0.0, 0.9));
            run.trainSeconds = secondsSince(start);
            run.predictions = predictRows(fit, input, all, task.sub(0.9, 1.0));
            run.rows = all;
            run.metrics = scoresFor(base, run.predictions);
            run.validation = "training rows (no validation)";
            keep(std::move(fit));
            break;
        }
    }
    return run;
}

}  // namespace

TableTrainingRun trainOnTable(const Learner& learner, const Table& table, const std::string& target,
                              std::optional<TaskKind> task,
                              const std::optional<std::vector<std::string>>& features,
                              const PipelineSpec& preparation, const ParamValues& params,
                              const ValidationPlan& plan, const FitOptions& options,
                              const TaskContext& context) {
    TableTrainingRun out;
    if (preparation.empty()) {
        DatasetResult built = makeDataset(table, target, task, features);
        requireTask(learner, built.dataset.task);
        out.run = trainAndValidate(learner, built.dataset, params, plan, options, context);
        out.dataset = std::move(built.dataset);
        out.tableRows = std::move(built.tableRows);
        out.droppedRows = built.droppedRows;
        return out;
    }

    ProtectedInput input = protectInput(table, target, task, features, preparation, options.seed,
                                        context.sub(0.0, 0.05, "protecting the data"));
    requireTask(learner, input.base.task);
    PipelineReport learningReport;
    out.run = trainPrepared(learner, input, params, plan, options, learningReport,
                            context.sub(0.05, 1.0));
    // The kept model prepares new rows with every step: protection first, then learning.
    input.protection.append(std::move(out.run.trained.preparation));
    out.run.trained.preparation = std::move(input.protection);
    out.preparation = std::move(input.protectionReport);
    for (StepReport& r : learningReport.steps) out.preparation.steps.push_back(std::move(r));
    out.dataset = std::move(input.base);
    out.tableRows = std::move(input.tableRows);
    out.droppedRows = input.droppedRows;
    out.protectedRows = input.protectedRows;
    return out;
}

}  // namespace glassbox
