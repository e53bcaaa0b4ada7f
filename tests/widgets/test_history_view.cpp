// The model history view on a temporary history of real models (two trees and a logistic
// regression on iris, a linear regression on diabetes): the table against the registry's own
// listing, filters, numeric sorting with missing metrics last, details and lineage, comparison
// with the differing parameter highlighted and the engine's deltas, stage/tags/notes written
// to the file (read back through a second connection), the metric series chart, export and
// import, and delete with its confirmation.
#include <qcustomplot.h>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <cmath>

#include "engine/dataset_fingerprint.h"
#include "engine/learner.h"
#include "engine/metric_direction.h"
#include "engine/model_registry.h"
#include "engine/table_reader.h"
#include "engine/training_run.h"
#include "widgets/history_client.h"
#include "widgets/history_filter_model.h"
#include "widgets/history_model.h"
#include "widgets/history_view.h"
#include "widgets/metric_series_chart.h"
#include "widgets/version_compare_view.h"
#include "widgets/version_details_view.h"

using namespace glassbox;
using namespace glassbox::gui;

namespace {

constexpr int kTimeout = 20000;
const std::string kIris = GLASSBOX_SHARED_DIR "/datasets/iris.csv";
const std::string kDiabetes = GLASSBOX_SHARED_DIR "/datasets/diabetes_regression.csv";

// Fits `learner` with 5-fold cross-validation (as the GUI's training does) and adds it.
std::int64_t addTrained(ModelRegistry& registry, const std::string& file, const std::string& target,
                        const std::string& learnerName,
                        const std::map<std::string, std::string>& given,
                        std::optional<std::int64_t> parent = std::nullopt,
                        const std::string& name = {}) {
    const LoadedTable loaded = readTable(file, ReadOptions{});
    const Dataset data = makeDataset(loaded.table, target, std::nullopt).dataset;
    const Learner& learner = learnerNamed(learnerName);
    ValidationPlan plan;
    plan.folds = 5;
    const TrainingRun run = trainAndValidate(
        learner, data, ParamValues::resolve(learner.params(), given), plan, FitOptions{7, 2}, {});
    NewVersion version;
    version.name = name;
    version.metrics = run.metrics;
    version.perFold = run.perFold;
    version.validation = run.validation;
    version.dataset =
        fingerprintDataFile(file, loaded.table.rowCount(), loaded.table.columnCount(), {});
    version.parent = parent;
    return registry.addVersion(run.trained, version);
}

// Clicks Yes (or No) on the next modal message box, and records its text.
void answerNextMessageBox(QMessageBox::StandardButton button, QString* text) {
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, button, text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) return;
        if (text) *text = box->text();
        box->button(button)->click();
        timer->stop();
        timer->deleteLater();
    });
    timer->start();
}

int rowOfText(const QTableWidget* table, const QString& name) {
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0) && table->item(row, 0)->text() == name) return row;
    return -1;
}

}  // namespace

class TestHistoryView : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void init();
    void cleanup();
    void tableMatchesTheRegistry();
    void filtersByLearner_data();
    void filtersByLearner();
    void filtersByTextTargetAndStage();
    void sortsMetricsNumericallyMissingLast_data();
    void sortsMetricsNumericallyMissingLast();
    void detailsShowParametersMetricsAndLineage();
    void lineageLinkSelectsTheParent();
    void comparesTwoVersions();
    void stageTagsAndNotesReachTheRegistry();
    void seriesChartHasAPointPerVersionOfTheTarget();
    void exportThenImportAddsAVersion();
    void openActionsNameTheVersion();
    void deleteAsksFirst();
    void failureIsShownWithTheEnginesMessage();
    void settingsPersist();
    void screenshots();

  private:
    // A view on the test's history, shown, with its first listing in the table.
    std::unique_ptr<HistoryView> openView();
    bool waitForDetails(HistoryView& view, qint64 id);

    QTemporaryDir dir_;
    QString pristine_;
    QString path_;                   // this test's copy of the history
    std::vector<std::int64_t> ids_;  // shallow tree, deep tree (child of it), logistic, linear
    int testNumber_ = 0;
};

