// The workbench end to end, through the real widgets of the main window: load a sample, pick
// the target, train a tree from the training panel, check the runs table and the confusion
// matrix against the engine's numbers, select a cell's rows in the data table, find the
// version in the history and compare two versions; and the window stays responsive while
// gradient boosting trains on 200 000 rows. With GLASSBOX_SCREENSHOT_DIR set, each view is
// saved there as a PNG (scripts/screenshots.sh).
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <random>
#include "gui_test_environment.h"

#include "engine/model_registry.h"
#include "engine/table_reader.h"
#include "engine/table_training.h"
#include "engine/training_run.h"
#include "widgets/confusion_matrix_view.h"
#include "widgets/data_table_model.h"
#include "widgets/data_table_view.h"
#include "widgets/history_model.h"
#include "widgets/history_view.h"
#include "widgets/main_window.h"
#include "widgets/param_form.h"
#include "widgets/predict_view.h"
#include "widgets/prediction_model.h"
#include "widgets/preparation_panel.h"
#include "widgets/preparation_step_list.h"
#include "widgets/run_details.h"
#include "widgets/runs_model.h"
#include "widgets/runs_view.h"
#include "widgets/training_panel.h"
#include "widgets/training_queue.h"
#include "widgets/tuning_dialog.h"
#include "widgets/version_compare_view.h"

using namespace glassbox;
using namespace glassbox::gui;

namespace {

constexpr int kTimeout = 60000;

void screenshot(QWidget& widget, const QString& name) {
    QVERIFY(test::saveScreenshot(widget, name));
}

// Sets up the panel for `learner` on `target` with these parameters.
void choose(TrainingPanel* panel, const QString& target, const QString& learner,
            const std::map<std::string, std::string>& params) {
    panel->targetPicker()->setCurrentIndex(panel->targetPicker()->findText(target));
    QCOMPARE(panel->targetPicker()->currentText(), target);
    panel->learnerPicker()->setCurrentIndex(panel->learnerPicker()->findText(learner));
    QCOMPARE(panel->learnerPicker()->currentText(), learner);
    std::map<std::string, std::string> values = panel->paramForm()->values();
    for (const auto& [name, value] : params) values[name] = value;
    QVERIFY(panel->paramForm()->setValues(values).isEmpty());
}

std::shared_ptr<const TrainingOutcome> trainFromPanel(MainWindow& window) {
    QSignalSpy shown(&window, &MainWindow::runShown);
    QSignalSpy failed(&window, &MainWindow::trainingFailed);
    QTest::mouseClick(window.trainingPanel()->trainButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return shown.count() + failed.count() > 0; }, 600000)) return {};
    if (failed.count() > 0) {
        qWarning("%s", qPrintable(failed.at(0).at(0).toString()));
        return {};
    }
    return shown.at(0).at(0).value<std::shared_ptr<const TrainingOutcome>>();
}

double metricCell(RunsView* runs, int row, const std::string& metric) {
    const int column = runs->model()->columnOfMetric(metric);
    return runs->model()->index(row, column).data(RunsModel::SortRole).toDouble();
}

}  // namespace

class TestWorkbench : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void trainCompareAndKeepFromTheGui();
    void tuneAndKeepTheBestFromTheGui();
    void prepareTrainAndPredictFromTheGui();
    void windowStaysResponsiveWhileBoostingTrainsOn200kRows();

  private:
    QTemporaryDir dir_;
};

void TestWorkbench::initTestCase() {
    QVERIFY(dir_.isValid());
    test::useTemporaryEnvironment(dir_);
}

