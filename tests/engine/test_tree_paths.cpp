// Tree paths: the way from the root to a node, and the rows that pass a node, on a tree built by
// hand (numeric and categorical splits, missing values both ways) and on fitted trees (root: all
// rows; children partition their parent; leaves agree with FlatTree::leafFor), thread
// independence, cancel and errors.
#include <QtTest>

#include <cmath>
#include <limits>
#include <numeric>

#include "engine/errors.h"
#include "engine/flat_tree.h"
#include "engine/tree_paths.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;

namespace {

using glassbox::test::paramMap;
using glassbox::test::paramsOf;
using glassbox::test::sharedDataset;
using glassbox::test::threadsOption;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Node 0: x <= 0.5 (missing left) -> 1, else 2. Node 1: colour in {red, blue} (missing right)
// -> 3, else 4. Nodes 2, 3, 4 are leaves.
FlatTree handTree() {
    FlatTree tree;
    const double value[] = {1.0};
    tree.addNode(8, 0.5, value);
    const std::int32_t a = tree.addNode(5, 0.4, value);
    const std::int32_t b = tree.addNode(3, 0.0, value);
    tree.setNumericSplit(0, 0, 0.5, true, 0.1, a, b);
    const std::int32_t c = tree.addNode(3, 0.0, value);
    const std::int32_t d = tree.addNode(2, 0.0, value);
    const std::int32_t left[] = {0, 2};
    tree.setCategoricalSplit(1, 1, left, false, 0.2, c, d);
    return tree;
}

FeatureMatrix handRows() {
    FeatureSchema schema;
    schema.features.push_back(FeatureInfo{"x", ColumnType::Numeric, {}});
    schema.features.push_back(
        FeatureInfo{"colour", ColumnType::Categorical, {"red", "green", "blue"}});
    std::vector<FeatureColumn> columns(2);
    columns[0].values = {0.0, 1.0, kNaN, 0.5, 0.2, 3.0, 0.1, kNaN};
    columns[1].codes = {0, 1, 2, -1, 1, 0, 2, 1};
    return FeatureMatrix(schema, std::move(columns), 8);
}

std::unique_ptr<Model> fitted(const std::string& learner, const Dataset& data,
                              const std::string& params = "") {
    const Learner& l = learnerNamed(learner);
    return l.fit(data, paramsOf(l, paramMap(params)), threadsOption(2), {});
}

std::vector<std::size_t> allRows(std::size_t n) {
    std::vector<std::size_t> rows(n);
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    return rows;
}

// Checks every node of `tree` against leafFor's paths.
void checkTree(const FlatTree& tree, const FeatureMatrix& x) {
    std::vector<std::vector<std::size_t>> rowsOf(tree.nodeCount());
    for (std::size_t n = 0; n < tree.nodeCount(); ++n) rowsOf[n] = rowsReachingNode(tree, x, n, 2);
    QCOMPARE(rowsOf[0], allRows(x.rows()));
    for (std::size_t n = 0; n < tree.nodeCount(); ++n) {
        if (tree.isLeaf(n)) {
            for (std::size_t r : rowsOf[n]) QCOMPARE(tree.leafFor(x, r), n);
            continue;
        }
        std::vector<std::size_t> both = rowsOf[static_cast<std::size_t>(tree.left[n])];
        const std::vector<std::size_t>& right = rowsOf[static_cast<std::size_t>(tree.right[n])];
        both.insert(both.end(), right.begin(), right.end());
        std::sort(both.begin(), both.end());
        QCOMPARE(both, rowsOf[n]);
    }
    for (std::size_t r = 0; r < x.rows(); ++r) {
        std::vector<std::int32_t> path;
        const std::size_t leaf = tree.leafFor(x, r, &path);
        QCOMPARE(pathToNode(tree, leaf), path);
    }
}

}  // namespace

class TreePathsTest : public QObject {
    Q_OBJECT

  private slots:
    void pathToNodeByHand() {
        const FlatTree tree = handTree();
        QCOMPARE(pathToNode(tree, 0), (std::vector<std::int32_t>{0}));
        QCOMPARE(pathToNode(tree, 2), (std::vector<std::int32_t>{0, 2}));
        QCOMPARE(pathToNode(tree, 4), (std::vector<std::int32_t>{0, 1, 4}));
    }

    void rowsByHand() {
        const FlatTree tree = handTree();
        const FeatureMatrix x = handRows();
        // x <= 0.5 or missing: rows 0, 2, 3, 4, 6, 7; of those red/blue: 0, 2, 6; green or
        // missing colour: 3, 4, 7.
        QCOMPARE(rowsReachingNode(tree, x, 0), allRows(8));
        QCOMPARE(rowsReachingNode(tree, x, 1), (std::vector<std::size_t>{0, 2, 3, 4, 6, 7}));
        QCOMPARE(rowsReachingNode(tree, x, 2), (std::vector<std::size_t>{1, 5}));
        QCOMPARE(rowsReachingNode(tree, x, 3), (std::vector<std::size_t>{0, 2, 6}));
        QCOMPARE(rowsReachingNode(tree, x, 4), (std::vector<std::size_t>{3, 4, 7}));
        checkTree(tree, x);
    }

    void fittedTrees_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("params");
        QTest::newRow("decision tree, breast cancer") << "breast_cancer.csv"
                                                      << "diagnosis"
                                                      << "decision_tree"
                                                      << "";
        QTest::newRow("forest, credit-g (categorical)") << "credit-g.arff"
                                                        << "class"
                                                        << "random_forest"
                                                        << "n_estimators=3";
        QTest::newRow("boosting, iris") << "iris.csv"
                                        << "species"
                                        << "gradient_boosting"
                                        << "n_estimators=3";
    }

    void fittedTrees() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(QString, learner);
        QFETCH(QString, params);
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        const std::unique_ptr<Model> model =
            fitted(learner.toStdString(), data, params.toStdString());
        QVERIFY(!model->trees().empty());
        for (const FlatTree& tree : model->trees()) checkTree(tree, data.features);
    }

    void sameOnAnyThreadCount() {
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        const std::unique_ptr<Model> model = fitted("decision_tree", data);
        const FlatTree& tree = model->trees().front();
        for (std::size_t n = 0; n < tree.nodeCount(); ++n)
            QCOMPARE(rowsReachingNode(tree, data.features, n, 1),
                     rowsReachingNode(tree, data.features, n, 3));
    }

    void nodeOutOfRange() {
        const FlatTree tree = handTree();
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, pathToNode(tree, 5));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, rowsReachingNode(tree, handRows(), 9));
    }

    void cancels() {
        CancelToken cancel;
        cancel.cancel();
        const TaskContext task({}, &cancel);
        QVERIFY_THROWS_EXCEPTION(Cancelled, rowsReachingNode(handTree(), handRows(), 1, 1, task));
    }
};

QTEST_APPLESS_MAIN(TreePathsTest)
#include "test_tree_paths.moc"
