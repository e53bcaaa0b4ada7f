#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "engine/model_registry.h"
#include "engine/task.h"
#include "widgets/job_types.h"

namespace glassbox::gui {

// Runs training and tuning jobs on the training thread (it lives there; TrainingQueue invokes
// it by queued calls). Saves finished trainings in the model history through its own
// connection, opened on first use. Every job answers with exactly one of trainingFinished,
// tuningFinished, failed or cancelled; engine exceptions never leave this class.
class TrainingWorker : public QObject {
    Q_OBJECT

  public:
    using CancelHandle = std::shared_ptr<CancelToken>;

    explicit TrainingWorker(QString registryPath, QObject* parent = nullptr);
    ~TrainingWorker() override;

    void train(int job, const std::shared_ptr<const Table>& table, const TrainingRequest& request,
               const CancelHandle& cancel);
    void tune(int job, const std::shared_ptr<const Table>& table, const TuningRequest& request,
              const CancelHandle& cancel);

  signals:
    // At most about 20 per second.
    void progress(int job, double fraction, const QString& stage);
    void trainingFinished(std::shared_ptr<const glassbox::gui::TrainingOutcome> outcome);
    void tuningFinished(std::shared_ptr<const glassbox::gui::TuningOutcome> outcome);
    void failed(int job, const QString& message);
    void cancelled(int job);

  private:
    TaskContext taskFor(int job, const CancelHandle& cancel);
    // Saves the run as a version; returns its id. Throws the registry's errors.
    std::int64_t save(const TrainingOutcome& outcome, const Table& table, const TaskContext& task);
    ModelRegistry& registry();

    QString registryPath_;
    std::optional<ModelRegistry> registry_;
};

}  // namespace glassbox::gui