void TestHistoryView::initTestCase() {
    QVERIFY(dir_.isValid());
    QCoreApplication::setOrganizationName("GlassboxTest");
    QCoreApplication::setApplicationName("test_history_view");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.filePath("settings"));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath("settings"));
    QVERIFY(QSettings().fileName().startsWith(dir_.path()));

    pristine_ = dir_.filePath("pristine.sqlite");
    ModelRegistry registry = ModelRegistry::open(pristine_.toStdString());
    const std::int64_t shallow =
        addTrained(registry, kIris, "species", "decision_tree", {{"max_depth", "2"}});
    const std::int64_t deep = addTrained(registry, kIris, "species", "decision_tree",
                                         {{"max_depth", "4"}}, shallow, "deeper");
    const std::int64_t logistic = addTrained(registry, kIris, "species", "logistic_regression", {});
    const std::int64_t linear =
        addTrained(registry, kDiabetes, "progression", "linear_regression", {});
    ids_ = {shallow, deep, logistic, linear};
    registry.addTag(logistic, "baseline");
}

void TestHistoryView::init() {
    // Every test gets its own copy of the history (the connection above is closed, so the
    // file holds everything).
    path_ = dir_.filePath(QStringLiteral("history-%1.sqlite").arg(++testNumber_));
    QVERIFY(QFile::copy(pristine_, path_));
}

void TestHistoryView::cleanup() {
    QSettings().clear();
}

std::unique_ptr<HistoryView> TestHistoryView::openView() {
    auto view = std::make_unique<HistoryView>(path_);
    view->resize(1280, 800);
    QSignalSpy shown(view.get(), &HistoryView::versionsShown);
    view->show();
    if (!shown.wait(kTimeout)) return nullptr;
    return view;
}

bool TestHistoryView::waitForDetails(HistoryView& view, qint64 id) {
    QSignalSpy spy(&view, &HistoryView::detailsShown);
    view.selectVersion(id);
    for (int i = 0; i < 10 && view.detailsView()->versionId() != id; ++i) spy.wait(kTimeout / 10);
    return view.detailsView()->versionId() == id;
}

void TestHistoryView::tableMatchesTheRegistry() {
    const auto view = openView();
    QVERIFY(view);
    const ModelRegistry registry = ModelRegistry::open(path_.toStdString());
    const std::vector<ModelVersion> listed = registry.list();
    HistoryModel* model = view->model();
    QCOMPARE(model->rowCount(), static_cast<int>(listed.size()));
    QCOMPARE(view->filterModel()->rowCount(), static_cast<int>(listed.size()));
    // Both classification and regression metrics have columns.
    for (const char* metric : {"accuracy", "auc", "f1", "r2", "rmse"})
        QVERIFY2(model->metricColumn(metric) >= 0, metric);
    for (const ModelVersion& v : listed) {
        const int row = model->rowOf(v.id);
        QVERIFY(row >= 0);
        auto cell = [&](int column, int role = Qt::DisplayRole) {
            return model->index(row, column).data(role);
        };
        QCOMPARE(cell(HistoryModel::LearnerColumn).toString(), QString::fromStdString(v.learner));
        QCOMPARE(cell(HistoryModel::TargetColumn).toString(), QString::fromStdString(v.target));
        QVERIFY(cell(HistoryModel::DatasetColumn)
                    .toString()
                    .contains(QString::fromStdString(v.dataset.sha256.substr(0, 8))));
        QCOMPARE(cell(HistoryModel::StageColumn, HistoryModel::FilterKeyRole).toString(),
                 QString("none"));
        for (const QString& metric : model->metricColumns()) {
            const std::optional<double> value = v.metric(metric.toStdString());
            const double shown =
                cell(model->metricColumn(metric), HistoryModel::SortRole).toDouble();
            if (value && !std::isnan(*value))
                QCOMPARE(shown, *value);
            else
                QVERIFY(std::isnan(shown));
        }
    }
    const int tags = model->rowOf(ids_[2]);
    QCOMPARE(model->index(tags, HistoryModel::TagsColumn).data().toString(), QString("baseline"));
    // The newest version first, and current.
    QCOMPARE(view->currentVersion(), listed.front().id);
}