void TestWorkbench::trainCompareAndKeepFromTheGui() {
    const QString registry = dir_.filePath("workbench.sqlite");
    MainWindow window(nullptr, registry);
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy tableShown(&window, &MainWindow::tableShown);
    QVERIFY(window.openSample("iris"));
    QVERIFY(tableShown.wait(kTimeout));

    // The training panel: target, task shown, learner, parameters, 5-fold CV, seed.
    TrainingPanel* panel = window.trainingPanel();
    choose(panel, "species", "decision_tree", {{"max_depth", "3"}});
    QVERIFY(panel->taskLabel()->text().contains("classification"));
    panel->crossValidationButton()->setChecked(true);
    panel->folds()->setValue(5);
    panel->seed()->setValue(7);
    QVERIFY(panel->saveToHistory()->isChecked());
    screenshot(window, "workbench-data");

    const auto first = trainFromPanel(window);
    QVERIFY(first);
    QCOMPARE(window.workspace(), MainWindow::Workspace::Runs);

    // The engine's own numbers for the same request.
    const Table& table = window.loadedTable()->table;
    const Learner& learner = learnerNamed("decision_tree");
    const DatasetResult built = makeDataset(table, "species", std::nullopt);
    ValidationPlan plan;
    plan.folds = 5;
    const TrainingRun expected = trainAndValidate(
        learner, built.dataset, ParamValues::resolve(learner.params(), {{"max_depth", "3"}}), plan,
        FitOptions{7, 1}, {});

    RunsView* runs = window.runsView();
    QCOMPARE(runs->model()->rowCount(), 1);
    QCOMPARE(metricCell(runs, 0, "accuracy"), *expected.metrics.get("accuracy"));
    QCOMPARE(metricCell(runs, 0, "f1"), *expected.metrics.get("f1"));
    ConfusionMatrixView* confusion = runs->details()->confusionMatrix();
    std::size_t cellTruth = 0, cellPredicted = 0, cellCount = 0;
    for (std::size_t t = 0; t < 3; ++t)
        for (std::size_t p = 0; p < 3; ++p) {
            QCOMPARE(confusion->count(int(t), int(p)), expected.metrics.confusion[t][p]);
            if (t != p && expected.metrics.confusion[t][p] > cellCount) {
                cellTruth = t;
                cellPredicted = p;
                cellCount = expected.metrics.confusion[t][p];
            }
        }
    QVERIFY(cellCount > 0);
    screenshot(window, "workbench-runs");

    // A confusion cell selects its rows in the data table.
    QSignalSpy selected(&window, &MainWindow::tableRowsSelected);
    QTest::mouseClick(confusion->canvas(), Qt::LeftButton, {},
                      confusion->cellRect(int(cellTruth), int(cellPredicted)).center());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toInt(), int(cellCount));
    QCOMPARE(window.workspace(), MainWindow::Workspace::Data);
    const QModelIndexList rows = window.tableView()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), qsizetype(cellCount));
    const int species = int(table.indexOf("species"));
    for (const QModelIndex& row : rows)
        QCOMPARE(window.tableModel()->index(row.row(), species).data().toString().toStdString(),
                 built.dataset.classes[cellTruth]);
    screenshot(window, "workbench-selected-rows");

    // The version is in the history; a second model, then compare the two.
    QVERIFY(first->version);
    choose(panel, "species", "decision_tree", {{"max_depth", "1"}});
    const auto second = trainFromPanel(window);
    QVERIFY(second && second->version);
    QCOMPARE(runs->model()->rowCount(), 2);
    QVERIFY(metricCell(runs, 1, "accuracy") < metricCell(runs, 0, "accuracy"));
    runs->table()->selectAll();
    QVERIFY(runs->comparisonPanel()->isVisible());
    screenshot(window, "workbench-runs-compared");

    window.showWorkspace(MainWindow::Workspace::History);
    HistoryView* history = window.historyView();
    QTRY_COMPARE_WITH_TIMEOUT(history->model()->rowCount(), 2, kTimeout);
    QVERIFY(history->model()->rowOf(*first->version) >= 0);
    const ModelVersion saved = ModelRegistry::open(registry.toStdString()).show(*first->version);
    QCOMPARE(*saved.metric("accuracy"), *expected.metrics.get("accuracy"));
    QCOMPARE(saved.params.at("max_depth"), std::string("3"));

    QSignalSpy compared(history, &HistoryView::comparisonShown);
    history->compareVersions(*first->version, *second->version);
    QVERIFY(compared.wait(kTimeout));
    QTableWidget* params = history->compareView()->parameterTable();
    bool maxDepthHighlighted = false;
    for (int r = 0; r < params->rowCount(); ++r)
        if (params->item(r, 0) && params->item(r, 0)->text() == "max_depth")
            maxDepthHighlighted =
                params->item(r, 1)->background().color() == VersionCompareView::differenceColor();
    QVERIFY(maxDepthHighlighted);
    screenshot(window, "workbench-history-compare");

    // Open the better version for prediction, then evaluate it with an accuracy alert above
    // its score: the warning shows.
    history->selectVersion(*first->version);
    PredictView* predict = window.predictView();
    QSignalSpy predicted(predict, &PredictView::predictionsShown);
    history->predictAction()->trigger();
    QCOMPARE(window.workspace(), MainWindow::Workspace::Predict);
    QVERIFY(predicted.wait(kTimeout));
    QCOMPARE(predict->predictionModel()->rowCount(), 150);
    screenshot(window, "workbench-predict");
    QSignalSpy evaluated(predict, &PredictView::evaluationShown);
    predict->setMode(PredictView::Mode::Evaluate);
    QVERIFY(evaluated.wait(kTimeout));
    predict->metricCombo()->setCurrentIndex(0);  // accuracy
    predict->alertThresholdSpin()->setValue(0.99);
    QTRY_VERIFY(predict->isAlertShown());
    screenshot(window, "workbench-evaluate-alert");
}

