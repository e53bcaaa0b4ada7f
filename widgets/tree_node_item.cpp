#include "widgets/tree_node_item.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>

#include "engine/flat_tree.h"
#include "widgets/tree_drawing.h"

namespace glassbox::gui {
namespace {

// Below this zoom text is unreadable: nodes are drawn as boxes; below kTinyZoom as solid
// colour (the class mix or value), which is what an overview of a big tree needs.
constexpr double kTextZoom = 0.38;
constexpr double kTinyZoom = 0.12;

const QColor kBorder(0xb4, 0xb4, 0xb4);
const QColor kText(0x22, 0x22, 0x22);
const QColor kMuted(0x70, 0x70, 0x70);
const QColor kCurrent(0x1f, 0x5f, 0xbf);

QString percent(double fraction) {
    return QString::number(100.0 * fraction, 'f', fraction > 0.0 && fraction < 0.01 ? 1 : 0);
}

QString signedNumber(double v) {
    return v > 0 ? QStringLiteral("+") + formatTreeNumber(v) : formatTreeNumber(v);
}

QString impurityNumber(double v) {
    return std::abs(v) >= 10 ? formatTreeNumber(v) : QString::number(v, 'f', 3);
}

// "{a, b, …}" as long as it fits `budget`.
QString fittingSet(const QStringList& items, double budget, const QFontMetricsF& fm) {
    const QString full =
        QStringLiteral("{") + items.join(QStringLiteral(", ")) + QStringLiteral("}");
    if (fm.horizontalAdvance(full) <= budget) return full;
    // At least the first item, elided if need be.
    const QString more = items.size() > 1 ? QStringLiteral(", …}") : QStringLiteral("}");
    QString best = QStringLiteral("{") +
                   fm.elidedText(items.value(0), Qt::ElideRight,
                                 budget - fm.horizontalAdvance(QStringLiteral("{") + more)) +
                   more;
    QString prefix;
    for (const QString& item : items) {
        prefix += item + QStringLiteral(", ");
        const QString candidate = QStringLiteral("{") + prefix + QStringLiteral("…}");
        if (fm.horizontalAdvance(candidate) > budget) break;
        best = candidate;
    }
    return best;
}

}  // namespace

TreeNodeItem::TreeNodeItem(const TreeDrawing* drawing, int node) : d_(drawing), node_(node) {
    setAcceptedMouseButtons(Qt::NoButton);
    setCacheMode(DeviceCoordinateCache);
}

bool TreeNodeItem::isLeaf() const {
    return d_->tree->isLeaf(std::size_t(node_));
}

void TreeNodeItem::setFolded(bool folded, int hiddenBelow) {
    if (folded == folded_ && hiddenBelow == hiddenBelow_) return;
    folded_ = folded;
    hiddenBelow_ = hiddenBelow;
    update();
}

void TreeNodeItem::setOnPath(bool onPath, bool continuesHidden) {
    if (onPath == onPath_ && continuesHidden == pathHidden_) return;
    onPath_ = onPath;
    pathHidden_ = continuesHidden;
    setZValue(onPath ? 2 : 1);
    update();
}

void TreeNodeItem::setCurrent(bool current) {
    if (current == current_) return;
    current_ = current;
    update();
}

QRectF TreeNodeItem::boxRect() const {
    return QRectF(-d_->width / 2, 0, d_->width, d_->height);
}

QRectF TreeNodeItem::stubRect() const {
    const double w = d_->width * 0.5;
    return QRectF(-w / 2, d_->height + d_->toggleRadius + 4, w, d_->stubHeight);
}

QPointF TreeNodeItem::childAnchor() const {
    return QPointF(0, d_->height + d_->toggleRadius);
}

QRectF TreeNodeItem::boundingRect() const {
    return QRectF(-d_->width / 2 - 7, -7, d_->width + 14,
                  d_->height + d_->toggleRadius + 4 + d_->stubHeight + 10);
}

bool TreeNodeItem::hitsToggle(QPointF p) const {
    if (isLeaf()) return false;
    const QPointF c(0, d_->height);
    const double r = d_->toggleRadius + 3;
    if (QPointF::dotProduct(p - c, p - c) <= r * r) return true;
    return folded_ && stubRect().contains(p);
}

bool TreeNodeItem::hitsBox(QPointF p) const {
    return boxRect().contains(p);
}

QString TreeNodeItem::splitText() const {
    const FlatTree& t = *d_->tree;
    const std::size_t n = std::size_t(node_);
    if (t.isLeaf(n)) return {};
    const int f = t.feature[n];
    const QString name = d_->features.value(f);
    if (t.categoryWords[n] == 0)
        return name + QStringLiteral(" ≤ ") + formatTreeNumber(t.threshold[n]);
    QStringList left;
    const QStringList levels = f < int(d_->levels.size()) ? d_->levels[f] : QStringList();
    for (int c = 0; c < levels.size(); ++c)
        if (t.categoryGoesLeft(n, c)) left << levels[c];
    return name + QStringLiteral(" ∈ {") + left.join(QStringLiteral(", ")) + QStringLiteral("}");
}

QString TreeNodeItem::elidedSplit(double available) const {
    const FlatTree& t = *d_->tree;
    const std::size_t n = std::size_t(node_);
    const QFontMetricsF fm(d_->boldFont);
    const int f = t.feature[n];
    const QString name = d_->features.value(f);
    if (t.categoryWords[n] == 0) {
        const QString rhs = QStringLiteral(" ≤ ") + formatTreeNumber(t.threshold[n]);
        const double nameRoom = std::max(available - fm.horizontalAdvance(rhs), available * 0.3);
        return fm.elidedText(fm.elidedText(name, Qt::ElideRight, nameRoom) + rhs, Qt::ElideRight,
                             available);
    }
    QStringList left;
    const QStringList levels = f < int(d_->levels.size()) ? d_->levels[f] : QStringList();
    for (int c = 0; c < levels.size(); ++c)
        if (t.categoryGoesLeft(n, c)) left << levels[c];
    const QString op = QStringLiteral(" ∈ ");
    // The name gets at most 45 % of the line unless the set is short.
    const QString fullSet =
        QStringLiteral("{") + left.join(QStringLiteral(", ")) + QStringLiteral("}");
    const double nameRoom =
        std::max(available * 0.45, available - fm.horizontalAdvance(op + fullSet));
    const QString shownName = fm.elidedText(name, Qt::ElideRight, nameRoom);
    const double setRoom = available - fm.horizontalAdvance(shownName + op);
    return shownName + op + fittingSet(left, setRoom, fm);
}

void TreeNodeItem::ensureTexts() {
    if (textsReady_) return;
    textsReady_ = true;
    const FlatTree& t = *d_->tree;
    const std::size_t n = std::size_t(node_);
    const double available = d_->width - 2 * d_->padding;
    const auto value = t.valueOf(n);
    const QString samples = formatTreeNumber(t.samples[n]);
    texts_.stats = d_->impurityName.isEmpty()
                       ? tr("samples %1").arg(samples)
                       : tr("samples %1 · %2 %3")
                             .arg(samples, d_->impurityName, impurityNumber(t.impurity[n]));
    const bool spread = d_->impurityIsVariance && t.impurity[n] > 0;
    const QString spreadText = formatTreeNumber(std::sqrt(std::max(0.0, t.impurity[n])));
    if (!t.isLeaf(n)) {
        texts_.title = elidedSplit(available);
        texts_.missing = t.missingGoesLeft[n] ? tr("missing → left") : tr("missing → right");
        switch (d_->kind) {
            case TreeValueKind::Classes: {
                const int c = d_->majorityClass(node_);
                texts_.valueClass = c;
                texts_.value = tr("%1: %2%").arg(d_->classes.value(c), percent(value[c]));
                break;
            }
            case TreeValueKind::Mean:
                texts_.value = spread
                                   ? tr("mean %1 ± %2").arg(formatTreeNumber(value[0]), spreadText)
                                   : tr("mean %1").arg(formatTreeNumber(value[0]));
                break;
            case TreeValueKind::Additive:
                texts_.value = tr("%1 %2").arg(d_->additiveName, signedNumber(value[0]));
                break;
        }
    } else {
        switch (d_->kind) {
            case TreeValueKind::Classes: {
                const int c = d_->majorityClass(node_);
                texts_.titleClass = c;
                texts_.title = d_->classes.value(c);
                texts_.value = tr("probability %1").arg(QString::number(value[c], 'f', 2));
                break;
            }
            case TreeValueKind::Mean:
                texts_.title = tr("value %1").arg(formatTreeNumber(value[0]));
                if (spread) texts_.value = tr("spread ± %1").arg(spreadText);
                break;
            case TreeValueKind::Additive:
                texts_.title = tr("%1 %2").arg(d_->additiveName, signedNumber(value[0]));
                break;
        }
    }
    const QFontMetricsF bold(d_->boldFont), normal(d_->font), small(d_->smallFont);
    const double swatch = d_->lineHeight * 0.75;
    texts_.title = bold.elidedText(texts_.title, Qt::ElideRight,
                                   available - (texts_.titleClass >= 0 ? swatch : 0));
    texts_.missing = small.elidedText(texts_.missing, Qt::ElideRight, available);
    texts_.stats = normal.elidedText(texts_.stats, Qt::ElideRight, available);
    texts_.value = normal.elidedText(texts_.value, Qt::ElideRight,
                                     available - (texts_.valueClass >= 0 ? swatch : 0));
}

QString TreeNodeItem::toolTipText() const {
    const FlatTree& t = *d_->tree;
    const std::size_t n = std::size_t(node_);
    QStringList lines;
    auto add = [&](const QString& line) { lines << line.toHtmlEscaped(); };
    lines << tr("<b>Node %1</b>").arg(node_);
    if (!t.isLeaf(n)) {
        add(splitText());
        add(t.missingGoesLeft[n] ? tr("Missing values go left") : tr("Missing values go right"));
    } else {
        add(tr("Leaf"));
    }
    add(tr("Samples: %1").arg(formatTreeNumber(t.samples[n])));
    if (!d_->impurityName.isEmpty())
        add(tr("Impurity (%1): %2").arg(d_->impurityName, impurityNumber(t.impurity[n])));
    const auto value = t.valueOf(n);
    switch (d_->kind) {
        case TreeValueKind::Classes:
            for (int c = 0; c < int(value.size()) && c < 40; ++c)
                add(tr("%1: %2%").arg(d_->classes.value(c), percent(value[c])));
            break;
        case TreeValueKind::Mean:
            add(tr("Mean: %1").arg(formatTreeNumber(value[0])));
            if (d_->impurityIsVariance)
                add(tr("Standard deviation: %1")
                        .arg(formatTreeNumber(std::sqrt(std::max(0.0, t.impurity[n])))));
            break;
        case TreeValueKind::Additive:
            add(tr("Adds %1 to the %2").arg(signedNumber(value[0]), d_->additiveName));
            break;
    }
    if (folded_ && hiddenBelow_ > 0) add(tr("%n node(s) folded below", nullptr, hiddenBelow_));
    return lines.join(QStringLiteral("<br>"));
}

void TreeNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    const QTransform& t = painter->worldTransform();
    if (textScale(t) < kTextZoom)
        paintOverview(painter, option->levelOfDetailFromTransform(t));
    else
        paintDetail(painter);
}

