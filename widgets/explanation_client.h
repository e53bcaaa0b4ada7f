#pragma once

#include <QHash>
#include <QObject>
#include <QPair>
#include <QString>
#include <cstddef>
#include <memory>
#include <optional>

#include "engine/task.h"
#include "widgets/explanation_types.h"

class QThread;

namespace glassbox::gui {

class ExplanationWorker;

// The GUI side of the explanation engine thread: owns the thread and its ExplanationWorker,
// gives every request an id, and forwards only the answer to the newest request of each kind:
// a request supersedes (and cancels) the one of the same kind still running, whose answer is
// then dropped. Requests on different channels do not supersede each other (e.g. the ROC curves
// of several runs overlaid: one channel per run). Nothing here blocks on the engine thread
// except the destructor, which cancels all work first.
class ExplanationClient : public QObject {
    Q_OBJECT

  public:
    using Kind = ExplanationKind;

    explicit ExplanationClient(QObject* parent = nullptr);
    ~ExplanationClient() override;

    // Each returns the request's id; the answer is one of the signals below with that id.
    // ROC / precision-recall / calibration (classification only).
    int curves(const ExplanationSubject& subject, const CurvesRequest& request = {},
               int channel = 0);
    int importance(const ExplanationSubject& subject, const ImportanceRequest& request = {},
                   int channel = 0);
    int shap(const ExplanationSubject& subject, const ShapRequest& request = {}, int channel = 0);
    int partialDependence(const ExplanationSubject& subject, const DependenceRequest& request,
                          int channel = 0);
    // Tree models: one table row's way through tree `tree` (0-based, in Model::trees() order).
    int decisionPath(const ExplanationSubject& subject, std::size_t tree, std::size_t tableRow,
                     int channel = 0);
    // Tree models: the table rows whose way through tree `tree` passes `node`.
    int rowsAtNode(const ExplanationSubject& subject, std::size_t tree, std::size_t node,
                   int channel = 0);

    // Cancels one request, or the newest of a kind (on a channel); its answer is then
    // `cancelled` (or the result, when it finished first).
    void cancel(int id);
    void cancelKind(Kind kind, int channel = 0);
    // Drops the newest request of a kind (on a channel): its answer will not be forwarded.
    void forget(Kind kind, int channel = 0);
    bool isRunning(int id) const { return running_.contains(id); }
    bool isBusy() const { return !running_.isEmpty(); }
    std::optional<Kind> kindOf(int id) const;

  signals:
    void progress(int id, double fraction);
    void curvesReady(int id, glassbox::gui::CurvesExplanationPtr curves);
    void importanceReady(int id, glassbox::gui::ImportanceExplanationPtr importance);
    void shapReady(int id, glassbox::gui::ShapExplanationPtr shap);
    void dependenceReady(int id, glassbox::gui::DependenceExplanationPtr dependence);
    void pathReady(int id, glassbox::gui::DecisionPathPtr path);
    void nodeRowsReady(int id, glassbox::gui::NodeRowsPtr rows);
    // The engine's message (user-facing), for a QMessageBox.
    void failed(int id, glassbox::gui::ExplanationKind kind, const QString& message);
    void cancelled(int id);
    // A request finished one way or another (after its answer signal): for busy indicators.
    void finished(int id);

  private:
    struct Running {
        Kind kind;
        int channel;
        std::shared_ptr<CancelToken> cancel;
    };
    using Slot = QPair<int, int>;  // kind, channel

    int begin(Kind kind, int channel);
    static Slot slotOf(const Running& running);
    // True when `id` is the newest request of its kind (then it is no longer running).
    bool accept(int id);
    template <typename Call>
    void post(Call&& call);

    QThread* thread_;
    ExplanationWorker* worker_;  // lives on thread_, deleted after the thread has stopped
    int nextId_ = 0;
    QHash<int, Running> running_;
    QHash<Slot, int> newest_;  // the newest request of each kind and channel
};

}  // namespace glassbox::gui
