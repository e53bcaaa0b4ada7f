#pragma once

#include <QObject>
#include <QString>
#include <cstddef>
#include <memory>
#include <string>

#include "engine/task.h"
#include "widgets/preparation_types.h"

namespace glassbox::gui {

// Runs the preparation panel's engine work on its own thread (it lives there;
// PreparationClient invokes its methods by queued calls). Every request answers with exactly one
// signal carrying its id: the result, failed (the engine's message) or cancelled.
class PreparationWorker : public QObject {
    Q_OBJECT

  public:
    using CancelHandle = std::shared_ptr<CancelToken>;

    explicit PreparationWorker(QObject* parent = nullptr);

    // Fits the pipeline on the whole table, keeping the table after every step.
    void preview(int id, const PreparationRequest& request, const CancelHandle& cancel);
    // One column before and after step `step` of a preview (steps.size(): the whole pipeline).
    void distribution(int id, const PreparationPreviewPtr& preview, std::size_t step,
                      const std::string& column, const CancelHandle& cancel);

  signals:
    // At most about 20 per second per request.
    void progress(int id, double fraction);
    void previewReady(int id, glassbox::gui::PreparationPreviewPtr preview);
    void distributionReady(int id, glassbox::gui::DistributionPtr distribution);
    // `step`: the step (index in the request's spec) that was running when it failed, -1 when
    // none was.
    void failed(int id, const QString& message, int step);
    void cancelled(int id);

  private:
    TaskContext taskFor(int id, const CancelHandle& cancel);
};

}  // namespace glassbox::gui
