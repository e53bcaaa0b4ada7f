#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "app/cli/global_options.h"
#include "engine/task.h"

namespace glassbox::cli {

using CommandAction = std::function<int(const TaskContext&)>;

// `inspect FILE`: schema and statistics of a data file. Registers the subcommand on app; when
// it is chosen, action is what main runs.
void addInspectCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action);

}  // namespace glassbox::cli
