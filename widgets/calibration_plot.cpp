#include "widgets/calibration_plot.h"

#include <qcustomplot.h>
#include <algorithm>
#include <cmath>

namespace glassbox::gui {
namespace {

// Beyond this many bins (or with several histograms overlaid) count labels would crowd.
constexpr std::size_t kMaxCountLabels = 20;
constexpr std::size_t kMaxEdgeLines = 100;

bool equalWidths(const std::vector<double>& edges) {
    if (edges.size() < 3) return true;
    const double width = (edges.back() - edges.front()) / static_cast<double>(edges.size() - 1);
    for (std::size_t i = 1; i < edges.size(); ++i)
        if (std::abs(edges[i] - edges[i - 1] - width) > 1e-9) return false;
    return true;
}

}  // namespace

CalibrationPlot::CalibrationPlot(QWidget* parent) : CurveRunsPlot(parent) {
    QCustomPlot* p = plot();
    QCPLayoutGrid* grid = p->plotLayout();
    // Rows: title, curves, histogram (then the caption when there is one).
    histogram_ = new QCPAxisRect(p);
    grid->insertRow(2);
    grid->addElement(2, 0, histogram_);
    grid->setRowStretchFactor(1, 3);
    grid->setRowStretchFactor(2, 1);
    styleAxisRect(histogram_);
    auto* margins = new QCPMarginGroup(p);
    p->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    histogram_->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    histogram_->axis(QCPAxis::atBottom)->setRange(-0.02, 1.02);
    p->xAxis->setRange(-0.02, 1.02);
    p->yAxis->setRange(-0.02, 1.02);
    p->xAxis->setTickLabels(false);
    connect(p->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            histogram_->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    retranslate();
}

const CalibrationCurve& CalibrationPlot::seriesCalibration(int series) const {
    return *series_.at(static_cast<std::size_t>(series)).calibration;
}

QCPGraph* CalibrationPlot::seriesCurveGraph(int series) const {
    return series_.at(static_cast<std::size_t>(series)).curve;
}

QCPGraph* CalibrationPlot::seriesHistogram(int series) const {
    return series_.at(static_cast<std::size_t>(series)).histogram;
}

void CalibrationPlot::redraw() {
    if (!histogram_) return;
    QCustomPlot* p = plot();
    p->clearPlottables();
    p->clearItems();
    series_.clear();
    QCPAxis* histX = histogram_->axis(QCPAxis::atBottom);
    QCPAxis* histY = histogram_->axis(QCPAxis::atLeft);

    QCPGraph* diagonal = p->addGraph();
    diagonal->setData({0.0, 1.0}, {0.0, 1.0}, true);
    diagonal->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    diagonal->setSelectable(QCP::stNone);
    diagonal->setName(tr("Perfectly calibrated"));

    const bool every = multiclass() && choice() == kAllClasses;
    double highest = 0;
    for (int r = 0; r < runCount(); ++r) {
        const Run& run = runs()[static_cast<std::size_t>(r)];
        for (int k : chosenClasses()) {
            if (k >= static_cast<int>(run.curves->perClass.size())) continue;
            const CalibrationCurve& c =
                run.curves->perClass[static_cast<std::size_t>(k)].calibration;
            Series s;
            s.calibration = &c;
            const QPen pen = seriesPen(r, k);
            s.curve = p->addGraph();
            // Bins are in score order, so their mean scores never decrease.
            s.curve->setData(QVector<double>(c.meanScore.begin(), c.meanScore.end()),
                             QVector<double>(c.fractionPositive.begin(), c.fractionPositive.end()),
                             true);
            s.curve->setPen(pen);
            s.curve->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssCircle, pen.color(), Qt::white, 7));
            s.curve->setSelectable(QCP::stNone);
            s.curve->setName(every ? QStringLiteral("%1 \u00b7 %2").arg(run.label, className(k))
                                   : run.label);

            s.histogram = new QCPGraph(histX, histY);
            QVector<double> keys, values;
            for (std::size_t b = 0; b < c.counts.size(); ++b) {
                keys << c.edges[b];
                values << static_cast<double>(c.counts[b]);
                highest = std::max(highest, values.back());
            }
            if (!c.counts.empty()) {
                keys << c.edges.back();
                values << static_cast<double>(c.counts.back());
            }
            s.histogram->setData(keys, values, true);
            s.histogram->setLineStyle(QCPGraph::lsStepLeft);
            QColor fill = pen.color();
            fill.setAlpha(70);
            s.histogram->setPen(QPen(pen.color(), 1));
            s.histogram->setBrush(fill);
            s.histogram->setSelectable(QCP::stNone);
            s.histogram->removeFromLegend();
            // Bin boundaries, which equal counts (quantile bins) would otherwise hide.
            if (c.counts.size() <= kMaxEdgeLines)
                for (std::size_t b = 1; b < c.counts.size(); ++b) {
                    auto* edge = new QCPItemLine(p);
                    edge->setClipAxisRect(histogram_);
                    edge->start->setAxes(histX, histY);
                    edge->end->setAxes(histX, histY);
                    edge->start->setCoords(c.edges[b], 0);
                    edge->end->setCoords(
                        c.edges[b], static_cast<double>(std::max(c.counts[b - 1], c.counts[b])));
                    edge->setPen(QPen(pen.color(), 1));
                }
            series_.push_back(s);
        }
    }
    histY->setRange(0, std::max(1.0, highest * 1.25));
    histY->ticker()->setTickCount(3);
    // One histogram: each bin's count written over it.
    if (series_.size() == 1 && series_.front().calibration->counts.size() <= kMaxCountLabels) {
        const CalibrationCurve& c = *series_.front().calibration;
        for (std::size_t b = 0; b < c.counts.size(); ++b) {
            if (c.edges[b + 1] - c.edges[b] < 0.03) continue;  // too narrow to label
            auto* label = new QCPItemText(p);
            label->setClipAxisRect(histogram_);
            label->position->setAxes(histX, histY);
            label->position->setCoords((c.edges[b] + c.edges[b + 1]) / 2,
                                       static_cast<double>(c.counts[b]));
            label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            label->setText(groupedCount(c.counts[b]));
            QFont small = font();
            small.setPointSizeF(small.pointSizeF() * 0.8);
            label->setFont(small);
            label->setColor(palette().color(QPalette::Text));
        }
    }

