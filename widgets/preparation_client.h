#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "engine/task.h"
#include "widgets/preparation_types.h"

class QThread;

namespace glassbox::gui {

class PreparationWorker;

// The GUI side of the preparation panel's engine thread: owns the thread and its
// PreparationWorker, gives every request an id and forwards only the answer to the newest
// request of each kind: a request supersedes (and cancels) the one of the same kind still
// running, whose answer is then dropped. Nothing blocks on the engine thread except the
// destructor, which cancels all work first.
class PreparationClient : public QObject {
    Q_OBJECT

  public:
    enum class Kind { Preview, Distribution };
    Q_ENUM(Kind)

    explicit PreparationClient(QObject* parent = nullptr);
    ~PreparationClient() override;

    // Each returns the request's id; the answer is one of the signals below with that id.
    int preview(const PreparationRequest& request);
    int distribution(const PreparationPreviewPtr& preview, std::size_t step,
                     const std::string& column);

    // Drops the newest request of a kind (cancelling it): its answer will not be forwarded.
    void forget(Kind kind);
    bool isRunning(int id) const { return running_.contains(id); }
    bool isBusy() const { return !running_.isEmpty(); }

  signals:
    void progress(int id, double fraction);
    void previewReady(int id, glassbox::gui::PreparationPreviewPtr preview);
    void distributionReady(int id, glassbox::gui::DistributionPtr distribution);
    // The engine's message; `step` as PreparationWorker::failed gives it.
    void failed(int id, glassbox::gui::PreparationClient::Kind kind, const QString& message,
                int step);
    void cancelled(int id);
    // A request finished one way or another (after its answer signal).
    void finished(int id);

  private:
    struct Running {
        Kind kind;
        std::shared_ptr<CancelToken> cancel;
    };

    int begin(Kind kind);
    // True when `id` is the newest request of its kind (then it is no longer running).
    bool accept(int id);

    QThread* thread_;
    PreparationWorker* worker_;  // lives on thread_, deleted after the thread has stopped
    int nextId_ = 0;
    QHash<int, Running> running_;
    QHash<int, int> newest_;  // kind -> its newest request
};

}  // namespace glassbox::gui
