// The "outliers" step: z-score and IQR bounds against hand-computed rows, bounds learnt on the
// training rows only, flag / drop, save and load, and errors that name the parameter.
#include <QtTest>

#include "engine/errors.h"
#include "engine/outlier_step.h"
#include "step_test_support.h"

using namespace glassbox;
using namespace steptest;

namespace {

// x: 1..9 and 100 (row 2); y: 10..18 and -30 (row 9); the target column must be left alone.
Table training() {
    return Table({numbers("x", {3, 1, 100, 4, 2, 9, 5, 8, 6, 7}),
                  numbers("y", {10, 11, 12, 13, 14, 15, 16, 18, 17, -30}),
                  numbers("target", {0, 0, 1000, 0, 0, 0, 0, 0, 0, 0})});
}

std::vector<std::size_t> flaggedRows(const Table& table) {
    std::vector<std::size_t> rows;
    const std::ptrdiff_t index = table.indexOf("outlier");
    if (index < 0) return {999};
    const Column& flags = table.column(static_cast<std::size_t>(index));
    for (std::size_t r = 0; r < flags.size(); ++r)
        if (flags.boolean(r)) rows.push_back(r);
    return rows;
}

using Rows = std::vector<std::size_t>;
using Names = std::vector<std::string>;

}  // namespace

Q_DECLARE_METATYPE(Rows)

