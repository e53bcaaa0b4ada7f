// Feature importance: impurity importance of hand-built trees against hand arithmetic, the
// forest average and scikit-learn's conventions, total gain for boosting, the error for models
// without trees; permutation importance: noise ~0 and the informative feature large, the loss
// sign, exact zeros for an unused feature, determinism across thread counts, cancellation; the
// labelled rows a table gives.
#include <QtTest>

#include <cmath>
#include <cstring>
#include <numeric>

#include "engine/errors.h"
#include "engine/flat_tree.h"
#include "engine/importance.h"
#include "engine/random.h"
#include "engine/table_reader.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;

namespace {

using glassbox::test::paramMap;
using glassbox::test::paramsOf;
using glassbox::test::threadsOption;

FeatureSchema numericSchema(std::initializer_list<const char*> names) {
    FeatureSchema schema;
    for (const char* name : names) schema.features.push_back(FeatureInfo{name, {}, {}});
    return schema;
}

// Root (10 rows, 6:4, gini 0.48) splits on feature 1 into 6 rows (5:1, gini 10/36) and 4 rows
// (1:3, gini 0.375); those split into pure leaves on feature 0 and feature 1. Gains (weighted
// impurity decrease, by hand): root 10*0.48 - 6*10/36 - 4*0.375 = 1.6333..., left child
// 6*10/36 = 1.6666..., right child 4*0.375 = 1.5.
FlatTree handTree() {
    FlatTree t;
    t.valueSize = 2;
    const double rootValue[] = {0.6, 0.4}, leftValue[] = {5.0 / 6, 1.0 / 6},
                 rightValue[] = {0.25, 0.75}, zero[] = {1, 0}, one[] = {0, 1};
    t.addNode(10, 0.48, rootValue);
    const auto l = t.addNode(6, 10.0 / 36, leftValue);
    const auto r = t.addNode(4, 0.375, rightValue);
    t.setNumericSplit(0, 1, 0.5, true, 10 * 0.48 - 6 * 10.0 / 36 - 4 * 0.375, l, r);
    const auto ll = t.addNode(5, 0, zero);
    const auto lr = t.addNode(1, 0, one);
    t.setNumericSplit(static_cast<std::size_t>(l), 0, 2.5, true, 6 * 10.0 / 36, ll, lr);
    const auto rl = t.addNode(1, 0, zero);
    const auto rr = t.addNode(3, 0, one);
    t.setNumericSplit(static_cast<std::size_t>(r), 1, 7.5, false, 4 * 0.375, rl, rr);
    return t;
}

// One split on feature 2 with gain `gain`.
FlatTree stump(double gain) {
    FlatTree t;
    const double v[] = {0.0};
    t.addNode(4, 1, v);
    const auto l = t.addNode(2, 0, v);
    const auto r = t.addNode(2, 0, v);
    t.setNumericSplit(0, 2, 0.0, true, gain, l, r);
    return t;
}

FlatTree leafOnly() {
    FlatTree t;
    const double v[] = {0.0};
    t.addNode(4, 1, v);
    return t;
}

// 12 rows on which scikit-learn's DecisionTreeClassifier (any random_state) splits x0 <= 4.5
// (root: 6:6, gini 0.5 -> 4 pure rows and 8 rows at 2:6, gini 0.375: gain 6 - 3 = 3), then
// x1 <= 7 (8 rows: gain 3 -> pure leaves): feature_importances_ = [0.5, 0.5], by hand and as
// scikit-learn 1.2.1 prints it.
Dataset twelveRows() {
    Dataset d;
    d.features = FeatureMatrix(numericSchema({"x0", "x1"}),
                               {FeatureColumn{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {}},
                                FeatureColumn{{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8}, {}}},
                               12);
    d.classes = {"0", "1"};
    d.labels = {0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 1, 0};
    return d;
}

TrainedModel trained(const std::string& learner, const Dataset& data,
                     const std::string& params = "") {
    const Learner& l = learnerNamed(learner);
    TrainedModel out;
    out.learner = learner;
    out.params = paramsOf(l, paramMap(params));
    out.task = data.task;
    out.target = data.target;
    out.classes = data.classes;
    out.schema = data.features.schema();
    out.model = l.fit(data, out.params, threadsOption(2), {});
    return out;
}

double valueOf(const ImportanceResult& r, const std::string& name) {
    for (const FeatureImportance& f : r.features)
        if (f.name == name) return f.value;
    return std::nan("");
}

const FeatureImportance& entryOf(const ImportanceResult& r, const std::string& name) {
    for (const FeatureImportance& f : r.features)
        if (f.name == name) return f;
    throw std::runtime_error("no feature " + name);
}

// y = 1 when `signal` > 0 flipped for 10% of the rows; `noise` is independent of y; `unused` is
// a categorical feature a stump on `signal` never looks at.
Dataset signalAndNoise(std::size_t rows, std::uint64_t seed) {
    Random random(seed);
    std::vector<double> signal(rows), noise(rows);
    std::vector<std::int32_t> codes(rows), labels(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        signal[i] = random.normal();
        noise[i] = random.normal();
        codes[i] = static_cast<std::int32_t>(random.index(3));
        labels[i] = (signal[i] > 0) != (random.uniform() < 0.1) ? 1 : 0;
    }
    FeatureSchema schema = numericSchema({"signal", "noise"});
    schema.features.push_back(FeatureInfo{"unused", ColumnType::Categorical, {"a", "b", "c"}});
    Dataset d;
    d.features = FeatureMatrix(
        schema, {FeatureColumn{signal, {}}, FeatureColumn{noise, {}}, FeatureColumn{{}, codes}},
        rows);
    d.classes = {"no", "yes"};
    d.labels = labels;
    return d;
}

bool sameBits(const ImportanceResult& a, const ImportanceResult& b) {
    if (a.features.size() != b.features.size()) return false;
    for (std::size_t i = 0; i < a.features.size(); ++i)
        if (a.features[i].name != b.features[i].name ||
            std::memcmp(&a.features[i].value, &b.features[i].value, sizeof(double)) != 0 ||
            std::memcmp(&a.features[i].std, &b.features[i].std, sizeof(double)) != 0)
            return false;
    return true;
}

}  // namespace

