#include "widgets/tuning_heatmap.h"

#include "widgets/shap_plot_base.h"

#include <qcustomplot.h>
#include <QComboBox>
#include <QLabel>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace glassbox::gui {
namespace {

// More distinct numeric values than this (random search over a range) are grouped.
constexpr int kMaxDistinct = 12;
constexpr int kGroups = 8;
// Beyond this many cells the numbers would not fit.
constexpr int kMaxPrinted = 400;

std::optional<double> numberOf(const std::string& text) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size()) return v;
    } catch (...) {
    }
    return std::nullopt;
}

QCPColorGradient viridis(bool reversed) {
    const QColor stops[] = {
        {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (int i = 0; i < 5; ++i)
        gradient.setColorStopAt(reversed ? 1.0 - i / 4.0 : i / 4.0, stops[i]);
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    return gradient;
}

// Four decimals for scores like accuracy, fewer for large errors.
QString scoreText(double v) {
    const double size = std::abs(v);
    return QString::number(v, 'f', size >= 100 ? 1 : size >= 10 ? 2 : 4);
}

bool better(double a, double b, bool lowerIsBetter) {
    return lowerIsBetter ? a < b : a > b;
}

}  // namespace

TuningHeatmap::TuningHeatmap(QWidget* parent)
    : ExportablePlot(QStringLiteral("tuning-heatmap"), parent),
      xLabel_(new QLabel(this)),
      xBox_(new QComboBox(this)),
      yLabel_(new QLabel(this)),
      yBox_(new QComboBox(this)) {
    setObjectName(QStringLiteral("tuningHeatmap"));
    xBox_->setObjectName(QStringLiteral("heatmapColumnsBox"));
    yBox_->setObjectName(QStringLiteral("heatmapRowsBox"));
    addControl(xLabel_);
    addControl(xBox_);
    addControl(yLabel_);
    addControl(yBox_);
    connect(xBox_, &QComboBox::activated, this, [this] {
        const QString x = xBox_->currentText();
        setAxes(x, x == y_ ? x_ : y_);
    });
    connect(yBox_, &QComboBox::activated, this, [this] {
        const QString y = yBox_->currentText();
        setAxes(y == x_ ? y_ : x_, y);
    });

    QCustomPlot* p = plot();
    p->xAxis->grid()->setVisible(false);
    p->yAxis->grid()->setVisible(false);
    scale_ = new QCPColorScale(p);
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(10);
    p->plotLayout()->addElement(0, 1, scale_);
    auto* group = new QCPMarginGroup(p);
    p->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    p->setMouseTracking(true);
    connect(p, &QCustomPlot::mouseMove, this, &TuningHeatmap::showTip);
    connect(p, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const int candidate = candidateAt(event->position());
        if (candidate >= 0 && event->button() == Qt::LeftButton)
            emit candidateClicked(static_cast<std::size_t>(candidate));
    });
    retranslate();
    redraw();
}

void TuningHeatmap::setOutcome(std::shared_ptr<const TuningOutcome> outcome) {
    outcome_ = std::move(outcome);
    x_.clear();
    y_.clear();
    if (outcome_ && !outcome_->searched.empty()) {
        // The slowest-varying parameter on the rows, the next on the columns (as a grid reads).
        const auto& searched = outcome_->searched;
        if (searched.size() == 1) {
            x_ = QString::fromStdString(searched[0]);
        } else {
            y_ = QString::fromStdString(searched[0]);
            x_ = QString::fromStdString(searched[1]);
        }
    }
    fillPickers();
    redraw();
}

void TuningHeatmap::clear() {
    setOutcome(nullptr);
}

void TuningHeatmap::setAxes(const QString& x, const QString& y) {
    x_ = x;
    y_ = y;
    fillPickers();
    redraw();
}

void TuningHeatmap::fillPickers() {
    const QSignalBlocker a(xBox_);
    const QSignalBlocker b(yBox_);
    xBox_->clear();
    yBox_->clear();
    if (outcome_)
        for (const std::string& name : outcome_->searched) {
            xBox_->addItem(QString::fromStdString(name));
            yBox_->addItem(QString::fromStdString(name));
        }
    xBox_->setCurrentIndex(xBox_->findText(x_));
    yBox_->setCurrentIndex(yBox_->findText(y_));
    const bool pick = outcome_ && outcome_->searched.size() > 1;
    for (QWidget* w : {static_cast<QWidget*>(xLabel_), static_cast<QWidget*>(xBox_),
                       static_cast<QWidget*>(yLabel_), static_cast<QWidget*>(yBox_)})
        w->setVisible(pick);
}

