#pragma once

#include <QAbstractTableModel>
#include <QFont>
#include <memory>

#include "engine/table.h"

namespace glassbox::gui {

// A read-only view of a Table for QTableView. Lazy: data() formats only the cell asked for,
// so a table of millions of rows costs nothing until it is scrolled to. The table is
// immutable and shared, so no lock is needed.
class DataTableModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Role {
        MissingRole = Qt::UserRole + 1,  // bool: the cell is missing
        ColumnTypeRole,                  // horizontal header: the translated type name
    };

    explicit DataTableModel(QObject* parent = nullptr);

    void setTable(std::shared_ptr<const Table> table);
    const std::shared_ptr<const Table>& table() const { return table_; }
    // After a language change: the missing marker and the header type names.
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

  private:
    QVariant horizontalHeaderData(const Column& column, int role) const;

    std::shared_ptr<const Table> table_;
    QString missingText_;
    QFont missingFont_;
};

}  // namespace glassbox::gui
