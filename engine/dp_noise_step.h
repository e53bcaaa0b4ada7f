#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// "dp-noise": a differentially private release of numeric columns (releaseValues of
// engine/dp_mechanisms.h: clamped, on a grid, exact discrete noise from the system CSPRNG).
//   columns    ';' list of numeric columns without missing values, required
//   epsilon    total for the step (> 0, default 1), split evenly over the columns
//   mechanism  laplace (default; delta 0) | gaussian
//   delta      Gaussian only, in (0, 1) (default 1e-6), split like epsilon
//   lower, upper  the clamping range: auto (the training data's range, with a "warning"
//              detail: the bounds themselves are not private), one number, or one per column
// privacyLoss() is what one Training apply spends: (epsilon, delta or 0). At Training: details
// "epsilon spent", "delta spent", "noise sd <col>", "grid step <col>" and "warning" per column
// with automatic bounds. At Prediction rows pass through (rows to predict are not released).
const PreparationStep& dpNoiseStep();

}  // namespace glassbox
