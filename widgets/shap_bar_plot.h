#pragma once

#include <cstddef>
#include <vector>

#include "widgets/shap_plot_base.h"

class QCPBars;
class QSpinBox;

namespace glassbox::gui {

// Mean |SHAP| per feature as horizontal bars, largest on top, the value at each bar's end; the
// features beyond the top N are summed into one grey "N other features" bar.
class ShapBarPlot : public ShapPlotBase {
    Q_OBJECT

  public:
    explicit ShapBarPlot(QWidget* parent = nullptr);

    void setMaxFeatures(int count);  // 15 by default
    int maxFeatures() const;

    // The features drawn, top first, and their bars (mean |SHAP|) in the same order.
    const std::vector<std::size_t>& featureOrder() const { return order_; }
    const std::vector<double>& barValues() const { return values_; }
    // The sum of the other features' mean |SHAP| (0 when every feature is drawn).
    double otherFeaturesValue() const { return other_; }

  protected:
    void redraw() override;
    void retranslate() override;

  private:
    QSpinBox* features_;
    QLabel* featuresLabel_;
    QCPBars* bars_;
    QCPBars* otherBar_;
    std::vector<std::size_t> order_;
    std::vector<double> values_;
    double other_ = 0;
};

}  // namespace glassbox::gui
