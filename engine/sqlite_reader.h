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

// Imports options.table, or the rows of options.query (a read-only statement). When neither
// is given and the database has exactly one table, that table.
LoadedTable readSqlite(const std::string& path, const ReadOptions& options,
                       const TaskContext& task);

}  // namespace glassbox
