#include "widgets/class_colors.h"

#include <array>

namespace glassbox::gui {

// Minimal stand-in (the tree explorer owns the real palette): Tableau 10, then evenly spaced hues.
QColor classColor(int classIndex, int classCount) {
    static const std::array<QColor, 10> kPalette{
        QColor(31, 119, 180),  QColor(255, 127, 14), QColor(44, 160, 44),   QColor(214, 39, 40),
        QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194), QColor(127, 127, 127),
        QColor(188, 189, 34),  QColor(23, 190, 207)};
    if (classIndex < 0) return QColor(Qt::gray);
    if (classCount <= static_cast<int>(kPalette.size()))
        return kPalette[static_cast<std::size_t>(classIndex) % kPalette.size()];
    return QColor::fromHsv((classIndex * 360 / classCount) % 360, 160, 200);
}

}  // namespace glassbox::gui
