#pragma once

#include <QHeaderView>

namespace glassbox::gui {

// The horizontal header of the data table: the column name on the first line and, below it
// in small text, the type icon and the type name (DataTableModel::ColumnTypeRole).
class ColumnHeaderView : public QHeaderView {
    Q_OBJECT

  public:
    explicit ColumnHeaderView(QWidget* parent = nullptr);

  protected:
    void paintSection(QPainter* painter, const QRect& rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;

  private:
    QFont typeFont() const;
};

}  // namespace glassbox::gui
