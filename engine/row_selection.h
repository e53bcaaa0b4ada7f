#pragma once

#include <cstddef>
#include <span>

#include "engine/column.h"
#include "engine/table.h"

namespace glassbox {

// The rows `rows` of a column or table, in that order (repeats allowed), every type kept
// (categorical levels unchanged). Row indices must be < size.
Column selectRows(const Column& column, std::span<const std::size_t> rows);
Table selectRows(const Table& table, std::span<const std::size_t> rows);

}  // namespace glassbox
