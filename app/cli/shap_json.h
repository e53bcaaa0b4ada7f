#pragma once

#include <cstddef>
#include <span>

#include <nlohmann/json.hpp>

#include "engine/model_file.h"
#include "engine/shap.h"

namespace glassbox::cli {

// `explain --method shap`'s JSON (../shared/docs/cli.md):
//   {"method","output","base_value","rows":[{"row","prediction","contributions":{"<feature>":v}}]}
// For classifiers base_value and prediction are {"<class>": v} and contributions
// {"<class>": {"<feature>": v}}. `rows` are the row numbers `shap`'s rows were taken from, in
// its order. Non-finite numbers are written as null.
nlohmann::json shapJson(const TrainedModel& model, const ShapValues& shap,
                        std::span<const std::size_t> rows);

}  // namespace glassbox::cli
