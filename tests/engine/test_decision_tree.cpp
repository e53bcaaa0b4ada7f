// decision_tree: CART on feature bins. Hand-checkable trees (splits, impurities, categorical
// sets, missing directions, leaf sizes, pruning, class weights), save/load, damaged payloads,
// cancellation, parameter errors and regression on a real dataset.
#include <QtTest>

#include <cmath>
#include <cstring>

#include "engine/byte_io.h"
#include "engine/cart_builder.h"
#include "engine/cart_model.h"
#include "engine/dataset.h"
#include "engine/errors.h"
#include "engine/flat_tree.h"
#include "engine/random.h"
#include "engine/table_reader.h"
#include "engine/validation.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;

namespace {

using glassbox::test::saveBytes;
using glassbox::test::sharedDataset;

const double kNaN = std::numeric_limits<double>::quiet_NaN();

FeatureInfo numericFeature(const std::string& name) {
    FeatureInfo f;
    f.name = name;
    f.sourceType = ColumnType::Numeric;
    return f;
}

FeatureInfo categoricalFeature(const std::string& name, std::vector<std::string> levels) {
    FeatureInfo f;
    f.name = name;
    f.sourceType = ColumnType::Categorical;
    f.levels = std::move(levels);
    return f;
}

// A classification dataset of numeric columns (NaN = missing).
Dataset numericData(const std::vector<std::vector<double>>& columns,
                    const std::vector<std::int32_t>& labels, std::size_t classes = 2) {
    FeatureSchema schema;
    std::vector<FeatureColumn> cols;
    for (std::size_t f = 0; f < columns.size(); ++f) {
        schema.features.push_back(numericFeature("x" + std::to_string(f)));
        cols.push_back(FeatureColumn{columns[f], {}});
    }
    Dataset d;
    d.features = FeatureMatrix(schema, cols, columns.empty() ? labels.size() : columns[0].size());
    d.task = TaskKind::Classification;
    for (std::size_t c = 0; c < classes; ++c) d.classes.push_back(std::to_string(c));
    d.labels = labels;
    return d;
}

// One categorical feature with levels A, B, C, ... (code -1 = missing).
Dataset categoricalData(const std::vector<std::int32_t>& codes, std::size_t levels,
                        const std::vector<std::int32_t>& labels, std::size_t classes) {
    std::vector<std::string> names;
    for (std::size_t l = 0; l < levels; ++l) names.push_back(std::string(1, char('A' + l)));
    FeatureSchema schema;
    schema.features.push_back(categoricalFeature("c", names));
    Dataset d;
    d.features = FeatureMatrix(schema, {FeatureColumn{{}, codes}}, codes.size());
    d.task = TaskKind::Classification;
    for (std::size_t c = 0; c < classes; ++c) d.classes.push_back(std::to_string(c));
    d.labels = labels;
    return d;
}

// Noisy labelled rows with numeric, categorical and missing values.
Dataset mixedData(std::size_t rows, std::uint64_t seed) {
    Random random(seed);
    std::vector<double> a(rows), b(rows);
    std::vector<std::int32_t> c(rows), labels(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        a[i] = random.normal();
        b[i] = random.uniform() < 0.1 ? kNaN : random.uniform() * 10;
        c[i] = random.uniform() < 0.05 ? -1 : static_cast<std::int32_t>(random.index(6));
        const double score = a[i] + (std::isnan(b[i]) ? 1.0 : b[i] / 5 - 1) +
                             (c[i] == 1 || c[i] == 4 ? 1.0 : 0.0) + random.normal();
        labels[i] = score > 0.5 ? 1 : 0;
    }
    FeatureSchema schema;
    schema.features = {numericFeature("a"), numericFeature("b"),
                       categoricalFeature("c", {"p", "q", "r", "s", "t", "u"})};
    Dataset d;
    d.features = FeatureMatrix(
        schema, {FeatureColumn{a, {}}, FeatureColumn{b, {}}, FeatureColumn{{}, c}}, rows);
    d.classes = {"no", "yes"};
    d.labels = labels;
    return d;
}

const Learner& tree() {
    return learnerNamed("decision_tree");
}

std::unique_ptr<Model> fitTree(const Dataset& data,
                               const std::map<std::string, std::string>& given = {},
                               unsigned threads = 1) {
    return tree().fit(data, ParamValues::resolve(tree().params(), given), FitOptions{7, threads},
                      {});
}

std::unique_ptr<Model> loaded(const Learner& learner, std::span<const std::uint8_t> bytes,
                              const Dataset& data) {
    ByteReader in(bytes, "model");
    return learner.load(in, data.features.schema(), data.task, data.classCount());
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

double gini(std::initializer_list<double> counts) {
    double total = 0, squares = 0;
    for (double c : counts) total += c;
    for (double c : counts) squares += (c / total) * (c / total);
    return 1 - squares;
}

}  // namespace

class DecisionTreeTest : public QObject {
    Q_OBJECT
  private slots:
    void findsPerfectSplit_data() {
        QTest::addColumn<int>("cut");
        QTest::addColumn<bool>("noiseFirst");
        QTest::newRow("cut after 3") << 3 << false;
        QTest::newRow("cut after 7") << 7 << false;
        QTest::newRow("behind a noise feature") << 5 << true;
    }
    void findsPerfectSplit() {
        QFETCH(int, cut);
        QFETCH(bool, noiseFirst);
        // x = 1..10 in a scrambled order; class 1 exactly when x > cut.
        std::vector<double> x, noise;
        std::vector<std::int32_t> labels;
        for (int i = 0; i < 10; ++i) {
            const int v = (i * 7) % 10 + 1;
            x.push_back(v);
            noise.push_back((i * 3) % 4);
            labels.push_back(v > cut ? 1 : 0);
        }
        const Dataset data =
            noiseFirst ? numericData({noise, x}, labels) : numericData({x}, labels);
        const auto model = fitTree(data);
        const FlatTree& t = model->trees()[0];
        QCOMPARE(t.nodeCount(), std::size_t(3));
        QCOMPARE(t.feature[0], noiseFirst ? 1 : 0);
        QCOMPARE(t.threshold[0], cut + 0.5);
        const double rootGini = gini({double(cut), double(10 - cut)});
        QVERIFY(std::fabs(t.impurity[0] - rootGini) < 1e-12);
        // Both children pure: the gain is the root's whole weighted impurity.
        QVERIFY(std::fabs(t.gain[0] - 10 * rootGini) < 1e-12);
        QCOMPARE(t.valueOf(t.left[0])[0], 1.0);
        QCOMPARE(t.valueOf(t.right[0])[1], 1.0);
        QCOMPARE(t.samples[t.left[0]], double(cut));
        const Predictions p = model->predict(data.features, {});
        for (std::size_t i = 0; i < data.rows(); ++i) QCOMPARE(p.predictedClass(i), data.labels[i]);
    }

