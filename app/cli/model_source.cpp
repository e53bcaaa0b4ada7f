#include "app/cli/model_source.h"

#include "app/cli/history_registry.h"
#include "engine/model_registry.h"

namespace glassbox::cli {

void ModelSource::addTo(CLI::App& command) {
    CLI::Option* model = command.add_option("--model", file, "A model file written by train --out");
    CLI::Option* id = command.add_option("--version", version,
                                         "A version of the model history (see history list)");
    model->excludes(id);
    command.parse_complete_callback([model, id] {
        if (model->count() == 0 && id->count() == 0)
            throw CLI::RequiredError("--version ID or --model FILE is required",
                                     CLI::ExitCodes::RequiredError);
    });
}

TrainedModel ModelSource::load(const GlobalOptions& global) const {
    if (version)
        return namingVersion("--version", [&] { return openHistory(global).loadModel(*version); });
    return loadModelFile(file);
}

}  // namespace glassbox::cli
