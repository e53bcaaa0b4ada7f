// The tree explorer on real models: a decision tree, forest and boosting trees on iris,
// breast_cancer, credit-g (categorical) and diabetes (regression) show every node of the
// chosen tree with an edge into each; the depth limit and fold / unfold show exactly the
// nodes the tree structure says; the tidy layout never overlaps; a row's decision path
// (FlatTree::leafFor) is highlighted node for node and ends at the leaf the model predicts
// with; a click emits nodeActivated; exports are valid PNG / SVG / PDF; a deep tree of
// thousands of nodes builds and paints fast. With GLASSBOX_SCREENSHOT_DIR set, saves
// screenshots there.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>
#include <algorithm>
#include <random>
#include <set>

#include "engine/flat_tree.h"
#include "engine/model_file.h"
#include "engine/table_reader.h"
#include "widgets/class_colors.h"
#include "widgets/tree_edge_item.h"
#include "widgets/tree_explorer.h"
#include "widgets/tree_node_item.h"
#include "widgets/tree_scene.h"

using namespace glassbox;
using glassbox::gui::TreeEdgeItem;
using glassbox::gui::TreeExplorer;
using glassbox::gui::TreeNodeItem;
using glassbox::gui::TreeScene;

namespace {

const QString kShared = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/");

struct Fitted {
    Table table;
    std::shared_ptr<const TrainedModel> model;
};

Fitted fitOn(Table table, const std::string& target, const std::string& learnerName,
             const std::map<std::string, std::string>& given) {
    const Dataset data = makeDataset(table, target, std::nullopt).dataset;
    const Learner& learner = learnerNamed(learnerName);
    auto t = std::make_shared<TrainedModel>();
    t->learner = learnerName;
    t->params = ParamValues::resolve(learner.params(), given);
    t->task = data.task;
    t->target = data.target;
    t->classes = data.classes;
    t->schema = data.features.schema();
    t->model = learner.fit(data, t->params, FitOptions{7, 2}, {});
    return Fitted{std::move(table), std::move(t)};
}

Fitted fitShared(const QString& file, const std::string& target, const std::string& learner,
                 const std::map<std::string, std::string>& given) {
    return fitOn(readTable((kShared + file).toStdString(), ReadOptions{}).table, target, learner,
                 given);
}

// A noisy table whose unpruned tree has thousands of nodes: 4 numeric features, one
// categorical with 12 levels, 3 classes with 35 % of the labels random.
Table noisyTable(std::size_t rows) {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    std::vector<std::vector<double>> x(4, std::vector<double>(rows));
    std::vector<std::int32_t> colour(rows), label(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        for (auto& f : x) f[r] = u(rng);
        colour[r] = std::int32_t(rng() % 12);
        const double s = x[0][r] + x[1][r] * x[2][r] + (colour[r] % 3) * 0.2;
        label[r] = u(rng) < 0.35 ? std::int32_t(rng() % 3) : (s < 0.6 ? 0 : s < 1.1 ? 1 : 2);
    }
    std::vector<Column> columns;
    const char* names[] = {"a rather long measurement name (millimetres)", "x2", "x3", "x4"};
    for (int f = 0; f < 4; ++f)
        columns.push_back(Column::numeric(names[f], x[f], ValidityMask(rows)));
    std::vector<std::string> levels;
    for (const char* level : {"red", "green", "blue", "yellow", "cyan", "magenta", "orange",
                              "purple", "brown", "black", "white", "grey"})
        levels.emplace_back(level);
    columns.push_back(Column::categorical("colour", colour, levels, ValidityMask(rows)));
    columns.push_back(
        Column::categorical("kind", label, {"alpha", "beta", "gamma"}, ValidityMask(rows)));
    return Table(std::move(columns));
}

// The visible node / edge items of the explorer's scene.
template <typename Item>
std::set<int> visibleItems(TreeScene* scene, bool onPathOnly = false) {
    std::set<int> out;
    for (QGraphicsItem* item : scene->items()) {
        if (item->type() != Item::Type || !item->isVisible()) continue;
        auto* typed = static_cast<Item*>(item);
        if (onPathOnly && !typed->isOnPath()) continue;
        if constexpr (std::is_same_v<Item, TreeNodeItem>)
            out.insert(typed->node());
        else
            out.insert(typed->child());
    }
    return out;
}

// Nodes reached from the root without passing below a node for which `stop` holds.
std::set<int> reachable(const FlatTree& tree, const std::function<bool(int, int)>& stop) {
    std::set<int> out;
    std::vector<std::pair<int, int>> stack = {{0, 0}};
    while (!stack.empty()) {
        const auto [v, depth] = stack.back();
        stack.pop_back();
        out.insert(v);
        if (tree.isLeaf(std::size_t(v)) || stop(v, depth)) continue;
        stack.push_back({tree.left[v], depth + 1});
        stack.push_back({tree.right[v], depth + 1});
    }
    return out;
}

void saveShot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    QDir().mkpath(dir);
    widget.show();
    QTest::qWait(50);  // pending layout requests (the toolbar's labels)
    QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
}

