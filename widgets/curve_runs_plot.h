#pragma once

#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

#include "engine/curves.h"
#include "widgets/plot_widget.h"

class QComboBox;
class QLabel;

namespace glassbox::gui {

// What the ROC, precision-recall and calibration plots share: several runs' curves overlaid
// (each run one colour), and for multiclass a chooser of which curves to show: every class,
// one class against the rest, or (ROC) the micro or macro average. A binary model shows its
// positive class (class 1).
class CurveRunsPlot : public PlotWidget {
    Q_OBJECT

  public:
    // Chooser values besides a class index.
    static constexpr int kAllClasses = -1;
    static constexpr int kMicroAverage = -2;
    static constexpr int kMacroAverage = -3;

    explicit CurveRunsPlot(QWidget* parent = nullptr);

    // The classes' names (the model's classes, in order); "class k" where missing.
    void setClassNames(const QStringList& names);
    // `label` names the run in the legend ("tree #3"). Runs are expected to share the classes.
    void addRun(const QString& label, std::shared_ptr<const ClassificationCurves> curves);
    void addRun(const QString& label, const ClassificationCurves& curves);
    void clear();
    int runCount() const { return static_cast<int>(runs_.size()); }

    // A class index, kAllClasses, kMicroAverage or kMacroAverage (multiclass only).
    void setChoice(int choice);
    int choice() const;
    QComboBox* choiceBox() const { return choiceBox_; }

    // Rows and positives of one class against the rest, recovered from its calibration
    // histogram (counts per bin times the fraction of positives in the bin).
    struct Totals {
        double positives = 0;
        double rows = 0;
    };
    static Totals classTotals(const ClassCurves& curves);

  protected:
    struct Run {
        QString label;
        std::shared_ptr<const ClassificationCurves> curves;
    };
    const std::vector<Run>& runs() const { return runs_; }
    int classCount() const;
    bool multiclass() const { return classCount() > 2; }
    QString className(int index) const;
    // The classes the current choice shows (empty for an average).
    std::vector<int> chosenClasses() const;
    virtual bool offersAverages() const { return false; }
    virtual void redraw() = 0;
    void retranslate() override;
    // Runs are told apart by colour; with every class shown, classes by colour and runs by
    // dash pattern.
    QPen seriesPen(int run, int classIndex) const;

  private:
    void fillChoices();

    std::vector<Run> runs_;
    QStringList classNames_;
    QLabel* choiceLabel_;
    QComboBox* choiceBox_;
};

}  // namespace glassbox::gui
