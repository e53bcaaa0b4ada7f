// The Predict view on a temporary model history with a decision tree and a logistic
// regression fitted on iris: predictions and probabilities against TrainedModel::predict,
// CSV export read back, evaluation against the engine's scores with the alert banner and the
// stored evaluation, importance and SHAP against the engine, a missing feature shown as an
// error, stale answers dropped. With GLASSBOX_SCREENSHOT_DIR set, saves screenshots there.
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "engine/dataset_fingerprint.h"
#include "engine/importance.h"
#include "engine/metrics.h"
#include "engine/model_registry.h"
#include "engine/shap.h"
#include "engine/table_reader.h"
#include "widgets/predict_view.h"
#include "widgets/prediction_model.h"

using namespace glassbox;
using glassbox::gui::PredictionModel;
using glassbox::gui::PredictView;

namespace {

const QString kIris = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/iris.csv");
const QString kBreastCancer = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/breast_cancer.csv");
const QString kDiabetes = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/diabetes_regression.csv");
constexpr int kTimeout = 30000;

TrainedModel fitModel(const Dataset& data, const std::string& learnerName,
                      const std::map<std::string, std::string>& given) {
    const Learner& learner = learnerNamed(learnerName);
    TrainedModel t;
    t.learner = learnerName;
    t.params = ParamValues::resolve(learner.params(), given);
    t.task = data.task;
    t.target = data.target;
    t.classes = data.classes;
    t.schema = data.features.schema();
    t.model = learner.fit(data, t.params, FitOptions{0, 2}, {});
    return t;
}

std::shared_ptr<const LoadedTable> readShared(const QString& path) {
    return std::make_shared<const LoadedTable>(readTable(path.toStdString(), ReadOptions{}));
}

void saveShot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    QDir().mkpath(dir);
    // Shown, so that the layout and the scroll bars are what a user sees.
    widget.show();
    QTest::qWait(50);
    QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
}

}  // namespace

class TestPredictView : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void predictionsMatchTheEngine_data();
    void predictionsMatchTheEngine();
    void exportsCsv();
    void evaluatesAndAlerts();
    void lowerIsBetterMetricAlertsAbove();
    void explainsImportanceAndShap();
    void missingFeatureShowsTheEngineError();
    void staleVersionAnswerIsDropped();
    void impurityImportanceOfTheTree();
    void regressionPredictsEvaluatesExplains();
    void millionRowsStayResponsive();
    void binaryDecisionThreshold();
    void cancelledReadKeepsTheTable();

  private:
    // A view on the temporary history showing `version` on `data`, predictions done.
    std::unique_ptr<PredictView> openView(qint64 version, const QString& data,
                                          const QString& action = QStringLiteral("predict"));

    QTemporaryDir dir_;
    QString registryPath_;
    QString missingFeatureCsv_;
    qint64 treeId_ = 0;
    qint64 logisticId_ = 0;
    qint64 linearId_ = 0;
    qint64 binaryId_ = 0;
    QStringList messages_;
};

