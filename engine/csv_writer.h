#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "engine/table.h"

namespace glassbox {

// RFC 4180: the field quoted when it holds a comma, a quote or a line break.
void writeCsvField(std::ostream& out, std::string_view field);

// The table as CSV: a header of column names, then each row's cells as Column::format writes
// them (missing cells empty), so reading the file back gives the same values.
void writeCsv(std::ostream& out, const Table& table);

// writeCsv to `path` through a temporary file renamed into place, so a failure never leaves half
// a file. Throws IoError naming `path`.
void writeCsvFile(const Table& table, const std::string& path);

}  // namespace glassbox
