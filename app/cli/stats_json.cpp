#include "app/cli/stats_json.h"

#include <cmath>

#include "engine/value_parsing.h"

namespace glassbox::cli {
namespace {

// JSON has no infinity or NaN: those become null.
nlohmann::json number(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json columnStatsJson(const ColumnStats& stats, bool hasTime) {
    nlohmann::json column = {{"name", stats.name},
                             {"type", std::string(columnTypeName(stats.type))},
                             {"count", stats.count},
                             {"missing", stats.missing},
                             {"unique", stats.unique}};
    const std::pair<const char*, const std::optional<double>*> summary[] = {
        {"mean", &stats.mean},     {"std", &stats.std}, {"min", &stats.min}, {"q1", &stats.q1},
        {"median", &stats.median}, {"q3", &stats.q3},   {"max", &stats.max}};
    if (stats.type == ColumnType::Numeric) {
        for (const auto& [key, value] : summary)
            column[key] = value->has_value() ? number(**value) : nlohmann::json(nullptr);
    } else if (stats.type == ColumnType::DateTime) {
        for (const auto& [key, value] : summary) {
            if (std::string_view(key) == "mean" || std::string_view(key) == "std") continue;
            column[key] = value->has_value() ? nlohmann::json(formatIsoDateTime(**value, hasTime))
                                             : nlohmann::json(nullptr);
        }
    }

    nlohmann::json top = nlohmann::json::array();
    for (const ValueCount& v : stats.top) top.push_back({{"value", v.value}, {"count", v.count}});
    column["top"] = std::move(top);

    nlohmann::json histogram = {{"edges", nlohmann::json::array()},
                                {"counts", stats.histogram.counts}};
    for (double edge : stats.histogram.edges)
        histogram["edges"].push_back(stats.type == ColumnType::DateTime
                                         ? nlohmann::json(formatIsoDateTime(edge, hasTime))
                                         : number(edge));
    if (!stats.histogram.labels.empty()) histogram["labels"] = stats.histogram.labels;
    column["histogram"] = std::move(histogram);
    return column;
}

nlohmann::json warningsJson(const std::vector<Warning>& warnings) {
    nlohmann::json out = nlohmann::json::array();
    for (const Warning& w : warnings) out.push_back({{"message", w.message}, {"rows", w.rows}});
    return out;
}

}  // namespace glassbox::cli
