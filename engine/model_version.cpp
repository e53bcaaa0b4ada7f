#include "engine/model_version.h"

namespace glassbox {
namespace {

constexpr std::string_view kStageNames[] = {"none", "staging", "production", "archived"};

}  // namespace

std::string_view stageName(Stage stage) {
    return kStageNames[static_cast<int>(stage)];
}

std::optional<Stage> parseStageName(std::string_view name) {
    for (int i = 0; i < 4; ++i)
        if (kStageNames[i] == name) return static_cast<Stage>(i);
    return std::nullopt;
}

std::optional<double> ModelVersion::metric(const std::string& name) const {
    for (const auto& [key, value] : metrics)
        if (key == name) return value;
    return std::nullopt;
}

}  // namespace glassbox