// No two shown nodes of a level overlap, and parents sit midway over their children.
void checkLayout(TreeScene* scene) {
    const FlatTree& tree = *scene->drawing().tree;
    std::map<double, std::vector<double>> levels;
    for (std::size_t v = 0; v < tree.nodeCount(); ++v) {
        const TreeNodeItem* item = scene->nodeItem(int(v));
        if (!item) continue;
        levels[item->pos().y()].push_back(item->pos().x());
        if (tree.isLeaf(v) || !scene->isExpanded(int(v))) continue;
        const double mid = 0.5 * (scene->nodeItem(tree.left[v])->pos().x() +
                                  scene->nodeItem(tree.right[v])->pos().x());
        QVERIFY(std::abs(mid - item->pos().x()) < 1e-6);
        QVERIFY(scene->nodeItem(tree.left[v])->pos().x() <
                scene->nodeItem(tree.right[v])->pos().x());
    }
    for (auto& [y, xs] : levels) {
        std::sort(xs.begin(), xs.end());
        for (std::size_t i = 1; i < xs.size(); ++i)
            QVERIFY2(xs[i] - xs[i - 1] >= scene->drawing().width - 1e-6,
                     qPrintable(QStringLiteral("overlap at y=%1").arg(y)));
    }
}

}  // namespace

class TestTreeExplorer : public QObject {
    Q_OBJECT

  private slots:
    void showsEveryNode_data();
    void showsEveryNode();
    void depthLimitHidesDeeperNodes();
    void foldAndUnfold();
    void highlightsDecisionPath_data();
    void highlightsDecisionPath();
    void pathIntoFoldedNodesMarksTheStub();
    void clickEmitsNodeActivated();
    void treeSpinBoxSwitchesTrees();
    void exportsValidFiles();
    void deepTreeIsFast();
    void zoomKeysAndWheel();
    void modelWithoutTrees();
    void palette();
};

void TestTreeExplorer::showsEveryNode_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("learner");
    QTest::addColumn<int>("tree");
    QTest::newRow("iris tree") << "iris.csv"
                               << "species"
                               << "decision_tree" << 0;
    QTest::newRow("iris forest #4") << "iris.csv"
                                    << "species"
                                    << "random_forest" << 3;
    QTest::newRow("iris boosting #8") << "iris.csv"
                                      << "species"
                                      << "gradient_boosting" << 7;
    QTest::newRow("cancer forest #11") << "breast_cancer.csv"
                                       << "diagnosis"
                                       << "random_forest" << 10;
    QTest::newRow("cancer boosting #3") << "breast_cancer.csv"
                                        << "diagnosis"
                                        << "gradient_boosting" << 2;
    QTest::newRow("credit-g tree") << "credit-g.arff"
                                   << "class"
                                   << "decision_tree" << 0;
    QTest::newRow("diabetes tree") << "diabetes_regression.csv"
                                   << "progression"
                                   << "decision_tree" << 0;
    QTest::newRow("diabetes boosting #2") << "diabetes_regression.csv"
                                          << "progression"
                                          << "gradient_boosting" << 1;
}

