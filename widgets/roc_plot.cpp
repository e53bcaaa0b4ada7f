#include "widgets/roc_plot.h"

#include <qcustomplot.h>
#include <QToolTip>
#include <cmath>
#include <limits>

namespace glassbox::gui {
namespace {

constexpr double kHoverPixels = 10;

QString rateText(double value) {
    return QString::number(value, 'f', 3);
}

QString countText(double value) {
    return groupedCount(static_cast<std::size_t>(std::llround(std::max(0.0, value))));
}

}  // namespace

RocPlot::RocPlot(QWidget* parent) : CurveRunsPlot(parent) {
    QCustomPlot* p = plot();
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    p->xAxis->setRange(-0.02, 1.02);
    p->yAxis->setRange(-0.02, 1.02);
    p->setMouseTracking(true);
    connect(p, &QCustomPlot::mouseMove, this, &RocPlot::hover);
    retranslate();
}

QCPGraph* RocPlot::seriesGraph(int series) const {
    return series_.at(static_cast<std::size_t>(series)).graph;
}

QString RocPlot::seriesLegend(int series) const {
    return series_.at(static_cast<std::size_t>(series)).legend;
}

double RocPlot::seriesAuc(int series) const {
    return series_.at(static_cast<std::size_t>(series)).auc;
}

const RocCurve& RocPlot::seriesCurve(int series) const {
    return *series_.at(static_cast<std::size_t>(series)).curve;
}

const std::vector<std::size_t>& RocPlot::drawnPoints(int series) const {
    return series_.at(static_cast<std::size_t>(series)).drawn;
}

std::optional<RocPlot::Confusion> RocPlot::confusionAt(int series, std::size_t point) const {
    const Series& s = series_.at(static_cast<std::size_t>(series));
    if (s.curve->thresholds.empty() || point >= s.curve->fpr.size()) return std::nullopt;
    Confusion c;
    const double tpr = s.curve->tpr[point];
    const double fpr = s.curve->fpr[point];
    c.truePositives = std::isnan(tpr) ? 0 : std::round(tpr * s.positives);
    c.falsePositives = std::isnan(fpr) ? 0 : std::round(fpr * s.negatives);
    c.falseNegatives = s.positives - c.truePositives;
    c.trueNegatives = s.negatives - c.falsePositives;
    return c;
}

QString RocPlot::pointToolTip(int series, std::size_t point) const {
    const Series& s = series_.at(static_cast<std::size_t>(series));
    const RocCurve& curve = *s.curve;
    QString text = QStringLiteral("<b>%1</b><br>").arg(s.legend.toHtmlEscaped());
    if (point < curve.thresholds.size()) {
        const double t = curve.thresholds[point];
        text += std::isinf(t) ? tr("Threshold: above every score (nothing predicted positive)")
                              : tr("Threshold: score \u2265 %1").arg(QString::number(t, 'g', 4));
        text += QStringLiteral("<br>");
    } else {
        text += tr("An average of curves: no threshold") + QStringLiteral("<br>");
    }
    text += tr("False positive rate %1, true positive rate %2")
                .arg(rateText(curve.fpr[point]), rateText(curve.tpr[point]));
    if (const auto c = confusionAt(series, point)) {
        const QString cell = QStringLiteral("<td align=\"right\">%1</td>");
        text += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">") +
                QStringLiteral("<tr><td></td><th>%1</th><th>%2</th></tr>")
                    .arg(tr("predicted +"), tr("predicted \u2212")) +
                QStringLiteral("<tr><th align=\"left\">%1</th>").arg(tr("actual +")) +
                cell.arg(tr("TP %1").arg(countText(c->truePositives))) +
                cell.arg(tr("FN %1").arg(countText(c->falseNegatives))) +
                QStringLiteral("</tr><tr><th align=\"left\">%1</th>").arg(tr("actual \u2212")) +
                cell.arg(tr("FP %1").arg(countText(c->falsePositives))) +
                cell.arg(tr("TN %1").arg(countText(c->trueNegatives))) +
                QStringLiteral("</tr></table>");
    }
    return text;
}

std::optional<std::pair<int, std::size_t>> RocPlot::nearestPoint(const QPointF& pixel) const {
    double best = kHoverPixels * kHoverPixels;
    std::optional<std::pair<int, std::size_t>> found;
    const QCPAxis* x = plot()->xAxis;
    const QCPAxis* y = plot()->yAxis;
    for (std::size_t s = 0; s < series_.size(); ++s) {
        const RocCurve& curve = *series_[s].curve;
        for (std::size_t i : series_[s].drawn) {
            const double dx = x->coordToPixel(curve.fpr[i]) - pixel.x();
            const double dy = y->coordToPixel(curve.tpr[i]) - pixel.y();
            if (dx * dx + dy * dy < best) {
                best = dx * dx + dy * dy;
                found = std::make_pair(static_cast<int>(s), i);
            }
        }
    }
    return found;
}

QString RocPlot::toolTipAt(const QPointF& pixel) const {
    const auto found = nearestPoint(pixel);
    return found ? pointToolTip(found->first, found->second) : QString();
}

void RocPlot::hover(QMouseEvent* event) {
    const auto found = nearestPoint(event->position());
    if (!found) {
        QToolTip::hideText();
        if (marker_ && !marker_->data()->isEmpty()) {
            marker_->data()->clear();
            plot()->replot(QCustomPlot::rpQueuedReplot);
        }
        return;
    }
    const Series& s = series_[static_cast<std::size_t>(found->first)];
    if (marker_) {
        marker_->setData({s.curve->fpr[found->second]}, {s.curve->tpr[found->second]}, true);
        marker_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                 QPen(s.graph->pen().color(), 2), Qt::white, 9));
        plot()->replot(QCustomPlot::rpQueuedReplot);
    }
    QToolTip::showText(event->globalPosition().toPoint(), pointToolTip(found->first, found->second),
                       plot());
}

