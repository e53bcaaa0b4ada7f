#include "app/cli/model_json.h"

#include <cmath>

namespace glassbox::cli {
namespace {

std::string_view typeName(ParamType type) {
    switch (type) {
        case ParamType::Integer:
            return "integer";
        case ParamType::Real:
            return "real";
        case ParamType::Choice:
            return "choice";
        case ParamType::Boolean:
            return "boolean";
        case ParamType::IntegerList:
            return "integer_list";
        case ParamType::Text:
            return "text";
    }
    return "real";
}

}  // namespace

nlohmann::json scoresJson(const Scores& scores) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, value] : scores.values)
        out[name] = std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
    if (!scores.confusion.empty()) out["confusion_matrix"] = scores.confusion;
    return out;
}

nlohmann::json paramSpecsJson(const ParamSpecs& specs) {
    nlohmann::json out = nlohmann::json::array();
    for (const ParamSpec& s : specs) {
        nlohmann::json item = {{"name", s.name},
                               {"type", std::string(typeName(s.type))},
                               {"default", s.defaultValue},
                               {"help", s.help}};
        if (s.type == ParamType::Integer || s.type == ParamType::Real ||
            s.type == ParamType::IntegerList) {
            item["min"] = s.min;
            item["max"] = s.max;
            if (s.minExclusive) item["min_exclusive"] = true;
        }
        if (!s.choices.empty()) item["choices"] = s.choices;
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace glassbox::cli