void TestTreeExplorer::showsEveryNode() {
    QFETCH(QString, file);
    QFETCH(QString, target);
    QFETCH(QString, learner);
    QFETCH(int, tree);
    const Fitted f = fitShared(file, target.toStdString(), learner.toStdString(), {});
    TreeExplorer explorer;
    explorer.resize(1000, 700);
    explorer.setModel(f.model);
    explorer.setTreeIndex(tree);
    QCOMPARE(explorer.treeCount(), int(f.model->model->trees().size()));
    QCOMPARE(explorer.treeIndex(), tree);
    const FlatTree& flat = f.model->model->trees()[std::size_t(tree)];
    QVERIFY(flat.nodeCount() > 1);
    std::set<int> all;
    for (int v = 0; v < int(flat.nodeCount()); ++v) all.insert(v);
    QCOMPARE(visibleItems<TreeNodeItem>(explorer.scene()), all);
    all.erase(0);
    QCOMPARE(visibleItems<TreeEdgeItem>(explorer.scene()), all);
    QCOMPARE(explorer.scene()->shownNodeCount(), int(flat.nodeCount()));
    checkLayout(explorer.scene());
    // Every tooltip names the node's split feature (or says it is a leaf).
    const TreeNodeItem* root = explorer.scene()->nodeItem(0);
    QVERIFY(root->toolTipText().contains(
        QString::fromStdString(f.model->schema.features[flat.feature[0]].name).toHtmlEscaped()));
    if (QTest::currentDataTag() == QLatin1String("credit-g tree")) {
        // Categorical splits with long level lists, at 100 % and the top levels only.
        explorer.setDepthLimit(3);
        explorer.show();
        explorer.setZoom(1.0);
        explorer.view()->centerOn(explorer.scene()->nodeCenter(0) + QPointF(0, 250));
        saveShot(explorer, "tree-credit-g.png");
    } else if (QTest::currentDataTag() == QLatin1String("diabetes tree")) {
        explorer.setDepthLimit(3);
        saveShot(explorer, "tree-diabetes.png");
    } else if (QTest::currentDataTag() == QLatin1String("cancer boosting #3")) {
        saveShot(explorer, "tree-cancer-boosting.png");
    }
}

void TestTreeExplorer::depthLimitHidesDeeperNodes() {
    const Fitted f = fitShared("iris.csv", "species", "decision_tree", {});
    const FlatTree& tree = f.model->model->trees()[0];
    QVERIFY(tree.depth() >= 4);
    TreeExplorer explorer;
    explorer.setModel(f.model);
    for (int limit = 1; limit <= int(tree.depth()); ++limit) {
        explorer.setDepthLimit(limit);
        const std::set<int> expected =
            reachable(tree, [&](int, int depth) { return depth >= limit; });
        QCOMPARE(visibleItems<TreeNodeItem>(explorer.scene()), expected);
        // Internal nodes at the limit are folded into "+N more".
        for (const int v : expected) {
            const TreeNodeItem* item = explorer.scene()->nodeItem(v);
            const bool atLimitInternal =
                !tree.isLeaf(std::size_t(v)) && !expected.count(tree.left[v]);
            QCOMPARE(item->isFolded(), atLimitInternal);
        }
        checkLayout(explorer.scene());
    }
    // The spin box drives the same limit; 0 ("all") shows everything.
    auto* spin = explorer.findChildren<QSpinBox*>().last();
    spin->setValue(2);
    QCOMPARE(explorer.depthLimit(), 2);
    spin->setValue(0);
    QCOMPARE(explorer.scene()->shownNodeCount(), int(tree.nodeCount()));
}

