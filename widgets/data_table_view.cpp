#include "widgets/data_table_view.h"

#include <QActionGroup>
#include <QFontMetrics>
#include <QHeaderView>
#include <QMenu>
#include <algorithm>

#include "widgets/column_header_view.h"
#include "widgets/column_type_text.h"
#include "widgets/data_table_model.h"

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

    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint& position) {
                const int column = horizontalHeader()->logicalIndexAt(position);
                QMenu* menu = createColumnTypeMenu(column, this);
                if (!menu) return;
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->popup(horizontalHeader()->viewport()->mapToGlobal(position));
            });
}

QMenu* DataTableView::createColumnTypeMenu(int column, QWidget* parent) {
    const auto* tableModel = qobject_cast<const DataTableModel*>(model());
    if (!tableModel || !tableModel->table() || column < 0 ||
        static_cast<std::size_t>(column) >= tableModel->table()->columnCount())
        return nullptr;
    const ColumnType current = tableModel->table()->column(static_cast<std::size_t>(column)).type();
    auto* menu = new QMenu(tr("Read Column As"), parent);
    auto* group = new QActionGroup(menu);
    for (ColumnType type : {ColumnType::Numeric, ColumnType::Categorical, ColumnType::Boolean,
                            ColumnType::Text, ColumnType::DateTime}) {
        QAction* action = menu->addAction(ColumnTypeText::icon(type), ColumnTypeText::name(type));
        action->setCheckable(true);
        action->setChecked(type == current);
        action->setData(static_cast<int>(type));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, column, type, current] {
            if (type != current) emit columnTypeRequested(column, type);
        });
    }
    return menu;
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
