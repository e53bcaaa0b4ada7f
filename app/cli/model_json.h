#pragma once

#include <nlohmann/json.hpp>

#include "engine/learner.h"
#include "engine/metrics.h"
#include "engine/table.h"

namespace glassbox::cli {

// {"accuracy": ..., "confusion_matrix": [[...]]}; NaN scores (an AUC with one class) as null.
nlohmann::json scoresJson(const Scores& scores);
// A learner's parameter spec: [{"name","type","default","min","max","choices","help"}].
nlohmann::json paramSpecsJson(const ParamSpecs& specs);

}  // namespace glassbox::cli
