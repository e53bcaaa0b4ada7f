#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// "drop-duplicates": drops training rows equal to an earlier row (the first is kept). Rows pass
// through unchanged at StepUse::Prediction. Two missing cells are equal; numbers compare by
// value (0 equals -0).
//   columns  ';' list of the columns compared; default: every column
// Report: droppedRows; details "duplicate groups" -> groups with more than one row.
const PreparationStep& dropDuplicatesStep();

}  // namespace glassbox
