// k nearest neighbours: hand-worked votes, the neighbour index against a naive search, the
// reference floors, model files, cancellation, determinism and parameter errors.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/learner.h"
#include "engine/metrics.h"
#include "engine/neighbour_index.h"
#include "engine/random.h"
#include "learner_test_support.h"

using namespace glassbox;
using namespace glassbox::test;

namespace {

using Rows = std::vector<std::vector<double>>;

FeatureMatrix numericMatrix(const Rows& rows, std::size_t dims) {
    FeatureSchema schema;
    std::vector<FeatureColumn> columns(dims);
    for (std::size_t d = 0; d < dims; ++d) {
        schema.features.push_back({"x" + std::to_string(d), ColumnType::Numeric, {}});
        for (const auto& row : rows) columns[d].values.push_back(row[d]);
    }
    return FeatureMatrix(std::move(schema), std::move(columns), rows.size());
}

Dataset classification(const Rows& rows, std::vector<std::int32_t> labels, std::size_t classes) {
    Dataset data;
    data.features = numericMatrix(rows, rows.front().size());
    data.task = TaskKind::Classification;
    for (std::size_t c = 0; c < classes; ++c) data.classes.push_back("c" + std::to_string(c));
    data.labels = std::move(labels);
    return data;
}

Dataset regression(const Rows& rows, std::vector<double> targets) {
    Dataset data;
    data.features = numericMatrix(rows, rows.front().size());
    data.task = TaskKind::Regression;
    data.targets = std::move(targets);
    return data;
}

// A mixed dataset: a numeric feature with missing values and a categorical one with a missing
// code, two classes.
Dataset mixed(std::size_t rows, std::uint64_t seed) {
    Random random(seed);
    FeatureSchema schema;
    schema.features.push_back({"size", ColumnType::Numeric, {}});
    schema.features.push_back({"color", ColumnType::Categorical, {"red", "green", "blue"}});
    std::vector<FeatureColumn> columns(2);
    Dataset data;
    data.task = TaskKind::Classification;
    data.classes = {"no", "yes"};
    for (std::size_t r = 0; r < rows; ++r) {
        const double size = random.normal();
        const auto color = static_cast<std::int32_t>(random.index(4)) - 1;
        columns[0].values.push_back(r % 7 == 3 ? NAN : size);
        columns[1].codes.push_back(color);
        data.labels.push_back(size + (color == 2 ? 1.0 : 0.0) + 0.5 * random.normal() > 0.5);
    }
    data.features = FeatureMatrix(std::move(schema), std::move(columns), rows);
    return data;
}

const Learner& knn() {
    return learnerNamed("knn");
}

Predictions fitPredict(const Dataset& train, const std::map<std::string, std::string>& params,
                       const FeatureMatrix& queries, unsigned threads = 1) {
    const auto model = knn().fit(train, paramsOf(knn(), params), threadsOption(threads), {});
    return model->predict(queries, {});
}

// Every pair, one distance at a time, sorted by (distance, row).
std::vector<Neighbour> naiveNeighbours(const std::vector<double>& points, std::size_t rows,
                                       const std::vector<double>& queries, std::size_t queryRows,
                                       std::size_t dims, std::size_t k, DistanceMetric metric) {
    std::vector<Neighbour> out;
    for (std::size_t q = 0; q < queryRows; ++q) {
        std::vector<Neighbour> all;
        for (std::size_t r = 0; r < rows; ++r) {
            double sum = 0;
            for (std::size_t d = 0; d < dims; ++d) {
                const double diff = queries[q * dims + d] - points[r * dims + d];
                sum += metric == DistanceMetric::Euclidean ? diff * diff : std::fabs(diff);
            }
            all.push_back({sum, r});
        }
        std::sort(all.begin(), all.end());
        all.resize(std::min(k, rows));
        out.insert(out.end(), all.begin(), all.end());
    }
    return out;
}

// The hand case: five labelled points in the plane.
//   0 (0,0) A   1 (2,2) B   2 (3,0) A   3 (0,5) B   4 (6,6) B
const Rows kHandRows = {{0, 0}, {2, 2}, {3, 0}, {0, 5}, {6, 6}};
const std::vector<std::int32_t> kHandLabels = {0, 1, 0, 1, 1};

}  // namespace

