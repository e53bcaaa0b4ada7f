#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/preparation_pipeline.h"

namespace glassbox::cli {

// --prepare / --step texts as a pipeline, with --privacy-budget "EPSILON[,DELTA]" (empty: the
// default allowance). Throws InvalidArgument naming the option or the step's parameter.
PipelineSpec pipelineFromOptions(const std::vector<std::string>& steps, const std::string& budget);

// [{"step","changed_cells","dropped_rows","added_rows","added_columns","dropped_columns",
// "details":{}}]: what each step did.
nlohmann::ordered_json stepReportsJson(const PipelineReport& report);

// The privacy picture of a run: {"epsilon_spent","delta_spent","epsilon_budget","delta_budget",
// "ledger":[{"release","epsilon","delta"}]}, plus "k", "target_k" and "rows_at_risk" from the
// last privacy step that measured k-anonymity (k-anonymity, roles).
nlohmann::ordered_json privacyReportJson(const PipelineReport& report, const PipelineSpec& spec);

}  // namespace glassbox::cli
