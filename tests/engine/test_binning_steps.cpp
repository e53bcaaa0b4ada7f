// The "bin" step: equal-width and quantile edges learnt on the training rows, interval labels,
// values beyond the training range, save and load, errors naming the parameter.
#include <QtTest>

#include "engine/binning_step.h"
#include "engine/errors.h"
#include "step_test_support.h"

using namespace glassbox;
using namespace steptest;

namespace {

using Cells = std::vector<double>;
using Names = std::vector<std::string>;

Table tableOf(const Cells& x) {
    return Table({numbers("x", x), numbers("target", Cells(x.size(), 0.0))});
}

}  // namespace

class BinningStepsTest : public QObject {
    Q_OBJECT
  private slots:
    void binsByTrainingEdges_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("count");
        QTest::addColumn<Cells>("x");
        QTest::addColumn<Cells>("edges");
        QTest::addColumn<Names>("binned");
        // 0..10 in five equal widths: edges 2, 4, 6, 8.
        QTest::newRow("equal-width")
            << "equal-width" << 5 << Cells{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, kMissing}
            << Cells{2, 4, 6, 8}
            << Names{"(-inf, 2)", "(-inf, 2)", "[2, 4)",   "[2, 4)",   "[4, 6)",   "[4, 6)",
                     "[6, 8)",    "[6, 8)",    "[8, inf)", "[8, inf)", "[8, inf)", ""};
        // 1..8 in quartiles: positions 1.75, 3.5, 5.25 give 2.75, 4.5, 6.25.
        QTest::newRow("quantile") << "quantile" << 4 << Cells{8, 7, 6, 5, 4, 3, 2, 1}
                                  << Cells{2.75, 4.5, 6.25}
                                  << Names{"[6.25, inf)",  "[6.25, inf)", "[4.5, 6.25)",
                                           "[4.5, 6.25)",  "[2.75, 4.5)", "[2.75, 4.5)",
                                           "(-inf, 2.75)", "(-inf, 2.75)"};
        // Ties: 1,1,1,1,1,1,2,3 has quartiles 1, 1, 1.25; edges at the minimum merge away.
        QTest::newRow("quantile ties")
            << "quantile" << 4 << Cells{1, 1, 1, 1, 1, 1, 2, 3} << Cells{1.25}
            << Names{"(-inf, 1.25)", "(-inf, 1.25)", "(-inf, 1.25)", "(-inf, 1.25)",
                     "(-inf, 1.25)", "(-inf, 1.25)", "[1.25, inf)",  "[1.25, inf)"};
        QTest::newRow("constant") << "equal-width" << 3 << Cells{4, 4, kMissing} << Cells{}
                                  << Names{"(-inf, inf)", "(-inf, inf)", ""};
    }
    void binsByTrainingEdges() {
        QFETCH(QString, method);
        QFETCH(int, count);
        QFETCH(Cells, x);
        QFETCH(Cells, edges);
        QFETCH(Names, binned);
        const Table table = tableOf(x);
        const auto fitted =
            fitWith(binStep(), table, "target",
                    {{"method", method.toStdString()}, {"count", std::to_string(count)}});
        QCOMPARE(dynamic_cast<const FittedBin&>(*fitted).edges(), std::vector<Cells>{edges});
        StepReport report;
        const Table out = applied(*fitted, table, StepUse::Training, &report);
        const Column& column = out.column(0);
        QCOMPARE(column.type(), ColumnType::Categorical);
        // Levels are the bins in order, so codes sort like the values.
        QCOMPARE(column.levels(), binLabels(edges));
        QCOMPARE(textsOf(out, "x"), binned);
        QCOMPARE(cellsOf(out, "target"), cellsOf(table, "target"));
        QCOMPARE(detail(report, "bins x"), std::to_string(edges.size() + 1));
    }

    void laterRowsUseTrainingEdges() {
        const auto fitted = fitWith(binStep(), tableOf({0, 10}), "target", {{"count", "2"}});
        const Table later = tableOf({-5, 4.999, 5, 100, kMissing});
        QCOMPARE(textsOf(applied(*fitted, later, StepUse::Prediction), "x"),
                 (Names{"(-inf, 5)", "(-inf, 5)", "[5, inf)", "[5, inf)", ""}));
    }

    void labelsDescribeIntervals() {
        // Edges in formatNumber's shortest round-trip text.
        QCOMPARE(binLabels({}), Names{"(-inf, inf)"});
        QCOMPARE(binLabels({0.5}), (Names{"(-inf, 0.5)", "[0.5, inf)"}));
        QCOMPARE(binLabels({-1, 2.5, 1e6}),
                 (Names{"(-inf, -1)", "[-1, 2.5)", "[2.5, 1e+06)", "[1e+06, inf)"}));
    }

    void saveLoadAppliesIdentically() {
        for (const char* method : {"equal-width", "quantile"}) {
            const Table table = tableOf({3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5});
            const auto fitted =
                fitWith(binStep(), table, "target", {{"method", method}, {"count", "3"}});
            std::vector<std::uint8_t> bytes;
            const auto loaded = roundTrip(binStep(), *fitted, &bytes);
            const Table later = tableOf({-1, 0, 2.5, 7, 100});
            for (const Table& t : {table, later})
                QVERIFY(sameTable(applied(*fitted, t), applied(*loaded, t)));
            QCOMPARE(bytesOf(*loaded), bytes);
        }
    }

    void errorsNameTheParameter() {
        QCOMPARE(failingParameter([] {
                     ParamValues::resolve(binStep().params(), {{"count", "1"}});
                 }),
                 std::string("count"));
        QCOMPARE(failingParameter([] {
                     ParamValues::resolve(binStep().params(), {{"method", "kmeans"}});
                 }),
                 std::string("method"));
        const Table table(
            {numbers("x", {1, 2}), categories("c", {"a", "b"}), numbers("target", {0, 1})});
        BinSettings settings;
        settings.columns = {"c"};
        QCOMPARE(failingParameter([&] { fitBin(table, "target", settings, TaskContext()); }),
                 std::string("columns"));
        settings.columns = {};
        settings.count = 1;
        QCOMPARE(failingParameter([&] { fitBin(table, "target", settings, TaskContext()); }),
                 std::string("count"));
        const auto fitted = fitWith(binStep(), table, "target", {});
        QCOMPARE(failingParameter([&] { applied(*fitted, Table({numbers("y", {1})})); }),
                 std::string("x"));
    }

    // The "columns" parameter as text: a ';' list (items trimmed, in the order given) or auto.
    void explicitColumnList_data() { addNumericColumnListRows(); }
    void explicitColumnList() {
        QFETCH(QString, columns);
        QFETCH(QStringList, chosen);
        checkColumnChoice<FittedBin>(binStep(), numericColumnsTable(),
                                     {{"columns", columns.toStdString()}}, chosen);
    }
};

QTEST_APPLESS_MAIN(BinningStepsTest)
#include "test_binning_steps.moc"
