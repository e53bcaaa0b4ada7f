// Column statistics against values worked out by hand (numpy conventions: sample std with
// n - 1, linear quantiles, histogram_bin_edges(bins="auto")).
#include <QtTest>

#include <cmath>
#include <limits>

#include "engine/column_builder.h"
#include "engine/column_stats.h"
#include "engine/errors.h"

using namespace glassbox;

namespace {

Column numericColumn(const std::vector<double>& values, const std::vector<std::size_t>& missing) {
    ValidityMask valid(values.size(), true);
    for (std::size_t m : missing) valid.set(m, false);
    return Column::numeric("x", values, valid);
}

Column builtColumn(const std::vector<const char*>& cells) {
    ColumnBuilder builder("c");
    for (const char* cell : cells) {
        if (cell)
            builder.append(cell);
        else
            builder.appendMissing();
    }
    return builder.finish();
}

}  // namespace

class ColumnStatsTest : public QObject {
    Q_OBJECT
  private slots:
    void numericSummary() {
        // 1, 2, 3, 4 and one missing cell. mean 2.5; squared deviations 2.25+0.25+0.25+2.25 = 5,
        // std = sqrt(5 / 3); quartile positions 0.75, 1.5, 2.25 of the sorted values.
        const ColumnStats s = computeColumnStats(numericColumn({4, 1, 0, 3, 2}, {2}));
        QCOMPARE(s.count, std::size_t{4});
        QCOMPARE(s.missing, std::size_t{1});
        QCOMPARE(s.unique, std::size_t{4});
        QCOMPARE(*s.mean, 2.5);
        QCOMPARE(*s.std, std::sqrt(5.0 / 3.0));
        QCOMPARE(*s.min, 1.0);
        QCOMPARE(*s.q1, 1.75);
        QCOMPARE(*s.median, 2.5);
        QCOMPARE(*s.q3, 3.25);
        QCOMPARE(*s.max, 4.0);
        // Sturges width 3 / (log2(4) + 1) = 1 beats Freedman–Diaconis 2 * 1.5 / cbrt(4) = 1.89:
        // three bins, the last one closed, as numpy.histogram([1,2,3,4], bins="auto").
        QCOMPARE(s.histogram.edges, (std::vector<double>{1, 2, 3, 4}));
        QCOMPARE(s.histogram.counts, (std::vector<std::size_t>{1, 1, 2}));
    }

    void topNumbersAreTheMostFrequent() {
        const ColumnStats s = computeColumnStats(numericColumn({5, 7, 5, 7, 7, 1}, {}));
        QCOMPARE(s.unique, std::size_t{3});
        QCOMPARE(s.top.size(), std::size_t{3});
        QCOMPARE(s.top[0].value, std::string("7"));
        QCOMPARE(s.top[0].count, std::size_t{3});
        QCOMPARE(s.top[1].value, std::string("5"));
        QCOMPARE(s.top[2].value, std::string("1"));
    }

    void constantColumnHasOneBin() {
        const ColumnStats s = computeColumnStats(numericColumn({3, 3, 3}, {}));
        QCOMPARE(*s.std, 0.0);
        QCOMPARE(s.histogram.edges, (std::vector<double>{2.5, 3.5}));
        QCOMPARE(s.histogram.counts, (std::vector<std::size_t>{3}));
    }

    void singleValueHasNoStd() {
        const ColumnStats s = computeColumnStats(numericColumn({8}, {}));
        QCOMPARE(*s.mean, 8.0);
        QVERIFY(!s.std.has_value());
    }

    void allMissingHasNoSummary() {
        const ColumnStats s = computeColumnStats(numericColumn({0, 0}, {0, 1}));
        QCOMPARE(s.count, std::size_t{0});
        QCOMPARE(s.missing, std::size_t{2});
        QVERIFY(!s.mean && !s.min && !s.median);
        QVERIFY(s.histogram.counts.empty());
    }

    void infinityCountsInRangeOnly() {
        const double inf = std::numeric_limits<double>::infinity();
        const ColumnStats s = computeColumnStats(numericColumn({1, 3, inf}, {}));
        QCOMPARE(*s.max, inf);
        QCOMPARE(*s.mean, 2.0);
        std::size_t histogrammed = 0;
        for (std::size_t c : s.histogram.counts) histogrammed += c;
        QCOMPARE(histogrammed, std::size_t{2});
    }

