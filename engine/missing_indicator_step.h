#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// "missing-indicator": adds a boolean column "NAME_missing" (true where NAME's cell is missing)
// after the table's columns, for the same columns on every table.
//   columns  ';' list; default: every column with a missing training cell except the target
// Report: addedColumns; details "NAME_missing" -> "N rows missing".
const PreparationStep& missingIndicatorStep();

}  // namespace glassbox
