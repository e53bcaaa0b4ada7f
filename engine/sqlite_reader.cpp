#include "engine/sqlite_reader.h"
#include "engine/errors.h"
namespace glassbox {
std::vector<std::string> listSqliteTables(const std::string& path) { throw IoError(path, "reader not written yet"); }
LoadedTable readSqlite(const std::string& path, const ReadOptions&, const TaskContext&) { throw IoError(path, "reader not written yet"); }
}  // namespace glassbox
