#pragma once

#include <QPointF>
#include <QString>
#include <QStringList>
#include <vector>

#include "engine/importance.h"
#include "widgets/plot_widget.h"

class QCPBars;
class QCPErrorBars;
class QLabel;
class QSpinBox;

namespace glassbox::gui {

// Feature importance as horizontal bars, the most important feature on top, the top N of them
// (a spin box, 20 by default). Permutation importance carries ±1 standard deviation whiskers.
class ImportancePlot : public PlotWidget {
    Q_OBJECT

  public:
    explicit ImportancePlot(QWidget* parent = nullptr);

    // `kindLabel` names what the values are ("Mean decrease in impurity", ...): the value
    // axis's label; empty for a label chosen from result.method.
    void setImportance(const ImportanceResult& result, const QString& kindLabel = {});
    void clear();
    // How many of the most important features to show (20 by default; at most all of them).
    void setTopCount(int n);
    int topCount() const;

    // What is drawn, most important first.
    QStringList shownFeatures() const;
    std::vector<double> shownValues() const;
    std::vector<double> shownErrors() const;  // empty without whiskers
    bool hasErrorBars() const;
    QSpinBox* topCountBox() const { return top_; }
    // The full name and value of the bar (or its name label) at `pixel`; empty elsewhere.
    QString toolTipAt(const QPointF& pixel) const;

  protected:
    void retranslate() override;

  private:
    void redraw();

    ImportanceResult result_;
    QString kindLabel_;
    QLabel* topLabel_;
    QSpinBox* top_;
    int wanted_ = 20;
    QCPBars* bars_ = nullptr;
    QCPErrorBars* errors_ = nullptr;
};

}  // namespace glassbox::gui
