// TreeSHAP: exact agreement with brute-force Shapley values (every feature subset, the
// path-dependent conditional expectation with cover shares as TreeSHAP defines it) on
// hand-built trees (numeric, categorical and missing splits, a feature repeated on a path,
// uneven and zero covers, several values per leaf) and on trees fitted on the shared datasets;
// additivity of every tree learner (multiclass forests and boosting, regression) against the
// models' own predictions; thread independence.
#include <QtTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>
#include <string>
#include <vector>

#include "engine/dataset.h"
#include "engine/errors.h"
#include "engine/flat_tree.h"
#include "engine/learner.h"
#include "engine/model_file.h"
#include "engine/shap.h"
#include "engine/tree_shap.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;
using glassbox::test::paramMap;
using glassbox::test::sharedDataset;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// --- The brute force, written from FlatTree's documented rules, not from tree_shap.cpp. ---

bool followsLeft(const FlatTree& t, std::size_t node, const FeatureMatrix& x, std::size_t row) {
    const auto f = static_cast<std::size_t>(t.feature[node]);
    if (x.isCategorical(f)) {
        const std::int32_t code = x.codes(f)[row];
        if (code < 0) return t.missingGoesLeft[node] != 0;
        return t.categoryGoesLeft(node, code);
    }
    const double v = x.values(f)[row];
    if (std::isnan(v)) return t.missingGoesLeft[node] != 0;
    return v <= t.threshold[node];
}

// E[f(x) | x_S] the path-dependent way: features in S (bit set in `known`) follow the row, the
// others take both branches weighted by the children's share of their summed samples.
double conditional(const FlatTree& t, std::size_t node, const FeatureMatrix& x, std::size_t row,
                   const std::vector<int>& bitOf, std::uint32_t known, std::size_t value) {
    if (t.isLeaf(node)) return t.valueOf(node)[value];
    const auto l = static_cast<std::size_t>(t.left[node]);
    const auto r = static_cast<std::size_t>(t.right[node]);
    const int bit = bitOf[static_cast<std::size_t>(t.feature[node])];
    if ((known >> bit) & 1u)
        return conditional(t, followsLeft(t, node, x, row) ? l : r, x, row, bitOf, known, value);
    const double sl = t.samples[l], sr = t.samples[r];
    const double wl = sl + sr > 0 ? sl / (sl + sr) : 0.5;
    double out = 0.0;
    if (wl > 0) out += wl * conditional(t, l, x, row, bitOf, known, value);
    if (wl < 1) out += (1 - wl) * conditional(t, r, x, row, bitOf, known, value);
    return out;
}

struct BruteForce {
    std::vector<double> phi;  // values x features
    std::vector<double> expected;
};

BruteForce bruteForceShap(const FlatTree& t, const FeatureMatrix& x, std::size_t row) {
    const std::size_t features = x.featureCount();
    std::vector<std::size_t> used;
    for (std::int32_t f : t.feature)
        if (f >= 0 &&
            std::find(used.begin(), used.end(), static_cast<std::size_t>(f)) == used.end())
            used.push_back(static_cast<std::size_t>(f));
    std::vector<int> bitOf(features, -1);
    for (std::size_t i = 0; i < used.size(); ++i) bitOf[used[i]] = static_cast<int>(i);
    const std::size_t m = used.size();
    std::vector<double> factorial(m + 1, 1.0);
    for (std::size_t i = 1; i <= m; ++i) factorial[i] = factorial[i - 1] * static_cast<double>(i);

    BruteForce out;
    out.phi.assign(t.valueSize * features, 0.0);
    for (std::size_t value = 0; value < t.valueSize; ++value) {
        std::vector<double> v(std::size_t{1} << m);
        for (std::uint32_t s = 0; s < v.size(); ++s)
            v[s] = conditional(t, 0, x, row, bitOf, s, value);
        out.expected.push_back(v[0]);
        for (std::size_t i = 0; i < m; ++i)
            for (std::uint32_t s = 0; s < v.size(); ++s) {
                if ((s >> i) & 1u) continue;
                const auto size = static_cast<std::size_t>(std::popcount(s));
                const double weight = factorial[size] * factorial[m - size - 1] / factorial[m];
                out.phi[value * features + used[i]] += weight * (v[s | (1u << i)] - v[s]);
            }
    }
    return out;
}

