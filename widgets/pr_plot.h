#pragma once

#include <QString>
#include <vector>

#include "widgets/curve_runs_plot.h"

class QCPCurve;

namespace glassbox::gui {

// Precision-recall curves of several runs overlaid, the average precision of each in the
// legend, and the no-skill baseline (the positive rate) as a dashed line. Multiclass: every
// class against the rest or one class. Long curves are thinned for drawing (said in the caption).
class PrPlot : public CurveRunsPlot {
    Q_OBJECT

  public:
    static constexpr std::size_t kMaxDrawnPoints = 5000;

    explicit PrPlot(QWidget* parent = nullptr);

    int seriesCount() const { return static_cast<int>(series_.size()); }
    QCPCurve* seriesPlottable(int series) const;
    QString seriesLegend(int series) const;
    const PrecisionRecallCurve& seriesCurve(int series) const;
    const std::vector<std::size_t>& drawnPoints(int series) const;
    // The positive rate drawn as each series' baseline.
    double seriesBaseline(int series) const;

  protected:
    void redraw() override;
    void retranslate() override;

  private:
    struct Series {
        const PrecisionRecallCurve* curve = nullptr;
        double baseline = 0;
        std::vector<std::size_t> drawn;
        QCPCurve* plottable = nullptr;
        QString legend;
    };
    std::vector<Series> series_;
};

}  // namespace glassbox::gui
