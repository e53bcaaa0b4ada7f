// The training panel on iris: the task it shows against the engine's inference, the request it
// emits (features, learner, parameters, validation, seed), the progress slots, the settings
// that persist, and the way to the tuning dialog and back ("Keep the best").
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <memory>

#include "engine/dataset.h"
#include "engine/learner.h"
#include "engine/metric_direction.h"
#include "engine/search_space.h"
#include "engine/table_reader.h"
#include "engine/tuning.h"
#include "widgets/param_form.h"
#include "widgets/training_panel.h"
#include "widgets/tuning_dialog.h"

using namespace glassbox;
using glassbox::gui::DataSource;
using glassbox::gui::TrainingPanel;
using glassbox::gui::TrainingRequest;
using glassbox::gui::TuningDialog;
using glassbox::gui::TuningOutcome;
using glassbox::gui::TuningRequest;

namespace {

const char* const kIris = GLASSBOX_SHARED_DIR "/datasets/iris.csv";
const std::string kSpecies = "species";
const std::string kSepalLength = "sepal length (cm)";

QTreeWidgetItem* featureItem(const TrainingPanel& panel, const std::string& name) {
    const auto found =
        panel.featureList()->findItems(QString::fromStdString(name), Qt::MatchExactly);
    return found.isEmpty() ? nullptr : found.front();
}

bool learnerEnabled(const TrainingPanel& panel, const std::string& name) {
    const int index = panel.learnerPicker()->findData(QString::fromStdString(name));
    auto* model = qobject_cast<QStandardItemModel*>(panel.learnerPicker()->model());
    return model->item(index)->isEnabled();
}

void pick(QComboBox* combo, const std::string& text) {
    const int index = combo->findText(QString::fromStdString(text));
    QVERIFY2(index >= 0, text.c_str());
    combo->setCurrentIndex(index);
}

void pickLearner(TrainingPanel& panel, const std::string& name) {
    const int index = panel.learnerPicker()->findData(QString::fromStdString(name));
    QVERIFY2(index >= 0, name.c_str());
    panel.learnerPicker()->setCurrentIndex(index);
}

TrainingRequest trainOnce(TrainingPanel& panel) {
    QSignalSpy spy(&panel, &TrainingPanel::trainRequested);
    QTest::mouseClick(panel.trainButton(), Qt::LeftButton);
    if (spy.count() != 1) return {};
    return spy.takeFirst().at(0).value<TrainingRequest>();
}

}  // namespace

class TestTrainingPanel : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void init();
    void setTableFillsTheTargetAndFeatures();
    void targetShowsTheInferredTask_data();
    void targetShowsTheInferredTask();
    void taskOverride();
    void learnersThatCannotDoTheTaskAreDisabled();
    void untickedFeatureLeavesTheRequest();
    void textColumnsAreDisabled();
    void sameSourceKeepsTargetAndFeatures();
    void holdoutPercent();
    void crossValidationFoldsAndRule();
    void paramsSeedAndHistoryInTheRequest();
    void invalidParameterBlocksTraining();
    void noTableNoRequest();
    void progressSlotsDriveTheLabels();
    void settingsPersist();
    void languageChangeKeepsTheSetUp();
    void tuningRequestFromTheDialog();
    void tuningResultsAndKeepTheBest();

  private:
    QTemporaryDir settingsDir_;
    std::shared_ptr<const LoadedTable> iris_;
    std::unique_ptr<TrainingPanel> panel_;
};

void TestTrainingPanel::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(settingsDir_.isValid());
    QCoreApplication::setOrganizationName("GlassboxTest");
    QCoreApplication::setApplicationName("TrainingPanelTest");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    QVERIFY(QSettings().fileName().startsWith(settingsDir_.path()));
    iris_ = std::make_shared<const LoadedTable>(readTable(kIris, ReadOptions{}));
}

void TestTrainingPanel::init() {
    QSettings().clear();
    panel_ = std::make_unique<TrainingPanel>();
    panel_->setTable(iris_, DataSource{"iris", kIris, {}});
    panel_->resize(420, 900);
}