void TreeNodeItem::paintBar(QPainter* painter, const QRectF& r, bool vertical) const {
    const FlatTree& t = *d_->tree;
    const auto value = t.valueOf(std::size_t(node_));
    painter->setPen(Qt::NoPen);
    if (d_->kind == TreeValueKind::Classes) {
        double sum = 0;
        for (double v : value) sum += std::max(0.0, v);
        double acc = 0;
        const double length = vertical ? r.height() : r.width();
        for (std::size_t c = 0; c < value.size(); ++c) {
            const double a = length * acc / (sum > 0 ? sum : 1);
            acc += std::max(0.0, value[c]);
            const double b = length * acc / (sum > 0 ? sum : 1);
            if (b <= a) continue;
            painter->fillRect(vertical ? QRectF(r.left(), r.top() + a, r.width(), b - a)
                                       : QRectF(r.left() + a, r.top(), b - a, r.height()),
                              d_->classColors[c]);
        }
        return;
    }
    if (vertical) {
        painter->fillRect(r, d_->valueColor(value[0]));
        return;
    }
    const double v = value[0];
    painter->fillRect(r, QColor(0xee, 0xee, 0xee));
    if (d_->kind == TreeValueKind::Additive) {
        const double m = std::max({std::abs(d_->valueLow), std::abs(d_->valueHigh), 1e-300});
        const double zero = r.center().x();
        const double x = zero + 0.5 * r.width() * std::clamp(v / m, -1.0, 1.0);
        painter->fillRect(
            QRectF(QPointF(std::min(zero, x), r.top()), QPointF(std::max(zero, x), r.bottom())),
            d_->valueColor(v));
        painter->fillRect(QRectF(zero - 0.5, r.top() - 1, 1, r.height() + 2), kMuted);
        return;
    }
    const double span = d_->valueHigh - d_->valueLow;
    auto xOf = [&](double u) {
        const double s = span > 0 ? (u - d_->valueLow) / span : 0.5;
        return r.left() + r.width() * std::clamp(s, 0.0, 1.0);
    };
    const double x = xOf(v);
    painter->fillRect(QRectF(r.left(), r.top(), x - r.left(), r.height()), d_->valueColor(v));
    const double variance = d_->impurityIsVariance ? t.impurity[std::size_t(node_)] : 0.0;
    if (variance > 0) {
        const double sd = std::sqrt(variance);
        const double a = xOf(v - sd), b = xOf(v + sd), y = r.center().y();
        painter->setPen(QPen(kText, 1.2));
        painter->drawLine(QPointF(a, y), QPointF(b, y));
        painter->drawLine(QPointF(a, r.top() + 2), QPointF(a, r.bottom() - 2));
        painter->drawLine(QPointF(b, r.top() + 2), QPointF(b, r.bottom() - 2));
    }
    painter->fillRect(QRectF(x - 1, r.top() - 1, 2, r.height() + 2), kText);
}