class ImportanceTest : public QObject {
    Q_OBJECT

  private slots:
    void handTreeMatchesHandArithmetic() {
        const FlatTree tree = handTree();
        const std::vector<double> sums = treeGainSums(tree, 3);
        QCOMPARE(sums.size(), std::size_t{3});
        QVERIFY(std::abs(sums[0] - 10.0 / 6) < 1e-12);
        QVERIFY(std::abs(sums[1] - (4.8 - 10.0 / 6)) < 1e-12);  // 1.6333... + 1.5
        QCOMPARE(sums[2], 0.0);
        // Normalized by the total 4.8 (all leaves pure: the root's weighted impurity).
        const std::vector<double> mdi = meanDecreaseImpurity(std::span(&tree, 1), 3);
        QVERIFY(std::abs(mdi[0] - (10.0 / 6) / 4.8) < 1e-12);  // 0.347222...
        QVERIFY(std::abs(mdi[1] - (1 - (10.0 / 6) / 4.8)) < 1e-12);
        QVERIFY(std::abs(mdi[0] + mdi[1] + mdi[2] - 1) < 1e-12);
    }

    void forestAveragesNormalizedTreesAndSkipsLeaves() {
        // As sklearn's forests: each tree normalized, single-leaf trees left out of the mean:
        // (hand tree + stump) / 2 = (0.347222/2, 0.652778/2, 1/2).
        const std::vector<FlatTree> trees = {handTree(), stump(123.0), leafOnly()};
        const std::vector<double> mdi = meanDecreaseImpurity(trees, 3);
        QVERIFY(std::abs(mdi[0] - (10.0 / 6) / 4.8 / 2) < 1e-12);
        QVERIFY(std::abs(mdi[1] - (1 - (10.0 / 6) / 4.8) / 2) < 1e-12);
        QVERIFY(std::abs(mdi[2] - 0.5) < 1e-12);
        // Only leaves: zeros (sklearn returns zeros too).
        const std::vector<FlatTree> leaves = {leafOnly()};
        QCOMPARE(meanDecreaseImpurity(leaves, 2), (std::vector<double>{0.0, 0.0}));
    }

