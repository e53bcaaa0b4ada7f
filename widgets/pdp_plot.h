#pragma once

#include <QStringList>
#include <cstddef>
#include <memory>
#include <vector>

#include "engine/partial_dependence.h"
#include "widgets/exportable_plot.h"

class QCPBars;
class QCheckBox;
class QCPGraph;
class QComboBox;
class QLabel;

namespace glassbox::gui {

// Partial dependence of one feature (the thick line, or bars for a categorical feature) over
// its ICE curves (one thin translucent line per row; beyond maxIceLines() a seeded sample, said
// in the caption). For classification a picker chooses the class whose probability is drawn
// (a two-class model starts on the second class).
class PdpPlot : public ExportablePlot {
    Q_OBJECT

  public:
    explicit PdpPlot(QWidget* parent = nullptr);

    // featureName: the varied feature; classNames: one per output for classification, empty
    // for regression (targetName then labels the y axis).
    void setPartialDependence(std::shared_ptr<const PartialDependence> pd,
                              const QString& featureName, const QStringList& classNames,
                              const QString& targetName = {});
    void clear();
    void setOutput(std::size_t output);
    std::size_t output() const { return output_; }
    void setMaxIceLines(std::size_t count);  // 300 by default
    void setShowIce(bool show);

    // The average drawn, one value per grid point, and how many ICE curves are drawn.
    const std::vector<double>& averageLine() const { return average_; }
    std::size_t iceLineCount() const { return iceLines_; }

  protected:
    void retranslate() override;

  private:
    void redraw();
    void fillOutputs();

    std::shared_ptr<const PartialDependence> pd_;
    QString featureName_;
    QStringList classNames_;
    QString targetName_;
    std::size_t output_ = 0;
    std::size_t maxIce_ = 300;
    bool showIce_ = true;
    QLabel* outputLabel_;
    QComboBox* outputBox_;
    QCheckBox* iceBox_;
    std::vector<QCPGraph*> ice_;
    QCPGraph* line_;
    QCPBars* bars_;
    std::vector<double> average_;
    std::size_t iceLines_ = 0;
};

}  // namespace glassbox::gui