    void impurities_data() {
        QTest::addColumn<QString>("criterion");
        QTest::addColumn<QList<int>>("counts");
        QTest::addColumn<double>("expected");
        QTest::newRow("gini 3:1") << "gini" << QList<int>{3, 1} << 0.375;
        QTest::newRow("entropy 3:1")
            << "entropy" << QList<int>{3, 1} << -(0.75 * std::log2(0.75) + 0.25 * std::log2(0.25));
        QTest::newRow("gini 2:2:2") << "gini" << QList<int>{2, 2, 2} << 2.0 / 3;
        QTest::newRow("entropy 2:2:2") << "entropy" << QList<int>{2, 2, 2} << std::log2(3.0);
        QTest::newRow("entropy 5:0") << "entropy" << QList<int>{5, 0} << 0.0;
    }
    void impurities() {
        QFETCH(QString, criterion);
        QFETCH(QList<int>, counts);
        QFETCH(double, expected);
        std::vector<std::int32_t> labels;
        for (int c = 0; c < counts.size(); ++c) labels.insert(labels.end(), counts[c], c);
        // A constant feature: the tree is its root.
        const Dataset data =
            numericData({std::vector<double>(labels.size(), 1.0)}, labels, counts.size());
        const auto model = fitTree(data, {{"criterion", criterion.toStdString()}});
        const FlatTree& t = model->trees()[0];
        QCOMPARE(t.nodeCount(), std::size_t(1));
        QVERIFY2(std::fabs(t.impurity[0] - expected) < 1e-12,
                 qPrintable(QString::number(t.impurity[0], 'g', 17)));
        for (int c = 0; c < counts.size(); ++c)
            QVERIFY(std::fabs(t.valueOf(0)[c] - double(counts[c]) / labels.size()) < 1e-15);
    }

