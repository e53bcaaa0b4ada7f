// logistic_regression and linear_regression: closed-form and hand-worked cases, optimality
// (KKT) conditions checked independently of the solver, the loss gradient against finite
// differences, the solvers against each other, collinear one-hot columns, model files,
// determinism, cancellation and parameter errors.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/learner.h"
#include "engine/linear_design.h"
#include "engine/linear_model.h"
#include "engine/linear_solvers.h"
#include "engine/metrics.h"
#include "engine/random.h"
#include "engine/table_reader.h"
#include "engine/validation.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;

namespace {

using glassbox::test::saveBytes;
using glassbox::test::sharedDataset;

// One feature of a hand-made dataset: numeric values (NaN = missing) or, when `levels` is not
// empty, categorical codes (-1 = missing).
struct Feature {
    std::string name;
    std::vector<double> values;
    std::vector<std::int32_t> codes;
    std::vector<std::string> levels;
};

FeatureMatrix matrixOf(const std::vector<Feature>& features) {
    FeatureSchema schema;
    std::vector<FeatureColumn> columns;
    std::size_t rows = 0;
    for (const Feature& f : features) {
        const bool categorical = !f.levels.empty();
        schema.features.push_back(
            {f.name, categorical ? ColumnType::Categorical : ColumnType::Numeric, f.levels});
        columns.push_back({f.values, f.codes});
        rows = categorical ? f.codes.size() : f.values.size();
    }
    return FeatureMatrix(std::move(schema), std::move(columns), rows);
}

Dataset regressionData(const std::vector<Feature>& features, std::vector<double> targets) {
    Dataset d;
    d.features = matrixOf(features);
    d.task = TaskKind::Regression;
    d.target = "y";
    d.targets = std::move(targets);
    return d;
}

Dataset classificationData(const std::vector<Feature>& features, std::vector<std::int32_t> labels,
                           std::size_t classes) {
    Dataset d;
    d.features = matrixOf(features);
    d.task = TaskKind::Classification;
    d.target = "y";
    for (std::size_t c = 0; c < classes; ++c) d.classes.push_back("c" + std::to_string(c));
    d.labels = std::move(labels);
    return d;
}

const Learner& logistic() {
    return learnerNamed("logistic_regression");
}
const Learner& linear() {
    return learnerNamed("linear_regression");
}

std::unique_ptr<Model> fit(const Learner& learner, const Dataset& data,
                           const std::map<std::string, std::string>& given, unsigned threads = 1) {
    return learner.fit(data, ParamValues::resolve(learner.params(), given), FitOptions{0, threads},
                       {});
}

const LinearModel& asLinear(const std::unique_ptr<Model>& model) {
    const auto* linearModel = dynamic_cast<const LinearModel*>(model.get());
    if (!linearModel) throw std::logic_error("not a linear model");
    return *linearModel;
}

// A binary problem: two informative numeric features (one with missing values), a categorical
// feature with a real effect and missing cells, and noise. `positiveShare` sets the imbalance.
// `logits` (when given) receives each row's true log-odds.
Dataset mixedBinary(std::size_t rows, std::uint64_t seed, double positiveShare = 0.5,
                    std::vector<double>* logits = nullptr) {
    Random random(seed);
    Feature a{"a", {}, {}, {}}, b{"b", {}, {}, {}}, noise{"noise", {}, {}, {}};
    Feature color{"color", {}, {}, {"red", "green", "blue"}};
    std::vector<std::int32_t> labels;
    const double offset = std::log(positiveShare / (1 - positiveShare));
    for (std::size_t r = 0; r < rows; ++r) {
        const double x1 = random.normal() * 3 + 10, x2 = random.normal(), x3 = random.normal();
        const auto code = static_cast<std::int32_t>(random.index(3));
        const double logit = offset + 0.8 * (x1 - 10) / 3 - 1.2 * x2 + (code == 2 ? 1.0 : 0.0);
        labels.push_back(random.uniform() < 1 / (1 + std::exp(-logit)) ? 1 : 0);
        if (logits) logits->push_back(logit);
        a.values.push_back(x1);
        b.values.push_back(random.uniform() < 0.1 ? std::nan("") : x2);
        noise.values.push_back(x3);
        color.codes.push_back(random.uniform() < 0.05 ? -1 : code);
    }
    return classificationData({a, b, noise, color}, labels, 2);
}

double rowSum(const Predictions& p, std::size_t row) {
    double s = 0;
    for (double v : p.probabilitiesOf(row)) s += v;
    return s;
}

}  // namespace

class LinearModelsTest : public QObject {
    Q_OBJECT
  private slots:
    void registered() {
        QCOMPARE(logistic().name(), std::string_view("logistic_regression"));
        QVERIFY(logistic().supports(TaskKind::Classification));
        QVERIFY(!logistic().supports(TaskKind::Regression));
        QVERIFY(linear().supports(TaskKind::Regression));
        QVERIFY(!linear().supports(TaskKind::Classification));
        for (const Learner* l : {&logistic(), &linear()})
            for (const ParamSpec& spec : l->params()) {
                QVERIFY2(!spec.help.empty(), spec.name.c_str());
                ParamValues::resolve(l->params(), {{spec.name, spec.defaultValue}});
            }
    }