void TreeNodeItem::paintOverview(QPainter* painter, double lod) const {
    const QRectF box = boxRect();
    if (lod < kTinyZoom) {
        // Solid colour; a box narrower than a pixel is drawn one and a half pixels wide (in
        // device space) with its classes stacked, so a zoomed-out wide tree keeps its colours.
        const QRectF device = painter->worldTransform().mapRect(box);
        if (device.width() < 1.5) {
            painter->save();
            painter->resetTransform();
            paintBar(painter,
                     QRectF(device.center().x() - 0.75, device.top(), 1.5, device.height()), true);
            painter->restore();
        } else {
            paintBar(painter, box, device.width() < device.height());
        }
    } else {
        painter->setPen(QPen(kBorder, 0));
        painter->setBrush(Qt::white);
        painter->drawRect(box);
        const double h = box.height() * 0.4;
        paintBar(painter, QRectF(box.left(), box.bottom() - h, box.width(), h), false);
        if (folded_ && hiddenBelow_ > 0)
            painter->fillRect(stubRect(), pathHidden_ ? treePathColor() : QColor(0xbb, 0xbb, 0xbb));
    }
    if (onPath_ || current_) {
        QPen pen(onPath_ ? treePathColor() : kCurrent, 3);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box);
    }
}

void TreeNodeItem::paintDetail(QPainter* painter) {
    ensureTexts();
    const QRectF box = boxRect();
    const double pad = d_->padding, lh = d_->lineHeight;
    QColor fill = Qt::white;
    if (isLeaf() && texts_.titleClass >= 0) {
        const QColor c = d_->classColors[texts_.titleClass];
        fill = QColor::fromRgbF(1 - 0.12f * (1 - c.redF()), 1 - 0.12f * (1 - c.greenF()),
                                1 - 0.12f * (1 - c.blueF()));
    }
    QPen border(kBorder, 1);
    if (onPath_)
        border = QPen(treePathColor(), 3.5);
    else if (current_)
        border = QPen(kCurrent, 2.5);
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 5, 5);
    if (current_ && onPath_) {
        painter->setPen(QPen(kCurrent, 1.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-5, -5, 5, 5), 7, 7);
    }

    const double swatch = lh * 0.55;
    double y = box.top() + pad;
    auto line = [&](const QString& text, const QFont& font, const QColor& color, int swatchClass) {
        double x = box.left() + pad;
        if (swatchClass >= 0) {
            painter->fillRect(QRectF(x, y + (lh - swatch) / 2, swatch, swatch),
                              d_->classColors[swatchClass]);
            x += lh * 0.75;
        }
        painter->setFont(font);
        painter->setPen(color);
        painter->drawText(QRectF(x, y, box.right() - pad - x, lh), Qt::AlignLeft | Qt::AlignVCenter,
                          text);
        y += lh;
    };
    line(texts_.title, d_->boldFont, kText, texts_.titleClass);
    if (!isLeaf()) line(texts_.missing, d_->smallFont, kMuted, -1);
    line(texts_.stats, d_->font, kText, -1);
    if (!texts_.value.isEmpty()) line(texts_.value, d_->font, kText, texts_.valueClass);
    paintBar(painter,
             QRectF(box.left() + pad, box.bottom() - pad - d_->barHeight, box.width() - 2 * pad,
                    d_->barHeight),
             false);
    if (!isLeaf()) paintToggle(painter);
}

void TreeNodeItem::paintToggle(QPainter* painter) const {
    const double r = d_->toggleRadius;
    const QPointF c(0, d_->height);
    const bool strong = onPath_ && (!folded_ || pathHidden_);
    painter->setPen(QPen(strong ? treePathColor() : kMuted, strong ? 2 : 1));
    painter->setBrush(Qt::white);
    painter->drawEllipse(c, r, r);
    painter->setPen(QPen(kText, 1.4));
    painter->drawLine(c + QPointF(-r * 0.5, 0), c + QPointF(r * 0.5, 0));
    if (folded_) painter->drawLine(c + QPointF(0, -r * 0.5), c + QPointF(0, r * 0.5));
    if (!folded_ || hiddenBelow_ <= 0) return;
    const QRectF stub = stubRect();
    painter->setPen(pathHidden_ ? QPen(treePathColor(), 2.5) : QPen(kBorder, 1));
    painter->setBrush(QColor(0xf1, 0xf1, 0xf1));
    painter->drawRoundedRect(stub, 4, 4);
    painter->setFont(d_->smallFont);
    painter->setPen(kMuted);
    painter->drawText(stub, Qt::AlignCenter, tr("+%n more", nullptr, hiddenBelow_));
}

}  // namespace glassbox::gui
