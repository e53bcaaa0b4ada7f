#pragma once

#include <QColor>

namespace glassbox::gui {

// The one palette every view colours classes with, so class k looks the same in the tree
// explorer, the ROC curves and the SHAP plots. The first 20 colours are fixed (readable on white,
// distinct from their neighbours; class k keeps its colour whatever the class count); beyond
// that the hues cycle by the golden angle.
QColor classColor(int classIndex, int classCount);

// Black or white, whichever reads better on `background`.
QColor textColorOn(const QColor& background);

}  // namespace glassbox::gui
