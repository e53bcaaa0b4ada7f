#include "widgets/shap_summary_plot.h"

#include <qcustomplot.h>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace glassbox::gui {
namespace {

constexpr std::uint64_t kSampleSeed = 20240607;
constexpr double kRowHeight = 0.8;

}  // namespace

std::vector<double> swarmOffsets(const std::vector<double>& values) {
    const std::size_t n = values.size();
    std::vector<double> offsets(n, 0.0);
    if (n == 0) return offsets;
    constexpr double kBins = 100;
    const auto [lowIt, highIt] = std::minmax_element(values.begin(), values.end());
    const double low = *lowIt;
    const double span = *highIt - low + 1e-8;
    std::vector<int> bin(n);
    for (std::size_t i = 0; i < n; ++i)
        bin[i] = static_cast<int>(std::round(kBins * (values[i] - low) / span));
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Within a bin, by value: neighbours along x alternate up and down.
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return bin[a] != bin[b] ? bin[a] < bin[b] : values[a] < values[b];
    });
    int layer = 0;
    int lastBin = -1;
    double widest = 0;
    for (std::size_t i : order) {
        if (bin[i] != lastBin) layer = 0;
        offsets[i] = std::ceil(layer / 2.0) * ((layer % 2) * 2 - 1);
        widest = std::max(widest, std::abs(offsets[i]));
        ++layer;
        lastBin = bin[i];
    }
    if (widest > 0)
        for (double& o : offsets) o /= widest + 1;
    return offsets;
}

ShapSummaryPlot::ShapSummaryPlot(QWidget* parent)
    : ShapPlotBase(QStringLiteral("shap-summary"), parent),
      features_(new QSpinBox(this)),
      featuresLabel_(new QLabel(this)) {
    setObjectName(QStringLiteral("shapSummaryPlot"));
    features_->setRange(1, 200);
    features_->setValue(20);
    addControl(featuresLabel_);
    addControl(features_);
    connect(features_, &QSpinBox::valueChanged, this, [this] { redraw(); });

    QCustomPlot* p = plot();
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    p->yAxis->setTickLength(0, 0);
    p->yAxis->setSubTickLength(0, 0);
    dots_ = new DotCloud(p->xAxis, p->yAxis);
    p->setMouseTracking(true);
    connect(p, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const std::ptrdiff_t dot = dots_->dotNear(event->position());
        if (dot < 0) {
            QToolTip::hideText();
            return;
        }
        const std::size_t tag = dots_->dots()[std::size_t(dot)].tag;
        const std::size_t feature = order_[tag / drawn_.size()];
        const std::size_t row = drawn_[tag % drawn_.size()];
        QToolTip::showText(event->globalPosition().toPoint(),
                           tr("%1\nSHAP value: %2\nrow %3")
                               .arg(featureValueText(feature, row))
                               .arg(shap().at(row, output(), feature), 0, 'g', 4)
                               .arg(labelRow(row)),
                           plot());
    });
    connect(p, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const std::ptrdiff_t dot = dots_->dotNear(event->position());
        if (dot >= 0 && event->button() == Qt::LeftButton)
            emit rowClicked(drawn_[dots_->dots()[std::size_t(dot)].tag % drawn_.size()]);
    });
    auto* zero = new QCPItemStraightLine(p);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(0, 1);
    zero->setPen(QPen(QColor(150, 150, 150), 1));

    scale_ = new QCPColorScale(p);
    scale_->setType(QCPAxis::atRight);
    scale_->setGradient(shapGradient());
    scale_->setDataRange(QCPRange(0, 1));
    scale_->setBarWidth(8);
    scale_->axis()->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    p->plotLayout()->addElement(0, 1, scale_);
    auto* group = new QCPMarginGroup(p);
    p->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, group);

    retranslate();
    redraw();
}

void ShapSummaryPlot::setMaxFeatures(int count) {
    features_->setValue(count);
}

int ShapSummaryPlot::maxFeatures() const {
    return features_->value();
}

void ShapSummaryPlot::setMaxDots(std::size_t rows) {
    maxDots_ = std::max<std::size_t>(rows, 1);
    redraw();
}

void ShapSummaryPlot::redraw() {
    QCustomPlot* p = plot();
    order_.clear();
    drawn_.clear();
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    if (!hasData()) {
        dots_->clear();
        p->yAxis->setTicker(ticker);
        setCaption(tr("No SHAP values to show"));
        p->replot();
        return;
    }
    const ShapValues& s = shap();
    order_ = rankedFeatures();
    if (order_.size() > static_cast<std::size_t>(maxFeatures()))
        order_.resize(static_cast<std::size_t>(maxFeatures()));
    drawn_ = sampleIndices(s.rows, maxDots_, kSampleSeed);
    std::vector<std::size_t> dataRows(drawn_.size());
    for (std::size_t i = 0; i < drawn_.size(); ++i) dataRows[i] = dataRow(drawn_[i]);

    std::vector<DotCloud::Dot> dots;
    dots.reserve(drawn_.size() * order_.size());
    const std::size_t shown = order_.size();
    double low = 0;
    double high = 0;
    std::vector<double> values(drawn_.size());
    for (std::size_t rank = 0; rank < shown; ++rank) {
        const std::size_t feature = order_[rank];
        const double y = static_cast<double>(shown - 1 - rank);
        for (std::size_t i = 0; i < drawn_.size(); ++i)
            values[i] = s.at(drawn_[i], output(), feature);
        const std::vector<double> offsets = swarmOffsets(values);
        const std::vector<double> colors =
            input().features ? colorPositions(*input().features, feature, dataRows)
                             : std::vector<double>(drawn_.size(), std::nan(""));
        for (std::size_t i = 0; i < drawn_.size(); ++i) {
            dots.push_back({values[i], y + offsets[i] * kRowHeight / 2, dotColor(colors[i]),
                            rank * drawn_.size() + i});
            low = std::min(low, values[i]);
            high = std::max(high, values[i]);
        }
        ticker->addTick(y, elided(featureName(feature)));
    }
    dots_->setDots(std::move(dots));
    p->yAxis->setTicker(ticker);
    p->yAxis->setRange(-0.6, static_cast<double>(shown) - 0.4);
    const double pad = std::max((high - low) * 0.05, 1e-9);
    p->xAxis->setRange(low - pad, high + pad);
    p->xAxis->setLabel(shapAxisLabel());

    QStringList notes;
    if (drawn_.size() < s.rows)
        notes << tr("showing a sample of %1 of %2 rows")
                     .arg(QLocale().toString(static_cast<qulonglong>(drawn_.size())),
                          QLocale().toString(static_cast<qulonglong>(s.rows)));
    else
        notes << tr("%n row(s)", nullptr, static_cast<int>(s.rows));
    if (shown < s.features)
        notes << tr("top %1 of %2 features by mean |SHAP|").arg(shown).arg(s.features);
    setCaption(notes.join(QStringLiteral("; ")));
    p->replot();
}

void ShapSummaryPlot::retranslate() {
    ShapPlotBase::retranslate();
    featuresLabel_->setText(tr("Features:"));
    features_->setToolTip(tr("How many features to show, by mean |SHAP|"));
    auto ticker = qSharedPointerCast<QCPAxisTickerText>(scale_->axis()->ticker());
    ticker->clear();
    ticker->addTick(0, tr("Low"));
    ticker->addTick(1, tr("High"));
    scale_->setLabel(tr("Feature value"));
    if (hasData()) redraw();
}

}  // namespace glassbox::gui
