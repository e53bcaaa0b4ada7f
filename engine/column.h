#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/validity_mask.h"

namespace glassbox {

enum class ColumnType : std::uint8_t { Numeric, Categorical, Boolean, Text, DateTime };

// "numeric", "categorical", "boolean", "text", "datetime" (the names of ../shared/docs/cli.md).
std::string_view columnTypeName(ColumnType type);
std::optional<ColumnType> parseColumnTypeName(std::string_view name);

// One column of a table. Values live in one typed array (doubles, dictionary codes, bytes or a
// text arena) plus a validity bit per row; a missing cell has its bit clear whatever its type.
// Immutable once built; construct with the static factories.
class Column {
  public:
    // Numeric: values[i] is ignored where valid is clear.
    static Column numeric(std::string name, std::vector<double> values, ValidityMask valid);
    // Categorical: codes index levels; -1 or a clear validity bit means missing.
    static Column categorical(std::string name, std::vector<std::int32_t> codes,
                              std::vector<std::string> levels, ValidityMask valid);
    static Column boolean(std::string name, std::vector<std::uint8_t> values, ValidityMask valid);
    // Text: row i is data[offsets[i], offsets[i+1]); offsets has size rows + 1.
    static Column text(std::string name, std::vector<std::uint64_t> offsets, std::string data,
                       ValidityMask valid);
    // DateTime: seconds since 1970-01-01T00:00:00Z. hasTime false means every value is a date.
    static Column dateTime(std::string name, std::vector<double> seconds, bool hasTime,
                           ValidityMask valid);

    const std::string& name() const { return name_; }
    void setName(std::string name) { name_ = std::move(name); }
    ColumnType type() const { return type_; }
    std::size_t size() const { return valid_.size(); }
    bool isMissing(std::size_t row) const { return !valid_.isValid(row); }
    std::size_t missingCount() const { return missing_; }
    const ValidityMask& validity() const { return valid_; }

    // Numeric and DateTime values (DateTime as epoch seconds).
    std::span<const double> numbers() const { return numbers_; }
    // The value of a Numeric, DateTime (epoch seconds) or Boolean (0 / 1) cell.
    double number(std::size_t row) const;
    // Categorical codes and their levels.
    std::span<const std::int32_t> codes() const { return codes_; }
    const std::vector<std::string>& levels() const { return levels_; }
    // Boolean cells.
    bool boolean(std::size_t row) const { return bools_[row] != 0; }
    std::span<const std::uint8_t> booleans() const { return bools_; }
    // Text cells.
    std::string_view text(std::size_t row) const;
    bool hasTime() const { return hasTime_; }

    // The cell as a person reads it: shortest round-trip numbers, level names, "true"/"false",
    // ISO 8601 dates. Empty for a missing cell.
    std::string format(std::size_t row) const;

    // Bytes held by this column's arrays (capacity, not size).
    std::size_t memoryBytes() const;

  private:
    Column(std::string name, ColumnType type, ValidityMask valid);

    std::string name_;
    ColumnType type_;
    bool hasTime_ = false;
    ValidityMask valid_;
    std::size_t missing_ = 0;
    std::vector<double> numbers_;
    std::vector<std::int32_t> codes_;
    std::vector<std::string> levels_;
    std::vector<std::uint8_t> bools_;
    std::vector<std::uint64_t> textOffsets_;
    std::string textData_;
};

// Shortest text that reads back as the same double ("1.5", "1e+20", "-0").
std::string formatNumber(double value);

}  // namespace glassbox