void TestPredictView::initTestCase() {
    QVERIFY(dir_.isValid());
    registryPath_ = dir_.filePath("history.sqlite");
    const LoadedTable iris = readTable(kIris.toStdString(), ReadOptions{});
    const Dataset data = makeDataset(iris.table, "species", std::nullopt).dataset;
    ModelRegistry registry = ModelRegistry::open(registryPath_.toStdString());
    NewVersion v;
    v.validation = "training rows";
    v.dataset = fingerprintDataFile(kIris.toStdString(), iris.table.rowCount(),
                                    iris.table.columnCount(), {});
    // A shallow tree, so that accuracy is below 1 and an alert threshold can lie above it.
    const TrainedModel tree = fitModel(data, "decision_tree", {{"max_depth", "2"}});
    v.metrics = classificationScores(data.labels, tree.model->predict(data.features, {}));
    v.name = "shallow tree";
    treeId_ = registry.addVersion(tree, v);
    const TrainedModel logistic = fitModel(data, "logistic_regression", {});
    v.metrics = classificationScores(data.labels, logistic.model->predict(data.features, {}));
    v.name = "";
    logisticId_ = registry.addVersion(logistic, v);

    const LoadedTable diabetes = readTable(kDiabetes.toStdString(), ReadOptions{});
    const Dataset regression = makeDataset(diabetes.table, "progression", std::nullopt).dataset;
    QCOMPARE(regression.task, TaskKind::Regression);
    const TrainedModel linear = fitModel(regression, "linear_regression", {});
    NewVersion r;
    r.validation = "training rows";
    r.metrics =
        regressionScores(regression.targets, linear.model->predict(regression.features, {}).values);
    linearId_ = registry.addVersion(linear, r);

    const LoadedTable cancer = readTable(kBreastCancer.toStdString(), ReadOptions{});
    const Dataset binary = makeDataset(cancer.table, "diagnosis", std::nullopt).dataset;
    QCOMPARE(binary.classes.size(), std::size_t{2});
    const TrainedModel binaryTree = fitModel(binary, "decision_tree", {{"max_depth", "3"}});
    v.metrics = classificationScores(binary.labels, binaryTree.model->predict(binary.features, {}));
    binaryId_ = registry.addVersion(binaryTree, v);

    // iris without "petal width (cm)", a feature of both models.
    missingFeatureCsv_ = dir_.filePath("no-petal-width.csv");
    QFile in(kIris), out(missingFeatureCsv_);
    QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
    while (!in.atEnd()) {
        QList<QByteArray> fields = in.readLine().trimmed().split(',');
        if (fields.size() == 5) fields.removeAt(3);
        out.write(fields.join(',') + '\n');
    }
}

std::unique_ptr<PredictView> TestPredictView::openView(qint64 version, const QString& data,
                                                       const QString& action) {
    auto view = std::make_unique<PredictView>(registryPath_);
    view->setMessageHandler([this](const QString&, const QString& text) { messages_ << text; });
    view->resize(1280, 720);
    QSignalSpy loaded(view.get(), &PredictView::versionLoaded);
    QSignalSpy predicted(view.get(), &PredictView::predictionsShown);
    view->openVersion(version, action);
    if (!loaded.wait(kTimeout)) return nullptr;
    if (loaded.at(0).at(0).toLongLong() != version) return nullptr;
    view->openDataFile(data);
    if (!predicted.wait(kTimeout)) return nullptr;
    return view;
}

void TestPredictView::predictionsMatchTheEngine_data() {
    QTest::addColumn<bool>("tree");
    QTest::newRow("decision_tree") << true;
    QTest::newRow("logistic_regression") << false;
}

void TestPredictView::predictionsMatchTheEngine() {
    QFETCH(bool, tree);
    const qint64 id = tree ? treeId_ : logisticId_;
    messages_.clear();
    const auto view = openView(id, kIris);
    QVERIFY2(view, qPrintable(messages_.join('\n')));
    QVERIFY(messages_.isEmpty());
    QCOMPARE(view->currentVersion(), std::optional<qint64>(id));
    QVERIFY(view->versionCombo()->currentText().startsWith(QStringLiteral("#%1 ").arg(id)));

    // The engine's own predictions of the stored model.
    const TrainedModel model = ModelRegistry::open(registryPath_.toStdString()).loadModel(id);
    const auto table = readShared(kIris);
    const Predictions expected = model.predict(table->table, "iris", {});

    PredictionModel* m = view->predictionModel();
    QCOMPARE(m->rowCount(), 150);
    QCOMPARE(m->columnCount(), 5 + 1 + 3);
    const int predicted = m->predictedColumn();
    QCOMPARE(predicted, 0);
    QCOMPARE(m->firstDataColumn(), 4);
    QCOMPARE(m->headerData(predicted, Qt::Horizontal).toString(), QString("predicted"));
    QCOMPARE(m->headerData(predicted + 2, Qt::Horizontal).toString(), QString("P(versicolor)"));
    for (int row : {0, 50, 70, 77, 83, 133, 149}) {
        const auto r = static_cast<std::size_t>(row);
        QCOMPARE(m->data(m->index(row, predicted), PredictionModel::ValueRole).toInt(),
                 expected.predictedClass(r));
        QCOMPARE(m->data(m->index(row, predicted)).toString(),
                 QString::fromStdString(
                     model.classes[static_cast<std::size_t>(expected.predictedClass(r))]));
        for (int c = 0; c < 3; ++c)
            QCOMPARE(
                m->data(m->index(row, predicted + 1 + c), PredictionModel::ValueRole).toDouble(),
                expected.probabilitiesOf(r)[static_cast<std::size_t>(c)]);
    }
    std::vector<int> counts(3, 0), expectedCounts(3, 0);
    for (int row = 0; row < m->rowCount(); ++row) {
        ++counts[static_cast<std::size_t>(
            m->data(m->index(row, predicted), PredictionModel::ValueRole).toInt())];
        ++expectedCounts[static_cast<std::size_t>(
            expected.predictedClass(static_cast<std::size_t>(row)))];
    }
    QCOMPARE(counts, expectedCounts);
    // The data columns are the table's.
    QCOMPARE(m->headerData(m->firstDataColumn() + 4, Qt::Horizontal).toString(),
             QString("species"));
    QCOMPARE(m->data(m->index(0, m->firstDataColumn() + 4)).toString(), QString("setosa"));
    if (tree) saveShot(*view, QStringLiteral("predict.png"));
}