void TestHistoryView::filtersByLearner_data() {
    QTest::addColumn<QString>("learner");
    QTest::newRow("decision_tree") << "decision_tree";
    QTest::newRow("logistic_regression") << "logistic_regression";
    QTest::newRow("linear_regression") << "linear_regression";
}

void TestHistoryView::filtersByLearner() {
    QFETCH(QString, learner);
    const auto view = openView();
    QVERIFY(view);
    QComboBox* box = view->learnerFilter();
    const int index = box->findData(learner);
    QVERIFY(index > 0);
    box->setCurrentIndex(index);
    VersionFilter filter;
    filter.learner = learner.toStdString();
    const auto expected = ModelRegistry::open(path_.toStdString()).list(filter);
    QCOMPARE(view->filterModel()->rowCount(), static_cast<int>(expected.size()));
    for (int row = 0; row < view->filterModel()->rowCount(); ++row)
        QCOMPARE(view->filterModel()->index(row, HistoryModel::LearnerColumn).data().toString(),
                 learner);
    // The current version is one of the shown ones.
    QCOMPARE(view->currentVersion(), expected.front().id);
    box->setCurrentIndex(0);
    QCOMPARE(view->filterModel()->rowCount(), static_cast<int>(ids_.size()));
}

void TestHistoryView::filtersByTextTargetAndStage() {
    const auto view = openView();
    QVERIFY(view);
    view->filterEdit()->setText("DEEPER");  // the name, any case
    QCOMPARE(view->filterModel()->rowCount(), 1);
    QCOMPARE(view->currentVersion(), ids_[1]);
    view->filterEdit()->setText("baseline");  // a tag
    QCOMPARE(view->filterModel()->rowCount(), 1);
    QCOMPARE(view->currentVersion(), ids_[2]);
    view->filterEdit()->clear();

    QComboBox* target = view->targetFilter();
    target->setCurrentIndex(target->findData("progression"));
    QCOMPARE(view->filterModel()->rowCount(), 1);
    target->setCurrentIndex(target->findData("species"));
    QCOMPARE(view->filterModel()->rowCount(), 3);
    target->setCurrentIndex(0);

    QComboBox* stage = view->stageFilter();
    stage->setCurrentIndex(stage->findData("production"));
    QCOMPARE(view->filterModel()->rowCount(), 0);
    QCOMPARE(view->currentVersion(), qint64{0});
    QVERIFY(!view->deleteAction()->isEnabled());
    stage->setCurrentIndex(stage->findData("none"));
    QCOMPARE(view->filterModel()->rowCount(), 4);
}

void TestHistoryView::sortsMetricsNumericallyMissingLast_data() {
    QTest::addColumn<QString>("metric");
    QTest::addColumn<bool>("descending");
    QTest::newRow("accuracy descending") << "accuracy" << true;
    QTest::newRow("accuracy ascending") << "accuracy" << false;
    QTest::newRow("auc descending") << "auc" << true;
    QTest::newRow("rmse ascending") << "rmse" << false;
}

