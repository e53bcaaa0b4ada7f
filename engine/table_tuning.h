#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/model_file.h"
#include "engine/preparation_pipeline.h"
#include "engine/tuning.h"

namespace glassbox {

struct TableTuningRun {
    TuningResult result;               // result.bestModel stays empty: see `best`
    std::optional<TrainedModel> best;  // options.refit: the best candidate with its steps
    std::size_t rows = 0;              // rows the candidates were validated on
    std::size_t droppedRows = 0;       // rows left out for a missing target
    std::size_t protectedRows = 0;
};

// tune() from a table with preparation steps: protection applied once (as trainOnTable), the
// learning steps fitted on each fold's training rows once and shared by every candidate, the
// candidates scored on the same folds as tune() would make them. With options.refit the best
// candidate is fitted on all rows with its steps fitted there too. An empty `preparation` gives
// tune()'s result on makeDataset(table, ...).
TableTuningRun tuneOnTable(const Learner& learner, const Table& table, const std::string& target,
                           std::optional<TaskKind> task,
                           const std::optional<std::vector<std::string>>& features,
                           const PipelineSpec& preparation, std::span<const ParamValues> candidates,
                           const TuningOptions& options, const TaskContext& context);

}  // namespace glassbox
