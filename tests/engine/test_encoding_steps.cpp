// The "encode" step: one-hot and ordinal encodings with the levels of the training rows,
// unknown levels at apply, save and load, errors naming the parameter.
#include <QtTest>

#include "engine/encoding_step.h"
#include "engine/errors.h"
#include "step_test_support.h"

using namespace glassbox;
using namespace steptest;

namespace {

using Cells = std::vector<double>;
using Names = std::vector<std::string>;

// colour's levels in order of appearance: red, green, blue; sorted: blue, green, red.
Table training() {
    return Table({numbers("n", {1, 2, 3, 4, 5}),
                  categories("colour", {"red", "green", "blue", "green", ""}),
                  categories("target", {"y", "n", "y", "n", "y"})});
}

// Other rows, their colour dictionary in another order and with a level training never saw.
Table later() {
    return Table({numbers("n", {6, 7, 8, 9}), categories("colour", {"purple", "blue", "red", ""}),
                  categories("target", {"y", "n", "y", "n"})});
}

}  // namespace

class EncodingStepsTest : public QObject {
    Q_OBJECT
  private slots:
    void oneHotColumnPerTrainingLevel() {
        const auto fitted = fitWith(encodeStep(), training(), "target", {});
        StepReport report;
        const Table out = applied(*fitted, training(), StepUse::Training, &report);
        // In place of colour, sorted levels; the target (categorical too) is left alone.
        QCOMPARE(namesOf(out), (Names{"n", "colour=blue", "colour=green", "colour=red", "target"}));
        QVERIFY(sameCells(cellsOf(out, "colour=blue"), Cells{0, 0, 1, 0, kMissing}));
        QVERIFY(sameCells(cellsOf(out, "colour=green"), Cells{0, 1, 0, 1, kMissing}));
        QVERIFY(sameCells(cellsOf(out, "colour=red"), Cells{1, 0, 0, 0, kMissing}));
        QCOMPARE(textsOf(out, "target"), textsOf(training(), "target"));
        QCOMPARE(report.droppedColumns, Names{"colour"});
        QCOMPARE(report.addedColumns, (Names{"colour=blue", "colour=green", "colour=red"}));
        QCOMPARE(detail(report, "unknown levels in colour"), std::string("0 cells"));
    }

    void oneHotUnknownLevelIsAllZeros() {
        const auto fitted = fitWith(encodeStep(), training(), "target", {});
        StepReport report;
        const Table out = applied(*fitted, later(), StepUse::Prediction, &report);
        QVERIFY(sameCells(cellsOf(out, "colour=blue"), Cells{0, 1, 0, kMissing}));
        QVERIFY(sameCells(cellsOf(out, "colour=green"), Cells{0, 0, 0, kMissing}));
        QVERIFY(sameCells(cellsOf(out, "colour=red"), Cells{0, 0, 1, kMissing}));
        QCOMPARE(out.indexOf("colour=purple"), std::ptrdiff_t{-1});
        QCOMPARE(detail(report, "unknown levels in colour"), std::string("1 cells"));
    }

    void oneHotDropFirst() {
        const auto fitted = fitWith(encodeStep(), training(), "target", {{"drop_first", "true"}});
        const Table out = applied(*fitted, later());
        QCOMPARE(namesOf(out), (Names{"n", "colour=green", "colour=red", "target"}));
        QVERIFY(sameCells(cellsOf(out, "colour=red"), Cells{0, 0, 1, kMissing}));
    }

    void ordinalCodes_data() {
        QTest::addColumn<Names>("order");
        QTest::addColumn<Cells>("trained");
        QTest::addColumn<Cells>("other");
        // Sorted: blue 0, green 1, red 2. Unknown purple and missing cells become missing.
        QTest::newRow("sorted") << Names{} << Cells{2, 1, 0, 1, kMissing}
                                << Cells{kMissing, 0, 2, kMissing};
        // A given order may hold levels training did not see.
        QTest::newRow("given") << Names{"red", "amber", "green", "blue"}
                               << Cells{0, 2, 3, 2, kMissing} << Cells{kMissing, 3, 0, kMissing};
    }
    void ordinalCodes() {
        QFETCH(Names, order);
        QFETCH(Cells, trained);
        QFETCH(Cells, other);
        EncodeSettings settings;
        settings.method = EncodeMethod::Ordinal;
        settings.order = order;
        const auto fitted = fitEncode(training(), "target", settings, TaskContext());
        const Table out = applied(*fitted, training());
        QCOMPARE(namesOf(out), namesOf(training()));
        QCOMPARE(out.column(1).type(), ColumnType::Numeric);
        QVERIFY(sameCells(cellsOf(out, "colour"), trained));
        StepReport report;
        QVERIFY(sameCells(
            cellsOf(applied(*fitted, later(), StepUse::Prediction, &report), "colour"), other));
        QCOMPARE(detail(report, "unknown levels in colour"), std::string("1 cells"));
    }

