#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "app/cli/data_file_options.h"
#include "engine/dataset.h"
#include "engine/elapsed.h"
#include "engine/learner.h"
#include "engine/table_reader.h"

namespace glassbox::cli {

// What train, tune and compare fit on: the file read, the dataset for the target, and every
// warning worth printing (reading, rows left out, text columns not used as features).
struct TrainingData {
    LoadedTable loaded;
    Dataset dataset;
    std::vector<Warning> warnings;
    bool taskGiven = false;  // --task chose the task rather than the target column's type
};

// `task` is --task ("" infers it from the target column). Throws the engine's errors naming
// the file or the option.
TrainingData loadTrainingData(const std::string& file, const DataFileOptions& options,
                              const std::string& target, const std::string& task, unsigned threads,
                              const TaskContext& context);

// Throws InvalidArgument("--model") when `learner` cannot fit the data's task.
void requireSupport(const Learner& learner, const TrainingData& data);

using glassbox::secondsSince;

}  // namespace glassbox::cli
