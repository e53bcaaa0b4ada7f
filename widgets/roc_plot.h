#pragma once

#include <QPointF>
#include <QString>
#include <optional>
#include <utility>
#include <vector>

#include "widgets/curve_runs_plot.h"

class QCPGraph;
class QMouseEvent;

namespace glassbox::gui {

// ROC curves of several runs overlaid, the AUC of each in the legend, the chance diagonal.
// Multiclass: every class against the rest, one class, or the micro / macro average. Hovering
// near a point shows its threshold, rates and the confusion counts at that threshold. Curves
// longer than kMaxDrawnPoints are thinned for drawing (the caption says so); the AUC is the
// engine's, from the whole curve.
class RocPlot : public CurveRunsPlot {
    Q_OBJECT

  public:
    static constexpr std::size_t kMaxDrawnPoints = 5000;

    explicit RocPlot(QWidget* parent = nullptr);

    // One drawn curve (a run's class, or its average).
    int seriesCount() const { return static_cast<int>(series_.size()); }
    QCPGraph* seriesGraph(int series) const;
    QString seriesLegend(int series) const;
    double seriesAuc(int series) const;
    const RocCurve& seriesCurve(int series) const;
    // Indices into seriesCurve() of the points drawn, in order.
    const std::vector<std::size_t>& drawnPoints(int series) const;

    // One class against the rest at a point's threshold (counts from the rates and the
    // class's row counts); none for the macro average, which has no thresholds.
    struct Confusion {
        double truePositives = 0;
        double falsePositives = 0;
        double falseNegatives = 0;
        double trueNegatives = 0;
    };
    std::optional<Confusion> confusionAt(int series, std::size_t point) const;
    QString pointToolTip(int series, std::size_t point) const;
    // The tooltip for the mouse at `pixel` (plot coordinates): the nearest drawn point within
    // a few pixels; empty when none is that near.
    QString toolTipAt(const QPointF& pixel) const;
    // The highlighted point under the mouse (no data when none).
    QCPGraph* hoverMarker() const { return marker_; }

  protected:
    bool offersAverages() const override { return true; }
    void redraw() override;
    void retranslate() override;

  private:
    struct Series {
        int run = 0;
        int classIndex = -1;  // or kMicroAverage / kMacroAverage
        const RocCurve* curve = nullptr;
        double auc = 0;
        double positives = 0;
        double negatives = 0;
        std::vector<std::size_t> drawn;
        QCPGraph* graph = nullptr;
        QString legend;
    };
    void addSeries(Series series);
    // The drawn point nearest to `pixel` within a few pixels: (series, curve point).
    std::optional<std::pair<int, std::size_t>> nearestPoint(const QPointF& pixel) const;
    void hover(QMouseEvent* event);

    std::vector<Series> series_;
    QCPGraph* marker_ = nullptr;
};

}  // namespace glassbox::gui
