// The explanation client: curves, importance, SHAP, partial dependence and tree paths computed on
// its own thread equal what the engine computes directly for the same models and options; a
// newer request of a kind drops the older one's answer; cancel; engine errors come back as
// failed with the engine's message.
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <numeric>

#include "engine/curves.h"
#include "engine/errors.h"
#include "engine/flat_tree.h"
#include "engine/importance.h"
#include "engine/partial_dependence.h"
#include "engine/shap.h"
#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/explanation_client.h"

using namespace glassbox;
using namespace glassbox::gui;
using glassbox::testing::TrainedFixture;

namespace {

constexpr int kWait = 60000;

// Bit-for-bit equal (NaN equals NaN).
bool same(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](double x, double y) {
               return std::memcmp(&x, &y, sizeof x) == 0 || (std::isnan(x) && std::isnan(y));
           });
}
bool same(double a, double b) {
    return same(std::vector<double>{a}, std::vector<double>{b});
}

bool sameRoc(const RocCurve& a, const RocCurve& b) {
    return same(a.fpr, b.fpr) && same(a.tpr, b.tpr) && same(a.thresholds, b.thresholds);
}

bool sameCurves(const ClassificationCurves& a, const ClassificationCurves& b) {
    if (a.perClass.size() != b.perClass.size() || a.averaged != b.averaged) return false;
    for (std::size_t k = 0; k < a.perClass.size(); ++k) {
        const ClassCurves& x = a.perClass[k];
        const ClassCurves& y = b.perClass[k];
        if (!sameRoc(x.roc, y.roc) || !same(x.pr.precision, y.pr.precision) ||
            !same(x.pr.recall, y.pr.recall) || !same(x.pr.thresholds, y.pr.thresholds) ||
            !same(x.calibration.fractionPositive, y.calibration.fractionPositive) ||
            !same(x.calibration.meanScore, y.calibration.meanScore) ||
            !same(x.calibration.edges, y.calibration.edges) ||
            x.calibration.counts != y.calibration.counts || !same(x.auc, y.auc) ||
            !same(x.averagePrecision, y.averagePrecision))
            return false;
    }
    return sameRoc(a.microRoc, b.microRoc) && sameRoc(a.macroRoc, b.macroRoc) &&
           same(a.microAuc, b.microAuc) && same(a.macroAuc, b.macroAuc);
}

std::shared_ptr<const TrainedFixture> trained(const QString& file, const QString& learner) {
    const std::string name = file.toStdString();
    const std::string target = name == "iris.csv"            ? "species"
                               : name == "breast_cancer.csv" ? "diagnosis"
                                                             : "progression";
    std::map<std::string, std::string> params;
    if (learner != "decision_tree") params["n_estimators"] = "10";
    return std::make_shared<const TrainedFixture>(testing::trainFixture(
        testing::readSharedDataset(name), target, learner.toStdString(), params));
}

ExplanationSubject runSubject(const TrainedFixture& f) {
    return ExplanationSubject::ofRun(f.outcome, tableOf(f.loaded), QStringLiteral("data.csv"));
}

// The model alone (as from the history), without the run's predictions.
ExplanationSubject modelSubject(const TrainedFixture& f) {
    return ExplanationSubject::ofModel(runSubject(f).model, tableOf(f.loaded),
                                       QStringLiteral("data.csv"));
}

void addModels() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("learner");
    for (const char* file : {"iris.csv", "breast_cancer.csv"})
        for (const char* learner : {"decision_tree", "random_forest", "gradient_boosting"})
            QTest::addRow("%s %s", file, learner) << QString(file) << QString(learner);
}

// The single argument of type T that `spy` got for request `id`; fails when there is none.
template <typename T>
T answerFor(QSignalSpy& spy, int id) {
    if (spy.isEmpty()) spy.wait(kWait);
    for (const QList<QVariant>& args : spy)
        if (args.at(0).toInt() == id) return args.at(1).value<T>();
    return T{};
}

}  // namespace