void TestTrainingPanel::setTableFillsTheTargetAndFeatures() {
    const Table& table = iris_->table;
    QCOMPARE(panel_->targetPicker()->count(), static_cast<int>(table.columnCount()));
    QCOMPARE(panel_->targetPicker()->currentText().toStdString(), kSpecies);  // the last column
    QCOMPARE(panel_->featureList()->topLevelItemCount(), static_cast<int>(table.columnCount()));
    QVERIFY(featureItem(*panel_, kSpecies)->isHidden());
    QVERIFY(!featureItem(*panel_, kSepalLength)->isHidden());
    QCOMPARE(panel_->table().get(), &iris_->table);
    const TrainingRequest request = trainOnce(*panel_);
    QCOMPARE(request.target, kSpecies);
    QVERIFY(request.features.has_value());
    QCOMPARE(request.features->size(), table.columnCount() - 1);
    QCOMPARE(request.source.displayName, QString("iris"));
    QVERIFY(request.saveToHistory);
}

void TestTrainingPanel::targetShowsTheInferredTask_data() {
    QTest::addColumn<QString>("target");
    QTest::newRow("species") << QString::fromStdString(kSpecies);
    QTest::newRow("sepal length") << QString::fromStdString(kSepalLength);
}

void TestTrainingPanel::targetShowsTheInferredTask() {
    QFETCH(QString, target);
    pick(panel_->targetPicker(), target.toStdString());
    const Table& table = iris_->table;
    const TaskKind expected =
        inferTask(table.column(static_cast<std::size_t>(table.indexOf(target.toStdString()))));
    QCOMPARE(panel_->task(), std::optional<TaskKind>(expected));
    const QString word = expected == TaskKind::Classification ? "classification" : "regression";
    QVERIFY2(panel_->taskLabel()->text().contains(word), qPrintable(panel_->taskLabel()->text()));
    QVERIFY(panel_->taskPicker()->itemText(0).contains(word));
    QVERIFY(featureItem(*panel_, target.toStdString())->isHidden());
    const TrainingRequest request = trainOnce(*panel_);
    QCOMPARE(request.target, target.toStdString());
    QVERIFY(!request.task.has_value());  // inferred again by the engine
    QVERIFY(std::find(request.features->begin(), request.features->end(), target.toStdString()) ==
            request.features->end());
    if (target.toStdString() == kSepalLength)
        QVERIFY(std::find(request.features->begin(), request.features->end(), kSpecies) !=
                request.features->end());
}

void TestTrainingPanel::taskOverride() {
    pick(panel_->targetPicker(), kSepalLength);
    panel_->taskPicker()->setCurrentIndex(1);
    QCOMPARE(panel_->task(), std::optional<TaskKind>(TaskKind::Classification));
    QVERIFY(panel_->taskLabel()->text().contains("chosen"));
    const TrainingRequest request = trainOnce(*panel_);
    QCOMPARE(request.task, std::optional<TaskKind>(TaskKind::Classification));
}

void TestTrainingPanel::learnersThatCannotDoTheTaskAreDisabled() {
    for (const TaskKind task : {TaskKind::Classification, TaskKind::Regression}) {
        panel_->taskPicker()->setCurrentIndex(task == TaskKind::Classification ? 1 : 2);
        for (const Learner* learner : allLearners())
            QCOMPARE(learnerEnabled(*panel_, std::string(learner->name())),
                     learner->supports(task));
        const Learner& chosen =
            learnerNamed(panel_->learnerPicker()->currentData().toString().toStdString());
        QVERIFY(chosen.supports(task));
    }
}

void TestTrainingPanel::untickedFeatureLeavesTheRequest() {
    featureItem(*panel_, kSepalLength)->setCheckState(0, Qt::Unchecked);
    TrainingRequest request = trainOnce(*panel_);
    QCOMPARE(request.features->size(), iris_->table.columnCount() - 2);
    QVERIFY(std::find(request.features->begin(), request.features->end(), kSepalLength) ==
            request.features->end());
    // The features give a dataset the engine accepts, without the unticked column.
    const DatasetResult data =
        makeDataset(iris_->table, request.target, request.task, request.features);
    QCOMPARE(data.dataset.features.featureCount(), iris_->table.columnCount() - 2);

    const auto buttons = panel_->findChildren<QPushButton*>();
    QPushButton* none = nullptr;
    QPushButton* all = nullptr;
    for (QPushButton* b : buttons) {
        if (b->text() == "None") none = b;
        if (b->text() == "All") all = b;
    }
    QVERIFY(none && all);
    QTest::mouseClick(none, Qt::LeftButton);
    QSignalSpy spy(panel_.get(), &TrainingPanel::trainRequested);
    panel_->train();
    QCOMPARE(spy.count(), 0);
    QVERIFY(panel_->messageLabel()->text().contains("feature"));
    QTest::mouseClick(all, Qt::LeftButton);
    request = trainOnce(*panel_);
    QCOMPARE(request.features->size(), iris_->table.columnCount() - 1);
}

