#pragma once

#include <QRgb>
#include <QStringList>
#include <cstddef>
#include <memory>
#include <vector>

#include "engine/feature_matrix.h"
#include "engine/shap.h"
#include "widgets/exportable_plot.h"

class QColor;
class QCPColorGradient;
class QComboBox;
class QLabel;

namespace glassbox::gui {

// What the SHAP plots draw: the engine's values and the feature values of the explained rows.
struct ShapPlotInput {
    std::shared_ptr<const ShapValues> shap;
    // The matrix the rows were explained from; rows[i] is explained row i's row in it (empty:
    // explained row i is row i).
    std::shared_ptr<const FeatureMatrix> features;
    std::vector<std::size_t> rows;
    // The table row of each explained row, for labels ("Data row 37"); empty: dataRow's.
    std::vector<std::size_t> tableRows;
    // One name per SHAP output (the classes), for the output picker; empty for regression.
    QStringList outputNames;
};

// The base of the four SHAP plots: holds the input and the chosen output (a class picker shown
// when there is more than one output; a two-class model starts on the second class).
class ShapPlotBase : public ExportablePlot {
    Q_OBJECT

  public:
    void setInput(ShapPlotInput input);
    void clear();
    const ShapPlotInput& input() const { return input_; }
    bool hasData() const { return input_.shap && input_.shap->rows > 0; }
    std::size_t output() const { return output_; }
    void setOutput(std::size_t output);

  protected:
    ShapPlotBase(const QString& exportName, QWidget* parent);
    // Called by setInput before redraw(): reset choices that depend on the data.
    virtual void inputChanged() {}
    // Redraws everything from input() and output().
    virtual void redraw() = 0;
    void retranslate() override;

    const ShapValues& shap() const { return *input_.shap; }
    // The table row to name for explained row `explained`.
    std::size_t labelRow(std::size_t explained) const {
        return explained < input_.tableRows.size() ? input_.tableRows[explained]
                                                    : dataRow(explained);
    }
    std::size_t dataRow(std::size_t explained) const {
        return input_.rows.empty() ? explained : input_.rows[explained];
    }
    QString featureName(std::size_t feature) const;
    // "radius = 17.99", "colour = red", "x = missing".
    QString featureValueText(std::size_t feature, std::size_t explained) const;
    // "log-odds of M", "probability of M"; empty for a regression value.
    QString outputUnit() const;
    // "SHAP value (log-odds of M)", "mean |SHAP value| (log-odds of M)".
    QString shapAxisLabel(bool meanAbsolute = false) const;
    // Mean |SHAP| of each feature for the chosen output over all explained rows.
    std::vector<double> meanAbsolute() const;
    // Features by decreasing mean |SHAP| (ties by feature order).
    std::vector<std::size_t> rankedFeatures() const;

  private:
    void fillOutputs();

    ShapPlotInput input_;
    std::size_t output_ = 0;
    QLabel* outputLabel_;
    QComboBox* outputBox_;
};

// The SHAP colour scale (low blue to high red).
QCPColorGradient shapGradient();
// The colour of a position in [0, 1] on that scale; grey for NaN.
QRgb dotColor(double position);
// Each given data row's colour position in [0, 1] for `feature`: numeric values scaled between
// their 5th and 95th percentiles over those rows (clipped); NaN for missing values and
// categorical features (drawn grey).
std::vector<double> colorPositions(const FeatureMatrix& features, std::size_t feature,
                                   const std::vector<std::size_t>& rows);
// A seeded sample of `count` of 0 .. n - 1 in increasing order (all of them when count >= n).
std::vector<std::size_t> sampleIndices(std::size_t n, std::size_t count, std::uint64_t seed);
// "radius_mean…" for names longer than `length` characters.
QString elided(const QString& text, int length = 28);

}  // namespace glassbox::gui
