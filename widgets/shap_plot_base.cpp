#include "widgets/shap_plot_base.h"

#include <qcustomplot.h>
#include <QComboBox>
#include <QLabel>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace glassbox::gui {

ShapPlotBase::ShapPlotBase(const QString& exportName, QWidget* parent)
    : ExportablePlot(exportName, parent),
      outputLabel_(new QLabel(this)),
      outputBox_(new QComboBox(this)) {
    outputBox_->setObjectName(QStringLiteral("shapOutputBox"));
    outputBox_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addControl(outputLabel_);
    addControl(outputBox_);
    outputLabel_->setVisible(false);
    outputBox_->setVisible(false);
    connect(outputBox_, &QComboBox::activated, this,
            [this](int index) { setOutput(static_cast<std::size_t>(std::max(index, 0))); });
    ShapPlotBase::retranslate();
}

void ShapPlotBase::setInput(ShapPlotInput input) {
    input_ = std::move(input);
    const std::size_t outputs = input_.shap ? input_.shap->outputs : 0;
    output_ = outputs == 2 ? 1 : 0;
    fillOutputs();
    inputChanged();
    redraw();
}

void ShapPlotBase::clear() {
    setInput({});
}

void ShapPlotBase::setOutput(std::size_t output) {
    if (!input_.shap || output >= input_.shap->outputs) return;
    output_ = output;
    const QSignalBlocker blocker(outputBox_);
    outputBox_->setCurrentIndex(static_cast<int>(output));
    redraw();
}

void ShapPlotBase::fillOutputs() {
    const QSignalBlocker blocker(outputBox_);
    outputBox_->clear();
    const std::size_t outputs = input_.shap ? input_.shap->outputs : 0;
    for (std::size_t o = 0; o < outputs; ++o)
        outputBox_->addItem(o < static_cast<std::size_t>(input_.outputNames.size())
                                ? input_.outputNames[static_cast<qsizetype>(o)]
                                : tr("Output %1").arg(o + 1));
    outputBox_->setCurrentIndex(static_cast<int>(output_));
    outputLabel_->setVisible(outputs > 1);
    outputBox_->setVisible(outputs > 1);
}

void ShapPlotBase::retranslate() {
    ExportablePlot::retranslate();
    outputLabel_->setText(tr("Class:"));
    outputBox_->setToolTip(tr("The class whose output the SHAP values explain"));
}

QString ShapPlotBase::featureName(std::size_t feature) const {
    if (input_.features && feature < input_.features->featureCount())
        return QString::fromStdString(input_.features->schema().features[feature].name);
    return tr("feature %1").arg(feature + 1);
}

QString ShapPlotBase::featureValueText(std::size_t feature, std::size_t explained) const {
    const QString name = featureName(feature);
    if (!input_.features || feature >= input_.features->featureCount()) return name;
    const FeatureMatrix& x = *input_.features;
    const std::size_t row = dataRow(explained);
    QString value = tr("missing");
    if (x.isCategorical(feature)) {
        const std::int32_t code = x.codes(feature)[row];
        if (code >= 0 && static_cast<std::size_t>(code) < x.levelCount(feature))
            value = QString::fromStdString(
                x.schema().features[feature].levels[static_cast<std::size_t>(code)]);
    } else {
        const double v = x.values(feature)[row];
        if (!std::isnan(v)) value = QString::number(v, 'g', 4);
    }
    return QStringLiteral("%1 = %2").arg(elided(name, 24), elided(value, 16));
}

QString ShapPlotBase::outputUnit() const {
    if (!input_.shap) return {};
    const std::string& unit = input_.shap->output;
    const QString name = output_ < static_cast<std::size_t>(input_.outputNames.size())
                             ? input_.outputNames[static_cast<qsizetype>(output_)]
                             : QString();
    if (unit == "log-odds") return name.isEmpty() ? tr("log-odds") : tr("log-odds of %1").arg(name);
    if (unit == "probability")
        return name.isEmpty() ? tr("probability") : tr("probability of %1").arg(name);
    return {};
}

QString ShapPlotBase::shapAxisLabel(bool meanAbsolute) const {
    const QString unit = outputUnit();
    const QString what = meanAbsolute ? tr("mean |SHAP value|") : tr("SHAP value");
    return unit.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(what, unit);
}

std::vector<double> ShapPlotBase::meanAbsolute() const {
    std::vector<double> mean(hasData() ? shap().features : 0, 0.0);
    if (!hasData()) return mean;
    const ShapValues& s = shap();
    for (std::size_t r = 0; r < s.rows; ++r)
        for (std::size_t f = 0; f < s.features; ++f) mean[f] += std::abs(s.at(r, output_, f));
    for (double& m : mean) m /= static_cast<double>(s.rows);
    return mean;
}

std::vector<std::size_t> ShapPlotBase::rankedFeatures() const {
    const std::vector<double> mean = meanAbsolute();
    std::vector<std::size_t> order(mean.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return mean[a] > mean[b]; });
    return order;
}

QCPColorGradient shapGradient() {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(0, 139, 251));
    gradient.setColorStopAt(0.5, QColor(134, 60, 214));
    gradient.setColorStopAt(1.0, QColor(255, 0, 81));
    gradient.setColorInterpolation(QCPColorGradient::ciRGB);
    return gradient;
}

QRgb dotColor(double position) {
    // color() fills the gradient's lookup table on first use, hence not const (GUI thread only).
    static QCPColorGradient gradient = shapGradient();
    if (std::isnan(position)) return qRgb(160, 160, 160);
    return gradient.color(position, QCPRange(0, 1));
}

std::vector<double> colorPositions(const FeatureMatrix& features, std::size_t feature,
                                   const std::vector<std::size_t>& rows) {
    std::vector<double> positions(rows.size(), std::nan(""));
    if (feature >= features.featureCount() || features.isCategorical(feature)) return positions;
    const std::span<const double> values = features.values(feature);
    std::vector<double> present;
    present.reserve(rows.size());
    for (std::size_t row : rows)
        if (!std::isnan(values[row])) present.push_back(values[row]);
    if (present.empty()) return positions;
    auto quantile = [&](double q) {
        auto at = present.begin() + static_cast<std::ptrdiff_t>(q * double(present.size() - 1));
        std::nth_element(present.begin(), at, present.end());
        return *at;
    };
    double low = quantile(0.05);
    double high = quantile(0.95);
    if (!(high > low)) {
        low = *std::min_element(present.begin(), present.end());
        high = *std::max_element(present.begin(), present.end());
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double v = values[rows[i]];
        if (std::isnan(v)) continue;
        positions[i] = high > low ? std::clamp((v - low) / (high - low), 0.0, 1.0) : 0.5;
    }
    return positions;
}

std::vector<std::size_t> sampleIndices(std::size_t n, std::size_t count, std::uint64_t seed) {
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    if (count >= n) return all;
    std::mt19937_64 random(seed);
    for (std::size_t i = 0; i < count; ++i) {
        std::uniform_int_distribution<std::size_t> pick(i, n - 1);
        std::swap(all[i], all[pick(random)]);
    }
    all.resize(count);
    std::sort(all.begin(), all.end());
    return all;
}

QString elided(const QString& text, int length) {
    return text.size() <= length ? text : text.left(length - 1) + QChar(0x2026);
}

}  // namespace glassbox::gui
