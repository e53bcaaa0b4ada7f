#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// Class-imbalance steps (resample_data.h does the work). They act at StepUse::Training only and
// pass rows through unchanged at StepUse::Prediction, so in a pipeline fitted per fold they
// resample the fold's training rows and never the rows that are scored. What fitting keeps is
// the target, the parameters and the seed: the neighbours and scales of SMOTE are the rows of
// the table being resampled (the training rows) and are found when it is applied.

// "oversample": random over-sampling (with replacement) of the smaller classes.
const PreparationStep& oversampleStep();
// "undersample": random under-sampling (without replacement) of the larger classes.
const PreparationStep& undersampleStep();
// "smote": SMOTE on numeric features (refuses categorical ones).
const PreparationStep& smoteStep();
// "smote-nc": SMOTE-NC for numeric and categorical features.
const PreparationStep& smoteNcStep();

}  // namespace glassbox
