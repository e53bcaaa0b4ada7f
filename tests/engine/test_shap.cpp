// SHAP for the models that are not trees: exact linear SHAP against brute-force Shapley values
// of the interventional value function (every feature subset, the model's own scores averaged
// over the background rows), one-hot columns summed per feature, missing cells; sampling SHAP
// (kNN, naive Bayes, MLP): exact for two features (an antithetic pair is every permutation),
// convergence to the brute force with more samples, exact additivity, determinism for a seed
// on any thread count, the background sample, cancellation.
#include <QtTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "engine/dataset.h"
#include "engine/errors.h"
#include "engine/learner.h"
#include "engine/linear_model.h"
#include "engine/model_file.h"
#include "engine/shap.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;
using glassbox::test::paramMap;
using glassbox::test::sharedDataset;

namespace {

// `data` with only the named features.
Dataset keepFeatures(const Dataset& data, const std::vector<std::string>& names) {
    FeatureSchema schema;
    std::vector<FeatureColumn> columns;
    for (const std::string& name : names) {
        const auto& all = data.features.schema().features;
        const auto it = std::find_if(all.begin(), all.end(),
                                     [&](const FeatureInfo& f) { return f.name == name; });
        if (it == all.end()) qFatal("no feature %s", name.c_str());
        const auto f = static_cast<std::size_t>(it - all.begin());
        schema.features.push_back(*it);
        FeatureColumn c;
        const auto values = data.features.values(f);
        const auto codes = data.features.codes(f);
        c.values.assign(values.begin(), values.end());
        c.codes.assign(codes.begin(), codes.end());
        columns.push_back(std::move(c));
    }
    Dataset out = data;
    out.features = FeatureMatrix(schema, std::move(columns), data.rows());
    return out;
}

Dataset datasetNamed(const QString& name) {
    if (name == "iris") return sharedDataset("iris.arff", "class");
    if (name == "iris petals")
        return keepFeatures(sharedDataset("iris.arff", "class"), {"petallength", "petalwidth"});
    if (name == "iris 3")
        return keepFeatures(sharedDataset("iris.arff", "class"),
                            {"sepallength", "petallength", "petalwidth"});
    if (name == "wine") return sharedDataset("wine.csv", "cultivar", TaskKind::Classification);
    if (name == "diabetes_regression")
        return sharedDataset("diabetes_regression.csv", "progression", TaskKind::Regression);
    if (name == "diabetes_regression 2")
        return keepFeatures(
            sharedDataset("diabetes_regression.csv", "progression", TaskKind::Regression),
            {"bmi", "s5"});
    if (name == "diabetes_regression 4")
        return keepFeatures(
            sharedDataset("diabetes_regression.csv", "progression", TaskKind::Regression),
            {"bmi", "bp", "s3", "s5"});
    if (name == "credit-g 4")
        return keepFeatures(sharedDataset("credit-g.arff", "class"),
                            {"checking_status", "duration", "purpose", "credit_amount"});
    qFatal("unknown dataset");
}

TrainedModel trainedOn(const Dataset& data, const std::string& learner, const std::string& params) {
    TrainedModel m;
    m.learner = learner;
    m.params = ParamValues::resolve(learnerNamed(learner).params(), paramMap(params));
    m.task = data.task;
    m.target = data.target;
    m.classes = data.classes;
    m.schema = data.features.schema();
    FitOptions options;
    options.seed = 3;
    options.threads = 2;
    m.model = learnerNamed(learner).fit(data, m.params, options, {});
    return m;
}

std::vector<std::size_t> range(std::size_t begin, std::size_t end) {
    std::vector<std::size_t> out(end - begin);
    std::iota(out.begin(), out.end(), begin);
    return out;
}

// The rows `background` with row `row` of `x`'s values for the features in `known` (a bitset):
// the inputs of the interventional value function v(known).
FeatureMatrix mixedWith(const FeatureMatrix& x, std::size_t row, const FeatureMatrix& background,
                        std::uint32_t known) {
    std::vector<FeatureColumn> columns(x.featureCount());
    for (std::size_t f = 0; f < x.featureCount(); ++f) {
        const bool fromRow = (known >> f) & 1u;
        for (std::size_t b = 0; b < background.rows(); ++b) {
            if (x.isCategorical(f))
                columns[f].codes.push_back(fromRow ? x.codes(f)[row] : background.codes(f)[b]);
            else
                columns[f].values.push_back(fromRow ? x.values(f)[row] : background.values(f)[b]);
        }
    }
    return FeatureMatrix(x.schema(), std::move(columns), background.rows());
}

// Brute-force Shapley values (outputs x features) of v(S) = mean over the background rows of
// `outputs(matrix)` (rows x outputCount).
template <class Outputs>
std::vector<double> bruteForce(const FeatureMatrix& x, std::size_t row,
                               const FeatureMatrix& background, std::size_t outputCount,
                               Outputs outputs) {
    const std::size_t m = x.featureCount();
    std::vector<std::vector<double>> v(std::size_t{1} << m);
    for (std::uint32_t s = 0; s < v.size(); ++s) {
        const std::vector<double> out = outputs(mixedWith(x, row, background, s));
        v[s].assign(outputCount, 0.0);
        for (std::size_t b = 0; b < background.rows(); ++b)
            for (std::size_t o = 0; o < outputCount; ++o) v[s][o] += out[b * outputCount + o];
        for (double& value : v[s]) value /= static_cast<double>(background.rows());
    }
    std::vector<double> factorial(m + 1, 1.0);
    for (std::size_t i = 1; i <= m; ++i) factorial[i] = factorial[i - 1] * static_cast<double>(i);
    std::vector<double> phi(outputCount * m, 0.0);
    for (std::size_t i = 0; i < m; ++i)
        for (std::uint32_t s = 0; s < v.size(); ++s) {
            if ((s >> i) & 1u) continue;
            const auto size = static_cast<std::size_t>(std::popcount(s));
            const double w = factorial[size] * factorial[m - size - 1] / factorial[m];
            for (std::size_t o = 0; o < outputCount; ++o)
                phi[o * m + i] += w * (v[s | (1u << i)][o] - v[s][o]);
        }
    return phi;
}

std::vector<double> modelOutputs(const Model& model, TaskKind task, const FeatureMatrix& x) {
    Predictions p = model.predict(x, {});
    return task == TaskKind::Classification ? p.probabilities : p.values;
}

void verifyAddsUp(const ShapValues& shap, double tolerance) {
    for (std::size_t r = 0; r < shap.rows; ++r)
        for (std::size_t o = 0; o < shap.outputs; ++o) {
            double sum = shap.base[o];
            for (std::size_t f = 0; f < shap.features; ++f) sum += shap.at(r, o, f);
            QVERIFY2(std::fabs(sum - shap.prediction[r * shap.outputs + o]) < tolerance,
                     qPrintable(QString("row %1 output %2: %3 vs %4")
                                    .arg(r)
                                    .arg(o)
                                    .arg(sum, 0, 'g', 17)
                                    .arg(shap.prediction[r * shap.outputs + o], 0, 'g', 17)));
        }
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

}  // namespace

class TestShap : public QObject {
    Q_OBJECT