    void totalGainSumsOverTrees() {
        const std::vector<FlatTree> trees = {handTree(), stump(2.0), stump(0.5), leafOnly()};
        const std::vector<double> total = totalGain(trees, 3);
        QVERIFY(std::abs(total[0] - 10.0 / 6) < 1e-12);
        QVERIFY(std::abs(total[1] - (4.8 - 10.0 / 6)) < 1e-12);
        QVERIFY(std::abs(total[2] - 2.5) < 1e-12);
    }

    void fittedTreeMatchesScikitLearn() {
        const Dataset data = twelveRows();
        const ImportanceResult tree = impurityImportance(trained("decision_tree", data));
        QCOMPARE(tree.method, std::string("impurity"));
        QVERIFY(std::abs(valueOf(tree, "x0") - 0.5) < 1e-12);
        QVERIFY(std::abs(valueOf(tree, "x1") - 0.5) < 1e-12);
        // A forest without randomness grows that tree every time: the same importances.
        const ImportanceResult forest = impurityImportance(
            trained("random_forest", data, "n_estimators=5 bootstrap=false max_features=all"));
        QVERIFY(std::abs(valueOf(forest, "x0") - 0.5) < 1e-12);
        QVERIFY(std::abs(valueOf(forest, "x1") - 0.5) < 1e-12);
    }

    void regressionTreeMatchesScikitLearn() {
        // scikit-learn 1.2.1, DecisionTreeRegressor(max_depth=3) on diabetes_regression.csv (the
        // same for random_state 0..19): feature_importances_ of the features it splits on; the
        // others are 0.
        const Dataset data = test::sharedDataset("diabetes_regression.csv", "progression");
        const ImportanceResult r =
            impurityImportance(trained("decision_tree", data, "max_depth=3"));
        const std::pair<const char*, double> expected[] = {{"age", 0.02078003835653888},
                                                           {"bmi", 0.37584937246690475},
                                                           {"s3", 0.021069918051207757},
                                                           {"s5", 0.5823006711253487}};
        double listed = 0;
        for (const auto& [name, value] : expected) {
            QVERIFY2(std::abs(valueOf(r, name) - value) < 1e-12, name);
            listed += valueOf(r, name);
        }
        QVERIFY(std::abs(listed - 1) < 1e-12);
        QCOMPARE(r.features[0].name, std::string("s5"));
    }