class ExplanationClientTest : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() {
        registerExplanationMetaTypes();
        QVERIFY(QFileInfo::exists(GLASSBOX_SHARED_DIR "/datasets/iris.csv"));
    }

    void curvesFromRun_data() { addModels(); }
    void curvesFromRun() {
        QFETCH(QString, file);
        QFETCH(QString, learner);
        const auto f = trained(file, learner);
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::curvesReady);
        const int id = client.curves(runSubject(*f));
        const auto curves = answerFor<CurvesExplanationPtr>(ready, id);
        QVERIFY(curves);
        QVERIFY(curves->fromRun);
        const ClassificationCurves expected =
            classificationCurves(f->outcome->truth, f->outcome->run.predictions);
        QVERIFY(sameCurves(curves->curves, expected));
        QCOMPARE(curves->classes, f->outcome->run.trained.classes);
        QCOMPARE(curves->rows, f->outcome->run.rows.size());
        QCOMPARE(curves->tableRows.size(), f->outcome->run.rows.size());
        QCOMPARE(curves->tableRows.front(), f->data.tableRows[f->outcome->run.rows.front()]);
        std::size_t counted = 0;
        for (std::size_t c : curves->classCounts) counted += c;
        QCOMPARE(counted, curves->rows);
    }

    void curvesFromTable_data() { addModels(); }
    void curvesFromTable() {
        QFETCH(QString, file);
        QFETCH(QString, learner);
        const auto f = trained(file, learner);
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::curvesReady);
        CurvesRequest request;
        request.options.calibrationBins = 7;
        request.options.calibrationStrategy = CalibrationStrategy::Quantile;
        const int id = client.curves(modelSubject(*f), request);
        const auto curves = answerFor<CurvesExplanationPtr>(ready, id);
        QVERIFY(curves);
        QVERIFY(!curves->fromRun);
        const TrainedModel& model = f->outcome->run.trained;
        const DatasetResult labelled = labelledRows(model, f->loaded->table, "data.csv");
        const Predictions predicted = model.model->predict(labelled.dataset.features, {});
        QVERIFY(sameCurves(curves->curves, classificationCurves(labelled.dataset.labels, predicted,
                                                                request.options)));
        QCOMPARE(curves->curves.perClass.front().calibration.counts.size(), std::size_t{7});
        QCOMPARE(curves->tableRows, labelled.tableRows);
        QCOMPARE(curves->rows, labelled.dataset.rows());
    }

    void curvesNeedClassification() {
        const auto f = trained("diabetes_regression.csv", "decision_tree");
        ExplanationClient client;
        QSignalSpy failed(&client, &ExplanationClient::failed);
        QSignalSpy ready(&client, &ExplanationClient::curvesReady);
        const int id = client.curves(runSubject(*f));
        QVERIFY(failed.wait(kWait));
        QCOMPARE(failed.front().at(0).toInt(), id);
        QCOMPARE(failed.front().at(1).value<ExplanationKind>(), ExplanationKind::Curves);
        QVERIFY(failed.front().at(2).toString().contains("classification"));
        QVERIFY(ready.isEmpty());
    }

    void permutationImportance_data() { addModels(); }
    void permutationImportance() {
        QFETCH(QString, file);
        QFETCH(QString, learner);
        const auto f = trained(file, learner);
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::importanceReady);
        ImportanceRequest request;
        request.kind = ImportanceKind::Permutation;
        request.repeats = 3;
        request.seed = 11;
        const int id = client.importance(modelSubject(*f), request);
        const auto importance = answerFor<ImportanceExplanationPtr>(ready, id);
        QVERIFY(importance);
        const TrainedModel& model = f->outcome->run.trained;
        const DatasetResult labelled = labelledRows(model, f->loaded->table, "data.csv");
        PermutationOptions options;
        options.repeats = 3;
        options.seed = 11;
        options.threads = 2;  // the result depends only on the seed
        const ImportanceResult expected =
            glassbox::permutationImportance(*model.model, labelled.dataset, options, {});
        const ImportanceResult& got = importance->result;
        QCOMPARE(got.method, std::string("permutation"));
        QCOMPARE(got.features.size(), expected.features.size());
        for (std::size_t i = 0; i < got.features.size(); ++i) {
            QCOMPARE(got.features[i].name, expected.features[i].name);
            QVERIFY(same(got.features[i].value, expected.features[i].value));
            QVERIFY(same(got.features[i].std, expected.features[i].std));
        }
        QVERIFY(same(got.baseline, expected.baseline));
        QCOMPARE(got.rows, expected.rows);
    }

    void modelImportance_data() { addModels(); }
    void modelImportance() {
        QFETCH(QString, file);
        QFETCH(QString, learner);
        const auto f = trained(file, learner);
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::importanceReady);
        ImportanceRequest request;
        request.kind = ImportanceKind::Impurity;
        const int id = client.importance(runSubject(*f), request);
        const auto importance = answerFor<ImportanceExplanationPtr>(ready, id);
        QVERIFY(importance);
        const ImportanceResult expected = impurityImportance(f->outcome->run.trained);
        QCOMPARE(importance->result.method, expected.method);
        for (std::size_t i = 0; i < expected.features.size(); ++i) {
            QCOMPARE(importance->result.features[i].name, expected.features[i].name);
            QVERIFY(same(importance->result.features[i].value, expected.features[i].value));
        }
    }

    void shapOfGivenRows_data() { addModels(); }
    void shapOfGivenRows() {
        QFETCH(QString, file);
        QFETCH(QString, learner);
        const auto f = trained(file, learner);
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::shapReady);
        ShapRequest request;
        request.rows = {0, 5, 17, 100};
        const int id = client.shap(modelSubject(*f), request);
        const auto shap = answerFor<ShapExplanationPtr>(ready, id);
        QVERIFY(shap);
        const TrainedModel& model = f->outcome->run.trained;
        const FeatureMatrix x = encodeFeatures(f->loaded->table, model.schema, "data.csv");
        ShapOptions options;
        options.threads = 1;  // the same result on any thread count
        const ShapValues expected = explainShap(model, x, request.rows, x, options, {});
        QCOMPARE(shap->shap.rows, std::size_t{4});
        QCOMPARE(shap->shap.method, expected.method);
        QVERIFY(same(shap->shap.values, expected.values));
        QVERIFY(same(shap->shap.base, expected.base));
        QVERIFY(same(shap->shap.prediction, expected.prediction));
        QCOMPARE(shap->tableRows, request.rows);
        QVERIFY(!shap->sampled);
        const FeatureMatrix rows = x.subset(request.rows);
        for (std::size_t c = 0; c < rows.featureCount(); ++c) {
            QVERIFY(std::equal(rows.values(c).begin(), rows.values(c).end(),
                               shap->features.values(c).begin(), shap->features.values(c).end()));
        }
        QVERIFY(
            same(shap->predictions.probabilities, model.model->predict(rows, {}).probabilities));
    }

    void shapOfSample() {
        const auto f = trained("breast_cancer.csv", "random_forest");
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::shapReady);
        ShapRequest request;
        request.sampleRows = 50;
        request.seed = 4;
        const int id = client.shap(runSubject(*f), request);
        const auto shap = answerFor<ShapExplanationPtr>(ready, id);
        QVERIFY(shap);
        QVERIFY(shap->sampled);
        QCOMPARE(shap->tableRows.size(), std::size_t{50});
        QCOMPARE(shap->tableRowCount, f->loaded->table.rowCount());
        QVERIFY(std::is_sorted(shap->tableRows.begin(), shap->tableRows.end()));
        QVERIFY(std::adjacent_find(shap->tableRows.begin(), shap->tableRows.end()) ==
                shap->tableRows.end());
        QCOMPARE(shap->shap.rows, std::size_t{50});
        QCOMPARE(shap->features.rows(), std::size_t{50});
        // The same seed gives the same sample; values are those of the sampled rows.
        const TrainedModel& model = f->outcome->run.trained;
        const FeatureMatrix x = encodeFeatures(f->loaded->table, model.schema, "data.csv");
        const ShapValues expected = explainShap(model, x, shap->tableRows, x, ShapOptions{}, {});
        QVERIFY(same(shap->shap.values, expected.values));
        const int again = client.shap(runSubject(*f), request);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, kWait);
        QCOMPARE(answerFor<ShapExplanationPtr>(ready, again)->tableRows, shap->tableRows);
    }

    void partialDependence_data() { addModels(); }
    void partialDependence() {
        QFETCH(QString, file);
        QFETCH(QString, learner);
        const auto f = trained(file, learner);
        const TrainedModel& model = f->outcome->run.trained;
        const std::string feature = model.schema.features[2].name;
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::dependenceReady);
        DependenceRequest request;
        request.feature = feature;
        request.points = 20;
        request.iceRows = 30;
        request.seed = 3;
        const int id = client.partialDependence(modelSubject(*f), request);
        const auto pd = answerFor<DependenceExplanationPtr>(ready, id);
        QVERIFY(pd);
        const FeatureMatrix x = encodeFeatures(f->loaded->table, model.schema, "data.csv");
        PartialDependenceOptions options;
        options.points = 20;
        options.sampleRows = 30;
        options.seed = 3;
        const PartialDependence expected =
            glassbox::partialDependence(*model.model, x, 2, options, {});
        QCOMPARE(pd->dependence.feature, std::size_t{2});
        QCOMPARE(pd->feature, feature);
        QVERIFY(same(pd->dependence.grid, expected.grid));
        QCOMPARE(pd->dependence.rows, expected.rows);
        QCOMPARE(pd->dependence.rows.size(), std::size_t{30});
        QVERIFY(same(pd->dependence.ice, expected.ice));
        QVERIFY(same(pd->dependence.average, expected.average));
        QCOMPARE(pd->classes, model.classes);
    }

    void unknownFeature() {
        const auto f = trained("iris.csv", "decision_tree");
        ExplanationClient client;
        QSignalSpy failed(&client, &ExplanationClient::failed);
        DependenceRequest request;
        request.feature = "species";
        const int id = client.partialDependence(runSubject(*f), request);
        QVERIFY(failed.wait(kWait));
        QCOMPARE(failed.front().at(0).toInt(), id);
        QCOMPARE(failed.front().at(1).value<ExplanationKind>(), ExplanationKind::Dependence);
        QVERIFY(failed.front().at(2).toString().contains("\"species\""));
    }

    void decisionPath_data() { addModels(); }
    void decisionPath() {
        QFETCH(QString, file);
        QFETCH(QString, learner);
        const auto f = trained(file, learner);
        const TrainedModel& model = f->outcome->run.trained;
        const FeatureMatrix x = encodeFeatures(f->loaded->table, model.schema, "data.csv");
        const std::size_t trees = model.model->trees().size();
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::pathReady);
        for (std::size_t tree : {std::size_t{0}, trees - 1})
            for (std::size_t row : {std::size_t{0}, std::size_t{77}, x.rows() - 1}) {
                ready.clear();
                const int id = client.decisionPath(runSubject(*f), tree, row);
                const auto path = answerFor<DecisionPathPtr>(ready, id);
                QVERIFY(path);
                std::vector<std::int32_t> expected;
                const FlatTree& flat = model.model->trees()[tree];
                QCOMPARE(path->leaf, flat.leafFor(x, row, &expected));
                QCOMPARE(path->nodes, expected);
                QCOMPARE(static_cast<std::size_t>(path->nodes.back()), path->leaf);
                QVERIFY(flat.isLeaf(path->leaf));
                QCOMPARE(path->tree, tree);
                QCOMPARE(path->tableRow, row);
            }
    }

    void rowsAtNode_data() { addModels(); }
    void rowsAtNode() {
        QFETCH(QString, file);
        QFETCH(QString, learner);
        const auto f = trained(file, learner);
        const TrainedModel& model = f->outcome->run.trained;
        const FeatureMatrix x = encodeFeatures(f->loaded->table, model.schema, "data.csv");
        const std::size_t tree = model.model->trees().size() / 2;
        const FlatTree& flat = model.model->trees()[tree];
        QVERIFY(!flat.isLeaf(0));
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::nodeRowsReady);
        auto rowsAt = [&](std::size_t node) {
            ready.clear();
            const int id = client.rowsAtNode(runSubject(*f), tree, node);
            const auto rows = answerFor<NodeRowsPtr>(ready, id);
            return rows ? rows->rows : std::vector<std::size_t>{};
        };
        std::vector<std::size_t> all(x.rows());
        std::iota(all.begin(), all.end(), std::size_t{0});
        QCOMPARE(rowsAt(0), all);
        const std::size_t left = static_cast<std::size_t>(flat.left[0]);
        const std::size_t right = static_cast<std::size_t>(flat.right[0]);
        const std::vector<std::size_t> leftRows = rowsAt(left);
        const std::vector<std::size_t> rightRows = rowsAt(right);
        QVERIFY(!leftRows.empty());
        QVERIFY(!rightRows.empty());
        std::vector<std::size_t> both = leftRows;
        both.insert(both.end(), rightRows.begin(), rightRows.end());
        std::sort(both.begin(), both.end());
        QCOMPARE(both, all);  // the children partition the root's rows
        // Every row returned for a deeper node passes it; every other row does not.
        const std::size_t deep = flat.nodeCount() - 1;
        const std::vector<std::size_t> deepRows = rowsAt(deep);
        for (std::size_t r = 0; r < x.rows(); ++r) {
            std::vector<std::int32_t> path;
            flat.leafFor(x, r, &path);
            const bool passes =
                std::find(path.begin(), path.end(), static_cast<std::int32_t>(deep)) != path.end();
            QCOMPARE(std::binary_search(deepRows.begin(), deepRows.end(), r), passes);
        }
    }

    void treeErrors() {
        const auto f = trained("iris.csv", "decision_tree");
        ExplanationClient client;
        QSignalSpy failed(&client, &ExplanationClient::failed);
        const int tree = client.decisionPath(runSubject(*f), 1, 0);
        QVERIFY(failed.wait(kWait));
        QCOMPARE(failed.back().at(0).toInt(), tree);
        QCOMPARE(failed.back().at(1).value<ExplanationKind>(), ExplanationKind::DecisionPath);
        const int node = client.rowsAtNode(runSubject(*f), 0, 100000);
        QVERIFY(failed.wait(kWait));
        QCOMPARE(failed.back().at(0).toInt(), node);
        QCOMPARE(failed.back().at(1).value<ExplanationKind>(), ExplanationKind::NodeRows);
        QVERIFY(failed.back().at(2).toString().contains("node"));
    }

    void newerRequestDropsOlderAnswer() {
        const auto f = trained("breast_cancer.csv", "random_forest");
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::shapReady);
        QSignalSpy cancelled(&client, &ExplanationClient::cancelled);
        QSignalSpy finished(&client, &ExplanationClient::finished);
        ShapRequest all;
        all.sampleRows = 0;  // every row: slower than the next request
        const int first = client.shap(runSubject(*f), all);
        ShapRequest few;
        few.rows = {3, 4};
        const int second = client.shap(runSubject(*f), few);
        QVERIFY(!client.isRunning(first));
        QVERIFY(client.isRunning(second));
        // Another kind is not affected.
        QSignalSpy paths(&client, &ExplanationClient::pathReady);
        const int path = client.decisionPath(runSubject(*f), 0, 3);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(paths.size(), 1, kWait);
        QTest::qWait(200);  // the first's answer (if any) has had time to arrive
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.front().at(0).toInt(), second);
        QCOMPARE(ready.front().at(1).value<ShapExplanationPtr>()->tableRows, few.rows);
        QCOMPARE(paths.front().at(0).toInt(), path);
        QVERIFY(cancelled.isEmpty());
        for (const QList<QVariant>& args : finished) QVERIFY(args.at(0).toInt() != first);
        QVERIFY(!client.isBusy());
    }

    void channelsDoNotSupersedeEachOther() {
        // The ROC curves of two runs overlaid: one channel per run, both answered.
        const auto tree = trained("breast_cancer.csv", "decision_tree");
        const auto boosted = trained("breast_cancer.csv", "gradient_boosting");
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::curvesReady);
        const int first = client.curves(runSubject(*tree), {}, 1);
        const int second = client.curves(runSubject(*boosted), {}, 2);
        QVERIFY(client.isRunning(first));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, kWait);
        const auto a = answerFor<CurvesExplanationPtr>(ready, first);
        const auto b = answerFor<CurvesExplanationPtr>(ready, second);
        QVERIFY(a && b);
        QVERIFY(sameCurves(
            a->curves, classificationCurves(tree->outcome->truth, tree->outcome->run.predictions)));
        QVERIFY(sameCurves(b->curves, classificationCurves(boosted->outcome->truth,
                                                           boosted->outcome->run.predictions)));
        // On one channel, the newer request still drops the older.
        ready.clear();
        const int old = client.curves(runSubject(*tree), {}, 1);
        const int newer = client.curves(runSubject(*boosted), {}, 1);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, kWait);
        QTest::qWait(100);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(ready.front().at(0).toInt(), newer);
        QVERIFY(!client.isRunning(old));
    }

    void cancelBeforeStart() {
        const auto f = trained("iris.csv", "random_forest");
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::importanceReady);
        QSignalSpy cancelled(&client, &ExplanationClient::cancelled);
        const int id = client.importance(runSubject(*f));
        client.cancel(id);
        QVERIFY(cancelled.wait(kWait));
        QCOMPARE(cancelled.front().at(0).toInt(), id);
        QTest::qWait(100);
        QVERIFY(ready.isEmpty());
        QVERIFY(!client.isBusy());
    }

    void cancelWhileRunning() {
        const auto f = trained("breast_cancer.csv", "random_forest");
        ExplanationClient client;
        QSignalSpy ready(&client, &ExplanationClient::importanceReady);
        QSignalSpy cancelled(&client, &ExplanationClient::cancelled);
        QSignalSpy progress(&client, &ExplanationClient::progress);
        ImportanceRequest request;
        request.repeats = 2000;  // minutes of work
        const int id = client.importance(runSubject(*f), request);
        QVERIFY(progress.wait(kWait));
        QElapsedTimer timer;
        timer.start();
        client.cancelKind(ExplanationKind::Importance);
        QVERIFY(cancelled.wait(kWait));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(cancelled.front().at(0).toInt(), id);
        QVERIFY(ready.isEmpty());
    }

    void missingFeatureColumn_data() {
        QTest::addColumn<int>("kind");
        QTest::newRow("curves") << static_cast<int>(ExplanationKind::Curves);
        QTest::newRow("permutation") << static_cast<int>(ExplanationKind::Importance);
        QTest::newRow("shap") << static_cast<int>(ExplanationKind::Shap);
        QTest::newRow("dependence") << static_cast<int>(ExplanationKind::Dependence);
        QTest::newRow("path") << static_cast<int>(ExplanationKind::DecisionPath);
        QTest::newRow("node rows") << static_cast<int>(ExplanationKind::NodeRows);
    }
    void missingFeatureColumn() {
        QFETCH(int, kind);
        const auto f = trained("iris.csv", "gradient_boosting");
        const TrainedModel& model = f->outcome->run.trained;
        const std::string dropped = model.schema.features[1].name;
        std::vector<Column> columns;
        for (const Column& c : f->loaded->table.columns())
            if (c.name() != dropped) columns.push_back(c);
        auto table = std::make_shared<const Table>(std::move(columns));
        QString expected;
        try {
            encodeFeatures(*table, model.schema, "cut.csv");
        } catch (const InvalidArgument& e) {
            expected = QString::fromStdString(e.what());
        }
        QVERIFY(expected.contains(QString::fromStdString(dropped)));

        // A model from the history: curves predict the table too.
        const ExplanationSubject subject =
            ExplanationSubject::ofModel(runSubject(*f).model, table, QStringLiteral("cut.csv"));
        ExplanationClient client;
        QSignalSpy failed(&client, &ExplanationClient::failed);
        int id = 0;
        switch (static_cast<ExplanationKind>(kind)) {
            case ExplanationKind::Curves:
                id = client.curves(subject);
                break;
            case ExplanationKind::Importance:
                id = client.importance(subject);
                break;
            case ExplanationKind::Shap:
                id = client.shap(subject);
                break;
            case ExplanationKind::Dependence: {
                DependenceRequest request;
                request.feature = model.schema.features[0].name;
                id = client.partialDependence(subject, request);
                break;
            }
            case ExplanationKind::DecisionPath:
                id = client.decisionPath(subject, 0, 0);
                break;
            case ExplanationKind::NodeRows:
                id = client.rowsAtNode(subject, 0, 0);
                break;
        }
        QVERIFY(failed.wait(kWait));
        QCOMPARE(failed.front().at(0).toInt(), id);
        QCOMPARE(failed.front().at(1).value<ExplanationKind>(), static_cast<ExplanationKind>(kind));
        QCOMPARE(failed.front().at(2).toString(), expected);
    }
};

QTEST_MAIN(ExplanationClientTest)
#include "test_explanation_client.moc"
