// The "scale" step: standard, min-max and robust scaling against hand-computed values,
// statistics learnt on the training rows only, save and load, errors naming the parameter.
#include <QtTest>

#include "engine/errors.h"
#include "engine/scaling_step.h"
#include "step_test_support.h"

using namespace glassbox;
using namespace steptest;

namespace {

using Cells = std::vector<double>;
using Names = std::vector<std::string>;

// x: 2, 4, 4, 4, 5, 5, 7, 9 and a missing cell: mean 5, population std 2; min 2, max 9;
// median 4.5, linear quartiles 4 and 5.5 (positions 1.75 and 5.25), IQR 1.5.
Table training() {
    return Table({numbers("x", {2, 4, kMissing, 4, 4, 5, 5, 7, 9}),
                  categories("c", {"a", "b", "a", "a", "b", "a", "b", "a", "b"}),
                  numbers("target", {1, 2, 3, 4, 5, 6, 7, 8, 9})});
}

}  // namespace

Q_DECLARE_METATYPE(Cells)

class ScalingStepsTest : public QObject {
    Q_OBJECT
  private slots:
    void scalesByTrainingStatistics_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<double>("centre");
        QTest::addColumn<double>("scale");
        QTest::addColumn<Cells>("trained");  // x of the training rows after the step
        QTest::addColumn<Cells>("later");    // x = 5, 11, 1 after the step
        QTest::newRow("standard") << "standard" << 5.0 << 2.0
                                  << Cells{-1.5, -0.5, kMissing, -0.5, -0.5, 0, 0, 1, 2}
                                  << Cells{0, 3, -2};
        QTest::newRow("minmax") << "minmax" << 2.0 << 7.0
                                << Cells{0,       2.0 / 7, kMissing, 2.0 / 7, 2.0 / 7,
                                         3.0 / 7, 3.0 / 7, 5.0 / 7,  1}
                                << Cells{3.0 / 7, 9.0 / 7, -1.0 / 7};
        QTest::newRow("robust") << "robust" << 4.5 << 1.5
                                << Cells{-2.5 / 1.5, -0.5 / 1.5, kMissing,  -0.5 / 1.5, -0.5 / 1.5,
                                         0.5 / 1.5,  0.5 / 1.5,  2.5 / 1.5, 4.5 / 1.5}
                                << Cells{0.5 / 1.5, 6.5 / 1.5, -3.5 / 1.5};
    }
    void scalesByTrainingStatistics() {
        QFETCH(QString, method);
        QFETCH(double, centre);
        QFETCH(double, scale);
        QFETCH(Cells, trained);
        QFETCH(Cells, later);
        const auto fitted =
            fitWith(scaleStep(), training(), "target", {{"method", method.toStdString()}});
        const auto& scaled = dynamic_cast<const FittedScale&>(*fitted);
        QCOMPARE(scaled.columns(), std::vector<std::string>{"x"});
        QCOMPARE(scaled.centres(), std::vector<double>{centre});
        QCOMPARE(scaled.scales(), std::vector<double>{scale});
        StepReport report;
        const Table out = applied(*fitted, training(), StepUse::Training, &report);
        QVERIFY2(sameCells(cellsOf(out, "x"), trained, 1e-12), qPrintable(method));
        // Target and categorical columns are left alone.
        QCOMPARE(cellsOf(out, "target"), cellsOf(training(), "target"));
        QCOMPARE(textsOf(out, "c"), textsOf(training(), "c"));
        QCOMPARE(namesOf(out), namesOf(training()));
        std::size_t changed = 0;
        for (std::size_t i = 0; i < trained.size(); ++i)
            if (!std::isnan(trained[i]) && trained[i] != cellsOf(training(), "x")[i]) ++changed;
        QCOMPARE(report.changedCells, changed);
        // New rows use the training statistics, not their own.
        const Table rows({numbers("x", {5, 11, 1}), categories("c", {"a", "a", "b"}),
                          numbers("target", {0, 0, 0})});
        QVERIFY(sameCells(cellsOf(applied(*fitted, rows, StepUse::Prediction), "x"), later, 1e-12));
    }

    void zeroSpreadScalesByOne_data() {
        QTest::addColumn<QString>("method");
        QTest::newRow("standard") << "standard";
        QTest::newRow("minmax") << "minmax";
        QTest::newRow("robust") << "robust";
    }
    void zeroSpreadScalesByOne() {
        QFETCH(QString, method);
        const Table table({numbers("k", {3, 3, 3}), numbers("target", {0, 1, 0})});
        const auto fitted =
            fitWith(scaleStep(), table, "target", {{"method", method.toStdString()}});
        QCOMPARE(cellsOf(applied(*fitted, table), "k"), (Cells{0, 0, 0}));
        const Table later({numbers("k", {5}), numbers("target", {0})});
        QCOMPARE(cellsOf(applied(*fitted, later), "k"), (Cells{2}));
    }

    void onlyChosenColumns() {
        const Table table(
            {numbers("a", {1, 2, 3}), numbers("b", {10, 20, 30}), numbers("target", {0, 1, 0})});
        ScaleSettings settings;
        settings.method = ScaleMethod::MinMax;
        settings.columns = {"b"};
        const auto fitted = fitScale(table, "target", settings, TaskContext());
        const Table out = applied(*fitted, table);
        QCOMPARE(cellsOf(out, "a"), (Cells{1, 2, 3}));
        QCOMPARE(cellsOf(out, "b"), (Cells{0, 0.5, 1}));
    }

    void saveLoadAppliesIdentically() {
        for (const char* method : {"standard", "minmax", "robust"}) {
            const auto fitted = fitWith(scaleStep(), training(), "target", {{"method", method}});
            std::vector<std::uint8_t> bytes;
            const auto loaded = roundTrip(scaleStep(), *fitted, &bytes);
            QVERIFY(sameTable(applied(*fitted, training()), applied(*loaded, training())));
            QCOMPARE(bytesOf(*loaded), bytes);
        }
    }

    void errorsNameTheParameter() {
        QCOMPARE(failingParameter([] {
                     ParamValues::resolve(scaleStep().params(), {{"method", "zscore"}});
                 }),
                 std::string("method"));
        auto fitColumns = [](std::vector<std::string> columns) {
            ScaleSettings s;
            s.columns = std::move(columns);
            return fitScale(training(), "target", s, TaskContext());
        };
        QCOMPARE(failingParameter([&] { fitColumns({"c"}); }), std::string("columns"));
        QCOMPARE(failingParameter([&] { fitColumns({"missing"}); }), std::string("columns"));
        QCOMPARE(failingParameter([&] { fitColumns({"target"}); }), std::string("columns"));
        QCOMPARE(failingParameter([&] { fitColumns({"x", "x"}); }), std::string("columns"));
        const auto fitted = fitColumns({"x"});
        QCOMPARE(failingParameter([&] { applied(*fitted, Table({numbers("y", {1})})); }),
                 std::string("x"));
        // A column of the same name but another type is refused too.
        QCOMPARE(failingParameter([&] { applied(*fitted, Table({categories("x", {"a"})})); }),
                 std::string("x"));
    }

    // The "columns" parameter as text: a ';' list (items trimmed, in the order given) or auto.
    void explicitColumnList_data() { addNumericColumnListRows(); }
    void explicitColumnList() {
        QFETCH(QString, columns);
        QFETCH(QStringList, chosen);
        checkColumnChoice<FittedScale>(scaleStep(), numericColumnsTable(),
                                       {{"columns", columns.toStdString()}}, chosen);
    }
};

QTEST_APPLESS_MAIN(ScalingStepsTest)
#include "test_scaling_steps.moc"
