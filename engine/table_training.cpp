#include "engine/table_training.h"

#include <chrono>
#include <cmath>
#include <numeric>

#include "engine/errors.h"
#include "engine/feature_matrix.h"
#include "engine/row_selection.h"

namespace glassbox {
namespace {

// Carries each input row's number through the protection steps (which work on named columns
// only), so the rows they keep can be traced back.
const std::string kRowColumn = "glassbox:input-row";

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string ruleName(FoldRule rule) {
    return rule == FoldRule::Index ? "index" : "stratified";
}

// The target and the chosen feature columns of `table`, in table order.
Table chosenColumns(const Table& table, const std::string& target,
                    const std::optional<std::vector<std::string>>& features) {
    if (!features) return table;
    std::vector<Column> columns;
    for (const Column& c : table.columns())
        if (c.name() == target ||
            std::find(features->begin(), features->end(), c.name()) != features->end())
            columns.push_back(c);
    for (const std::string& name : *features)
        if (table.indexOf(name) < 0)
            throw InvalidArgument("features", "no column named \"" + name + "\"");
    return Table(std::move(columns));
}

Table withoutColumn(const Table& table, const std::string& name) {
    std::vector<Column> columns;
    for (const Column& c : table.columns())
        if (c.name() != name) columns.push_back(c);
    return Table(std::move(columns));
}

// The learner's dataset of a prepared table, labelled against the run's classes so every fold
// and the kept model agree on them.
Dataset learningDataset(const Table& prepared, const Dataset& base) {
    DatasetResult built = makeDataset(prepared, base.target, base.task);
    Dataset& data = built.dataset;
    if (data.features.schema().features.empty())
        throw InvalidArgument("--step", "no feature column is left after the preparation steps");
    if (base.task == TaskKind::Classification) {
        const Column& column = prepared.column(std::size_t(prepared.indexOf(base.target)));
        const std::vector<std::int32_t> labels = labelsFor(column, base.classes);
        for (std::size_t i = 0; i < built.tableRows.size(); ++i) {
            const std::int32_t label = labels[built.tableRows[i]];
            if (label < 0)
                throw InvalidArgument("--step", "the preparation steps changed the target \"" +
                                                    base.target + "\": class \"" +
                                                    column.format(built.tableRows[i]) +
                                                    "\" is not one of the data's classes");
            data.labels[i] = label;
        }
        data.classes = base.classes;
    }
    return data;
}

// A model fitted on some rows with its own fitted learning steps.
struct PreparedFit {
    std::unique_ptr<Model> model;
    FittedPipeline pipeline;
    FeatureSchema schema;
    PipelineReport report;
};

PreparedFit fitOnRows(const Learner& learner, const Table& table, const Dataset& base,
                      std::span<const std::size_t> rows, const PipelineSpec& steps,
                      const ParamValues& params, const FitOptions& options,
                      const TaskContext& task) {
    PreparedTable prepared = fitPipeline(steps, selectRows(table, rows), base.target, options.seed,
                                         task.sub(0.0, 0.2, "preparing"));
    const Dataset data = learningDataset(prepared.table, base);
    PreparedFit fit{nullptr, std::move(prepared.pipeline), data.features.schema(),
                    std::move(prepared.report)};
    fit.model = learner.fit(data, params, options, task.sub(0.2, 1.0));
    return fit;
}

Predictions predictRows(const PreparedFit& fit, const Table& table,
                        std::span<const std::size_t> rows, const TaskContext& task) {
    const Table prepared =
        fit.pipeline.apply(selectRows(table, rows), StepUse::Prediction, nullptr, task);
    return fit.model->predict(encodeFeatures(prepared, fit.schema, "validation rows"), task);
}

TrainedModel trainedFrom(const Learner& learner, const Dataset& base, const ParamValues& params,
                         const FitOptions& options) {
    TrainedModel trained;
    trained.learner = std::string(learner.name());
    trained.params = params;
    trained.task = base.task;
    trained.target = base.target;
    trained.classes = base.classes;
    trained.seed = options.seed;
    return trained;
}

// Validation and the kept model with learning steps fitted on training rows only.
TrainingRun trainPrepared(const Learner& learner, const Table& table, const Dataset& base,
                          const PipelineSpec& steps, const ParamValues& params,
                          const ValidationPlan& plan, const FitOptions& options,
                          PipelineReport& finalReport, const TaskContext& task) {
    TrainingRun run{trainedFrom(learner, base, params, options), {}, {}, {}, {}, {}, 0};
    auto keep = [&](PreparedFit&& fit) {
        run.trained.model = std::move(fit.model);
        run.trained.schema = std::move(fit.schema);
        run.trained.preparation = std::move(fit.pipeline);
        finalReport = std::move(fit.report);
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
                const PreparedFit fit = fitOnRows(learner, table, base, trainRows, steps, params,
                                                  options, step.sub(0.0, 0.9));
                const Predictions predicted =
                    predictRows(fit, table, testRows, step.sub(0.9, 1.0, "predicting"));
                run.perFold.push_back(scoresFor(base.subset(testRows), predicted));
                placePredictions(predicted, testRows, run.predictions);
            }
            run.rows = all;
            run.metrics = scoresFor(base, run.predictions);
            run.validation = std::to_string(plan.folds) + "-fold cross-validation (" +
                             ruleName(plan.rule) +
                             "), pooled out-of-fold predictions; preparation fitted in each fold";
            const auto start = std::chrono::steady_clock::now();
            keep(fitOnRows(learner, table, base, all, steps, params, options,
                           task.sub(0.8, 1.0, "final model")));
            run.trainSeconds = secondsSince(start);
            break;
        }
        case ValidationPlan::Kind::Holdout: {
            const std::vector<std::size_t> testRows =
                holdoutTestRows(base, plan.testFraction, plan.rule, options.seed);
            const std::vector<std::size_t> trainRows = otherRows(base.rows(), testRows);
            const auto start = std::chrono::steady_clock::now();
            PreparedFit fit = fitOnRows(learner, table, base, trainRows, steps, params, options,
                                        task.sub(0.0, 0.95));
            run.trainSeconds = secondsSince(start);
            run.predictions = predictRows(fit, table, testRows, task.sub(0.95, 1.0));
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
            PreparedFit fit =
                fitOnRows(learner, table, base, all, steps, params, options, task.sub(0.0, 0.9));
            run.trainSeconds = secondsSince(start);
            run.predictions = predictRows(fit, table, all, task.sub(0.9, 1.0));
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
        out.run = trainAndValidate(learner, built.dataset, params, plan, options, context);
        out.dataset = std::move(built.dataset);
        out.tableRows = std::move(built.tableRows);
        out.droppedRows = built.droppedRows;
        return out;
    }