void TestTrainingPanel::textColumnsAreDisabled() {
    ReadOptions options;
    options.typeOverrides[kSpecies] = ColumnType::Text;
    auto withText = std::make_shared<const LoadedTable>(readTable(kIris, options));
    panel_->setTable(withText, DataSource{"iris", kIris, {}});
    pick(panel_->targetPicker(), kSepalLength);
    QTreeWidgetItem* species = featureItem(*panel_, kSpecies);
    QVERIFY(species->isDisabled());
    QCOMPARE(species->checkState(0), Qt::Unchecked);
    QVERIFY(!species->toolTip(0).isEmpty());
    const TrainingRequest request = trainOnce(*panel_);
    QVERIFY(std::find(request.features->begin(), request.features->end(), kSpecies) ==
            request.features->end());
}

void TestTrainingPanel::sameSourceKeepsTargetAndFeatures() {
    pick(panel_->targetPicker(), kSepalLength);
    featureItem(*panel_, kSpecies)->setCheckState(0, Qt::Unchecked);
    auto reread = std::make_shared<const LoadedTable>(readTable(kIris, ReadOptions{}));
    panel_->setTable(reread, DataSource{"iris", kIris, {}});
    QCOMPARE(panel_->targetPicker()->currentText().toStdString(), kSepalLength);
    QCOMPARE(featureItem(*panel_, kSpecies)->checkState(0), Qt::Unchecked);
    // Another source starts afresh.
    panel_->setTable(reread, DataSource{"iris copy", "/elsewhere/iris.csv", {}});
    QCOMPARE(panel_->targetPicker()->currentText().toStdString(), kSpecies);
    QCOMPARE(featureItem(*panel_, kSepalLength)->checkState(0), Qt::Checked);
}

void TestTrainingPanel::holdoutPercent() {
    QTest::mouseClick(panel_->holdoutButton(), Qt::LeftButton);
    QVERIFY(panel_->holdoutPercent()->isEnabled());
    QVERIFY(!panel_->folds()->isEnabled());
    panel_->holdoutPercent()->setValue(30);
    const TrainingRequest request = trainOnce(*panel_);
    QCOMPARE(request.validation.kind, ValidationPlan::Kind::Holdout);
    QCOMPARE(request.validation.testFraction, 0.3);
}

void TestTrainingPanel::crossValidationFoldsAndRule() {
    QTest::mouseClick(panel_->crossValidationButton(), Qt::LeftButton);
    panel_->folds()->setValue(7);
    panel_->foldRule()->setCurrentIndex(1);
    TrainingRequest request = trainOnce(*panel_);
    QCOMPARE(request.validation.kind, ValidationPlan::Kind::CrossValidation);
    QCOMPARE(request.validation.folds, std::size_t{7});
    QCOMPARE(request.validation.rule, FoldRule::Index);
    QTest::mouseClick(panel_->trainingRowsButton(), Qt::LeftButton);
    request = trainOnce(*panel_);
    QCOMPARE(request.validation.kind, ValidationPlan::Kind::TrainingRows);
}