// TreeSHAP of one tree for one row: values x features.
std::vector<double> treeShapOf(const FlatTree& t, const FeatureMatrix& x, std::size_t row) {
    std::vector<std::uint8_t> categorical(x.featureCount());
    for (std::size_t f = 0; f < x.featureCount(); ++f) categorical[f] = x.isCategorical(f);
    const ShapTree tree(t, categorical);
    TreeShapWorkspace workspace;
    workspace.reserve(tree.maxDepth(), x.featureCount());
    std::vector<double> rowValues(x.featureCount());
    gatherShapRow(x, row, rowValues.data());
    std::vector<double> phi(t.valueSize * x.featureCount(), 0.0);
    treeShapAdd(tree, rowValues.data(), x.featureCount(), 0, phi.data(), workspace);
    return phi;
}

// --- Hand-built trees over four features: a (numeric), b (categorical, 4 levels), c, d. ---

FeatureMatrix handRows() {
    FeatureSchema schema;
    schema.features = {{"a", ColumnType::Numeric, {}},
                       {"b", ColumnType::Categorical, {"p", "q", "r", "s"}},
                       {"c", ColumnType::Numeric, {}},
                       {"d", ColumnType::Numeric, {}}};
    std::vector<FeatureColumn> columns(4);
    columns[0].values = {1.0, 3.0, 6.0, 9.0, kNaN, 1.5, 7.0, 5.0, 2.0, 10.0};
    columns[1].codes = {0, 1, 2, 3, 0, -1, 1, 2, -1, 0};
    columns[2].values = {0.0, 1.0, 0.2, 2.0, kNaN, 0.5, kNaN, 3.0, 0.1, 0.6};
    columns[3].values = {0.5, 2.0, 1.0, kNaN, 3.0, 0.0, 1.5, kNaN, 1.0, 0.9};
    return FeatureMatrix(schema, std::move(columns), 10);
}

// Leaf values: `width` numbers derived from `seed` (class-fraction-like when width > 1).
std::vector<double> leafValue(std::size_t width, double seed) {
    if (width == 1) return {seed};
    std::vector<double> v(width);
    double total = 0;
    for (std::size_t k = 0; k < width; ++k)
        total += v[k] = 1.0 + std::fabs(std::sin(seed * (k + 1)));
    for (double& x : v) x /= total;
    return v;
}

// a <= 5 (missing left)
//   b in {p, r} (missing right)
//     a <= 2 (missing right): leaf 1 | leaf 3
//     leaf -2
//   c <= 0.5 (missing left)
//     a <= 8 (missing right)
//       d <= 1 (missing left): leaf 5 | leaf -1
//       leaf 0.5
//     b in {q} (missing left): leaf 2 | leaf 4
// `covers` are the samples of nodes 1..14 (node order of creation); the root has 100.
FlatTree handTree(std::size_t width, const std::vector<double>& covers) {
    FlatTree t;
    t.valueSize = width;
    auto node = [&](double samples, double seed) {
        return t.addNode(samples, 0.0, leafValue(width, seed));
    };
    const auto root = node(100, 0.1);
    const auto n1 = node(covers[0], 0.2), n2 = node(covers[1], 0.3);
    t.setNumericSplit(root, 0, 5.0, true, 1.0, n1, n2);
    const auto n3 = node(covers[2], 0.4), n4 = node(covers[3], -2.0);
    const std::int32_t pr[] = {0, 2};
    t.setCategoricalSplit(n1, 1, pr, false, 1.0, n3, n4);
    const auto n5 = node(covers[4], 0.5), n6 = node(covers[5], 0.6);
    t.setNumericSplit(n2, 2, 0.5, true, 1.0, n5, n6);
    const auto n7 = node(covers[6], 1.0), n8 = node(covers[7], 3.0);
    t.setNumericSplit(n3, 0, 2.0, false, 1.0, n7, n8);
    const auto n9 = node(covers[8], 0.7), n10 = node(covers[9], 0.5);
    t.setNumericSplit(n5, 0, 8.0, false, 1.0, n9, n10);
    const auto n11 = node(covers[10], 5.0), n12 = node(covers[11], -1.0);
    t.setNumericSplit(n9, 3, 1.0, true, 1.0, n11, n12);
    const auto n13 = node(covers[12], 2.0), n14 = node(covers[13], 4.0);
    const std::int32_t q[] = {1};
    t.setCategoricalSplit(n6, 1, q, true, 1.0, n13, n14);
    return t;
}

