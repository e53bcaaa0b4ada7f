#include "widgets/curve_runs_plot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPen>
#include <array>
#include <cmath>

#include "widgets/class_colors.h"

namespace glassbox::gui {

CurveRunsPlot::CurveRunsPlot(QWidget* parent)
    : PlotWidget(parent), choiceLabel_(new QLabel(this)), choiceBox_(new QComboBox(this)) {
    choiceBox_->setObjectName(QStringLiteral("curveChoiceBox"));
    choiceBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    controls()->insertWidget(0, choiceLabel_);
    controls()->insertWidget(1, choiceBox_);
    choiceLabel_->setVisible(false);
    choiceBox_->setVisible(false);
    connect(choiceBox_, &QComboBox::activated, this, [this] { redraw(); });
    CurveRunsPlot::retranslate();
}

void CurveRunsPlot::setClassNames(const QStringList& names) {
    classNames_ = names;
    fillChoices();
    redraw();
}

void CurveRunsPlot::addRun(const QString& label,
                           std::shared_ptr<const ClassificationCurves> curves) {
    if (!curves) return;
    runs_.push_back({label, std::move(curves)});
    fillChoices();
    redraw();
}

void CurveRunsPlot::addRun(const QString& label, const ClassificationCurves& curves) {
    addRun(label, std::make_shared<const ClassificationCurves>(curves));
}

void CurveRunsPlot::clear() {
    runs_.clear();
    fillChoices();
    redraw();
}

void CurveRunsPlot::setChoice(int choice) {
    const int index = choiceBox_->findData(choice);
    if (index >= 0) choiceBox_->setCurrentIndex(index);
    redraw();
}

int CurveRunsPlot::choice() const {
    if (!multiclass()) return 1;
    return choiceBox_->currentIndex() >= 0 ? choiceBox_->currentData().toInt() : kAllClasses;
}

CurveRunsPlot::Totals CurveRunsPlot::classTotals(const ClassCurves& curves) {
    const CalibrationCurve& c = curves.calibration;
    Totals totals;
    std::size_t filled = 0;
    for (std::size_t count : c.counts) {
        totals.rows += static_cast<double>(count);
        if (count == 0 || filled >= c.fractionPositive.size()) continue;
        totals.positives += c.fractionPositive[filled++] * static_cast<double>(count);
    }
    totals.positives = std::round(totals.positives);
    return totals;
}

int CurveRunsPlot::classCount() const {
    int count = 0;
    for (const Run& run : runs_)
        count = std::max(count, static_cast<int>(run.curves->perClass.size()));
    return count;
}

QString CurveRunsPlot::className(int index) const {
    if (index >= 0 && index < classNames_.size()) return classNames_[index];
    return tr("class %1").arg(index);
}

std::vector<int> CurveRunsPlot::chosenClasses() const {
    const int chosen = choice();
    if (chosen == kAllClasses) {
        std::vector<int> all(static_cast<std::size_t>(classCount()));
        for (std::size_t k = 0; k < all.size(); ++k) all[k] = static_cast<int>(k);
        return all;
    }
    if (chosen >= 0) return {chosen};
    return {};
}

QPen CurveRunsPlot::seriesPen(int run, int classIndex) const {
    static const std::array<Qt::PenStyle, 4> kDashes{Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                     Qt::DashDotLine};
    if (multiclass() && choice() == kAllClasses) {
        QPen pen(classColor(classIndex, classCount()), 2);
        pen.setStyle(kDashes[static_cast<std::size_t>(run) % kDashes.size()]);
        return pen;
    }
    return QPen(runColor(run), 2);
}

void CurveRunsPlot::fillChoices() {
    const bool many = multiclass();
    choiceLabel_->setVisible(many);
    choiceBox_->setVisible(many);
    const int previous =
        choiceBox_->currentIndex() >= 0 ? choiceBox_->currentData().toInt() : kAllClasses;
    const QSignalBlocker blocker(choiceBox_);
    choiceBox_->clear();
    if (!many) return;
    choiceBox_->addItem(tr("Every class"), kAllClasses);
    for (int k = 0; k < classCount(); ++k)
        choiceBox_->addItem(tr("%1 against the rest").arg(className(k)), k);
    if (offersAverages()) {
        choiceBox_->addItem(tr("Micro average"), kMicroAverage);
        choiceBox_->addItem(tr("Macro average"), kMacroAverage);
    }
    const int index = choiceBox_->findData(previous);
    choiceBox_->setCurrentIndex(index >= 0 ? index : 0);
}

void CurveRunsPlot::retranslate() {
    PlotWidget::retranslate();
    choiceLabel_->setText(tr("Curves:"));
    choiceBox_->setToolTip(tr("Which class's curves are shown (one class against the rest)"));
    fillChoices();
}

}  // namespace glassbox::gui