void TestTrainingPanel::paramsSeedAndHistoryInTheRequest() {
    pickLearner(*panel_, "random_forest");
    QVERIFY(panel_->paramForm()->setValues({{"n_estimators", "25"}, {"max_depth", "3"}}).isEmpty());
    panel_->seed()->setValue(42);
    panel_->versionName()->setText("  first forest ");
    TrainingRequest request = trainOnce(*panel_);
    QCOMPARE(request.learner, std::string("random_forest"));
    QCOMPARE(request.params.at("n_estimators"), std::string("25"));
    QCOMPARE(request.params.at("max_depth"), std::string("3"));
    // The parameters resolve as the engine will resolve them.
    const ParamValues resolved =
        ParamValues::resolve(learnerNamed("random_forest").params(), request.params);
    QCOMPARE(resolved.integer("n_estimators"), std::int64_t{25});
    QCOMPARE(request.seed, std::uint64_t{42});
    QCOMPARE(request.versionName, std::string("first forest"));
    QTest::mouseClick(panel_->saveToHistory(), Qt::LeftButton);
    request = trainOnce(*panel_);
    QVERIFY(!request.saveToHistory);
    // A learner's edits are kept when switching away and back.
    pickLearner(*panel_, "decision_tree");
    pickLearner(*panel_, "random_forest");
    QCOMPARE(panel_->paramForm()->values().at("n_estimators"), std::string("25"));
}

void TestTrainingPanel::invalidParameterBlocksTraining() {
    pickLearner(*panel_, "mlp");
    auto* layers = qobject_cast<QLineEdit*>(panel_->paramForm()->editor("hidden_layers"));
    QVERIFY(layers);
    layers->setText("0");
    QSignalSpy spy(panel_.get(), &TrainingPanel::trainRequested);
    QTest::mouseClick(panel_->trainButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 0);
    QVERIFY(panel_->messageLabel()->isVisibleTo(panel_.get()));
    QVERIFY(panel_->messageLabel()->text().contains("hidden_layers"));
}

void TestTrainingPanel::noTableNoRequest() {
    TrainingPanel empty;
    QSignalSpy spy(&empty, &TrainingPanel::trainRequested);
    empty.train();
    QCOMPARE(spy.count(), 0);
    QVERIFY(!empty.trainButton()->isEnabled());
    QVERIFY(!empty.table());
}

void TestTrainingPanel::progressSlotsDriveTheLabels() {
    QSignalSpy cancel(panel_.get(), &TrainingPanel::cancelRequested);
    QSignalSpy cancelAll(panel_.get(), &TrainingPanel::cancelAllRequested);
    QVERIFY(!panel_->cancelButton()->isEnabled());
    panel_->onJobQueued(4, "decision_tree on species");
    panel_->onQueueChanged(3);
    panel_->onJobStarted(4, "decision_tree on species");
    QCOMPARE(panel_->stageLabel()->text(), QString("decision_tree on species"));
    QVERIFY(panel_->cancelButton()->isEnabled());
    QVERIFY2(panel_->queueLabel()->text().startsWith("2 job"),
             qPrintable(panel_->queueLabel()->text()));
    panel_->onJobProgress(4, 0.5, "fold 2 of 5: tree 3 of 10", 12.2);
    QCOMPARE(panel_->progressBar()->value(),
             panel_->progressBar()->minimum() +
                 (panel_->progressBar()->maximum() - panel_->progressBar()->minimum()) / 2);
    QCOMPARE(panel_->stageLabel()->text(), QString("fold 2 of 5: tree 3 of 10"));
    QVERIFY2(panel_->timeLeftLabel()->text().contains("13"),
             qPrintable(panel_->timeLeftLabel()->text()));
    panel_->onJobProgress(4, 0.6, "fold 3 of 5", 125);
    QVERIFY2(panel_->timeLeftLabel()->text().contains("2 min"),
             qPrintable(panel_->timeLeftLabel()->text()));
    panel_->onJobProgress(4, 0.7, "fold 3 of 5", -1);
    QVERIFY(panel_->timeLeftLabel()->text().contains("estimating"));
    // Train stays enabled: jobs queue.
    QVERIFY(panel_->trainButton()->isEnabled());
    QTest::mouseClick(panel_->cancelButton(), Qt::LeftButton);
    QCOMPARE(cancel.count(), 1);
    QCOMPARE(cancel.front().at(0).toInt(), 4);
    QTest::mouseClick(panel_->cancelAllButton(), Qt::LeftButton);
    QCOMPARE(cancelAll.count(), 1);
    panel_->onJobEnded(4);
    panel_->onQueueChanged(2);
    QCOMPARE(panel_->progressBar()->value(), panel_->progressBar()->minimum());
    QVERIFY(!panel_->cancelButton()->isEnabled());
    QVERIFY2(panel_->queueLabel()->text().startsWith("2 job"),
             qPrintable(panel_->queueLabel()->text()));
    panel_->onJobStarted(5, "knn on species");
    panel_->onQueueChanged(1);
    QVERIFY2(panel_->queueLabel()->text().startsWith("0 job"),
             qPrintable(panel_->queueLabel()->text()));
    panel_->onJobEnded(5);
    panel_->onQueueChanged(0);
    QVERIFY(!panel_->cancelAllButton()->isEnabled());
}

