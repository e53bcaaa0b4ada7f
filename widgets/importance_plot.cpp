#include "widgets/importance_plot.h"

#include <qcustomplot.h>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace glassbox::gui {
namespace {

constexpr int kDefaultTop = 20;
// Beyond this many bars the value labels would crowd the plot.
constexpr int kMaxValueLabels = 40;
constexpr int kNameWidth = 220;
constexpr double kMaxBarPixels = 26;

QString valueText(double value) {
    return QString::number(value, 'g', 3);
}

}  // namespace

ImportancePlot::ImportancePlot(QWidget* parent)
    : PlotWidget(parent), topLabel_(new QLabel(this)), top_(new QSpinBox(this)) {
    top_->setObjectName(QStringLiteral("importanceTopCount"));
    top_->setRange(1, kDefaultTop);
    top_->setValue(kDefaultTop);
    controls()->insertWidget(0, topLabel_);
    controls()->insertWidget(1, top_);
    QCustomPlot* p = plot();
    bars_ = new QCPBars(p->yAxis, p->xAxis);
    bars_->setWidth(0.7);
    bars_->setPen(QPen(QColor(31, 119, 180).darker(120)));
    bars_->setBrush(QColor(31, 119, 180, 200));
    bars_->setSelectable(QCP::stNone);
    errors_ = new QCPErrorBars(p->yAxis, p->xAxis);
    errors_->setErrorType(QCPErrorBars::etValueError);
    errors_->setDataPlottable(bars_);
    errors_->setPen(QPen(palette().color(QPalette::Text), 1.2));
    errors_->setWhiskerWidth(5);
    errors_->setSymbolGap(0);  // bars have no symbol: the whisker runs through the bar's end
    errors_->setSelectable(QCP::stNone);
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setTickLength(0, 0);
    p->yAxis->setSubTicks(false);
    // Bars at most kMaxBarPixels thick, so that a handful of features do not look like slabs.
    bars_->setWidthType(QCPBars::wtAbsolute);
    connect(p, &QCustomPlot::beforeReplot, this, [this] {
        const double slot =
            plot()->axisRect()->height() / std::max(1.0, plot()->yAxis->range().size());
        bars_->setWidth(std::clamp(slot * 0.7, 2.0, kMaxBarPixels));
    });
    // Names are elided on the axis: the whole name and the numbers on hover.
    p->setMouseTracking(true);
    connect(p, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const QString text = toolTipAt(event->position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, plot());
    });
    connect(top_, &QSpinBox::valueChanged, this, [this](int n) {
        wanted_ = n;
        redraw();
    });
    retranslate();
    clear();
}

void ImportancePlot::setImportance(const ImportanceResult& result, const QString& kindLabel) {
    result_ = result;
    kindLabel_ = kindLabel;
    // The spin box offers what there is; the count asked for stays for a later, longer result.
    const QSignalBlocker blocker(top_);
    top_->setRange(1, std::max(1, static_cast<int>(result_.features.size())));
    top_->setValue(wanted_);
    redraw();
}

void ImportancePlot::clear() {
    result_ = ImportanceResult{};
    kindLabel_.clear();
    redraw();
}

void ImportancePlot::setTopCount(int n) {
    wanted_ = std::max(1, n);
    const QSignalBlocker blocker(top_);
    top_->setValue(wanted_);
    redraw();
}

int ImportancePlot::topCount() const {
    return top_->value();
}

QStringList ImportancePlot::shownFeatures() const {
    QStringList names;
    const int shown = std::min<int>(top_->value(), static_cast<int>(result_.features.size()));
    for (int i = 0; i < shown; ++i)
        names << QString::fromStdString(result_.features[static_cast<std::size_t>(i)].name);
    return names;
}

std::vector<double> ImportancePlot::shownValues() const {
    // Bar i (most important first) sits at key shown - i.
    std::vector<double> values;
    for (auto it = bars_->data()->constEnd(); it != bars_->data()->constBegin();)
        values.push_back((--it)->value);
    return values;
}

std::vector<double> ImportancePlot::shownErrors() const {
    std::vector<double> errors;
    if (!hasErrorBars()) return errors;
    for (int i = errors_->dataCount() - 1; i >= 0; --i)
        errors.push_back(errors_->data()->at(i).errorPlus);
    return errors;
}

bool ImportancePlot::hasErrorBars() const {
    return errors_->visible() && errors_->dataCount() > 0;
}