class OutlierStepsTest : public QObject {
    Q_OBJECT
  private slots:
    void flagsHandComputedRows_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("factor");
        QTest::addColumn<QString>("columns");
        QTest::addColumn<Rows>("expected");
        // z (population std): x has mean 14.5, variance (872.25 + 85.5^2) / 10 = 818.25, so
        // z(100) = 85.5 / 28.605 = 2.989; y has mean 9.6, variance (234.24 + 39.6^2) / 10 =
        // 180.24, z(-30) = 39.6 / 13.425 = 2.950. The default 3 misses both (masking).
        QTest::newRow("z default") << "z"
                                   << ""
                                   << "" << Rows{};
        QTest::newRow("z 2.97") << "z"
                                << "2.97"
                                << "" << Rows{2};
        QTest::newRow("z 2.5") << "z"
                               << "2.5"
                               << "" << Rows{2, 9};
        QTest::newRow("z 2.5 on y") << "z"
                                    << "2.5"
                                    << "y" << Rows{9};
        // iqr (linear quartiles, position q (n - 1)): x sorted 1..9,100: Q1 = 3.25, Q3 = 7.75,
        // IQR 4.5; y sorted -30,10..18: Q1 = 11.25, Q3 = 15.75, IQR 4.5.
        // 1.5: x in [-3.5, 14.5], y in [4.5, 22.5].
        QTest::newRow("iqr default") << "iqr"
                                     << ""
                                     << "" << Rows{2, 9};
        QTest::newRow("iqr on x") << "iqr"
                                  << "1.5"
                                  << "x" << Rows{2};
        // 0.5: x in [1, 10] (1 is inside), y in [9, 18] (18 is inside).
        QTest::newRow("iqr 0.5") << "iqr"
                                 << "0.5"
                                 << "" << Rows{2, 9};
        // 0.4: x in [1.45, 9.55] (x = 1 in row 1 out), y in [9.45, 17.55] (18 in row 7 out).
        QTest::newRow("iqr 0.4") << "iqr"
                                 << "0.4"
                                 << "" << Rows{1, 2, 7, 9};
    }
    void flagsHandComputedRows() {
        QFETCH(QString, method);
        QFETCH(QString, factor);
        QFETCH(QString, columns);
        QFETCH(Rows, expected);
        std::map<std::string, std::string> params{{"method", method.toStdString()}};
        if (!factor.isEmpty()) params["factor"] = factor.toStdString();
        OutlierSettings settings =
            outlierSettingsFrom(ParamValues::resolve(outliersStep().params(), params));
        if (!columns.isEmpty()) settings.columns = {columns.toStdString()};
        const auto fitted = fitOutliers(training(), "target", settings, 1, TaskContext());
        StepReport report;
        const Table out = fitted->apply(training(), StepUse::Training, report, TaskContext());
        QCOMPARE(flaggedRows(out), expected);
        QCOMPARE(report.addedColumns, std::vector<std::string>{"outlier"});
        QCOMPARE(detail(report, "outlier rows"), std::to_string(expected.size()));
        // The other columns pass through untouched.
        QCOMPARE(cellsOf(out, "x"), cellsOf(training(), "x"));
        QCOMPARE(cellsOf(out, "target"), cellsOf(training(), "target"));
    }

    void boundsAreLearntOnTrainingRowsOnly() {
        const auto fitted = fitWith(outliersStep(), training(), "target", {{"method", "iqr"}});
        // Training bounds x in [-3.5, 14.5], y in [4.5, 22.5]. Bounds learnt on these rows
        // themselves (x in [-9.25, 28.75], y in [3.75, 25.75]) would flag nothing.
        const Table later(
            {numbers("x", {-4, 14, 15}), numbers("y", {12, 12, 23}), numbers("target", {0, 0, 0})});
        QCOMPARE(flaggedRows(applied(*fitted, later, StepUse::Prediction)), (Rows{0, 2}));
        auto* outliers = dynamic_cast<const FittedOutliers*>(fitted.get());
        QVERIFY(outliers);
        QCOMPARE(outliers->first(), (std::vector<double>{-3.5, 4.5}));
        QCOMPARE(outliers->second(), (std::vector<double>{14.5, 22.5}));
    }

    void missingCellsAreNeverOutliers() {
        const Table table({numbers("x", {1, 2, 3, 4, kMissing, 5, 6, 7, 8, 1000}),
                           numbers("target", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0})});
        const auto fitted = fitWith(outliersStep(), table, "target", {{"method", "iqr"}});
        QCOMPARE(flaggedRows(applied(*fitted, table)), (Rows{9}));
    }

    void dropRemovesTrainingRowsOnly() {
        const auto fitted =
            fitWith(outliersStep(), training(), "target", {{"method", "iqr"}, {"action", "drop"}});
        StepReport report;
        const Table trained = applied(*fitted, training(), StepUse::Training, &report);
        QCOMPARE(report.droppedRows, std::size_t{2});
        QCOMPARE(trained.rowCount(), std::size_t{8});
        QCOMPARE(cellsOf(trained, "x"), (std::vector<double>{3, 1, 4, 2, 9, 5, 8, 6}));
        QCOMPARE(cellsOf(trained, "y"), (std::vector<double>{10, 11, 13, 14, 15, 16, 18, 17}));
        QCOMPARE(trained.indexOf("outlier"), std::ptrdiff_t{-1});
        StepReport predictionReport;
        const Table predicted =
            applied(*fitted, training(), StepUse::Prediction, &predictionReport);
        QVERIFY(sameTable(predicted, training()));
        QCOMPARE(predictionReport.droppedRows, std::size_t{0});
    }

    void saveLoadAppliesIdentically_data() {
        QTest::addColumn<QString>("method");
        QTest::newRow("z") << "z";
        QTest::newRow("iqr") << "iqr";
        QTest::newRow("isolation_forest") << "isolation_forest";
    }
    void saveLoadAppliesIdentically() {
        QFETCH(QString, method);
        const auto fitted = fitWith(outliersStep(), training(), "target",
                                    {{"method", method.toStdString()}, {"factor", "auto"}}, 5);
        std::vector<std::uint8_t> bytes;
        const auto loaded = roundTrip(outliersStep(), *fitted, &bytes);
        QCOMPARE(loaded->name(), std::string_view("outliers"));
        const Table later({numbers("x", {-4, 14, 15, 5}), numbers("y", {12, 12, 23, kMissing}),
                           numbers("target", {0, 0, 0, 0})});
        for (const Table& table : {training(), later}) {
            const Table a = applied(*fitted, table);
            const Table b = applied(*loaded, table);
            QVERIFY(sameTable(a, b));
            QCOMPARE(a.indexOf("outlier"), std::ptrdiff_t{3});
        }
        QCOMPARE(bytesOf(*loaded), bytes);
    }

    void truncatedPayloadIsAFormatError() {
        const auto fitted =
            fitWith(outliersStep(), training(), "target", {{"method", "isolation_forest"}});
        std::vector<std::uint8_t> bytes = bytesOf(*fitted);
        bytes.resize(bytes.size() - 9);
        ByteReader in(bytes, "model.gbx");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, outliersStep().load(in));
    }

    void errorsNameTheParameter_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("method") << "method"
                                << "mad";
        QTest::newRow("factor") << "factor"
                                << "-1";
        QTest::newRow("contamination") << "contamination"
                                       << "0.9";
        QTest::newRow("trees") << "trees"
                               << "0";
        QTest::newRow("sample_size") << "sample_size"
                                     << "1";
        QTest::newRow("action") << "action"
                                << "clip";
        QTest::newRow("unknown") << "threshold"
                                 << "2";
    }
    void errorsNameTheParameter() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QCOMPARE(failingParameter([&] {
                     ParamValues::resolve(outliersStep().params(),
                                          {{key.toStdString(), value.toStdString()}});
                 }),
                 key.toStdString());
    }

    void columnErrorsNameTheColumns() {
        const Table table({numbers("x", {1, 2, 3}), categories("c", {"a", "b", "a"}),
                           numbers("empty", {kMissing, kMissing, kMissing}),
                           numbers("target", {0, 1, 0})});
        auto fitColumns = [&](std::vector<std::string> columns) {
            OutlierSettings s;
            s.columns = std::move(columns);
            return fitOutliers(table, "target", s, 1, TaskContext());
        };
        QCOMPARE(failingParameter([&] { fitColumns({"nope"}); }), std::string("columns"));
        QCOMPARE(failingParameter([&] { fitColumns({"c"}); }), std::string("columns"));
        QCOMPARE(failingParameter([&] { fitColumns({"target"}); }), std::string("columns"));
        QCOMPARE(failingParameter([&] { fitColumns({"empty"}); }), std::string("columns"));
        // Applied to a table without a column it learnt: the error names that column.
        const auto fitted = fitColumns({"x"});
        const Table other({numbers("z", {1, 2})});
        QCOMPARE(failingParameter([&] { applied(*fitted, other); }), std::string("x"));
        // A table that has an "outlier" column already cannot get the flag column.
        const Table flagged({numbers("x", {1, 2}), numbers("outlier", {0, 1})});
        QCOMPARE(failingParameter([&] { applied(*fitted, flagged); }), std::string("action"));
    }

    void factorDefaultsDependOnTheMethod() {
        const ParamSpecs& specs = outliersStep().params();
        QCOMPARE(outlierSettingsFrom(ParamValues::resolve(specs, {})).factor, 3.0);
        QCOMPARE(outlierSettingsFrom(ParamValues::resolve(specs, {{"method", "iqr"}})).factor, 1.5);
        QCOMPARE(outlierSettingsFrom(ParamValues::resolve(specs, {{"factor", "2"}})).factor, 2.0);
    }

    // The "columns" parameter as text: a ';' list (items trimmed, in the order given) or auto.
    void explicitColumnList_data() { addNumericColumnListRows(); }
    void explicitColumnList() {
        QFETCH(QString, columns);
        QFETCH(QStringList, chosen);
        checkColumnChoice<FittedOutliers>(outliersStep(), numericColumnsTable(),
                                          {{"method", "iqr"}, {"columns", columns.toStdString()}},
                                          chosen);
    }
};

QTEST_APPLESS_MAIN(OutlierStepsTest)
#include "test_outlier_steps.moc"
