#pragma once

#include <cstddef>
#include <span>

#include "engine/column.h"
#include "engine/table.h"

namespace glassbox {

// The column or table with only `rows` (indices into it, in the order given): how row-dropping
// steps build their result. Categorical levels are kept as they are.
Column keepRows(const Column& column, std::span<const std::size_t> rows);
Table keepRows(const Table& table, std::span<const std::size_t> rows);

}  // namespace glassbox
