#pragma once

#include <QString>
#include <vector>

#include "widgets/curve_runs_plot.h"

class QCPAxisRect;
class QCPGraph;

namespace glassbox::gui {

// Calibration (reliability) curves: the fraction of positives against the mean predicted
// probability of each bin, the perfect-calibration diagonal, and below it a histogram of the
// scores with the rows per bin (the engine's bins: equal widths or equal counts).
class CalibrationPlot : public CurveRunsPlot {
    Q_OBJECT

  public:
    explicit CalibrationPlot(QWidget* parent = nullptr);

    int seriesCount() const { return static_cast<int>(series_.size()); }
    const CalibrationCurve& seriesCalibration(int series) const;
    // The curve (mean score, fraction positive) and the histogram's steps (bin edges, counts).
    QCPGraph* seriesCurveGraph(int series) const;
    QCPGraph* seriesHistogram(int series) const;
    QCPAxisRect* histogramRect() const { return histogram_; }

  protected:
    void redraw() override;
    void retranslate() override;

  private:
    struct Series {
        const CalibrationCurve* calibration = nullptr;
        QCPGraph* curve = nullptr;
        QCPGraph* histogram = nullptr;
    };
    std::vector<Series> series_;
    QCPAxisRect* histogram_ = nullptr;
};

}  // namespace glassbox::gui