    void realModelsSumToOneSorted_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("method");
        QTest::newRow("decision_tree") << "decision_tree"
                                       << "impurity";
        QTest::newRow("random_forest") << "random_forest"
                                       << "impurity";
        QTest::newRow("gradient_boosting") << "gradient_boosting"
                                           << "gain";
    }
    void realModelsSumToOneSorted() {
        QFETCH(QString, learner);
        QFETCH(QString, method);
        const Dataset data = test::sharedDataset("iris.csv", "species");
        const ImportanceResult r = impurityImportance(trained(
            learner.toStdString(), data, learner == "decision_tree" ? "" : "n_estimators=20"));
        QCOMPARE(r.method, method.toStdString());
        QCOMPARE(r.features.size(), std::size_t{4});
        double sum = 0, gainSum = 0;
        for (std::size_t i = 0; i < r.features.size(); ++i) {
            QVERIFY(r.features[i].value >= 0);
            if (i > 0) QVERIFY(r.features[i - 1].value >= r.features[i].value);
            sum += r.features[i].value;
            gainSum += r.features[i].totalGain;
        }
        QVERIFY(std::abs(sum - 1) < 1e-12);
        if (method == "gain") {
            QVERIFY(gainSum > 0);
            for (const FeatureImportance& f : r.features)
                QVERIFY(std::abs(f.value - f.totalGain / gainSum) < 1e-12);
        }
        // Petals separate iris; sepal width hardly helps.
        QVERIFY(r.features[0].name.starts_with("petal"));
        QVERIFY(valueOf(r, "sepal width (cm)") < 0.1);
    }

    void modelWithoutTreesIsAnError() {
        const Dataset data = test::sharedDataset("iris.csv", "species");
        const TrainedModel model = trained("knn", data);
        try {
            impurityImportance(model);
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("--method"));
            const std::string message = e.what();
            QVERIFY2(message.find("knn") != std::string::npos, e.what());
            QVERIFY2(message.find("permutation") != std::string::npos, e.what());
        }
    }

    void permutationFindsTheSignal_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("metric");
        QTest::newRow("logistic accuracy") << "logistic_regression"
                                           << "accuracy";
        QTest::newRow("logistic log_loss") << "logistic_regression"
                                           << "log_loss";
        QTest::newRow("knn auc") << "knn"
                                 << "auc";
    }
    void permutationFindsTheSignal() {
        QFETCH(QString, learner);
        QFETCH(QString, metric);
        const Dataset data = signalAndNoise(400, 7);
        const TrainedModel model = trained(learner.toStdString(), data);
        PermutationOptions options;
        options.metric = metric.toStdString();
        options.repeats = 5;
        options.threads = 2;
        const ImportanceResult r = permutationImportance(*model.model, data, options, {});
        QCOMPARE(r.method, std::string("permutation"));
        QCOMPARE(r.metric, options.metric);
        QCOMPARE(r.repeats, std::size_t{5});
        QCOMPARE(r.rows, std::size_t{400});
        // Shuffling the signal costs a lot (accuracy ~0.9 -> ~0.5); a loss grows, which still
        // reads positive. Noise: about nothing.
        QCOMPARE(r.features[0].name, std::string("signal"));
        QVERIFY2(r.features[0].value > 0.2, qPrintable(QString::number(r.features[0].value)));
        QVERIFY(r.features[0].std > 0);
        const double noise = entryOf(r, "noise").value;
        QVERIFY2(std::abs(noise) < 0.05, qPrintable(QString::number(noise)));
    }

    void unusedFeatureScoresExactlyZero() {
        // A stump on `signal`: shuffling the others changes no prediction at all.
        const Dataset data = signalAndNoise(300, 3);
        const TrainedModel model = trained("decision_tree", data, "max_depth=1");
        PermutationOptions options;
        options.repeats = 4;
        const ImportanceResult r = permutationImportance(*model.model, data, options, {});
        QCOMPARE(r.metric, std::string("accuracy"));
        QCOMPARE(entryOf(r, "noise").value, 0.0);
        QCOMPARE(entryOf(r, "noise").std, 0.0);
        QCOMPARE(entryOf(r, "unused").value, 0.0);
        QVERIFY(entryOf(r, "signal").value > 0.2);
        // The baseline is the stump's accuracy on the rows.
        const Predictions p = model.model->predict(data.features, {});
        std::size_t right = 0;
        for (std::size_t i = 0; i < data.rows(); ++i)
            right += p.predictedClass(i) == data.labels[i];
        QCOMPARE(r.baseline, static_cast<double>(right) / data.rows());
    }

    void meanAndStdOverRepeats() {
        // One repeat's drops recomputed from the definition: with a single feature, shuffled
        // rows and the stump's accuracy; mean and ddof-0 std as numpy.mean / numpy.std.
        const Dataset data = signalAndNoise(200, 11);
        const TrainedModel model = trained("decision_tree", data, "max_depth=1");
        std::vector<double> drops;
        for (std::size_t repeats : {1u, 2u, 3u}) {
            PermutationOptions options;
            options.repeats = repeats;
            options.seed = 5;
            const ImportanceResult r = permutationImportance(*model.model, data, options, {});
            // Repeat r's permutation does not depend on how many repeats run: the k-repeat mean
            // extends the (k-1)-repeat one by one drop.
            const double mean = entryOf(r, "signal").value;
            const double sd = entryOf(r, "signal").std;
            double sum = 0;
            for (double d : drops) sum += d;
            drops.push_back(mean * repeats - sum);
            double squares = 0;
            for (double d : drops) squares += (d - mean) * (d - mean);
            QVERIFY(std::abs(sd - std::sqrt(squares / repeats)) < 1e-12);
            if (repeats == 1) QCOMPARE(sd, 0.0);
        }
    }

    void regressionLossSign() {
        // y = 3 a + small noise; rmse grows when a is shuffled: a positive importance.
        Random random(2);
        const std::size_t n = 200;
        std::vector<double> a(n), b(n), y(n);
        for (std::size_t i = 0; i < n; ++i) {
            a[i] = random.normal();
            b[i] = random.normal();
            y[i] = 3 * a[i] + 0.1 * random.normal();
        }
        Dataset data;
        data.task = TaskKind::Regression;
        data.features = FeatureMatrix(numericSchema({"a", "b"}),
                                      {FeatureColumn{a, {}}, FeatureColumn{b, {}}}, n);
        data.targets = y;
        const TrainedModel model = trained("linear_regression", data);
        for (const char* metric : {"rmse", "r2", "mae"}) {
            PermutationOptions options;
            options.metric = metric;
            const ImportanceResult r = permutationImportance(*model.model, data, options, {});
            QCOMPARE(r.features[0].name, std::string("a"));
            QVERIFY2(r.features[0].value > 1.0, metric);  // rmse ~0.1 -> ~4; r2 ~1 -> ~-1
            QVERIFY2(std::abs(entryOf(r, "b").value) < 0.01, metric);
        }
    }

    void deterministicAcrossThreads() {
        const Dataset data = signalAndNoise(300, 5);
        const TrainedModel model = trained("random_forest", data, "n_estimators=10");
        PermutationOptions options;
        options.repeats = 3;
        options.seed = 42;
        options.threads = 1;
        const ImportanceResult one = permutationImportance(*model.model, data, options, {});
        options.threads = 3;
        const ImportanceResult three = permutationImportance(*model.model, data, options, {});
        QVERIFY(sameBits(one, three));
        QVERIFY(sameBits(one, permutationImportance(*model.model, data, options, {})));
        options.seed = 43;
        QVERIFY(!sameBits(one, permutationImportance(*model.model, data, options, {})));
    }

    void cancelStopsIt() {
        const Dataset data = signalAndNoise(300, 5);
        const TrainedModel model = trained("logistic_regression", data);
        CancelToken cancel;
        int reports = 0;
        const TaskContext task(
            [&](double, std::string_view) {
                if (++reports == 2) cancel.cancel();
            },
            &cancel);
        PermutationOptions options;
        options.repeats = 50;
        options.threads = 2;
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 permutationImportance(*model.model, data, options, task));
        QVERIFY(reports >= 2);
    }

    void badOptions() {
        const Dataset data = signalAndNoise(100, 5);
        const TrainedModel model = trained("logistic_regression", data);
        PermutationOptions options;
        options.metric = "r2";  // a regression metric
        try {
            permutationImportance(*model.model, data, options, {});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("--metric"));
            QVERIFY2(std::string(e.what()).find("accuracy") != std::string::npos, e.what());
        }
        options.metric.clear();
        options.repeats = 0;
        try {
            permutationImportance(*model.model, data, options, {});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("--repeats"));
        }
    }

    void labelledRowsFromATable() {
        const std::string file = std::string(GLASSBOX_SHARED_DIR) + "/datasets/iris.csv";
        const LoadedTable loaded = readTable(file, ReadOptions{});
        const Dataset data = test::sharedDataset("iris.csv", "species");
        TrainedModel model = trained("decision_tree", data, "max_depth=2");
        const std::vector<std::size_t> rows = {3, 70, 140};
        const DatasetResult some = labelledRows(model, loaded.table, file, rows);
        QCOMPARE(some.dataset.rows(), std::size_t{3});
        QCOMPARE(some.droppedRows, std::size_t{0});
        QCOMPARE(some.tableRows, rows);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(some.dataset.labels[i], data.labels[rows[i]]);
            QCOMPARE(some.dataset.features.values(2)[i], data.features.values(2)[rows[i]]);
        }
        // A class the model does not know is left out and counted.
        model.classes = {"setosa", "versicolor", "nothing"};
        const DatasetResult known = labelledRows(model, loaded.table, file);
        QCOMPARE(known.dataset.rows(), std::size_t{100});
        QCOMPARE(known.droppedRows, std::size_t{50});
        // The file lists the virginica rows last.
        std::vector<std::size_t> first(100);
        std::iota(first.begin(), first.end(), std::size_t{0});
        QCOMPARE(known.tableRows, first);
        model.target = "colour";
        try {
            labelledRows(model, loaded.table, file);
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), file);
            QVERIFY2(std::string(e.what()).find("\"colour\"") != std::string::npos, e.what());
        }
    }
};

QTEST_APPLESS_MAIN(ImportanceTest)
#include "test_importance.moc"
