#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/column.h"
#include "engine/column_piece.h"

namespace glassbox {

// Joins the pieces of one column, in row order, into a Column: the forced type, or the type
// ColumnBuilder would infer from the same cells (categorical levels sorted the same way). The
// pieces must be all numeric or all dictionaries; their memory is released as they are copied.
// failures counts the present cells that did not convert to the forced type.
Column assembleColumn(std::string name, const std::vector<ColumnPiece*>& pieces,
                      std::optional<ColumnType> forced, std::size_t& failures);

}  // namespace glassbox
