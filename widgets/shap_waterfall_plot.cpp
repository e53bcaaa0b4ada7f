#include "widgets/shap_waterfall_plot.h"

#include <qcustomplot.h>
#include <QLabel>
#include <QSpinBox>
#include <algorithm>

namespace glassbox::gui {
namespace {

const QColor kPositive(255, 0, 81);
const QColor kNegative(0, 139, 251);
const QColor kNet(90, 90, 90);
constexpr double kHalfBar = 0.32;

}  // namespace

ShapWaterfallPlot::ShapWaterfallPlot(QWidget* parent)
    : ShapPlotBase(QStringLiteral("shap-waterfall"), parent),
      rowLabel_(new QLabel(this)),
      rowBox_(new QSpinBox(this)) {
    setObjectName(QStringLiteral("shapWaterfallPlot"));
    rowBox_->setObjectName(QStringLiteral("waterfallRowBox"));
    rowBox_->setRange(1, 1);
    addControl(rowLabel_);
    addControl(rowBox_);
    connect(rowBox_, &QSpinBox::valueChanged, this,
            [this](int value) { setRow(static_cast<std::size_t>(std::max(value, 1) - 1)); });
    QCustomPlot* p = plot();
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setTickLength(0, 0);
    p->yAxis->setSubTickLength(0, 0);
    retranslate();
    redraw();
}

void ShapWaterfallPlot::setRow(std::size_t explained) {
    if (hasData() && explained >= shap().rows) return;
    const bool changed = explained != row_;
    row_ = explained;
    {
        const QSignalBlocker blocker(rowBox_);
        rowBox_->setValue(static_cast<int>(explained) + 1);
    }
    redraw();
    if (changed) emit rowChanged(explained);
}

void ShapWaterfallPlot::setMaxSteps(int count) {
    maxSteps_ = std::max(count, 2);
    redraw();
}

void ShapWaterfallPlot::redraw() {
    QCustomPlot* p = plot();
    p->clearItems();
    steps_.clear();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    if (!hasData()) {
        p->yAxis->setTicker(ticker);
        setCaption(tr("No SHAP values to show"));
        p->replot();
        return;
    }
    const ShapValues& s = shap();
    if (row_ >= s.rows) row_ = 0;
    {
        const QSignalBlocker blocker(rowBox_);
        rowBox_->setRange(1, static_cast<int>(s.rows));
        rowBox_->setValue(static_cast<int>(row_) + 1);
        rowBox_->setSuffix(tr(" of %1").arg(s.rows));
    }
    base_ = s.base[output()];
    const std::vector<FeatureContribution> ranked = sortedContributions(s, row_, output());
    const std::size_t limit = static_cast<std::size_t>(maxSteps_);
    const std::size_t shown = ranked.size() > limit ? limit - 1 : ranked.size();
    double at = base_;
    for (std::size_t k = 0; k < shown; ++k) {
        const FeatureContribution& c = ranked[k];
        steps_.push_back({featureValueText(c.feature, row_), c.feature, at, at + c.value});
        at += c.value;
    }
    if (shown < ranked.size()) {
        double rest = 0;
        for (std::size_t k = shown; k < ranked.size(); ++k) rest += ranked[k].value;
        const int count = static_cast<int>(ranked.size() - shown);
        steps_.push_back({tr("%n other feature(s)", nullptr, count), std::nullopt, at, at + rest});
        at += rest;
    }
    final_ = at;

    // Rows top to bottom: the steps, then the final bar at y = 0.
    const std::size_t rows = steps_.size() + 1;
    double low = std::min(base_, final_);
    double high = std::max(base_, final_);
    auto bar = [&](double y, double from, double to, const QColor& color) {
        auto* rect = new QCPItemRect(p);
        rect->topLeft->setCoords(std::min(from, to), y + kHalfBar);
        rect->bottomRight->setCoords(std::max(from, to), y - kHalfBar);
        rect->setPen(Qt::NoPen);
        rect->setBrush(color);
    };
    auto valueLabel = [&](double y, double from, double to, const QString& text) {
        auto* label = new QCPItemText(p);
        label->position->setCoords(to, y);
        const bool right = to >= from;
        label->setPositionAlignment((right ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
        label->setPadding(right ? QMargins(4, 0, 0, 0) : QMargins(0, 0, 4, 0));
        label->setText(text);
        label->setColor(palette().color(QPalette::Text));
    };
    auto connector = [&](double x, double fromY, double toY) {
        auto* line = new QCPItemLine(p);
        line->start->setCoords(x, fromY);
        line->end->setCoords(x, toY);
        line->setPen(QPen(QColor(140, 140, 140), 1, Qt::DotLine));
    };
    for (std::size_t k = 0; k < steps_.size(); ++k) {
        const WaterfallStep& step = steps_[k];
        const double y = static_cast<double>(rows - 1 - k);
        const double change = step.end - step.start;
        bar(y, step.start, step.end, change >= 0 ? kPositive : kNegative);
        valueLabel(
            y, step.start, step.end,
            (change >= 0 ? QStringLiteral("+") : QString()) + QString::number(change, 'g', 3));
        connector(step.end, y - kHalfBar, y - 1 + kHalfBar);
        ticker->addTick(y, step.label);
        low = std::min({low, step.start, step.end});
        high = std::max({high, step.start, step.end});
    }
    bar(0, base_, final_, kNet);
    valueLabel(0, base_, final_, QStringLiteral("f(x) = %1").arg(final_, 0, 'g', 4));
    ticker->addTick(0, tr("model output"));

    // The base value: a dashed line through every row, labelled above the top one.
    auto* baseLine = new QCPItemLine(p);
    baseLine->start->setCoords(base_, -0.5);
    baseLine->end->setCoords(base_, static_cast<double>(rows) - 0.5);
    baseLine->setPen(QPen(QColor(110, 110, 110), 1, Qt::DashLine));
    auto* baseText = new QCPItemText(p);
    baseText->position->setCoords(base_, static_cast<double>(rows) - 0.5);
    baseText->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    baseText->setText(QStringLiteral("E[f(x)] = %1").arg(base_, 0, 'g', 4));
    baseText->setColor(palette().color(QPalette::Text));
    baseText->setClipToAxisRect(false);

    p->yAxis->setTicker(ticker);
    p->yAxis->setRange(-0.6, static_cast<double>(rows) - 0.5 + 0.6);
    // Room for the value labels on both sides.
    const double span = std::max(high - low, 1e-9);
    p->xAxis->setRange(low - span * 0.22, high + span * 0.22);
    p->xAxis->setLabel(outputUnit().isEmpty() ? tr("Model output")
                                              : tr("Model output (%1)").arg(outputUnit()));
    setCaption(tr("Data row %1").arg(labelRow(row_)));
    p->replot();
}

void ShapWaterfallPlot::retranslate() {
    ShapPlotBase::retranslate();
    rowLabel_->setText(tr("Row:"));
    rowBox_->setToolTip(tr("The explained row shown"));
    if (hasData()) redraw();
}

}  // namespace glassbox::gui
