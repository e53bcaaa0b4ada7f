// k-anonymity: equivalence classes, k and the rows at risk on hand-built tables and on
// credit-g (checked against a brute-force pairwise count), suppression that removes exactly
// the rows of small classes and leaves a k-anonymous table, and a million rows.
#include <QtTest>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "engine/errors.h"
#include "engine/generalize.h"
#include "engine/k_anonymity.h"
#include "engine/random.h"
#include "engine/table_reader.h"

using namespace glassbox;

namespace {

Column numbers(const std::string& name, const std::vector<std::optional<double>>& cells) {
    std::vector<double> values;
    ValidityMask valid(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        values.push_back(cells[i].value_or(123.0));  // the value under a missing cell is noise
        valid.set(i, cells[i].has_value());
    }
    return Column::numeric(name, values, valid);
}

Column categories(const std::string& name, const std::vector<std::string>& cells) {
    std::vector<std::string> levels;
    std::vector<std::int32_t> codes;
    for (const std::string& c : cells) {
        if (c.empty()) {
            codes.push_back(-1);
            continue;
        }
        auto at = std::find(levels.begin(), levels.end(), c);
        if (at == levels.end()) at = levels.insert(levels.end(), c);
        codes.push_back(std::int32_t(at - levels.begin()));
    }
    return Column::categorical(name, codes, levels, ValidityMask(cells.size()));
}

Column texts(const std::string& name, const std::vector<std::string>& cells) {
    std::vector<std::uint64_t> offsets{0};
    std::string data;
    ValidityMask valid(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        data += cells[i];
        offsets.push_back(data.size());
        valid.set(i, !cells[i].empty());
    }
    return Column::text(name, offsets, data, valid);
}

// The quasi-identifier tuple of a row as shown, missing marked apart from every value.
std::vector<std::string> tupleOf(const Table& t, const std::vector<std::string>& qis,
                                 std::size_t row) {
    std::vector<std::string> out;
    for (const std::string& name : qis) {
        const Column& c = t.column(std::size_t(t.indexOf(name)));
        if (c.isMissing(row))
            out.push_back("\x01missing");
        else if (c.type() == ColumnType::Numeric && c.number(row) == 0.0)
            out.push_back("0");  // -0 is 0
        else
            out.push_back(c.format(row));
    }
    return out;
}

// Brute force: each row's class size by comparing it with every row.
std::vector<std::size_t> pairwiseClassSizes(const Table& t, const std::vector<std::string>& qis) {
    std::vector<std::vector<std::string>> tuples;
    for (std::size_t r = 0; r < t.rowCount(); ++r) tuples.push_back(tupleOf(t, qis, r));
    std::vector<std::size_t> sizes(t.rowCount(), 0);
    for (std::size_t a = 0; a < tuples.size(); ++a)
        for (std::size_t b = 0; b < tuples.size(); ++b) sizes[a] += tuples[a] == tuples[b];
    return sizes;
}

// What the report must say, from the brute-force sizes.
KAnonymityReport bruteReport(const std::vector<std::size_t>& sizes, std::size_t target) {
    KAnonymityReport r;
    r.rows = sizes.size();
    r.targetK = target;
    r.k = sizes.empty() ? 0 : *std::min_element(sizes.begin(), sizes.end());
    double classes = 0, below = 0;
    for (std::size_t s : sizes) {
        classes += 1.0 / double(s);
        if (s < target) {
            below += 1.0 / double(s);
            ++r.rowsAtRisk;
        }
    }
    r.classes = std::size_t(std::llround(classes));
    r.classesBelowTarget = std::size_t(std::llround(below));
    return r;
}

void compareReports(const KAnonymityReport& got, const KAnonymityReport& want) {
    QCOMPARE(got.rows, want.rows);
    QCOMPARE(got.classes, want.classes);
    QCOMPARE(got.k, want.k);
    QCOMPARE(got.targetK, want.targetK);
    QCOMPARE(got.classesBelowTarget, want.classesBelowTarget);
    QCOMPARE(got.rowsAtRisk, want.rowsAtRisk);
    QCOMPARE(got.satisfied(), want.rowsAtRisk == 0);
}

// Suppression removed exactly the rows of classes below k, kept the order and the other
// columns, and the result is k-anonymous when recomputed.
void checkSuppression(const Table& input, const std::vector<std::string>& qis, std::size_t k) {
    const std::vector<std::size_t> sizes = pairwiseClassSizes(input, qis);
    const Suppression s = suppressToK(input, qis, k);
    std::vector<std::size_t> expectedKept;
    for (std::size_t r = 0; r < sizes.size(); ++r)
        if (sizes[r] >= k) expectedKept.push_back(r);
    QCOMPARE(s.keptRows, expectedKept);
    QCOMPARE(s.rowsRemoved, input.rowCount() - expectedKept.size());
    QCOMPARE(s.table.rowCount(), expectedKept.size());
    QCOMPARE(s.table.columnCount(), input.columnCount());
    for (std::size_t i = 0; i < expectedKept.size(); ++i)
        for (std::size_t c = 0; c < input.columnCount(); ++c) {
            QCOMPARE(s.table.column(c).isMissing(i), input.column(c).isMissing(expectedKept[i]));
            QCOMPARE(s.table.column(c).format(i), input.column(c).format(expectedKept[i]));
        }
    compareReports(s.before, bruteReport(sizes, k));
    const KAnonymityReport again = kAnonymity(s.table, qis, k);
    compareReports(s.after, again);
    compareReports(again, bruteReport(pairwiseClassSizes(s.table, qis), k));
    if (s.table.rowCount() > 0) QVERIFY(again.k >= k);
    QCOMPARE(again.rowsAtRisk, std::size_t(0));
}

// 13 rows; its classes on (age, sex, zip), in order of first appearance, with missing as "-":
Table buildSmallTable() {
    const std::optional<double> none;
    return Table({
        numbers("id", {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}),
        numbers("age", {30, 30, 30, 30, 30, 40, none, none, 40, 30, 0.0, -0.0, 40}),
        categories("sex", {"F", "F", "F", "M", "M", "F", "F", "F", "", "F", "M", "M", "F"}),
        texts("zip", {"A", "A", "A", "A", "A", "B", "B", "B", "B", "", "C", "C", "B"}),
    });
}
// (30,F,A) 3 · (30,M,A) 2 · (40,F,B) 2 · (-,F,B) 2 · (40,-,B) 1 · (30,F,-) 1 · (0 = -0,M,C) 2.

}  // namespace

