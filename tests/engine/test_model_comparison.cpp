// Model comparison: the regularized incomplete beta function and Student's t against scipy, the
// corrected resampled t-test of Nadeau & Bengio, and comparisons of real learners on shared
// folds (repeated k-fold).
#include <QtTest>

#include <cmath>
#include <limits>

#include "engine/errors.h"
#include "engine/model_comparison.h"
#include "engine/student_t.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;
using namespace glassbox::test;

namespace {

Configuration configuration(const char* learner, const std::string& params = {}) {
    const Learner& l = learnerNamed(learner);
    return {&l, paramsOf(l, paramMap(params))};
}

bool closeTo(double a, double b, double tolerance) {
    return std::fabs(a - b) <= tolerance * std::max(1.0, std::fabs(b));
}

}  // namespace

class ModelComparisonTest : public QObject {
    Q_OBJECT

  private slots:
    // Expected values: scipy.special.betainc(a, b, x) (scipy 1.x, /usr/bin/python3), printed
    // with 17 significant digits.
    void incompleteBeta_data() {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("expected");
        QTest::newRow("arcsine") << 0.5 << 0.5 << 0.3 << 0.36901011956554541;
        QTest::newRow("2,3") << 2.0 << 3.0 << 0.4 << 0.52479999999999993;
        QTest::newRow("uniform") << 1.0 << 1.0 << 0.77 << 0.77000000000000002;
        QTest::newRow("t-like upper") << 5.0 << 0.5 << 0.9 << 0.31664291502001202;
        QTest::newRow("small x") << 0.5 << 5.0 << 0.01 << 0.24284189089843752;
        QTest::newRow("large a") << 50.0 << 0.5 << 0.99 << 0.31730439787419623;
        QTest::newRow("10,20") << 10.0 << 20.0 << 0.35 << 0.59238666366390502;
        QTest::newRow("200,300") << 200.0 << 300.0 << 0.41 << 0.67762816477218646;
        QTest::newRow("x near 1") << 4.5 << 0.5 << 0.999999 << 0.99767179326297883;
        QTest::newRow("tiny a") << 0.001 << 2.0 << 0.5 << 0.9998067465369479;
        QTest::newRow("a = 5000") << 5000.0 << 0.5 << 0.9995 << 0.025332672657788328;
        QTest::newRow("x = 0") << 3.0 << 2.0 << 0.0 << 0.0;
        QTest::newRow("x = 1") << 3.0 << 2.0 << 1.0 << 1.0;
    }
    void incompleteBeta() {
        QFETCH(double, a);
        QFETCH(double, b);
        QFETCH(double, x);
        QFETCH(double, expected);
        const double got = regularizedIncompleteBeta(a, b, x);
        QVERIFY2(closeTo(got, expected, 1e-12), qPrintable(QString::number(got, 'g', 17)));
    }

    // Expected values: 2 * scipy.stats.t.sf(|t|, df).
    void studentT_data() {
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("df");
        QTest::addColumn<double>("expected");
        QTest::newRow("t = 0") << 0.0 << 9.0 << 1.0;
        QTest::newRow("Cauchy") << 1.0 << 1.0 << 0.49999999999999956;
        QTest::newRow("2, df 4") << 2.0 << 4.0 << 0.11611652351681551;
        QTest::newRow("negative t") << -2.5 << 9.0 << 0.033861827682985707;
        QTest::newRow("3.7, df 29") << 3.7 << 29.0 << 0.00089747310437626856;
        QTest::newRow("small t, df 99") << 0.1 << 99.0 << 0.92054655073758229;
        QTest::newRow("far tail") << 12.0 << 9.0 << 7.6998862229856446e-07;
        QTest::newRow("5% critical value") << 2.262157162740992 << 9.0 << 0.050000000004675617;
        QTest::newRow("40, df 3") << 40.0 << 3.0 << 3.438068078915854e-05;
        QTest::newRow("1.96, df 999") << 1.96 << 999.0 << 0.050273462733810059;
        QTest::newRow("4, df 9999") << 4.0 << 9999.0 << 6.3798714562587569e-05;
    }
    void studentT() {
        QFETCH(double, t);
        QFETCH(double, df);
        QFETCH(double, expected);
        const double got = studentTTwoSidedP(t, df);
        QVERIFY2(std::fabs(got - expected) <= 1e-12 * std::max(expected, 1e-300) + 1e-15,
                 qPrintable(QString::number(got, 'g', 17)));
        QCOMPARE(studentTTwoSidedP(std::numeric_limits<double>::infinity(), df), 0.0);
    }

