#include "widgets/metric_series_chart.h"

#include <qcustomplot.h>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace glassbox::gui {
namespace {

// Beyond this many points the value labels would overlap: the points alone speak.
constexpr int kMaxValueLabels = 20;
constexpr int kMaxTickLabels = 16;

}  // namespace

MetricSeriesChart::MetricSeriesChart(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    metricLabel_ = new QLabel(this);
    metric_ = new QComboBox(this);
    metric_->setObjectName(QStringLiteral("seriesMetricBox"));
    metric_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    caption_ = new QLabel(this);
    caption_->setTextFormat(Qt::PlainText);
    // A long caption is cut rather than squeezing the metric chooser.
    caption_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    top->addWidget(metricLabel_);
    top->addWidget(metric_);
    top->addSpacing(12);
    top->addWidget(caption_, 1);
    layout->addLayout(top);
    layout->addWidget(plot_, 1);

    plot_->setObjectName(QStringLiteral("seriesPlot"));
    plot_->setMinimumHeight(160);
    plot_->setBackground(palette().color(QPalette::Base));
    plot_->xAxis->grid()->setVisible(false);
    plot_->setInteractions(QCP::iSelectPlottables);

    line_ = plot_->addGraph();
    line_->setPen(QPen(QColor(49, 130, 206), 2));
    line_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(49, 130, 206), 2), Qt::white, 8));
    line_->setSelectable(QCP::stSingleData);
    current_ = plot_->addGraph();
    current_->setLineStyle(QCPGraph::lsNone);
    current_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(QColor(221, 107, 32)),
                                              QColor(221, 107, 32), 13));
    current_->setSelectable(QCP::stNone);

    connect(metric_, &QComboBox::activated, this,
            [this] { emit metricChosen(metric_->currentText()); });
    connect(
        plot_, &QCustomPlot::plottableClick, this,
        [this](QCPAbstractPlottable* plottable, int dataIndex, QMouseEvent*) {
            if (plottable == line_ && dataIndex >= 0 && dataIndex < static_cast<int>(ids_.size()))
                emit versionClicked(ids_[static_cast<std::size_t>(dataIndex)]);
        });

    retranslate();
    clear();
}

void MetricSeriesChart::setMetrics(const QStringList& metrics, const QString& chosen) {
    const QSignalBlocker blocker(metric_);
    metric_->clear();
    metric_->addItems(metrics);
    const int index = static_cast<int>(metrics.indexOf(chosen));
    metric_->setCurrentIndex(index >= 0 ? index : (metrics.isEmpty() ? -1 : 0));
}

QString MetricSeriesChart::currentMetric() const {
    return metric_->currentText();
}

void MetricSeriesChart::clear(const QString& message) {
    ids_.clear();
    line_->data()->clear();
    current_->data()->clear();
    plot_->clearItems();
    plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot_->xAxis->setRange(0, 1);
    plot_->yAxis->setRange(0, 1);
    plot_->yAxis->setLabel(QString());
    caption_->setText(message);
    caption_->setToolTip(message);
    plot_->replot();
}

void MetricSeriesChart::showSeries(const MetricSeries& series, qint64 currentVersion,
                                   const QString& caption) {
    clear(caption);
    const QString metric = QString::fromStdString(series.metric);
    plot_->yAxis->setLabel(metric);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const int n = static_cast<int>(series.points.size());
    const int tickStep = std::max(1, (n + kMaxTickLabels - 1) / kMaxTickLabels);
    double low = INFINITY;
    double high = -INFINITY;
    for (int i = 0; i < n; ++i) {
        const MetricPoint& p = series.points[static_cast<std::size_t>(i)];
        if (i % tickStep == 0) ticker->addTick(i, QStringLiteral("#%1").arg(p.version));
        if (!p.value || std::isnan(*p.value)) continue;
        const double value = *p.value;
        ids_.push_back(p.version);
        line_->addData(i, value);
        if (p.version == currentVersion) current_->addData(i, value);
        low = std::min(low, value);
        high = std::max(high, value);
    }
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setLabel(tr("Version"));
    plot_->xAxis->setRange(-0.5, std::max(0.5, n - 0.5));
    if (ids_.empty()) {
        caption_->setText(caption + QStringLiteral(" \u2014 ") + tr("no values"));
        plot_->replot();
        return;
    }
    const double span = high > low ? high - low : std::max(0.05, std::abs(high) * 0.05);
    plot_->yAxis->setRange(low - span * 0.15, high + span * 0.25);
    if (static_cast<int>(ids_.size()) <= kMaxValueLabels) {
        for (auto it = line_->data()->constBegin(); it != line_->data()->constEnd(); ++it) {
            auto* label = new QCPItemText(plot_);
            label->position->setType(QCPItemPosition::ptPlotCoords);
            label->position->setCoords(it->key, it->value);
            label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            label->setPadding(QMargins(0, 0, 0, 8));
            label->setText(QString::number(it->value, 'f', 4));
            label->setColor(palette().color(QPalette::Text));
            label->setClipToAxisRect(false);
        }
    }
    plot_->replot();
}

void MetricSeriesChart::retranslate() {
    metricLabel_->setText(tr("Metric:"));
    metric_->setToolTip(tr("The metric shown over the versions"));
}

void MetricSeriesChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