    const auto [protection, learning] = splitProtection(preparation);
    Table input = chosenColumns(table, target, features);
    std::vector<std::size_t> inputRows(input.rowCount());
    std::iota(inputRows.begin(), inputRows.end(), std::size_t{0});
    FittedPipeline protectionSteps;
    PipelineReport protectionReport;
    if (!protection.empty()) {
        if (input.indexOf(kRowColumn) >= 0)
            throw InvalidArgument(
                "--step", "a column is named \"" + kRowColumn + "\", which Glassbox uses itself");
        std::vector<double> numbers(input.rowCount());
        std::iota(numbers.begin(), numbers.end(), 0.0);
        input.addColumn(
            Column::numeric(kRowColumn, std::move(numbers), ValidityMask(input.rowCount())));
        PreparedTable released = fitPipeline(protection, input, target, options.seed,
                                             context.sub(0.0, 0.05, "protecting the data"));
        const Column& rowNumbers =
            released.table.column(std::size_t(released.table.indexOf(kRowColumn)));
        inputRows.resize(released.table.rowCount());
        for (std::size_t r = 0; r < inputRows.size(); ++r)
            inputRows[r] = static_cast<std::size_t>(rowNumbers.number(r));
        out.protectedRows = input.rowCount() - released.table.rowCount();
        input = withoutColumn(released.table, kRowColumn);
        protectionSteps = std::move(released.pipeline);
        protectionReport = std::move(released.report);
    }

    DatasetResult base = makeDataset(input, target, task, std::vector<std::string>{});
    out.droppedRows = base.droppedRows;
    for (std::size_t r : base.tableRows) out.tableRows.push_back(inputRows[r]);
    // Rows with a missing target are left out before any step is fitted.
    if (base.droppedRows > 0) input = selectRows(input, base.tableRows);

    PipelineReport learningReport;
    out.run = trainPrepared(learner, input, base.dataset, learning, params, plan, options,
                            learningReport, context.sub(protection.empty() ? 0.0 : 0.05, 1.0));
    // The kept model prepares new rows with every step: protection first, then learning.
    protectionSteps.append(std::move(out.run.trained.preparation));
    out.run.trained.preparation = std::move(protectionSteps);
    out.preparation = std::move(protectionReport);
    for (StepReport& r : learningReport.steps) out.preparation.steps.push_back(std::move(r));
    out.dataset = std::move(base.dataset);
    return out;
}

}  // namespace glassbox
