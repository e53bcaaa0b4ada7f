// The runs table, the comparison of selected runs and the run details, on runs trained by the
// engine in the test.
#include <QAction>
#include <QHeaderView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>
#include <algorithm>
#include <cmath>

#include "engine/metric_direction.h"
#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/run_details.h"
#include "widgets/runs_model.h"
#include "widgets/runs_view.h"

using namespace glassbox;
using glassbox::gui::RunsModel;
using glassbox::gui::RunsView;
using glassbox::gui::TrainingOutcome;
using Outcome = std::shared_ptr<const TrainingOutcome>;

Q_DECLARE_METATYPE(std::vector<std::size_t>)

namespace {

QString fourDecimals(double value) {
    return QString::number(value, 'f', 4);
}

}  // namespace

class TestRunsView : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void metricColumnsShowTheEngineValues_data();
    void metricColumnsShowTheEngineValues();
    void sortsNumerically_data();
    void sortsNumerically();
    void bothTasksShowTheUnionOfMetrics();
    void addRunMakesItCurrent();
    void comparisonOfSelectedRuns();
    void deleteRemovesFromTheList();
    void detailsOfAClassificationRun();
    void detailsOfARegressionRun();

  private:
    // 11 iris runs (so run numbers reach two digits) and one diabetes regression run.
    std::vector<Outcome> iris_;
    Outcome regression_;
};

void TestRunsView::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    qRegisterMetaType<std::vector<std::size_t>>();
    const auto iris = testing::readSharedDataset("iris.csv");
    std::vector<std::shared_ptr<TrainingOutcome>> runs;
    for (const char* depth : {"1", "2", "3", "4", "none"})
        runs.push_back(
            testing::trainFixture(iris, "species", "decision_tree", {{"max_depth", depth}})
                .outcome);
    for (const char* k : {"1", "3", "7", "15", "40", "80"})
        runs.push_back(testing::trainFixture(iris, "species", "knn", {{"k", k}}).outcome);
    // History versions whose text order differs from their numeric order.
    const std::int64_t versions[] = {3, 12, 7, 25, 100, 9, 1, 40, 2, 18, 5};
    for (std::size_t i = 0; i < runs.size(); ++i) {
        runs[i]->version = versions[i];
        iris_.push_back(runs[i]);
    }
    ValidationPlan holdout;
    holdout.kind = ValidationPlan::Kind::Holdout;
    holdout.testFraction = 0.3;
    regression_ =
        testing::trainFixture(testing::readSharedDataset("diabetes_regression.csv"), "progression",
                              "decision_tree", {{"max_depth", "3"}}, holdout)
            .outcome;
}

void TestRunsView::metricColumnsShowTheEngineValues_data() {
    QTest::addColumn<QString>("metric");
    for (const char* metric : {"accuracy", "balanced_accuracy", "f1", "auc", "log_loss"})
        QTest::newRow(metric) << QString(metric);
}

void TestRunsView::metricColumnsShowTheEngineValues() {
    QFETCH(QString, metric);
    RunsModel model;
    for (const auto& run : iris_) model.addRun(run);
    const int column = model.columnOfMetric(metric.toStdString());
    QVERIFY(column >= 0);
    QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), metric);
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto value =
            iris_[static_cast<std::size_t>(row)]->run.metrics.get(metric.toStdString());
        QVERIFY(value.has_value());
        QCOMPARE(model.data(model.index(row, column)).toString(), fourDecimals(*value));
        QCOMPARE(model.data(model.index(row, column), RunsModel::SortRole).toDouble(), *value);
    }
}

void TestRunsView::sortsNumerically_data() {
    QTest::addColumn<QString>(
        "column");  // a metric name, or "#" / "seconds" / "version" / "version"
    QTest::addColumn<int>("order");
    for (const char* column : {"#", "seconds", "version", "accuracy", "log_loss"}) {
        QTest::newRow((std::string(column) + " ascending").c_str())
            << QString(column) << static_cast<int>(Qt::AscendingOrder);
        QTest::newRow((std::string(column) + " descending").c_str())
            << QString(column) << static_cast<int>(Qt::DescendingOrder);
    }
}