void TestTreeExplorer::foldAndUnfold() {
    const Fitted f = fitShared("breast_cancer.csv", "diagnosis", "decision_tree", {});
    const FlatTree& tree = f.model->model->trees()[0];
    TreeExplorer explorer;
    explorer.resize(1100, 700);
    explorer.setModel(f.model);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    TreeScene* scene = explorer.scene();
    // Fold the root's right child, then its left one: exactly their subtrees disappear.
    const int a = tree.right[0], b = tree.left[0];
    QVERIFY(!tree.isLeaf(std::size_t(a)) && !tree.isLeaf(std::size_t(b)));
    explorer.setNodeExpanded(a, false);
    std::set<int> folded = {a};
    auto expected = [&] { return reachable(tree, [&](int v, int) { return folded.count(v); }); };
    QCOMPARE(visibleItems<TreeNodeItem>(scene), expected());
    explorer.setNodeExpanded(b, false);
    folded.insert(b);
    QCOMPARE(visibleItems<TreeNodeItem>(scene), expected());
    QCOMPARE(scene->shownNodeCount(), 3);
    checkLayout(scene);

    // Clicking b's "+" toggle with the mouse unfolds it again.
    explorer.setDepthLimit(0);  // clears folds
    explorer.setNodeExpanded(b, false);
    auto* view = explorer.view();
    explorer.setZoom(1.0);
    const TreeNodeItem* item = scene->nodeItem(b);
    view->centerOn(item->pos());
    const QPoint toggle = view->mapFromScene(item->pos() + QPointF(0, scene->drawing().height));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, toggle);
    QVERIFY(scene->isExpanded(b));
    QCOMPARE(scene->shownNodeCount(), int(tree.nodeCount()));
    // A double-click on a node's box folds it.
    const QPoint box = view->mapFromScene(scene->nodeCenter(b));
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, box);
    QVERIFY(!scene->isExpanded(b));
    folded = {b};
    QCOMPARE(visibleItems<TreeNodeItem>(scene), expected());
    explorer.expandAll();
    QCOMPARE(scene->shownNodeCount(), int(tree.nodeCount()));
}

void TestTreeExplorer::highlightsDecisionPath_data() {
    QTest::addColumn<QString>("learner");
    QTest::addColumn<int>("tree");
    QTest::newRow("decision tree") << "decision_tree" << 0;
    QTest::newRow("forest tree #6") << "random_forest" << 5;
}

void TestTreeExplorer::highlightsDecisionPath() {
    QFETCH(QString, learner);
    QFETCH(int, tree);
    const Fitted f = fitShared("iris.csv", "species", learner.toStdString(), {});
    const FeatureMatrix x = encodeFeatures(f.table, f.model->schema, "iris.csv");
    const Predictions predictions = f.model->predict(f.table, "iris.csv", {});
    const FlatTree& flat = f.model->model->trees()[std::size_t(tree)];
    TreeExplorer explorer;
    explorer.resize(1000, 700);
    explorer.setModel(f.model);
    explorer.setTreeIndex(tree);
    for (std::size_t row = 0; row < x.rows(); row += 7) {
        std::vector<std::int32_t> path;
        const std::size_t leaf = flat.leafFor(x, row, &path);
        explorer.highlightPath(path);
        const std::set<int> expected(path.begin(), path.end());
        QCOMPARE(visibleItems<TreeNodeItem>(explorer.scene(), true), expected);
        std::set<int> edges = expected;
        edges.erase(0);
        QCOMPARE(visibleItems<TreeEdgeItem>(explorer.scene(), true), edges);
        QCOMPARE(std::size_t(path.back()), leaf);
        QVERIFY(flat.isLeaf(leaf));
        if (learner == QLatin1String("decision_tree")) {
            const auto value = flat.valueOf(leaf);
            const auto argmax = std::max_element(value.begin(), value.end()) - value.begin();
            QCOMPARE(int(argmax), predictions.predictedClass(row));
        }
    }
    if (learner == QLatin1String("random_forest")) {
        explorer.show();
        explorer.fitToWindow();
        saveShot(explorer, "tree-forest-path.png");
    }
    explorer.highlightPath({});
    QVERIFY(visibleItems<TreeNodeItem>(explorer.scene(), true).empty());
}

