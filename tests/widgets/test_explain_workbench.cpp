// The Explain workspace end to end through the main window: a decision tree, a forest and a
// boosted model trained from the panel on breast_cancer; the tree explorer shows every node of
// the model's tree; a data row's path ends at the leaf the model predicts with; the ROC plot's
// AUCs equal the engine's; importance, SHAP and partial dependence are drawn; every picture
// exports as valid PNG / SVG / PDF. With GLASSBOX_SCREENSHOT_DIR set, each page is saved.
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "gui_test_environment.h"

#include "engine/curves.h"
#include "engine/flat_tree.h"
#include "engine/metrics.h"
#include "engine/table_reader.h"
#include "widgets/calibration_plot.h"
#include "widgets/data_table_model.h"
#include "widgets/data_table_view.h"
#include "widgets/explain_view.h"
#include "widgets/importance_plot.h"
#include "widgets/main_window.h"
#include "widgets/param_form.h"
#include "widgets/pdp_plot.h"
#include "widgets/pr_plot.h"
#include "widgets/roc_plot.h"
#include "widgets/runs_model.h"
#include "widgets/runs_view.h"
#include "widgets/shap_bar_plot.h"
#include "widgets/shap_dependence_plot.h"
#include "widgets/shap_summary_plot.h"
#include "widgets/shap_waterfall_plot.h"
#include "widgets/training_panel.h"
#include "widgets/tree_explorer.h"
#include "widgets/tree_scene.h"

using namespace glassbox;
using namespace glassbox::gui;

namespace {

constexpr int kTimeout = 120000;

void screenshot(QWidget& widget, const QString& name) {
    QVERIFY(test::saveScreenshot(widget, name));
}

std::shared_ptr<const TrainingOutcome> train(MainWindow& window, const QString& learner,
                                             const std::map<std::string, std::string>& params) {
    TrainingPanel* panel = window.trainingPanel();
    panel->learnerPicker()->setCurrentIndex(panel->learnerPicker()->findText(learner));
    std::map<std::string, std::string> values = panel->paramForm()->values();
    for (const auto& [name, value] : params) values[name] = value;
    panel->paramForm()->setValues(values);
    QSignalSpy shown(&window, &MainWindow::runShown);
    QSignalSpy failed(&window, &MainWindow::trainingFailed);
    QTest::mouseClick(panel->trainButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return shown.count() + failed.count() > 0; }, kTimeout)) return {};
    if (failed.count() > 0) {
        qWarning("%s", qPrintable(failed.at(0).at(0).toString()));
        return {};
    }
    return shown.at(0).at(0).value<std::shared_ptr<const TrainingOutcome>>();
}

// True when `file` holds a picture of the format its extension names.
bool validPicture(const QString& file) {
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) return false;
    const QByteArray head = in.read(4096);
    if (file.endsWith(".png")) return !QImage(file).isNull();
    if (file.endsWith(".svg")) return head.contains("<svg");
    return head.startsWith("%PDF");
}

}  // namespace

class TestExplainWorkbench : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void explainsTreesForestsAndBoosting();

  private:
    QTemporaryDir dir_;
};

void TestExplainWorkbench::initTestCase() {
    QVERIFY(dir_.isValid());
    test::useTemporaryEnvironment(dir_);
}

