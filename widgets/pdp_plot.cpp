#include "widgets/pdp_plot.h"

#include <qcustomplot.h>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <algorithm>
#include <cmath>

#include "widgets/shap_plot_base.h"

namespace glassbox::gui {
namespace {

constexpr std::uint64_t kSampleSeed = 20240607;
const QColor kAverage(221, 107, 32);
const QColor kIce(49, 130, 206);

}  // namespace

PdpPlot::PdpPlot(QWidget* parent)
    : ExportablePlot(QStringLiteral("partial-dependence"), parent),
      outputLabel_(new QLabel(this)),
      outputBox_(new QComboBox(this)),
      iceBox_(new QCheckBox(this)) {
    setObjectName(QStringLiteral("pdpPlot"));
    outputBox_->setObjectName(QStringLiteral("pdpOutputBox"));
    outputBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    iceBox_->setChecked(true);
    addControl(outputLabel_);
    addControl(outputBox_);
    addControl(iceBox_);
    connect(outputBox_, &QComboBox::activated, this,
            [this](int index) { setOutput(static_cast<std::size_t>(std::max(index, 0))); });
    connect(iceBox_, &QCheckBox::toggled, this, &PdpPlot::setShowIce);

    QCustomPlot* p = plot();
    bars_ = new QCPBars(p->xAxis, p->yAxis);
    bars_->setWidth(0.6);
    bars_->setPen(QPen(kAverage.darker(130)));
    QColor fill = kAverage;
    fill.setAlpha(150);
    bars_->setBrush(fill);
    p->xAxis->grid()->setZeroLinePen(Qt::NoPen);
    line_ = p->addGraph();
    line_->setPen(QPen(kAverage, 3));
    p->legend->setVisible(true);
    p->legend->setBrush(QColor(255, 255, 255, 220));
    p->legend->setFont(font());
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    // The average is drawn above the ICE lines added later.
    p->addLayer(QStringLiteral("average"), p->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    line_->setLayer(QStringLiteral("average"));
    retranslate();
    redraw();
}

void PdpPlot::setPartialDependence(std::shared_ptr<const PartialDependence> pd,
                                   const QString& featureName, const QStringList& classNames,
                                   const QString& targetName) {
    pd_ = std::move(pd);
    featureName_ = featureName;
    classNames_ = classNames;
    targetName_ = targetName;
    output_ = pd_ && pd_->outputs == 2 ? 1 : 0;
    fillOutputs();
    redraw();
}

void PdpPlot::clear() {
    setPartialDependence(nullptr, {}, {});
}

void PdpPlot::setOutput(std::size_t output) {
    if (!pd_ || output >= pd_->outputs) return;
    output_ = output;
    const QSignalBlocker blocker(outputBox_);
    outputBox_->setCurrentIndex(static_cast<int>(output));
    redraw();
}

void PdpPlot::setMaxIceLines(std::size_t count) {
    maxIce_ = count;
    redraw();
}

void PdpPlot::setShowIce(bool show) {
    showIce_ = show;
    const QSignalBlocker blocker(iceBox_);
    iceBox_->setChecked(show);
    redraw();
}

void PdpPlot::fillOutputs() {
    const QSignalBlocker blocker(outputBox_);
    outputBox_->clear();
    const std::size_t outputs = pd_ ? pd_->outputs : 0;
    for (std::size_t o = 0; o < outputs; ++o)
        outputBox_->addItem(o < std::size_t(classNames_.size()) ? classNames_[qsizetype(o)]
                                                                : tr("Output %1").arg(o + 1));
    outputBox_->setCurrentIndex(static_cast<int>(output_));
    outputLabel_->setVisible(outputs > 1);
    outputBox_->setVisible(outputs > 1);
}

void PdpPlot::redraw() {
    QCustomPlot* p = plot();
    for (QCPGraph* graph : ice_) p->removeGraph(graph);
    ice_.clear();
    line_->data()->clear();
    bars_->data()->clear();
    average_.clear();
    iceLines_ = 0;
    if (!pd_ || pd_->grid.empty()) {
        p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        setCaption(tr("No partial dependence to show"));
        p->replot();
        return;
    }
    const PartialDependence& pd = *pd_;
    const std::size_t points = pd.grid.size();
    // Categories sit at 0, 1, 2, ... (named on the axis); numbers at their values.
    QVector<double> keys(static_cast<qsizetype>(points));
    for (std::size_t g = 0; g < points; ++g)
        keys[qsizetype(g)] = pd.categorical ? double(g) : pd.grid[g];
    double low = INFINITY, high = -INFINITY;
    QVector<double> average(static_cast<qsizetype>(points));
    for (std::size_t g = 0; g < points; ++g) {
        average_.push_back(pd.averageAt(g, output_));
        average[qsizetype(g)] = average_.back();
        low = std::min(low, average_.back());
        high = std::max(high, average_.back());
    }
    const std::vector<std::size_t> drawn =
        showIce_ ? sampleIndices(pd.rows.size(), maxIce_, kSampleSeed) : std::vector<std::size_t>{};
    // Fainter the more lines overlap.
    QColor iceColor = kIce;
    iceColor.setAlphaF(
        std::clamp(6.0 / std::sqrt(double(std::max<std::size_t>(drawn.size(), 1))), 0.12, 0.5));
    // Categories: each row's values are dots spread across the bar (lines between unordered
    // categories would suggest an order).
    const double spread = 0.5 / double(std::max<std::size_t>(drawn.size(), 1));
    for (std::size_t k = 0; k < drawn.size(); ++k) {
        const std::size_t i = drawn[k];
        QCPGraph* graph = p->addGraph();
        graph->setSelectable(QCP::stNone);
        QVector<double> rowKeys = keys;
        if (pd.categorical) {
            graph->setLineStyle(QCPGraph::lsNone);
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, iceColor, 4));
            for (double& key : rowKeys) key += -0.25 + spread * (double(k) + 0.5);
        } else {
            graph->setPen(QPen(iceColor, 1));
        }
        if (k > 0) graph->removeFromLegend();
        QVector<double> values(static_cast<qsizetype>(points));
        for (std::size_t g = 0; g < points; ++g) {
            values[qsizetype(g)] = pd.iceAt(i, g, output_);
            low = std::min(low, values[qsizetype(g)]);
            high = std::max(high, values[qsizetype(g)]);
        }
        graph->setData(rowKeys, values, true);
        graph->setName(tr("ICE (one per row)"));
        ice_.push_back(graph);
    }
    iceLines_ = drawn.size();
    line_->removeFromLegend();
    bars_->removeFromLegend();
    (pd.categorical ? static_cast<QCPAbstractPlottable*>(bars_) : line_)->addToLegend();
    if (pd.categorical) {
        bars_->setData(keys, average, true);
        line_->setVisible(false);
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (std::size_t g = 0; g < points; ++g)
            ticker->addTick(double(g),
                            elided(g < pd.levels.size() ? QString::fromStdString(pd.levels[g])
                                                        : QString::number(pd.grid[g]),
                                   16));
        p->xAxis->setTicker(ticker);
        p->xAxis->setTickLabelRotation(points > 5 ? -35 : 0);
        p->xAxis->setRange(-0.6, double(points) - 0.4);
        low = std::min(low, 0.0);
    } else {
        line_->setVisible(true);
        line_->setData(keys, average, true);
        p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        p->xAxis->setTickLabelRotation(0);
        const double span = std::max(keys.back() - keys.front(), 1e-9);
        p->xAxis->setRange(keys.front() - span * 0.02, keys.back() + span * 0.02);
    }
    const double pad = std::max((high - low) * 0.05, 1e-9);
    // Headroom for the legend in the top right corner.
    p->yAxis->setRange(low - pad, high + pad + (high - low) * 0.2);
    p->xAxis->setLabel(featureName_);
    if (pd.outputs > 1)
        p->yAxis->setLabel(tr("Probability of %1")
                               .arg(output_ < std::size_t(classNames_.size())
                                        ? classNames_[qsizetype(output_)]
                                        : QString::number(output_ + 1)));
    else
        p->yAxis->setLabel(targetName_.isEmpty() ? tr("Prediction")
                                                 : tr("Predicted %1").arg(targetName_));
    QString caption = tr("average over %n row(s)", nullptr, int(pd.rows.size()));
    if (showIce_ && drawn.size() < pd.rows.size())
        caption += QStringLiteral("; ") + tr("showing %1 of %2 ICE curves")
                                              .arg(QLocale().toString(qulonglong(drawn.size())),
                                                   QLocale().toString(qulonglong(pd.rows.size())));
    setCaption(caption);
    p->replot();
}

void PdpPlot::retranslate() {
    ExportablePlot::retranslate();
    outputLabel_->setText(tr("Class:"));
    outputBox_->setToolTip(tr("The class whose probability is drawn"));
    iceBox_->setText(tr("ICE curves"));
    line_->setName(tr("Partial dependence (average)"));
    bars_->setName(tr("Partial dependence (average)"));
    iceBox_->setToolTip(tr("One thin line per row: the prediction as only this feature changes"));
    if (pd_) redraw();
}

}  // namespace glassbox::gui
