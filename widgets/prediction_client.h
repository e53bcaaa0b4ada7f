#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

#include "widgets/prediction_worker.h"

class QThread;

namespace glassbox::gui {

// The GUI side of the Predict view's engine thread: owns the thread and its PredictionWorker
// (with its own connection to the history at `registryPath`), gives every request an id, and
// forwards only the answer to the newest request of each kind: a request supersedes (and
// cancels) the one of the same kind still running, whose answer is then dropped. Nothing here
// blocks on the engine thread except the destructor, which cancels all work first.
class PredictionClient : public QObject {
    Q_OBJECT

  public:
    enum class Kind { Versions, Version, Read, Predict, Evaluate, Importance, Row, Export };
    using TablePtr = std::shared_ptr<const LoadedTable>;

    explicit PredictionClient(const QString& registryPath, QObject* parent = nullptr);
    ~PredictionClient() override;

    const QString& registryPath() const { return registryPath_; }

    // Each returns the request's id; the answer is one of the signals below with that id.
    int listVersions();
    int loadVersion(qint64 version);
    int readFile(const QString& path, const QString& sqliteTable = {});
    // `source` names the table in messages (its file, or a display name).
    int predict(const LoadedVersionPtr& version, const TablePtr& table, const QString& source);
    int evaluate(const LoadedVersionPtr& version, const TablePtr& table, const QString& source,
                 std::optional<double> threshold = std::nullopt, bool store = true);
    int importance(const LoadedVersionPtr& version, const TablePtr& table, const QString& source,
                   ImportanceMethod method);
    int explainRow(const LoadedVersionPtr& version, const TablePtr& table, const QString& source,
                   qulonglong row);
    int exportCsv(const LoadedVersionPtr& version, const TablePtr& table,
                  const PredictionsPtr& predictions, const QString& path);

    // Cancels one request, or the newest of a kind; its answer is then `cancelled` (or the
    // result, when it finished first).
    void cancel(int id);
    void cancelKind(Kind kind);
    // Drops the newest request of a kind: its answer will not be forwarded.
    void forget(Kind kind);
    bool isRunning(int id) const { return running_.contains(id); }
    bool isBusy() const { return !running_.isEmpty(); }
    std::optional<Kind> kindOf(int id) const;
    // The kind of the oldest request still running: the one the worker is on.
    std::optional<Kind> oldestRunning() const;

  signals:
    void progress(int id, double fraction);
    void versionsListed(int id, glassbox::gui::VersionListPtr versions);
    void versionLoaded(int id, glassbox::gui::LoadedVersionPtr version);
    void tableRead(int id, std::shared_ptr<const glassbox::LoadedTable> table, const QString& path);
    void sqliteTableNeeded(int id, const QString& path, const QStringList& tables);
    void predicted(int id, glassbox::gui::PredictionsPtr predictions);
    void evaluated(int id, glassbox::gui::EvaluationPtr evaluation);
    void importanceReady(int id, glassbox::gui::ImportancePtr importance);
    void rowExplained(int id, glassbox::gui::RowExplanationPtr explanation);
    void exported(int id, const QString& path, qulonglong rows);
    void failed(int id, const QString& message);
    void cancelled(int id);
    // A request finished one way or another (after its answer signal): for busy indicators.
    void finished(int id);

  private:
    struct Running {
        Kind kind;
        std::shared_ptr<CancelToken> cancel;
    };

    int begin(Kind kind);
    // True when `id` is the newest request of its kind (then it is no longer running).
    bool accept(int id);
    template <typename Call>
    void post(Call&& call);

    QString registryPath_;
    QThread* thread_;
    PredictionWorker* worker_;  // lives on thread_, deleted after the thread has stopped
    int nextId_ = 0;
    QHash<int, Running> running_;
    QHash<int, int> newest_;     // Kind -> id
    QHash<int, QString> paths_;  // read requests: the path asked for
};

}  // namespace glassbox::gui
