#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/dataset.h"
#include "engine/model_file.h"
#include "engine/preparation_pipeline.h"

namespace glassbox {

// What a training or tuning with preparation steps works on: the chosen columns with the
// data-protection steps applied once, only rows that have a target, and their labels.
struct ProtectedInput {
    Table table;   // target + chosen columns, protected; row i is `base` row i
    Dataset base;  // task, target, classes and labels (or targets) of the rows; no features
    std::vector<std::size_t> tableRows;  // base row -> row of the original table
    std::size_t droppedRows = 0;         // rows left out for a missing target
    std::size_t protectedRows = 0;       // rows removed by protection (k-anonymity)
    FittedPipeline protection;           // the protection steps, fitted on the whole table
    PipelineReport protectionReport;
    PipelineSpec learning;  // the steps fitted on training rows only
};

// Splits `spec` (splitProtection), applies the protection steps to the target and `features`
// columns (nullopt: all) of `table` and labels the rows. Throws what makeDataset and the steps
// throw.
ProtectedInput protectInput(const Table& table, const std::string& target,
                            std::optional<TaskKind> task,
                            const std::optional<std::vector<std::string>>& features,
                            const PipelineSpec& spec, std::uint64_t seed,
                            const TaskContext& context);

// The learning steps fitted on `rows` of input.table, and the learner's dataset they make of
// those rows (labelled against input.base's classes).
struct PreparedRows {
    Dataset data;
    FittedPipeline pipeline;
    PipelineReport report;
};
PreparedRows prepareRows(const ProtectedInput& input, std::span<const std::size_t> rows,
                         std::uint64_t seed, const TaskContext& task);

// `rows` of input.table through `prepared`'s steps as prediction rows (one out per row in),
// encoded with its dataset's schema: what a model fitted on prepared.data predicts from.
FeatureMatrix preparedFeatures(const PreparedRows& prepared, const ProtectedInput& input,
                               std::span<const std::size_t> rows, const TaskContext& task);

// Throws InvalidArgument("learner") when `learner` cannot fit `task`.
void requireTask(const Learner& learner, TaskKind task);

// A TrainedModel's description for `learner` with `params` on `base`'s task, target and classes
// (model, schema and steps still to fill in).
TrainedModel trainedModelFor(const Learner& learner, const Dataset& base, const ParamValues& params,
                             std::uint64_t seed);

}  // namespace glassbox
