#include "widgets/history_types.h"

namespace glassbox::gui {

void registerHistoryMetaTypes() {
    qRegisterMetaType<std::shared_ptr<const VersionList>>();
    qRegisterMetaType<std::shared_ptr<const VersionDetails>>();
    qRegisterMetaType<std::shared_ptr<const VersionComparison>>();
    qRegisterMetaType<std::shared_ptr<const MetricSeries>>();
}

}  // namespace glassbox::gui