void TestTreeExplorer::pathIntoFoldedNodesMarksTheStub() {
    const Fitted f = fitShared("iris.csv", "species", "decision_tree", {});
    const FeatureMatrix x = encodeFeatures(f.table, f.model->schema, "iris.csv");
    const FlatTree& flat = f.model->model->trees()[0];
    // A row whose path is deeper than 2.
    std::vector<std::int32_t> path;
    for (std::size_t row = 0; row < x.rows() && path.size() <= 3; ++row) {
        path.clear();
        flat.leafFor(x, row, &path);
    }
    QVERIFY(path.size() > 3);
    TreeExplorer explorer;
    explorer.setModel(f.model);
    explorer.setDepthLimit(2);
    explorer.highlightPath(path);
    QCOMPARE(visibleItems<TreeNodeItem>(explorer.scene(), true),
             std::set<int>(path.begin(), path.begin() + 3));
    // Unfolding the path's node at the limit shows the path one level further.
    explorer.setNodeExpanded(path[2], true);
    QCOMPARE(visibleItems<TreeNodeItem>(explorer.scene(), true),
             std::set<int>(path.begin(), path.begin() + 4));
}

void TestTreeExplorer::clickEmitsNodeActivated() {
    const Fitted f = fitShared("iris.csv", "species", "random_forest", {});
    TreeExplorer explorer;
    explorer.resize(1100, 750);
    explorer.setModel(f.model);
    explorer.setTreeIndex(2);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    QSignalSpy spy(&explorer, &TreeExplorer::nodeActivated);
    const FlatTree& flat = f.model->model->trees()[2];
    auto* view = explorer.view();
    explorer.setZoom(1.0);
    for (int node : {0, int(flat.nodeCount()) - 1, int(flat.nodeCount()) / 2}) {
        const QPointF center = explorer.scene()->nodeCenter(node);
        view->centerOn(center);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(center));
        QCOMPARE(spy.count(), 1);
        const QList<QVariant> args = spy.takeFirst();
        QCOMPARE(args.at(0).toInt(), 2);
        QCOMPARE(args.at(1).toInt(), node);
        QCOMPARE(explorer.scene()->currentNode(), node);
    }
    // A drag pans and activates nothing.
    view->centerOn(explorer.scene()->nodeCenter(0));
    const QPoint start = view->mapFromScene(explorer.scene()->nodeCenter(0));
    const int before = view->horizontalScrollBar()->value();
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
    for (int i = 1; i <= 5; ++i) {
        QMouseEvent move(QEvent::MouseMove, QPointF(start + QPoint(i * 20, 0)),
                         view->viewport()->mapToGlobal(QPointF(start + QPoint(i * 20, 0))),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &move);
    }
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, start + QPoint(100, 0));
    QCOMPARE(spy.count(), 0);
    QVERIFY(view->horizontalScrollBar()->value() < before);
}

void TestTreeExplorer::treeSpinBoxSwitchesTrees() {
    const Fitted f = fitShared("iris.csv", "species", "gradient_boosting", {});
    TreeExplorer explorer;
    explorer.setModel(f.model);
    QSignalSpy spy(&explorer, &TreeExplorer::treeIndexChanged);
    auto* spin = explorer.findChildren<QSpinBox*>().first();
    QCOMPARE(spin->maximum(), explorer.treeCount());
    spin->setValue(5);
    QCOMPARE(explorer.treeIndex(), 4);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(explorer.scene()->shownNodeCount(), int(f.model->model->trees()[4].nodeCount()));
}

