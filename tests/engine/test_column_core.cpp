// The column model: value parsing, type inference, unique names, memory of a large table.
#include <QtTest>

#include <cmath>
#include <limits>

#include "engine/column_builder.h"
#include "engine/table.h"
#include "engine/value_parsing.h"

using namespace glassbox;

class ColumnCoreTest : public QObject {
    Q_OBJECT
  private slots:
    void parsesNumbers_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("integer") << QString("42") << true << 42.0;
        QTest::newRow("negative") << QString("-3.5") << true << -3.5;
        QTest::newRow("plus") << QString("+7") << true << 7.0;
        QTest::newRow("exponent") << QString("1.5e3") << true << 1500.0;
        QTest::newRow("leading dot") << QString(".25") << true << 0.25;
        QTest::newRow("spaces") << QString("  8  ") << true << 8.0;
        QTest::newRow("infinity") << QString("-Inf") << true
                                  << -std::numeric_limits<double>::infinity();
        QTest::newRow("nan is not a number") << QString("nan") << false << 0.0;
        QTest::newRow("hex") << QString("0x1A") << false << 0.0;
        QTest::newRow("trailing text") << QString("12abc") << false << 0.0;
        QTest::newRow("double sign") << QString("+-1") << false << 0.0;
        QTest::newRow("empty") << QString("") << false << 0.0;
        QTest::newRow("comma decimal") << QString("1,5") << false << 0.0;
    }
    void parsesNumbers() {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, value);
        const auto parsed = parseNumber(text.toStdString());
        QCOMPARE(parsed.has_value(), ok);
        if (ok) QCOMPARE(*parsed, value);
    }

    void parsesDates_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("seconds");
        QTest::addColumn<bool>("hasTime");
        QTest::newRow("epoch") << QString("1970-01-01") << true << 0.0 << false;
        QTest::newRow("leap day") << QString("2024-02-29") << true << 1709164800.0 << false;
        QTest::newRow("not a leap year") << QString("2023-02-29") << false << 0.0 << false;
        QTest::newRow("time") << QString("2024-02-29T12:30:15") << true << 1709209815.0 << true;
        QTest::newRow("space and zone")
            << QString("2024-02-29 12:30+02:00") << true << 1709202600.0 << true;
        QTest::newRow("zulu fraction") << QString("1970-01-01T00:00:01.5Z") << true << 1.5 << true;
        QTest::newRow("before epoch") << QString("1969-12-31") << true << -86400.0 << false;
        QTest::newRow("month 13") << QString("2024-13-01") << false << 0.0 << false;
        QTest::newRow("slashes") << QString("2024/01/01") << false << 0.0 << false;
    }
    void parsesDates() {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(double, seconds);
        QFETCH(bool, hasTime);
        const auto parsed = parseIsoDateTime(text.toStdString());
        QCOMPARE(parsed.has_value(), ok);
        if (!ok) return;
        QCOMPARE(parsed->seconds, seconds);
        QCOMPARE(parsed->hasTime, hasTime);
    }

    void formatsDates() {
        QCOMPARE(formatIsoDateTime(1709164800.0, false), std::string("2024-02-29"));
        QCOMPARE(formatIsoDateTime(1709209815.0, true), std::string("2024-02-29T12:30:15"));
        QCOMPARE(formatIsoDateTime(-86400.0, false), std::string("1969-12-31"));
    }

    void infersTypes_data() {
        QTest::addColumn<QStringList>("values");  // "<missing>" appends a missing cell
        QTest::addColumn<QString>("type");
        QTest::newRow("numbers") << QStringList{"1", "2.5", "<missing>", "-3"}
                                 << QString("numeric");
        QTest::newRow("booleans") << QStringList{"true", "False", "yes", "<missing>"}
                                  << QString("boolean");
        QTest::newRow("dates") << QStringList{"2024-01-01", "2024-01-02T10:00"}
                               << QString("datetime");
        QTest::newRow("repeating labels")
            << QStringList{"a", "b", "a", "b", "a", "<missing>"} << QString("categorical");
        QTest::newRow("distinct strings")
            << QStringList{"alpha", "beta", "gamma", "delta"} << QString("text");
        QTest::newRow("all missing") << QStringList{"<missing>", "<missing>"} << QString("numeric");
        QTest::newRow("one word among numbers")
            << QStringList{"1", "2", "x", "1", "2", "x", "1"} << QString("categorical");
    }
    void infersTypes() {
        QFETCH(QStringList, values);
        QFETCH(QString, type);
        ColumnBuilder builder("c");
        for (const QString& v : values) {
            if (v == "<missing>")
                builder.appendMissing();
            else
                builder.append(v.toStdString());
        }
        const Column column = builder.finish();
        QCOMPARE(QString::fromStdString(std::string(columnTypeName(column.type()))), type);
        QCOMPARE(column.size(), static_cast<std::size_t>(values.size()));
        QCOMPARE(column.missingCount(), static_cast<std::size_t>(values.count("<missing>")));
    }

    void categoricalLevelsAreSorted() {
        ColumnBuilder builder("species");
        for (const char* v :
             {"virginica", "setosa", "virginica", "setosa", "versicolor", "versicolor"})
            builder.append(v);
        const Column c = builder.finish();
        QCOMPARE(c.levels(), (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        QCOMPARE(c.format(0), std::string("virginica"));
        QCOMPARE(c.codes()[0], 2);
    }

    void forcedTypeCountsFailures() {
        ColumnBuilder builder("n", ColumnType::Numeric);
        for (const char* v : {"1", "two", "3"}) builder.append(v);
        const Column c = builder.finish();
        QCOMPARE(builder.conversionFailures(), std::size_t{1});
        QVERIFY(c.isMissing(1));
        QCOMPARE(c.number(2), 3.0);
    }

    void keepsLeadingZerosWhenForcedCategorical() {
        ColumnBuilder builder("zip", ColumnType::Categorical);
        for (const char* v : {"007", "010", "007"}) builder.append(v);
        const Column c = builder.finish();
        QCOMPARE(c.format(0), std::string("007"));
    }

    void uniqueNames() {
        std::vector<Warning> warnings;
        const auto names = makeUniqueColumnNames({"a", "", "a", "a_2", " "}, warnings);
        QCOMPARE(names, (std::vector<std::string>{"a", "column_2", "a_3", "a_2", "column_5"}));
        QCOMPARE(warnings.size(), std::size_t{3});
    }

    void millionRowNumericTableStaysCompact() {
        const std::size_t rows = 1'000'000, columns = 20;
        std::vector<Column> cols;
        for (std::size_t c = 0; c < columns; ++c) {
            std::vector<double> values(rows);
            for (std::size_t i = 0; i < rows; ++i) values[i] = static_cast<double>(i * c);
            ValidityMask valid(rows, true);
            valid.set(c, false);
            cols.push_back(
                Column::numeric("c" + std::to_string(c), std::move(values), std::move(valid)));
        }
        const Table table(std::move(cols));
        const double raw = static_cast<double>(rows * columns * sizeof(double));
        QVERIFY2(static_cast<double>(table.memoryBytes()) < 1.3 * raw,
                 qPrintable(
                     QString("table holds %1 bytes for %2 raw").arg(table.memoryBytes()).arg(raw)));
        QCOMPARE(table.column(3).missingCount(), std::size_t{1});
        QVERIFY(table.column(3).isMissing(3));
    }
};

QTEST_APPLESS_MAIN(ColumnCoreTest)
#include "test_column_core.moc"