  private slots:
    void linearMatchesBruteForce_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("params");
        QTest::newRow("logistic, two classes, one-hot") << "credit-g 4"
                                                        << "logistic_regression"
                                                        << "";
        QTest::newRow("logistic, three classes") << "iris"
                                                 << "logistic_regression"
                                                 << "";
        QTest::newRow("logistic, no intercept") << "credit-g 4"
                                                << "logistic_regression"
                                                << "fit_intercept=false";
        QTest::newRow("linear regression") << "diabetes_regression"
                                           << "linear_regression"
                                           << "";
    }
    void linearMatchesBruteForce() {
        QFETCH(QString, dataset);
        QFETCH(QString, learner);
        QFETCH(QString, params);
        const Dataset data = datasetNamed(dataset);
        const TrainedModel m = trainedOn(data, learner.toStdString(), params.toStdString());
        const auto& linear = dynamic_cast<const LinearModel&>(*m.model);
        const FeatureMatrix background = data.features.subset(range(100, 130));

        // Rows to explain, with a missing numeric cell and a missing category added.
        FeatureMatrix x = data.features.subset(range(0, 6));
        {
            std::vector<FeatureColumn> columns(x.featureCount());
            for (std::size_t f = 0; f < x.featureCount(); ++f) {
                columns[f].values.assign(x.values(f).begin(), x.values(f).end());
                columns[f].codes.assign(x.codes(f).begin(), x.codes(f).end());
                if (x.isCategorical(f))
                    columns[f].codes[f % 6] = -1;
                else
                    columns[f].values[(f + 3) % 6] = std::numeric_limits<double>::quiet_NaN();
            }
            x = FeatureMatrix(x.schema(), std::move(columns), x.rows());
        }
        const std::vector<std::size_t> rows = range(0, x.rows());
        const ShapValues shap = explainShap(m, x, rows, background, {}, {});
        QCOMPARE(shap.method, std::string("linear"));
        QCOMPARE(shap.output,
                 std::string(data.task == TaskKind::Regression ? "value" : "log-odds"));
        QCOMPARE(shap.features, x.featureCount());
        verifyAddsUp(shap, 1e-9);

        const std::size_t scores = linear.scoreCount();
        const std::vector<double> decision = linear.decisionScores(x, {});
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const std::vector<double> phi = bruteForce(
                x, r, background, scores,
                [&](const FeatureMatrix& mixed) { return linear.decisionScores(mixed, {}); });
            for (std::size_t s = 0; s < scores; ++s) {
                // Two classes: the model's one score is class 1's log-odds (output 1).
                const std::size_t o = scores == 1 && shap.outputs == 2 ? 1 : s;
                QVERIFY(std::fabs(shap.prediction[r * shap.outputs + o] -
                                  decision[r * scores + s]) < 1e-12);
                for (std::size_t f = 0; f < x.featureCount(); ++f) {
                    QVERIFY2(std::fabs(shap.at(r, o, f) - phi[s * x.featureCount() + f]) < 1e-9,
                             qPrintable(QString("row %1 score %2 feature %3: %4 vs %5")
                                            .arg(r)
                                            .arg(s)
                                            .arg(f)
                                            .arg(shap.at(r, o, f))
                                            .arg(phi[s * x.featureCount() + f])));
                    if (shap.outputs == 2 && scores == 1)
                        QCOMPARE(shap.at(r, 0, f), -shap.at(r, 1, f));
                }
            }
        }
    }

    void samplingExactForTwoFeatures_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("params");
        QTest::newRow("knn") << "iris petals"
                             << "knn"
                             << "";
        QTest::newRow("naive bayes") << "iris petals"
                                     << "naive_bayes"
                                     << "";
        QTest::newRow("mlp") << "iris petals"
                             << "mlp"
                             << "hidden_layers=8 epochs=40";
        QTest::newRow("knn regression") << "diabetes_regression 2"
                                        << "knn"
                                        << "";
        QTest::newRow("mlp regression") << "diabetes_regression 2"
                                        << "mlp"
                                        << "hidden_layers=8 epochs=40";
    }
    void samplingExactForTwoFeatures() {
        // With two features a permutation and its reverse are all the permutations, so every
        // antithetic pair gives the exact Shapley values for its background row.
        QFETCH(QString, dataset);
        QFETCH(QString, learner);
        QFETCH(QString, params);
        const Dataset data = datasetNamed(dataset);
        const TrainedModel m = trainedOn(data, learner.toStdString(), params.toStdString());
        const FeatureMatrix background = data.features.subset(range(40, 52));
        const std::vector<std::size_t> rows = {0, 60, 120, 3};
        ShapOptions options;
        options.samples = 1;
        options.seed = 5;
        const ShapValues shap = explainShap(m, data.features, rows, background, options, {});
        QCOMPARE(shap.method, std::string("sampling"));
        QCOMPARE(shap.output,
                 std::string(data.task == TaskKind::Regression ? "value" : "probability"));
        verifyAddsUp(shap, 1e-9);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::vector<double> phi = bruteForce(
                data.features, rows[i], background, shap.outputs,
                [&](const FeatureMatrix& mixed) { return modelOutputs(*m.model, m.task, mixed); });
            for (std::size_t o = 0; o < shap.outputs; ++o)
                for (std::size_t f = 0; f < 2; ++f)
                    QVERIFY(std::fabs(shap.at(i, o, f) - phi[o * 2 + f]) < 1e-9);
        }
    }

    void samplingConverges_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("params");
        QTest::newRow("knn, 3 features") << "iris 3"
                                         << "knn"
                                         << "";
        QTest::newRow("naive bayes, 4 features") << "iris"
                                                 << "naive_bayes"
                                                 << "";
        QTest::newRow("mlp, 4 features") << "iris"
                                         << "mlp"
                                         << "hidden_layers=8 epochs=40";
        QTest::newRow("mlp regression, 4 features") << "diabetes_regression 4"
                                                    << "mlp"
                                                    << "hidden_layers=8 epochs=40";
    }
    void samplingConverges() {
        QFETCH(QString, dataset);
        QFETCH(QString, learner);
        QFETCH(QString, params);
        const Dataset data = datasetNamed(dataset);
        const TrainedModel m = trainedOn(data, learner.toStdString(), params.toStdString());
        const FeatureMatrix background = data.features.subset(range(30, 38));
        const std::vector<std::size_t> rows = {0, 70, 140};
        std::vector<std::vector<double>> exact;
        // Every permutation's marginal contribution is a difference of two outputs the brute
        // force also evaluates: it lies within their range.
        double low = std::numeric_limits<double>::infinity(), high = -low;
        const std::size_t outputs = m.task == TaskKind::Classification ? data.classCount() : 1;
        for (std::size_t row : rows)
            exact.push_back(bruteForce(
                data.features, row, background, outputs, [&](const FeatureMatrix& mixed) {
                    const std::vector<double> f = modelOutputs(*m.model, m.task, mixed);
                    for (double v : f) {
                        low = std::min(low, v);
                        high = std::max(high, v);
                    }
                    return f;
                }));
        const double spread = high - low;
        double previous = std::numeric_limits<double>::infinity();
        for (std::size_t samples : {16u, 256u, 4096u}) {
            ShapOptions options;
            options.samples = samples;
            options.seed = 9;
            options.threads = 2;
            const ShapValues shap = explainShap(m, data.features, rows, background, options, {});
            verifyAddsUp(shap, 1e-9);
            double worst = 0.0, mean = 0.0;
            for (std::size_t i = 0; i < rows.size(); ++i)
                for (std::size_t o = 0; o < shap.outputs; ++o)
                    for (std::size_t f = 0; f < shap.features; ++f) {
                        const double e =
                            std::fabs(shap.at(i, o, f) - exact[i][o * shap.features + f]);
                        worst = std::max(worst, e);
                        mean += e;
                    }
            mean /= static_cast<double>(rows.size() * shap.outputs * shap.features);
            // An average of `samples` or more values within an interval `spread` wide has a
            // standard error below spread / (2 sqrt(samples)): allow 8 of them.
            const double tolerance = 4 * spread / std::sqrt(static_cast<double>(samples));
            QVERIFY2(
                worst <= tolerance,
                qPrintable(
                    QString("%1 samples: error %2 > %3").arg(samples).arg(worst).arg(tolerance)));
            QVERIFY2(mean < previous, qPrintable(QString("%1 samples: mean error %2, before %3")
                                                     .arg(samples)
                                                     .arg(mean)
                                                     .arg(previous)));
            previous = mean;
        }
    }

    void samplingAddsUpOnWideData_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("params");
        QTest::newRow("knn wine") << "wine"
                                  << "knn"
                                  << "";
        QTest::newRow("naive bayes wine") << "wine"
                                          << "naive_bayes"
                                          << "";
        QTest::newRow("naive bayes credit-g (categorical)") << "credit-g 4"
                                                            << "naive_bayes"
                                                            << "";
        QTest::newRow("mlp wine") << "wine"
                                  << "mlp"
                                  << "hidden_layers=8 epochs=20";
        QTest::newRow("knn diabetes_regression") << "diabetes_regression"
                                                 << "knn"
                                                 << "";
    }
    void samplingAddsUpOnWideData() {
        QFETCH(QString, dataset);
        QFETCH(QString, learner);
        QFETCH(QString, params);
        const Dataset data = datasetNamed(dataset);
        const TrainedModel m = trainedOn(data, learner.toStdString(), params.toStdString());
        ShapOptions options;
        options.samples = 64;
        options.backgroundRows = 20;
        options.threads = 2;
        const std::vector<std::size_t> rows = {1, 50, 100};
        const ShapValues shap = explainShap(m, data.features, rows, data.features, options, {});
        verifyAddsUp(shap, 1e-9);
        // The prediction is the model's.
        const std::vector<double> own = modelOutputs(*m.model, m.task, data.features.subset(rows));
        QVERIFY(sameBits(shap.prediction, own));
    }

    void samplingIsSeededAndThreadIndependent() {
        const Dataset data = datasetNamed("wine");
        const TrainedModel m = trainedOn(data, "knn", "");
        const std::vector<std::size_t> rows = {0, 10, 20, 30, 40, 50, 60};
        ShapOptions options;
        options.samples = 32;
        options.backgroundRows = 25;
        options.seed = 11;
        options.threads = 1;
        const ShapValues one = explainShap(m, data.features, rows, data.features, options, {});
        options.threads = 3;
        const ShapValues three = explainShap(m, data.features, rows, data.features, options, {});
        const ShapValues again = explainShap(m, data.features, rows, data.features, options, {});
        QVERIFY(sameBits(one.values, three.values));
        QVERIFY(sameBits(one.base, three.base));
        QVERIFY(sameBits(three.values, again.values));
        // A row's values do not depend on which other rows are explained with it.
        const std::vector<std::size_t> alone = {30};
        const ShapValues single = explainShap(m, data.features, alone, data.features, options, {});
        for (std::size_t o = 0; o < single.outputs; ++o)
            for (std::size_t f = 0; f < single.features; ++f)
                QCOMPARE(single.at(0, o, f), one.at(3, o, f));
        options.seed = 12;
        const ShapValues other = explainShap(m, data.features, rows, data.features, options, {});
        QVERIFY(!sameBits(one.values, other.values));
    }

    void backgroundSample() {
        const Dataset data = datasetNamed("iris");
        const TrainedModel m = trainedOn(data, "naive_bayes", "");
        const std::vector<std::size_t> rows = {7};
        // Enough room: every background row is used, so the base is their mean prediction.
        ShapOptions options;
        options.backgroundRows = 1000;
        options.samples = 8;
        const ShapValues all = explainShap(m, data.features, rows, data.features, options, {});
        const std::vector<double> f = modelOutputs(*m.model, m.task, data.features);
        for (std::size_t c = 0; c < 3; ++c) {
            double mean = 0;
            for (std::size_t r = 0; r < data.rows(); ++r) mean += f[r * 3 + c];
            QVERIFY(std::fabs(all.base[c] - mean / 150.0) < 1e-12);
        }
        // A sample of 10 rows: some other base (iris' classes are balanced, so the full mean
        // is 1/3 each), seeded.
        options.backgroundRows = 10;
        const ShapValues few = explainShap(m, data.features, rows, data.features, options, {});
        const ShapValues fewAgain = explainShap(m, data.features, rows, data.features, options, {});
        QVERIFY(sameBits(few.base, fewAgain.base));
        QVERIFY(!sameBits(few.base, all.base));
        verifyAddsUp(few, 1e-9);
    }

    void errorsAndCancel() {
        const Dataset data = datasetNamed("iris");
        const TrainedModel knn = trainedOn(data, "knn", "");
        const std::vector<std::size_t> rows = {0, 1, 2};
        const FeatureMatrix empty = data.features.subset(std::vector<std::size_t>{});
        QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                                 explainShap(knn, data.features, rows, empty, {}, {}));
        ShapOptions zero;
        zero.samples = 0;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                                 explainShap(knn, data.features, rows, data.features, zero, {}));
        const Dataset other = datasetNamed("iris petals");
        QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                                 explainShap(knn, other.features, rows, other.features, {}, {}));
        CancelToken token;
        token.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, explainShap(knn, data.features, rows, data.features, {},
                                                        TaskContext({}, &token)));
    }

    void progressIsReported() {
        const Dataset data = datasetNamed("iris");
        const TrainedModel m = trainedOn(data, "naive_bayes", "");
        const std::vector<std::size_t> rows = range(0, 20);
        double last = -1;
        bool increasing = true;
        ShapOptions options;
        options.samples = 16;
        options.threads = 2;
        explainShap(m, data.features, rows, data.features, options,
                    TaskContext(
                        [&](double fraction, std::string_view) {
                            increasing = increasing && fraction >= last;
                            last = fraction;
                        },
                        nullptr));
        QVERIFY(increasing);
        QCOMPARE(last, 1.0);
    }
};

QTEST_APPLESS_MAIN(TestShap)
#include "test_shap.moc"