const std::vector<double> kConsistentCovers = {60, 40, 35, 25, 30, 10, 20, 15, 10, 20, 4, 6, 7, 3};
// Children that do not add up to their parent (weighted samples), and a child with no cover.
const std::vector<double> kUnevenCovers = {55, 45, 12, 30, 0, 9, 2.5, 8, 7, 1, 3, 0, 1, 4};

// A chain that splits on `a` three times and on `c` between them.
FlatTree chainTree() {
    FlatTree t;
    const auto root = t.addNode(50, 0, std::vector<double>{0.0});
    const auto l1 = t.addNode(30, 0, std::vector<double>{0.0});
    const auto r1 = t.addNode(20, 0, std::vector<double>{7.0});
    t.setNumericSplit(root, 0, 6.5, false, 1, l1, r1);
    const auto l2 = t.addNode(12, 0, std::vector<double>{-3.0});
    const auto r2 = t.addNode(18, 0, std::vector<double>{0.0});
    t.setNumericSplit(l1, 2, 0.4, false, 1, l2, r2);
    const auto l3 = t.addNode(8, 0, std::vector<double>{0.0});
    const auto r3 = t.addNode(10, 0, std::vector<double>{2.5});
    t.setNumericSplit(r2, 0, 2.5, true, 1, l3, r3);
    const auto l4 = t.addNode(5, 0, std::vector<double>{1.25});
    const auto r4 = t.addNode(3, 0, std::vector<double>{-4.0});
    t.setNumericSplit(l3, 0, 1.2, true, 1, l4, r4);
    return t;
}

const FlatTree& handTreeNamed(const QString& name) {
    static const std::map<QString, FlatTree> trees = {
        {"consistent", handTree(1, kConsistentCovers)},
        {"uneven covers", handTree(1, kUnevenCovers)},
        {"three values", handTree(3, kConsistentCovers)},
        {"three values, uneven", handTree(3, kUnevenCovers)},
        {"repeated feature chain", chainTree()},
    };
    return trees.at(name);
}

void compareWithBruteForce(const FlatTree& t, const FeatureMatrix& x, std::size_t row) {
    const BruteForce expected = bruteForceShap(t, x, row);
    const std::vector<double> phi = treeShapOf(t, x, row);
    QCOMPARE(phi.size(), expected.phi.size());
    for (std::size_t i = 0; i < phi.size(); ++i)
        if (std::fabs(phi[i] - expected.phi[i]) > 1e-9)
            QFAIL(qPrintable(QString("row %1, value %2, feature %3: TreeSHAP %4, brute force %5")
                                 .arg(row)
                                 .arg(i / x.featureCount())
                                 .arg(i % x.featureCount())
                                 .arg(phi[i], 0, 'g', 17)
                                 .arg(expected.phi[i], 0, 'g', 17)));
    std::vector<std::uint8_t> categorical(x.featureCount());
    for (std::size_t f = 0; f < x.featureCount(); ++f) categorical[f] = x.isCategorical(f);
    const ShapTree prepared(t, categorical);
    for (std::size_t j = 0; j < t.valueSize; ++j) {
        QVERIFY(std::fabs(prepared.expectedValue()[j] - expected.expected[j]) < 1e-12);
        // Efficiency: the values add up to the row's leaf minus the expectation.
        double sum = expected.expected[j];
        for (std::size_t f = 0; f < x.featureCount(); ++f) sum += phi[j * x.featureCount() + f];
        QVERIFY(std::fabs(sum - t.valueOf(t.leafFor(x, row))[j]) < 1e-9);
    }
}

// --- Models ---

TrainedModel trainedOn(const Dataset& data, const std::string& learner, const std::string& params,
                       unsigned threads = 2) {
    TrainedModel m;
    m.learner = learner;
    m.params = ParamValues::resolve(learnerNamed(learner).params(), paramMap(params));
    m.task = data.task;
    m.target = data.target;
    m.classes = data.classes;
    m.schema = data.features.schema();
    m.seed = 7;
    FitOptions options;
    options.seed = 7;
    options.threads = threads;
    m.model = learnerNamed(learner).fit(data, m.params, options, {});
    return m;
}

