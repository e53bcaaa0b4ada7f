// The isolation forest (Liu, Ting & Zhou 2008) and the "outliers" step that uses it: far points
// score highest, a seed fixes the forest whatever the thread count, save and load.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/byte_io.h"
#include "engine/isolation_forest.h"
#include "engine/outlier_step.h"
#include "engine/random.h"
#include "step_test_support.h"

using namespace glassbox;
using namespace steptest;

namespace {

constexpr std::size_t kBlob = 500;
constexpr std::size_t kFar = 20;

// A standard 2-D Gaussian blob, then kFar points on a circle of radius 8 around it.
std::vector<std::vector<double>> blobAndFarPoints() {
    Random random(2024);
    std::vector<std::vector<double>> columns(2);
    for (std::size_t i = 0; i < kBlob; ++i) {
        columns[0].push_back(random.normal());
        columns[1].push_back(random.normal());
    }
    for (std::size_t i = 0; i < kFar; ++i) {
        const double angle = 2.0 * M_PI * static_cast<double>(i) / static_cast<double>(kFar);
        columns[0].push_back(8.0 * std::cos(angle));
        columns[1].push_back(8.0 * std::sin(angle));
    }
    return columns;
}

Table asTable(const std::vector<std::vector<double>>& columns) {
    return Table({numbers("a", columns[0]), numbers("b", columns[1]),
                  numbers("target", std::vector<double>(columns[0].size(), 0.0))});
}

IsolationForest forest(std::uint64_t seed, unsigned threads) {
    return IsolationForest::fit(blobAndFarPoints(), {100, 256, threads}, seed, TaskContext());
}

// How many of the far points are among the kFar highest scores.
std::size_t farPointsOnTop(const std::vector<double>& scores) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    return static_cast<std::size_t>(std::count_if(order.begin(), order.begin() + kFar,
                                                  [](std::size_t row) { return row >= kBlob; }));
}

}  // namespace

class IsolationForestTest : public QObject {
    Q_OBJECT
  private slots:
    void averagePathLengthFollowsThePaper() {
        // c(n) = 2 H(n - 1) - 2 (n - 1) / n with H(i) = ln i + 0.5772156649 (Euler's constant);
        // c(2) = 1 and c(1) = 0 by definition.
        QCOMPARE(averagePathLength(0), 0.0);
        QCOMPARE(averagePathLength(1), 0.0);
        QCOMPARE(averagePathLength(2), 1.0);
        // c(3) = 2 (ln 2 + 0.5772156649) - 4 / 3 = 1.2073924...
        QVERIFY(std::fabs(averagePathLength(3) - 1.2073924) < 1e-6);
        // c(256) = 2 (ln 255 + 0.5772156649) - 510 / 256 = 10.244770...
        QVERIFY(std::fabs(averagePathLength(256) - 10.24477) < 1e-5);
    }

    void farPointsScoreHighest() {
        const std::vector<double> scores = forest(42, 1).scores(blobAndFarPoints(), 1);
        QCOMPARE(scores.size(), kBlob + kFar);
        QVERIFY2(
            farPointsOnTop(scores) >= 19,
            qPrintable(QString("only %1 far points among the top 20").arg(farPointsOnTop(scores))));
        // Scores lie in (0, 1); the far points are clearly anomalous (> 0.5 in the paper's
        // reading), the blob's centre clearly not.
        for (double s : scores) QVERIFY(s > 0 && s < 1);
        for (std::size_t i = kBlob; i < kBlob + kFar; ++i) QVERIFY(scores[i] > 0.6);
        const IsolationForest f = forest(42, 1);
        QVERIFY(f.scores({{0.0}, {0.0}}, 1)[0] < 0.5);
    }

    void sameSeedSameForestOnAnyThreadCount() {
        const auto data = blobAndFarPoints();
        const std::vector<double> one = forest(42, 1).scores(data, 1);
        QCOMPARE(forest(42, 4).scores(data, 4), one);
        QCOMPARE(forest(42, 4).scores(data, 1), one);
        ByteWriter a, b;
        forest(42, 1).save(a);
        forest(42, 4).save(b);
        QCOMPARE(a.bytes(), b.bytes());
        QVERIFY(forest(43, 4).scores(data, 4) != one);
    }

    void saveLoadScoresIdentically() {
        const auto data = blobAndFarPoints();
        const IsolationForest f = forest(7, 2);
        ByteWriter out;
        f.save(out);
        ByteReader in(out.bytes(), "forest");
        const IsolationForest loaded = IsolationForest::load(in);
        in.expectEnd();
        QCOMPARE(loaded.treeCount(), std::size_t{100});
        QCOMPARE(loaded.sampleSize(), std::size_t{256});
        QCOMPARE(loaded.scores(data, 2), f.scores(data, 2));
    }

