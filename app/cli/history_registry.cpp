#include "app/cli/history_registry.h"

#include "engine/registry_location.h"

namespace glassbox::cli {

ModelRegistry openHistory(const GlobalOptions& global) {
    return ModelRegistry::open(global.registry.empty() ? defaultRegistryPath() : global.registry);
}

void rethrowNamed(const InvalidArgument& error, const std::string& name) {
    if (error.parameter() != "version" && error.parameter() != "parent") throw error;
    const std::string message = error.what();
    throw InvalidArgument(name, message.substr(error.parameter().size() + 2));
}

}  // namespace glassbox::cli