TuningHeatmap::AxisValues TuningHeatmap::axisValues(const QString& parameter) const {
    AxisValues axis;
    const auto& candidates = outcome_->candidates;
    axis.index.assign(candidates.size(), 0);
    if (parameter.isEmpty()) {
        axis.labels << QString();
        return axis;
    }
    const std::string name = parameter.toStdString();
    // Distinct values: numbers in increasing order, then words ("none") in order of appearance.
    std::vector<double> numbers;
    std::vector<std::string> words;
    std::vector<std::string> texts(candidates.size());
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        texts[c] = candidates[c].params.text(name);
        if (const auto v = numberOf(texts[c]))
            numbers.push_back(*v);
        else if (std::find(words.begin(), words.end(), texts[c]) == words.end())
            words.push_back(texts[c]);
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    const bool group = numbers.size() > std::size_t(kMaxDistinct);
    std::vector<double> edges;
    bool logScale = false;
    if (group) {
        axis.grouped = true;
        const double low = numbers.front();
        const double high = numbers.back();
        logScale = low > 0 && high / low >= 100;
        for (int g = 0; g <= kGroups; ++g) {
            const double t = double(g) / kGroups;
            edges.push_back(logScale ? low * std::pow(high / low, t) : low + (high - low) * t);
        }
        for (int g = 0; g < kGroups; ++g)
            axis.labels
                << QStringLiteral("%1–%2").arg(edges[g], 0, 'g', 3).arg(edges[g + 1], 0, 'g', 3);
    } else {
        for (double v : numbers) axis.labels << QString::number(v, 'g', 6);
    }
    const int numeric = static_cast<int>(axis.labels.size());
    for (const std::string& w : words) axis.labels << QString::fromStdString(w);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const auto v = numberOf(texts[c]);
        if (!v) {
            axis.index[c] =
                numeric + int(std::find(words.begin(), words.end(), texts[c]) - words.begin());
        } else if (group) {
            const auto at = std::upper_bound(edges.begin() + 1, edges.end() - 1, *v);
            axis.index[c] = int(at - edges.begin()) - 1;
        } else {
            axis.index[c] =
                int(std::lower_bound(numbers.begin(), numbers.end(), *v) - numbers.begin());
        }
    }
    return axis;
}

double TuningHeatmap::cellValue(int column, int row) const {
    const int candidate = cellCandidate(column, row);
    return candidate < 0 ? std::nan("") : outcome_->candidates[std::size_t(candidate)].mean;
}

int TuningHeatmap::cellCandidate(int column, int row) const {
    const int columns = static_cast<int>(xLabels_.size());
    if (column < 0 || row < 0 || column >= columns || row >= int(yLabels_.size())) return -1;
    return cells_[std::size_t(row * columns + column)];
}

QPoint TuningHeatmap::cellOf(std::size_t candidate) const {
    return candidate < candidateCells_.size() ? candidateCells_[candidate] : QPoint(-1, -1);
}

