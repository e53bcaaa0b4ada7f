#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "app/cli/global_options.h"
#include "engine/model_file.h"

namespace glassbox::cli {

// Which saved model a command works on (../shared/docs/cli.md: "wherever --version ID is
// accepted, --model FILE names a model file instead"). Every command that reads a saved model
// declares its options and loads it through this, so they all accept the same forms.
struct ModelSource {
    std::string file;
    std::optional<std::int64_t> version;

    // Adds --model FILE and --version ID to `command`; exactly one of them must be given (a
    // usage error otherwise). Uses the command's parse-complete callback.
    void addTo(CLI::App& command);
    // The model, from the file or from the history (--registry); throws the engine's errors
    // (naming the file, the history or the option) when it cannot.
    TrainedModel load(const GlobalOptions& global) const;
};

}  // namespace glassbox::cli