void TestPredictView::exportsCsv() {
    const auto view = openView(logisticId_, kIris);
    QVERIFY2(view, qPrintable(messages_.join('\n')));
    QTemporaryDir out;
    const QString path = out.filePath("predictions.csv");
    QSignalSpy exported(view.get(), &PredictView::exportFinished);
    view->exportCsv(path);
    QVERIFY(exported.wait(kTimeout));
    QCOMPARE(exported.at(0).at(1).toULongLong(), qulonglong{150});
    // Only the final file: the temporary one was renamed into place.
    QCOMPARE(QDir(out.path()).entryList(QDir::Files), QStringList{"predictions.csv"});

    const LoadedTable back = readTable(path.toStdString(), ReadOptions{});
    QCOMPARE(back.table.rowCount(), std::size_t{150});
    QCOMPARE(back.table.columnCount(), std::size_t{5 + 1 + 3});
    const Predictions& p = *view->predictionModel()->predictions();
    const std::ptrdiff_t proba = back.table.indexOf("proba_versicolor");
    const std::ptrdiff_t prediction = back.table.indexOf("prediction");
    QVERIFY(proba >= 0 && prediction >= 0);
    for (std::size_t row : {0u, 77u, 120u}) {
        QCOMPARE(back.table.column(static_cast<std::size_t>(proba)).numbers()[row],
                 p.probabilitiesOf(row)[1]);
        QCOMPARE(back.table.column(static_cast<std::size_t>(prediction)).format(row),
                 view->predictionModel()
                     ->data(view->predictionModel()->index(static_cast<int>(row), 0))
                     .toString()
                     .toStdString());
    }
}

void TestPredictView::evaluatesAndAlerts() {
    messages_.clear();
    const std::size_t before =
        ModelRegistry::open(registryPath_.toStdString()).evaluations(treeId_).size();
    auto view = std::make_unique<PredictView>(registryPath_);
    view->setMessageHandler([this](const QString&, const QString& text) { messages_ << text; });
    view->resize(1280, 760);
    QSignalSpy loaded(view.get(), &PredictView::versionLoaded);
    QSignalSpy evaluated(view.get(), &PredictView::evaluationShown);
    view->openVersion(treeId_, QStringLiteral("evaluate"));
    QCOMPARE(view->mode(), PredictView::Mode::Evaluate);
    QVERIFY(loaded.wait(kTimeout));
    // The table the main window would hand over, with its file path.
    view->setTable(readShared(kIris), kIris);
    QVERIFY2(evaluated.wait(kTimeout), qPrintable(messages_.join('\n')));
    QVERIFY(messages_.isEmpty());

    // The engine's accuracy on the same labelled rows.
    const TrainedModel model = ModelRegistry::open(registryPath_.toStdString()).loadModel(treeId_);
    const auto table = readShared(kIris);
    const DatasetResult labelled = labelledRows(model, table->table, "iris");
    const Scores expected = classificationScores(
        labelled.dataset.labels, model.model->predict(labelled.dataset.features, {}));
    const double accuracy = *expected.get("accuracy");
    QVERIFY(accuracy < 1.0);
    QCOMPARE(*view->evaluation()->scores.get("accuracy"), accuracy);
    QCOMPARE(view->evaluation()->rows, std::size_t{150});
    QCOMPARE(view->metricsTable()->rowCount(), static_cast<int>(expected.values.size()));
    // Multiclass: no decision threshold.
    QVERIFY(view->findChild<QWidget*>(QStringLiteral("decisionThresholdCheck"))->isHidden());

    view->metricCombo()->setCurrentText(QStringLiteral("accuracy"));
    view->alertThresholdSpin()->setValue(accuracy + 0.01);
    QVERIFY(view->isAlertShown());
    QVERIFY(view->alertText().contains(QStringLiteral("accuracy")));
    QVERIFY(view->alertText().contains(QStringLiteral("below")));
    saveShot(*view, QStringLiteral("evaluate-alert.png"));
    view->alertThresholdSpin()->setValue(accuracy - 0.01);
    QVERIFY(!view->isAlertShown());

    // Stored in the history with the file's fingerprint.
    const std::vector<Evaluation> stored =
        ModelRegistry::open(registryPath_.toStdString()).evaluations(treeId_);
    QCOMPARE(stored.size(), before + 1);
    QCOMPARE(stored.back().id, *view->evaluation()->evaluationId);
    QCOMPARE(stored.back().dataset.rows, std::uint64_t{150});
    QVERIFY(!stored.back().dataset.sha256.empty());
    bool found = false;
    for (const auto& [name, value] : stored.back().metrics)
        if (name == "accuracy") {
            found = true;
            QCOMPARE(*value, accuracy);
        }
    QVERIFY(found);
}

