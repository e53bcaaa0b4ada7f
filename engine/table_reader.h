#pragma once

#include <string>
#include <string_view>

#include "engine/read_options.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

// "sqlite" (by its magic header), "arff" (by extension or an @relation line), "tsv" (by
// extension), else "csv".
std::string detectFormat(const std::string& fileName, std::string_view firstBytes);

// Reads any supported file. Type overrides of options are applied to every format.
LoadedTable readTable(const std::string& path, const ReadOptions& options,
                      const TaskContext& task = {});

// Reads a file already in memory (an embedded sample); name gives the format by extension and
// is used in messages. Not for SQLite.
LoadedTable readTableFromMemory(std::string_view bytes, const std::string& name,
                                const ReadOptions& options, const TaskContext& task = {});

}  // namespace glassbox
