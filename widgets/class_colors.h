#pragma once

#include <QColor>

namespace glassbox::gui {

// The colour of class `classIndex` of `classCount`, the same in every view.
QColor classColor(int classIndex, int classCount);

}  // namespace glassbox::gui