    void regressionImpurityAndMeans() {
        Dataset data = numericData({{1, 2, 3, 4, 10, 11, 12, 13}}, {});
        data.task = TaskKind::Regression;
        data.classes.clear();
        data.targets = {1, 2, 3, 4, 21, 22, 23, 24};
        const auto model = fitTree(data, {{"max_depth", "1"}});
        const FlatTree& t = model->trees()[0];
        QCOMPARE(t.nodeCount(), std::size_t(3));
        QCOMPARE(t.threshold[0], 7.0);
        QCOMPARE(t.valueOf(0)[0], 12.5);
        QVERIFY(std::fabs(t.impurity[0] - (1 + 4 + 9 + 16 + 441 + 484 + 529 + 576) / 8.0 +
                          12.5 * 12.5) < 1e-9);
        QCOMPARE(t.valueOf(t.left[0])[0], 2.5);
        QCOMPARE(t.valueOf(t.right[0])[0], 22.5);
        QVERIFY(std::fabs(t.impurity[t.left[0]] - 1.25) < 1e-12);
        const Predictions p = model->predict(data.features, {});
        QCOMPARE(p.values[0], 2.5);
        QCOMPARE(p.values[7], 22.5);
    }

    // Categories whose classes alternate in code order: no threshold on the codes separates
    // them, a category set does.
    void categoricalSetSplit_data() {
        QTest::addColumn<int>("classes");
        QTest::addColumn<int>("depth");
        QTest::newRow("two classes, one split") << 2 << 1;
        QTest::newRow("three classes, exhaustive subsets") << 3 << 2;
    }
    void categoricalSetSplit() {
        QFETCH(int, classes);
        QFETCH(int, depth);
        std::vector<std::int32_t> codes, labels;
        for (int rep = 0; rep < 5; ++rep)
            for (int level = 0; level < 6; ++level) {
                codes.push_back(level);
                labels.push_back(level % classes);
            }
        const Dataset data = categoricalData(codes, 6, labels, classes);
        const auto model = fitTree(data, {{"max_depth", std::to_string(depth)}});
        const FlatTree& t = model->trees()[0];
        QVERIFY(t.categoryWords[0] > 0);
        const Predictions p = model->predict(data.features, {});
        for (std::size_t i = 0; i < data.rows(); ++i) {
            QCOMPARE(p.predictedClass(i), data.labels[i]);
            QCOMPARE(p.probabilitiesOf(i)[data.labels[i]], 1.0);
        }
        if (classes == 2) {
            // The left set is exactly one class's categories.
            const bool aLeft = t.categoryGoesLeft(0, 0);
            for (int level = 0; level < 6; ++level)
                QCOMPARE(t.categoryGoesLeft(0, level), (level % 2 == 0) == aLeft);
        }
        // A threshold tree of the same depth cannot be pure: the codes as numbers.
        std::vector<double> asNumbers(codes.begin(), codes.end());
        const auto numeric = fitTree(numericData({asNumbers}, labels, classes),
                                     {{"max_depth", std::to_string(depth)}});
        const Predictions q =
            numeric->predict(numericData({asNumbers}, labels, classes).features, {});
        int wrong = 0;
        for (std::size_t i = 0; i < data.rows(); ++i) wrong += q.predictedClass(i) != labels[i];
        QVERIFY(wrong > 0);
    }