    void correctedTTest() {
        // k = 5 folds, r = 2 repeats. Expected from numpy/scipy with the formula of Nadeau &
        // Bengio: t = d.mean() / sqrt((1/(k r) + 1/(k-1)) * d.var(ddof=1)),
        // p = 2 * scipy.stats.t.sf(|t|, k r - 1).
        const std::vector<double> d = {0.02, 0.035, -0.01, 0.04, 0.025,
                                       0.03, 0.0,   0.015, 0.05, 0.02};
        const CorrectedTTest test = correctedResampledTTest(d, 1.0 / 4.0);
        QVERIFY(closeTo(test.meanDifference, 0.0225, 1e-15));
        QCOMPARE(test.df, 9.0);
        QVERIFY2(closeTo(test.t, 2.1141548006597497, 1e-13), qPrintable(QString::number(test.t)));
        QVERIFY2(closeTo(test.p, 0.063638952371727, 1e-12), qPrintable(QString::number(test.p)));
        // Swapping the models flips t and keeps p.
        std::vector<double> negated;
        for (double v : d) negated.push_back(-v);
        const CorrectedTTest swapped = correctedResampledTTest(negated, 1.0 / 4.0);
        QCOMPARE(swapped.t, -test.t);
        QCOMPARE(swapped.p, test.p);
    }

    void zeroVariance() {
        const CorrectedTTest same = correctedResampledTTest(std::vector<double>(6, 0.0), 0.25);
        QCOMPARE(same.t, 0.0);
        QCOMPARE(same.p, 1.0);
        const CorrectedTTest constant = correctedResampledTTest(std::vector<double>(6, -0.1), 0.25);
        QVERIFY(std::isinf(constant.t) && constant.t < 0);
        QCOMPARE(constant.p, 0.0);
        const CorrectedTTest undefined = correctedResampledTTest(
            std::vector<double>{0.1, std::numeric_limits<double>::quiet_NaN(), 0.2}, 0.25);
        QVERIFY(std::isnan(undefined.t) && std::isnan(undefined.p));
    }

    void strongBeatsWeak() {
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        const std::vector<Configuration> models = {configuration("decision_tree", "max_depth=1"),
                                                   configuration("logistic_regression")};
        ComparisonOptions options;
        options.folds = 5;
        options.repeats = 2;
        options.threads = 2;
        const ComparisonResult result = compareModels(models, data, options, {});
        QCOMPARE(result.metric, std::string("accuracy"));
        QCOMPARE(result.models.size(), std::size_t(2));
        QCOMPARE(result.models[0].foldScores.size(), std::size_t(10));
        QCOMPARE(result.testTrainRatio, 0.25);
        QCOMPARE(result.pairs.size(), std::size_t(1));
        const PairComparison& pair = result.pairs[0];
        QVERIFY(result.models[1].mean > result.models[0].mean);
        QVERIFY2(pair.test.p < 0.05, qPrintable(QString::number(pair.test.p)));
        QVERIFY(pair.test.t < 0);  // first minus second
        QCOMPARE(pair.better, std::optional<std::size_t>(1));

        // The statistic recomputed from the reported fold scores.
        std::vector<double> d;
        for (std::size_t i = 0; i < 10; ++i)
            d.push_back(result.models[0].foldScores[i] - result.models[1].foldScores[i]);
        double mean = 0, var = 0;
        for (double v : d) mean += v / 10;
        for (double v : d) var += (v - mean) * (v - mean) / 9;
        QVERIFY(closeTo(pair.test.t, mean / std::sqrt((0.1 + 0.25) * var), 1e-12));
    }

