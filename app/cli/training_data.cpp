#include "app/cli/training_data.h"

#include <optional>

#include "engine/elapsed.h"
#include "engine/errors.h"

namespace glassbox::cli {
namespace {

// Columns a user might expect to be features but that are not, and rows left out.
std::vector<Warning> datasetWarnings(const Table& table, const DatasetResult& result) {
    std::vector<Warning> warnings;
    if (result.droppedRows > 0)
        warnings.push_back({"rows with a missing target were left out", result.droppedRows});
    for (const Column& c : table.columns())
        if (c.type() == ColumnType::Text && c.name() != result.dataset.target)
            warnings.push_back({"column \"" + c.name() +
                                    "\" is text (mostly distinct values) and not used as a "
                                    "feature; --type \"" +
                                    c.name() + "=categorical\" uses it as categories",
                                0});
    return warnings;
}

}  // namespace

TrainingData loadTrainingData(const std::string& file, const DataFileOptions& options,
                              const std::string& target, const std::string& task, unsigned threads,
                              const TaskContext& context) {
    std::optional<TaskKind> taskKind;
    if (!task.empty()) taskKind = parseTaskName(task);
    TrainingData out;
    out.taskGiven = taskKind.has_value();
    out.loaded = readTable(file, options.toReadOptions(threads), context);
    DatasetResult built = makeDataset(out.loaded.table, target, taskKind);
    out.warnings = out.loaded.warnings;
    for (Warning& w : datasetWarnings(out.loaded.table, built))
        out.warnings.push_back(std::move(w));
    out.dataset = std::move(built.dataset);
    return out;
}

void requireSupport(const Learner& learner, const TrainingData& data) {
    if (!learner.supports(data.dataset.task))
        throw InvalidArgument("--model", std::string(learner.name()) + " does not do " +
                                             std::string(taskName(data.dataset.task)) +
                                             (data.taskGiven ? "" : " (use --task to choose)"));
}

}  // namespace glassbox::cli
