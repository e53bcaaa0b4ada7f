// The column panel: the statistics it shows for hand-made columns, and its histogram.
#include <qcustomplot.h>
#include <QLabel>
#include <QtTest>

#include "engine/column_stats.h"
#include "widgets/column_panel.h"
#include "widgets/histogram_view.h"

using namespace glassbox;
using glassbox::gui::ColumnPanel;

namespace {

QCPBars* bars(const ColumnPanel& panel) {
    QCustomPlot* plot = panel.histogram()->plot();
    if (plot->plottableCount() != 1) return nullptr;
    return qobject_cast<QCPBars*>(plot->plottable(0));
}

double barTotal(QCPBars* bars) {
    double total = 0;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        total += it->value;
    return total;
}

std::shared_ptr<const ColumnStats> statsOf(const Column& column) {
    return std::make_shared<const ColumnStats>(computeColumnStats(column));
}

}  // namespace

class TestColumnPanel : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void numericColumn_data();
    void numericColumn();
    void numericHistogramSpansTheBinEdges();
    void categoricalColumn();
    void datetimeColumnShowsIsoDates();
    void allMissingColumn();
    void pendingAndClearStates();
};

void TestColumnPanel::numericColumn_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("count") << QString("count") << QString("4");
    QTest::newRow("missing") << QString("missing") << QString("1 (20.0%)");
    QTest::newRow("unique") << QString("unique") << QString("4");
    QTest::newRow("mean") << QString("mean") << QString("2.5");
    QTest::newRow("std") << QString("std") << QString("1.29099");
    QTest::newRow("min") << QString("min") << QString("1");
    QTest::newRow("q1") << QString("q1") << QString("1.75");
    QTest::newRow("median") << QString("median") << QString("2.5");
    QTest::newRow("q3") << QString("q3") << QString("3.25");
    QTest::newRow("max") << QString("max") << QString("4");
}

void TestColumnPanel::numericColumn() {
    QFETCH(QString, key);
    QFETCH(QString, value);
    ValidityMask valid(5, true);
    valid.set(4, false);
    const Column column = Column::numeric("x", {1, 2, 3, 4, 0}, valid);
    ColumnPanel panel;
    panel.showStats(statsOf(column), false);
    QCOMPARE(panel.statisticText(key), value);
    QCOMPARE(panel.findChild<QLabel*>("columnName")->text(), QString("x"));
    QCOMPARE(panel.findChild<QLabel*>("columnType")->text(), QString("numeric"));
    QVERIFY(panel.findChild<QLabel*>("columnStatus")->isHidden());
}

void TestColumnPanel::numericHistogramSpansTheBinEdges() {
    ValidityMask valid(5, true);
    valid.set(4, false);
    const Column column = Column::numeric("x", {1, 2, 3, 4, 0}, valid);
    const auto stats = statsOf(column);
    ColumnPanel panel;
    panel.showStats(stats, false);
    QCPBars* plotted = bars(panel);
    QVERIFY(plotted);
    const Histogram& h = stats->histogram;
    QCOMPARE(plotted->data()->size(), static_cast<int>(h.counts.size()));
    QCOMPARE(barTotal(plotted), 4.0);
    // Each bar is centred in its bin and exactly as wide as it.
    QCOMPARE(plotted->widthType(), QCPBars::wtPlotCoords);
    QCOMPARE(plotted->width(), h.edges[1] - h.edges[0]);
    QCOMPARE(plotted->data()->constBegin()->key, (h.edges[0] + h.edges[1]) / 2);
    const QCPRange range = panel.histogram()->plot()->xAxis->range();
    QVERIFY(range.lower <= h.edges.front() && range.upper >= h.edges.back());
}

void TestColumnPanel::categoricalColumn() {
    // b ×3, a ×2, c ×1, one missing.
    const Column column = Column::categorical("letter", {1, 0, 1, -1, 2, 0, 1}, {"a", "b", "c"},
                                              ValidityMask(7, true));
    ColumnPanel panel;
    panel.showStats(statsOf(column), false);
    QCOMPARE(panel.statisticText("count"), QString("6"));
    QCOMPARE(panel.statisticText("missing"), QString("1 (14.3%)"));
    QCOMPARE(panel.statisticText("unique"), QString("3"));
    QCOMPARE(panel.statisticLabel("top1"), QString("b"));
    QCOMPARE(panel.statisticText("top1"), QString("3 (50.0%)"));
    QCOMPARE(panel.statisticLabel("top2"), QString("a"));
    QCOMPARE(panel.statisticLabel("top3"), QString("c"));
    QVERIFY(panel.statisticText("mean").isNull());

    QCPBars* plotted = bars(panel);
    QVERIFY(plotted);
    QCOMPARE(plotted->data()->size(), 3);
    QCOMPARE(barTotal(plotted), 6.0);
    auto ticker = panel.histogram()->plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().value(1.0), QString("b"));
    QCOMPARE(ticker->ticks().value(3.0), QString("c"));
}

void TestColumnPanel::datetimeColumnShowsIsoDates() {
    const double day = 86400;
    const Column column = Column::dateTime("day", {19723 * day, 19725 * day, 19733 * day}, false,
                                           ValidityMask(3, true));
    ColumnPanel panel;
    panel.showStats(statsOf(column), false);
    QCOMPARE(panel.statisticText("min"), QString("2024-01-01"));
    QCOMPARE(panel.statisticText("median"), QString("2024-01-03"));
    QCOMPARE(panel.statisticText("max"), QString("2024-01-11"));
    QVERIFY(panel.statisticText("std").contains("5.29"));
    QVERIFY(panel.histogram()->plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>());
}

void TestColumnPanel::allMissingColumn() {
    const Column column = Column::numeric("empty", {0, 0}, ValidityMask(2, false));
    ColumnPanel panel;
    panel.showStats(statsOf(column), false);
    QCOMPARE(panel.statisticText("count"), QString("0"));
    QCOMPARE(panel.statisticText("missing"), QString("2 (100.0%)"));
    QVERIFY(panel.statisticText("mean").isNull());
    QCOMPARE(panel.histogram()->plot()->plottableCount(), 0);
}

void TestColumnPanel::pendingAndClearStates() {
    ColumnPanel panel;
    auto* status = panel.findChild<QLabel*>("columnStatus");
    QVERIFY(!status->isHidden());
    panel.showPending("x", ColumnType::Numeric);
    QCOMPARE(panel.findChild<QLabel*>("columnName")->text(), QString("x"));
    QVERIFY(status->text().contains("Computing"));
    QCOMPARE(panel.statisticsTable()->rowCount(), 0);
    panel.showError("x", ColumnType::Numeric, "boom");
    QVERIFY(status->text().contains("boom"));
    panel.clear();
    QVERIFY(panel.findChild<QLabel*>("columnName")->text().isEmpty());
    QVERIFY(!panel.stats());
}

QTEST_MAIN(TestColumnPanel)
#include "test_column_panel.moc"