void TestRunsView::sortsNumerically() {
    QFETCH(QString, column);
    QFETCH(int, order);
    RunsView view;
    for (const auto& run : iris_) view.addRun(run);
    RunsModel* model = view.model();
    // The expected key of each run, from the engine's numbers.
    std::vector<double> keys;
    int section = 0;
    for (std::size_t i = 0; i < iris_.size(); ++i) {
        if (column == "#")
            keys.push_back(static_cast<double>(i + 1));
        else if (column == "seconds")
            keys.push_back(iris_[i]->run.trainSeconds);
        else if (column == "version")
            keys.push_back(static_cast<double>(*iris_[i]->version));
        else
            keys.push_back(*iris_[i]->run.metrics.get(column.toStdString()));
    }
    if (column == "#") {
        section = 0;
    } else if (column == "seconds") {
        section = model->columnCount() - 2;
        QVERIFY(model->columnKind(section) == RunsModel::Column::Seconds);
    } else if (column == "version") {
        section = model->columnCount() - 1;
        QVERIFY(model->columnKind(section) == RunsModel::Column::Version);
    } else {
        section = model->columnOfMetric(column.toStdString());
    }
    view.table()->sortByColumn(section, static_cast<Qt::SortOrder>(order));
    std::vector<double> shown;
    for (int row = 0; row < view.proxy()->rowCount(); ++row) {
        const int source = view.proxy()->mapToSource(view.proxy()->index(row, 0)).row();
        shown.push_back(keys[static_cast<std::size_t>(source)]);
    }
    std::vector<double> expected = keys;
    if (order == Qt::AscendingOrder)
        std::sort(expected.begin(), expected.end());
    else
        std::sort(expected.begin(), expected.end(), std::greater<>());
    QCOMPARE(shown, expected);
}

void TestRunsView::bothTasksShowTheUnionOfMetrics() {
    RunsView view;
    view.addRun(iris_[0]);
    view.addRun(regression_);
    RunsModel* model = view.model();
    std::vector<std::string> expected;
    for (const std::string& metric : RunsModel::mainMetrics())
        if (iris_[0]->run.metrics.get(metric) || regression_->run.metrics.get(metric))
            expected.push_back(metric);
    QCOMPARE(model->metricColumns(), expected);
    const int r2 = model->columnOfMetric("r2");
    const int accuracy = model->columnOfMetric("accuracy");
    QVERIFY(r2 >= 0 && accuracy >= 0);
    QCOMPARE(model->data(model->index(0, r2)).toString(), QString("–"));
    QCOMPARE(model->data(model->index(1, r2)).toString(),
             fourDecimals(*regression_->run.metrics.get("r2")));
    QCOMPARE(model->data(model->index(1, accuracy)).toString(), QString("–"));
    QVERIFY(!model->data(model->index(1, accuracy), RunsModel::SortRole).isValid());
    // The missing value sorts after every number.
    view.table()->sortByColumn(r2, Qt::AscendingOrder);
    QCOMPARE(view.proxy()->mapToSource(view.proxy()->index(0, 0)).row(), 1);
    // Removing the regression run removes its metric columns.
    view.table()->selectRow(0);
    view.removeSelectedRuns();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->columnOfMetric("r2"), -1);
    QVERIFY(model->columnOfMetric("accuracy") >= 0);
}

void TestRunsView::addRunMakesItCurrent() {
    RunsView view;
    QSignalSpy current(&view, &RunsView::currentRunChanged);
    view.addRun(iris_[0]);
    view.addRun(iris_[5]);
    QCOMPARE(current.count(), 2);
    QCOMPARE(current.last().at(0).value<Outcome>(), iris_[5]);
    QCOMPARE(view.currentRun(), iris_[5]);
    QCOMPARE(view.details()->outcome(), iris_[5]);
    QVERIFY(view.comparisonPanel()->isHidden());
}

