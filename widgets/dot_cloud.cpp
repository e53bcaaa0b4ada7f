#include "widgets/dot_cloud.h"

#include <QImage>
#include <QPaintEngine>
#include <cmath>

namespace glassbox::gui {

DotCloud::DotCloud(QCPAxis* keyAxis, QCPAxis* valueAxis)
    : QCPLayerable(keyAxis->parentPlot(), QString(), keyAxis->axisRect()),
      keyAxis_(keyAxis),
      valueAxis_(valueAxis) {}

void DotCloud::setDots(std::vector<Dot> dots) {
    dots_ = std::move(dots);
}

std::ptrdiff_t DotCloud::dotNear(const QPointF& pixel, double reach) const {
    std::ptrdiff_t best = -1;
    double bestDistance = reach * reach;
    for (std::size_t i = 0; i < dots_.size(); ++i) {
        const double dx = keyAxis_->coordToPixel(dots_[i].x) - pixel.x();
        const double dy = valueAxis_->coordToPixel(dots_[i].y) - pixel.y();
        const double distance = dx * dx + dy * dy;
        // Later dots are drawn on top: on a tie the visible one wins.
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = static_cast<std::ptrdiff_t>(i);
        }
    }
    return best;
}

QRect DotCloud::clipRect() const {
    return keyAxis_->axisRect()->rect();
}

void DotCloud::applyDefaultAntialiasingHint(QCPPainter* painter) const {
    applyAntialiasingHint(painter, true, QCP::aeScatters);
}

void DotCloud::drawCircles(QCPPainter* painter) const {
    painter->setPen(Qt::NoPen);
    QRgb current = 0;
    bool first = true;
    for (const Dot& dot : dots_) {
        if (first || dot.color != current) {
            painter->setBrush(QColor::fromRgb(dot.color));
            current = dot.color;
            first = false;
        }
        painter->drawEllipse(
            QPointF(keyAxis_->coordToPixel(dot.x), valueAxis_->coordToPixel(dot.y)), radius_,
            radius_);
    }
}

QImage DotCloud::stamp(const QRect& area, double ratio) const {
    QImage image(area.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const double r = radius_ * ratio;
    const int reach = static_cast<int>(std::ceil(r));
    const int width = image.width();
    const int height = image.height();
    const qsizetype stride = image.bytesPerLine() / 4;
    auto* pixels = reinterpret_cast<QRgb*>(image.bits());
    for (const Dot& dot : dots_) {
        const double px = (keyAxis_->coordToPixel(dot.x) - area.left()) * ratio;
        const double py = (valueAxis_->coordToPixel(dot.y) - area.top()) * ratio;
        if (!(px > -reach - 1 && px < width + reach + 1 && py > -reach - 1 &&
              py < height + reach + 1))
            continue;
        const QRgb color = dot.color | 0xff000000u;
        // Pixels whose centres lie within the radius of the dot's exact position.
        const int x0 = std::max(0, static_cast<int>(std::floor(px - r)));
        const int x1 = std::min(width - 1, static_cast<int>(std::ceil(px + r)));
        const int y0 = std::max(0, static_cast<int>(std::floor(py - r)));
        const int y1 = std::min(height - 1, static_cast<int>(std::ceil(py + r)));
        for (int y = y0; y <= y1; ++y) {
            const double dy = y + 0.5 - py;
            QRgb* line = pixels + y * stride;
            for (int x = x0; x <= x1; ++x) {
                const double dx = x + 0.5 - px;
                if (dx * dx + dy * dy <= r * r) line[x] = color;
            }
        }
    }
    return image;
}

void DotCloud::draw(QCPPainter* painter) {
    if (dots_.empty()) return;
    const QRect area = clipRect();
    if (area.isEmpty()) return;
    const bool raster = painter->paintEngine() &&
                        painter->paintEngine()->type() == QPaintEngine::Raster &&
                        painter->transform().type() <= QTransform::TxTranslate &&
                        !painter->modes().testFlag(QCPPainter::pmVectorized);
    if (raster) {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QImage image = stamp(area, ratio);
        image.setDevicePixelRatio(ratio);
        painter->drawImage(area.topLeft(), image);
    } else if (dots_.size() <= kMostVectorDots) {
        drawCircles(painter);
    } else {
        // Too many circles for a usable SVG / PDF: the dots become one sharp embedded image
        // (as SHAP's own plots rasterize large scatters); axes and text stay vectors.
        painter->drawImage(QRectF(area), stamp(area, kVectorImageScale));
    }
}

}  // namespace glassbox::gui