    void histogramCountsEveryFiniteValue() {
        std::vector<double> values;
        for (int i = 0; i < 1000; ++i) values.push_back(std::sin(i) * 100 + (i % 7));
        const ColumnStats s = computeColumnStats(numericColumn(values, {}));
        std::size_t total = 0;
        for (std::size_t c : s.histogram.counts) total += c;
        QCOMPARE(total, values.size());
        QCOMPARE(s.histogram.edges.size(), s.histogram.counts.size() + 1);
        QCOMPARE(s.histogram.edges.front(), *s.min);
        QCOMPARE(s.histogram.edges.back(), *s.max);
    }

    void categoricalCounts() {
        const ColumnStats s =
            computeColumnStats(builtColumn({"b", "a", "b", "c", nullptr, "b", "a", "c", "a", "b"}));
        QCOMPARE(s.type, ColumnType::Categorical);
        QCOMPARE(s.count, std::size_t{9});
        QCOMPARE(s.missing, std::size_t{1});
        QCOMPARE(s.unique, std::size_t{3});
        QVERIFY(!s.mean.has_value());
        QCOMPARE(s.top[0].value, std::string("b"));
        QCOMPARE(s.top[0].count, std::size_t{4});
        QCOMPARE(s.top[1].value, std::string("a"));
        QCOMPARE(s.top[1].count, std::size_t{3});
        QCOMPARE(s.histogram.labels, (std::vector<std::string>{"b", "a", "c"}));
        QCOMPARE(s.histogram.counts, (std::vector<std::size_t>{4, 3, 2}));
        QVERIFY(s.histogram.edges.empty());
    }

    void manyLevelsFoldIntoOther() {
        std::vector<std::string> storage;
        for (int i = 0; i < 40; ++i)
            for (int r = 0; r <= i % 3; ++r) storage.push_back("v" + std::to_string(i));
        std::vector<const char*> cells;
        for (const std::string& s : storage) cells.push_back(s.c_str());
        StatsOptions options;
        options.maxBars = 5;
        const ColumnStats s = computeColumnStats(builtColumn(cells), options);
        QCOMPARE(s.histogram.labels.size(), std::size_t{6});
        QCOMPARE(s.histogram.labels.back(), std::string("(other)"));
        std::size_t total = 0;
        for (std::size_t c : s.histogram.counts) total += c;
        QCOMPARE(total, storage.size());
    }

    void booleanCounts() {
        const ColumnStats s = computeColumnStats(builtColumn({"yes", "no", "yes", nullptr}));
        QCOMPARE(s.type, ColumnType::Boolean);
        QCOMPARE(s.histogram.labels, (std::vector<std::string>{"true", "false"}));
        QCOMPARE(s.histogram.counts, (std::vector<std::size_t>{2, 1}));
        QCOMPARE(s.unique, std::size_t{2});
    }

    void textCounts() {
        const ColumnStats s =
            computeColumnStats(builtColumn({"alpha", "beta", "gamma", "delta", "beta"}));
        QCOMPARE(s.type, ColumnType::Text);
        QCOMPARE(s.unique, std::size_t{4});
        QCOMPARE(s.top[0].value, std::string("beta"));
        QCOMPARE(s.top[0].count, std::size_t{2});
        QCOMPARE(s.top[1].value, std::string("alpha"));  // ties in value order
    }

    void dateTimeRange() {
        const ColumnStats s =
            computeColumnStats(builtColumn({"2024-01-03", "2024-01-01", nullptr, "2024-01-02"}));
        QCOMPARE(s.type, ColumnType::DateTime);
        QCOMPARE(*s.min, 1704067200.0);  // 2024-01-01T00:00:00Z
        QCOMPARE(*s.max, 1704067200.0 + 2 * 86400);
        QCOMPARE(*s.median, 1704067200.0 + 86400);
        QCOMPARE(s.top[0].value, std::string("2024-01-01"));
    }

    void cancelStopsTheComputation() {
        CancelToken token;
        token.cancel();
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, computeColumnStats(numericColumn({1, 2}, {}), {}, TaskContext({}, &token)));
    }
};

QTEST_APPLESS_MAIN(ColumnStatsTest)
#include "test_column_stats.moc"
