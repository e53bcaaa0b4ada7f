#include "widgets/shap_dependence_plot.h"

#include <qcustomplot.h>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace glassbox::gui {
namespace {

constexpr std::uint64_t kSampleSeed = 20240607;
const QColor kPlain(0, 139, 251);

// A fixed sideways spread in [-0.2, 0.2] for dots of a category, from the row number.
double categoryJitter(std::size_t row) {
    const std::uint64_t h = (static_cast<std::uint64_t>(row) + 1) * 0x9E3779B97F4A7C15ull;
    return (static_cast<double>(h >> 40) / static_cast<double>(1ull << 24) - 0.5) * 0.4;
}

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
    const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        sab += (a[i] - ma) * (b[i] - mb);
        saa += (a[i] - ma) * (a[i] - ma);
        sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

}  // namespace

ShapDependencePlot::ShapDependencePlot(QWidget* parent)
    : ShapPlotBase(QStringLiteral("shap-dependence"), parent),
      featureLabel_(new QLabel(this)),
      featureBox_(new QComboBox(this)),
      colorLabel_(new QLabel(this)),
      colorBox_(new QComboBox(this)) {
    setObjectName(QStringLiteral("shapDependencePlot"));
    featureBox_->setObjectName(QStringLiteral("dependenceFeatureBox"));
    colorBox_->setObjectName(QStringLiteral("dependenceColorBox"));
    for (QComboBox* box : {featureBox_, colorBox_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setMaximumWidth(260);
    }
    addControl(featureLabel_);
    addControl(featureBox_);
    addControl(colorLabel_);
    addControl(colorBox_);
    connect(featureBox_, &QComboBox::activated, this,
            [this](int index) { setFeature(featureBox_->itemData(index).value<qulonglong>()); });
    connect(colorBox_, &QComboBox::activated, this, [this](int index) {
        const qlonglong f = colorBox_->itemData(index).toLongLong();
        setColorFeature(f < 0 ? std::nullopt : std::optional<std::size_t>(std::size_t(f)));
    });

    QCustomPlot* p = plot();
    p->xAxis->grid()->setZeroLinePen(Qt::NoPen);
    dots_ = new DotCloud(p->xAxis, p->yAxis);
    p->setMouseTracking(true);
    connect(p, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const std::ptrdiff_t dot = dots_->dotNear(event->position());
        if (dot < 0) {
            QToolTip::hideText();
            return;
        }
        const DependencePoint& point = points_[dots_->dots()[std::size_t(dot)].tag];
        QString text = tr("%1\nSHAP value: %2\nrow %3")
                           .arg(featureValueText(feature_, point.row))
                           .arg(point.shap, 0, 'g', 4)
                           .arg(labelRow(point.row));
        if (colorFeature_) text += QLatin1Char('\n') + featureValueText(*colorFeature_, point.row);
        QToolTip::showText(event->globalPosition().toPoint(), text, plot());
    });
    connect(p, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const std::ptrdiff_t dot = dots_->dotNear(event->position());
        if (dot >= 0 && event->button() == Qt::LeftButton)
            emit rowClicked(points_[dots_->dots()[std::size_t(dot)].tag].row);
    });
    dots_->setRadius(2.5);
    auto* zero = new QCPItemStraightLine(p);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);
    zero->setPen(QPen(QColor(170, 170, 170), 1, Qt::DashLine));
    scale_ = new QCPColorScale(p);
    scale_->setType(QCPAxis::atRight);
    scale_->setGradient(shapGradient());
    scale_->setBarWidth(8);
    p->plotLayout()->addElement(0, 1, scale_);
    auto* group = new QCPMarginGroup(p);
    p->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    retranslate();
    redraw();
}

void ShapDependencePlot::inputChanged() {
    const std::vector<std::size_t> ranked = rankedFeatures();
    feature_ = ranked.empty() ? 0 : ranked.front();
    colorFeature_.reset();
    colorChosen_ = false;
    fillFeatureBoxes();
}

