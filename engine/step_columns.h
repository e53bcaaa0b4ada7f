#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/table.h"

namespace glassbox {

class ByteReader;

// Column lookups shared by the preparation steps, with errors naming the parameter (at fit) or
// the column (at apply).

// The columns of the ';' list `list` (items trimmed), each checked to exist in `table` and to
// appear once; throws InvalidArgument(parameter) otherwise. Empty text gives an empty list.
std::vector<std::string> listedColumns(const Table& table, const std::string& list,
                                       const std::string& parameter);

// Every column of `table` with a missing cell, in table order, except `target`.
std::vector<std::string> columnsWithMissing(const Table& table, const std::string& target);

// The index of the column a fitted step needs; throws InvalidArgument(name) when the table
// lacks it.
std::size_t neededColumn(const Table& table, const std::string& name, std::string_view step);

// "3 rows: 17, 52, 90": how many rows and the first `limit` of them as 1-based row numbers
// (", ..." when some are left out).
std::string describeRows(std::span<const std::size_t> rows, std::size_t limit);

// Reads a step payload's leading format byte; fails unless it is `expected`.
void expectStepFormat(ByteReader& in, std::uint8_t expected, std::string_view step);

}  // namespace glassbox