void TestPredictView::lowerIsBetterMetricAlertsAbove() {
    messages_.clear();
    const auto view = openView(logisticId_, kIris, QStringLiteral("evaluate"));
    QVERIFY2(view, qPrintable(messages_.join('\n')));
    if (!view->evaluation()) {
        QSignalSpy evaluated(view.get(), &PredictView::evaluationShown);
        QVERIFY(evaluated.wait(kTimeout));
    }
    const double logLoss = *view->evaluation()->scores.get("log_loss");
    view->metricCombo()->setCurrentText(QStringLiteral("log_loss"));
    view->alertThresholdSpin()->setValue(logLoss / 2);
    QVERIFY(view->isAlertShown());
    QVERIFY(view->alertText().contains(QStringLiteral("above")));
    view->alertThresholdSpin()->setValue(logLoss * 2);
    QVERIFY(!view->isAlertShown());
}

void TestPredictView::explainsImportanceAndShap() {
    messages_.clear();
    auto view = std::make_unique<PredictView>(registryPath_);
    view->setMessageHandler([this](const QString&, const QString& text) { messages_ << text; });
    view->resize(1280, 820);
    QSignalSpy loaded(view.get(), &PredictView::versionLoaded);
    QSignalSpy importance(view.get(), &PredictView::importanceShown);
    QSignalSpy predicted(view.get(), &PredictView::predictionsShown);
    view->openVersion(logisticId_, QStringLiteral("explain"));
    QVERIFY(loaded.wait(kTimeout));
    view->openDataFile(kIris);
    QVERIFY2(importance.wait(kTimeout), qPrintable(messages_.join('\n')));
    if (predicted.isEmpty()) QVERIFY(predicted.wait(kTimeout));

    const TrainedModel model =
        ModelRegistry::open(registryPath_.toStdString()).loadModel(logisticId_);
    const auto table = readShared(kIris);
    const DatasetResult labelled = labelledRows(model, table->table, "iris");
    PermutationOptions options;
    options.threads = 2;
    const ImportanceResult expected =
        permutationImportance(*model.model, labelled.dataset, options, {});
    const ImportanceResult& shown = view->importance()->result;
    QCOMPARE(shown.method, std::string("permutation"));
    QCOMPARE(shown.features.size(), expected.features.size());
    for (std::size_t i = 0; i < expected.features.size(); ++i) {
        QCOMPARE(shown.features[i].name, expected.features[i].name);
        QCOMPARE(shown.features[i].value, expected.features[i].value);
        QCOMPARE(shown.features[i].std, expected.features[i].std);
    }
    QCOMPARE(view->importanceTable()->rowCount(), 4);

    // Selecting a row explains it.
    QSignalSpy explained(view.get(), &PredictView::rowExplanationShown);
    view->predictionTable()->selectRow(77);
    view->predictionTable()->scrollTo(view->predictionModel()->index(77, 0));
    QVERIFY2(explained.wait(kTimeout), qPrintable(messages_.join('\n')));
    QCOMPARE(explained.last().at(0).toInt(), 77);
    const FeatureMatrix x = encodeFeatures(table->table, model.schema, "iris");
    const std::vector<std::size_t> rows{77};
    const ShapValues shap = explainShap(model, x, rows, x, ShapOptions{}, {});
    const ShapValues& got = view->rowExplanation()->shap;
    QCOMPARE(got.method, shap.method);
    QCOMPARE(got.outputs, shap.outputs);
    for (std::size_t o = 0; o < shap.outputs; ++o) {
        QCOMPARE(got.base[o], shap.base[o]);
        double sum = got.base[o];
        for (std::size_t f = 0; f < shap.features; ++f) {
            QVERIFY(std::abs(got.at(0, o, f) - shap.at(0, o, f)) < 1e-12);
            sum += got.at(0, o, f);
        }
        QVERIFY(std::abs(sum - got.prediction[o]) < 1e-9);
    }
    QCOMPARE(view->shapTable()->rowCount(), 4);
    // Largest |contribution| first.
    const auto contribution = [&](int row) {
        return std::abs(view->shapTable()
                            ->item(row, 2)
                            ->text()
                            .remove('+')
                            .replace(QChar(0x2212), '-')
                            .toDouble());
    };
    QVERIFY(contribution(0) >= contribution(3));
    saveShot(*view, QStringLiteral("explain.png"));
}