    void corruptChildIndexIsAFormatError() {
        const IsolationForest f = IsolationForest::fit({{1, 2, 3, 4}}, {1, 4, 1}, 1, TaskContext());
        ByteWriter out;
        f.save(out);
        std::vector<std::uint8_t> bytes = out.take();
        // Layout: features, sample size, feature[] (u64 count + int32s), split[] (u64 count +
        // doubles), left[] (u64 count + uint32s), roots[]. Point the root's left child at itself.
        const std::size_t nodes = getLittle<std::uint64_t>(bytes.data() + 16);
        const std::size_t leftAt = 16 + 8 + nodes * 4 + 8 + nodes * 8 + 8;
        putLittle<std::uint32_t>(bytes.data() + leftAt, 0);
        ByteReader in(bytes, "forest");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, IsolationForest::load(in));
    }

    void stepDetectsTheFarPoints() {
        const Table table = asTable(blobAndFarPoints());
        OutlierSettings settings;
        settings.method = OutlierMethod::IsolationForest;
        settings.contamination = static_cast<double>(kFar) / static_cast<double>(kBlob + kFar);
        settings.threads = 2;
        const auto fitted = fitOutliers(table, "target", settings, 42, TaskContext());
        const std::vector<std::uint8_t> flags =
            dynamic_cast<const FittedOutliers&>(*fitted).outlierRows(table);
        const std::size_t farFound = static_cast<std::size_t>(
            std::count(flags.begin() + kBlob, flags.end(), std::uint8_t{1}));
        const std::size_t blobFlagged = static_cast<std::size_t>(
            std::count(flags.begin(), flags.begin() + kBlob, std::uint8_t{1}));
        QVERIFY2(farFound >= 18, qPrintable(QString("recall %1 / 20").arg(farFound)));
        QVERIFY2(blobFlagged <= 3, qPrintable(QString("%1 blob points flagged").arg(blobFlagged)));
        // The threshold is the (1 - contamination) quantile of the training scores: at most
        // that share of the training rows lie above it.
        QVERIFY(farFound + blobFlagged <= kFar);

        // Same seed, other thread counts: the same flags; another seed: other scores.
        settings.threads = 1;
        const auto again = fitOutliers(table, "target", settings, 42, TaskContext());
        QCOMPARE(bytesOf(*again), bytesOf(*fitted));
        const auto other = fitOutliers(table, "target", settings, 43, TaskContext());
        QVERIFY(dynamic_cast<const FittedOutliers&>(*other).scores(table) !=
                dynamic_cast<const FittedOutliers&>(*fitted).scores(table));
    }

    void stepThroughParametersIsSeeded() {
        const Table table = asTable(blobAndFarPoints());
        const std::map<std::string, std::string> params{
            {"method", "isolation_forest"}, {"trees", "50"}, {"sample_size", "128"}};
        const auto a = fitWith(outliersStep(), table, "target", params, 9);
        const auto b = fitWith(outliersStep(), table, "target", params, 9);
        QCOMPARE(bytesOf(*a), bytesOf(*b));
        QVERIFY(sameTable(applied(*a, table), applied(*b, table)));
        // Default contamination 0.1 of 520 rows: 52 rows above the 0.9 quantile.
        QCOMPARE(cellsOf(applied(*a, table), "outlier").size(), kBlob + kFar);
        StepReport report;
        applied(*a, table, StepUse::Training, &report);
        QCOMPARE(detail(report, "outlier rows"), std::string("52"));
    }

    void missingCellsTakeTheTrainingMedian() {
        std::vector<std::vector<double>> columns = blobAndFarPoints();
        Table table = asTable(columns);
        const auto fitted =
            fitWith(outliersStep(), table, "target", {{"method", "isolation_forest"}}, 3);
        const auto& outliers = dynamic_cast<const FittedOutliers&>(*fitted);
        // A far point with its first coordinate missing scores as if it sat at the median.
        const double median = outliers.first()[0];
        const Table withMissing({numbers("a", {kMissing}), numbers("b", {8.0})});
        const Table atMedian({numbers("a", {median}), numbers("b", {8.0})});
        QCOMPARE(outliers.scores(withMissing), outliers.scores(atMedian));
    }

    void cancelStopsFitting() {
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, IsolationForest::fit(blobAndFarPoints(), {100, 256, 2},
                                                                 1, TaskContext(nullptr, &cancel)));
    }
};

QTEST_APPLESS_MAIN(IsolationForestTest)
#include "test_isolation_forest.moc"
