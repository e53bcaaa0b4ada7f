#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/column.h"
#include "engine/param_spec.h"
#include "engine/table.h"

namespace glassbox {

class ByteReader;

// Helpers shared by the column-wise preparation steps (outliers, scale, encode, bin).

// The "columns" parameter every such step has: "auto" (the default) or a ';'-separated list.
ParamSpec columnsParamSpec(std::string_view help);
// The list named by the "columns" parameter; empty for "auto".
std::vector<std::string> columnsFromParams(const ParamValues& params);

// The columns a step works on: `requested` when given (each must exist, have type `type` and
// not be the target; InvalidArgument("columns") otherwise), else every column of that type
// except the target, in table order.
std::vector<std::string> chooseColumns(const Table& table, const std::string& target,
                                       const std::vector<std::string>& requested, ColumnType type,
                                       std::string_view step);

// The index of `name` in a table a fitted step is applied to; InvalidArgument(name) when the
// column is missing or does not have type `type`.
std::size_t requireColumn(const Table& table, const std::string& name, ColumnType type,
                          std::string_view step);

// The present, finite values of a numeric column, ascending.
std::vector<double> sortedFinite(const Column& column);
// numpy's default (linear) quantile of ascending values, q in [0, 1]; `sorted` is not empty.
double quantileOfSorted(const std::vector<double>& sorted, double q);

// The rows of `table` whose keep flag is set, every column type kept.
Table keepRows(const Table& table, const std::vector<std::uint8_t>& keep);

// The format version byte each fitted step writes first; load() checks it.
constexpr std::uint8_t kStepFormatVersion = 1;
void readStepFormatVersion(ByteReader& in);

}  // namespace glassbox
