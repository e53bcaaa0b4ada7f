#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// "drop-missing": drops columns with too many missing training cells, and training rows with a
// missing cell. Columns are dropped first, the same on every table (the target never); rows
// only at StepUse::Training, since a prediction row with a missing cell still needs a
// prediction.
//   max_missing  a column is dropped when its missing share in the training rows exceeds
//                this (0..1; default 1: none is)
//   rows         whether training rows with a missing cell are dropped (default true)
//   columns      ';' list of the columns whose missing cells drop a row; default: every column
//               (the target included) that the step keeps
// Report: droppedColumns, droppedRows; details "column NAME" -> "P% missing" per dropped column.
const PreparationStep& dropMissingStep();

}  // namespace glassbox