class KAnonymityTest : public QObject {
    Q_OBJECT
  private slots:
    void smallTable_data() {
        QTest::addColumn<int>("target");
        QTest::addColumn<int>("classesBelow");
        QTest::addColumn<int>("atRisk");
        QTest::newRow("k 1") << 1 << 0 << 0;
        QTest::newRow("k 2") << 2 << 2 << 2;
        QTest::newRow("k 3") << 3 << 6 << 10;
        QTest::newRow("k 4") << 4 << 7 << 13;
    }
    void smallTable() {
        QFETCH(int, target);
        QFETCH(int, classesBelow);
        QFETCH(int, atRisk);
        const Table t = buildSmallTable();
        const std::vector<std::string> qis{"age", "sex", "zip"};
        const KAnonymityReport r = kAnonymity(t, qis, std::size_t(target));
        QCOMPARE(r.rows, std::size_t(13));
        QCOMPARE(r.classes, std::size_t(7));
        QCOMPARE(r.k, std::size_t(1));
        QCOMPARE(r.classesBelowTarget, std::size_t(classesBelow));
        QCOMPARE(r.rowsAtRisk, std::size_t(atRisk));
        QCOMPARE(r.quasiIdentifiers, qis);
        compareReports(r, bruteReport(pairwiseClassSizes(t, qis), std::size_t(target)));
        checkSuppression(t, qis, std::size_t(target));
    }
    void classesAndOrder() {
        const Table t = buildSmallTable();
        const EquivalenceClasses c = equivalenceClasses(t, {"age", "sex", "zip"});
        QCOMPARE(c.classOfRow, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 2, 3, 3, 4, 5, 6, 6, 2}));
        QCOMPARE(c.sizes, (std::vector<std::size_t>{3, 2, 2, 2, 1, 1, 2}));
        // Fewer quasi-identifiers, coarser classes: sex alone has F, M and missing.
        const KAnonymityReport sex = kAnonymity(t, {"sex"}, 2);
        QCOMPARE(sex.classes, std::size_t(3));
        QCOMPARE(sex.k, std::size_t(1));
        QCOMPARE(sex.rowsAtRisk, std::size_t(1));
        // Equal level texts in two levels are one value.
        const Column dupLevels = Column::categorical("d", {0, 1, 0}, {"x", "x"}, ValidityMask(3));
        QCOMPARE(kAnonymity(Table({dupLevels}), {"d"}, 3).k, std::size_t(3));
    }
    void refusals() {
        const Table t = buildSmallTable();
        try {
            kAnonymity(t, {}, 2);
            QFAIL("expected InvalidArgument");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("quasiIdentifiers"));
        }
        try {
            suppressToK(t, {"age", "nope"}, 2);
            QFAIL("expected InvalidArgument");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("quasiIdentifiers"));
            QVERIFY(QString(e.what()).contains("nope"));
        }
        try {
            kAnonymity(t, {"age"}, 0);
            QFAIL("expected InvalidArgument");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("k"));
        }
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, kAnonymity(t, {"age"}, 2, TaskContext({}, &cancel)));
        // An empty table: no classes, k 0, nothing at risk.
        const KAnonymityReport empty = kAnonymity(Table({numbers("age", {})}), {"age"}, 5);
        QCOMPARE(empty.classes, std::size_t(0));
        QCOMPARE(empty.k, std::size_t(0));
        QCOMPARE(empty.rowsAtRisk, std::size_t(0));
    }
    void creditG_data() {
        QTest::addColumn<QStringList>("qis");
        QTest::addColumn<int>("target");
        const QStringList three{"age", "personal_status", "job"};
        for (int k : {2, 5, 10})
            QTest::newRow(qPrintable(QString("3 QIs k %1").arg(k))) << three << k;
        QTest::newRow("5 QIs k 3")
            << QStringList{"age", "personal_status", "job", "housing", "foreign_worker"} << 3;
        QTest::newRow("raw age and duration k 2")
            << QStringList{"raw_age", "duration", "personal_status"} << 2;
    }
    void creditG() {
        QFETCH(QStringList, qis);
        QFETCH(int, target);
        LoadedTable loaded =
            readTable(std::string(GLASSBOX_SHARED_DIR) + "/datasets/credit-g.arff", ReadOptions{});
        Table& t = loaded.table;
        QCOMPARE(t.rowCount(), std::size_t(1000));
        const std::size_t ageIndex = std::size_t(t.indexOf("age"));
        QCOMPARE(t.column(ageIndex).type(), ColumnType::Numeric);
        Column raw = t.column(ageIndex);
        raw.setName("raw_age");
        t.addColumn(raw);
        t.replaceColumn(ageIndex, generalizeToRanges(t.column(ageIndex), 10).column);
        QVERIFY(t.column(ageIndex).levels().size() >= 5);

        std::vector<std::string> names;
        for (const QString& q : qis) names.push_back(q.toStdString());
        const std::vector<std::size_t> sizes = pairwiseClassSizes(t, names);
        const KAnonymityReport r = kAnonymity(t, names, std::size_t(target));
        compareReports(r, bruteReport(sizes, std::size_t(target)));
        QVERIFY(r.rowsAtRisk > 0);  // these choices do leave rows at risk: suppression has work
        checkSuppression(t, names, std::size_t(target));
    }
    void millionRows() {
        const std::size_t n = 1000000;
        Random random(42);
        std::vector<std::optional<double>> ages(n);
        std::vector<std::string> sexes(n), zips(n);
        for (std::size_t i = 0; i < n; ++i) {
            ages[i] =
                random.index(100) == 0 ? std::nullopt : std::optional<double>(random.index(80));
            sexes[i] = random.index(2) ? "F" : "M";
            zips[i] = "Z" + std::to_string(random.index(3000));
        }
        const Table t({numbers("age", ages), categories("sex", sexes), texts("zip", zips)});
        const std::vector<std::string> qis{"age", "sex", "zip"};
        QElapsedTimer timer;
        timer.start();
        const Suppression s = suppressToK(t, qis, 3);
        qInfo() << "suppression of 1M rows on 3 quasi-identifiers:" << timer.elapsed() << "ms";
        QVERIFY(timer.elapsed() < 60000);

        // Class sizes by sorting the tuples: an independent count.
        std::vector<std::tuple<double, std::string, std::string>> tuples(n);
        for (std::size_t i = 0; i < n; ++i) tuples[i] = {ages[i].value_or(-1.0), sexes[i], zips[i]};
        std::sort(tuples.begin(), tuples.end());
        std::size_t classes = 0, atRisk = 0, smallest = n;
        for (std::size_t i = 0; i < n;) {
            std::size_t j = i;
            while (j < n && tuples[j] == tuples[i]) ++j;
            ++classes;
            smallest = std::min(smallest, j - i);
            if (j - i < 3) atRisk += j - i;
            i = j;
        }
        QCOMPARE(s.before.classes, classes);
        QCOMPARE(s.before.k, smallest);
        QCOMPARE(s.before.rowsAtRisk, atRisk);
        QVERIFY(atRisk > 0);
        QCOMPARE(s.rowsRemoved, atRisk);
        QCOMPARE(s.table.rowCount(), n - atRisk);
        QVERIFY(kAnonymity(s.table, qis, 3).k >= 3);
    }
};

QTEST_APPLESS_MAIN(KAnonymityTest)
#include "test_k_anonymity.moc"