void TestHistoryView::sortsMetricsNumericallyMissingLast() {
    QFETCH(QString, metric);
    QFETCH(bool, descending);
    const auto view = openView();
    QVERIFY(view);
    const int column = view->model()->metricColumn(metric);
    QVERIFY(column >= 0);
    view->table()->sortByColumn(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    // The engine's order: by value, versions without the metric last, ties newest first.
    VersionFilter filter;
    filter.sortMetric = metric.toStdString();
    filter.descending = descending;
    const auto expected = ModelRegistry::open(path_.toStdString()).list(filter);
    QCOMPARE(view->filterModel()->rowCount(), static_cast<int>(expected.size()));
    for (int row = 0; row < view->filterModel()->rowCount(); ++row)
        QCOMPARE(view->filterModel()->index(row, 0).data(HistoryModel::VersionIdRole).toLongLong(),
                 expected[static_cast<std::size_t>(row)].id);
}

void TestHistoryView::detailsShowParametersMetricsAndLineage() {
    const auto view = openView();
    QVERIFY(view);
    const qint64 deep = ids_[1];
    QVERIFY(waitForDetails(*view, deep));
    const ModelVersion expected = ModelRegistry::open(path_.toStdString()).show(deep);
    VersionDetailsView* details = view->detailsView();
    QTableWidget* params = details->parameterTable();
    QCOMPARE(params->rowCount(), static_cast<int>(expected.params.size()));
    const int depthRow = rowOfText(params, "max_depth");
    QVERIFY(depthRow >= 0);
    QCOMPARE(params->item(depthRow, 1)->text(), QString("4"));
    QTableWidget* metrics = details->metricTable();
    QCOMPARE(metrics->rowCount(), static_cast<int>(expected.metrics.size()));
    const int accuracyRow = rowOfText(metrics, "accuracy");
    QCOMPARE(metrics->item(accuracyRow, 1)->text(),
             HistoryModel::metricText(expected.metric("accuracy")));
    // The parent chain: the shallow tree, as a link.
    QVERIFY(details->lineageLabel()->text().contains(QStringLiteral("version:%1").arg(ids_[0])));
    QCOMPARE(details->stageBox()->currentData().toInt(), static_cast<int>(Stage::None));
}

void TestHistoryView::lineageLinkSelectsTheParent() {
    const auto view = openView();
    QVERIFY(view);
    QVERIFY(waitForDetails(*view, ids_[1]));
    QSignalSpy shown(view.get(), &HistoryView::detailsShown);
    emit view->detailsView()->lineageLabel()->linkActivated(
        QStringLiteral("version:%1").arg(ids_[0]));
    QCOMPARE(view->currentVersion(), ids_[0]);
    QTRY_COMPARE_WITH_TIMEOUT(view->detailsView()->versionId(), ids_[0], kTimeout);
    QVERIFY(view->detailsView()->lineageLabel()->text().contains("No parent"));
}

void TestHistoryView::comparesTwoVersions() {
    const auto view = openView();
    QVERIFY(view);
    const qint64 a = ids_[0];
    const qint64 b = ids_[1];
    view->selectVersions({b, a});
    QCOMPARE(view->selectedVersions(), (QList<qint64>{a, b}));
    QVERIFY(view->compareAction()->isEnabled());
    QSignalSpy compared(view.get(), &HistoryView::comparisonShown);
    view->compareAction()->trigger();
    QVERIFY(compared.wait(kTimeout));
    QCOMPARE(view->bottomTabs()->currentWidget(), view->compareView());

    const VersionComparison expected = ModelRegistry::open(path_.toStdString()).compare(a, b);
    VersionCompareView* compare = view->compareView();
    QCOMPARE(compare->versionA(), a);
    QCOMPARE(compare->versionB(), b);
    QTableWidget* params = compare->parameterTable();
    QCOMPARE(params->rowCount(), static_cast<int>(expected.a.params.size()));
    int highlighted = 0;
    for (int row = 0; row < params->rowCount(); ++row) {
        const bool differs = params->item(row, 0)->data(VersionCompareView::DiffersRole).toBool();
        const QString name = params->item(row, 0)->text();
        const bool engineSays =
            std::any_of(expected.params.begin(), expected.params.end(),
                        [&](const auto& d) { return QString::fromStdString(d.name) == name; });
        QCOMPARE(differs, engineSays);
        if (differs) {
            ++highlighted;
            QCOMPARE(params->item(row, 1)->background().color(),
                     VersionCompareView::differenceColor());
        }
    }
    QCOMPARE(highlighted, 1);
    const int depthRow = rowOfText(params, "max_depth");
    QVERIFY(params->item(depthRow, 0)->data(VersionCompareView::DiffersRole).toBool());
    QCOMPARE(params->item(depthRow, 1)->text(), QString("2"));
    QCOMPARE(params->item(depthRow, 2)->text(), QString("4"));

    QTableWidget* metrics = compare->metricTable();
    QCOMPARE(metrics->rowCount(), static_cast<int>(expected.metrics.size()));
    for (const auto& m : expected.metrics) {
        const int row = rowOfText(metrics, QString::fromStdString(m.name));
        QVERIFY(row >= 0);
        const QVariant delta = metrics->item(row, 3)->data(VersionCompareView::DeltaRole);
        if (!m.delta || std::isnan(*m.delta)) {
            QVERIFY(!delta.isValid());
            continue;
        }
        QCOMPARE(delta.toDouble(), *m.b - *m.a);
        if (*m.delta == 0) continue;
        const bool better = lowerIsBetter(m.name) ? *m.delta < 0 : *m.delta > 0;
        QCOMPARE(metrics->item(row, 3)->foreground().color(),
                 better ? VersionCompareView::betterColor() : VersionCompareView::worseColor());
    }
}

void TestHistoryView::stageTagsAndNotesReachTheRegistry() {
    const auto view = openView();
    QVERIFY(view);
    const qint64 id = ids_[0];
    QVERIFY(waitForDetails(*view, id));
    VersionDetailsView* details = view->detailsView();
    const ModelRegistry second = ModelRegistry::open(path_.toStdString());

    QComboBox* stage = details->stageBox();
    const int production = stage->findData(static_cast<int>(Stage::Production));
    stage->setCurrentIndex(production);
    emit stage->activated(production);
    QTRY_COMPARE_WITH_TIMEOUT(second.show(id).stage, Stage::Production, kTimeout);
    // The table shows it after the automatic refresh.
    const int column = HistoryModel::StageColumn;
    QTRY_COMPARE_WITH_TIMEOUT(view->model()
                                  ->index(view->model()->rowOf(id), column)
                                  .data(HistoryModel::FilterKeyRole)
                                  .toString(),
                              QString("production"), kTimeout);

    details->tagEdit()->setText("  champion ");
    QTest::keyClick(details->tagEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(second.show(id).tags, std::vector<std::string>{"champion"}, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(details->tagList()->count(), 1, kTimeout);
    details->tagList()->setCurrentRow(0);
    details->tagList()->item(0)->setSelected(true);
    QPushButton* remove = nullptr;
    for (QPushButton* b : details->findChildren<QPushButton*>())
        if (b->text() == "Remove") remove = b;
    QVERIFY(remove && remove->isEnabled());
    remove->click();
    QTRY_VERIFY_WITH_TIMEOUT(second.show(id).tags.empty(), kTimeout);

    QVERIFY(!details->saveNotesButton()->isEnabled());
    details->notesEdit()->setPlainText("good enough for the demo");
    QVERIFY(details->saveNotesButton()->isEnabled());
    details->saveNotesButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(second.show(id).notes, std::string("good enough for the demo"),
                              kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!details->saveNotesButton()->isEnabled(), kTimeout);
    // Nothing else changed.
    QCOMPARE(second.show(ids_[1]).stage, Stage::None);
}

void TestHistoryView::seriesChartHasAPointPerVersionOfTheTarget() {
    const auto view = openView();
    QVERIFY(view);
    const qint64 id = ids_[2];
    QSignalSpy series(view.get(), &HistoryView::seriesShown);
    view->selectVersion(id);
    MetricSeriesChart* chart = view->seriesChart();
    QTRY_VERIFY_WITH_TIMEOUT(
        std::count(chart->pointVersions().begin(), chart->pointVersions().end(), id) == 1,
        kTimeout);
    QCOMPARE(chart->currentMetric(), QString("accuracy"));
    const ModelRegistry registry = ModelRegistry::open(path_.toStdString());
    const ModelVersion v = registry.show(id);
    const auto points = registry.series("accuracy", v.target, v.dataset.sha256);
    QCOMPARE(points.size(), std::size_t{3});  // the three iris versions, not the regression
    QCOMPARE(chart->pointCount(), static_cast<int>(points.size()));
    QCPGraph* graph = chart->plot()->graph(0);
    QCOMPARE(graph->dataCount(), static_cast<int>(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) {
        QCOMPARE(chart->pointVersions()[i], points[i].version);
        QCOMPARE(graph->data()->at(static_cast<int>(i))->value, *points[i].value);
    }
    // The current version is the highlighted point.
    QCOMPARE(chart->plot()->graph(1)->dataCount(), 1);
    QCOMPARE(chart->plot()->graph(1)->data()->at(0)->value, *v.metric("accuracy"));

    // Another metric.
    const int f1 = chart->metricBox()->findText("f1");
    QVERIFY(f1 >= 0);
    chart->metricBox()->setCurrentIndex(f1);
    series.clear();
    emit chart->metricBox()->activated(f1);
    QVERIFY(series.wait(kTimeout));
    QCOMPARE(series.last().at(0).toString(), QString("f1"));
    QCOMPARE(chart->plot()->graph(0)->data()->at(0)->value,
             *registry.series("f1", v.target, v.dataset.sha256).front().value);
}

void TestHistoryView::exportThenImportAddsAVersion() {
    const auto view = openView();
    QVERIFY(view);
    const QString file = dir_.filePath(QStringLiteral("exported-%1.gbv").arg(testNumber_));
    QSignalSpy exported(view.get(), &HistoryView::exported);
    view->exportVersion(ids_[1], file);
    QVERIFY(exported.wait(kTimeout));
    QVERIFY(QFileInfo(file).size() > 56);

    QSignalSpy imported(view.get(), &HistoryView::imported);
    QSignalSpy shown(view.get(), &HistoryView::versionsShown);
    view->importVersion(file);
    QVERIFY(imported.wait(kTimeout));
    const qint64 id = imported.at(0).at(0).toLongLong();
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), static_cast<int>(ids_.size()) + 1,
                              kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(view->currentVersion(), id, kTimeout);
    const ModelRegistry registry = ModelRegistry::open(path_.toStdString());
    QCOMPARE(registry.show(id).params, registry.show(ids_[1]).params);
}

void TestHistoryView::openActionsNameTheVersion() {
    const auto view = openView();
    QVERIFY(view);
    view->selectVersion(ids_[2]);
    QSignalSpy open(view.get(), &HistoryView::openVersionRequested);
    view->predictAction()->trigger();
    view->evaluateAction()->trigger();
    view->explainAction()->trigger();
    QCOMPARE(open.size(), 3);
    const QStringList actions = {"predict", "evaluate", "explain"};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(open.at(i).at(0).toLongLong(), ids_[2]);
        QCOMPARE(open.at(i).at(1).toString(), actions[i]);
    }
}

void TestHistoryView::deleteAsksFirst() {
    const auto view = openView();
    QVERIFY(view);
    const qint64 id = ids_[2];
    view->selectVersion(id);

    // No: nothing happens.
    QString question;
    answerNextMessageBox(QMessageBox::No, &question);
    view->deleteCurrent();
    QVERIFY(question.contains(QStringLiteral("version %1").arg(id)));
    QVERIFY(question.contains("logistic_regression"));
    QTest::qWait(100);
    QCOMPARE(view->client()->pendingRequests(), 0);
    QVERIFY(ModelRegistry::open(path_.toStdString()).contains(id));

    // Yes, through the Delete key on the table.
    question.clear();
    answerNextMessageBox(QMessageBox::Yes, &question);
    QApplication::setActiveWindow(view.get());  // offscreen: not given back after the box
    QVERIFY(QTest::qWaitForWindowActive(view.get()));
    view->table()->setFocus();
    QTest::keyClick(view->table(), Qt::Key_Delete);
    QVERIFY(question.contains(QStringLiteral("version %1").arg(id)));
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), static_cast<int>(ids_.size()) - 1,
                              kTimeout);
    QVERIFY(!ModelRegistry::open(path_.toStdString()).contains(id));
    QVERIFY(view->model()->rowOf(id) < 0);
    QVERIFY(view->currentVersion() != 0);  // a neighbour became current
}

