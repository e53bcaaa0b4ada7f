#pragma once

#include <nlohmann/json.hpp>

#include "engine/column_stats.h"
#include "engine/table.h"

namespace glassbox::cli {

// One column of `inspect`'s "columns" array (keys of ../shared/docs/cli.md). Numeric-only keys
// are absent for other types; datetime columns give min, q1, median, q3, max and histogram
// edges as ISO 8601 text.
nlohmann::json columnStatsJson(const ColumnStats& stats, bool hasTime);

nlohmann::json warningsJson(const std::vector<Warning>& warnings);

}  // namespace glassbox::cli
