// Generalisation of quasi-identifiers on hand-checked cases: numbers to ranges, dates to month
// or year, strings cut to a prefix; with the reports' counts and the refusals.
#include <QtTest>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/errors.h"
#include "engine/generalize.h"
#include "engine/value_parsing.h"

using namespace glassbox;

namespace {

// Cells as text: "" is missing. Numbers through parseNumber, dates through parseIsoDateTime.
Column numericColumn(const QStringList& cells) {
    std::vector<double> values;
    ValidityMask valid(std::size_t(cells.size()));
    for (int i = 0; i < cells.size(); ++i) {
        const auto v = parseNumber(cells[i].toStdString());
        values.push_back(v.value_or(0.0));
        valid.set(std::size_t(i), v.has_value());
    }
    return Column::numeric("x", values, valid);
}

Column dateColumn(const QStringList& cells) {
    std::vector<double> seconds;
    ValidityMask valid(std::size_t(cells.size()));
    for (int i = 0; i < cells.size(); ++i) {
        const auto v = parseIsoDateTime(cells[i].toStdString());
        seconds.push_back(v ? v->seconds : 0.0);
        valid.set(std::size_t(i), v.has_value());
    }
    return Column::dateTime("when", seconds, true, valid);
}

Column stringColumn(const QStringList& cells, bool categorical) {
    ValidityMask valid(std::size_t(cells.size()));
    if (categorical) {
        std::vector<std::string> levels;
        std::vector<std::int32_t> codes;
        for (const QString& c : cells) {
            if (c.isEmpty()) {
                codes.push_back(-1);
                continue;
            }
            auto at = std::find(levels.begin(), levels.end(), c.toStdString());
            if (at == levels.end()) at = levels.insert(levels.end(), c.toStdString());
            codes.push_back(std::int32_t(at - levels.begin()));
        }
        return Column::categorical("code", codes, levels, valid);
    }
    std::vector<std::uint64_t> offsets{0};
    std::string data;
    for (int i = 0; i < cells.size(); ++i) {
        data += cells[i].toStdString();
        offsets.push_back(data.size());
        valid.set(std::size_t(i), !cells[i].isEmpty());
    }
    return Column::text("code", offsets, data, valid);
}

QStringList shown(const Column& column) {
    QStringList out;
    for (std::size_t r = 0; r < column.size(); ++r) out << QString::fromStdString(column.format(r));
    return out;
}

QStringList levels(const Column& column) {
    QStringList out;
    for (const std::string& l : column.levels()) out << QString::fromStdString(l);
    return out;
}

void checkCommon(const Column& input, const GeneralizedColumn& out) {
    QCOMPARE(out.column.type(), ColumnType::Categorical);
    QCOMPARE(out.column.name(), input.name());
    QCOMPARE(out.report.column, input.name());
    QCOMPARE(out.report.missing, input.missingCount());
    QCOMPARE(out.report.distinctAfter, out.column.levels().size());
    for (std::size_t r = 0; r < input.size(); ++r)
        QCOMPARE(out.column.isMissing(r), input.isMissing(r));
}

}  // namespace

