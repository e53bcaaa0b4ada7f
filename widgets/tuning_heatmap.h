#pragma once

#include <QPoint>
#include <QStringList>
#include <cstddef>
#include <memory>
#include <vector>

#include "widgets/exportable_plot.h"
#include "widgets/job_types.h"

class QCPColorScale;
class QComboBox;
class QLabel;
class QMouseEvent;

namespace glassbox::gui {

// The tuning score over two searched parameters: one coloured rectangle per pair of values with the
// mean cross-validated score printed in it, the best cell outlined. With more than two searched
// parameters each cell holds the best score over the others (said in the caption) and pickers
// choose the two axes; one searched parameter gives a single row. A numeric parameter with
// many values (random search over a range) is grouped into ranges. Hovering a cell shows its
// candidate; clicking it emits candidateClicked.
class TuningHeatmap : public ExportablePlot {
    Q_OBJECT

  public:
    explicit TuningHeatmap(QWidget* parent = nullptr);

    void setOutcome(std::shared_ptr<const TuningOutcome> outcome);
    void clear();
    // The parameters on the columns and rows (names from TuningOutcome::searched); y may be
    // empty when only one parameter was searched.
    void setAxes(const QString& x, const QString& y);
    QString xParameter() const { return x_; }
    QString yParameter() const { return y_; }

    QStringList xLabels() const { return xLabels_; }
    QStringList yLabels() const { return yLabels_; }
    // The score in a cell (NaN when no candidate falls in it) and the candidate it comes from
    // (-1 for none).
    double cellValue(int column, int row) const;
    int cellCandidate(int column, int row) const;
    // The cell (column, row) a candidate falls in.
    QPoint cellOf(std::size_t candidate) const;
    // The best cell (-1, -1 when there is none).
    QPoint bestCell() const { return best_; }

  signals:
    void candidateClicked(std::size_t candidate);

  protected:
    void retranslate() override;

  private:
    // Column (or row) of each candidate for one parameter, and the axis labels.
    struct AxisValues {
        std::vector<int> index;  // per candidate
        QStringList labels;
        bool grouped = false;
    };
    AxisValues axisValues(const QString& parameter) const;
    void fillPickers();
    void redraw();
    int candidateAt(const QPointF& pixel) const;
    void showTip(QMouseEvent* event);

    std::shared_ptr<const TuningOutcome> outcome_;
    QString x_;
    QString y_;
    QLabel* xLabel_;
    QComboBox* xBox_;
    QLabel* yLabel_;
    QComboBox* yBox_;
    QCPColorScale* scale_;
    QStringList xLabels_;
    QStringList yLabels_;
    std::vector<int> cells_;  // candidate per cell, column-major by row: row * columns + column
    std::vector<QPoint> candidateCells_;
    QPoint best_{-1, -1};
};

}  // namespace glassbox::gui
