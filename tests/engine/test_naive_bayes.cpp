// Naive Bayes: hand-computed posteriors, missing and unseen values, priors, the reference
// floors, model files, cancellation, determinism and parameter errors.
#include <QtTest>

#include <cmath>
#include <numbers>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/learner.h"
#include "engine/metrics.h"
#include "engine/random.h"
#include "learner_test_support.h"

using namespace glassbox;
using namespace glassbox::test;

namespace {

const Learner& nb() {
    return learnerNamed("naive_bayes");
}

// Rows of (x, color code, class); NaN / -1 for missing.
struct Row {
    double x;
    std::int32_t color;
    std::int32_t label;
};

FeatureMatrix matrixOf(const std::vector<Row>& rows, std::vector<std::string> levels) {
    FeatureSchema schema;
    schema.features.push_back({"x", ColumnType::Numeric, {}});
    schema.features.push_back({"color", ColumnType::Categorical, std::move(levels)});
    std::vector<FeatureColumn> columns(2);
    for (const Row& row : rows) {
        columns[0].values.push_back(row.x);
        columns[1].codes.push_back(row.color);
    }
    return FeatureMatrix(std::move(schema), std::move(columns), rows.size());
}

Dataset datasetOf(const std::vector<Row>& rows,
                  std::vector<std::string> levels = {"red", "green", "blue"}) {
    Dataset data;
    data.features = matrixOf(rows, std::move(levels));
    data.task = TaskKind::Classification;
    data.classes = {"A", "B"};
    for (const Row& row : rows) data.labels.push_back(row.label);
    return data;
}

constexpr std::int32_t kRed = 0, kGreen = 1, kBlue = 2, kPurple = 3, kMissing = -1;

// The hand case. x: A = 1, 2, 3 (mean 2, variance 2/3); B = 6, 8 and a missing value (mean 7,
// variance 1). color: A = red, red, green; B = blue, green, missing.
const std::vector<Row> kHandRows = {{1, kRed, 0},  {2, kRed, 0},   {3, kGreen, 0},
                                    {6, kBlue, 1}, {8, kGreen, 1}, {NAN, kMissing, 1}};
// var_smoothing 1e-9 times the largest variance, that of 1, 2, 3, 6, 8: 6.8.
constexpr double kEpsilon = 1e-9 * 6.8;

double logGaussian(double x, double mean, double variance) {
    return -0.5 * std::log(2 * std::numbers::pi * variance) -
           (x - mean) * (x - mean) / (2 * variance);
}

// P(A) from the two joint log-likelihoods.
double posteriorA(double logA, double logB) {
    return 1.0 / (1.0 + std::exp(logB - logA));
}

Dataset mixed(std::size_t rows, std::uint64_t seed) {
    Random random(seed);
    std::vector<Row> out;
    for (std::size_t r = 0; r < rows; ++r) {
        const double x = random.normal();
        const auto color = static_cast<std::int32_t>(random.index(4)) - 1;
        out.push_back({r % 7 == 3 ? NAN : x, color,
                       x + (color == kBlue ? 1.0 : 0.0) + 0.5 * random.normal() > 0.5});
    }
    return datasetOf(out);
}

}  // namespace

