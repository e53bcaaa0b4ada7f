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
// `evaluate FILE --model PATH [--alert-below METRIC=VALUE]... [--threshold T] [--bins N]`.
void addEvaluateCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);
// `explain FILE --model PATH [--method importance|permutation|shap|pdp] ...`.
void addExplainCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);
// `tune FILE --target COL --model KIND --grid KEY=V1,V2,...`: grid or random search,
// cross-validated.
void addTuneCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);
// `compare FILE --target COL --model KIND[:k=v;...] --model ...`: paired corrected t-tests.
void addCompareCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);
// `learners`: every learner with its parameter spec (what the GUI builds its forms from).
void addLearnersCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);

// `history list | show | compare | note | tag | stage | export | import | delete | series`.
void addHistoryCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);

}  // namespace glassbox::cli