void TestTrainingPanel::settingsPersist() {
    pickLearner(*panel_, "knn");
    QTest::mouseClick(panel_->holdoutButton(), Qt::LeftButton);
    panel_->holdoutPercent()->setValue(40);
    panel_->seed()->setValue(7);
    panel_->foldRule()->setCurrentIndex(1);
    trainOnce(*panel_);
    panel_.reset();
    TrainingPanel again;
    QCOMPARE(again.learnerPicker()->currentData().toString(), QString("knn"));
    QVERIFY(again.holdoutButton()->isChecked());
    QCOMPARE(again.holdoutPercent()->value(), 40);
    QCOMPARE(again.seed()->value(), 7);
    QCOMPARE(again.foldRule()->currentIndex(), 1);
    QCOMPARE(QSettings().value("training/learner").toString(), QString("knn"));
}

void TestTrainingPanel::languageChangeKeepsTheSetUp() {
    pickLearner(*panel_, "random_forest");
    QVERIFY(panel_->paramForm()->setValues({{"n_estimators", "12"}}).isEmpty());
    featureItem(*panel_, kSepalLength)->setCheckState(0, Qt::Unchecked);
    QTest::mouseClick(panel_->holdoutButton(), Qt::LeftButton);
    const TrainingRequest before = trainOnce(*panel_);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(panel_.get(), &change);
    QCoreApplication::sendEvent(panel_->paramForm(), &change);
    const TrainingRequest after = trainOnce(*panel_);
    QVERIFY(after.params == before.params);
    QVERIFY(after.features == before.features);
    QCOMPARE(after.validation.kind, ValidationPlan::Kind::Holdout);
    QCOMPARE(after.params.at("n_estimators"), std::string("12"));
}

void TestTrainingPanel::tuningRequestFromTheDialog() {
    pickLearner(*panel_, "decision_tree");
    panel_->seed()->setValue(3);
    QVERIFY(panel_->paramForm()->setValues({{"ccp_alpha", "0.01"}}).isEmpty());
    QTest::mouseClick(panel_->tuneButton(), Qt::LeftButton);
    TuningDialog* dialog = panel_->tuningDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->metricPicker()->currentData().toString().toStdString(),
             defaultMetric(TaskKind::Classification));
    QVERIFY(!dialog->runButton()->isEnabled());  // nothing ticked yet
    dialog->searchBox("max_depth")->setChecked(true);
    dialog->valuesEdit("max_depth")->setText("2,4,none");
    dialog->searchBox("min_samples_leaf")->setChecked(true);
    dialog->valuesEdit("min_samples_leaf")->setText("1,5");
    SearchSpace space(learnerNamed("decision_tree").params());
    space.addValues("max_depth=2,4,none");
    space.addValues("min_samples_leaf=1,5");
    QCOMPARE(dialog->candidateCount(), space.gridSize());
    QVERIFY(dialog->countLabel()->text().contains(QString::number(space.gridSize())));
    QVERIFY(dialog->runButton()->isEnabled());
    dialog->folds()->setValue(4);

    QSignalSpy spy(panel_.get(), &TrainingPanel::tuneRequested);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto request = spy.takeFirst().at(0).value<TuningRequest>();
    QCOMPARE(request.learner, std::string("decision_tree"));
    QCOMPARE(request.values,
             std::vector<std::string>({"max_depth=2,4,none", "min_samples_leaf=1,5"}));
    QVERIFY(request.ranges.empty());
    QCOMPARE(request.randomCount, std::size_t{0});
    QCOMPARE(request.folds, std::size_t{4});
    QCOMPARE(request.target, kSpecies);
    QCOMPARE(request.seed, std::uint64_t{3});
    QVERIFY(!request.fixedParams.count("max_depth"));
    QCOMPARE(request.fixedParams.at("ccp_alpha"), std::string("0.01"));
    QCOMPARE(request.metric, defaultMetric(TaskKind::Classification));
}