QString ImportancePlot::toolTipAt(const QPointF& pixel) const {
    const QCPAxisRect* rect = plot()->axisRect();
    if (pixel.x() > rect->right() || pixel.y() < rect->top() || pixel.y() > rect->bottom())
        return {};
    const int shown = static_cast<int>(bars_->dataCount());
    const double key = plot()->yAxis->pixelToCoord(pixel.y());
    const int nearest = static_cast<int>(std::lround(key));
    if (std::abs(key - nearest) > 0.45 || nearest < 1 || nearest > shown) return {};
    const std::size_t rank = static_cast<std::size_t>(shown - nearest);
    const FeatureImportance& f = result_.features[rank];
    QString text =
        QStringLiteral("<b>%1</b><br>").arg(QString::fromStdString(f.name).toHtmlEscaped());
    text += result_.method == "permutation"
                ? tr("%1 \u00b1 %2 (standard deviation over the shuffles)")
                      .arg(valueText(f.value), valueText(f.std))
                : valueText(f.value);
    text += QStringLiteral("<br>") + tr("Rank %1 of %2").arg(rank + 1).arg(result_.features.size());
    return text;
}

void ImportancePlot::redraw() {
    QCustomPlot* p = plot();
    p->clearItems();
    const bool permutation = result_.method == "permutation";
    const int total = static_cast<int>(result_.features.size());
    const int shown = std::min(top_->value(), total);
    QVector<double> keys, values, errors;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const QFontMetrics metrics(p->yAxis->tickLabelFont());
    double low = 0, high = 0;
    // Keys ascending (the least important shown at the bottom), as the bars and whiskers pair by
    // index.
    for (int i = shown - 1; i >= 0; --i) {
        const FeatureImportance& f = result_.features[static_cast<std::size_t>(i)];
        const double key = shown - i;
        const double error = permutation ? f.std : 0.0;
        keys << key;
        values << f.value;
        errors << error;
        ticker->addTick(
            key, metrics.elidedText(QString::fromStdString(f.name), Qt::ElideMiddle, kNameWidth));
        low = std::min(low, f.value - error);
        high = std::max(high, f.value + error);
    }
    bars_->setData(keys, values, true);
    errors_->setVisible(permutation);
    if (permutation)
        errors_->setData(errors);
    else
        errors_->data()->clear();
    p->yAxis->setTicker(ticker);
    p->yAxis->setRange(0.4, shown + 0.6);
    const double span = high > low ? high - low : 1.0;
    const bool labelled = shown > 0 && shown <= kMaxValueLabels;
    p->xAxis->setRange(low - (low < 0 ? span * 0.15 : 0),
                       high + span * (labelled ? (permutation ? 0.34 : 0.16) : 0.03));
    if (labelled) {
        for (int i = 0; i < shown; ++i) {
            const FeatureImportance& f = result_.features[static_cast<std::size_t>(i)];
            const double error = permutation ? f.std : 0.0;
            auto* label = new QCPItemText(p);
            label->position->setCoords(f.value >= 0 ? f.value + error : f.value - error, shown - i);
            label->setPositionAlignment(Qt::AlignVCenter |
                                        (f.value >= 0 ? Qt::AlignLeft : Qt::AlignRight));
            label->setPadding(QMargins(4, 0, 4, 0));
            label->setText(
                permutation
                    ? QStringLiteral("%1 \u00b1 %2").arg(valueText(f.value), valueText(f.std))
                    : valueText(f.value));
            label->setFont(p->yAxis->tickLabelFont());
            label->setColor(palette().color(QPalette::Text));
        }
    }
    // Keep one text line per bar readable: the plot grows rather than the names overlapping.
    p->setMinimumHeight(std::max(180, shown * (metrics.height() + 3) + 110));

    QString axisLabel = kindLabel_;
    if (axisLabel.isEmpty()) {
        if (permutation)
            axisLabel = tr("Mean decrease in %1 when the feature is shuffled")
                            .arg(QString::fromStdString(result_.metric));
        else if (result_.method == "gain")
            axisLabel = tr("Share of the total gain");
        else if (!result_.method.empty())
            axisLabel = tr("Mean decrease in impurity");
    }
    p->xAxis->setLabel(axisLabel);
    QString caption;
    if (total > 0) caption = tr("Showing %1 of %n feature(s)", "", total).arg(shown);
    if (permutation && total > 0)
        caption += QStringLiteral(" \u00b7 ") +
                   tr("mean of %n shuffle(s) \u00b1 1 standard deviation \u00b7 "
                      "%1 unshuffled: %2 on %3 rows",
                      "", static_cast<int>(result_.repeats))
                       .arg(QString::fromStdString(result_.metric), valueText(result_.baseline),
                            groupedCount(result_.rows));
    if (total == 0) caption = tr("No importance to show");
    setCaption(caption);
    p->replot();
}

void ImportancePlot::retranslate() {
    PlotWidget::retranslate();
    setTitle(tr("Feature importance"));
    topLabel_->setText(tr("Show top:"));
    top_->setToolTip(tr("How many of the most important features are shown"));
    if (bars_) redraw();
}

}  // namespace glassbox::gui
