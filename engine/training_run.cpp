#include "engine/training_run.h"

#include <chrono>
#include <numeric>

#include "engine/elapsed.h"
#include "engine/errors.h"

namespace glassbox {
namespace {

std::string ruleName(FoldRule rule) {
    return rule == FoldRule::Index ? "index" : "stratified";
}

}  // namespace

TrainingRun trainAndValidate(const Learner& learner, const Dataset& data, const ParamValues& params,
                             const ValidationPlan& plan, const FitOptions& options,
                             const TaskContext& task) {
    TrainingRun run{TrainedModel{std::string(learner.name()),
                                 params,
                                 data.task,
                                 data.target,
                                 data.classes,
                                 data.features.schema(),
                                 options.seed,
                                 nullptr,
                                 {}},
                    {},
                    {},
                    {},
                    {},
                    {},
                    0};
    switch (plan.kind) {
        case ValidationPlan::Kind::CrossValidation: {
            ValidationResult cv = crossValidate(learner, data, params, options, plan.folds,
                                                plan.rule, task.sub(0.0, 0.8));
            run.metrics = std::move(cv.pooled);
            run.perFold = std::move(cv.perFold);
            run.predictions = std::move(cv.predictions);
            run.rows = std::move(cv.rows);
            run.validation = std::to_string(plan.folds) + "-fold cross-validation (" +
                             ruleName(plan.rule) + "), pooled out-of-fold predictions";
            const auto start = std::chrono::steady_clock::now();
            run.trained.model =
                learner.fit(data, params, options, task.sub(0.8, 1.0, "final model"));
            run.trainSeconds = secondsSince(start);
            break;
        }
        case ValidationPlan::Kind::Holdout: {
            const auto start = std::chrono::steady_clock::now();
            ValidationResult h = holdout(learner, data, params, options, plan.testFraction,
                                         plan.rule, task.sub(0.0, 1.0));
            run.trainSeconds = secondsSince(start);
            run.metrics = std::move(h.pooled);
            run.predictions = std::move(h.predictions);
            run.rows = std::move(h.rows);
            run.trained.model = std::move(h.model);
            run.validation = "holdout: " + std::to_string(run.rows.size()) + " test rows (" +
                             ruleName(plan.rule) + ")";
            break;
        }
        case ValidationPlan::Kind::TrainingRows: {
            const auto start = std::chrono::steady_clock::now();
            run.trained.model = learner.fit(data, params, options, task.sub(0.0, 0.95));
            run.trainSeconds = secondsSince(start);
            run.predictions = run.trained.model->predict(data.features, task);
            run.rows.resize(data.rows());
            std::iota(run.rows.begin(), run.rows.end(), std::size_t{0});
            run.metrics = scoresFor(data, run.predictions);
            run.validation = "training rows (no validation)";
            break;
        }
    }
    return run;
}

}  // namespace glassbox
