#include "widgets/column_header_view.h"

#include <QIcon>
#include <QPainter>
#include <QStyleOptionHeader>

#include "widgets/data_table_model.h"

namespace glassbox::gui {
namespace {

constexpr int kMargin = 6;
constexpr int kIconSize = 12;
constexpr int kIconGap = 4;

}  // namespace

ColumnHeaderView::ColumnHeaderView(QWidget* parent) : QHeaderView(Qt::Horizontal, parent) {
    setSectionsClickable(true);
    setHighlightSections(true);
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

QFont ColumnHeaderView::typeFont() const {
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    return small;
}

void ColumnHeaderView::paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const {
    if (!rect.isValid() || !model()) return;
    // The frame and background as the style draws a header, without its text.
    QStyleOptionHeader option;
    initStyleOption(&option);
    initStyleOptionForIndex(&option, logicalIndex);
    option.rect = rect;
    option.text.clear();
    option.icon = QIcon();
    // CE_Header leaves an empty clip region behind when the painter had none: restore.
    painter->save();
    style()->drawControl(QStyle::CE_Header, &option, painter, this);
    painter->restore();
    painter->save();
    painter->setClipRect(rect);

    const QString name = model()->headerData(logicalIndex, Qt::Horizontal).toString();
    const QString type =
        model()
            ->headerData(logicalIndex, Qt::Horizontal, DataTableModel::ColumnTypeRole)
            .toString();
    const QIcon icon =
        model()->headerData(logicalIndex, Qt::Horizontal, Qt::DecorationRole).value<QIcon>();
    const QRect inner = rect.adjusted(kMargin, 2, -kMargin, -2);
    const QFontMetrics nameMetrics(font());
    const QFont smallFont = typeFont();
    const QFontMetrics typeMetrics(smallFont);
    const int top =
        inner.top() + (inner.height() - nameMetrics.height() - typeMetrics.height()) / 2;

    QFont nameFont = font();
    nameFont.setBold(option.state & QStyle::State_Sunken || option.state & QStyle::State_On);
    painter->setFont(nameFont);
    painter->setPen(option.palette.color(QPalette::ButtonText));
    const QRect nameRect(inner.left(), top, inner.width(), nameMetrics.height());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, inner.width()));

    int typeLeft = inner.left();
    const int typeTop = top + nameMetrics.height();
    if (!icon.isNull()) {
        const int iconTop = typeTop + (typeMetrics.height() - kIconSize) / 2;
        icon.paint(painter, QRect(typeLeft, iconTop, kIconSize, kIconSize));
        typeLeft += kIconSize + kIconGap;
    }
    painter->setFont(smallFont);
    QColor typeColor = option.palette.color(QPalette::ButtonText);
    typeColor.setAlphaF(0.65f);
    painter->setPen(typeColor);
    const QRect typeRect(typeLeft, typeTop, inner.right() - typeLeft, typeMetrics.height());
    painter->drawText(typeRect, Qt::AlignLeft | Qt::AlignVCenter,
                      typeMetrics.elidedText(type, Qt::ElideRight, typeRect.width()));
    painter->restore();
}

QSize ColumnHeaderView::sectionSizeFromContents(int logicalIndex) const {
    if (!model()) return QHeaderView::sectionSizeFromContents(logicalIndex);
    const QString name = model()->headerData(logicalIndex, Qt::Horizontal).toString();
    const QString type =
        model()
            ->headerData(logicalIndex, Qt::Horizontal, DataTableModel::ColumnTypeRole)
            .toString();
    QFont boldFont = font();
    boldFont.setBold(true);
    const QFontMetrics nameMetrics(boldFont);
    const QFontMetrics typeMetrics(typeFont());
    const int width = std::max(nameMetrics.horizontalAdvance(name),
                               kIconSize + kIconGap + typeMetrics.horizontalAdvance(type));
    const int height = QFontMetrics(font()).height() + typeMetrics.height() + 4 + 6;
    return {width + 2 * kMargin + 2, height};
}

}  // namespace glassbox::gui
