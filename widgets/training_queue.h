#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <deque>
#include <memory>
#include <optional>

#include "engine/task.h"
#include "widgets/job_types.h"

class QThread;

namespace glassbox::gui {

class TrainingWorker;

// Training and tuning jobs, run one at a time in order on their own engine thread (so a long
// training never delays loading a table or a history query). Every finished training is saved
// as a version in the history at registryPath (unless the request says not to). Cancel takes
// effect within a second; a cancelled job leaves no result and no version.
class TrainingQueue : public QObject {
    Q_OBJECT

  public:
    // registryPath: the model history file (defaultRegistryPath() in the application).
    explicit TrainingQueue(QString registryPath, QObject* parent = nullptr);
    ~TrainingQueue() override;

    const QString& registryPath() const { return registryPath_; }

    // Queues a job on `table`; returns its id (> 0). It starts when the jobs before it end.
    int enqueue(std::shared_ptr<const Table> table, TrainingRequest request);
    int enqueueTuning(std::shared_ptr<const Table> table, TuningRequest request);
    // A queued job is dropped; the running one is cancelled. Unknown ids are ignored.
    void cancel(int job);
    void cancelAll();

    // Jobs queued or running.
    int pendingCount() const;
    std::optional<int> runningJob() const;
    // "decision_tree on species" for a job still pending, else empty.
    QString describe(int job) const;

  signals:
    void jobQueued(int job, const QString& description);
    void jobStarted(int job, const QString& description);
    // stage: the engine's words ("fold 2 of 5: tree 30 of 100"); secondsLeft < 0 while unknown.
    void jobProgress(int job, double fraction, const QString& stage, double secondsLeft);
    void trainingFinished(std::shared_ptr<const glassbox::gui::TrainingOutcome> outcome);
    void tuningFinished(std::shared_ptr<const glassbox::gui::TuningOutcome> outcome);
    void jobFailed(int job, const QString& message);
    void jobCancelled(int job);
    // pendingCount() changed.
    void queueChanged(int pending);

  private:
    struct Job {
        int id = 0;
        QString description;
        std::shared_ptr<const Table> table;
        std::optional<TrainingRequest> training;
        std::optional<TuningRequest> tuning;
    };

    int add(Job job);
    void startNext();
    void finishRunning(int job);

    QString registryPath_;
    QThread* thread_;
    TrainingWorker* worker_;  // lives on thread_
    std::deque<Job> queued_;
    std::optional<Job> running_;
    std::shared_ptr<CancelToken> runningCancel_;
    QElapsedTimer runningClock_;
    int nextId_ = 1;
};

}  // namespace glassbox::gui
