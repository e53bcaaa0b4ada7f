#include "widgets/tree_drawing.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

#include "engine/flat_tree.h"

namespace glassbox::gui {
namespace {

QColor mix(const QColor& a, const QColor& b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

}  // namespace

void TreeDrawing::measure(const QFont& base) {
    font = base;
    boldFont = base;
    boldFont.setBold(true);
    smallFont = base;
    smallFont.setPointSizeF(base.pointSizeF() > 0 ? base.pointSizeF() * 0.88 : 8.0);
    const QFontMetricsF fm(font);
    lineHeight = std::ceil(fm.height() + 1);
    padding = std::ceil(lineHeight * 0.4);
    barHeight = std::ceil(lineHeight * 0.6);
    width = std::max(190.0, std::ceil(fm.averageCharWidth() * 31));
    height = 2 * padding + 4 * lineHeight + 4 + barHeight;
    toggleRadius = std::ceil(lineHeight * 0.42);
    stubHeight = lineHeight + 2;
}

QColor TreeDrawing::valueColor(double v) const {
    if (kind == TreeValueKind::Additive) {
        const double m = std::max(std::abs(valueLow), std::abs(valueHigh));
        const double t = m > 0 ? v / m : 0.0;
        const QColor neutral(0xf2, 0xf2, 0xf2);
        return t >= 0 ? mix(neutral, positiveColor, 0.25 + 0.75 * t)
                      : mix(neutral, negativeColor, 0.25 - 0.75 * t);
    }
    // A light-to-dark blue ramp for means (sequential: larger is darker).
    const double span = valueHigh - valueLow;
    const double t = span > 0 ? (v - valueLow) / span : 0.5;
    static const QColor stops[] = {QColor(0xde, 0xeb, 0xf7), QColor(0x9e, 0xca, 0xe1),
                                   QColor(0x42, 0x92, 0xc6), QColor(0x08, 0x45, 0x94)};
    const double s = std::clamp(t, 0.0, 1.0) * 3.0;
    const int i = std::min(2, int(s));
    return mix(stops[i], stops[i + 1], s - i);
}

int TreeDrawing::majorityClass(int node) const {
    if (kind != TreeValueKind::Classes || !tree) return -1;
    const auto v = tree->valueOf(std::size_t(node));
    return v.empty() ? -1 : int(std::max_element(v.begin(), v.end()) - v.begin());
}

double textScale(const QTransform& t) {
    const double sx = std::hypot(t.m11(), t.m12());
    const double sy = std::hypot(t.m21(), t.m22());
    return std::abs(sx - sy) <= 0.02 * std::max(sx, sy) ? std::min(sx, sy) : 0.0;
}

QString formatTreeNumber(double v) {
    if (std::isnan(v)) return QStringLiteral("NaN");
    if (v == std::floor(v) && std::abs(v) < 1e7) return QString::number(v, 'f', 0);
    const double a = std::abs(v);
    if (a >= 1e-3 && a < 1e5) {
        // Four significant digits, trailing zeros dropped.
        const int decimals = std::clamp(3 - int(std::floor(std::log10(a))), 0, 6);
        QString s = QString::number(v, 'f', decimals);
        if (s.contains(QLatin1Char('.'))) {
            while (s.endsWith(QLatin1Char('0'))) s.chop(1);
            if (s.endsWith(QLatin1Char('.'))) s.chop(1);
        }
        return s;
    }
    return QString::number(v, 'g', 4);
}

QColor treePathColor() {
    return QColor(0xe6, 0x00, 0x7e);
}

}  // namespace glassbox::gui
