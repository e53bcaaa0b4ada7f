#include "widgets/resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initGlassboxQrc() {
    Q_INIT_RESOURCE(glassbox);
}

namespace glassbox::gui {

void initResources() {
    static const bool registered = (initGlassboxQrc(), true);
    Q_UNUSED(registered);
}

QIcon icon(const QString& name) {
    initResources();
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

QString applicationVersion() {
    return QStringLiteral(GLASSBOX_VERSION);
}

}  // namespace glassbox::gui
