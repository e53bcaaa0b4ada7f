#include "app/cli/model_source.h"

namespace glassbox::cli {

void ModelSource::addTo(CLI::App& command) {
    command.add_option("--model", file, "A model file written by train --out")->required();
}

TrainedModel ModelSource::load(const GlobalOptions&) const {
    return loadModelFile(file);
}

}  // namespace glassbox::cli
