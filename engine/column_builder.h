#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/column.h"
#include "engine/table.h"

namespace glassbox {

// Builds a column from text cells and infers its type: numeric when every value is a number,
// boolean when every value is true/false or yes/no, datetime when every value is ISO 8601,
// categorical when few distinct values repeat (see looksCategorical), text otherwise.
// Dictionary-first: each distinct string is stored once, so inference looks at distinct values.
// With a forced type, values that do not convert become missing and are counted.
class ColumnBuilder {
  public:
    explicit ColumnBuilder(std::string name, std::optional<ColumnType> forced = std::nullopt);

    void append(std::string_view value);
    void appendMissing();
    std::size_t size() const { return codes_.size(); }

    // Categorical levels are sorted (byte order) unless keepLevelOrder() was called.
    Column finish();
    // Values that did not convert to the forced type (they are missing in the result).
    std::size_t conversionFailures() const { return failures_; }

    // Fixes the categorical levels and their order (ARFF nominal declarations). A value
    // outside them is still accepted and appended as a new level.
    void declareLevels(const std::vector<std::string>& levels);

  private:
    Column finishAs(ColumnType type);

    std::string name_;
    std::optional<ColumnType> forced_;
    bool declaredLevels_ = false;
    std::vector<std::int32_t> codes_;  // -1 = missing
    std::vector<std::string> levels_;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> index_;
    std::size_t failures_ = 0;
};

// The categorical-or-text rule: at most 1000 distinct values, and each distinct value seen
// twice on average (or at most two distinct values).
bool looksCategorical(std::size_t distinct, std::size_t present);

// The type inferred for a set of distinct values, as ColumnBuilder does.
ColumnType inferType(const std::vector<std::string>& distinctValues, std::size_t present);

// Column names made unique and non-empty: an empty name becomes "column_N" (N its 1-based
// position), a repeated name gets "_2", "_3", ... Each change adds a warning.
std::vector<std::string> makeUniqueColumnNames(std::vector<std::string> names,
                                               std::vector<Warning>& warnings);

// Rebuilds a column as another type from its formatted values (the per-column type override).
// Values that do not convert become missing; their count is returned through failures.
Column convertColumn(const Column& column, ColumnType type, std::size_t& failures);

}  // namespace glassbox