void TestPredictView::missingFeatureShowsTheEngineError() {
    messages_.clear();
    auto view = std::make_unique<PredictView>(registryPath_);
    view->setMessageHandler([this](const QString&, const QString& text) { messages_ << text; });
    QSignalSpy loaded(view.get(), &PredictView::versionLoaded);
    QSignalSpy errors(view.get(), &PredictView::errorShown);
    view->openVersion(treeId_);
    QVERIFY(loaded.wait(kTimeout));
    view->openDataFile(missingFeatureCsv_);
    QVERIFY(errors.wait(kTimeout));
    QCOMPARE(messages_.size(), 1);
    QVERIFY2(messages_.at(0).contains(QStringLiteral("petal width (cm)")),
             qPrintable(messages_.at(0)));
    QVERIFY(!view->predictionModel()->predictions());
    QCOMPARE(view->predictionModel()->columnCount(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), kTimeout);
}

void TestPredictView::staleVersionAnswerIsDropped() {
    auto view = std::make_unique<PredictView>(registryPath_);
    QSignalSpy listed(view.get(), &PredictView::versionsRefreshed);
    QVERIFY(listed.wait(kTimeout));
    QCOMPARE(view->versionCombo()->count(), 4);
    QSignalSpy loaded(view.get(), &PredictView::versionLoaded);
    view->openVersion(treeId_);
    view->openVersion(logisticId_);
    QVERIFY(loaded.wait(kTimeout));
    QTest::qWait(200);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toLongLong(), logisticId_);
    QCOMPARE(view->loadedVersion()->info.id, logisticId_);

    // An id the history does not have: an error, the loaded version stays.
    messages_.clear();
    view->setMessageHandler([this](const QString&, const QString& text) { messages_ << text; });
    QSignalSpy errors(view.get(), &PredictView::errorShown);
    view->openVersion(987654);
    QVERIFY(errors.wait(kTimeout));
    QVERIFY(messages_.at(0).contains(QStringLiteral("987654")));
    QCOMPARE(view->currentVersion(), std::optional<qint64>(logisticId_));
}

void TestPredictView::impurityImportanceOfTheTree() {
    messages_.clear();
    const auto view = openView(treeId_, kIris, QStringLiteral("explain"));
    QVERIFY2(view, qPrintable(messages_.join('\n')));
    auto* method = view->findChild<QComboBox*>(QStringLiteral("importanceMethod"));
    QVERIFY(method);
    QSignalSpy importance(view.get(), &PredictView::importanceShown);
    method->setCurrentIndex(1);
    view->computeImportance();
    QVERIFY(importance.wait(kTimeout));
    const TrainedModel model = ModelRegistry::open(registryPath_.toStdString()).loadModel(treeId_);
    const ImportanceResult expected = impurityImportance(model);
    const ImportanceResult& shown = view->importance()->result;
    QCOMPARE(shown.method, expected.method);
    QCOMPARE(shown.features.size(), expected.features.size());
    for (std::size_t i = 0; i < expected.features.size(); ++i) {
        QCOMPARE(shown.features[i].name, expected.features[i].name);
        QCOMPARE(shown.features[i].value, expected.features[i].value);
    }
}

