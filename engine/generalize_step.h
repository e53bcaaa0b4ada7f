#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// "generalize": coarser values for quasi-identifiers (engine/generalize.h), the same at Training
// and Prediction.
//   columns  ';' list, required
//   method   ranges (numeric columns, width and origin) | month | year (datetime columns) |
//            truncate (categorical or text columns, keep and marker); default ranges
//   width    range width (> 0, default 10); origin: where ranges start (default 0)
//   keep     characters kept by truncate (>= 1, default 3); marker: appended (default "*")
// A value gets the same label at Prediction as at Training, whatever else the table holds.
// Report: changedCells; details "rule <col>", "distinct before <col>", "distinct after <col>".
const PreparationStep& generalizeStep();

}  // namespace glassbox