void ShapDependencePlot::fillFeatureBoxes() {
    const QSignalBlocker a(featureBox_);
    const QSignalBlocker b(colorBox_);
    featureBox_->clear();
    colorBox_->clear();
    colorBox_->addItem(tr("(none)"), qlonglong(-1));
    if (!hasData()) return;
    for (std::size_t f : rankedFeatures()) {
        featureBox_->addItem(elided(featureName(f), 40), qulonglong(f));
        featureBox_->setItemData(featureBox_->count() - 1, featureName(f), Qt::ToolTipRole);
        if (input().features && f < input().features->featureCount() &&
            !input().features->isCategorical(f))
            colorBox_->addItem(elided(featureName(f), 40), qlonglong(f));
    }
}

void ShapDependencePlot::setFeature(std::size_t feature) {
    if (hasData() && feature >= shap().features) return;
    feature_ = feature;
    if (!colorChosen_) colorFeature_.reset();
    redraw();
}

void ShapDependencePlot::setColorFeature(std::optional<std::size_t> feature) {
    colorFeature_ = feature;
    colorChosen_ = true;
    redraw();
}

void ShapDependencePlot::setMaxPoints(std::size_t count) {
    maxPoints_ = std::max<std::size_t>(count, 1);
    redraw();
}

std::optional<std::size_t> ShapDependencePlot::strongestInteraction(
    const std::vector<std::size_t>& rows) const {
    if (!input().features || rows.size() < 4) return std::nullopt;
    const FeatureMatrix& x = *input().features;
    // Rows by the feature's value; in runs of neighbours, how well each other feature follows
    // the SHAP values (the spread a second feature explains).
    std::vector<std::size_t> sorted = rows;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [&](std::size_t a, std::size_t b) { return points_[a].x < points_[b].x; });
    const std::size_t step =
        std::max<std::size_t>(std::min<std::size_t>(sorted.size() / 10, 50), 1);
    std::optional<std::size_t> best;
    double bestScore = 0;
    for (std::size_t c = 0; c < x.featureCount(); ++c) {
        if (c == feature_ || x.isCategorical(c)) continue;
        const std::span<const double> values = x.values(c);
        double score = 0;
        for (std::size_t start = 0; start < sorted.size(); start += step) {
            std::vector<double> a, b;
            for (std::size_t i = start; i < std::min(start + step, sorted.size()); ++i) {
                const DependencePoint& point = points_[sorted[i]];
                const double v = values[dataRow(point.row)];
                if (std::isnan(v)) continue;
                a.push_back(point.shap);
                b.push_back(v);
            }
            if (a.size() > 1) score += std::abs(correlation(a, b));
        }
        if (score > bestScore) {
            bestScore = score;
            best = c;
        }
    }
    return best;
}