    void learnsMissingDirection_data() {
        QTest::addColumn<int>("missingLabel");
        QTest::addColumn<bool>("categorical");
        QTest::newRow("numeric, missing like the high values") << 1 << false;
        QTest::newRow("numeric, missing like the low values") << 0 << false;
        QTest::newRow("categorical, missing like B") << 1 << true;
        QTest::newRow("categorical, missing like A") << 0 << true;
    }
    void learnsMissingDirection() {
        QFETCH(int, missingLabel);
        QFETCH(bool, categorical);
        std::vector<double> x;
        std::vector<std::int32_t> codes, labels;
        for (int i = 1; i <= 10; ++i) {
            x.push_back(i);
            codes.push_back(i > 5 ? 1 : 0);
            labels.push_back(i > 5 ? 1 : 0);
        }
        for (int i = 0; i < 4; ++i) {
            x.push_back(kNaN);
            codes.push_back(-1);
            labels.push_back(missingLabel);
        }
        const Dataset data =
            categorical ? categoricalData(codes, 2, labels, 2) : numericData({x}, labels);
        const auto model = fitTree(data);
        const FlatTree& t = model->trees()[0];
        QCOMPARE(t.nodeCount(), std::size_t(3));
        const bool leftIsLow = t.valueOf(t.left[0])[0] == 1.0;
        QCOMPARE(t.missingGoesLeft[0] != 0, leftIsLow == (missingLabel == 0));
        const Predictions p = model->predict(data.features, {});
        for (std::size_t i = 0; i < data.rows(); ++i) {
            QCOMPARE(p.predictedClass(i), data.labels[i]);
            QCOMPARE(p.probabilitiesOf(i)[data.labels[i]], 1.0);
        }
    }

    // Without missing training rows at a split, missing values follow the heavier child.
    void unseenMissingGoesToTheLargerChild() {
        std::vector<double> x;
        std::vector<std::int32_t> labels;
        for (int i = 1; i <= 10; ++i) {
            x.push_back(i);
            labels.push_back(i > 3 ? 1 : 0);
        }
        const auto model = fitTree(numericData({x}, labels));
        const FlatTree& t = model->trees()[0];
        QCOMPARE(t.threshold[0], 3.5);
        QCOMPARE(t.missingGoesLeft[0], std::uint8_t(0));
        const Predictions p = model->predict(numericData({{kNaN}}, {0}).features, {});
        QCOMPARE(p.predictedClass(0), 1);
    }

    void minSamplesLeafRespected_data() {
        QTest::addColumn<int>("minLeaf");
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
        QTest::newRow("7") << 7;
        QTest::newRow("25") << 25;
    }
    void minSamplesLeafRespected() {
        QFETCH(int, minLeaf);
        const Dataset data = mixedData(300, 5);
        const auto model = fitTree(data, {{"min_samples_leaf", std::to_string(minLeaf)}});
        const FlatTree& t = model->trees()[0];
        double smallest = 1e9;
        for (std::size_t n = 0; n < t.nodeCount(); ++n)
            if (t.isLeaf(n)) smallest = std::min(smallest, t.samples[n]);
        QVERIFY(smallest >= minLeaf);
        // The rule binds: the unrestricted tree has smaller leaves.
        if (minLeaf > 1) QVERIFY(t.leafCount() < fitTree(data)->trees()[0].leafCount());
        if (minLeaf == 1) QCOMPARE(smallest, 1.0);
    }

    void maxDepthRespected() {
        const Dataset data = mixedData(400, 9);
        for (int depth : {1, 2, 4}) {
            const auto model = fitTree(data, {{"max_depth", std::to_string(depth)}});
            QCOMPARE(model->trees()[0].depth(), std::size_t(depth));
        }
        QVERIFY(fitTree(data)->trees()[0].depth() > 4);
    }