void TestPredictView::regressionPredictsEvaluatesExplains() {
    messages_.clear();
    const auto view = openView(linearId_, kDiabetes, QStringLiteral("evaluate"));
    QVERIFY2(view, qPrintable(messages_.join('\n')));
    const TrainedModel model =
        ModelRegistry::open(registryPath_.toStdString()).loadModel(linearId_);
    const auto table = readShared(kDiabetes);
    const Predictions expected = model.predict(table->table, "diabetes", {});
    PredictionModel* m = view->predictionModel();
    QCOMPARE(m->rowCount(), 442);
    QCOMPARE(m->columnCount(), 1 + 11);
    QCOMPARE(m->headerData(0, Qt::Horizontal).toString(), QString("predicted"));
    for (int row : {0, 100, 441})
        QCOMPARE(m->data(m->index(row, 0), PredictionModel::ValueRole).toDouble(),
                 expected.values[static_cast<std::size_t>(row)]);

    if (!view->evaluation()) {
        QSignalSpy evaluated(view.get(), &PredictView::evaluationShown);
        QVERIFY2(evaluated.wait(kTimeout), qPrintable(messages_.join('\n')));
    }
    const Scores scores = regressionScores(
        labelledRows(model, table->table, "diabetes").dataset.targets, expected.values);
    QCOMPARE(*view->evaluation()->scores.get("r2"), *scores.get("r2"));
    QCOMPARE(view->metricCombo()->currentText(), QString("r2"));
    view->alertThresholdSpin()->setValue(*scores.get("r2") + 0.1);
    QVERIFY(view->isAlertShown());
    view->metricCombo()->setCurrentText(QStringLiteral("rmse"));
    view->alertThresholdSpin()->setValue(*scores.get("rmse") - 1);
    QVERIFY(view->alertText().contains(QStringLiteral("rmse")));
    view->alertThresholdSpin()->setValue(*scores.get("rmse") + 1);
    QVERIFY(!view->isAlertShown());
    saveShot(*view, QStringLiteral("evaluate-regression.png"));

    QSignalSpy explained(view.get(), &PredictView::rowExplanationShown);
    view->setMode(PredictView::Mode::Explain);
    view->predictionTable()->selectRow(5);
    QVERIFY2(explained.wait(kTimeout), qPrintable(messages_.join('\n')));
    const ShapValues& shap = view->rowExplanation()->shap;
    double sum = shap.base[0];
    for (std::size_t f = 0; f < shap.features; ++f) sum += shap.at(0, 0, f);
    QVERIFY(std::abs(sum - expected.values[5]) < 1e-6);
    QVERIFY(messages_.isEmpty());
}