    void lossMetricPrefersTheSmaller() {
        // With log_loss (lower is better) the same pair must still name logistic regression.
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        const std::vector<Configuration> models = {configuration("logistic_regression"),
                                                   configuration("decision_tree", "max_depth=1")};
        ComparisonOptions options;
        options.folds = 5;
        options.repeats = 2;
        options.metric = "log_loss";
        options.threads = 2;
        const ComparisonResult result = compareModels(models, data, options, {});
        QVERIFY(result.models[0].mean < result.models[1].mean);
        QCOMPARE(result.pairs[0].better, std::optional<std::size_t>(0));
    }

    void sameModelTwiceIsNoDifference() {
        const Dataset data = sharedDataset("iris.csv", "species");
        const std::vector<Configuration> models = {configuration("knn", "k=3"),
                                                   configuration("knn", "k=3")};
        ComparisonOptions options;
        options.folds = 5;
        options.repeats = 3;
        const ComparisonResult result = compareModels(models, data, options, {});
        QCOMPARE(result.models[0].foldScores, result.models[1].foldScores);
        QCOMPARE(result.pairs[0].test.t, 0.0);
        QCOMPARE(result.pairs[0].test.p, 1.0);
        QVERIFY(!result.pairs[0].better);
    }

    // Repeat i's fold scores are those of crossValidateOnFolds on assignFolds(seed + i).
    void repeatsAreCrossValidationsOnSeededFolds() {
        const Dataset data = sharedDataset("wine.csv", "cultivar");
        const std::vector<Configuration> models = {configuration("naive_bayes"),
                                                   configuration("decision_tree", "max_depth=3")};
        ComparisonOptions options;
        options.folds = 4;
        options.repeats = 2;
        options.seed = 11;
        options.metric = "f1";
        options.threads = 3;
        const ComparisonResult result = compareModels(models, data, options, {});
        for (std::size_t m = 0; m < models.size(); ++m)
            for (std::size_t repeat = 0; repeat < 2; ++repeat) {
                const std::vector<std::size_t> folds =
                    assignFolds(data, 4, FoldRule::Stratified, 11 + repeat);
                const ValidationResult cv =
                    crossValidateOnFolds(*models[m].learner, data, models[m].params,
                                         FitOptions{11 + repeat, 1}, folds, 4, {});
                for (std::size_t k = 0; k < 4; ++k)
                    QCOMPARE(result.models[m].foldScores[repeat * 4 + k], *cv.perFold[k].get("f1"));
                if (repeat == 0) QCOMPARE(result.models[m].pooled.values, cv.pooled.values);
            }
        // Different repeats really use different folds.
        QVERIFY(assignFolds(data, 4, FoldRule::Stratified, 11) !=
                assignFolds(data, 4, FoldRule::Stratified, 12));
    }

    void badOptions_data() {
        QTest::addColumn<int>("folds");
        QTest::addColumn<int>("repeats");
        QTest::addColumn<bool>("index");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("one fold") << 1 << 1 << false << ""
                                  << "--cv";
        QTest::newRow("more folds than rows") << 151 << 1 << false << ""
                                              << "--cv";
        QTest::newRow("no repeats") << 5 << 0 << false << ""
                                    << "--repeats";
        QTest::newRow("index repeated") << 5 << 2 << true << ""
                                        << "--repeats";
        QTest::newRow("regression metric") << 5 << 1 << false << "rmse"
                                           << "--metric";
    }
    void badOptions() {
        QFETCH(int, folds);
        QFETCH(int, repeats);
        QFETCH(bool, index);
        QFETCH(QString, metric);
        QFETCH(QString, parameter);
        const Dataset data = sharedDataset("iris.csv", "species");
        const std::vector<Configuration> models = {configuration("naive_bayes"),
                                                   configuration("knn")};
        ComparisonOptions options;
        options.folds = static_cast<std::size_t>(folds);
        options.repeats = static_cast<std::size_t>(repeats);
        options.foldRule = index ? FoldRule::Index : FoldRule::Stratified;
        options.metric = metric.toStdString();
        try {
            compareModels(models, data, options, {});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.parameter()), parameter);
        }
    }
};

QTEST_APPLESS_MAIN(ModelComparisonTest)
#include "test_model_comparison.moc"
