#include "widgets/engine_worker.h"

#include <QFile>
#include <atomic>
#include <chrono>
#include <exception>
#include <fstream>
#include <new>

#include "engine/column_stats.h"
#include "engine/errors.h"
#include "engine/sqlite_reader.h"
#include "engine/table_reader.h"
#include "widgets/guarded_call.h"
#include "widgets/progress_throttle.h"

namespace glassbox::gui {
namespace {

std::string localPath(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

bool isSqliteFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    if (!in.read(header, sizeof header)) return false;
    return glassbox::detectFormat(path, std::string_view(header, sizeof header)) == "sqlite";
}

}  // namespace

EngineWorker::EngineWorker(QObject* parent) : QObject(parent) {
    registerEngineMetaTypes();
}

TaskContext EngineWorker::taskFor(int token, const CancelHandle& cancel) {
    auto throttle = std::make_shared<ProgressThrottle>();
    return TaskContext(
        [this, token, throttle](double fraction, std::string_view) {
            if (throttle->admit()) emit progress(token, fraction);
        },
        cancel.get());
}

void EngineWorker::openFile(int token, const QString& path, const QString& sqliteTable,
                            const TypeOverrides& types, const CancelHandle& cancel) {
    guardedCall(
        [&] {
            const TaskContext task = taskFor(token, cancel);
            task.checkCancelled();
            const std::string file = localPath(path);
            ReadOptions options;
            options.typeOverrides = types;
            if (isSqliteFile(file)) {
                options.format = "sqlite";
                options.table = sqliteTable.toStdString();
                if (options.table.empty()) {
                    const std::vector<std::string> tables = listSqliteTables(file);
                    if (tables.empty()) throw IoError(file, "the database has no tables");
                    if (tables.size() > 1) {
                        QStringList names;
                        for (const std::string& name : tables)
                            names << QString::fromStdString(name);
                        emit sqliteTableNeeded(token, path, names);
                        return;
                    }
                    options.table = tables.front();
                }
            }
            auto table = std::make_shared<LoadedTable>(readTable(file, options, task));
            emit loaded(token, std::move(table));
        },
        [&] { emit loadCancelled(token); },
        [&](const QString& message) { emit loadFailed(token, message); });
}

void EngineWorker::openBytes(int token, const QByteArray& bytes, const QString& name,
                             const TypeOverrides& types, const CancelHandle& cancel) {
    guardedCall(
        [&] {
            const TaskContext task = taskFor(token, cancel);
            task.checkCancelled();
            ReadOptions options;
            options.typeOverrides = types;
            auto table = std::make_shared<LoadedTable>(readTableFromMemory(
                std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                name.toStdString(), options, task));
            emit loaded(token, std::move(table));
        },
        [&] { emit loadCancelled(token); },
        [&](const QString& message) { emit loadFailed(token, message); });
}

void EngineWorker::computeStats(int token, const std::shared_ptr<const Table>& table, int column,
                                const CancelHandle& cancel) {
    guardedCall(
        [&] {
            // No progress: the statistics take about a second at most and show no bar.
            const TaskContext task({}, cancel.get());
            task.checkCancelled();
            if (!table || column < 0 || static_cast<std::size_t>(column) >= table->columnCount())
                throw InvalidArgument("column", "no column " + std::to_string(column));
            auto stats = std::make_shared<ColumnStats>(computeColumnStats(
                table->column(static_cast<std::size_t>(column)), StatsOptions{}, task));
            emit statsReady(token, column, std::move(stats));
        },
        [&] { emit statsCancelled(token, column); },
        [&](const QString& message) { emit statsFailed(token, column, message); });
}

}  // namespace glassbox::gui
