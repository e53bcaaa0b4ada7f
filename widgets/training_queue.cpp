#include "widgets/training_queue.h"

#include <QThread>
#include <algorithm>

#include "widgets/engine_types.h"
#include "widgets/training_worker.h"

namespace glassbox::gui {
namespace {

// Time left, once enough of the job is done for the estimate to mean something.
double secondsLeft(double fraction, double elapsed) {
    if (fraction < 0.02 || elapsed < 1.0) return -1;
    return elapsed * (1.0 - fraction) / fraction;
}

}  // namespace

TrainingQueue::TrainingQueue(QString registryPath, QObject* parent)
    : QObject(parent),
      registryPath_(std::move(registryPath)),
      thread_(new QThread(this)),
      worker_(new TrainingWorker(registryPath_)) {
    registerEngineMetaTypes();
    thread_->setObjectName(QStringLiteral("Glassbox training"));
    worker_->moveToThread(thread_);

    connect(worker_, &TrainingWorker::progress, this,
            [this](int job, double fraction, const QString& stage) {
                if (!running_ || running_->id != job) return;
                const double elapsed = runningClock_.elapsed() / 1000.0;
                emit jobProgress(job, fraction, stage, secondsLeft(fraction, elapsed));
            });
    connect(worker_, &TrainingWorker::trainingFinished, this,
            [this](std::shared_ptr<const TrainingOutcome> outcome) {
                const int job = outcome->job;
                finishRunning(job);
                emit trainingFinished(std::move(outcome));
                startNext();
            });
    connect(worker_, &TrainingWorker::tuningFinished, this,
            [this](std::shared_ptr<const TuningOutcome> outcome) {
                const int job = outcome->job;
                finishRunning(job);
                emit tuningFinished(std::move(outcome));
                startNext();
            });
    connect(worker_, &TrainingWorker::failed, this, [this](int job, const QString& message) {
        finishRunning(job);
        emit jobFailed(job, message);
        startNext();
    });
    connect(worker_, &TrainingWorker::cancelled, this, [this](int job) {
        finishRunning(job);
        emit jobCancelled(job);
        startNext();
    });
    thread_->start();
}

TrainingQueue::~TrainingQueue() {
    queued_.clear();
    if (runningCancel_) runningCancel_->cancel();
    thread_->quit();
    thread_->wait();
    delete worker_;
}

int TrainingQueue::enqueue(std::shared_ptr<const Table> table, TrainingRequest request) {
    Job job;
    job.description =
        tr("%1 on %2")
            .arg(QString::fromStdString(request.learner), QString::fromStdString(request.target));
    job.table = std::move(table);
    job.training = std::move(request);
    return add(std::move(job));
}

int TrainingQueue::enqueueTuning(std::shared_ptr<const Table> table, TuningRequest request) {
    Job job;
    job.description =
        tr("tuning %1 on %2")
            .arg(QString::fromStdString(request.learner), QString::fromStdString(request.target));
    job.table = std::move(table);
    job.tuning = std::move(request);
    return add(std::move(job));
}

int TrainingQueue::add(Job job) {
    job.id = nextId_++;
    const int id = job.id;
    const QString description = job.description;
    queued_.push_back(std::move(job));
    emit jobQueued(id, description);
    emit queueChanged(pendingCount());
    if (!running_) startNext();
    return id;
}

void TrainingQueue::startNext() {
    if (running_ || queued_.empty()) return;
    running_ = std::move(queued_.front());
    queued_.pop_front();
    runningCancel_ = std::make_shared<CancelToken>();
    runningClock_.start();
    const Job& job = *running_;
    emit jobStarted(job.id, job.description);
    if (job.training)
        QMetaObject::invokeMethod(
            worker_,
            [worker = worker_, id = job.id, table = job.table, request = *job.training,
             cancel = runningCancel_] { worker->train(id, table, request, cancel); },
            Qt::QueuedConnection);
    else
        QMetaObject::invokeMethod(
            worker_,
            [worker = worker_, id = job.id, table = job.table, request = *job.tuning,
             cancel = runningCancel_] { worker->tune(id, table, request, cancel); },
            Qt::QueuedConnection);
}

void TrainingQueue::finishRunning(int job) {
    if (running_ && running_->id == job) {
        running_.reset();
        runningCancel_.reset();
    }
    emit queueChanged(pendingCount());
}

void TrainingQueue::cancel(int job) {
    if (running_ && running_->id == job) {
        runningCancel_->cancel();
        return;
    }
    const auto it =
        std::find_if(queued_.begin(), queued_.end(), [job](const Job& j) { return j.id == job; });
    if (it == queued_.end()) return;
    queued_.erase(it);
    emit jobCancelled(job);
    emit queueChanged(pendingCount());
}

void TrainingQueue::cancelAll() {
    std::vector<int> dropped;
    for (const Job& j : queued_) dropped.push_back(j.id);
    queued_.clear();
    for (int id : dropped) emit jobCancelled(id);
    if (running_) runningCancel_->cancel();
    emit queueChanged(pendingCount());
}

int TrainingQueue::pendingCount() const {
    return static_cast<int>(queued_.size()) + (running_ ? 1 : 0);
}

std::optional<int> TrainingQueue::runningJob() const {
    if (running_) return running_->id;
    return std::nullopt;
}

QString TrainingQueue::describe(int job) const {
    if (running_ && running_->id == job) return running_->description;
    for (const Job& j : queued_)
        if (j.id == job) return j.description;
    return {};
}

}  // namespace glassbox::gui
