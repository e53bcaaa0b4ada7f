#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// "k-anonymity": the k-anonymity of the training rows over quasi-identifiers
// (engine/k_anonymity.h), and suppression of the rows in equivalence classes smaller than k.
//   quasi_identifiers  ';' list, required
//   k                  the target (>= 2, default 5)
//   action             report | suppress (default)
// At Training: droppedRows = rows suppressed; details "k" (smallest class after the step),
// "k before", "target k", "rows at risk" (before suppression), "classes" (after the step).
// At Prediction rows pass through unchanged.
const PreparationStep& kAnonymityStep();

}  // namespace glassbox
