#include "widgets/data_table_view.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <algorithm>

#include "widgets/column_header_view.h"

namespace glassbox::gui {
namespace {

constexpr int kSampledRows = 200;
constexpr int kMinColumnWidth = 56;
constexpr int kMaxColumnWidth = 320;
constexpr int kCellPadding = 14;

}  // namespace

DataTableView::DataTableView(QWidget* parent) : QTableView(parent) {
    setHorizontalHeader(new ColumnHeaderView(this));
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setWordWrap(false);
    setAlternatingRowColors(true);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void DataTableView::setModel(QAbstractItemModel* model) {
    QTableView::setModel(model);
    if (!selectionModel()) return;
    connect(selectionModel(), &QItemSelectionModel::currentColumnChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) emit currentColumnChanged(current.column());
            });
}

void DataTableView::fitColumnWidths() {
    if (!model()) return;
    const QFontMetrics metrics(font());
    QFont italic = font();
    italic.setItalic(true);
    const QFontMetrics italicMetrics(italic);
    const int rows = std::min(model()->rowCount(), kSampledRows);
    for (int column = 0; column < model()->columnCount(); ++column) {
        int width = horizontalHeader()->sectionSizeHint(column);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = model()->index(row, column);
            const QString text = index.data().toString();
            const bool isItalic = index.data(Qt::FontRole).value<QFont>().italic();
            width = std::max(
                width, (isItalic ? italicMetrics : metrics).horizontalAdvance(text) + kCellPadding);
        }
        setColumnWidth(column, std::clamp(width, kMinColumnWidth, kMaxColumnWidth));
    }
}

}  // namespace glassbox::gui
