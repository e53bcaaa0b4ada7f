#include "widgets/pr_plot.h"

#include <qcustomplot.h>
#include <cmath>

namespace glassbox::gui {

PrPlot::PrPlot(QWidget* parent) : CurveRunsPlot(parent) {
    QCustomPlot* p = plot();
    p->legend->setVisible(true);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    p->xAxis->setRange(-0.02, 1.02);
    p->yAxis->setRange(-0.02, 1.02);
    retranslate();
}

QCPCurve* PrPlot::seriesPlottable(int series) const {
    return series_.at(static_cast<std::size_t>(series)).plottable;
}

QString PrPlot::seriesLegend(int series) const {
    return series_.at(static_cast<std::size_t>(series)).legend;
}

const PrecisionRecallCurve& PrPlot::seriesCurve(int series) const {
    return *series_.at(static_cast<std::size_t>(series)).curve;
}

const std::vector<std::size_t>& PrPlot::drawnPoints(int series) const {
    return series_.at(static_cast<std::size_t>(series)).drawn;
}

double PrPlot::seriesBaseline(int series) const {
    return series_.at(static_cast<std::size_t>(series)).baseline;
}

void PrPlot::redraw() {
    QCustomPlot* p = plot();
    p->clearPlottables();
    series_.clear();
    const bool every = multiclass() && choice() == kAllClasses;
    QStringList thinned;
    for (int r = 0; r < runCount(); ++r) {
        const Run& run = runs()[static_cast<std::size_t>(r)];
        for (int k : chosenClasses()) {
            if (k >= static_cast<int>(run.curves->perClass.size())) continue;
            const ClassCurves& c = run.curves->perClass[static_cast<std::size_t>(k)];
            Series s;
            s.curve = &c.pr;
            const Totals totals = classTotals(c);
            s.baseline = totals.rows > 0 ? totals.positives / totals.rows : 0;
            s.drawn = decimateCurve(c.pr.recall, c.pr.precision, kMaxDrawnPoints);
            QVector<double> t, keys, values;
            for (std::size_t i : s.drawn) {
                t << static_cast<double>(t.size());
                keys << c.pr.recall[i];
                values << c.pr.precision[i];
            }
            // A parametric curve: recall repeats and runs backwards, which a graph would sort.
            s.plottable = new QCPCurve(p->xAxis, p->yAxis);
            s.plottable->setData(t, keys, values, true);
            s.plottable->setPen(seriesPen(r, k));
            s.plottable->setSelectable(QCP::stNone);
            const QString name =
                every ? QStringLiteral("%1 \u00b7 %2").arg(run.label, className(k)) : run.label;
            s.legend = name + QStringLiteral(" \u2014 ") +
                       tr("AP %1").arg(QString::number(c.averagePrecision, 'f', 3));
            s.plottable->setName(s.legend);
            if (s.drawn.size() < c.pr.recall.size())
                thinned << tr("%1: %2 of %3 points")
                               .arg(name, groupedCount(s.drawn.size()),
                                    groupedCount(c.pr.recall.size()));
            series_.push_back(std::move(s));
        }
    }
    // The no-skill line of each distinct positive rate, in the colour of its curve when the
    // rates differ (every class shown), else one grey line.
    std::vector<double> drawnRates;
    bool sameRate = true;
    for (const Series& s : series_)
        sameRate = sameRate && std::abs(s.baseline - series_.front().baseline) < 1e-12;
    for (const Series& s : series_) {
        bool seen = false;
        for (double rate : drawnRates) seen = seen || std::abs(rate - s.baseline) < 1e-12;
        if (seen) continue;
        drawnRates.push_back(s.baseline);
        QCPGraph* line = p->addGraph();
        line->setData({0.0, 1.0}, {s.baseline, s.baseline}, true);
        QColor color = sameRate ? palette().color(QPalette::Mid) : s.plottable->pen().color();
        color.setAlpha(sameRate ? 255 : 150);
        line->setPen(QPen(color, 1, Qt::DashLine));
        line->setSelectable(QCP::stNone);
        if (sameRate)
            line->setName(
                tr("No skill (positive rate %1)").arg(QString::number(s.baseline, 'f', 3)));
        else
            line->removeFromLegend();
    }

    QString title = tr("Precision\u2013recall curve");
    if (runCount() > 0) {
        if (!multiclass())
            title = tr("Precision\u2013recall curve \u2014 positive class: %1").arg(className(1));
        else if (choice() == kAllClasses)
            title = tr("Precision\u2013recall curves \u2014 each class against the rest");
        else if (choice() >= 0)
            title = tr("Precision\u2013recall curve \u2014 %1 against the rest")
                        .arg(className(choice()));
    }
    setTitle(title);
    QString caption;
    if (runCount() == 0)
        caption = tr("No curves to show");
    else if (thinned.size() == 1)
        caption = tr("Long curves drawn from a subset of their points (%1); average precision "
                     "from every point")
                      .arg(thinned.front());
    else if (!thinned.isEmpty())
        caption = tr("%n long curve(s) drawn from at most about %1 of their points each; average "
                     "precision from every point",
                     "", static_cast<int>(thinned.size()))
                      .arg(groupedCount(kMaxDrawnPoints));
    else if (!sameRate)
        caption = tr("Dashed lines: each class's no-skill precision (its positive rate)");
    setCaption(caption);
    p->legend->setVisible(!series_.empty());
    p->replot();
}

void PrPlot::retranslate() {
    CurveRunsPlot::retranslate();
    plot()->xAxis->setLabel(tr("Recall"));
    plot()->yAxis->setLabel(tr("Precision"));
    redraw();
}

}  // namespace glassbox::gui