void TestHistoryView::failureIsShownWithTheEnginesMessage() {
    QFile text(dir_.filePath("not-a-history.sqlite"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("this is text, not a database\n");
    text.close();
    HistoryView view(text.fileName());
    QSignalSpy error(&view, &HistoryView::errorShown);
    view.refresh();
    QVERIFY(error.wait(kTimeout));
    QVERIFY2(error.at(0).at(0).toString().contains("not a Glassbox model history"),
             qPrintable(error.at(0).at(0).toString()));
    QCOMPARE(view.model()->rowCount(), 0);
}

void TestHistoryView::settingsPersist() {
    int width = 0;
    QList<int> sizes;
    {
        const auto view = openView();
        QVERIFY(view);
        auto* splitter = view->findChild<QSplitter*>("historyMainSplitter");
        splitter->setSizes({900, 380});
        sizes = splitter->sizes();
        view->table()->horizontalHeader()->resizeSection(HistoryModel::LearnerColumn, 222);
        view->table()->sortByColumn(view->model()->metricColumn("auc"), Qt::AscendingOrder);
        width = view->table()->horizontalHeader()->sectionSize(HistoryModel::LearnerColumn);
    }
    QCOMPARE(QSettings().value("history/sortColumn").toString(), QString("metric:auc"));
    const auto view = openView();
    QVERIFY(view);
    QCOMPARE(view->table()->horizontalHeader()->sectionSize(HistoryModel::LearnerColumn), width);
    QCOMPARE(view->table()->horizontalHeader()->sortIndicatorSection(),
             view->model()->metricColumn("auc"));
    QCOMPARE(view->table()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    QCOMPARE(view->findChild<QSplitter*>("historyMainSplitter")->sizes(), sizes);
}

void TestHistoryView::screenshots() {
    const QString out = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    if (out.isEmpty()) QSKIP("set GLASSBOX_SCREENSHOT_DIR to save screenshots");
    const auto view = openView();
    QVERIFY(view);
    {
        ModelRegistry registry = ModelRegistry::open(path_.toStdString());
        registry.setStage(ids_[0], Stage::Production);
        registry.setNotes(ids_[1], "Deeper tree: better on the hold-out, check for overfitting.");
        registry.addTag(ids_[1], "candidate");
        const std::int64_t more = addTrained(registry, kIris, "species", "random_forest",
                                             {{"n_estimators", "20"}}, ids_[1]);
        addTrained(registry, kIris, "species", "knn", {{"k", "7"}}, more);
        // An evaluation on other data (the scores are the training's: only their look counts).
        const ModelVersion deep = registry.show(ids_[1]);
        Scores scores;
        for (const auto& [name, value] : deep.metrics)
            if (value) scores.values.emplace_back(name, *value - 0.01);
        DatasetFingerprint other = deep.dataset;
        other.file = "/data/iris-2027.csv";
        other.sha256 = std::string(64, 'a');
        registry.addEvaluation(ids_[1], other, scores);
    }
    QSignalSpy shown(view.get(), &HistoryView::versionsShown);
    view->refresh();
    QVERIFY(shown.wait(kTimeout));
    QVERIFY(waitForDetails(*view, ids_[1]));
    QTRY_VERIFY_WITH_TIMEOUT(view->seriesChart()->pointCount() == 5, kTimeout);
    QTest::qWait(50);
    QVERIFY(view->grab().save(QDir(out).filePath("history-view.png")));
    QVERIFY(view->detailsView()->grab().save(QDir(out).filePath("history-details.png")));
    {
        // The whole details pane, as tall as its contents.
        VersionDetailsView* details = view->detailsView();
        auto* splitter = view->findChild<QSplitter*>("historyMainSplitter");
        const QList<int> sizes = splitter->sizes();
        details->setParent(nullptr);
        details->resize(470, 1700);
        details->show();
        QTest::qWait(50);
        QVERIFY(details->grab().save(QDir(out).filePath("history-details-full.png")));
        splitter->addWidget(details);
        splitter->setSizes(sizes);
    }
    QVERIFY(view->seriesChart()->grab().save(QDir(out).filePath("history-chart.png")));
    QSignalSpy compared(view.get(), &HistoryView::comparisonShown);
    view->selectVersions({ids_[1], ids_[0]});
    view->compareSelected();
    QVERIFY(compared.wait(kTimeout));
    QTest::qWait(50);
    QVERIFY(view->compareView()->grab().save(QDir(out).filePath("history-compare.png")));
    QVERIFY(view->grab().save(QDir(out).filePath("history-view-compare.png")));
}

QTEST_MAIN(TestHistoryView)
#include "test_history_view.moc"
