#pragma once

#include <string>
#include <vector>

#include "engine/read_options.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

// The tables (and views) of an SQLite database file, in name order. The file is opened
// read-only and never modified.
std::vector<std::string> listSqliteTables(const std::string& path);

// Imports options.table (a table or view), or the rows of options.query (one read-only
// statement). When neither is given and the database has exactly one table, that table. Column
// types come from the stored values (see SqliteColumnBuilder); BLOB cells are read as missing
// with a warning. Errors: IoError for a file that is not a readable database (or is damaged),
// InvalidArgument "--table" for an unknown or unchosen table, "--query" for a query that is not
// read-only or fails. Progress and cancellation every 16K rows, and inside long queries.
LoadedTable readSqlite(const std::string& path, const ReadOptions& options,
                       const TaskContext& task);

}  // namespace glassbox
