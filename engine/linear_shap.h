#pragma once

#include <cstddef>
#include <span>

#include "engine/linear_model.h"
#include "engine/shap.h"

namespace glassbox {

// Exact SHAP of a linear model's scores (log-odds for logistic regression, the value for linear
// regression) for `rows` of `x`, with each encoded input's mean over `background` as its
// expectation: contribution = weight x (value - background mean), the one-hot columns of a
// categorical feature summed. Exact under feature independence (the interventional value
// function). Outputs are the model's scores (one for two classes: the second class's
// log-odds), method "linear".
ShapValues linearModelShap(const LinearModel& model, const FeatureMatrix& x,
                           std::span<const std::size_t> rows, const FeatureMatrix& background,
                           const TaskContext& task);

}  // namespace glassbox
