#include "widgets/tree_edge_item.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

#include "widgets/tree_drawing.h"

namespace glassbox::gui {
namespace {

constexpr double kLabelZoom = 0.38;
const QColor kEdge(0xa0, 0xa0, 0xa0);

}  // namespace

TreeEdgeItem::TreeEdgeItem(const TreeDrawing* drawing, int child, QString label)
    : d_(drawing), child_(child), label_(std::move(label)) {
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(0);
}

void TreeEdgeItem::setEnds(QPointF from, QPointF to) {
    if (from == from_ && to == to_) return;
    prepareGeometryChange();
    from_ = from;
    to_ = to;
}

void TreeEdgeItem::setOnPath(bool onPath) {
    if (onPath == onPath_) return;
    onPath_ = onPath;
    setZValue(onPath ? 0.5 : 0);
    update();
}

QRectF TreeEdgeItem::boundingRect() const {
    // Room for the label at the middle of the curve and for a thick path pen.
    const double margin = std::max(d_->lineHeight, 4.0);
    return QRectF(from_, to_)
        .normalized()
        .adjusted(-d_->width * 0.3, -margin, d_->width * 0.3, margin);
}

void TreeEdgeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const double lod = textScale(painter->worldTransform());
    QPen pen(onPath_ ? treePathColor() : kEdge, onPath_ ? 4.0 : 1.3);
    if (lod < kLabelZoom) {
        pen.setWidthF(onPath_ ? 2.5 : 1.0);
        if (!onPath_) pen.setColor(QColor(0xc8, 0xc8, 0xc8));
        pen.setCosmetic(true);
    }
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    const double dy = to_.y() - from_.y();
    QPainterPath path(from_);
    path.cubicTo(from_ + QPointF(0, dy * 0.5), to_ - QPointF(0, dy * 0.5), to_);
    painter->drawPath(path);
    if (lod < kLabelZoom || label_.isEmpty()) return;
    const QFontMetricsF fm(d_->smallFont);
    const QPointF mid = path.pointAtPercent(0.5);
    const double w = fm.horizontalAdvance(label_) + 8, h = fm.height() + 2;
    const QRectF box(mid.x() - w / 2, mid.y() - h / 2, w, h);
    painter->setPen(onPath_ ? QPen(treePathColor(), 1.5) : QPen(kEdge, 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(box, h / 2, h / 2);
    painter->setFont(d_->smallFont);
    painter->setPen(onPath_ ? treePathColor().darker(130) : QColor(0x50, 0x50, 0x50));
    painter->drawText(box, Qt::AlignCenter, label_);
}

}  // namespace glassbox::gui
