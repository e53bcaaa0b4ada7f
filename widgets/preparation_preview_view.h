#pragma once

#include <QString>
#include <QWidget>

#include "widgets/preparation_types.h"

class QLabel;
class QSplitter;
class QTreeWidget;

namespace glassbox::gui {

class PreparationDistributionPlot;

// What each step of a previewed pipeline did: a table of the steps (rows, missing cells and
// columns before -> after, changed cells) with a last line for the whole pipeline; the selected
// line's details (the step's report); and a chosen column's distribution before and after it.
// Distributions are computed elsewhere: the view asks with distributionWanted.
class PreparationPreviewView : public QWidget {
    Q_OBJECT

  public:
    // Data roles of the summary's number cells (Rows, Missing cells, Changed cells).
    static constexpr int kBeforeRole = Qt::UserRole + 1;
    static constexpr int kAfterRole = Qt::UserRole + 2;
    enum SummaryColumn { StepColumn, RowsColumn, MissingColumn, ChangedColumn, ColumnsColumn };

    explicit PreparationPreviewView(QWidget* parent = nullptr);

    // Shows a preview, keeping the selected line and column when they still exist.
    void setPreview(const PreparationPreviewPtr& preview);
    const PreparationPreviewPtr& preview() const { return preview_; }
    // Empties the view with a note ("Add a step…", "Previewing…").
    void clear(const QString& note);
    void showDistribution(const DistributionPtr& distribution);
    void showDistributionError(const QString& message);

    // The selected line: a step index, or the number of steps for the whole pipeline; -1: none.
    int selectedStep() const;
    void selectStep(int step);

    QTreeWidget* summary() const { return summary_; }
    QTreeWidget* details() const { return details_; }
    QLabel* noteLabel() const { return note_; }
    PreparationDistributionPlot* distributionPlot() const { return plot_; }

  signals:
    void distributionWanted(int step, const QString& column);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void fillSummary();
    void fillDetails();
    void selectionChanged();
    void requestDistribution();
    QString stepName(int step) const;

    PreparationPreviewPtr preview_;
    QLabel* note_;
    QSplitter* splitter_;
    QTreeWidget* summary_;
    QTreeWidget* details_;
    PreparationDistributionPlot* plot_;
};

}  // namespace glassbox::gui