class NaiveBayesTest : public QObject {
    Q_OBJECT
  private slots:
    void handPosterior_data() {
        QTest::addColumn<double>("x");
        QTest::addColumn<int>("color");
        QTest::addColumn<double>("probabilityA");
        const double gaussA = logGaussian(4, 2, 2.0 / 3 + kEpsilon);
        const double gaussB = logGaussian(4, 7, 1 + kEpsilon);
        // Categories with alpha = 1 over 3 levels: A (3 known) red 3/6, green 2/6, blue 1/6;
        // B (2 known; the missing one is skipped) red 1/5, green 2/5, blue 2/5.
        QTest::newRow("both") << 4.0 << kGreen
                              << posteriorA(gaussA + std::log(2.0 / 6), gaussB + std::log(2.0 / 5));
        QTest::newRow("x missing") << double(NAN) << kRed << (0.5 * 0.5) / (0.5 * 0.5 + 0.5 * 0.2);
        QTest::newRow("color missing") << 4.0 << kMissing << posteriorA(gaussA, gaussB);
        QTest::newRow("both missing") << double(NAN) << kMissing << 0.5;
        QTest::newRow("far value")
            << 1e6 << kBlue
            << posteriorA(logGaussian(1e6, 2, 2.0 / 3 + kEpsilon) + std::log(1.0 / 6),
                          logGaussian(1e6, 7, 1 + kEpsilon) + std::log(2.0 / 5));
    }
    void handPosterior() {
        QFETCH(double, x);
        QFETCH(int, color);
        QFETCH(double, probabilityA);
        const auto model = nb().fit(datasetOf(kHandRows), paramsOf(nb()), {}, {});
        const Predictions p =
            model->predict(matrixOf({{x, color, 0}}, {"red", "green", "blue"}), {});
        QCOMPARE(p.classCount, std::size_t{2});
        QCOMPARE(p.probabilities[0], probabilityA);
        QCOMPARE(p.probabilities[0] + p.probabilities[1], 1.0);
    }

    void unseenCategory() {
        // purple is a level of the schema without training rows: alpha / (known + alpha * 4)
        // for both classes. A category unknown to the schema (code -1) counts as missing.
        const Dataset data = datasetOf(kHandRows, {"red", "green", "blue", "purple"});
        const auto model = nb().fit(data, paramsOf(nb()), {}, {});
        const Predictions p = model->predict(
            matrixOf({{NAN, kPurple, 0}, {NAN, kMissing, 0}}, {"red", "green", "blue", "purple"}),
            {});
        QCOMPARE(p.probabilities[0], (0.5 / 7) / (0.5 / 7 + 0.5 / 6));
        QCOMPARE(p.probabilities[2], 0.5);
    }

    void priorsFromFrequenciesOrBalanced_data() {
        QTest::addColumn<QString>("classWeight");
        QTest::addColumn<double>("probabilityA");
        QTest::newRow("none") << "none" << 0.8;
        QTest::newRow("balanced") << "balanced" << 0.5;
    }
    void priorsFromFrequenciesOrBalanced() {
        QFETCH(QString, classWeight);
        QFETCH(double, probabilityA);
        const Dataset data =
            datasetOf({{1, kRed, 0}, {2, kRed, 0}, {3, kGreen, 0}, {4, kBlue, 0}, {5, kBlue, 1}});
        const auto model =
            nb().fit(data, paramsOf(nb(), {{"class_weight", classWeight.toStdString()}}), {}, {});
        const Predictions p =
            model->predict(matrixOf({{NAN, kMissing, 0}}, {"red", "green", "blue"}), {});
        QCOMPARE(p.probabilities[0], probabilityA);
    }

    void constantFeaturesGivePriors() {
        // No variance anywhere: epsilon falls back to var_smoothing itself (no division by 0),
        // and both classes share the one Gaussian, so the priors decide.
        const Dataset data = datasetOf({{5, kRed, 0}, {5, kRed, 0}, {5, kRed, 1}});
        const auto model = nb().fit(data, paramsOf(nb()), {}, {});
        const Predictions p = model->predict(
            matrixOf({{5, kMissing, 0}, {5.00001, kMissing, 0}}, {"red", "green", "blue"}), {});
        QVERIFY(std::fabs(p.probabilities[0] - 2.0 / 3) < 1e-12);
        QVERIFY(std::fabs(p.probabilities[2] - 2.0 / 3) < 1e-12);
    }