void TestTrainingPanel::tuningResultsAndKeepTheBest() {
    pickLearner(*panel_, "decision_tree");
    panel_->openTuning();
    TuningDialog* dialog = panel_->tuningDialog();
    dialog->searchBox("max_depth")->setChecked(true);
    dialog->valuesEdit("max_depth")->setText("1,2,none");
    dialog->folds()->setValue(3);
    QSignalSpy tuneSpy(dialog, &TuningDialog::tuneRequested);
    dialog->run();
    QCOMPARE(tuneSpy.count(), 1);
    const auto request = tuneSpy.takeFirst().at(0).value<TuningRequest>();

    // What the queue does with it: the engine's own search.
    const Learner& tree = learnerNamed(request.learner);
    const DatasetResult data =
        makeDataset(iris_->table, request.target, request.task, request.features);
    SearchSpace space(tree.params());
    for (const std::string& v : request.values) space.addValues(v);
    std::vector<ParamValues> candidates;
    for (ParamValues& c : space.grid()) {
        std::map<std::string, std::string> all = request.fixedParams;
        for (const std::string& name : space.names()) all[name] = c.text(name);
        candidates.push_back(ParamValues::resolve(tree.params(), all));
    }
    TuningOptions options;
    options.folds = request.folds;
    options.foldRule = request.rule;
    options.metric = request.metric;
    options.seed = request.seed;
    options.refit = false;
    TuningResult result = tune(tree, data.dataset, candidates, options, {});
    auto outcome = std::make_shared<TuningOutcome>();
    outcome->request = request;
    outcome->metric = result.metric;
    outcome->lowerIsBetter = lowerIsBetter(result.metric);
    outcome->searched = space.names();
    outcome->candidates = result.candidates;
    outcome->best = result.best;
    panel_->showTuningResults(outcome);

    QTableWidget* table = dialog->resultsTable();
    QCOMPARE(table->rowCount(), static_cast<int>(result.candidates.size()));
    QCOMPARE(table->columnCount(), 4);  // max_depth, mean, std, seconds
    const int best = dialog->bestRow();
    QVERIFY(best >= 0);
    const TuningCandidate& bestCandidate = result.candidates[result.best];
    QCOMPARE(table->item(best, 0)->text().toStdString(), bestCandidate.params.text("max_depth"));
    QCOMPARE(table->item(best, 1)->data(Qt::UserRole).toDouble(), bestCandidate.mean);
    QVERIFY(table->item(best, 1)->font().bold());
    // Sorted by the mean, best first (accuracy: higher is better).
    QCOMPARE(best, 0);
    for (int row = 1; row < table->rowCount(); ++row)
        QVERIFY(table->item(row - 1, 1)->data(Qt::UserRole).toDouble() >=
                table->item(row, 1)->data(Qt::UserRole).toDouble());
    table->sortByColumn(0, Qt::AscendingOrder);
    QCOMPARE(table->item(dialog->bestRow(), 1)->data(Qt::UserRole).toDouble(), bestCandidate.mean);

    QSignalSpy trainSpy(panel_.get(), &TrainingPanel::trainRequested);
    QTest::mouseClick(dialog->keepBestButton(), Qt::LeftButton);
    QCOMPARE(trainSpy.count(), 1);
    const auto kept = trainSpy.takeFirst().at(0).value<TrainingRequest>();
    QVERIFY(kept.params == bestCandidate.params.all());
    QCOMPARE(kept.validation.kind, ValidationPlan::Kind::CrossValidation);
    QCOMPARE(kept.validation.folds, std::size_t{3});
    QCOMPARE(kept.validation.rule, request.rule);
    QCOMPARE(kept.seed, request.seed);
    QCOMPARE(kept.target, kSpecies);
    QVERIFY(kept.features == request.features);
    QVERIFY(kept.saveToHistory);
    // The panel's form now holds the best parameters.
    QCOMPARE(panel_->paramForm()->values().at("max_depth"), bestCandidate.params.text("max_depth"));
}

QTEST_MAIN(TestTrainingPanel)
#include "test_training_panel.moc"
