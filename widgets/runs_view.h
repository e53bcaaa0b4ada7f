#pragma once

#include <QWidget>
#include <cstddef>
#include <memory>
#include <vector>

#include "widgets/job_types.h"

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTableWidget;

namespace glassbox::gui {

class RunDetails;
class RunsModel;

// The session's runs: a sortable table of every finished training (select several to compare
// their metrics side by side, best in bold), and the details of the current run below it.
// Delete removes the selected runs from this list (not from the model history).
class RunsView : public QWidget {
    Q_OBJECT

  public:
    explicit RunsView(QWidget* parent = nullptr);

    // Appends a finished run and makes it the current one.
    void addRun(std::shared_ptr<const TrainingOutcome> outcome);
    // Removes the selected runs from the list.
    void removeSelectedRuns();
    void clear();

    std::shared_ptr<const TrainingOutcome> currentRun() const;
    // The selected runs, in the table's (sorted) order.
    std::vector<std::shared_ptr<const TrainingOutcome>> selectedRuns() const;

    RunsModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    RunDetails* details() const { return details_; }
    // Metrics (rows) of the selected runs (columns); shown when 2 or more are selected.
    QTableWidget* comparisonTable() const { return comparison_; }
    QWidget* comparisonPanel() const { return comparisonPanel_; }
    QAction* removeAction() const { return removeAction_; }
    QSplitter* splitter() const { return splitter_; }

  signals:
    // The run shown in the details changed (null: none).
    void currentRunChanged(std::shared_ptr<const glassbox::gui::TrainingOutcome> outcome);
    // A confusion-matrix cell was clicked: the rows of the table the run was trained on that
    // fall in it (sorted). They refer to the table the run was trained on.
    void rowsSelectionRequested(std::vector<std::size_t> tableRows);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void onCurrentChanged();
    void updateComparison();
    void growTopForComparison();
    void retranslate();

    RunsModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    QWidget* comparisonPanel_;
    QLabel* comparisonTitle_;
    QTableWidget* comparison_;
    RunDetails* details_;
    QSplitter* splitter_;
    QSplitter* topSplitter_;
    QAction* removeAction_;
    std::shared_ptr<const TrainingOutcome> shown_;
};

}  // namespace glassbox::gui