    QString title = tr("Calibration");
    if (runCount() > 0) {
        if (!multiclass())
            title = tr("Calibration \u2014 positive class: %1").arg(className(1));
        else if (choice() == kAllClasses)
            title = tr("Calibration \u2014 each class against the rest");
        else if (choice() >= 0)
            title = tr("Calibration \u2014 %1 against the rest").arg(className(choice()));
    }
    setTitle(title);
    QString caption = tr("No curves to show");
    if (!series_.empty()) {
        const CalibrationCurve& c = *series_.front().calibration;
        const int bins = static_cast<int>(c.counts.size());
        std::size_t rows = 0;
        for (std::size_t n : c.counts) rows += n;
        caption =
            (equalWidths(c.edges) ? tr("%n bin(s) of equal width", "", bins)
                                  : tr("%n bin(s) holding equal numbers of scores", "", bins)) +
            QStringLiteral(" \u00b7 ") +
            tr("histogram: rows per bin, %1 rows").arg(groupedCount(rows)) +
            QStringLiteral(" \u00b7 ") + tr("empty bins have no point");
    }
    setCaption(caption);
    p->replot();
}

void CalibrationPlot::retranslate() {
    CurveRunsPlot::retranslate();
    plot()->yAxis->setLabel(tr("Fraction of positives"));
    if (histogram_) {
        histogram_->axis(QCPAxis::atBottom)->setLabel(tr("Predicted probability"));
        histogram_->axis(QCPAxis::atLeft)->setLabel(tr("Rows"));
    }
    redraw();
}

}  // namespace glassbox::gui
