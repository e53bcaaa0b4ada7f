#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// "impute": fills missing cells with a value learnt on the training rows and reused unchanged
// on every later table.
//   strategy  mean | median (numeric columns) | most_frequent (any type; ties go to the
//             smallest value, the first level, false) | constant
//   columns   ';' list; default: every column with a missing training cell except the target
//             (for mean and median only the numeric ones)
//   value     the constant for strategy=constant, read as each column's type
// Report: changedCells = cells filled; details "column NAME" -> "N cells filled with VALUE".
const PreparationStep& imputeStep();

}  // namespace glassbox