// Tuning from the panel: a grid over max_depth, the results table, and "keep the best"
// trains the best setting as a normal run saved in the history.
void TestWorkbench::tuneAndKeepTheBestFromTheGui() {
    MainWindow window(nullptr, dir_.filePath("tuning.sqlite"));
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy tableShown(&window, &MainWindow::tableShown);
    QVERIFY(window.openSample("iris"));
    QVERIFY(tableShown.wait(kTimeout));
    TrainingPanel* panel = window.trainingPanel();
    choose(panel, "species", "decision_tree", {});
    panel->crossValidationButton()->setChecked(true);
    panel->folds()->setValue(5);
    panel->seed()->setValue(3);

    panel->openTuning();
    TuningDialog* tuning = panel->tuningDialog();
    QVERIFY(tuning && tuning->isVisible());
    QCheckBox* search = tuning->searchBox("max_depth");
    QVERIFY(search);
    search->setChecked(true);
    tuning->valuesEdit("max_depth")->setText("1,2,3,4");
    tuning->gridButton()->setChecked(true);
    QCOMPARE(tuning->candidateCount(), std::size_t(4));
    QSignalSpy tuned(window.trainingQueue(), &TrainingQueue::tuningFinished);
    QTest::mouseClick(tuning->runButton(), Qt::LeftButton);
    QVERIFY(tuned.wait(kTimeout));
    const auto outcome = tuned.at(0).at(0).value<std::shared_ptr<const TuningOutcome>>();
    QCOMPARE(tuning->resultsTable()->rowCount(), 4);
    const std::string bestDepth = outcome->candidates[outcome->best].params.text("max_depth");
    if (qEnvironmentVariableIsSet("GLASSBOX_SCREENSHOT_DIR")) {
        QCoreApplication::processEvents();
        QVERIFY(tuning->grab().save(qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR") +
                                    "/workbench-tuning.png"));
    }

    QSignalSpy shown(&window, &MainWindow::runShown);
    QTest::mouseClick(tuning->keepBestButton(), Qt::LeftButton);
    QVERIFY(shown.wait(kTimeout));
    const auto kept = shown.at(0).at(0).value<std::shared_ptr<const TrainingOutcome>>();
    QCOMPARE(kept->run.trained.params.text("max_depth"), bestDepth);
    QVERIFY(kept->version);
    // Validated on the same folds: the run's score is the tuning's pooled score of that setting.
    QCOMPARE(*kept->run.metrics.get("accuracy"),
             *outcome->candidates[outcome->best].pooled.get("accuracy"));
}

// While gradient boosting trains on 200 000 rows (loaded and trained through the GUI), a timer
// on the GUI thread never fires more than 50 ms late. GLASSBOX_RESPONSIVENESS_ROWS sets another
// row count (bench/gui_responsiveness.sh runs it on 1 000 000).
// Preparation end to end on a real dataset with missing values, duplicate rows, categoricals
// and imbalanced classes (soybean): steps built in the preparation panel and attached to
// training, a tree trained from the training panel with them fitted inside each fold (scores
// equal trainOnTable's), the version carries the steps, and Predict reapplies them to the raw
// file, one prediction per row.
void TestWorkbench::prepareTrainAndPredictFromTheGui() {
    const QString file = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/soybean.arff");
    MainWindow window(nullptr, dir_.filePath("prepare.sqlite"));
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy tableShown(&window, &MainWindow::tableShown);
    window.openFile(file);
    QVERIFY(tableShown.wait(kTimeout));

    TrainingPanel* panel = window.trainingPanel();
    choose(panel, "class", "decision_tree", {{"max_depth", "none"}});
    panel->crossValidationButton()->setChecked(true);
    panel->folds()->setValue(3);
    panel->seed()->setValue(5);

    PreparationPanel* preparation = window.preparationPanel();
    PreparationStepList* steps = preparation->stepList();
    steps->addStep("drop-duplicates");
    steps->addStep("impute");
    steps->setParams(steps->currentIndex(), {{"strategy", "most_frequent"}});
    steps->addStep("oversample");
    QTRY_VERIFY_WITH_TIMEOUT(preparation->isPreviewCurrent(), kTimeout);
    QTest::mouseClick(preparation->attachButton(), Qt::LeftButton);
    QVERIFY(preparation->isAttached());
    const std::optional<TrainingRequest> request = panel->request();
    QVERIFY(request.has_value());
    const std::vector<std::string> expectedSteps{"drop-duplicates", "impute:strategy=most_frequent",
                                                 "oversample"};
    QCOMPARE(request->preparation, expectedSteps);
    screenshot(window, "workbench-preparation-attached");

    const auto run = trainFromPanel(window);
    QVERIFY(run);
    QCOMPARE(run->run.trained.preparation.size(), std::size_t(3));
    const Table table = readTable(file.toStdString(), ReadOptions{}).table;
    const PipelineSpec spec = parsePipelineTexts(expectedSteps);
    const Learner& tree = learnerNamed("decision_tree");
    const TableTrainingRun expected =
        trainOnTable(tree, table, "class", std::nullopt, std::nullopt, spec,
                     ParamValues::resolve(tree.params(), request->params), request->validation,
                     FitOptions{5, 1}, {});
    QCOMPARE(*run->run.metrics.get("accuracy"), *expected.run.metrics.get("accuracy"));
    QCOMPARE(run->run.metrics.confusion, expected.run.metrics.confusion);

    QVERIFY(run->version.has_value());
    const ModelVersion version =
        ModelRegistry::open(dir_.filePath("prepare.sqlite").toStdString()).show(*run->version);
    QCOMPARE(version.preparationJson, pipelineJson(spec));

    window.showWorkspace(MainWindow::Workspace::History);
    HistoryView* history = window.historyView();
    QTRY_VERIFY_WITH_TIMEOUT(history->model()->rowOf(*run->version) >= 0, kTimeout);
    history->selectVersion(*run->version);
    PredictView* predict = window.predictView();
    QSignalSpy predicted(predict, &PredictView::predictionsShown);
    history->predictAction()->trigger();
    QVERIFY(predicted.wait(kTimeout));
    QCOMPARE(predict->predictionModel()->rowCount(), int(table.rowCount()));
    screenshot(window, "workbench-preparation-predict");
}

