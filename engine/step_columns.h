#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/column.h"
#include "engine/param_spec.h"
#include "engine/table.h"

namespace glassbox {

class ByteReader;

// Column lookups and helpers shared by the preparation steps, with errors naming the parameter
// (at fit) or the column (at apply).

// The columns `names`, each checked to be non-empty, to exist in `table` and to appear once;
// throws InvalidArgument(parameter) otherwise.
std::vector<std::string> listedColumns(const Table& table, const std::vector<std::string>& names,
                                       const std::string& parameter);
// The same for the ';' list `list` (items trimmed). Empty text gives an empty list.
std::vector<std::string> listedColumns(const Table& table, const std::string& list,
                                       const std::string& parameter);

// Every column of `table` with a missing cell, in table order, except `target`.
std::vector<std::string> columnsWithMissing(const Table& table, const std::string& target);

// The "columns" parameter of the column-wise steps (outliers, scale, encode, bin): "auto" (the
// default) or a ';'-separated list of column names.
ParamSpec columnsParamSpec(std::string_view help);
// The trimmed names of the "columns" parameter; empty for "auto" (or empty text).
std::vector<std::string> columnsFromParams(const ParamValues& params);

// The columns a column-wise step works on: `requested` when given (each must exist, appear once,
// have type `type` and not be the target; InvalidArgument("columns") otherwise), else every
// column of that type except the target, in table order.
std::vector<std::string> chooseColumns(const Table& table, const std::string& target,
                                       const std::vector<std::string>& requested, ColumnType type,
                                       std::string_view step);

// The index of the column `name` a fitted step needs in the table it is applied to; throws
// InvalidArgument(name) when the table lacks it or, given `type`, it has another type.
std::size_t requireColumn(const Table& table, const std::string& name, std::string_view step,
                          std::optional<ColumnType> type = std::nullopt);

// The present, finite values of a numeric column, ascending.
std::vector<double> sortedFinite(const Column& column);
// numpy's default (linear) quantile of ascending values, q in [0, 1]; `sorted` is not empty.
double quantileOfSorted(const std::vector<double>& sorted, double q);

// "3 rows: 17, 52, 90": how many rows and the first `limit` of them as 1-based row numbers
// (", ..." when some are left out).
std::string describeRows(std::span<const std::size_t> rows, std::size_t limit);

// The format version byte each fitted step writes first; load() checks it with
// expectStepFormat, which fails unless the byte is kStepFormatVersion.
constexpr std::uint8_t kStepFormatVersion = 1;
void expectStepFormat(ByteReader& in, std::string_view step);

}  // namespace glassbox
