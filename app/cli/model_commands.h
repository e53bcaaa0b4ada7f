#pragma once

#include <CLI/CLI.hpp>

#include "app/cli/global_options.h"
#include "app/cli/inspect_command.h"

namespace glassbox::cli {

// `train FILE --target COL --model KIND ...`: fits, validates and saves a model.
void addTrainCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);
// `predict FILE --model PATH [--out PATH]`: the input's rows with predictions, as CSV.
void addPredictCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);
// `export-tree --model PATH [--tree N] [--format json|dot|text]`.
void addExportTreeCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);
// `learners`: every learner with its parameter spec (what the GUI builds its forms from).
void addLearnersCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);

// `history list | show | compare | note | tag | stage | export | import | delete | series`.
void addHistoryCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);

}  // namespace glassbox::cli
