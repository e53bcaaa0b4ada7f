#pragma once

#include <QString>
#include <QStringList>
#include <memory>
#include <string>

#include "engine/read_options.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox::gui {

// The engine's spelling of a file name (the local 8-bit encoding).
std::string localPath(const QString& path);

// What reading a data file gave: the table, or, for an SQLite database with several tables
// and none chosen, the names of its tables to choose from.
struct DataFileRead {
    std::shared_ptr<const LoadedTable> table;
    QStringList tablesToChoose;
};

// Reads a CSV / TSV / ARFF file or a table of an SQLite database (`sqliteTable`, or its only
// table). Runs on a worker thread; throws the engine's errors (IoError for a database
// without tables).
DataFileRead readDataFile(const QString& path, const QString& sqliteTable, ReadOptions options,
                          const TaskContext& task);

}  // namespace glassbox::gui
