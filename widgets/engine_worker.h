#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

#include "engine/task.h"
#include "widgets/engine_types.h"

namespace glassbox::gui {

// Runs engine operations on the engine thread (it lives there; its methods are invoked by
// queued calls from EngineController). Every request carries a run token and answers with
// exactly one signal carrying the same token; engine exceptions never leave this class.
class EngineWorker : public QObject {
    Q_OBJECT

  public:
    using CancelHandle = std::shared_ptr<CancelToken>;

    explicit EngineWorker(QObject* parent = nullptr);

    // Loads a file. An SQLite database with several tables and no table given answers with
    // sqliteTableNeeded instead of a table.
    void openFile(int token, const QString& path, const QString& sqliteTable,
                  const TypeOverrides& types, const CancelHandle& cancel);
    // Loads a file held in memory (an embedded sample); name gives the format by extension.
    void openBytes(int token, const QByteArray& bytes, const QString& name,
                   const TypeOverrides& types, const CancelHandle& cancel);
    void computeStats(int token, const std::shared_ptr<const Table>& table, int column,
                      const CancelHandle& cancel);

  signals:
    // Progress of a load: at most about 20 per second, from whichever thread the engine
    // reports on.
    void progress(int token, double fraction);
    void loaded(int token, std::shared_ptr<const glassbox::LoadedTable> table);
    void sqliteTableNeeded(int token, const QString& path, const QStringList& tables);
    void loadFailed(int token, const QString& message);
    void loadCancelled(int token);
    void statsReady(int token, int column, std::shared_ptr<const glassbox::ColumnStats> stats);
    void statsFailed(int token, int column, const QString& message);
    void statsCancelled(int token, int column);

  private:
    TaskContext taskFor(int token, const CancelHandle& cancel);
};

}  // namespace glassbox::gui