    // A hand-made tree: root (10 rows, gini 0.5) -> L (6 rows, 5/18) -> LL (5, pure), LR
    // (1, pure); R (4, pure). R(t) = samples * impurity / 10: root 0.5, L 1/6. Effective alphas:
    // L (1/6 - 0) / 1 = 1/6, root (0.5 - 0) / 2 = 0.25; once L is pruned, root (0.5 - 1/6) / 1.
    void costComplexityPruning_data() {
        QTest::addColumn<double>("alpha");
        QTest::addColumn<int>("nodes");
        QTest::newRow("below every alpha") << 0.1 << 5;
        QTest::newRow("prunes L") << 0.2 << 3;
        QTest::newRow("root's first alpha is not enough after L") << 0.26 << 3;
        QTest::newRow("prunes everything") << 0.34 << 1;
    }
    void costComplexityPruning() {
        QFETCH(double, alpha);
        QFETCH(int, nodes);
        FlatTree t;
        t.valueSize = 2;
        const std::vector<double> v = {0.5, 0.5};
        t.addNode(10, 0.5, v);
        const auto l = t.addNode(6, 5.0 / 18, v);
        const auto r = t.addNode(4, 0, v);
        t.setNumericSplit(0, 0, 1.0, false, 1.0, l, r);
        const auto ll = t.addNode(5, 0, v);
        const auto lr = t.addNode(1, 0, v);
        t.setNumericSplit(static_cast<std::size_t>(l), 0, 0.5, true, 0.5, ll, lr);
        const FlatTree pruned = pruneCostComplexity(t, alpha);
        QCOMPARE(int(pruned.nodeCount()), nodes);
        if (nodes == 3) {
            QVERIFY(pruned.isLeaf(pruned.left[0]));
            QCOMPARE(pruned.samples[pruned.left[0]], 6.0);
            QCOMPARE(pruned.threshold[0], 1.0);
        }
    }

    void ccpAlphaShrinksTheTree() {
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        std::size_t previous = fitTree(data)->trees()[0].leafCount();
        QVERIFY(previous > 5);
        for (const char* alpha : {"0.002", "0.01", "0.05"}) {
            const std::size_t leaves =
                fitTree(data, {{"ccp_alpha", alpha}})->trees()[0].leafCount();
            QVERIFY(leaves <= previous);
            previous = leaves;
        }
        QVERIFY(previous < 5);
    }

    // 90 rows of class 0, 10 of class 1; at x = 1 the classes are even.
    void balancedClassWeights() {
        std::vector<double> x;
        std::vector<std::int32_t> labels;
        for (int i = 0; i < 80; ++i) {
            x.push_back(0);
            labels.push_back(0);
        }
        for (int i = 0; i < 20; ++i) {
            x.push_back(1);
            labels.push_back(i < 10 ? 0 : 1);
        }
        const Dataset data = numericData({x}, labels);
        const auto plain = fitTree(data);
        const auto balanced = fitTree(data, {{"class_weight", "balanced"}});
        QCOMPARE(plain->trees()[0].valueOf(0)[1], 0.1);
        QVERIFY(std::fabs(balanced->trees()[0].valueOf(0)[1] - 0.5) < 1e-12);
        const Predictions a = plain->predict(data.features, {});
        const Predictions b = balanced->predict(data.features, {});
        QCOMPARE(a.predictedClass(99), 0);  // 0.5 / 0.5: the first class
        QCOMPARE(b.predictedClass(99), 1);
        QVERIFY(std::fabs(b.probabilitiesOf(99)[1] - 0.9) < 1e-12);
    }