    void classWithoutValuesGetsTheOverallGaussian() {
        // B never has x: it takes all rows' Gaussian, which here is A's, so x decides nothing.
        const Dataset data =
            datasetOf({{1, kMissing, 0}, {3, kMissing, 0}, {NAN, kMissing, 1}, {NAN, kMissing, 1}});
        const auto model = nb().fit(data, paramsOf(nb()), {}, {});
        const Predictions p = model->predict(
            matrixOf({{10, kMissing, 0}, {2, kMissing, 0}}, {"red", "green", "blue"}), {});
        QCOMPARE(p.probabilities[0], 0.5);
        QCOMPARE(p.probabilities[2], 0.5);
    }

    void regressionIsRejected() {
        QVERIFY(nb().supports(TaskKind::Classification));
        QVERIFY(!nb().supports(TaskKind::Regression));
        Dataset data = datasetOf(kHandRows);
        data.task = TaskKind::Regression;
        data.targets = {1, 2, 3, 4, 5, 6};
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, nb().fit(data, paramsOf(nb()), {}, {}));
    }

    // Parameters on real data (REFERENCE.md's floors cover the defaults in
    // test_reference_floors): cross-validated scores well above chance, valid probabilities.
    void variantsOnSharedData_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("score");
        QTest::addColumn<double>("atLeast");
        QTest::newRow("soybean alpha 0.1") << "soybean.arff"
                                           << "class"
                                           << "alpha=0.1"
                                           << "accuracy" << 0.9;
        QTest::newRow("soybean balanced") << "soybean.arff"
                                          << "class"
                                          << "class_weight=balanced"
                                          << "accuracy" << 0.9;
        QTest::newRow("credit-g balanced") << "credit-g.arff"
                                           << "class"
                                           << "class_weight=balanced"
                                           << "auc" << 0.76;
        QTest::newRow("diabetes var_smoothing 0.01") << "diabetes.arff"
                                                     << "class"
                                                     << "var_smoothing=0.01"
                                                     << "auc" << 0.78;
        QTest::newRow("weather") << "weather.nominal.arff"
                                 << "play"
                                 << ""
                                 << "accuracy" << 0.0;
    }
    void variantsOnSharedData() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(QString, params);
        QFETCH(QString, score);
        QFETCH(double, atLeast);
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        const ValidationResult cv =
            indexCrossValidate(nb(), data, paramsOf(nb(), paramMap(params.toStdString())));
        const Predictions& p = cv.predictions;
        for (std::size_t r = 0; r < p.rows; ++r) {
            double sum = 0;
            for (double v : p.probabilitiesOf(r)) {
                QVERIFY(v >= 0 && v <= 1);
                sum += v;
            }
            QVERIFY(std::fabs(sum - 1.0) < 1e-12);
        }
        const double got = *cv.pooled.get(score.toStdString());
        qInfo("%s %s: %s %.4f", qPrintable(file), qPrintable(params), qPrintable(score), got);
        QVERIFY(got >= atLeast);
    }

    void saveLoadPredictsIdentically_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::newRow("soybean") << "soybean.arff"
                                 << "class";
        QTest::newRow("credit-g") << "credit-g.arff"
                                  << "class";
        QTest::newRow("breast_cancer") << "breast_cancer.csv"
                                       << "diagnosis";
    }
    void saveLoadPredictsIdentically() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        std::vector<std::size_t> train, test;
        for (std::size_t r = 0; r < data.rows(); ++r) (r % 5 == 0 ? test : train).push_back(r);
        const Dataset trainSet = data.subset(train);
        const FeatureMatrix testSet = data.features.subset(test);
        const auto model = nb().fit(trainSet, paramsOf(nb(), {{"alpha", "0.5"}}), {}, {});
        const auto bytes = saveBytes(*model);
        QCOMPARE(saveBytes(*model), bytes);
        const auto loaded = loadBytes(nb(), bytes, trainSet);
        QVERIFY(identical(model->predict(testSet, {}), loaded->predict(testSet, {})));
        QCOMPARE(saveBytes(*loaded), bytes);
    }

    void corruptedPayloadIsRejected() {
        const Dataset data = datasetOf(kHandRows);
        const auto model = nb().fit(data, paramsOf(nb()), {}, {});
        const auto bytes = saveBytes(*model);
        for (std::size_t size = 0; size < bytes.size(); ++size) {
            const std::vector<std::uint8_t> truncated(bytes.begin(), bytes.begin() + size);
            QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(nb(), truncated, data));
        }
        auto corrupt = [&](std::size_t offset, std::uint64_t value, std::size_t width) {
            std::vector<std::uint8_t> changed = bytes;
            std::memcpy(changed.data() + offset, &value, width);
            return changed;
        };
        const std::uint64_t nan = 0x7ff8'0000'0000'0000ull;
        const std::uint64_t minusOne = 0xbff0'0000'0000'0000ull;
        // Layout: u32 version, priors (u64 count, 2 doubles), epsilon, then per feature a kind
        // byte: x (mean, variance), color (u64 levels, log-probabilities).
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(nb(), corrupt(0, 9, 4), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(nb(), corrupt(4, 3, 8), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(nb(), corrupt(12, nan, 8), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(nb(), corrupt(12, minusOne, 8), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(nb(), corrupt(28, nan, 8), data));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(nb(), corrupt(36, 1, 1), data));
        // The last variance (at the end of x's block) negative.
        QVERIFY_THROWS_EXCEPTION(ModelFormatError,
                                 loadBytes(nb(), corrupt(37 + 24 + 16, minusOne, 8), data));
        // A positive log-probability (the last one).
        QVERIFY_THROWS_EXCEPTION(
            ModelFormatError,
            loadBytes(nb(), corrupt(bytes.size() - 8, 0x3ff0'0000'0000'0000ull, 8), data));
        // Another class count or schema.
        ByteReader in(bytes, "model");
        QVERIFY_THROWS_EXCEPTION(
            ModelFormatError, nb().load(in, data.features.schema(), TaskKind::Classification, 3));
        const Dataset other = datasetOf(kHandRows, {"red", "green"});
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loadBytes(nb(), bytes, other));
    }

    void cancelThrows() {
        const Dataset data = mixed(300, 5);
        CancelToken token;
        token.cancel();
        const TaskContext cancelled({}, &token);
        QVERIFY_THROWS_EXCEPTION(Cancelled, nb().fit(data, paramsOf(nb()), {}, cancelled));
        const auto model = nb().fit(data, paramsOf(nb()), threadsOption(2), {});
        QVERIFY_THROWS_EXCEPTION(Cancelled, model->predict(data.features, cancelled));
    }

    void sameResultForAnyThreadCount() {
        const Dataset data = mixed(5000, 11);
        const auto one = nb().fit(data, paramsOf(nb()), threadsOption(1), {});
        const Predictions expected = one->predict(data.features, {});
        QVERIFY(*classificationScores(data.labels, expected).get("accuracy") > 0.7);
        for (unsigned threads : {2u, 3u}) {
            const auto many = nb().fit(data, paramsOf(nb()), threadsOption(threads), {});
            QCOMPARE(saveBytes(*many), saveBytes(*one));
            QVERIFY(identical(many->predict(data.features, {}), expected));
        }
    }

    void parameterErrorsNameTheParameter_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("var_smoothing zero") << "var_smoothing"
                                            << "0";
        QTest::newRow("var_smoothing above 1") << "var_smoothing"
                                               << "2";
        QTest::newRow("alpha zero") << "alpha"
                                    << "0";
        QTest::newRow("alpha negative") << "alpha"
                                        << "-1";
        QTest::newRow("class_weight") << "class_weight"
                                      << "auto";
        QTest::newRow("unknown") << "priors"
                                 << "uniform";
    }
    void parameterErrorsNameTheParameter() {
        QFETCH(QString, name);
        QFETCH(QString, value);
        try {
            paramsOf(nb(), {{name.toStdString(), value.toStdString()}});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.parameter()), name);
        }
    }
};

QTEST_GUILESS_MAIN(NaiveBayesTest)
#include "test_naive_bayes.moc"
