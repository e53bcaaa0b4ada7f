#pragma once

#include <QDialog>
#include <vector>

#include "engine/table.h"

class QLabel;
class QTreeWidget;

namespace glassbox::gui {

// Lists the warnings of the last load. Not modal: it stays open beside the data.
class WarningsDialog : public QDialog {
    Q_OBJECT

  public:
    explicit WarningsDialog(QWidget* parent = nullptr);

    void setWarnings(const QString& source, const std::vector<Warning>& warnings);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();

    QString source_;
    QLabel* label_;
    QTreeWidget* list_;
};

}  // namespace glassbox::gui
