#include "engine/metric_direction.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "engine/errors.h"
#include "engine/metrics.h"

namespace glassbox {

bool lowerIsBetter(std::string_view metric) {
    static constexpr std::array<std::string_view, 9> kLosses = {
        "log_loss", "brier", "brier_score", "rmse", "mse", "mae", "mape", "max_error", "median_ae"};
    return std::find(kLosses.begin(), kLosses.end(), metric) != kLosses.end();
}

bool isBetterScore(std::string_view metric, double a, double b) {
    if (std::isnan(a)) return false;
    if (std::isnan(b)) return true;
    return lowerIsBetter(metric) ? a < b : a > b;
}

std::string defaultMetric(TaskKind task) {
    return task == TaskKind::Classification ? "accuracy" : "r2";
}

void checkMetric(const std::string& metric, TaskKind task, const std::string& option) {
    const std::vector<std::string> names = scoreNames(task);
    if (std::find(names.begin(), names.end(), metric) != names.end()) return;
    std::string known;
    for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
    throw InvalidArgument(option, "\"" + metric + "\" is not a " + std::string(taskName(task)) +
                                      " metric (known: " + known + ")");
}

}  // namespace glassbox
