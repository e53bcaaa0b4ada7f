#include "widgets/engine_types.h"

#include "widgets/job_types.h"

namespace glassbox::gui {

void registerEngineMetaTypes() {
    qRegisterMetaType<std::shared_ptr<const glassbox::LoadedTable>>();
    qRegisterMetaType<std::shared_ptr<const glassbox::Table>>();
    qRegisterMetaType<std::shared_ptr<const glassbox::ColumnStats>>();
    qRegisterMetaType<std::shared_ptr<const glassbox::gui::TrainingOutcome>>();
    qRegisterMetaType<std::shared_ptr<const glassbox::gui::TuningOutcome>>();
}

}  // namespace glassbox::gui