void TestPredictView::millionRowsStayResponsive() {
    // iris's four features over a million rows, without the target.
    constexpr std::size_t kRows = 1'000'000;
    std::vector<Column> columns;
    const char* names[] = {"sepal length (cm)", "sepal width (cm)", "petal length (cm)",
                           "petal width (cm)"};
    for (int c = 0; c < 4; ++c) {
        std::vector<double> values(kRows);
        for (std::size_t r = 0; r < kRows; ++r)
            values[r] = 0.1 * static_cast<double>((r * (7 + c) + 13 * c) % 70);
        columns.push_back(Column::numeric(names[c], std::move(values), ValidityMask(kRows, true)));
    }
    auto big = std::make_shared<LoadedTable>();
    big->table = Table(std::move(columns));

    messages_.clear();
    auto view = std::make_unique<PredictView>(registryPath_);
    view->setMessageHandler([this](const QString&, const QString& text) { messages_ << text; });
    view->resize(1280, 720);
    view->show();
    QSignalSpy loaded(view.get(), &PredictView::versionLoaded);
    view->openVersion(treeId_);
    QVERIFY(loaded.wait(kTimeout));

    // The GUI thread's longest pause while a million rows are predicted and exported.
    QElapsedTimer clock;
    qint64 last = 0, longest = 0;
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        longest = std::max(longest, clock.elapsed() - last);
        last = clock.elapsed();
    });
    clock.start();
    ticker.start();
    QSignalSpy predicted(view.get(), &PredictView::predictionsShown);
    view->setTable(big, QStringLiteral("generated"));
    QVERIFY(predicted.wait(kTimeout));
    QCOMPARE(view->predictionModel()->rowCount(), static_cast<int>(kRows));
    view->predictionTable()->scrollToBottom();
    QTest::qWait(50);

    // An export cancelled at once leaves no file.
    QTemporaryDir out;
    const QString path = out.filePath("big.csv");
    view->exportCsv(path);
    view->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), kTimeout);
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    ticker.stop();
    qInfo("longest GUI-thread pause: %lld ms", longest);
    QVERIFY2(longest < 500, qPrintable(QString::number(longest)));
    QVERIFY(messages_.isEmpty());

    const TrainedModel model = ModelRegistry::open(registryPath_.toStdString()).loadModel(treeId_);
    const Predictions expected = model.predict(big->table, "generated", {});
    for (int row : {0, 123'457, 999'999})
        QCOMPARE(view->predictionModel()
                     ->data(view->predictionModel()->index(row, 0), PredictionModel::ValueRole)
                     .toInt(),
                 expected.predictedClass(static_cast<std::size_t>(row)));
}

void TestPredictView::binaryDecisionThreshold() {
    messages_.clear();
    const auto view = openView(binaryId_, kBreastCancer, QStringLiteral("evaluate"));
    QVERIFY2(view, qPrintable(messages_.join('\n')));
    if (!view->evaluation()) {
        QSignalSpy evaluated(view.get(), &PredictView::evaluationShown);
        QVERIFY2(evaluated.wait(kTimeout), qPrintable(messages_.join('\n')));
    }
    QVERIFY(!view->evaluation()->threshold);
    auto* check = view->findChild<QCheckBox*>(QStringLiteral("decisionThresholdCheck"));
    auto* spin = view->findChild<QDoubleSpinBox*>(QStringLiteral("decisionThresholdSpin"));
    QVERIFY(check && spin && !check->isHidden());
    check->setChecked(true);
    spin->setValue(0.8);
    QSignalSpy evaluated(view.get(), &PredictView::evaluationShown);
    view->evaluate();
    QVERIFY2(evaluated.wait(kTimeout), qPrintable(messages_.join('\n')));
    QCOMPARE(view->evaluation()->threshold, std::optional<double>(0.8));

    const TrainedModel model =
        ModelRegistry::open(registryPath_.toStdString()).loadModel(binaryId_);
    const auto table = readShared(kBreastCancer);
    const DatasetResult labelled = labelledRows(model, table->table, "cancer");
    const Predictions p = model.model->predict(labelled.dataset.features, {});
    const Scores at = classificationScoresAt(labelled.dataset.labels, p, 0.8);
    QCOMPARE(*view->evaluation()->scores.get("accuracy"), *at.get("accuracy"));
    QCOMPARE(*view->evaluation()->scores.get("recall"), *at.get("recall"));
    QVERIFY(messages_.isEmpty());
}

void TestPredictView::cancelledReadKeepsTheTable() {
    // Large enough that the read is still running when Cancel is pressed.
    const QString big = dir_.filePath("big.csv");
    {
        QFile file(big);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray chunk = "a,b,c\n";
        for (int i = 0; i < 300'000; ++i)
            chunk += QByteArray::number(i) + ',' + QByteArray::number(i * 0.5) + ",x\n";
        file.write(chunk);
    }
    messages_.clear();
    const auto view = openView(treeId_, kIris);
    QVERIFY2(view, qPrintable(messages_.join('\n')));
    const auto before = view->table();
    QSignalSpy changed(view.get(), &PredictView::tableChanged);
    view->openDataFile(big);
    QVERIFY(view->isBusy());
    view->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!view->isBusy(), kTimeout);
    QTest::qWait(100);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(view->table(), before);
    QVERIFY(view->predictionModel()->predictions());
    QVERIFY(messages_.isEmpty());
}

QTEST_MAIN(TestPredictView)
#include "test_predict_view.moc"
