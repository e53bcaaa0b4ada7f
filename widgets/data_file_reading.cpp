#include "widgets/data_file_reading.h"

#include <QFile>
#include <fstream>

#include "engine/errors.h"
#include "engine/sqlite_reader.h"
#include "engine/table_reader.h"

namespace glassbox::gui {
namespace {

bool isSqliteFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    if (!in.read(header, sizeof header)) return false;
    return detectFormat(path, std::string_view(header, sizeof header)) == "sqlite";
}

}  // namespace

std::string localPath(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

DataFileRead readDataFile(const QString& path, const QString& sqliteTable, ReadOptions options,
                          const TaskContext& task) {
    task.checkCancelled();
    const std::string file = localPath(path);
    if (isSqliteFile(file)) {
        options.format = "sqlite";
        options.table = sqliteTable.toStdString();
        if (options.table.empty()) {
            const std::vector<std::string> tables = listSqliteTables(file);
            if (tables.empty()) throw IoError(file, "the database has no tables");
            if (tables.size() > 1) {
                DataFileRead read;
                for (const std::string& name : tables)
                    read.tablesToChoose << QString::fromStdString(name);
                return read;
            }
            options.table = tables.front();
        }
    }
    return {std::make_shared<const LoadedTable>(readTable(file, options, task)), {}};
}

}  // namespace glassbox::gui
