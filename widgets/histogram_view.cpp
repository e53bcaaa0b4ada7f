#include "widgets/histogram_view.h"

#include <qcustomplot.h>
#include <QEvent>
#include <QVBoxLayout>
#include <algorithm>

namespace glassbox::gui {
namespace {

constexpr int kMaxLabelChars = 14;

QColor barColor(ColumnType type) {
    switch (type) {
        case ColumnType::Numeric:
            return QColor(49, 130, 206);
        case ColumnType::Categorical:
            return QColor(221, 107, 32);
        case ColumnType::Boolean:
            return QColor(47, 133, 90);
        case ColumnType::Text:
            return QColor(107, 70, 193);
        case ColumnType::DateTime:
            return QColor(197, 48, 48);
    }
    return Qt::gray;
}

QCPBars* addBars(QCustomPlot* plot, ColumnType type) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    const QColor color = barColor(type);
    QColor fill = color;
    fill.setAlpha(170);
    bars->setBrush(fill);
    bars->setPen(QPen(color.darker(130), 1));
    return bars;
}

// Tick labels as short as the range allows, so that several fit side by side.
QString dateTickFormat(double rangeSeconds, bool hasTime) {
    constexpr double kDay = 86400;
    if (rangeSeconds >= 3 * 365 * kDay) return QStringLiteral("yyyy");
    if (rangeSeconds >= 90 * kDay) return QStringLiteral("yyyy-MM");
    if (hasTime && rangeSeconds < 3 * kDay) return QStringLiteral("MM-dd\nhh:mm");
    return QStringLiteral("yyyy-MM-dd");
}

QString elided(const QString& label) {
    if (label.size() <= kMaxLabelChars) return label;
    return label.left(kMaxLabelChars - 1) + QChar(0x2026);
}

}  // namespace

HistogramView::HistogramView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setObjectName(QStringLiteral("histogramPlot"));
    plot_->setMinimumHeight(180);
    plot_->setBackground(palette().color(QPalette::Base));
    plot_->yAxis->setLabel(tr("Count"));
    plot_->xAxis->grid()->setVisible(false);
    clear();
}

void HistogramView::clear() {
    reset();
    plot_->replot();
}

void HistogramView::reset() {
    plot_->clearPlottables();
    plot_->xAxis->setSubTicks(true);
    plot_->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot_->xAxis->setTickLabelRotation(0);
    plot_->xAxis->setLabel(QString());
    plot_->xAxis->setRange(0, 1);
    plot_->yAxis->setRange(0, 1);
}

void HistogramView::showHistogram(const ColumnStats& stats, bool hasTime) {
    reset();
    plot_->xAxis->setLabel(QString::fromStdString(stats.name));
    if (!stats.histogram.edges.empty())
        showBins(stats, hasTime);
    else if (!stats.histogram.counts.empty())
        showBars(stats);
    const auto top =
        stats.histogram.counts.empty()
            ? std::size_t{1}
            : *std::max_element(stats.histogram.counts.begin(), stats.histogram.counts.end());
    plot_->yAxis->setRange(0, std::max(1.0, static_cast<double>(top) * 1.08));
    plot_->replot();
}

void HistogramView::showBins(const ColumnStats& stats, bool hasTime) {
    const Histogram& h = stats.histogram;
    const double first = h.edges.front();
    const double last = h.edges.back();
    const double width = (last - first) / static_cast<double>(h.counts.size());
    QVector<double> keys, values;
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        keys << (h.edges[i] + h.edges[i + 1]) / 2;
        values << static_cast<double>(h.counts[i]);
    }
    QCPBars* bars = addBars(plot_, stats.type);
    bars->setWidthType(QCPBars::wtPlotCoords);
    bars->setWidth(width);
    bars->setData(keys, values, true);
    if (stats.type == ColumnType::DateTime) {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        ticker->setDateTimeSpec(Qt::UTC);
        ticker->setDateTimeFormat(dateTickFormat(last - first, hasTime));
        ticker->setTickCount(4);
        plot_->xAxis->setTicker(ticker);
    }
    const double pad = (last - first) * 0.02;
    plot_->xAxis->setRange(first - pad, last + pad);
}

void HistogramView::showBars(const ColumnStats& stats) {
    const Histogram& h = stats.histogram;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> keys, values;
    int widest = 0;
    const QFontMetrics metrics(plot_->xAxis->tickLabelFont());
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        const double key = static_cast<double>(i + 1);
        keys << key;
        values << static_cast<double>(h.counts[i]);
        const QString label = elided(QString::fromStdString(h.labels[i]));
        ticker->addTick(key, label);
        widest = std::max(widest, metrics.horizontalAdvance(label));
    }
    QCPBars* bars = addBars(plot_, stats.type);
    bars->setWidth(0.7);
    bars->setData(keys, values, true);
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setSubTicks(false);
    // Rotate the labels when they would not fit side by side under their bars.
    const int available = std::max(plot_->width(), 300) - 60;
    const int slot = available / std::max(1, static_cast<int>(h.counts.size()));
    double rotation = 0;
    if (widest + 6 > slot) rotation = slot >= 2 * metrics.height() ? 45 : 90;
    plot_->xAxis->setTickLabelRotation(rotation);
    plot_->xAxis->setRange(0.4, static_cast<double>(h.counts.size()) + 0.6);
}

void HistogramView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        plot_->yAxis->setLabel(tr("Count"));
        plot_->replot();
    }
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
