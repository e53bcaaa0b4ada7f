#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/dataset.h"

namespace glassbox {

// Whether smaller values of `metric` are better: losses and errors (log_loss, brier, rmse, mse,
// mae, mape, ...). Every other metric (accuracy, auc, r2, ...) is better when higher.
bool lowerIsBetter(std::string_view metric);

// True when score `a` is strictly better than `b` for `metric`; NaN is worse than any number.
bool isBetterScore(std::string_view metric, double a, double b);

// accuracy for classification, r2 for regression.
std::string defaultMetric(TaskKind task);
// Throws InvalidArgument(option) naming the known metrics when `metric` is not one for `task`.
void checkMetric(const std::string& metric, TaskKind task, const std::string& option);

}  // namespace glassbox