void TestTreeExplorer::exportsValidFiles() {
    const Fitted f = fitShared("iris.csv", "species", "decision_tree", {});
    TreeExplorer explorer;
    explorer.resize(900, 600);
    explorer.setModel(f.model);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString png = dir.filePath("tree.png");
    QCOMPARE(explorer.exportTree(png), QString());
    QImage image(png);
    QVERIFY(!image.isNull());
    // The whole tree at twice its size, whatever the window shows.
    QCOMPARE(image.width(), int(std::ceil(explorer.scene()->treeRect().width() * 2)));
    const QString svg = dir.filePath("tree.svg");
    QCOMPARE(explorer.exportTree(svg), QString());
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.startsWith("<?xml"));
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("petal"));  // text stays text
    const QString pdf = dir.filePath("tree.pdf");
    QCOMPARE(explorer.exportTree(pdf), QString());
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5).startsWith("%PDF"));
    QVERIFY(!explorer.exportTree(dir.filePath("tree.bmpx")).isEmpty());
    // The background export writes the same kinds of file.
    QSignalSpy finished(&explorer, &TreeExplorer::exportFinished);
    const QString bgSvg = dir.filePath("background.svg");
    explorer.exportTreeInBackground(bgSvg);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).toString(), bgSvg);
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    QFile bgFile(bgSvg);
    QVERIFY(bgFile.open(QIODevice::ReadOnly));
    QVERIFY(bgFile.readAll().contains("petal"));
    explorer.show();
    saveShot(explorer, "tree-iris.png");
    const QString shots = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        // The exports themselves, to look at, with a path and a current node.
        const FeatureMatrix x = encodeFeatures(f.table, f.model->schema, "iris.csv");
        std::vector<std::int32_t> path;
        f.model->model->trees()[0].leafFor(x, 120, &path);
        explorer.highlightPath(path);
        explorer.scene()->setCurrentNode(path[1]);
        for (const char* name :
             {"tree-iris-export.png", "tree-iris-export.svg", "tree-iris-export.pdf"})
            QCOMPARE(explorer.exportTree(QDir(shots).filePath(name)), QString());
        // The SVG drawn back by Qt's own renderer, to compare with the PNG.
        QSvgRenderer renderer(QDir(shots).filePath("tree-iris-export.svg"));
        QVERIFY(renderer.isValid());
        QImage drawn(renderer.defaultSize(), QImage::Format_ARGB32);
        drawn.fill(Qt::white);
        QPainter painter(&drawn);
        renderer.render(&painter);
        painter.end();
        QVERIFY(drawn.save(QDir(shots).filePath("tree-iris-export-svg.png")));
    }
}

void TestTreeExplorer::deepTreeIsFast() {
    const Fitted f = fitOn(noisyTable(20000), "kind", "decision_tree",
                           {{"max_depth", "none"}, {"min_samples_leaf", "1"}});
    const FlatTree& flat = f.model->model->trees()[0];
    qInfo("deep tree: %zu nodes, depth %zu", flat.nodeCount(), flat.depth());
    QVERIFY(flat.nodeCount() >= 5000);
    TreeExplorer explorer;
    explorer.resize(1200, 800);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    QElapsedTimer timer;
    timer.start();
    explorer.setModel(f.model);
    const qint64 build = timer.elapsed();
    explorer.fitToWindow();
    const QPixmap overview = explorer.view()->viewport()->grab();
    const qint64 total = timer.elapsed();
    qInfo("deep tree: scene built in %lld ms, fit + repaint in %lld ms", build, total - build);
    QVERIFY(!overview.isNull());
    QVERIFY(total < 5000);
    QCOMPARE(explorer.scene()->shownNodeCount(), int(flat.nodeCount()));
    checkLayout(explorer.scene());
    saveShot(explorer, "tree-deep-overview.png");

    // Readable zoom in the middle of the tree: text is drawn for the visible nodes only.
    timer.restart();
    auto* view = explorer.view();
    explorer.setZoom(1.0);
    view->centerOn(explorer.scene()->nodeCenter(flat.left[flat.right[0]]));
    explorer.view()->viewport()->grab();
    qInfo("deep tree: a repaint at 100 %% zoom in %lld ms", timer.elapsed());
    timer.restart();
    explorer.setZoom(0.2);
    explorer.view()->viewport()->grab();
    qInfo("deep tree: a repaint at 20 %% zoom in %lld ms", timer.elapsed());
    saveShot(explorer, "tree-deep-20pct.png");
    explorer.setDepthLimit(5);
    saveShot(explorer, "tree-deep-depth5.png");
    explorer.setDepthLimit(0);

    timer.restart();
    explorer.setNodeExpanded(flat.left[0], false);
    explorer.view()->viewport()->grab();
    qInfo("deep tree: fold + relayout + repaint in %lld ms", timer.elapsed());
    QVERIFY(timer.elapsed() < 5000);

    QTemporaryDir dir;
    timer.restart();
    explorer.expandAll();
    QSignalSpy finished(&explorer, &TreeExplorer::exportFinished);
    explorer.exportTreeInBackground(dir.filePath("deep.svg"));
    qInfo("deep tree: SVG export blocks the UI for %lld ms", timer.elapsed());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    qInfo("deep tree: SVG export done in %lld ms (%lld bytes)", timer.elapsed(),
          QFileInfo(dir.filePath("deep.svg")).size());
    timer.restart();
    QCOMPARE(explorer.exportTree(dir.filePath("deep.png")), QString());
    qInfo("deep tree: PNG export in %lld ms", timer.elapsed());
    QVERIFY(!QImage(dir.filePath("deep.png")).isNull());
}

