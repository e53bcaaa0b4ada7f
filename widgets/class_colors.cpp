#include "widgets/class_colors.h"

#include <array>
#include <cmath>

namespace glassbox::gui {
namespace {

// Tableau 10, then a darker / lighter companion of each: readable on white and distinct when
// neighbours in the list share a plot.
constexpr std::array<QRgb, 20> kPalette = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0xb07aa1,
                                           0x76b7b2, 0xedc948, 0xff9da7, 0x9c755f, 0xbab0ac,
                                           0x2f4b7c, 0xb66a1a, 0x8cd17d, 0x9d2c2e, 0x6b4c8a,
                                           0x3d8a86, 0xa88e1f, 0xd4627a, 0x5e4537, 0x6f6f6f};

}  // namespace

QColor classColor(int classIndex, int classCount) {
    (void)classCount;  // colours do not depend on the count, so class k is stable everywhere
    if (classIndex < 0) return QColor(0x80, 0x80, 0x80);
    if (classIndex < int(kPalette.size())) return QColor::fromRgb(kPalette[classIndex]);
    // Golden-angle hue steps keep consecutive classes apart; lightness alternates in 3 bands.
    const int k = classIndex - int(kPalette.size());
    const double hue = std::fmod(0.07 + k * 0.6180339887, 1.0);
    const double lightness = 0.40 + 0.12 * (k % 3);
    return QColor::fromHslF(float(hue), 0.60f, float(lightness));
}

QColor textColorOn(const QColor& background) {
    const double luminance =
        0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

}  // namespace glassbox::gui