void TuningHeatmap::redraw() {
    QCustomPlot* p = plot();
    p->clearItems();
    xLabels_.clear();
    yLabels_.clear();
    cells_.clear();
    candidateCells_.clear();
    best_ = QPoint(-1, -1);
    if (!outcome_ || outcome_->searched.empty() || outcome_->candidates.empty()) {
        p->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        p->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        setCaption(tr("No searched parameters to show"));
        p->replot();
        return;
    }
    const TuningOutcome& o = *outcome_;
    const AxisValues xs = axisValues(x_);
    const AxisValues ys = axisValues(y_);
    xLabels_ = xs.labels;
    yLabels_ = ys.labels;
    const int columns = int(xLabels_.size());
    const int rows = int(yLabels_.size());
    cells_.assign(std::size_t(columns * rows), -1);
    for (std::size_t c = 0; c < o.candidates.size(); ++c)
        candidateCells_.emplace_back(xs.index[c], ys.index[c]);
    for (std::size_t c = 0; c < o.candidates.size(); ++c) {
        const double mean = o.candidates[c].mean;
        if (std::isnan(mean)) continue;
        int& cell = cells_[std::size_t(ys.index[c] * columns + xs.index[c])];
        if (cell < 0 || better(mean, o.candidates[std::size_t(cell)].mean, o.lowerIsBetter))
            cell = int(c);
    }
    double low = INFINITY, high = -INFINITY;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const double v = cellValue(c, r);
            if (std::isnan(v)) continue;
            low = std::min(low, v);
            high = std::max(high, v);
        }
    if (!(high > low)) {
        low -= 0.5;
        high += 0.5;
    }
    QCPColorGradient gradient = viridis(o.lowerIsBetter);
    scale_->setGradient(gradient);
    scale_->setDataRange(QCPRange(low, high));
    if (o.best < o.candidates.size()) best_ = QPoint(xs.index[o.best], ys.index[o.best]);

    // Cells are rectangles (exact edges in vector export; a single row or column draws too).
    const bool printed = columns * rows <= kMaxPrinted;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            const double v = cellValue(c, r);
            if (std::isnan(v)) continue;
            const QColor fill = QColor::fromRgb(gradient.color(v, QCPRange(low, high)));
            auto* cell = new QCPItemRect(p);
            cell->topLeft->setCoords(c - 0.5, r + 0.5);
            cell->bottomRight->setCoords(c + 0.5, r - 0.5);
            cell->setPen(QPen(palette().color(QPalette::Base), 1));
            cell->setBrush(fill);
            if (printed) {
                auto* text = new QCPItemText(p);
                text->position->setCoords(c, r);
                text->setText(scoreText(v));
                // Dark text on light cells, by perceived brightness.
                const double brightness =
                    0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue();
                text->setColor(brightness > 140 ? Qt::black : Qt::white);
            }
        }
    if (best_.x() >= 0) {
        auto* outline = new QCPItemRect(p);
        outline->topLeft->setCoords(best_.x() - 0.5, best_.y() + 0.5);
        outline->bottomRight->setCoords(best_.x() + 0.5, best_.y() - 0.5);
        outline->setPen(QPen(QColor(220, 30, 30), 3));
        outline->setBrush(Qt::NoBrush);
    }
    auto ticks = [](const QStringList& labels) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (int i = 0; i < labels.size(); ++i) ticker->addTick(i, elided(labels[i], 20));
        return ticker;
    };
    p->xAxis->setTicker(ticks(xLabels_));
    p->yAxis->setTicker(ticks(yLabels_));
    p->xAxis->setTickLength(0, 0);
    p->yAxis->setTickLength(0, 0);
    p->xAxis->setSubTickLength(0, 0);
    p->yAxis->setSubTickLength(0, 0);
    p->xAxis->setRange(-0.5, columns - 0.5);
    p->yAxis->setRange(-0.5, rows - 0.5);
    p->xAxis->setLabel(x_);
    p->yAxis->setLabel(y_);
    const QString metric = QString::fromStdString(o.metric);
    scale_->setLabel(o.lowerIsBetter ? tr("%1 (lower is better)").arg(metric) : metric);

    QStringList notes;
    notes << tr("mean %1 over the folds; best outlined").arg(metric);
    if (o.searched.size() > 2) {
        QStringList others;
        for (const std::string& name : o.searched) {
            const QString n = QString::fromStdString(name);
            if (n != x_ && n != y_) others << n;
        }
        notes << tr("each cell: the best over %1").arg(others.join(QStringLiteral(", ")));
    }
    if (xs.grouped || ys.grouped) notes << tr("values grouped into ranges");
    setCaption(notes.join(QStringLiteral("; ")));
    p->replot();
}

int TuningHeatmap::candidateAt(const QPointF& pixel) const {
    if (!outcome_ || cells_.empty()) return -1;
    const QCustomPlot* p = plot();
    if (!p->axisRect()->rect().contains(pixel.toPoint())) return -1;
    const int c = int(std::lround(p->xAxis->pixelToCoord(pixel.x())));
    const int r = int(std::lround(p->yAxis->pixelToCoord(pixel.y())));
    return cellCandidate(c, r);
}

void TuningHeatmap::showTip(QMouseEvent* event) {
    const int index = candidateAt(event->position());
    if (index < 0) {
        QToolTip::hideText();
        return;
    }
    const TuningCandidate& candidate = outcome_->candidates[std::size_t(index)];
    QStringList lines;
    for (const std::string& name : outcome_->searched)
        lines << QStringLiteral("%1 = %2").arg(QString::fromStdString(name),
                                               QString::fromStdString(candidate.params.text(name)));
    lines << tr("%1: %2 ± %3")
                 .arg(QString::fromStdString(outcome_->metric))
                 .arg(candidate.mean, 0, 'f', 4)
                 .arg(candidate.std, 0, 'f', 4);
    QToolTip::showText(event->globalPosition().toPoint(), lines.join(QLatin1Char('\n')), plot());
}

void TuningHeatmap::retranslate() {
    ExportablePlot::retranslate();
    xLabel_->setText(tr("Columns:"));
    yLabel_->setText(tr("Rows:"));
    xBox_->setToolTip(tr("The searched parameter along the columns"));
    yBox_->setToolTip(tr("The searched parameter along the rows"));
    if (outcome_) redraw();
}

}  // namespace glassbox::gui
