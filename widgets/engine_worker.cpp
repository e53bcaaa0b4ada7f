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
#include "widgets/data_file_reading.h"
#include "widgets/guarded_call.h"
#include "widgets/progress_throttle.h"

namespace glassbox::gui {
namespace {}  // namespace

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
            ReadOptions options;
            options.typeOverrides = types;
            DataFileRead read = readDataFile(path, sqliteTable, options, task);
            if (!read.table) {
                emit sqliteTableNeeded(token, path, read.tablesToChoose);
                return;
            }
            emit loaded(token, std::move(read.table));
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