    void probabilitiesSumToOne() {
        const Dataset data = sharedDataset("soybean.arff", "class");
        const auto model = fitTree(data, {{"max_depth", "6"}});
        const Predictions p = model->predict(data.features, {});
        QCOMPARE(p.classCount, data.classCount());
        for (std::size_t i = 0; i < p.rows; ++i) {
            double sum = 0;
            for (double v : p.probabilitiesOf(i)) sum += v;
            QVERIFY(std::fabs(sum - 1) < 1e-12);
        }
    }

    void saveLoadBitIdentical_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::newRow("breast_cancer") << "breast_cancer.csv"
                                       << "diagnosis";
        QTest::newRow("soybean (categorical, missing)") << "soybean.arff"
                                                        << "class";
        QTest::newRow("credit-g") << "credit-g.arff"
                                  << "class";
        QTest::newRow("diabetes regression") << "diabetes_regression.csv"
                                             << "progression";
    }
    void saveLoadBitIdentical() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        const auto model = fitTree(data, {{"min_samples_leaf", "2"}});
        const std::vector<std::uint8_t> bytes = saveBytes(*model);
        QCOMPARE(saveBytes(*model), bytes);
        const auto back = loaded(tree(), bytes, data);
        QCOMPARE(saveBytes(*back), bytes);
        const Predictions a = model->predict(data.features, {});
        const Predictions b = back->predict(data.features, {});
        QVERIFY(sameBits(a.probabilities, b.probabilities));
        QVERIFY(sameBits(a.values, b.values));
        QCOMPARE(back->fitSummary(), model->fitSummary());
        // The same fit again gives the same bytes, for any thread count.
        QCOMPARE(saveBytes(*fitTree(data, {{"min_samples_leaf", "2"}}, 2)), bytes);
    }

    void damagedPayloadsRejected() {
        const Dataset data = sharedDataset("iris.csv", "species");
        const std::vector<std::uint8_t> bytes = saveBytes(*fitTree(data, {{"max_depth", "3"}}));
        for (std::size_t n = 0; n < bytes.size(); ++n)
            QVERIFY_THROWS_EXCEPTION(ModelFormatError,
                                     loaded(tree(), std::span(bytes.data(), n), data));
        // Damaged bytes: either rejected or a model that predicts (never a crash).
        Random random(3);
        int rejected = 0;
        for (int i = 0; i < 500; ++i) {
            std::vector<std::uint8_t> damaged = bytes;
            const std::size_t at = random.index(damaged.size());
            damaged[at] = static_cast<std::uint8_t>(i % 2 ? 0xff : random.next());
            try {
                const auto m = loaded(tree(), damaged, data);
                QCOMPARE(m->predict(data.features, {}).rows, data.rows());
            } catch (const ModelFormatError&) {
                ++rejected;
            }
        }
        QVERIFY(rejected > 100);
        // Crafted trees: bad class fractions, two trees for a decision tree.
        FlatTree bad;
        bad.valueSize = 3;
        bad.addNode(1, 0, std::vector<double>{1.5, -0.5, 0});
        AveragedTreesModel crafted(data.features.schema(), data.task, 3, {bad}, false,
                                   std::nullopt);
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loaded(tree(), saveBytes(crafted), data));
        FlatTree good = bad;
        good.value = {0.2, 0.3, 0.5};
        AveragedTreesModel two(data.features.schema(), data.task, 3, {good, good}, false,
                               std::nullopt);
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loaded(tree(), saveBytes(two), data));
        AveragedTreesModel one(data.features.schema(), data.task, 3, {good}, false, std::nullopt);
        QCOMPARE(loaded(tree(), saveBytes(one), data)->predict(data.features, {}).probabilities[2],
                 0.5);
        // For another task or class count.
        Dataset regression = data;
        regression.task = TaskKind::Regression;
        regression.classes.clear();
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, loaded(tree(), bytes, regression));
    }

    void cancelDuringFit_data() {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("2 threads") << 2;
    }
    void cancelDuringFit() {
        QFETCH(int, threads);
        const Dataset data = mixedData(20000, 1);
        CancelToken token;
        int reports = 0;
        const TaskContext task(
            [&](double, std::string_view) {
                if (++reports == 3) token.cancel();
            },
            &token);
        const ParamValues params = ParamValues::resolve(tree().params(), {});
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 tree().fit(data, params, FitOptions{0, unsigned(threads)}, task));
        QCOMPARE(reports, 3);
        // A finished fit reports its progress up to the end.
        double last = -1;
        const TaskContext watched([&](double f, std::string_view) { last = f; }, nullptr);
        tree().fit(data, params, FitOptions{0, unsigned(threads)}, watched);
        QCOMPARE(last, 1.0);
    }

    void parameterErrors_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("regression");
        QTest::newRow("squared_error for classes") << "criterion"
                                                   << "squared_error" << false;
        QTest::newRow("entropy for regression") << "criterion"
                                                << "entropy" << true;
        QTest::newRow("balanced for regression") << "class_weight"
                                                 << "balanced" << true;
        QTest::newRow("max_depth 0") << "max_depth"
                                     << "0" << false;
        QTest::newRow("max_features 0") << "max_features"
                                        << "0" << false;
        QTest::newRow("max_features 1.5") << "max_features"
                                          << "1.5" << false;
        QTest::newRow("max_bins 256") << "max_bins"
                                      << "256" << false;
        QTest::newRow("min_samples_split 1") << "min_samples_split"
                                             << "1" << false;
        QTest::newRow("negative ccp_alpha") << "ccp_alpha"
                                            << "-1" << false;
        QTest::newRow("unknown criterion") << "criterion"
                                           << "chaos" << false;
    }
    void parameterErrors() {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, regression);
        Dataset data = mixedData(50, 2);
        if (regression) {
            data.task = TaskKind::Regression;
            data.targets.assign(data.rows(), 0.0);
            for (std::size_t i = 0; i < data.rows(); ++i) data.targets[i] = double(i % 7);
            data.labels.clear();
            data.classes.clear();
        }
        try {
            fitTree(data, {{name.toStdString(), value.toStdString()}});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.parameter()), name);
        }
    }

    void maxFeaturesSubsamples() {
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        const auto all = fitTree(data);
        const auto some = fitTree(data, {{"max_features", "sqrt"}});
        QVERIFY(saveBytes(*all) != saveBytes(*some));
        // Seeded: the same seed gives the same tree.
        QCOMPARE(saveBytes(*fitTree(data, {{"max_features", "0.3"}})),
                 saveBytes(*fitTree(data, {{"max_features", "0.3"}})));
    }

    void predictChecksTheFeatures() {
        const Dataset data = mixedData(100, 4);
        const auto model = fitTree(data);
        const Dataset other = numericData({{1, 2}}, {0, 1});
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, model->predict(other.features, {}));
    }

    void fitSummaryDescribesTheTree() {
        const Dataset data = mixedData(300, 8);
        const auto model = fitTree(data, {{"max_depth", "5"}});
        const auto summary = model->fitSummary();
        QCOMPARE(summary.size(), std::size_t(2));
        QCOMPARE(summary[0].first, std::string("depth"));
        QCOMPARE(summary[0].second, 5.0);
        QCOMPARE(summary[1].second, double(model->trees()[0].leafCount()));
    }

    void regressionOnDiabetes() {
        const Dataset data = sharedDataset("diabetes_regression.csv", "progression");
        QCOMPARE(data.task, TaskKind::Regression);
        const ParamValues params =
            ParamValues::resolve(tree().params(), {{"max_depth", "4"}, {"min_samples_leaf", "5"}});
        const ValidationResult cv =
            crossValidate(tree(), data, params, FitOptions{0, 1}, 5, FoldRule::Index, {});
        const double r2 = *cv.pooled.get("r2");
        qInfo("diabetes regression: R2 %.4f", r2);
        QVERIFY(r2 > 0.25);
    }
};

QTEST_APPLESS_MAIN(DecisionTreeTest)
#include "test_decision_tree.moc"