class KnnTest : public QObject {
    Q_OBJECT
  private slots:
    void handVotes_data() {
        QTest::addColumn<QString>("weights");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("probabilityA");
        // From (-1,0): euclidean 1, sqrt 13, 4, sqrt 26, sqrt 85 -> nearest two are 0 and 1;
        // manhattan 1, 5, 4, 6, 13 -> nearest two are 0 and 2.
        QTest::newRow("euclidean k=2") << "uniform"
                                       << "euclidean" << 2 << -1.0 << 0.0 << 0.5;
        QTest::newRow("manhattan k=2") << "uniform"
                                       << "manhattan" << 2 << -1.0 << 0.0 << 1.0;
        QTest::newRow("euclidean k=3") << "uniform"
                                       << "euclidean" << 3 << -1.0 << 0.0 << 2.0 / 3;
        QTest::newRow("euclidean distance k=2")
            << "distance"
            << "euclidean" << 2 << -1.0 << 0.0 << 1.0 / (1.0 + 1.0 / std::sqrt(13.0));
        QTest::newRow("manhattan distance k=3")
            << "distance"
            << "manhattan" << 3 << -1.0 << 0.0 << (1.0 + 1.0 / 4) / (1.0 + 1.0 / 4 + 1.0 / 5);
        // (3,0) is training row 2 (A); its neighbours 2, 1 (B), 0: uniform votes 2/3, but an
        // exact match takes all of the distance weight.
        QTest::newRow("exact uniform") << "uniform"
                                       << "euclidean" << 3 << 3.0 << 0.0 << 2.0 / 3;
        QTest::newRow("exact distance") << "distance"
                                        << "euclidean" << 3 << 3.0 << 0.0 << 1.0;
        // (1,1) is sqrt 2 from both row 0 (A) and row 1 (B): the lower row wins the tie.
        QTest::newRow("tie to lower row") << "uniform"
                                          << "euclidean" << 1 << 1.0 << 1.0 << 1.0;
        QTest::newRow("tie manhattan") << "uniform"
                                       << "manhattan" << 1 << 1.0 << 1.0 << 1.0;
        QTest::newRow("all rows") << "uniform"
                                  << "euclidean" << 5 << 9.0 << 9.0 << 2.0 / 5;
    }
    void handVotes() {
        QFETCH(QString, weights);
        QFETCH(QString, metric);
        QFETCH(int, k);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, probabilityA);
        const Dataset train = classification(kHandRows, kHandLabels, 2);
        for (const char* algorithm : {"kd_tree", "brute"}) {
            const Predictions p = fitPredict(train,
                                             {{"k", std::to_string(k)},
                                              {"weights", weights.toStdString()},
                                              {"metric", metric.toStdString()},
                                              {"scaling", "none"},
                                              {"algorithm", algorithm}},
                                             numericMatrix({{x, y}}, 2));
            QCOMPARE(p.rows, std::size_t{1});
            QCOMPARE(p.classCount, std::size_t{2});
            QCOMPARE(p.probabilities[0], probabilityA);
            QCOMPARE(p.probabilities[0] + p.probabilities[1], 1.0);
        }
    }

    void regressionAverages_data() {
        QTest::addColumn<QString>("weights");
        QTest::addColumn<double>("expected");
        // x = 0, 1, 2, 3, 10 with targets 1, 2, 3, 4, 100; from 1.2 the nearest three are
        // x = 1 (0.2 away), 2 (0.8) and 0 (1.2).
        QTest::newRow("uniform") << "uniform" << (2.0 + 3.0 + 1.0) / 3;
        QTest::newRow("distance") << "distance"
                                  << (2.0 / 0.2 + 3.0 / 0.8 + 1.0 / 1.2) /
                                         (1.0 / 0.2 + 1.0 / 0.8 + 1.0 / 1.2);
    }
    void regressionAverages() {
        QFETCH(QString, weights);
        QFETCH(double, expected);
        const Dataset train = regression({{0}, {1}, {2}, {3}, {10}}, {1, 2, 3, 4, 100});
        const Predictions p =
            fitPredict(train, {{"k", "3"}, {"weights", weights.toStdString()}, {"scaling", "none"}},
                       numericMatrix({{1.2}}, 1));
        QCOMPARE(p.task, TaskKind::Regression);
        QCOMPARE(p.values.size(), std::size_t{1});
        QVERIFY(std::fabs(p.values[0] - expected) < 1e-12);
    }

    void scalingChangesNeighbours() {
        // x0 spans 0..1000, x1 0..1. Unscaled, x0 decides; standardized or min-max, x1 matters
        // as much, and the query (500, 1) is nearest to the two rows with x1 = 1.
        const Dataset train =
            classification({{0, 0}, {1000, 0}, {0, 1}, {1000, 1}, {400, 0}}, {0, 0, 1, 1, 0}, 2);
        const FeatureMatrix query = numericMatrix({{450, 1}}, 2);
        QCOMPARE(fitPredict(train, {{"k", "1"}, {"scaling", "none"}}, query).probabilities[0], 1.0);
        QCOMPARE(fitPredict(train, {{"k", "1"}, {"scaling", "standard"}}, query).probabilities[1],
                 1.0);
        QCOMPARE(fitPredict(train, {{"k", "1"}, {"scaling", "minmax"}}, query).probabilities[1],
                 1.0);
    }

    void indexMatchesNaiveSearch_data() {
        QTest::addColumn<int>("dims");
        QTest::addColumn<int>("k");
        QTest::addColumn<bool>("grid");  // small integers: many duplicates and exact ties
        QTest::addColumn<bool>("manhattan");
        for (int dims : {1, 2, 3, 8, 20})
            for (int k : {1, 5, 40})
                for (bool grid : {true, false})
                    for (bool manhattan : {false, true})
                        QTest::addRow("d%d k%d %s %s", dims, k, grid ? "grid" : "real",
                                      manhattan ? "manhattan" : "euclidean")
                            << dims << k << grid << manhattan;
        QTest::addRow("k above rows") << 3 << 500 << true << false;
    }
    void indexMatchesNaiveSearch() {
        QFETCH(int, dims);
        QFETCH(int, k);
        QFETCH(bool, grid);
        QFETCH(bool, manhattan);
        const auto d = static_cast<std::size_t>(dims);
        const std::size_t rows = 301, queryRows = 120;
        Random random(static_cast<std::uint64_t>(dims * 1000 + k), grid);
        auto value = [&] { return grid ? static_cast<double>(random.index(4)) : random.normal(); };
        std::vector<double> points(rows * d), queries(queryRows * d);
        for (double& v : points) v = value();
        for (double& v : queries) v = value();
        // Some queries are training points themselves (distance 0).
        for (std::size_t q = 0; q < 10; ++q)
            std::copy_n(points.begin() + q * 7 * d, d, queries.begin() + q * d);
        const DistanceMetric metric =
            manhattan ? DistanceMetric::Manhattan : DistanceMetric::Euclidean;
        const auto expected = naiveNeighbours(points, rows, queries, queryRows, d, k, metric);
        for (NeighbourSearch search : {NeighbourSearch::KdTree, NeighbourSearch::Brute}) {
            const NeighbourIndex index(points, rows, d, metric, search);
            QCOMPARE(index.usesKdTree(), search == NeighbourSearch::KdTree);
            QCOMPARE(index.points(), points);
            for (unsigned threads : {1u, 3u}) {
                const auto found = index.search(queries, queryRows, k, threads, {});
                QCOMPARE(found.size(), expected.size());
                QVERIFY(found == expected);
            }
        }
    }

    void autoPicksByDimensions() {
        const std::size_t most = NeighbourIndex::kdTreeMaxDims;
        const std::vector<double> points(40 * (most + 1), 1.0);
        QVERIFY(NeighbourIndex(std::span(points).first(40 * most), 40, most,
                               DistanceMetric::Euclidean, NeighbourSearch::Auto)
                    .usesKdTree());
        QVERIFY(
            !NeighbourIndex(points, 40, most + 1, DistanceMetric::Euclidean, NeighbourSearch::Auto)
                 .usesKdTree());
    }

    void missingAndCategoricalFeatures() {
        const Dataset data = mixed(200, 7);
        const auto model = knn().fit(data, paramsOf(knn()), {}, {});
        const Predictions p = model->predict(data.features, {});
        for (std::size_t r = 0; r < p.rows; ++r) {
            const auto row = p.probabilitiesOf(r);
            QVERIFY(std::isfinite(row[0]) && std::isfinite(row[1]));
            QCOMPARE(row[0] + row[1], 1.0);
        }
        QVERIFY(*classificationScores(data.labels, p).get("accuracy") > 0.7);
    }

    // The variants on real data (REFERENCE.md's floors cover the defaults in
    // test_reference_floors): cross-validated scores well above chance, valid probabilities.
    void variantsOnSharedData_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("score");
        QTest::addColumn<double>("atLeast");
        QTest::newRow("soybean manhattan distance") << "soybean.arff"
                                                    << "class"
                                                    << "metric=manhattan weights=distance"
                                                    << "accuracy" << 0.89;
        QTest::newRow("breast_cancer minmax brute") << "breast_cancer.csv"
                                                    << "diagnosis"
                                                    << "scaling=minmax algorithm=brute"
                                                    << "accuracy" << 0.94;
        QTest::newRow("credit-g k=25 distance") << "credit-g.arff"
                                                << "class"
                                                << "k=25 weights=distance"
                                                << "auc" << 0.72;
        QTest::newRow("wine unscaled") << "wine.csv"
                                       << "cultivar"
                                       << "scaling=none"
                                       << "accuracy" << 0.6;
        QTest::newRow("regression") << "diabetes_regression.csv"
                                    << "progression"
                                    << "k=15"
                                    << "r2" << 0.35;
        QTest::newRow("regression distance manhattan") << "diabetes_regression.csv"
                                                       << "progression"
                                                       << "k=15 weights=distance metric=manhattan"
                                                       << "r2" << 0.35;
    }
    void variantsOnSharedData() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(QString, params);
        QFETCH(QString, score);
        QFETCH(double, atLeast);
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        const ValidationResult cv =
            indexCrossValidate(knn(), data, paramsOf(knn(), paramMap(params.toStdString())));
        const Predictions& p = cv.predictions;
        for (std::size_t r = 0; r < p.rows && data.task == TaskKind::Classification; ++r) {
            double sum = 0;
            for (double v : p.probabilitiesOf(r)) sum += v;
            QVERIFY(std::fabs(sum - 1.0) < 1e-12);
        }
        const double got = *cv.pooled.get(score.toStdString());
        qInfo("%s %s: %s %.4f", qPrintable(file), qPrintable(params), qPrintable(score), got);
        QVERIFY(got >= atLeast);
    }

    void saveLoadPredictsIdentically_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("weights");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("scaling");
        QTest::newRow("soybean") << "soybean.arff"
                                 << "class"
                                 << "uniform"
                                 << "euclidean"
                                 << "standard";
        QTest::newRow("breast_cancer") << "breast_cancer.csv"
                                       << "diagnosis"
                                       << "distance"
                                       << "manhattan"
                                       << "minmax";
        QTest::newRow("regression") << "diabetes_regression.csv"
                                    << "progression"
                                    << "distance"
                                    << "euclidean"
                                    << "none";
    }
    void saveLoadPredictsIdentically() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(QString, weights);
        QFETCH(QString, metric);
        QFETCH(QString, scaling);
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        std::vector<std::size_t> train, test;
        for (std::size_t r = 0; r < data.rows(); ++r) (r % 5 == 0 ? test : train).push_back(r);
        const Dataset trainSet = data.subset(train);
        const FeatureMatrix testSet = data.features.subset(test);
        const ParamValues params = paramsOf(knn(), {{"weights", weights.toStdString()},
                                                    {"metric", metric.toStdString()},
                                                    {"scaling", scaling.toStdString()}});
        const auto model = knn().fit(trainSet, params, threadsOption(2), {});
        const auto bytes = saveBytes(*model);
        QCOMPARE(saveBytes(*model), bytes);
        const auto loaded = loadBytes(knn(), bytes, trainSet);
        QVERIFY(identical(model->predict(testSet, {}), loaded->predict(testSet, {})));
        QCOMPARE(saveBytes(*loaded), bytes);
    }

    void corruptedPayloadIsRejected() {
        const Dataset data = mixed(12, 3);
        const auto model = knn().fit(data, paramsOf(knn(), {{"k", "3"}}), {}, {});
        const auto bytes = saveBytes(*model);
        for (std::size_t size = 0; size < bytes.size(); ++size) {
            const std::vector<std::uint8_t> truncated(bytes.begin(), bytes.begin() + size);
            QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(knn(), truncated, data));
        }
        auto corrupt = [&](std::size_t offset, std::uint64_t value, std::size_t width) {
            std::vector<std::uint8_t> changed = bytes;
            std::memcpy(changed.data() + offset, &value, width);
            return changed;
        };
        // Layout: u32 version, u8 weights, u8 metric, u8 algorithm, u64 k, u64 classes, ...;
        // labels last.
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(knn(), corrupt(0, 2, 4), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(knn(), corrupt(4, 7, 1), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(knn(), corrupt(6, 3, 1), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(knn(), corrupt(7, 0, 8), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(knn(), corrupt(7, 13, 8), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(knn(), corrupt(15, 3, 8), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError,
                                 loadBytes(knn(), corrupt(bytes.size() - 4, 2, 4), data));
        const std::uint64_t nan = 0x7ff8'0000'0000'0000ull;
        // The last training row's categorical one-hot value, just before the labels.
        QVERIFY_THROWS_EXCEPTION(
            ModelFormatError,
            loadBytes(knn(), corrupt(bytes.size() - 12 * 4 - 8 - 8, nan, 8), data));
        // A model for another schema.
        Dataset other = data;
        other.features = numericMatrix(Rows(12, std::vector<double>{1.0}), 1);
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(knn(), bytes, other));
    }

    void cancelThrows() {
        const Dataset data = mixed(300, 5);
        CancelToken token;
        token.cancel();
        const TaskContext cancelled({}, &token);
        QVERIFY_THROWS_EXCEPTION(Cancelled, knn().fit(data, paramsOf(knn()), {}, cancelled));
        const auto model = knn().fit(data, paramsOf(knn()), threadsOption(2), {});
        QVERIFY_THROWS_EXCEPTION(Cancelled, model->predict(data.features, cancelled));
    }

    void sameResultForAnyThreadCount_data() {
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("kd_tree") << "kd_tree";
        QTest::newRow("brute") << "brute";
    }
    void sameResultForAnyThreadCount() {
        QFETCH(QString, algorithm);
        const Dataset data = mixed(1500, 11);
        const ParamValues params =
            paramsOf(knn(), {{"algorithm", algorithm.toStdString()}, {"weights", "distance"}});
        const auto one = knn().fit(data, params, threadsOption(1), {});
        const Predictions expected = one->predict(data.features, {});
        for (unsigned threads : {2u, 3u}) {
            const auto many = knn().fit(data, params, threadsOption(threads), {});
            QCOMPARE(saveBytes(*many), saveBytes(*one));
            QVERIFY(identical(many->predict(data.features, {}), expected));
        }
    }

    void parameterErrorsNameTheParameter_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("k zero") << "k"
                                << "0";
        QTest::newRow("k fraction") << "k"
                                    << "2.5";
        QTest::newRow("weights") << "weights"
                                 << "inverse";
        QTest::newRow("metric") << "metric"
                                << "cosine";
        QTest::newRow("scaling") << "scaling"
                                 << "robust";
        QTest::newRow("algorithm") << "algorithm"
                                   << "ball_tree";
        QTest::newRow("unknown") << "neighbours"
                                 << "5";
    }
    void parameterErrorsNameTheParameter() {
        QFETCH(QString, name);
        QFETCH(QString, value);
        try {
            paramsOf(knn(), {{name.toStdString(), value.toStdString()}});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.parameter()), name);
        }
    }

    void kAboveTrainingRowsIsAnError() {
        const Dataset data = classification(kHandRows, kHandLabels, 2);
        try {
            knn().fit(data, paramsOf(knn(), {{"k", "6"}}), {}, {});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("k"));
        }
    }
};

QTEST_GUILESS_MAIN(KnnTest)
#include "test_knn.moc"