void TestRunsView::comparisonOfSelectedRuns() {
    RunsView view;
    view.resize(1200, 800);
    view.show();
    for (std::size_t i : {0, 2, 6}) view.addRun(iris_[i]);
    QVERIFY(view.comparisonPanel()->isHidden());
    auto* selection = view.table()->selectionModel();
    selection->select(view.proxy()->index(0, 0),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(view.comparisonPanel()->isHidden());
    selection->select(view.proxy()->index(2, 0),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(view.comparisonPanel()->isVisible());
    const std::vector<Outcome> compared{iris_[0], iris_[6]};
    QCOMPARE(view.selectedRuns(), compared);

    QTableWidget* table = view.comparisonTable();
    const auto names = scoreNames(TaskKind::Classification);
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->rowCount(), static_cast<int>(names.size()));
    for (int r = 0; r < table->rowCount(); ++r) {
        const std::string& metric = names[static_cast<std::size_t>(r)];
        QVERIFY(table->verticalHeaderItem(r)->text().startsWith(QString::fromStdString(metric)));
        const double a = *compared[0]->run.metrics.get(metric);
        const double b = *compared[1]->run.metrics.get(metric);
        QCOMPARE(table->item(r, 0)->text(), std::isnan(a) ? QString("–") : fourDecimals(a));
        QCOMPARE(table->item(r, 1)->text(), std::isnan(b) ? QString("–") : fourDecimals(b));
        if (std::isnan(a) || std::isnan(b)) continue;
        const bool aBest = !isBetterScore(metric, b, a);
        const bool bBest = !isBetterScore(metric, a, b);
        QCOMPARE(table->item(r, 0)->font().bold(), aBest);
        QCOMPARE(table->item(r, 1)->font().bold(), bBest);
    }

    selection->select(view.proxy()->index(1, 0),
                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(table->columnCount(), 3);
    selection->select(view.proxy()->index(2, 0),
                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(view.comparisonPanel()->isHidden());
}

void TestRunsView::deleteRemovesFromTheList() {
    RunsView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    for (std::size_t i : {0, 1, 2}) view.addRun(iris_[i]);
    view.table()->setFocus();
    view.table()->selectRow(1);
    QSignalSpy current(&view, &RunsView::currentRunChanged);
    QTest::keyClick(view.table(), Qt::Key_Delete);
    QCOMPARE(view.model()->rowCount(), 2);
    QCOMPARE(view.model()->run(0), iris_[0]);
    QCOMPARE(view.model()->run(1), iris_[2]);
    QVERIFY(current.count() >= 1);
    QCOMPARE(view.details()->outcome(), view.currentRun());
    QVERIFY(view.currentRun() != iris_[1]);
    // Run numbers are not reused.
    QCOMPARE(view.model()->data(view.model()->index(1, 0)).toInt(), 3);
    view.table()->selectAll();
    view.removeAction()->trigger();
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(view.details()->outcome() == nullptr);
    QVERIFY(view.currentRun() == nullptr);
}

void TestRunsView::detailsOfAClassificationRun() {
    gui::RunDetails details;
    const Outcome& run = iris_[2];
    details.setOutcome(run);
    QVERIFY(details.headerText().contains("decision_tree"));
    QVERIFY(details.headerText().contains("species"));
    QVERIFY(details.headerText().contains(QString::fromStdString(run->run.validation)));
    const auto& values = run->run.metrics.values;
    QCOMPARE(details.metricsTable()->rowCount(), static_cast<int>(values.size()));
    for (int i = 0; i < static_cast<int>(values.size()); ++i) {
        const auto& [name, value] = values[static_cast<std::size_t>(i)];
        QCOMPARE(details.metricsTable()->item(i, 0)->text(), QString::fromStdString(name));
        QCOMPARE(details.metricsTable()->item(i, 1)->text(),
                 std::isnan(value) ? QString("–") : fourDecimals(value));
    }
    const auto& perClass = run->run.metrics.perClass;
    QCOMPARE(details.perClassTable()->rowCount(), 3);
    for (int c = 0; c < 3; ++c) {
        const ClassScores& s = perClass[static_cast<std::size_t>(c)];
        QCOMPARE(details.perClassTable()->item(c, 0)->text(),
                 QString::fromStdString(run->run.trained.classes[static_cast<std::size_t>(c)]));
        QCOMPARE(details.perClassTable()->item(c, 1)->text(), fourDecimals(s.precision));
        QCOMPARE(details.perClassTable()->item(c, 2)->text(), fourDecimals(s.recall));
        QCOMPARE(details.perClassTable()->item(c, 3)->text(), fourDecimals(s.f1));
        QCOMPARE(details.perClassTable()->item(c, 4)->text(), QString::number(s.support));
    }
    const auto summary = run->run.trained.model->fitSummary();
    QCOMPARE(details.fitSummaryTable()->rowCount(), static_cast<int>(summary.size()));
    QVERIFY(!details.perClassTable()->parentWidget()->isHidden());
    QVERIFY(details.predictionSummaryTable()->parentWidget()->isHidden());
}

void TestRunsView::detailsOfARegressionRun() {
    gui::RunDetails details;
    details.setOutcome(regression_);
    QCOMPARE(details.metricsTable()->rowCount(),
             static_cast<int>(regression_->run.metrics.values.size()));
    QCOMPARE(details.metricsTable()->item(0, 1)->text(),
             fourDecimals(*regression_->run.metrics.get("r2")));
    QVERIFY(details.perClassTable()->parentWidget()->isHidden());
    QVERIFY(!details.predictionSummaryTable()->parentWidget()->isHidden());
    QCOMPARE(details.predictionSummaryTable()->item(0, 1)->text(),
             QString::number(regression_->run.rows.size()));
    details.clear();
    QVERIFY(details.headerText().startsWith("No run selected"));
}

QTEST_MAIN(TestRunsView)
#include "test_runs_view.moc"
