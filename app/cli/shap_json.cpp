#include "app/cli/shap_json.h"

#include <cmath>
#include <stdexcept>

namespace glassbox::cli {
namespace {

nlohmann::json number(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json shapJson(const TrainedModel& model, const ShapValues& shap,
                        std::span<const std::size_t> rows) {
    if (rows.size() != shap.rows || shap.features != model.schema.size())
        throw std::logic_error("shapJson: the SHAP values do not match the rows or the model");
    const bool perClass = model.task == TaskKind::Classification;
    if (perClass && shap.outputs != model.classes.size())
        throw std::logic_error("shapJson: one SHAP output per class expected");
    const auto& features = model.schema.features;

    auto contributions = [&](std::size_t r, std::size_t o) {
        nlohmann::json out = nlohmann::json::object();
        for (std::size_t f = 0; f < shap.features; ++f)
            out[features[f].name] = number(shap.at(r, o, f));
        return out;
    };
    auto perOutput = [&](auto valueOf) {
        if (!perClass) return valueOf(std::size_t{0});
        nlohmann::json out = nlohmann::json::object();
        for (std::size_t o = 0; o < shap.outputs; ++o) out[model.classes[o]] = valueOf(o);
        return out;
    };

    nlohmann::json out = {{"method", shap.method}, {"output", shap.output}};
    out["base_value"] = perOutput([&](std::size_t o) { return number(shap.base[o]); });
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t r = 0; r < shap.rows; ++r) {
        list.push_back(
            {{"row", rows[r]},
             {"prediction", perOutput([&](std::size_t o) {
                  return number(shap.prediction[r * shap.outputs + o]);
              })},
             {"contributions", perOutput([&](std::size_t o) { return contributions(r, o); })}});
    }
    out["rows"] = std::move(list);
    return out;
}

}  // namespace glassbox::cli