void TestWorkbench::windowStaysResponsiveWhileBoostingTrainsOn200kRows() {
    const int rowCount = qEnvironmentVariableIsSet("GLASSBOX_RESPONSIVENESS_ROWS")
                             ? qEnvironmentVariableIntValue("GLASSBOX_RESPONSIVENESS_ROWS")
                             : 200000;
    QVERIFY(rowCount >= 1000);
    const QString csv = dir_.filePath("big.csv");
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        std::mt19937_64 random(11);
        std::normal_distribution<double> normal;
        QByteArray text = "a,b,c,d,e,group,label\n";
        for (int r = 0; r < rowCount; ++r) {
            double x[5];
            for (double& v : x) v = normal(random);
            const int group = int(random() % 4);
            const bool label = x[0] - 0.5 * x[1] + x[2] * x[3] + 0.3 * group + normal(random) > 0;
            text += QByteArray::number(x[0], 'g', 6) + ',' + QByteArray::number(x[1], 'g', 6) +
                    ',' + QByteArray::number(x[2], 'g', 6) + ',' +
                    QByteArray::number(x[3], 'g', 6) + ',' + QByteArray::number(x[4], 'g', 6) +
                    ",g" + QByteArray::number(group) + (label ? ",yes\n" : ",no\n");
        }
        QVERIFY(file.write(text) == text.size());
    }
    MainWindow window(nullptr, dir_.filePath("responsive.sqlite"));
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy tableShown(&window, &MainWindow::tableShown);
    window.openFile(csv);
    QVERIFY(tableShown.wait(kTimeout));
    QCOMPARE(window.tableModel()->rowCount(), rowCount);

    TrainingPanel* panel = window.trainingPanel();
    choose(panel, "label", "gradient_boosting",
           {{"n_estimators", "300"}, {"early_stopping", "false"}});
    panel->holdoutButton()->setChecked(true);
    panel->holdoutPercent()->setValue(20);

    constexpr int kInterval = 10;
    QElapsedTimer clock;
    qint64 last = -1, worst = 0, worstAt = 0;
    int ticks = 0, progressSeen = 0;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(kInterval);
    connect(&timer, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        if (last >= 0 && now - last - kInterval > worst) {
            worst = now - last - kInterval;
            worstAt = now;
        }
        last = now;
        ++ticks;
        const int value = panel->progressBar()->value();
        if (value > panel->progressBar()->minimum() && value < panel->progressBar()->maximum())
            ++progressSeen;
    });
    clock.start();
    timer.start();
    const auto outcome = trainFromPanel(window);
    timer.stop();
    QVERIFY(outcome);
    qInfo("%d rows: trained in %.1f s, %d ticks, worst lateness %lld ms at %lld ms", rowCount,
          clock.elapsed() / 1000.0, ticks, worst, worstAt);
    screenshot(window, "workbench-200k-runs");
    QVERIFY(outcome->run.metrics.get("auc").value() > 0.75);
    QVERIFY(progressSeen > 0);
    QVERIFY2(worst <= 50, qPrintable(QString::number(worst)));
}

QTEST_MAIN(TestWorkbench)
#include "test_workbench.moc"
