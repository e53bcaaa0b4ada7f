#include "widgets/engine_types.h"

namespace glassbox::gui {

void registerEngineMetaTypes() {
    qRegisterMetaType<std::shared_ptr<const glassbox::LoadedTable>>();
    qRegisterMetaType<std::shared_ptr<const glassbox::Table>>();
    qRegisterMetaType<std::shared_ptr<const glassbox::ColumnStats>>();
}

}  // namespace glassbox::gui