    // Least squares with one feature: slope Sxy / Sxx = 7 / 5, intercept 4 - 1.4 * 2.5.
    // Ridge on the standardized feature: slope Sxy / (Sxx + alpha * Sxx / n) = 7 / 6.25.
    void leastSquaresByHand_data() {
        QTest::addColumn<QString>("penalty");
        QTest::addColumn<double>("slope");
        QTest::addColumn<double>("intercept");
        QTest::newRow("ols") << QString("none") << 1.4 << 0.5;
        QTest::newRow("ridge alpha 1") << QString("l2") << 7 / 6.25 << 4 - 2.5 * 7 / 6.25;
    }
    void leastSquaresByHand() {
        QFETCH(QString, penalty);
        QFETCH(double, slope);
        QFETCH(double, intercept);
        const Dataset d = regressionData({{"x", {1, 2, 3, 4}, {}, {}}}, {2, 3, 5, 6});
        const auto model = fit(linear(), d, {{"penalty", penalty.toStdString()}, {"alpha", "1"}});
        const LinearCoefficients c = asLinear(model).coefficients();
        QCOMPARE(c.columns, std::vector<std::string>{"x"});
        QCOMPARE(c.scoreClass, std::vector<std::int32_t>{-1});
        QVERIFY(std::fabs(c.weights[0] - slope) < 1e-12);
        QVERIFY(std::fabs(c.intercepts[0] - intercept) < 1e-12);
        const Predictions p = model->predict(d.features, {});
        QVERIFY(std::fabs(p.values[0] - (intercept + slope)) < 1e-12);
    }

    // Orthogonal standardized columns (±1 patterns): lasso and elastic net have closed forms,
    // w_j = S(x_jᵀy / n, alpha·l1_ratio) / (1 + alpha·(1 - l1_ratio)). Scaling and shifting a
    // feature must leave the fit the same and rescale its original-scale coefficient.
    void lassoAndElasticNetByHand_data() {
        QTest::addColumn<QString>("penalty");
        QTest::addColumn<double>("scale");
        QTest::addColumn<double>("w1");
        QTest::addColumn<double>("w2");
        QTest::newRow("lasso") << QString("l1") << 1.0 << 1.5 << 0.0;
        QTest::newRow("lasso scaled feature") << QString("l1") << 10.0 << 1.5 << 0.0;
        QTest::newRow("elastic net") << QString("elasticnet") << 1.0 << 1.4 << 0.04;
        QTest::newRow("elastic net scaled") << QString("elasticnet") << 10.0 << 1.4 << 0.04;
    }
    void lassoAndElasticNetByHand() {
        QFETCH(QString, penalty);
        QFETCH(double, scale);
        QFETCH(double, w1);
        QFETCH(double, w2);
        const std::vector<double> x1 = {1, -1, 1, -1, 1, -1, 1, -1};
        const std::vector<double> x2 = {1, 1, -1, -1, 1, 1, -1, -1};
        const std::vector<double> x3 = {1, 1, 1, 1, -1, -1, -1, -1};
        std::vector<double> y, x1Scaled;
        for (std::size_t r = 0; r < 8; ++r) {
            y.push_back(5 + 2 * x1[r] + 0.3 * x2[r]);
            x1Scaled.push_back(x1[r] * scale + 7);
        }
        const Dataset d =
            regressionData({{"x1", x1Scaled, {}, {}}, {"x2", x2, {}, {}}, {"x3", x3, {}, {}}}, y);
        const auto model = fit(linear(), d,
                               {{"penalty", penalty.toStdString()},
                                {"alpha", "0.5"},
                                {"l1_ratio", "0.5"},
                                {"tol", "1e-12"}});
        const LinearCoefficients c = asLinear(model).coefficients();
        QVERIFY(std::fabs(c.weights[0] - w1 / scale) < 1e-9);
        QVERIFY(std::fabs(c.weights[1] - w2) < 1e-9);
        QCOMPARE(c.weights[2], 0.0);  // exactly zero: an irrelevant feature
        QVERIFY(std::fabs(c.intercepts[0] - (5 - 7 * w1 / scale)) < 1e-9);
        const auto summary = model->fitSummary();
        QCOMPARE(summary[0].first, std::string("nonzero_coefficients"));
        QCOMPARE(summary[0].second, w2 == 0 ? 1.0 : 2.0);
    }