Dataset datasetNamed(const QString& name) {
    if (name == "iris") return sharedDataset("iris.arff", "class");
    if (name == "wine") return sharedDataset("wine.csv", "cultivar", TaskKind::Classification);
    if (name == "breast_cancer")
        return sharedDataset("breast_cancer.csv", "diagnosis", TaskKind::Classification);
    if (name == "diabetes_regression")
        return sharedDataset("diabetes_regression.csv", "progression", TaskKind::Regression);
    if (name == "credit-g") return sharedDataset("credit-g.arff", "class");
    if (name == "soybean") return sharedDataset("soybean.arff", "class");
    if (name == "weather") return sharedDataset("weather.nominal.arff", "play");
    if (name == "diabetes") return sharedDataset("diabetes.arff", "class");
    qFatal("unknown dataset");
}

std::vector<std::size_t> firstRows(std::size_t count, std::size_t rows) {
    std::vector<std::size_t> out(std::min(count, rows));
    std::iota(out.begin(), out.end(), 0);
    return out;
}

}  // namespace

class TestTreeShap : public QObject {
    Q_OBJECT

  private slots:
    void handBuiltTreesMatchBruteForce_data() {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<int>("row");
        for (const char* tree : {"consistent", "uneven covers", "three values",
                                 "three values, uneven", "repeated feature chain"})
            for (int row = 0; row < 10; ++row)
                QTest::newRow(qPrintable(QString("%1, row %2").arg(tree).arg(row))) << tree << row;
    }
    void handBuiltTreesMatchBruteForce() {
        QFETCH(QString, tree);
        QFETCH(int, row);
        compareWithBruteForce(handTreeNamed(tree), handRows(), static_cast<std::size_t>(row));
    }

    void handWorkedStump() {
        // One split on c at 0.5, left 30 rows value 1, right 10 rows value 5: the expectation
        // is (30 * 1 + 10 * 5) / 40 = 2; a row going right gets 5 - 2 = 3 on c.
        FlatTree t;
        const auto root = t.addNode(40, 0, std::vector<double>{0.0});
        const auto l = t.addNode(30, 0, std::vector<double>{1.0});
        const auto r = t.addNode(10, 0, std::vector<double>{5.0});
        t.setNumericSplit(root, 2, 0.5, true, 1, l, r);
        const FeatureMatrix x = handRows();
        const std::vector<double> phi = treeShapOf(t, x, 1);  // c = 1.0
        QCOMPARE(phi, (std::vector<double>{0.0, 0.0, 3.0, 0.0}));
        const std::vector<double> missing = treeShapOf(t, x, 4);  // c missing: goes left
        QCOMPARE(missing, (std::vector<double>{0.0, 0.0, -1.0, 0.0}));
        // Two features with the AND-like tree of Lundberg et al.'s example: a <= 5 then d <= 1,
        // leaf 1 only when both hold, every node splitting its cover evenly. E = 1/4; for a row
        // with both true each feature gets (1 - 1/4) / 2 = 3/8.
        FlatTree both;
        const auto b0 = both.addNode(4, 0, std::vector<double>{0.0});
        const auto b1 = both.addNode(2, 0, std::vector<double>{0.0});
        const auto b2 = both.addNode(2, 0, std::vector<double>{0.0});
        both.setNumericSplit(b0, 0, 5.0, false, 1, b1, b2);
        const auto b3 = both.addNode(1, 0, std::vector<double>{1.0});
        const auto b4 = both.addNode(1, 0, std::vector<double>{0.0});
        both.setNumericSplit(b1, 3, 1.0, false, 1, b3, b4);
        const std::vector<double> andPhi = treeShapOf(both, x, 0);  // a = 1, d = 0.5
        QVERIFY(std::fabs(andPhi[0] - 0.375) < 1e-15 && std::fabs(andPhi[3] - 0.375) < 1e-15);
    }

