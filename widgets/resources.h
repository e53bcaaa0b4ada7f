#pragma once

#include <QIcon>
#include <QString>

namespace glassbox::gui {

// Registers the embedded icons and samples (resources/glassbox.qrc). The library is static,
// so its resources are registered by this call rather than by a static initializer that the
// linker could drop. Safe to call more than once.
void initResources();

// The icon :/icons/NAME.svg ("glassbox", "open", "type-numeric", ...).
QIcon icon(const QString& name);

// "0.1.0": the project version.
QString applicationVersion();

}  // namespace glassbox::gui
