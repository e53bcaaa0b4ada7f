#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "engine/task.h"
#include "widgets/explanation_types.h"

namespace glassbox::gui {

// Computes the Explain tab's results on its own thread (it lives there; ExplanationClient
// invokes its methods by queued calls). Every request answers with exactly one signal carrying
// its id: the result, failed (the engine's message) or cancelled. The table's features encoded
// for the model are kept for the next request on the same subject (SHAP, partial dependence and
// tree paths all read them; encoding a million rows per clicked node would be wasteful).
class ExplanationWorker : public QObject {
    Q_OBJECT

  public:
    using CancelHandle = std::shared_ptr<CancelToken>;

    explicit ExplanationWorker(QObject* parent = nullptr);

    void curves(int id, const ExplanationSubject& subject, const CurvesRequest& request,
                const CancelHandle& cancel);
    void importance(int id, const ExplanationSubject& subject, const ImportanceRequest& request,
                    const CancelHandle& cancel);
    void shap(int id, const ExplanationSubject& subject, const ShapRequest& request,
              const CancelHandle& cancel);
    void partialDependence(int id, const ExplanationSubject& subject,
                           const DependenceRequest& request, const CancelHandle& cancel);
    void decisionPath(int id, const ExplanationSubject& subject, std::size_t tree,
                      std::size_t tableRow, const CancelHandle& cancel);
    void rowsAtNode(int id, const ExplanationSubject& subject, std::size_t tree, std::size_t node,
                    const CancelHandle& cancel);

  signals:
    // At most about 20 per second per request, from whichever thread the engine reports on.
    void progress(int id, double fraction);
    void curvesReady(int id, glassbox::gui::CurvesExplanationPtr curves);
    void importanceReady(int id, glassbox::gui::ImportanceExplanationPtr importance);
    void shapReady(int id, glassbox::gui::ShapExplanationPtr shap);
    void dependenceReady(int id, glassbox::gui::DependenceExplanationPtr dependence);
    void pathReady(int id, glassbox::gui::DecisionPathPtr path);
    void nodeRowsReady(int id, glassbox::gui::NodeRowsPtr rows);
    void failed(int id, const QString& message);
    void cancelled(int id);

  private:
    TaskContext taskFor(int id, const CancelHandle& cancel);
    // Runs work; an engine error becomes failed(id, its message), Cancelled cancelled(id).
    template <typename Work>
    void guarded(int id, Work&& work);
    std::shared_ptr<const FeatureMatrix> encoded(const ExplanationSubject& subject);

    struct EncodedCache {
        std::weak_ptr<const TrainedModel> model;
        std::weak_ptr<const Table> table;
        std::shared_ptr<const FeatureMatrix> features;
    } cache_;
};

}  // namespace glassbox::gui