    void fittedTreesMatchBruteForce_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("params");
        QTest::newRow("iris tree") << "iris"
                                   << "decision_tree"
                                   << "max_depth=4";
        QTest::newRow("weather tree (categorical)") << "weather"
                                                    << "decision_tree"
                                                    << "";
        QTest::newRow("soybean tree (categorical, missing)") << "soybean"
                                                             << "decision_tree"
                                                             << "max_depth=3";
        QTest::newRow("diabetes forest") << "diabetes"
                                         << "random_forest"
                                         << "n_estimators=3 max_depth=3";
        QTest::newRow("credit-g boosting (mixed)") << "credit-g"
                                                   << "gradient_boosting"
                                                   << "n_estimators=3 max_leaves=8";
        QTest::newRow("soybean boosting (19 classes)") << "soybean"
                                                       << "gradient_boosting"
                                                       << "n_estimators=1 max_leaves=6";
        QTest::newRow("diabetes_regression tree") << "diabetes_regression"
                                                  << "decision_tree"
                                                  << "max_depth=4";
    }
    void fittedTreesMatchBruteForce() {
        QFETCH(QString, dataset);
        QFETCH(QString, learner);
        QFETCH(QString, params);
        const Dataset data = datasetNamed(dataset);
        const TrainedModel m = trainedOn(data, learner.toStdString(), params.toStdString());
        const auto trees = m.model->trees();
        QVERIFY(!trees.empty());
        for (std::size_t t = 0; t < std::min<std::size_t>(trees.size(), 6); ++t)
            for (std::size_t row = 0; row < data.rows();
                 row += std::max<std::size_t>(1, data.rows() / 15))
                compareWithBruteForce(trees[t], data.features, row);
    }

    void modelsAddUp_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("params");
        QTest::newRow("tree iris") << "iris"
                                   << "decision_tree"
                                   << "";
        QTest::newRow("tree diabetes_regression") << "diabetes_regression"
                                                  << "decision_tree"
                                                  << "";
        QTest::newRow("forest iris") << "iris"
                                     << "random_forest"
                                     << "n_estimators=30";
        QTest::newRow("forest wine") << "wine"
                                     << "random_forest"
                                     << "n_estimators=30";
        QTest::newRow("forest soybean (missing)") << "soybean"
                                                  << "random_forest"
                                                  << "n_estimators=10";
        QTest::newRow("forest diabetes_regression") << "diabetes_regression"
                                                    << "random_forest"
                                                    << "n_estimators=20";
        QTest::newRow("boosting iris") << "iris"
                                       << "gradient_boosting"
                                       << "n_estimators=40";
        QTest::newRow("boosting wine") << "wine"
                                       << "gradient_boosting"
                                       << "n_estimators=40";
        QTest::newRow("boosting breast_cancer (binary)") << "breast_cancer"
                                                         << "gradient_boosting"
                                                         << "n_estimators=60";
        QTest::newRow("boosting credit-g (binary, categorical)") << "credit-g"
                                                                 << "gradient_boosting"
                                                                 << "n_estimators=40";
        QTest::newRow("boosting diabetes_regression") << "diabetes_regression"
                                                      << "gradient_boosting"
                                                      << "n_estimators=60";
    }
    void modelsAddUp() {
        QFETCH(QString, dataset);
        QFETCH(QString, learner);
        QFETCH(QString, params);
        const Dataset data = datasetNamed(dataset);
        const TrainedModel m = trainedOn(data, learner.toStdString(), params.toStdString());
        const std::vector<std::size_t> rows = firstRows(120, data.rows());
        ShapOptions options;
        options.threads = 2;
        const ShapValues shap = explainShap(m, data.features, rows, data.features, options, {});
        QCOMPARE(shap.method, std::string("tree"));
        QCOMPARE(shap.rows, rows.size());
        QCOMPARE(shap.features, data.features.featureCount());
        const bool classification = data.task == TaskKind::Classification;
        QCOMPARE(shap.outputs, classification ? data.classCount() : std::size_t{1});
        QCOMPARE(shap.output, std::string(!classification                  ? "value"
                                          : learner == "gradient_boosting" ? "log-odds"
                                                                           : "probability"));

        // base + contributions = the explained output, to 1e-6 ...
        for (std::size_t r = 0; r < shap.rows; ++r)
            for (std::size_t o = 0; o < shap.outputs; ++o) {
                double sum = shap.base[o];
                for (std::size_t f = 0; f < shap.features; ++f) sum += shap.at(r, o, f);
                QVERIFY2(std::fabs(sum - shap.prediction[r * shap.outputs + o]) < 1e-6,
                         qPrintable(QString("row %1 output %2").arg(r).arg(o)));
            }
        // ... and that output is the model's own prediction.
        const Predictions predicted = m.model->predict(data.features.subset(rows), {});
        for (std::size_t r = 0; r < shap.rows; ++r) {
            const double* out = shap.prediction.data() + r * shap.outputs;
            if (!classification) {
                QVERIFY(std::fabs(out[0] - predicted.values[r]) < 1e-9);
                continue;
            }
            std::vector<double> p(out, out + shap.outputs);
            if (shap.output == "log-odds" && shap.outputs == 2) {
                // Two classes: class 1's log-odds, and class 0's is its negative.
                p = {1 / (1 + std::exp(out[1])), 1 / (1 + std::exp(-out[1]))};
            } else if (shap.output == "log-odds") {
                const double top = *std::max_element(p.begin(), p.end());
                double total = 0;
                for (double& v : p) total += v = std::exp(v - top);
                for (double& v : p) v /= total;
            }
            for (std::size_t o = 0; o < shap.outputs; ++o)
                QVERIFY2(std::fabs(p[o] - predicted.probabilitiesOf(r)[o]) < 1e-9,
                         qPrintable(QString("row %1 class %2").arg(r).arg(o)));
        }
        if (shap.output == "log-odds" && shap.outputs == 2)
            for (std::size_t r = 0; r < shap.rows; ++r)
                for (std::size_t f = 0; f < shap.features; ++f)
                    QCOMPARE(shap.at(r, 0, f), -shap.at(r, 1, f));
    }

    void baseIsTheCoverWeightedMean() {
        // A decision tree's base value is the training mean of the target (every leaf's mean
        // weighted by its rows).
        const Dataset data = datasetNamed("diabetes_regression");
        const TrainedModel m = trainedOn(data, "decision_tree", "max_depth=5");
        const std::size_t row = 0;
        const ShapValues shap = explainShap(m, data.features, std::span<const std::size_t>(&row, 1),
                                            data.features, {}, {});
        const double mean = std::accumulate(data.targets.begin(), data.targets.end(), 0.0) /
                            static_cast<double>(data.rows());
        QVERIFY(std::fabs(shap.base[0] - mean) < 1e-9);
    }

    void sameValuesOnAnyThreadCount() {
        const Dataset data = datasetNamed("wine");
        const TrainedModel m = trainedOn(data, "gradient_boosting", "n_estimators=20");
        const std::vector<std::size_t> rows = firstRows(100, data.rows());
        ShapOptions one, three;
        one.threads = 1;
        three.threads = 3;
        const ShapValues a = explainShap(m, data.features, rows, data.features, one, {});
        const ShapValues b = explainShap(m, data.features, rows, data.features, three, {});
        QCOMPARE(a.values.size(), b.values.size());
        QVERIFY(std::memcmp(a.values.data(), b.values.data(), a.values.size() * sizeof(double)) ==
                0);
        QCOMPARE(a.prediction, b.prediction);
    }

    void rowsOutOfRangeAndCancel() {
        const Dataset data = datasetNamed("iris");
        const TrainedModel m = trainedOn(data, "decision_tree", "");
        const std::size_t bad = data.rows();
        QVERIFY_THROWS_EXCEPTION(
            InvalidArgument, explainShap(m, data.features, std::span<const std::size_t>(&bad, 1),
                                         data.features, {}, {}));
        CancelToken token;
        token.cancel();
        const std::vector<std::size_t> rows = firstRows(50, data.rows());
        QVERIFY_THROWS_EXCEPTION(Cancelled, explainShap(m, data.features, rows, data.features, {},
                                                        TaskContext({}, &token)));
    }

    void sortedContributionsLargestFirst() {
        ShapValues shap;
        shap.rows = 1;
        shap.outputs = 2;
        shap.features = 4;
        shap.values = {0.1, -0.5, 0.3, 0.0, 2.0, -1.0, 1.0, -3.0};
        const auto first = sortedContributions(shap, 0, 0);
        QCOMPARE(first.size(), std::size_t{4});
        QCOMPARE(first[0].feature, std::size_t{1});
        QCOMPARE(first[1].feature, std::size_t{2});
        QCOMPARE(first[2].feature, std::size_t{0});
        QCOMPARE(first[3].feature, std::size_t{3});
        const auto second = sortedContributions(shap, 0, 1);
        QCOMPARE(second[0].feature, std::size_t{3});
        QCOMPARE(second[0].value, -3.0);
        // Ties keep feature order.
        QCOMPARE(second[1].feature, std::size_t{0});
        QCOMPARE(second[2].feature, std::size_t{1});
    }
};

QTEST_APPLESS_MAIN(TestTreeShap)
#include "test_tree_shap.moc"
