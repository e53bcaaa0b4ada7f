#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>

#include "engine/task.h"
#include "widgets/engine_types.h"

class QThread;

namespace glassbox::gui {

class EngineWorker;

// The GUI side of the engine thread: owns the thread and its EngineWorker, gives every
// request a run token, and forwards only the answers to the newest request (a stale answer
// of a load or statistics request that was superseded is dropped). Cancel sets the request's
// CancelToken directly; nothing here ever blocks on the engine thread except the destructor,
// which cancels all work first.
class EngineController : public QObject {
    Q_OBJECT

  public:
    explicit EngineController(QObject* parent = nullptr);
    ~EngineController() override;

    // Starts loading a file or an in-memory file (an embedded sample, name with extension).
    // A load still running is cancelled and its answer dropped. types: per-column type
    // overrides.
    void openFile(const QString& path, const QString& sqliteTable = {},
                  const TypeOverrides& types = {});
    void openBytes(const QByteArray& bytes, const QString& name, const TypeOverrides& types = {});
    void cancelLoad();
    bool isLoading() const { return loading_; }

    // Computes the statistics of one column; a request still running is cancelled.
    void requestStats(const std::shared_ptr<const Table>& table, int column);
    void cancelStats();
    bool isComputingStats() const { return computingStats_; }

  signals:
    void loadProgress(double fraction);
    // source is the path given to openFile or the name given to openBytes.
    void loaded(std::shared_ptr<const glassbox::LoadedTable> table, const QString& source);
    void loadFailed(const QString& message, const QString& source);
    void loadCancelled(const QString& source);
    void sqliteTableNeeded(const QString& path, const QStringList& tables);
    void statsReady(int column, std::shared_ptr<const glassbox::ColumnStats> stats);
    void statsFailed(int column, const QString& message);

  private:
    int beginLoad(const QString& source);
    bool acceptLoadAnswer(int token);
    bool acceptStatsAnswer(int token);

    QThread* thread_;
    EngineWorker* worker_;  // lives on thread_, deleted after the thread has stopped
    int loadToken_ = 0;
    int statsToken_ = 0;
    bool loading_ = false;
    bool computingStats_ = false;
    QString loadSource_;
    std::shared_ptr<CancelToken> loadCancel_;
    std::shared_ptr<CancelToken> statsCancel_;
};

}  // namespace glassbox::gui
