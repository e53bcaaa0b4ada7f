#include "widgets/data_table_model.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <limits>

#include "widgets/column_type_text.h"

namespace glassbox::gui {
namespace {

const QColor kMissingForeground(120, 120, 120);
const QColor kMissingBackground(253, 236, 214);

bool isRightAligned(ColumnType type) {
    return type == ColumnType::Numeric;
}

}  // namespace

DataTableModel::DataTableModel(QObject* parent) : QAbstractTableModel(parent) {
    missingFont_.setItalic(true);
    missingText_ = tr("missing");
}

void DataTableModel::setTable(std::shared_ptr<const Table> table) {
    beginResetModel();
    table_ = std::move(table);
    endResetModel();
}

void DataTableModel::retranslate() {
    missingText_ = tr("missing");
    const int columns = columnCount();
    if (columns == 0) return;
    emit headerDataChanged(Qt::Horizontal, 0, columns - 1);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columns - 1));
}

int DataTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !table_) return 0;
    // Qt's models count rows in int; a table that large could not be held in memory anyway.
    const std::size_t limit = static_cast<std::size_t>(std::numeric_limits<int>::max());
    return static_cast<int>(std::min(table_->rowCount(), limit));
}

int DataTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || !table_) return 0;
    return static_cast<int>(table_->columnCount());
}

QVariant DataTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Column& column = table_->column(static_cast<std::size_t>(index.column()));
    const auto row = static_cast<std::size_t>(index.row());
    const bool missing = column.isMissing(row);
    switch (role) {
        case Qt::DisplayRole:
            return missing ? missingText_ : QString::fromStdString(column.format(row));
        case MissingRole:
            return missing;
        case Qt::TextAlignmentRole:
            return static_cast<int>(
                (isRightAligned(column.type()) && !missing ? Qt::AlignRight : Qt::AlignLeft) |
                Qt::AlignVCenter);
        case Qt::ForegroundRole:
            return missing ? QVariant(QBrush(kMissingForeground)) : QVariant();
        case Qt::BackgroundRole:
            return missing ? QVariant(QBrush(kMissingBackground)) : QVariant();
        case Qt::FontRole:
            return missing ? QVariant(missingFont_) : QVariant();
        case Qt::ToolTipRole:
            if (missing) return tr("Missing value");
            // Long text may be elided in its cell.
            if (column.type() == ColumnType::Text)
                return QString::fromStdString(column.format(row));
            return {};
        default:
            return {};
    }
}

QVariant DataTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (section < 0) return {};
    if (orientation == Qt::Vertical) {
        if (section >= rowCount()) return {};
        if (role == Qt::DisplayRole) return section + 1;
        if (role == Qt::TextAlignmentRole)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (section >= columnCount()) return {};
    return horizontalHeaderData(table_->column(static_cast<std::size_t>(section)), role);
}

QVariant DataTableModel::horizontalHeaderData(const Column& column, int role) const {
    switch (role) {
        case Qt::DisplayRole:
            return QString::fromStdString(column.name());
        case ColumnTypeRole:
            return ColumnTypeText::name(column.type());
        case Qt::DecorationRole:
            return ColumnTypeText::icon(column.type());
        case Qt::ToolTipRole:
            return tr("%1\nType: %2\nMissing: %3")
                .arg(QString::fromStdString(column.name()), ColumnTypeText::name(column.type()),
                     QLocale().toString(static_cast<qulonglong>(column.missingCount())));
        default:
            return {};
    }
}

Qt::ItemFlags DataTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

}  // namespace glassbox::gui