class GeneralizeTest : public QObject {
    Q_OBJECT
  private slots:
    void ranges_data() {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("origin");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("levels");
        QTest::addColumn<int>("changed");
        QTest::addColumn<int>("distinctBefore");
        QTest::newRow("ages by decade")
            << QStringList{"37", "30", "39", "40", "0", "99", "", "37"} << 10.0 << 0.0
            << QStringList{"30-39", "30-39", "30-39", "40-49", "0-9", "90-99", "", "30-39"}
            << QStringList{"0-9", "30-39", "40-49", "90-99"} << 7 << 6;
        QTest::newRow("origin 5") << QStringList{"37", "34", "5", "44"} << 10.0 << 5.0
                                  << QStringList{"35-44", "25-34", "5-14", "35-44"}
                                  << QStringList{"5-14", "25-34", "35-44"} << 4 << 4;
        QTest::newRow("width 1 changes nothing")
            << QStringList{"37", "2"} << 1.0 << 0.0 << QStringList{"37", "2"}
            << QStringList{"2", "37"} << 0 << 2;
        QTest::newRow("width 5") << QStringList{"19", "20", "24", "25"} << 5.0 << 0.0
                                 << QStringList{"15-19", "20-24", "20-24", "25-29"}
                                 << QStringList{"15-19", "20-24", "25-29"} << 4 << 4;
        QTest::newRow("negative ranges bracketed")
            << QStringList{"-5", "3", "-10", "-11"} << 10.0 << 0.0
            << QStringList{"[-10, -1]", "[0, 9]", "[-10, -1]", "[-20, -11]"}
            << QStringList{"[-20, -11]", "[-10, -1]", "[0, 9]"} << 4 << 4;
        QTest::newRow("fractions half-open")
            << QStringList{"0.3", "0.25", "1", "0.1"} << 0.1 << 0.0
            << QStringList{"[0.3, 0.4)", "[0.2, 0.3)", "[1, 1.1)", "[0.1, 0.2)"}
            << QStringList{"[0.1, 0.2)", "[0.2, 0.3)", "[0.3, 0.4)", "[1, 1.1)"} << 4 << 4;
        QTest::newRow("incomes") << QStringList{"52345.67", "60000", "59999.99"} << 10000.0 << 0.0
                                 << QStringList{"[50000, 60000)", "[60000, 70000)",
                                                "[50000, 60000)"}
                                 << QStringList{"[50000, 60000)", "[60000, 70000)"} << 3 << 3;
        QTest::newRow("fractional width") << QStringList{"1", "2", "3"} << 2.5 << 0.0
                                          << QStringList{"[0, 2.5)", "[0, 2.5)", "[2.5, 5)"}
                                          << QStringList{"[0, 2.5)", "[2.5, 5)"} << 3 << 3;
        QTest::newRow("infinities")
            << QStringList{"inf", "-inf", "5"} << 10.0 << 0.0 << QStringList{"inf", "-inf", "0-9"}
            << QStringList{"-inf", "0-9", "inf"} << 3 << 3;
        QTest::newRow("all missing")
            << QStringList{"", ""} << 10.0 << 0.0 << QStringList{"", ""} << QStringList{} << 0 << 0;
    }
    void ranges() {
        QFETCH(QStringList, values);
        QFETCH(double, width);
        QFETCH(double, origin);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, levels);
        QFETCH(int, changed);
        QFETCH(int, distinctBefore);
        const Column input = numericColumn(values);
        const GeneralizedColumn out = generalizeToRanges(input, width, origin);
        checkCommon(input, out);
        QCOMPARE(shown(out.column), expected);
        QCOMPARE(::levels(out.column), levels);
        QCOMPARE(out.report.cellsChanged, std::size_t(changed));
        QCOMPARE(out.report.distinctBefore, std::size_t(distinctBefore));
    }
    void nanIsOneValue() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Column input = Column::numeric("x", {nan, 12, nan}, ValidityMask(3));
        const GeneralizedColumn out = generalizeToRanges(input, 10);
        QCOMPARE(shown(out.column), (QStringList{"nan", "10-19", "nan"}));
        QCOMPARE(out.report.distinctBefore, std::size_t(2));
        QCOMPARE(out.report.distinctAfter, std::size_t(2));
    }
    void rangeRefusals() {
        const Column numbers = numericColumn({"1"});
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        for (double width : {0.0, -10.0, nan, inf}) {
            try {
                generalizeToRanges(numbers, width);
                QFAIL("expected InvalidArgument");
            } catch (const InvalidArgument& e) {
                QCOMPARE(e.parameter(), std::string("width"));
            }
        }
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, generalizeToRanges(numbers, 10, inf));
        try {
            generalizeToRanges(stringColumn({"a"}, true), 10);
            QFAIL("expected InvalidArgument");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("column"));
            QVERIFY(QString(e.what()).contains("categorical"));
        }
    }
    void dates_data() {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<bool>("year");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("levels");
        const QStringList values{
            "2024-03-15", "1969-12-31T23:59:59", "2000-02-29",          "",
            "1900-01-01", "2024-12-31T23:59:59", "2024-03-01T00:00:00", "2025-01-01T00:00:00"};
        QTest::newRow("months") << values << false
                                << QStringList{"2024-03", "1969-12", "2000-02", "",
                                               "1900-01", "2024-12", "2024-03", "2025-01"}
                                << QStringList{"1900-01", "1969-12", "2000-02",
                                               "2024-03", "2024-12", "2025-01"};
        QTest::newRow("years") << values << true << QStringList{"2024", "1969", "2000", "",
                                                                "1900", "2024", "2024", "2025"}
                               << QStringList{"1900", "1969", "2000", "2024", "2025"};
    }
    void dates() {
        QFETCH(QStringList, values);
        QFETCH(bool, year);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, levels);
        const Column input = dateColumn(values);
        const GeneralizedColumn out =
            generalizeDates(input, year ? DatePrecision::Year : DatePrecision::Month);
        checkCommon(input, out);
        QCOMPARE(shown(out.column), expected);
        QCOMPARE(::levels(out.column), levels);
        QCOMPARE(out.report.cellsChanged, std::size_t(7));
        QCOMPARE(out.report.distinctBefore, std::size_t(7));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                                 generalizeDates(numericColumn({"1"}), DatePrecision::Year));
    }
    void truncation_data() {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<int>("keep");
        QTest::addColumn<QString>("marker");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("changed");
        const QStringList postcodes{"SW1A 1AA", "SW1A 2AB", "EC1", "", "N1 9GU", "SW1A 1AA"};
        QTest::newRow("keep 4") << postcodes << 4 << "*"
                                << QStringList{"SW1A*", "SW1A*", "EC1", "", "N1 9*", "SW1A*"} << 4;
        QTest::newRow("keep 5 drops the space")
            << postcodes << 5 << "*" << QStringList{"SW1A*", "SW1A*", "EC1", "", "N1 9G*", "SW1A*"}
            << 4;
        QTest::newRow("keep 2") << postcodes << 2 << "*"
                                << QStringList{"SW*", "SW*", "EC*", "", "N1*", "SW*"} << 5;
        QTest::newRow("keep 8 keeps all") << postcodes << 8 << "*" << postcodes << 0;
        QTest::newRow("no marker")
            << postcodes << 3 << "" << QStringList{"SW1", "SW1", "EC1", "", "N1", "SW1"} << 4;
        QTest::newRow("utf-8 characters") << QStringList{"Zürich", "北京市朝阳区", "Zü"} << 2 << "…"
                                          << QStringList{"Zü…", "北京…", "Zü"} << 2;
    }
    void truncation() {
        QFETCH(QStringList, values);
        QFETCH(int, keep);
        QFETCH(QString, marker);
        QFETCH(QStringList, expected);
        QFETCH(int, changed);
        for (bool categorical : {true, false}) {
            const Column input = stringColumn(values, categorical);
            const GeneralizedColumn out =
                truncateStrings(input, std::size_t(keep), marker.toStdString());
            checkCommon(input, out);
            QCOMPARE(shown(out.column), expected);
            QCOMPARE(out.report.cellsChanged, std::size_t(changed));
            QStringList sorted = levels(out.column);
            std::sort(sorted.begin(), sorted.end(), [](const QString& a, const QString& b) {
                return a.toStdString() < b.toStdString();
            });
            QCOMPARE(levels(out.column), sorted);
            QStringList distinct = expected;
            distinct.removeAll("");
            distinct.removeDuplicates();
            QCOMPARE(out.report.distinctAfter, std::size_t(distinct.size()));
        }
    }
    void truncationRefusals() {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, truncateStrings(stringColumn({"a"}, false), 0));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, truncateStrings(numericColumn({"1"}), 2));
    }
};

QTEST_APPLESS_MAIN(GeneralizeTest)
#include "test_generalize.moc"
