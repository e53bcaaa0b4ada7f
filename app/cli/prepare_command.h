#pragma once

#include <CLI/CLI.hpp>

#include "app/cli/global_options.h"
#include "app/cli/inspect_command.h"

namespace glassbox::cli {

// `prepare FILE --step STEP [--step STEP]... --out PATH`: applies preparation steps, writes CSV.
void addPrepareCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);
// `steps`: every preparation step with its parameter spec (what the GUI builds its forms from).
void addStepsCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);

}  // namespace glassbox::cli