    // OLS against scikit-learn's LinearRegression on diabetes_regression, 5-fold index CV:
    // pooled R² 0.5009121709 (computed by hand with scikit-learn 1.2.1 and StandardScaler).
    void olsMatchesScikitLearnOnDiabetes() {
        const Dataset d = sharedDataset("diabetes_regression.csv", "progression");
        const ValidationResult cv =
            crossValidate(linear(), d, ParamValues::resolve(linear().params(), {}),
                          FitOptions{0, 2}, 5, FoldRule::Index, {});
        const double r2 = *cv.pooled.get("r2");
        qInfo("diabetes_regression OLS R2 %.10f (scikit-learn 0.5009121709)", r2);
        QVERIFY(std::fabs(r2 - 0.5009121709) < 1e-6);
    }

    // A categorical feature whose levels sum to the intercept, a duplicated numeric column and
    // a level never seen: the least-squares fit stays finite, its predictions are the group
    // means, and the duplicate gets the minimum-norm half share.
    void collinearOneHotStaysFinite() {
        Random random(5);
        Feature group{"group", {}, {}, {"a", "b", "c", "unseen"}};
        Feature x{"x", {}, {}, {}}, twice{"twice", {}, {}, {}};
        std::vector<double> y;
        const double effect[3] = {1.0, -2.0, 4.0};
        for (std::size_t r = 0; r < 60; ++r) {
            const auto code = static_cast<std::int32_t>(r % 3);
            const double v = random.normal();
            group.codes.push_back(code);
            x.values.push_back(v);
            twice.values.push_back(2 * v);
            y.push_back(effect[code] + 3 * v);
        }
        const Dataset d = regressionData({group, x, twice}, y);
        for (const char* penalty : {"none", "l2", "l1"}) {
            const auto model = fit(linear(), d,
                                   {{"penalty", penalty},
                                    {"alpha", "1e-9"},
                                    {"tol", "1e-14"},
                                    {"max_iter", "100000"}});
            const LinearCoefficients c = asLinear(model).coefficients();
            for (double w : c.weights) QVERIFY(std::isfinite(w));
            const Predictions p = model->predict(d.features, {});
            for (std::size_t r = 0; r < 60; ++r) QVERIFY(std::fabs(p.values[r] - y[r]) < 1e-5);
            if (std::string(penalty) == "none") {
                // x and twice are the same standardized column: equal standardized weights.
                QVERIFY(std::fabs(c.weights[4] - 2 * c.weights[5]) < 1e-8);
                QCOMPARE(c.weights[3], 0.0);  // the unseen level
            }
        }
    }

    // More one-hot columns than the direct solvers take: L-BFGS (or OWL-QN) over the rows. One
    // categorical feature: least squares predicts each level's mean.
    void manyColumnsUseTheIterativeSolver() {
        const std::size_t levels = 700;
        Feature id{"id", {}, {}, {}};
        for (std::size_t l = 0; l < levels; ++l) id.levels.push_back("L" + std::to_string(l));
        std::vector<double> y;
        Random random(8);
        std::vector<double> sum(levels, 0.0);
        for (std::size_t r = 0; r < levels * 4; ++r) {
            const auto code = static_cast<std::int32_t>(r % levels);
            id.codes.push_back(code);
            y.push_back(std::sin(code * 0.1) * 3 + random.normal());
            sum[code] += y.back();
        }
        const Dataset d = regressionData({id}, y);
        const auto model = fit(linear(), d, {{"tol", "1e-10"}});
        const Predictions p = model->predict(d.features, {});
        for (std::size_t r = 0; r < levels; ++r)
            QVERIFY(std::fabs(p.values[r] - sum[r] / 4) < 1e-5);
        QVERIFY(model->fitSummary()[1].second > 0);  // iterations: the iterative path ran
        const auto lasso = fit(linear(), d, {{"penalty", "l1"}, {"alpha", "0.5"}});
        const LinearCoefficients c = asLinear(lasso).coefficients();
        QVERIFY(std::count(c.weights.begin(), c.weights.end(), 0.0) > 0);
    }

    // Unpenalized logistic regression on one 0/1 feature is the empirical log-odds per group:
    // 3 of 4 positive at x = 0, 1 of 4 at x = 1.
    void logisticMaximumLikelihoodByHand() {
        const Dataset numeric = classificationData({{"x", {0, 0, 0, 0, 1, 1, 1, 1}, {}, {}}},
                                                   {1, 1, 1, 0, 1, 0, 0, 0}, 2);
        const auto model =
            fit(logistic(), numeric, {{"penalty", "none"}, {"tol", "1e-10"}, {"max_iter", "1000"}});
        const LinearCoefficients c = asLinear(model).coefficients();
        QCOMPARE(c.scoreClass, std::vector<std::int32_t>{1});
        QVERIFY(std::fabs(c.intercepts[0] - std::log(3.0)) < 1e-6);
        QVERIFY(std::fabs(c.weights[0] + 2 * std::log(3.0)) < 1e-6);
        // The same as a categorical feature: one-hot columns collinear with the intercept.
        const Dataset categorical = classificationData(
            {{"g", {}, {0, 0, 0, 0, 1, 1, 1, 1}, {"a", "b"}}}, {1, 1, 1, 0, 1, 0, 0, 0}, 2);
        const Predictions p = fit(logistic(), categorical, {{"penalty", "none"}, {"tol", "1e-10"}})
                                  ->predict(categorical.features, {});
        QVERIFY(std::fabs(p.probabilitiesOf(0)[1] - 0.75) < 1e-6);
        QVERIFY(std::fabs(p.probabilitiesOf(7)[1] - 0.25) < 1e-6);
    }

