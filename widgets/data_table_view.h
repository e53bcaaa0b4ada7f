#pragma once

#include <QTableView>

#include "engine/column.h"

class QMenu;

namespace glassbox::gui {

// The data grid: fixed row heights and column widths measured on the first rows only, so a
// table of millions of rows opens and scrolls without measuring every row.
class DataTableView : public QTableView {
    Q_OBJECT

  public:
    explicit DataTableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    // Sizes each column to its header and the cells of the first rows, within bounds.
    void fitColumnWidths();
    // The "Read Column As" menu of a column: one checkable action per type, the column's
    // current type checked; choosing another emits columnTypeRequested. Owned by parent.
    QMenu* createColumnTypeMenu(int column, QWidget* parent);

  signals:
    // The current cell moved to another column (or to the first one of a new table).
    void currentColumnChanged(int column);
    // The user asked to read this column as another type (from the header's context menu).
    void columnTypeRequested(int column, glassbox::ColumnType type);
};

}  // namespace glassbox::gui
