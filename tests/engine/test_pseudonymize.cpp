// Keyed pseudonyms: the documented HMAC construction, deterministic within and across tables,
// different under another key or in another column (unless given one domain), numbers by their
// canonical text, missing cells kept, and no collision among 100 000 values at 16 hex digits
// (while a collision at 8 digits is detected, not hidden).
#include <QtTest>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/errors.h"
#include "engine/hmac_sha256.h"
#include "engine/pseudonymize.h"

using namespace glassbox;

namespace {

using Cells = std::vector<std::optional<std::string>>;

Column textColumn(const std::string& name, const Cells& cells) {
    std::vector<std::uint64_t> offsets{0};
    std::string data;
    ValidityMask valid(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (cells[i]) data += *cells[i];
        valid.set(i, cells[i].has_value());
        offsets.push_back(data.size());
    }
    return Column::text(name, offsets, data, valid);
}

Column categoricalColumn(const std::string& name, const Cells& cells) {
    std::vector<std::string> levels{"unused level"};
    std::vector<std::int32_t> codes;
    for (const auto& cell : cells) {
        if (!cell) {
            codes.push_back(-1);
            continue;
        }
        auto at = std::find(levels.begin(), levels.end(), *cell);
        if (at == levels.end()) at = levels.insert(levels.end(), *cell);
        codes.push_back(std::int32_t(at - levels.begin()));
    }
    return Column::categorical(name, codes, levels, ValidityMask(cells.size()));
}

Column numericColumn(const std::string& name, const std::vector<std::optional<double>>& cells) {
    std::vector<double> values;
    ValidityMask valid(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        values.push_back(cells[i].value_or(0.0));
        valid.set(i, cells[i].has_value());
    }
    return Column::numeric(name, values, valid);
}

PseudonymKey keyNumber(std::uint8_t seed) {
    std::vector<std::uint8_t> bytes(32);
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = std::uint8_t(seed * 31 + i * 7 + 1);
    return PseudonymKey::fromBytes(bytes);
}

// The construction the header documents, built by hand.
std::string expected(const PseudonymKey& key, const std::string& domain, const std::string& value,
                     const std::string& prefix = "ps_", std::size_t digits = 16) {
    std::string message = "glassbox-pseudonym-v1";
    message += '\0';
    for (int i = 7; i >= 0; --i) message += char((domain.size() >> (8 * i)) & 0xff);
    message += domain + value;
    const auto* p = reinterpret_cast<const std::uint8_t*>(message.data());
    return prefix + Sha256::hex(HmacSha256::of(key.bytes(), {p, message.size()})).substr(0, digits);
}

std::vector<std::string> shown(const Column& column) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < column.size(); ++r) out.push_back(column.format(r));
    return out;
}

}  // namespace

