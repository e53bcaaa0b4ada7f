#pragma once

#include <cstddef>
#include <vector>

#include "widgets/dot_cloud.h"
#include "widgets/shap_plot_base.h"

class QCPColorScale;
class QSpinBox;

namespace glassbox::gui {

// The SHAP summary (beeswarm): one dot per explained row and feature, x its SHAP value, the
// top features on y by decreasing mean |SHAP|, dots spread vertically where they are dense,
// coloured by the feature's value (low blue to high red; categorical and missing values grey).
// Beyond maxDots() rows a seeded sample is drawn and the caption says so. The dots are one
// DotCloud, so 100 000 of them redraw in milliseconds.
class ShapSummaryPlot : public ShapPlotBase {
    Q_OBJECT

  public:
    explicit ShapSummaryPlot(QWidget* parent = nullptr);

    void setMaxFeatures(int count);  // 20 by default
    int maxFeatures() const;
    void setMaxDots(std::size_t rows);  // rows drawn per feature, 5 000 by default
    std::size_t maxDots() const { return maxDots_; }

    // The features drawn, top (largest mean |SHAP|) first.
    const std::vector<std::size_t>& featureOrder() const { return order_; }
    // The explained rows drawn (all, or the sample).
    const std::vector<std::size_t>& drawnRows() const { return drawn_; }
    std::size_t dotCount() const { return dots_->dots().size(); }

  signals:
    // A dot was clicked: its explained row (e.g. to show it in the waterfall).
    void rowClicked(std::size_t explained);

  protected:
    void redraw() override;
    void retranslate() override;

  private:
    std::size_t maxDots_ = 5000;
    QSpinBox* features_;
    QLabel* featuresLabel_;
    QCPColorScale* scale_;
    DotCloud* dots_;
    std::vector<std::size_t> order_;
    std::vector<std::size_t> drawn_;
};

// Vertical offsets in [-1, 1] that spread `values` like a beeswarm: values are binned along x
// and the dots of a bin alternate above and below the centre line (SHAP's summary_plot).
std::vector<double> swarmOffsets(const std::vector<double>& values);

}  // namespace glassbox::gui
