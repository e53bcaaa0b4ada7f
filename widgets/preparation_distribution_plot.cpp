#include "widgets/preparation_distribution_plot.h"

#include <qcustomplot.h>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <algorithm>

namespace glassbox::gui {
namespace {

constexpr int kMaxLabelChars = 14;
const QColor kBeforeColor(160, 160, 160);
const QColor kAfterColor(49, 130, 206);

QString elided(const QString& label) {
    if (label.size() <= kMaxLabelChars) return label;
    return label.left(kMaxLabelChars - 1) + QChar(0x2026);
}

QCPBars* makeBars(QCustomPlot* plot, const QColor& color) {
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    QColor fill = color;
    fill.setAlpha(190);
    bars->setBrush(fill);
    bars->setPen(QPen(color.darker(130), 1));
    return bars;
}

}  // namespace

PreparationDistributionPlot::PreparationDistributionPlot(QWidget* parent)
    : PlotWidget(parent), caption_(new QLabel(this)), picker_(new QComboBox(this)) {
    picker_->setObjectName(QStringLiteral("distributionColumn"));
    picker_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    picker_->setMinimumContentsLength(12);
    controls()->insertWidget(0, caption_);
    controls()->insertWidget(1, picker_, 1);
    plot()->setObjectName(QStringLiteral("distributionPlot"));
    plot()->setMinimumHeight(160);
    styleAxisRect(nullptr);
    // The legend in a row of its own under the title: inside the axes it hides bars.
    QCPLegend* legend = plot()->legend;
    plot()->axisRect()->insetLayout()->take(legend);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setMargins(QMargins(4, 0, 4, 0));
    plot()->plotLayout()->insertRow(1);
    plot()->plotLayout()->addElement(1, 0, legend);
    plot()->plotLayout()->setRowStretchFactor(1, 0.001);
    legend->setVisible(true);
    plot()->xAxis->grid()->setVisible(false);
    connect(picker_, &QComboBox::currentTextChanged, this, [this](const QString& column) {
        if (!column.isEmpty()) emit columnChosen(column);
    });
    retranslate();
    clear();
}

void PreparationDistributionPlot::retranslate() {
    PlotWidget::retranslate();
    caption_->setText(tr("Column:"));
    picker_->setToolTip(tr("The column whose values are compared before and after the step"));
    plot()->yAxis->setLabel(tr("Rows"));
    if (distribution_) draw();
}

void PreparationDistributionPlot::setColumns(const QStringList& columns) {
    const QString kept = picker_->currentText();
    {
        const QSignalBlocker block(picker_);
        picker_->clear();
        picker_->addItems(columns);
        const int index = picker_->findText(kept);
        picker_->setCurrentIndex(index >= 0 ? index : (columns.isEmpty() ? -1 : 0));
    }
}

QString PreparationDistributionPlot::column() const {
    return picker_->currentText();
}

void PreparationDistributionPlot::setColumn(const QString& column) {
    const int index = picker_->findText(column);
    if (index >= 0) picker_->setCurrentIndex(index);
}

void PreparationDistributionPlot::reset() {
    plot()->clearPlottables();
    before_ = after_ = nullptr;
    plot()->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot()->xAxis->setSubTicks(true);
    plot()->xAxis->setTickLabelRotation(0);
    plot()->xAxis->setLabel(QString());
    plot()->xAxis->setRange(0, 1);
    plot()->yAxis->setRange(0, 1);
    setTitle(QString());
    setCaption(QString());
}

void PreparationDistributionPlot::clear() {
    distribution_.reset();
    reset();
    plot()->legend->setVisible(false);
    plot()->replot();
}

void PreparationDistributionPlot::showPending() {
    setCaption(tr("Counting…"));
    plot()->replot();
}

void PreparationDistributionPlot::showDistribution(const DistributionPtr& distribution,
                                                   const QString& stepName) {
    distribution_ = distribution;
    stepName_ = stepName;
    draw();
}

void PreparationDistributionPlot::draw() {
    reset();
    const DistributionComparison* d = distribution_.get();
    if (!d) {
        plot()->replot();
        return;
    }
    const QString column = QString::fromStdString(d->column);
    setTitle(tr("%1 before and after %2").arg(column, stepName_));
    plot()->xAxis->setLabel(column);
    before_ = makeBars(plot(), kBeforeColor);
    after_ = makeBars(plot(), kAfterColor);
    before_->setName(tr("Before (%Ln rows)", nullptr, int(d->rowsBefore)));
    after_->setName(tr("After (%Ln rows)", nullptr, int(d->rowsAfter)));
    auto* group = new QCPBarsGroup(plot());
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(0);
    before_->setBarsGroup(group);
    after_->setBarsGroup(group);

    QVector<double> keys, beforeCounts, afterCounts;
    for (std::size_t i = 0; i < d->before.size(); ++i) {
        beforeCounts << double(d->before[i]);
        afterCounts << double(d->after[i]);
    }
    if (!d->edges.empty()) {
        const double first = d->edges.front();
        const double last = d->edges.back();
        const double width = (last - first) / double(std::max<std::size_t>(1, d->before.size()));
        for (std::size_t i = 0; i + 1 < d->edges.size(); ++i)
            keys << (d->edges[i] + d->edges[i + 1]) / 2;
        before_->setWidthType(QCPBars::wtPlotCoords);
        after_->setWidthType(QCPBars::wtPlotCoords);
        before_->setWidth(width * 0.48);
        after_->setWidth(width * 0.48);
        if (d->type == ColumnType::DateTime) {
            auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
            ticker->setDateTimeSpec(Qt::UTC);
            ticker->setDateTimeFormat(d->hasTime ? QStringLiteral("yyyy-MM-dd\nhh:mm")
                                                 : QStringLiteral("yyyy-MM-dd"));
            ticker->setTickCount(4);
            plot()->xAxis->setTicker(ticker);
        }
        const double pad = std::max(width * 0.5, (last - first) * 0.02);
        plot()->xAxis->setRange(first - pad, last + pad);
    } else {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        int widest = 0;
        const QFontMetrics metrics(plot()->xAxis->tickLabelFont());
        for (std::size_t i = 0; i < d->labels.size(); ++i) {
            const double key = double(i + 1);
            keys << key;
            const QString label = d->labels[i] == kOtherValues
                                      ? tr("(other)")
                                      : elided(QString::fromStdString(d->labels[i]));
            ticker->addTick(key, label);
            widest = std::max(widest, metrics.horizontalAdvance(label));
        }
        before_->setWidth(0.4);
        after_->setWidth(0.4);
        plot()->xAxis->setTicker(ticker);
        plot()->xAxis->setSubTicks(false);
        const int slot = (std::max(plot()->width(), 300) - 60) / std::max(1, int(keys.size()));
        if (widest + 6 > slot)
            plot()->xAxis->setTickLabelRotation(slot >= 2 * metrics.height() ? 45 : 90);
        plot()->xAxis->setRange(0.4, double(keys.size()) + 0.6);
    }
    before_->setData(keys, beforeCounts, true);
    after_->setData(keys, afterCounts, true);
    double top = 1;
    for (std::size_t i = 0; i < d->before.size(); ++i)
        top = std::max({top, double(d->before[i]), double(d->after[i])});
    plot()->yAxis->setRange(0, top * 1.08);
    plot()->legend->setVisible(true);

    QStringList notes;
    notes << tr("Missing cells: %1 before, %2 after.").arg(d->missingBefore).arg(d->missingAfter);
    if (!d->inBefore) notes << tr("The step added this column.");
    if (!d->inAfter) notes << tr("The step dropped this column.");
    if (d->before.empty()) notes << tr("No values to count.");
    setCaption(notes.join(QLatin1Char(' ')));
    plot()->replot();
}

}  // namespace glassbox::gui