    // At scikit-learn's optimum C·Σ (p - y)·x_j + sd_j²·β_j = 0 for every original-scale
    // coefficient β_j (the L2 penalty acts on β_j·sd_j, the standardized weight), and
    // Σ (p - y) = 0 for the intercept. Checked with sd and p computed here, not by the model.
    void logisticOptimalityConditions_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<double>("c");
        QTest::newRow("breast_cancer binary") << "breast_cancer.csv"
                                              << "diagnosis" << 1.0;
        QTest::newRow("wine multinomial") << "wine.csv"
                                          << "cultivar" << 0.5;
        QTest::newRow("iris multinomial") << "iris.csv"
                                          << "species" << 3.0;
    }
    void logisticOptimalityConditions() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(double, c);
        const Dataset d = sharedDataset(file.toStdString(), target.toStdString());
        const auto model =
            fit(logistic(), d, {{"C", std::to_string(c)}, {"tol", "1e-10"}, {"max_iter", "2000"}});
        QCOMPARE(model->fitSummary()[2].second, 1.0);  // converged
        const LinearCoefficients coef = asLinear(model).coefficients();
        const Predictions p = model->predict(d.features, {});
        const std::size_t rows = d.rows(), columns = coef.columns.size();
        QCOMPARE(columns, d.features.featureCount());  // all numeric
        for (std::size_t s = 0; s < coef.scoreClass.size(); ++s) {
            const std::size_t cls = static_cast<std::size_t>(coef.scoreClass[s]);
            double interceptGradient = 0;
            std::vector<double> gradient(columns, 0.0);
            for (std::size_t r = 0; r < rows; ++r) {
                const double residual =
                    p.probabilitiesOf(r)[cls] - (d.labels[r] == static_cast<std::int32_t>(cls));
                interceptGradient += residual;
                for (std::size_t j = 0; j < columns; ++j)
                    gradient[j] += residual * d.features.values(j)[r];
            }
            QVERIFY2(std::fabs(interceptGradient) < 1e-5,
                     qPrintable(QString::number(interceptGradient)));
            for (std::size_t j = 0; j < columns; ++j) {
                const auto v = d.features.values(j);
                const double mean = std::accumulate(v.begin(), v.end(), 0.0) / rows;
                double var = 0;
                for (double x : v) var += (x - mean) * (x - mean) / rows;
                const double kkt = c * gradient[j] + var * coef.weights[s * columns + j];
                QVERIFY2(std::fabs(kkt) < 1e-4 * std::max(1.0, std::sqrt(var)),
                         qPrintable(QString("%1: %2").arg(coef.columns[j].c_str()).arg(kkt)));
            }
        }
    }

    // The loss and its gradient (through the centering/scaling reparametrization, with row
    // weights and L2) against central finite differences.
    void lossGradientMatchesFiniteDifferences_data() {
        QTest::addColumn<int>("loss");
        QTest::addColumn<int>("scores");
        QTest::addColumn<bool>("center");
        QTest::newRow("squared") << int(LinearLoss::Squared) << 1 << true;
        QTest::newRow("logistic") << int(LinearLoss::Logistic) << 1 << true;
        QTest::newRow("logistic uncentered") << int(LinearLoss::Logistic) << 1 << false;
        QTest::newRow("softmax") << int(LinearLoss::Softmax) << 4 << true;
    }
    void lossGradientMatchesFiniteDifferences() {
        QFETCH(int, loss);
        QFETCH(int, scores);
        QFETCH(bool, center);
        Random random(11);
        Feature a{"a", {}, {}, {}}, b{"b", {}, {}, {}}, g{"g", {}, {}, {"x", "y", "z"}};
        std::vector<double> targets, weights;
        std::vector<std::int32_t> labels;
        for (std::size_t r = 0; r < 9000; ++r) {  // more than one row block
            a.values.push_back(random.normal() * 5 + 1);
            b.values.push_back(random.uniform() < 0.1 ? std::nan("") : random.normal());
            g.codes.push_back(random.uniform() < 0.1 ? -1
                                                     : static_cast<std::int32_t>(random.index(3)));
            targets.push_back(random.normal() * 2);
            labels.push_back(static_cast<std::int32_t>(random.index(std::max(2, scores))));
            weights.push_back(0.5 + random.uniform());
        }
        const FeatureMatrix x = matrixOf({a, b, g});
        const NumericEncoder encoder = NumericEncoder::fit(x, true);
        const LinearDesign design = buildLinearDesign(encoder, x, center, 2);
        QCOMPARE(design.columns, std::size_t{5});
        LinearObjective o;
        o.design = &design;
        o.loss = static_cast<LinearLoss>(loss);
        o.scores = static_cast<std::size_t>(scores);
        o.targets = targets;
        o.labels = labels;
        o.rowWeights = weights;
        o.l2 = 0.05;
        o.threads = 2;
        o.conditionByColumns(center);
        std::vector<double> u(o.parameterCount()), gradient(u.size()), ignored(u.size());
        for (double& v : u) v = random.normal() * 0.5;
        o.evaluate(u, gradient);
        for (std::size_t i = 0; i < u.size(); ++i) {
            const double h = 1e-5;
            std::vector<double> plus = u, minus = u;
            plus[i] += h;
            minus[i] -= h;
            const double numeric =
                (o.evaluate(plus, ignored) - o.evaluate(minus, ignored)) / (2 * h);
            QVERIFY2(
                std::fabs(numeric - gradient[i]) < 1e-7 * std::max(1.0, std::fabs(numeric)),
                qPrintable(QString("parameter %1: %2 vs %3").arg(i).arg(gradient[i]).arg(numeric)));
        }
        // One thread or two: the same sums in the same order.
        o.threads = 1;
        std::vector<double> single(u.size());
        QCOMPARE(o.evaluate(u, single), o.evaluate(u, ignored));
        o.threads = 2;
        QCOMPARE(o.evaluate(u, gradient), o.evaluate(u, ignored));
        QCOMPARE(single, gradient);
    }

    // The lasso by OWL-QN over the rows and by coordinate descent on the Gram matrix agree.
    void owlqnMatchesCoordinateDescent() {
        Random random(21);
        std::vector<Feature> features;
        for (int j = 0; j < 6; ++j) features.push_back({"x" + std::to_string(j), {}, {}, {}});
        std::vector<double> y;
        for (std::size_t r = 0; r < 500; ++r) {
            double target = 0;
            for (int j = 0; j < 6; ++j) {
                const double v = random.normal() + (j == 1 ? features[0].values.back() : 0.0);
                features[j].values.push_back(v);
                target += (j < 3 ? (j + 1) * v : 0.0);
            }
            y.push_back(target + random.normal());
        }
        const FeatureMatrix x = matrixOf(features);
        const LinearDesign design = buildLinearDesign(NumericEncoder::fit(x, true), x, true, 1);
        const double alpha = 0.3;
        // Coordinate descent: ½‖y − Xw‖² + n·alpha·‖w‖₁ on centered sums.
        const GramSums sums = gramSums(design, y, true, 1, {});
        std::vector<double> cd(6, 0.0);
        bool converged = false;
        elasticNetGram(sums.gram, sums.xty, sums.yty, 6, 500 * alpha, 0, cd, 10000, 1e-14,
                       converged, {});
        QVERIFY(converged);
        // OWL-QN: ½·mean (z − y)² + alpha·‖w‖₁.
        LinearObjective o;
        o.design = &design;
        o.loss = LinearLoss::Squared;
        o.targets = y;
        o.conditionByColumns(true);
        std::vector<double> u(o.parameterCount(), 0.0), l1(u.size(), 0.0);
        for (std::size_t j = 0; j < 6; ++j) l1[j] = alpha / o.scale[j];
        QuasiNewtonOptions options;
        options.maxIterations = 1000;
        options.tolerance = 1e-10;
        options.relativeDecrease = 0;
        minimizeQuasiNewton(
            [&](std::span<const double> p, std::span<double> g) { return o.evaluate(p, g); }, u, l1,
            options, {});
        const std::vector<double> w = o.modelParameters(u);
        for (std::size_t j = 0; j < 6; ++j) {
            QVERIFY2(std::fabs(w[j] - cd[j]) < 1e-6,
                     qPrintable(QString("%1 vs %2").arg(w[j]).arg(cd[j])));
            QCOMPARE(w[j] == 0.0, cd[j] == 0.0);
        }
        QVERIFY(std::count(cd.begin(), cd.end(), 0.0) >= 2);  // the irrelevant features
    }

    void eigenDecompositionReconstructs() {
        // A rank-deficient symmetric matrix: B·Bᵀ with B 9 x 6.
        Random random(4);
        const std::size_t n = 9;
        std::vector<double> b(n * 6), a(n * n, 0.0);
        for (double& v : b) v = random.normal();
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j)
                for (std::size_t k = 0; k < 6; ++k) a[i * n + j] += b[i * 6 + k] * b[j * 6 + k];
        std::vector<double> vectors = a, values;
        symmetricEigen(vectors, n, values);
        QVERIFY(std::is_sorted(values.begin(), values.end()));
        for (std::size_t e = 0; e < 3; ++e) QVERIFY(std::fabs(values[e]) < 1e-12 * values.back());
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                double rebuilt = 0, dot = 0;
                for (std::size_t e = 0; e < n; ++e) {
                    rebuilt += vectors[i * n + e] * values[e] * vectors[j * n + e];
                    dot += vectors[e * n + i] * vectors[e * n + j];
                }
                QVERIFY(std::fabs(rebuilt - a[i * n + j]) < 1e-10 * values.back());
                QVERIFY(std::fabs(dot - (i == j ? 1.0 : 0.0)) < 1e-12);
            }
    }

    void logisticLearnsMixedData() {
        std::vector<double> logits;
        const Dataset train = mixedBinary(3000, 1), test = mixedBinary(2000, 2, 0.5, &logits);
        const auto model = fit(logistic(), train, {});
        const Scores s = classificationScores(test.labels, model->predict(test.features, {}));
        std::vector<std::uint8_t> positive(test.labels.begin(), test.labels.end());
        const double best = rocAuc(logits, positive);  // the true model's AUC
        qInfo("test AUC %.4f, true log-odds %.4f", *s.get("auc"), best);
        QVERIFY(*s.get("auc") > best - 0.02);
        const LinearCoefficients c = asLinear(model).coefficients();
        QCOMPARE(c.columns, (std::vector<std::string>{"a", "b", "noise", "color=red", "color=green",
                                                      "color=blue"}));
        // True effects: +0.8 / 3 per unit of a, -1.2 per unit of b, +1 for blue.
        QVERIFY(std::fabs(c.weights[0] - 0.8 / 3) < 0.05);
        QVERIFY(std::fabs(c.weights[1] + 1.2) < 0.15);
        QVERIFY(std::fabs(c.weights[2]) < 0.15);
        QVERIFY(c.weights[5] - c.weights[3] > 0.6);
        // Unseen rows with missing numbers and categories predict finite probabilities.
        const Dataset holes = classificationData({{"a", {std::nan("")}, {}, {}},
                                                  {"b", {std::nan("")}, {}, {}},
                                                  {"noise", {0.0}, {}, {}},
                                                  {"color", {}, {-1}, {"red", "green", "blue"}}},
                                                 {0}, 2);
        const Predictions p = model->predict(holes.features, {});
        QVERIFY(std::isfinite(p.probabilities[0]) && std::fabs(rowSum(p, 0) - 1) < 1e-12);
    }

    // A separable-ish problem: the classes overlap in a thin band only.
    void logisticOnNearlySeparableData() {
        Random random(3);
        Feature x{"x", {}, {}, {}}, z{"z", {}, {}, {}};
        std::vector<std::int32_t> labels;
        for (std::size_t r = 0; r < 400; ++r) {
            const double u = random.normal() * 3, v = random.normal();
            x.values.push_back(u);
            z.values.push_back(v);
            labels.push_back(u + 0.5 * v + 0.2 * random.normal() > 0 ? 1 : 0);
        }
        const Dataset d = classificationData({x, z}, labels, 2);
        for (const char* penalty : {"l2", "none", "l1", "elasticnet"}) {
            const auto model = fit(logistic(), d, {{"penalty", penalty}, {"C", "100"}});
            const Scores s = classificationScores(d.labels, model->predict(d.features, {}));
            QVERIFY2(*s.get("accuracy") > 0.95, penalty);
            const LinearCoefficients c = asLinear(model).coefficients();
            QVERIFY(c.weights[0] > 0 && c.weights[1] > 0);
            QVERIFY(std::fabs(c.weights[1] / c.weights[0] - 0.5) < 0.2);
        }
    }

    void multinomialProbabilitiesSumToOne() {
        const Dataset d = sharedDataset("soybean.arff", "class");
        const auto model = fit(logistic(), d, {{"max_iter", "50"}});
        QCOMPARE(asLinear(model).scoreCount(), d.classCount());
        const Predictions p = model->predict(d.features, {});
        QCOMPARE(p.classCount, d.classCount());
        for (std::size_t r = 0; r < p.rows; ++r) {
            QVERIFY(std::fabs(rowSum(p, r) - 1) < 1e-12);
            for (double v : p.probabilitiesOf(r)) QVERIFY(v >= 0 && v <= 1);
        }
        const Dataset binary = mixedBinary(500, 4);
        const Predictions q = fit(logistic(), binary, {})->predict(binary.features, {});
        for (std::size_t r = 0; r < q.rows; ++r) QVERIFY(std::fabs(rowSum(q, r) - 1) < 1e-12);
    }

    void balancedClassWeightFavorsTheRareClass() {
        const Dataset d = mixedBinary(2000, 9, 0.08);
        auto positives = [&](const char* classWeight) {
            const Predictions p =
                fit(logistic(), d, {{"class_weight", classWeight}})->predict(d.features, {});
            std::size_t count = 0;
            for (std::size_t r = 0; r < p.rows; ++r) count += p.predictedClass(r) == 1;
            return count;
        };
        const std::size_t actual = std::count(d.labels.begin(), d.labels.end(), 1);
        const std::size_t plain = positives("none"), balanced = positives("balanced");
        qInfo("positives: %zu actual, %zu predicted unweighted, %zu balanced", actual, plain,
              balanced);
        QVERIFY(plain < actual);
        QVERIFY(balanced > 2 * plain);
    }

    void fitInterceptOffPassesThroughTheOrigin() {
        const Dataset d = regressionData({{"x", {1, 2, 3, 4}, {}, {}}}, {2, 4.5, 5.5, 8});
        const auto model = fit(linear(), d, {{"fit_intercept", "false"}});
        const LinearCoefficients c = asLinear(model).coefficients();
        QVERIFY(std::fabs(c.intercepts[0]) < 1e-12);
        // Σxy / Σx² = (2 + 9 + 16.5 + 32) / 30.
        QVERIFY(std::fabs(c.weights[0] - 59.5 / 30) < 1e-12);
        const Dataset b = mixedBinary(500, 6);
        const LinearCoefficients lc =
            asLinear(fit(logistic(), b, {{"fit_intercept", "false"}})).coefficients();
        QVERIFY(std::fabs(lc.intercepts[0]) < 1e-12);
    }

    void saveLoadIsBitIdentical_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("penalty");
        QTest::newRow("logistic credit-g") << "logistic_regression"
                                           << "credit-g.arff"
                                           << "class"
                                           << "l2";
        QTest::newRow("logistic soybean l1") << "logistic_regression"
                                             << "soybean.arff"
                                             << "class"
                                             << "l1";
        QTest::newRow("linear diabetes") << "linear_regression"
                                         << "diabetes_regression.csv"
                                         << "progression"
                                         << "none";
        QTest::newRow("linear diabetes lasso") << "linear_regression"
                                               << "diabetes_regression.csv"
                                               << "progression"
                                               << "l1";
    }
    void saveLoadIsBitIdentical() {
        QFETCH(QString, learner);
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(QString, penalty);
        const Learner& l = learnerNamed(learner.toStdString());
        const Dataset d = sharedDataset(file.toStdString(), target.toStdString());
        const std::map<std::string, std::string> given = {{"penalty", penalty.toStdString()},
                                                          {"max_iter", "60"}};
        const auto model = fit(l, d, given, 2);
        const std::vector<std::uint8_t> bytes = saveBytes(*model);
        QCOMPARE(saveBytes(*model), bytes);
        // Same data, parameters and threads: the same bytes; one thread too.
        QCOMPARE(saveBytes(*fit(l, d, given, 2)), bytes);
        QCOMPARE(saveBytes(*fit(l, d, given, 1)), bytes);
        ByteReader in(bytes, "model");
        const auto loaded = l.load(in, d.features.schema(), d.task, d.classCount());
        QCOMPARE(in.remaining(), std::size_t{0});
        QCOMPARE(saveBytes(*loaded), bytes);
        const Predictions a = model->predict(d.features, {}), b = loaded->predict(d.features, {});
        QCOMPARE(a.probabilities, b.probabilities);
        QCOMPARE(a.values, b.values);
        QCOMPARE(loaded->fitSummary(), model->fitSummary());
        QCOMPARE(asLinear(loaded).coefficients().weights, asLinear(model).coefficients().weights);
    }

    void corruptedPayloadRejected() {
        const Dataset d = mixedBinary(300, 7);
        const auto model = fit(logistic(), d, {});
        const std::vector<std::uint8_t> bytes = saveBytes(*model);
        const FeatureSchema& schema = d.features.schema();
        auto load = [&](const std::vector<std::uint8_t>& b, TaskKind task, std::size_t classes) {
            ByteReader in(b, "model");
            return logistic().load(in, schema, task, classes);
        };
        for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
            const std::vector<std::uint8_t> truncated(bytes.begin(), bytes.begin() + cut);
            QVERIFY_THROWS_EXCEPTION(ModelFormatError,
                                     load(truncated, TaskKind::Classification, 2));
        }
        // Wrong class count or task for the payload.
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, load(bytes, TaskKind::Classification, 3));
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, load(bytes, TaskKind::Regression, 0));
        // A NaN coefficient: the last 8-byte value before the intercepts' count.
        std::vector<std::uint8_t> nan = bytes;
        const double bad = std::nan("");
        const std::size_t intercepts = bytes.size() - 1 - 8 - 8 - 8;  // flag, count, intercept
        std::memcpy(nan.data() + intercepts - 8, &bad, 8);
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, load(nan, TaskKind::Classification, 2));
        // A version from the future, a huge count, a bad flag.
        std::vector<std::uint8_t> version = bytes;
        version[0] = 9;
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, load(version, TaskKind::Classification, 2));
        std::vector<std::uint8_t> count = bytes;
        count[11] = 0x7f;
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, load(count, TaskKind::Classification, 2));
        std::vector<std::uint8_t> flag = bytes;
        flag.back() = 7;
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, load(flag, TaskKind::Classification, 2));
        // Every single-byte change either loads a model that predicts finite numbers or is
        // rejected with ModelFormatError.
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            std::vector<std::uint8_t> flipped = bytes;
            flipped[i] ^= 0xA5;
            try {
                const auto m = load(flipped, TaskKind::Classification, 2);
                const Predictions p = m->predict(d.features, {});
                QCOMPARE(p.probabilities.size(), d.rows() * 2);
            } catch (const ModelFormatError&) {
            }
        }
    }

    void cancelThrowsCancelled_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("penalty");
        QTest::newRow("logistic") << "logistic_regression"
                                  << "l2";
        QTest::newRow("linear lasso") << "linear_regression"
                                      << "l1";
    }
    void cancelThrowsCancelled() {
        QFETCH(QString, learner);
        QFETCH(QString, penalty);
        const Learner& l = learnerNamed(learner.toStdString());
        const Dataset d = l.supports(TaskKind::Regression)
                              ? sharedDataset("diabetes_regression.csv", "progression")
                              : mixedBinary(500, 3);
        CancelToken token;
        token.cancel();
        const ParamValues params =
            ParamValues::resolve(l.params(), {{"penalty", penalty.toStdString()}});
        QVERIFY_THROWS_EXCEPTION(Cancelled, l.fit(d, params, {}, TaskContext({}, &token)));
        // Cancelled while running: after a few progress reports.
        CancelToken later;
        int reports = 0;
        const TaskContext context(
            [&](double, std::string_view) {
                if (++reports == 3) later.cancel();
            },
            &later);
        QVERIFY_THROWS_EXCEPTION(Cancelled, l.fit(d, params, {}, context));
    }

    void progressIsReported() {
        const Dataset d = mixedBinary(500, 3);
        std::vector<double> fractions;
        std::vector<std::string> stages;
        const TaskContext context(
            [&](double f, std::string_view stage) {
                fractions.push_back(f);
                stages.emplace_back(stage);
            },
            nullptr);
        logistic().fit(d, ParamValues::resolve(logistic().params(), {}), {}, context);
        QVERIFY(fractions.size() > 3);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);
        QVERIFY(std::find(stages.begin(), stages.end(), "iteration 1 of 200") != stages.end());
    }

    void parameterErrorsNameTheParameter_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("C zero") << "logistic_regression"
                                << "C"
                                << "0";
        QTest::newRow("C negative") << "logistic_regression"
                                    << "C"
                                    << "-1";
        QTest::newRow("penalty") << "logistic_regression"
                                 << "penalty"
                                 << "l3";
        QTest::newRow("l1_ratio") << "logistic_regression"
                                  << "l1_ratio"
                                  << "1.5";
        QTest::newRow("max_iter") << "logistic_regression"
                                  << "max_iter"
                                  << "0";
        QTest::newRow("tol") << "logistic_regression"
                             << "tol"
                             << "0";
        QTest::newRow("class_weight") << "logistic_regression"
                                      << "class_weight"
                                      << "auto";
        QTest::newRow("fit_intercept") << "logistic_regression"
                                       << "fit_intercept"
                                       << "maybe";
        QTest::newRow("alpha") << "linear_regression"
                               << "alpha"
                               << "-0.1";
        QTest::newRow("regression penalty") << "linear_regression"
                                            << "penalty"
                                            << "ridge";
        QTest::newRow("regression tol") << "linear_regression"
                                        << "tol"
                                        << "2";
        QTest::newRow("unknown") << "linear_regression"
                                 << "C"
                                 << "1";
    }
    void parameterErrorsNameTheParameter() {
        QFETCH(QString, learner);
        QFETCH(QString, name);
        QFETCH(QString, value);
        const Learner& l = learnerNamed(learner.toStdString());
        try {
            ParamValues::resolve(l.params(), {{name.toStdString(), value.toStdString()}});
            QFAIL("accepted");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.parameter()), name);
            QVERIFY(QString(e.what()).startsWith(name + ":"));
        }
    }

    void wrongTaskIsRejected() {
        const Dataset classes = mixedBinary(50, 1);
        const Dataset numbers = regressionData({{"x", {1, 2, 3}, {}, {}}}, {1, 2, 3});
        try {
            fit(logistic(), numbers, {});
            QFAIL("accepted");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("--task"));
        }
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, fit(linear(), classes, {}));
    }

    void infiniteValuesAreRejected() {
        const Dataset d = regressionData(
            {{"x", {1, std::numeric_limits<double>::infinity(), 3}, {}, {}}}, {1, 2, 3});
        QVERIFY_THROWS_EXCEPTION(Error, fit(linear(), d, {}));
    }
};

QTEST_APPLESS_MAIN(LinearModelsTest)
#include "test_linear_models.moc"