class PseudonymizeTest : public QObject {
    Q_OBJECT
  private slots:
    void documentedConstruction_data() {
        QTest::addColumn<QString>("type");
        QTest::newRow("text") << "text";
        QTest::newRow("categorical") << "categorical";
    }
    void documentedConstruction() {
        QFETCH(QString, type);
        const Cells cells{"alice", "bob", std::nullopt, "alice", "", "carol"};
        const Column input =
            type == "text" ? textColumn("customer", cells) : categoricalColumn("customer", cells);
        const PseudonymKey key = keyNumber(1);
        const PseudonymizedColumn out = pseudonymizeColumn(input, key);
        QCOMPARE(out.column.type(), ColumnType::Categorical);
        QCOMPARE(out.column.name(), std::string("customer"));
        for (std::size_t r = 0; r < cells.size(); ++r) {
            if (!cells[r]) {
                QVERIFY(out.column.isMissing(r));
                continue;
            }
            QCOMPARE(out.column.format(r), expected(key, "customer", *cells[r]));
        }
        QCOMPARE(out.column.levels().size(), std::size_t(4));  // unused levels are not kept
        QCOMPARE(out.report.cellsChanged, std::size_t(5));
        QCOMPARE(out.report.missing, std::size_t(1));
        QCOMPARE(out.report.distinctValues, std::size_t(4));
        QCOMPARE(out.report.keyId, key.id());
        // Same input, same output.
        QCOMPARE(shown(pseudonymizeColumn(input, key).column), shown(out.column));
    }
    void acrossTablesAndTypes() {
        const PseudonymKey key = keyNumber(2);
        const auto a = pseudonymizeColumn(textColumn("id", {"x1", "x2", "x3"}), key).column;
        const auto b = pseudonymizeColumn(categoricalColumn("id", {"x3", "x9", "x1"}), key).column;
        QCOMPARE(a.format(0), b.format(2));
        QCOMPARE(a.format(2), b.format(0));
        QVERIFY(b.format(1) != a.format(0) && b.format(1) != a.format(1));
        // A key loaded from a file equals the same bytes given directly.
        QTemporaryDir dir;
        const std::string path = dir.filePath("k").toStdString();
        const PseudonymKey fileKey = PseudonymKey::loadOrCreate(path);
        const PseudonymKey sameKey = PseudonymKey::fromBytes(PseudonymKey::load(path).bytes());
        QCOMPARE(shown(pseudonymizeColumn(textColumn("id", {"x1"}), fileKey).column),
                 shown(pseudonymizeColumn(textColumn("id", {"x1"}), sameKey).column));
    }
    void numbersByCanonicalText() {
        const PseudonymKey key = keyNumber(3);
        const auto out =
            pseudonymizeColumn(numericColumn("n", {1.0, 1.5, -0.0, 0.0, std::nullopt, 1e21, 1.0}),
                               key)
                .column;
        QCOMPARE(out.format(0), expected(key, "n", "1"));
        QCOMPARE(out.format(1), expected(key, "n", "1.5"));
        QCOMPARE(out.format(2), out.format(3));  // -0 is 0
        QCOMPARE(out.format(3), expected(key, "n", "0"));
        QVERIFY(out.isMissing(4));
        QCOMPARE(out.format(5), expected(key, "n", "1e+21"));
        QCOMPARE(out.format(6), out.format(0));
        // The same as the text "1" in a text column of that name.
        QCOMPARE(pseudonymizeColumn(textColumn("n", {"1"}), key).column.format(0), out.format(0));
    }
    void keyDependence() {
        Cells cells;
        for (int i = 0; i < 1000; ++i) cells.push_back("v" + std::to_string(i));
        const auto a = shown(pseudonymizeColumn(textColumn("c", cells), keyNumber(4)).column);
        const auto b = shown(pseudonymizeColumn(textColumn("c", cells), keyNumber(5)).column);
        std::set<std::string> all(a.begin(), a.end());
        all.insert(b.begin(), b.end());
        QCOMPARE(all.size(), std::size_t(2000));  // no pseudonym is shared between the keys
    }
    void domainSeparation() {
        const PseudonymKey key = keyNumber(6);
        const Cells cells{"same value"};
        const auto inA = pseudonymizeColumn(textColumn("a", cells), key).column.format(0);
        const auto inB = pseudonymizeColumn(textColumn("b", cells), key).column.format(0);
        QVERIFY(inA != inB);
        // The boundary between name and value is unambiguous: ("ab", "c") vs ("a", "bc").
        QVERIFY(pseudonymizeColumn(textColumn("ab", {"c"}), key).column.format(0) !=
                pseudonymizeColumn(textColumn("a", {"bc"}), key).column.format(0));
        // One shared domain makes two columns joinable.
        PseudonymOptions shared;
        shared.domain = "person";
        QCOMPARE(pseudonymizeColumn(textColumn("a", cells), key, shared).column.format(0),
                 pseudonymizeColumn(textColumn("b", cells), key, shared).column.format(0));
        QCOMPARE(pseudonymizeColumn(textColumn("a", cells), key, shared).column.format(0),
                 expected(key, "person", "same value"));
    }
    void format_data() {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("digits");
        QTest::newRow("default") << "ps_" << 16;
        QTest::newRow("no prefix, 8") << "" << 8;
        QTest::newRow("patient-, 24") << "patient-" << 24;
        QTest::newRow("full digest") << "h" << 64;
    }
    void format() {
        QFETCH(QString, prefix);
        QFETCH(int, digits);
        PseudonymOptions options;
        options.prefix = prefix.toStdString();
        options.hexDigits = std::size_t(digits);
        const PseudonymKey key = keyNumber(7);
        const std::string p =
            pseudonymizeColumn(textColumn("c", {"v"}), key, options).column.format(0);
        QCOMPARE(p.size(), options.prefix.size() + std::size_t(digits));
        QVERIFY(p.starts_with(options.prefix));
        QVERIFY(p.substr(options.prefix.size()).find_first_not_of("0123456789abcdef") ==
                std::string::npos);
        QCOMPARE(p, expected(key, "c", "v", options.prefix, std::size_t(digits)));
    }
    void badDigits_data() {
        QTest::addColumn<int>("digits");
        QTest::newRow("7") << 7;
        QTest::newRow("65") << 65;
        QTest::newRow("0") << 0;
    }
    void badDigits() {
        QFETCH(int, digits);
        PseudonymOptions options;
        options.hexDigits = std::size_t(digits);
        try {
            pseudonymizeColumn(textColumn("c", {"v"}), keyNumber(8), options);
            QFAIL("expected InvalidArgument");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("hexDigits"));
        }
    }
    void noCollisionsAt16Digits() {
        Cells cells;
        for (int i = 0; i < 100000; ++i) cells.push_back("customer-" + std::to_string(i));
        cells.push_back(cells[123]);
        const auto out = pseudonymizeColumn(textColumn("id", cells), keyNumber(9));
        QCOMPARE(out.report.distinctValues, std::size_t(100000));
        const auto all = shown(out.column);
        QCOMPARE(std::set<std::string>(all.begin(), all.end()).size(), std::size_t(100000));
        QCOMPARE(all.back(), all[123]);
    }
    void collisionAt8DigitsIsDetected() {
        // 300 000 values in 2^32 pseudonyms: about 10 collisions are expected (birthday bound);
        // the key is fixed, so the outcome is too.
        Cells cells;
        for (int i = 0; i < 300000; ++i) cells.push_back(std::to_string(i));
        PseudonymOptions options;
        options.hexDigits = 8;
        try {
            pseudonymizeColumn(textColumn("id", cells), keyNumber(10), options);
            QFAIL("expected InvalidArgument");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("hexDigits"));
            QVERIFY(QString(e.what()).contains("same pseudonym"));
        }
    }
    void table() {
        const Table input({textColumn("name", {"ann", "ben", std::nullopt}),
                           numericColumn("age", {30.0, 40.0, 50.0}),
                           categoricalColumn("town", {"x", "y", "x"})});
        const PseudonymKey key = keyNumber(11);
        const PseudonymizedTable out = pseudonymizeTable(input, {"town", "name"}, key);
        QCOMPARE(out.reports.size(), std::size_t(2));
        QCOMPARE(out.reports[0].column, std::string("town"));
        QCOMPARE(out.reports[1].column, std::string("name"));
        QCOMPARE(out.table.column(0).format(0), expected(key, "name", "ann"));
        QVERIFY(out.table.column(0).isMissing(2));
        QCOMPARE(shown(out.table.column(1)), shown(input.column(1)));  // untouched
        QCOMPARE(out.table.column(2).format(2), expected(key, "town", "x"));
        try {
            pseudonymizeTable(input, {"nope"}, key);
            QFAIL("expected InvalidArgument");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("columns"));
        }
    }
};

QTEST_APPLESS_MAIN(PseudonymizeTest)
#include "test_pseudonymize.moc"
