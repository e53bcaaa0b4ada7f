#pragma once

#include <QTableView>

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

  signals:
    // The current cell moved to another column (or to the first one of a new table).
    void currentColumnChanged(int column);
};

}  // namespace glassbox::gui
