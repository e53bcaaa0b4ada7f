#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "widgets/dot_cloud.h"
#include "widgets/shap_plot_base.h"

class QCPColorScale;

namespace glassbox::gui {

struct DependencePoint {
    std::size_t row = 0;  // explained row
    double x = 0;         // the feature's value (category code for a categorical feature)
    double shap = 0;      // its SHAP value
};

// One feature's SHAP values against its values (one dot per explained row; categories spread
// a little sideways), coloured by a second numeric feature (low blue to high red). By default
// the second feature is the one whose values best explain the spread of the first feature's
// SHAP values (SHAP's approximate interactions). Rows with a missing value are left out and
// counted in the caption; beyond maxPoints() a seeded sample is drawn.
class ShapDependencePlot : public ShapPlotBase {
    Q_OBJECT

  public:
    explicit ShapDependencePlot(QWidget* parent = nullptr);

    void setFeature(std::size_t feature);
    std::size_t feature() const { return feature_; }
    // nullopt: no colouring.
    void setColorFeature(std::optional<std::size_t> feature);
    std::optional<std::size_t> colorFeature() const { return colorFeature_; }
    void setMaxPoints(std::size_t count);  // 20 000 by default

    const std::vector<DependencePoint>& points() const { return points_; }

  signals:
    // A dot was clicked: its explained row.
    void rowClicked(std::size_t explained);

  protected:
    void inputChanged() override;
    void redraw() override;
    void retranslate() override;

  private:
    void fillFeatureBoxes();
    std::optional<std::size_t> strongestInteraction(const std::vector<std::size_t>& rows) const;

    QLabel* featureLabel_;
    QComboBox* featureBox_;
    QLabel* colorLabel_;
    QComboBox* colorBox_;
    QCPColorScale* scale_;
    DotCloud* dots_;
    std::size_t feature_ = 0;
    std::optional<std::size_t> colorFeature_;
    bool colorChosen_ = false;  // by the user or setColorFeature: keep it across features
    std::size_t maxPoints_ = 20000;
    std::vector<DependencePoint> points_;
};

}  // namespace glassbox::gui
