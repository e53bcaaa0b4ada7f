#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/preparation_pipeline.h"
#include "engine/training_run.h"

namespace glassbox {

// A training run from a table, with the rows it scored traced back to the table.
struct TableTrainingRun {
    TrainingRun run;
    // The rows validated on, with their task, classes and labels (or targets): run.rows index
    // it. Without preparation it is the learner's dataset; with preparation its features are
    // empty (each fold builds its own from its prepared training rows).
    Dataset dataset;
    std::vector<std::size_t> tableRows;  // dataset row -> row of the input table
    std::size_t droppedRows = 0;         // rows left out for a missing target
    std::size_t protectedRows = 0;       // rows removed by data protection (k-anonymity)
    PipelineReport preparation;          // what the kept model's steps did to all rows
};

// Trains `learner` on `table` for `target`, validated by `plan`. `features` (nullopt: every
// usable column) picks the input columns. With `preparation` steps:
// - data-protection steps (splitProtection) are applied once to the whole table first;
// - the other steps are fitted on the training rows only: inside each cross-validation fold or
//   on the holdout's training part, never on rows that are scored (resampling included), and
//   the scored rows pass through the fitted steps as prediction rows do;
// - the kept model carries every fitted step (TrainedModel::preparation), so predicting
//   prepares new rows the same way.
// Throws what makeDataset, the steps and trainAndValidate throw; InvalidArgument("--step") when
// the steps change the target's classes or leave no feature column.
TableTrainingRun trainOnTable(const Learner& learner, const Table& table, const std::string& target,
                              std::optional<TaskKind> task,
                              const std::optional<std::vector<std::string>>& features,
                              const PipelineSpec& preparation, const ParamValues& params,
                              const ValidationPlan& plan, const FitOptions& options,
                              const TaskContext& context);

}  // namespace glassbox