void TestExplainWorkbench::explainsTreesForestsAndBoosting() {
    MainWindow window(nullptr, dir_.filePath("history.sqlite"));
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy tableShown(&window, &MainWindow::tableShown);
    window.openFile(GLASSBOX_SHARED_DIR "/datasets/breast_cancer.csv");
    QVERIFY(tableShown.wait(kTimeout));
    TrainingPanel* panel = window.trainingPanel();
    panel->targetPicker()->setCurrentIndex(panel->targetPicker()->findText("diagnosis"));
    QCOMPARE(panel->targetPicker()->currentText(), QString("diagnosis"));
    panel->crossValidationButton()->setChecked(true);
    panel->folds()->setValue(5);

    const auto tree = train(window, "decision_tree", {{"max_depth", "4"}});
    const auto forest = train(window, "random_forest", {{"n_estimators", "30"}});
    const auto boosting = train(window, "gradient_boosting", {{"n_estimators", "40"}});
    QVERIFY(tree && forest && boosting);

    // The tree run, explained: the explorer draws every node of the model's tree.
    RunsView* runs = window.runsView();
    runs->table()->selectRow(0);
    QCOMPARE(runs->currentRun(), tree);
    window.showWorkspace(MainWindow::Workspace::Explain);
    ExplainView* explain = window.explainView();
    QCOMPARE(explain->currentRun(), tree);
    explain->showPage(ExplainView::Page::Tree);
    const FlatTree& flat = tree->run.trained.model->trees()[0];
    QCOMPARE(explain->treeExplorer()->scene()->shownNodeCount(), int(flat.nodeCount()));

    // A data row's decision path ends at the leaf the model predicts with.
    const Table& table = window.loadedTable()->table;
    const std::size_t row = 37;
    QSignalSpy pathShown(explain, &ExplainView::pathShown);
    window.tableView()->selectionModel()->setCurrentIndex(window.tableModel()->index(int(row), 0),
                                                          QItemSelectionModel::ClearAndSelect);
    QVERIFY(pathShown.wait(kTimeout));
    const std::vector<std::int32_t>& path = explain->treeExplorer()->scene()->highlightedPath();
    QVERIFY(!path.empty());
    QCOMPARE(path.front(), 0);
    const auto leaf = std::size_t(path.back());
    QVERIFY(flat.isLeaf(leaf));
    const Predictions predicted = tree->run.trained.predict(table, "breast_cancer.csv", {});
    const auto leafValues = flat.valueOf(leaf);
    const auto leafClass =
        std::max_element(leafValues.begin(), leafValues.end()) - leafValues.begin();
    QCOMPARE(std::int32_t(leafClass), predicted.predictedClass(row));
    screenshot(window, "explain-tree");

    // Clicking a node selects its rows in the data table.
    QSignalSpy selected(&window, &MainWindow::tableRowsSelected);
    emit explain->treeExplorer()->nodeActivated(0, path[1]);
    QVERIFY(selected.wait(kTimeout));
    QVERIFY(selected.at(0).at(0).toInt() > 0 &&
            selected.at(0).at(0).toInt() < int(table.rowCount()));
    window.showWorkspace(MainWindow::Workspace::Explain);

    // ROC of the three runs overlaid: the legend's AUC is the engine's for each.
    runs->table()->selectAll();
    window.showWorkspace(MainWindow::Workspace::Runs);
    window.showWorkspace(MainWindow::Workspace::Explain);
    QSignalSpy pageShown(explain, &ExplainView::pageShown);
    explain->showPage(ExplainView::Page::Roc);
    QTRY_COMPARE_WITH_TIMEOUT(explain->rocPlot()->seriesCount(), 3, kTimeout);
    for (int s = 0; s < 3; ++s) {
        const QString legend = explain->rocPlot()->seriesLegend(s);
        std::shared_ptr<const TrainingOutcome> run = legend.contains("decision_tree")   ? tree
                                                     : legend.contains("random_forest") ? forest
                                                                                        : boosting;
        std::vector<std::uint8_t> positive;
        std::vector<double> scores;
        for (std::size_t i = 0; i < run->truth.size(); ++i) {
            positive.push_back(run->truth[i] == 1);
            scores.push_back(run->run.predictions.probabilitiesOf(i)[1]);
        }
        QCOMPARE(explain->rocPlot()->seriesAuc(s), rocAuc(scores, positive));
        QCOMPARE(explain->rocPlot()->seriesAuc(s), *run->run.metrics.get("auc"));
    }
    screenshot(window, "explain-roc");
    explain->showPage(ExplainView::Page::PrecisionRecall);
    screenshot(window, "explain-precision-recall");
    explain->showPage(ExplainView::Page::Calibration);
    screenshot(window, "explain-calibration");

    // The boosted model: importance, SHAP and partial dependence.
    runs->table()->selectRow(2);
    QCOMPARE(runs->currentRun(), boosting);
    window.showWorkspace(MainWindow::Workspace::Runs);
    window.showWorkspace(MainWindow::Workspace::Explain);
    QCOMPARE(explain->currentRun(), boosting);
    pageShown.clear();
    explain->showPage(ExplainView::Page::Importance);
    QTRY_VERIFY_WITH_TIMEOUT(!explain->importancePlot()->shownFeatures().isEmpty(), kTimeout);
    screenshot(window, "explain-importance");
    explain->showPage(ExplainView::Page::Shap);
    QTRY_VERIFY_WITH_TIMEOUT(explain->shapSummary()->dotCount() > 0, kTimeout);
    screenshot(window, "explain-shap-summary");
    QSignalSpy rowExplained(explain, &ExplainView::rowExplained);
    explain->setTableRow(row);
    QVERIFY(rowExplained.wait(kTimeout));
    QCOMPARE(rowExplained.at(0).at(0).value<std::size_t>(), row);
    const Predictions boosted = boosting->run.trained.predict(table, "breast_cancer.csv", {});
    QVERIFY(std::abs(explain->shapWaterfall()->finalValue() -
                     std::log(boosted.probabilitiesOf(row)[1] /
                              (1 - boosted.probabilitiesOf(row)[1]))) < 1e-6);
    auto* shapPages =
        qobject_cast<QTabWidget*>(explain->shapSummary()->parentWidget()->parentWidget());
    if (shapPages) shapPages->setCurrentIndex(2);
    screenshot(window, "explain-shap-waterfall");
    explain->showPage(ExplainView::Page::Dependence);
    QTRY_VERIFY_WITH_TIMEOUT(!explain->dependencePlot()->averageLine().empty(), kTimeout);
    screenshot(window, "explain-partial-dependence");

    // Every picture exports.
    const QStringList formats = {"png", "svg", "pdf"};
    for (const QString& format : formats) {
        const QString base = dir_.filePath("picture.");
        QVERIFY(explain->rocPlot()->exportTo(base + "roc." + format).isEmpty());
        QVERIFY(validPicture(base + "roc." + format));
        QVERIFY(explain->importancePlot()->exportTo(base + "importance." + format).isEmpty());
        QVERIFY(validPicture(base + "importance." + format));
        QVERIFY(explain->shapSummary()->exportTo(base + "shap." + format).isEmpty());
        QVERIFY(validPicture(base + "shap." + format));
        QVERIFY(explain->dependencePlot()->exportTo(base + "pdp." + format).isEmpty());
        QVERIFY(validPicture(base + "pdp." + format));
        QVERIFY(explain->treeExplorer()->exportTree(base + "tree." + format).isEmpty());
        QVERIFY(validPicture(base + "tree." + format));
    }
}

QTEST_MAIN(TestExplainWorkbench)
#include "test_explain_workbench.moc"
