#include "engine/prepared_input.h"

#include <algorithm>
#include <numeric>

#include "engine/errors.h"
#include "engine/feature_matrix.h"
#include "engine/row_selection.h"

namespace glassbox {
namespace {

// Carries each input row's number through the protection steps (which work on named columns
// only), so the rows they keep can be traced back.
const std::string kRowColumn = "glassbox:input-row";

// The target and the chosen feature columns of `table`, in table order.
Table chosenColumns(const Table& table, const std::string& target,
                    const std::optional<std::vector<std::string>>& features) {
    if (!features) return table;
    for (const std::string& name : *features) {
        if (table.indexOf(name) < 0)
            throw InvalidArgument("features", "no column named \"" + name + "\"");
        if (name == target) throw InvalidArgument("features", "\"" + name + "\" is the target");
    }
    std::vector<Column> columns;
    for (const Column& c : table.columns())
        if (c.name() == target ||
            std::find(features->begin(), features->end(), c.name()) != features->end())
            columns.push_back(c);
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

}  // namespace

ProtectedInput protectInput(const Table& table, const std::string& target,
                            std::optional<TaskKind> task,
                            const std::optional<std::vector<std::string>>& features,
                            const PipelineSpec& spec, std::uint64_t seed,
                            const TaskContext& context) {
    ProtectedInput out;
    auto [protection, learning] = splitProtection(spec);
    out.learning = std::move(learning);
    Table input = chosenColumns(table, target, features);
    std::vector<std::size_t> inputRows(input.rowCount());
    std::iota(inputRows.begin(), inputRows.end(), std::size_t{0});
    if (!protection.empty()) {
        if (input.indexOf(kRowColumn) >= 0)
            throw InvalidArgument(
                "--step", "a column is named \"" + kRowColumn + "\", which Glassbox uses itself");
        std::vector<double> numbers(input.rowCount());
        std::iota(numbers.begin(), numbers.end(), 0.0);
        input.addColumn(
            Column::numeric(kRowColumn, std::move(numbers), ValidityMask(input.rowCount())));
        PreparedTable released = fitPipeline(protection, input, target, seed, context);
        const Column& rowNumbers =
            released.table.column(std::size_t(released.table.indexOf(kRowColumn)));
        inputRows.resize(released.table.rowCount());
        for (std::size_t r = 0; r < inputRows.size(); ++r)
            inputRows[r] = static_cast<std::size_t>(rowNumbers.number(r));
        out.protectedRows = input.rowCount() - released.table.rowCount();
        input = withoutColumn(released.table, kRowColumn);
        out.protection = std::move(released.pipeline);
        out.protectionReport = std::move(released.report);
    }

    DatasetResult base = makeDataset(input, target, task, std::vector<std::string>{});
    out.droppedRows = base.droppedRows;
    for (std::size_t r : base.tableRows) out.tableRows.push_back(inputRows[r]);
    // Rows with a missing target are left out before any learning step is fitted.
    out.table = base.droppedRows > 0 ? selectRows(input, base.tableRows) : std::move(input);
    out.base = std::move(base.dataset);
    return out;
}

PreparedRows prepareRows(const ProtectedInput& input, std::span<const std::size_t> rows,
                         std::uint64_t seed, const TaskContext& task) {
    PreparedTable prepared =
        fitPipeline(input.learning, selectRows(input.table, rows), input.base.target, seed, task);
    return {learningDataset(prepared.table, input.base), std::move(prepared.pipeline),
            std::move(prepared.report)};
}

FeatureMatrix preparedFeatures(const PreparedRows& prepared, const ProtectedInput& input,
                               std::span<const std::size_t> rows, const TaskContext& task) {
    const Table table =
        prepared.pipeline.apply(selectRows(input.table, rows), StepUse::Prediction, nullptr, task);
    return encodeFeatures(table, prepared.data.features.schema(), "validation rows");
}

void requireTask(const Learner& learner, TaskKind task) {
    if (!learner.supports(task))
        throw InvalidArgument(
            "learner", std::string(learner.name()) + " does not do " + std::string(taskName(task)));
}

TrainedModel trainedModelFor(const Learner& learner, const Dataset& base, const ParamValues& params,
                             std::uint64_t seed) {
    TrainedModel trained;
    trained.learner = std::string(learner.name());
    trained.params = params;
    trained.task = base.task;
    trained.target = base.target;
    trained.classes = base.classes;
    trained.seed = seed;
    return trained;
}

}  // namespace glassbox