void TestTreeExplorer::zoomKeysAndWheel() {
    const Fitted f = fitShared("breast_cancer.csv", "diagnosis", "decision_tree", {});
    TreeExplorer explorer;
    explorer.resize(900, 600);
    explorer.setModel(f.model);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    auto* view = explorer.view();
    view->setFocus();
    explorer.setZoom(0.5);
    QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(explorer.zoom() > 0.55);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(std::abs(explorer.zoom() - 0.5) < 1e-9);
    const QPoint at = view->viewport()->rect().center();
    QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(explorer.zoom() > 0.6);
    // Fit shows the whole tree: its rect lies inside the viewport.
    explorer.fitToWindow();
    const QRect shown = view->mapFromScene(explorer.scene()->treeRect()).boundingRect();
    QVERIFY(view->viewport()->rect().adjusted(-2, -2, 2, 2).contains(shown));
}

void TestTreeExplorer::modelWithoutTrees() {
    const Fitted tree = fitShared("iris.csv", "species", "decision_tree", {});
    const Fitted linear = fitShared("iris.csv", "species", "logistic_regression", {});
    TreeExplorer explorer;
    explorer.setModel(tree.model);
    QVERIFY(explorer.scene()->shownNodeCount() > 0);
    explorer.setModel(linear.model);
    QCOMPARE(explorer.treeCount(), 0);
    QVERIFY(visibleItems<TreeNodeItem>(explorer.scene()).empty());
    QVERIFY(!explorer.exportTree(QDir::temp().filePath("glassbox-no-tree.png")).isEmpty());
    explorer.highlightPath({0, 1});
    explorer.setModel(nullptr);
    QVERIFY(explorer.scene()->items().isEmpty());
}

void TestTreeExplorer::palette() {
    using glassbox::gui::classColor;
    // Stable: class k's colour does not depend on the class count; distinct for 20 classes.
    std::set<QRgb> seen;
    for (int k = 0; k < 20; ++k) {
        QCOMPARE(classColor(k, 3), classColor(k, 25));
        QVERIFY(classColor(k, 20).isValid());
        seen.insert(classColor(k, 20).rgb());
    }
    QCOMPARE(int(seen.size()), 20);
    for (int k = 20; k < 60; ++k) QVERIFY(classColor(k, 60).isValid());
    QVERIFY(classColor(20, 30) != classColor(21, 30));
}

QTEST_MAIN(TestTreeExplorer)
#include "test_tree_explorer.moc"