void RocPlot::addSeries(Series s) {
    const RocCurve& curve = *s.curve;
    s.drawn = decimateCurve(curve.fpr, curve.tpr, kMaxDrawnPoints);
    QVector<double> keys, values;
    keys.reserve(static_cast<qsizetype>(s.drawn.size()));
    values.reserve(static_cast<qsizetype>(s.drawn.size()));
    for (std::size_t i : s.drawn) {
        keys << curve.fpr[i];
        values << curve.tpr[i];
    }
    s.graph = plot()->addGraph();
    // fpr never decreases along the curve; equal ones keep their order (vertical steps).
    s.graph->setData(keys, values, true);
    s.graph->setPen(seriesPen(s.run, s.classIndex));
    s.graph->setSelectable(QCP::stNone);
    const QString auc = std::isnan(s.auc) ? tr("AUC n/a") : tr("AUC %1").arg(rateText(s.auc));
    s.graph->setName(s.legend + QStringLiteral(" \u2014 ") + auc);
    s.legend = s.graph->name();
    series_.push_back(std::move(s));
}

void RocPlot::redraw() {
    QCustomPlot* p = plot();
    p->clearGraphs();
    series_.clear();
    QCPGraph* diagonal = p->addGraph();
    diagonal->setData({0.0, 1.0}, {0.0, 1.0}, true);
    diagonal->setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    diagonal->setSelectable(QCP::stNone);
    diagonal->removeFromLegend();

    const int chosen = choice();
    const bool every = multiclass() && chosen == kAllClasses;
    for (int r = 0; r < runCount(); ++r) {
        const Run& run = runs()[static_cast<std::size_t>(r)];
        const ClassificationCurves& curves = *run.curves;
        if (chosen == kMicroAverage || chosen == kMacroAverage) {
            if (!curves.averaged) continue;
            const bool micro = chosen == kMicroAverage;
            Series s;
            s.run = r;
            s.classIndex = chosen;
            s.curve = micro ? &curves.microRoc : &curves.macroRoc;
            s.auc = micro ? curves.microAuc : curves.macroAuc;
            if (micro && !curves.perClass.empty()) {
                // Micro: every (row, class) pair is a case; each row is positive for one class.
                const double rows = classTotals(curves.perClass.front()).rows;
                s.positives = rows;
                s.negatives = rows * static_cast<double>(curves.perClass.size() - 1);
            }
            s.legend = run.label;
            addSeries(std::move(s));
            continue;
        }
        for (int k : chosenClasses()) {
            if (k >= static_cast<int>(curves.perClass.size())) continue;
            const ClassCurves& c = curves.perClass[static_cast<std::size_t>(k)];
            Series s;
            s.run = r;
            s.classIndex = k;
            s.curve = &c.roc;
            s.auc = c.auc;
            const Totals totals = classTotals(c);
            s.positives = totals.positives;
            s.negatives = totals.rows - totals.positives;
            s.legend =
                every ? QStringLiteral("%1 \u00b7 %2").arg(run.label, className(k)) : run.label;
            addSeries(std::move(s));
        }
    }

    QString title = tr("ROC curve");
    if (runCount() > 0) {
        if (!multiclass())
            title = tr("ROC curve \u2014 positive class: %1").arg(className(1));
        else if (chosen >= 0)
            title = tr("ROC curve \u2014 %1 against the rest").arg(className(chosen));
        else if (chosen == kAllClasses)
            title = tr("ROC curves \u2014 each class against the rest");
        else if (chosen == kMicroAverage)
            title = tr("ROC curve \u2014 micro average over the classes");
        else if (chosen == kMacroAverage)
            title = tr("ROC curve \u2014 macro average over the classes");
    }
    setTitle(title);
    QStringList thinned;
    for (const Series& s : series_)
        if (s.drawn.size() < s.curve->fpr.size())
            thinned << tr("%1: %2 of %3 points")
                           .arg(s.legend.section(QStringLiteral(" \u2014 "), 0, 0),
                                groupedCount(s.drawn.size()), groupedCount(s.curve->fpr.size()));
    QString caption;
    if (runCount() == 0)
        caption = tr("No curves to show");
    else if (thinned.size() == 1)
        caption = tr("Long curves drawn from a subset of their points (%1); AUC from every point")
                      .arg(thinned.front());
    else if (!thinned.isEmpty())
        caption = tr("%n long curve(s) drawn from at most about %1 of their points each; AUC "
                     "from every point",
                     "", static_cast<int>(thinned.size()))
                      .arg(groupedCount(kMaxDrawnPoints));
    setCaption(caption);
    // The point under the mouse, drawn over the curves.
    marker_ = p->addGraph();
    marker_->setLineStyle(QCPGraph::lsNone);
    marker_->setSelectable(QCP::stNone);
    marker_->removeFromLegend();
    p->legend->setVisible(!series_.empty());
    p->replot();
}

void RocPlot::retranslate() {
    CurveRunsPlot::retranslate();
    plot()->xAxis->setLabel(tr("False positive rate"));
    plot()->yAxis->setLabel(tr("True positive rate"));
    redraw();
}

}  // namespace glassbox::gui
