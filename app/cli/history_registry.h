#pragma once

#include <string>

#include "app/cli/global_options.h"
#include "engine/errors.h"
#include "engine/model_registry.h"

namespace glassbox::cli {

// The model history the command works on: --registry PATH, else the per-user default
// (engine/registry_location.h), created when missing.
ModelRegistry openHistory(const GlobalOptions& global);

// The engine names an unknown version id "version"; the CLI names the option or argument that
// gave it (--version, --parent, ID). Rethrows such an error under `name`.
[[noreturn]] void rethrowNamed(const InvalidArgument& error, const std::string& name);

// Runs work(), reporting an unknown version id under `name` (see rethrowNamed).
template <class Work>
decltype(auto) namingVersion(const std::string& name, Work&& work) {
    try {
        return work();
    } catch (const InvalidArgument& e) {
        rethrowNamed(e, name);
    }
}

}  // namespace glassbox::cli
