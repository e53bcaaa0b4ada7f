#pragma once

#include <QStringList>

#include "widgets/plot_widget.h"
#include "widgets/preparation_types.h"

class QCPBars;
class QComboBox;
class QLabel;

namespace glassbox::gui {

// One column before and after a preparation step, side by side: histogram bars over shared bins
// for numbers, one pair of bars per value otherwise. The column picker sits above the plot.
class PreparationDistributionPlot : public PlotWidget {
    Q_OBJECT

  public:
    explicit PreparationDistributionPlot(QWidget* parent = nullptr);

    // The columns to choose from (the chosen one kept when it is among them).
    void setColumns(const QStringList& columns);
    QString column() const;
    void setColumn(const QString& column);
    QComboBox* columnPicker() const { return picker_; }

    // `stepName` names what changed the column ("impute", "all steps").
    void showDistribution(const DistributionPtr& distribution, const QString& stepName);
    void showPending();
    void clear();
    const DistributionPtr& distribution() const { return distribution_; }
    QCPBars* beforeBars() const { return before_; }
    QCPBars* afterBars() const { return after_; }

  signals:
    void columnChosen(const QString& column);

  protected:
    void retranslate() override;

  private:
    void draw();
    void reset();

    QLabel* caption_;
    QComboBox* picker_;
    DistributionPtr distribution_;
    QString stepName_;
    QCPBars* before_ = nullptr;
    QCPBars* after_ = nullptr;
};

}  // namespace glassbox::gui
