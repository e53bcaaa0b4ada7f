#include "widgets/shap_bar_plot.h"

#include <qcustomplot.h>
#include <QLabel>
#include <QSpinBox>
#include <algorithm>

namespace glassbox::gui {

ShapBarPlot::ShapBarPlot(QWidget* parent)
    : ShapPlotBase(QStringLiteral("shap-importance"), parent),
      features_(new QSpinBox(this)),
      featuresLabel_(new QLabel(this)) {
    setObjectName(QStringLiteral("shapBarPlot"));
    features_->setRange(1, 200);
    features_->setValue(15);
    addControl(featuresLabel_);
    addControl(features_);
    connect(features_, &QSpinBox::valueChanged, this, [this] { redraw(); });

    QCustomPlot* p = plot();
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setTickLength(0, 0);
    p->yAxis->setSubTickLength(0, 0);
    bars_ = new QCPBars(p->yAxis, p->xAxis);
    bars_->setWidth(0.7);
    bars_->setPen(Qt::NoPen);
    bars_->setBrush(QColor(255, 0, 81));
    otherBar_ = new QCPBars(p->yAxis, p->xAxis);
    otherBar_->setWidth(0.7);
    otherBar_->setPen(Qt::NoPen);
    otherBar_->setBrush(QColor(170, 170, 170));
    retranslate();
    redraw();
}

void ShapBarPlot::setMaxFeatures(int count) {
    features_->setValue(count);
}

int ShapBarPlot::maxFeatures() const {
    return features_->value();
}

void ShapBarPlot::redraw() {
    QCustomPlot* p = plot();
    p->clearItems();
    bars_->data()->clear();
    otherBar_->data()->clear();
    order_.clear();
    values_.clear();
    other_ = 0;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    if (!hasData()) {
        p->yAxis->setTicker(ticker);
        setCaption(tr("No SHAP values to show"));
        p->replot();
        return;
    }
    const ShapValues& s = shap();
    const std::vector<double> mean = meanAbsolute();
    order_ = rankedFeatures();
    const std::size_t limit = static_cast<std::size_t>(maxFeatures());
    std::size_t othersCount = 0;
    if (order_.size() > limit) {
        for (std::size_t i = limit; i < order_.size(); ++i) other_ += mean[order_[i]];
        othersCount = order_.size() - limit;
        order_.resize(limit);
    }
    const std::size_t rows = order_.size() + (othersCount > 0 ? 1 : 0);
    double high = 0;
    auto label = [&](double y, double value) {
        auto* text = new QCPItemText(p);
        text->position->setAxes(p->xAxis, p->yAxis);
        text->position->setCoords(value, y);
        text->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        text->setPadding(QMargins(4, 0, 0, 0));
        text->setText(QString::number(value, 'g', 3));
        text->setColor(palette().color(QPalette::Text));
        text->setClipToAxisRect(false);
    };
    for (std::size_t rank = 0; rank < order_.size(); ++rank) {
        const double y = static_cast<double>(rows - 1 - rank);
        const double value = mean[order_[rank]];
        values_.push_back(value);
        bars_->addData(y, value);
        ticker->addTick(y, elided(featureName(order_[rank])));
        label(y, value);
        high = std::max(high, value);
    }
    if (othersCount > 0) {
        otherBar_->addData(0, other_);
        ticker->addTick(0, tr("%n other feature(s)", nullptr, static_cast<int>(othersCount)));
        label(0, other_);
        high = std::max(high, other_);
    }
    p->yAxis->setTicker(ticker);
    p->yAxis->setRange(-0.6, static_cast<double>(rows) - 0.4);
    // Room on the right for the value labels.
    p->xAxis->setRange(0, high > 0 ? high * 1.18 : 1);
    p->xAxis->setLabel(shapAxisLabel(true));
    setCaption(tr("mean over %n row(s)", nullptr, static_cast<int>(s.rows)));
    p->replot();
}

void ShapBarPlot::retranslate() {
    ShapPlotBase::retranslate();
    featuresLabel_->setText(tr("Features:"));
    features_->setToolTip(tr("How many features to show; the rest are summed"));
    if (hasData()) redraw();
}

}  // namespace glassbox::gui