    void saveLoadAppliesIdentically_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("dropFirst");
        QTest::newRow("one-hot") << "one-hot" << false;
        QTest::newRow("one-hot drop_first") << "one-hot" << true;
        QTest::newRow("ordinal") << "ordinal" << false;
    }
    void saveLoadAppliesIdentically() {
        QFETCH(QString, method);
        QFETCH(bool, dropFirst);
        const auto fitted = fitWith(
            encodeStep(), training(), "target",
            {{"method", method.toStdString()}, {"drop_first", dropFirst ? "true" : "false"}});
        std::vector<std::uint8_t> bytes;
        const auto loaded = roundTrip(encodeStep(), *fitted, &bytes);
        for (const Table& table : {training(), later()})
            QVERIFY(sameTable(applied(*fitted, table), applied(*loaded, table)));
        QCOMPARE(bytesOf(*loaded), bytes);
    }

    void errorsNameTheParameter() {
        QCOMPARE(failingParameter([] {
                     ParamValues::resolve(encodeStep().params(), {{"method", "binary"}});
                 }),
                 std::string("method"));
        QCOMPARE(failingParameter([] {
                     ParamValues::resolve(encodeStep().params(), {{"drop_first", "maybe"}});
                 }),
                 std::string("drop_first"));
        QCOMPARE(failingParameter([] {
                     fitWith(encodeStep(), training(), "target",
                             {{"method", "ordinal"}, {"drop_first", "true"}});
                 }),
                 std::string("drop_first"));
        auto fitSettings = [](EncodeSettings s) {
            return fitEncode(training(), "target", s, TaskContext());
        };
        EncodeSettings numeric;
        numeric.columns = {"n"};
        QCOMPARE(failingParameter([&] { fitSettings(numeric); }), std::string("columns"));
        EncodeSettings incomplete;
        incomplete.method = EncodeMethod::Ordinal;
        incomplete.order = {"red", "green"};  // blue is missing
        QCOMPARE(failingParameter([&] { fitSettings(incomplete); }), std::string("order"));
        EncodeSettings twice = incomplete;
        twice.order = {"red", "green", "blue", "red"};
        QCOMPARE(failingParameter([&] { fitSettings(twice); }), std::string("order"));
        EncodeSettings oneHotOrder;
        oneHotOrder.order = {"red", "green", "blue"};
        QCOMPARE(failingParameter([&] { fitSettings(oneHotOrder); }), std::string("order"));
        // A one-hot column that exists already is named.
        const auto fitted = fitSettings({});
        Table clash = training();
        clash.addColumn(numbers("colour=red", {0, 0, 0, 0, 0}));
        QCOMPARE(failingParameter([&] { applied(*fitted, clash); }), std::string("colour=red"));
        QCOMPARE(failingParameter([&] { applied(*fitted, Table({numbers("n", {1})})); }),
                 std::string("colour"));
    }

    // The "columns" parameter as text: a ';' list (items trimmed, in the order given) or auto.
    void explicitColumnList_data() {
        QTest::addColumn<QString>("columns");
        QTest::addColumn<QStringList>("chosen");  // empty: the fit fails naming "columns"
        QTest::newRow("one") << "shape" << QStringList{"shape"};
        QTest::newRow("two, trimmed, given order")
            << " shape ; colour " << QStringList{"shape", "colour"};
        QTest::newRow("auto") << "auto" << QStringList{"colour", "shape"};
        QTest::newRow("empty is auto") << "" << QStringList{"colour", "shape"};
        QTest::newRow("unknown") << "colour;zz" << QStringList{};
        QTest::newRow("numeric") << "colour;n" << QStringList{};
        QTest::newRow("target") << "target" << QStringList{};
        QTest::newRow("twice") << "shape;shape" << QStringList{};
        QTest::newRow("empty item") << "shape;" << QStringList{};
    }
    void explicitColumnList() {
        QFETCH(QString, columns);
        QFETCH(QStringList, chosen);
        const Table table = Table({numbers("n", {1, 2, 3, 4, 5}),
                                   categories("colour", {"red", "green", "blue", "green", ""}),
                                   categories("shape", {"box", "ball", "box", "ball", "box"}),
                                   categories("target", {"y", "n", "y", "n", "y"})});
        const std::map<std::string, std::string> params{{"method", "ordinal"},
                                                        {"columns", columns.toStdString()}};
        checkColumnChoice<FittedEncode>(encodeStep(), table, params, chosen);
    }

    // "order" as text: the ordinal codes follow the given ';' list.
    void orderAsText() {
        const auto fitted = fitWith(
            encodeStep(), training(), "target",
            {{"method", "ordinal"}, {"order", "red;amber;green;blue"}, {"columns", "colour"}});
        QVERIFY(sameCells(cellsOf(applied(*fitted, training()), "colour"),
                          Cells{0, 2, 3, 2, kMissing}));
        QCOMPARE(failingParameter([] {
                     fitWith(encodeStep(), training(), "target",
                             {{"method", "ordinal"}, {"order", "red;green"}});
                 }),
                 std::string("order"));
    }
};

QTEST_APPLESS_MAIN(EncodingStepsTest)
#include "test_encoding_steps.moc"
