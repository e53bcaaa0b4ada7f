#include "widgets/explanation_types.h"

#include <utility>

#include "widgets/engine_types.h"

namespace glassbox::gui {

ExplanationSubject ExplanationSubject::ofRun(const std::shared_ptr<const TrainingOutcome>& outcome,
                                             std::shared_ptr<const Table> table,
                                             const QString& source) {
    ExplanationSubject subject;
    if (outcome)
        subject.model = std::shared_ptr<const TrainedModel>(outcome, &outcome->run.trained);
    subject.table = std::move(table);
    subject.source = source;
    subject.outcome = outcome;
    return subject;
}

ExplanationSubject ExplanationSubject::ofModel(std::shared_ptr<const TrainedModel> model,
                                               std::shared_ptr<const Table> table,
                                               const QString& source) {
    ExplanationSubject subject;
    subject.model = std::move(model);
    subject.table = std::move(table);
    subject.source = source;
    return subject;
}

std::shared_ptr<const Table> tableOf(const std::shared_ptr<const LoadedTable>& loaded) {
    if (!loaded) return {};
    return std::shared_ptr<const Table>(loaded, &loaded->table);
}

void registerExplanationMetaTypes() {
    registerEngineMetaTypes();
    qRegisterMetaType<ExplanationKind>();
    qRegisterMetaType<CurvesExplanationPtr>();
    qRegisterMetaType<ImportanceExplanationPtr>();
    qRegisterMetaType<ShapExplanationPtr>();
    qRegisterMetaType<DependenceExplanationPtr>();
    qRegisterMetaType<DecisionPathPtr>();
    qRegisterMetaType<NodeRowsPtr>();
}

}  // namespace glassbox::gui