void ShapDependencePlot::redraw() {
    QCustomPlot* p = plot();
    dots_->clear();
    points_.clear();
    scale_->setVisible(false);
    if (!hasData()) {
        p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        setCaption(tr("No SHAP values to show"));
        p->replot();
        return;
    }
    const ShapValues& s = shap();
    const FeatureMatrix* x = input().features.get();
    const bool categorical = x && x->isCategorical(feature_);
    const std::vector<std::size_t> sample = sampleIndices(s.rows, maxPoints_, kSampleSeed);
    std::size_t missing = 0;
    for (std::size_t r : sample) {
        double value = std::nan("");
        if (x && categorical) {
            const std::int32_t code = x->codes(feature_)[dataRow(r)];
            if (code >= 0) value = code;
        } else if (x) {
            value = x->values(feature_)[dataRow(r)];
        }
        if (std::isnan(value)) {
            ++missing;
            continue;
        }
        points_.push_back({r, value, s.at(r, output(), feature_)});
    }
    if (!colorChosen_) {
        std::vector<std::size_t> all(points_.size());
        std::iota(all.begin(), all.end(), std::size_t{0});
        colorFeature_ = strongestInteraction(all);
    }
    {
        const QSignalBlocker a(featureBox_);
        const QSignalBlocker b(colorBox_);
        featureBox_->setCurrentIndex(featureBox_->findData(qulonglong(feature_)));
        colorBox_->setCurrentIndex(
            std::max(0, colorBox_->findData(colorFeature_ ? qlonglong(*colorFeature_) : -1)));
    }
    std::vector<double> colors(points_.size(), std::nan(""));
    if (colorFeature_ && x) {
        std::vector<std::size_t> dataRows(points_.size());
        for (std::size_t i = 0; i < points_.size(); ++i) dataRows[i] = dataRow(points_[i].row);
        colors = colorPositions(*x, *colorFeature_, dataRows);
    }
    std::vector<DotCloud::Dot> dots;
    dots.reserve(points_.size());
    double low = INFINITY, high = -INFINITY, bottom = 0, top = 0;
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const DependencePoint& point = points_[i];
        const double drawnX = categorical ? point.x + categoryJitter(point.row) : point.x;
        dots.push_back({drawnX, point.shap, colorFeature_ ? dotColor(colors[i]) : kPlain.rgb(), i});
        low = std::min(low, drawnX);
        high = std::max(high, drawnX);
        bottom = std::min(bottom, point.shap);
        top = std::max(top, point.shap);
    }
    dots_->setDots(std::move(dots));
    if (categorical) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        const auto& levels = x->schema().features[feature_].levels;
        for (std::size_t l = 0; l < levels.size(); ++l)
            ticker->addTick(double(l), elided(QString::fromStdString(levels[l]), 16));
        p->xAxis->setTicker(ticker);
        p->xAxis->setRange(-0.6, std::max<double>(double(levels.size()) - 0.4, 0.6));
    } else {
        p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        if (points_.empty()) {
            p->xAxis->setRange(0, 1);
        } else {
            const double pad = std::max((high - low) * 0.04, 1e-9);
            p->xAxis->setRange(low - pad, high + pad);
        }
    }
    const double pad = std::max((top - bottom) * 0.06, 1e-9);
    p->yAxis->setRange(bottom - pad, top + pad);
    p->xAxis->setLabel(featureName(feature_));
    p->yAxis->setLabel(
        tr("SHAP value for %1").arg(elided(featureName(feature_), 30)) +
        (outputUnit().isEmpty() ? QString() : QStringLiteral("\n(%1)").arg(outputUnit())));
    if (colorFeature_) {
        scale_->setVisible(true);
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        ticker->addTick(0, tr("Low"));
        ticker->addTick(1, tr("High"));
        scale_->axis()->setTicker(ticker);
        scale_->setDataRange(QCPRange(0, 1));
        scale_->setLabel(elided(featureName(*colorFeature_), 30));
    }
    QStringList notes;
    if (sample.size() < s.rows)
        notes << tr("showing a sample of %1 of %2 rows")
                     .arg(QLocale().toString(qulonglong(sample.size())),
                          QLocale().toString(qulonglong(s.rows)));
    if (missing > 0) notes << tr("%n row(s) with a missing value not shown", nullptr, int(missing));
    setCaption(notes.join(QStringLiteral("; ")));
    p->replot();
}

void ShapDependencePlot::retranslate() {
    ShapPlotBase::retranslate();
    featureLabel_->setText(tr("Feature:"));
    colorLabel_->setText(tr("Colour by:"));
    featureBox_->setToolTip(tr("The feature whose SHAP values are drawn against its values"));
    colorBox_->setToolTip(tr("The feature that colours the dots"));
    if (colorBox_->count() > 0) colorBox_->setItemText(0, tr("(none)"));
    if (hasData()) redraw();
}

}  // namespace glassbox::gui
