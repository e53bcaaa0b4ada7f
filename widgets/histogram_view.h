#pragma once

#include <QWidget>

#include "engine/column_stats.h"

class QCustomPlot;

namespace glassbox::gui {

// The distribution of one column drawn with QCustomPlot: a histogram whose bars span the bin
// edges for numeric and date/time columns, one bar per value (labels on the axis) otherwise.
class HistogramView : public QWidget {
    Q_OBJECT

  public:
    explicit HistogramView(QWidget* parent = nullptr);

    // hasTime: the date/time column holds times (axis labels show them).
    void showHistogram(const ColumnStats& stats, bool hasTime);
    void clear();
    QCustomPlot* plot() const { return plot_; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void reset();
    void showBins(const ColumnStats& stats, bool hasTime);
    void showBars(const ColumnStats& stats);

    QCustomPlot* plot_;
};

}  // namespace glassbox::gui
