#pragma once

#include <QString>
#include <cstddef>
#include <optional>
#include <vector>

#include "widgets/shap_plot_base.h"

class QSpinBox;

namespace glassbox::gui {

// One step of the waterfall: a feature's contribution (or the collapsed rest) from `start` to
// `end`.
struct WaterfallStep {
    QString label;                       // "radius = 17.99" or "12 other features"
    std::optional<std::size_t> feature;  // none for the collapsed rest
    double start = 0;
    double end = 0;
};

// One explained row's SHAP values as a waterfall read top to bottom: from the base value
// (E[f(x)], a dashed line) each feature's contribution is a step (positive red, negative blue),
// largest |value| first, the smaller ones collapsed into "N other features", and a final bar
// from the base to the model's output f(x).
class ShapWaterfallPlot : public ShapPlotBase {
    Q_OBJECT

  public:
    explicit ShapWaterfallPlot(QWidget* parent = nullptr);

    // The explained row shown (0 .. rows - 1; the first by default).
    void setRow(std::size_t explained);
    std::size_t row() const { return row_; }
    // Rows drawn: the features shown and the collapsed rest (10 by default).
    void setMaxSteps(int count);
    int maxSteps() const { return maxSteps_; }

    const std::vector<WaterfallStep>& steps() const { return steps_; }
    double baseValue() const { return base_; }
    // Where the final bar ends: the model's output for the row.
    double finalValue() const { return final_; }

  signals:
    void rowChanged(std::size_t explained);

  protected:
    void redraw() override;
    void retranslate() override;

  private:
    QLabel* rowLabel_;
    QSpinBox* rowBox_;
    std::size_t row_ = 0;
    int maxSteps_ = 10;
    std::vector<WaterfallStep> steps_;
    double base_ = 0;
    double final_ = 0;
};

}  // namespace glassbox::gui
