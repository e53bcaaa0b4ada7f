// The preparation panel: building a pipeline through the list and the forms (add, reorder,
// remove, enable), the preview against the engine's own fitPipeline (rows, missing cells,
// changed cells and details per step, the distributions before and after), a bad parameter's
// message shown, "Apply to table" and "Revert to the file" in the main window, "Attach to
// training" in the training request, the privacy report against the steps' reports, and the
// steps kept in the settings. With GLASSBOX_SCREENSHOT_DIR set, saves screenshots there.
#include <qcustomplot.h>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "engine/errors.h"
#include "engine/preparation_pipeline.h"
#include "engine/table_reader.h"
#include "gui_test_environment.h"
#include "widgets/data_table_model.h"
#include "widgets/main_window.h"
#include "widgets/param_form.h"
#include "widgets/preparation_distribution_plot.h"
#include "widgets/preparation_panel.h"
#include "widgets/preparation_preview_view.h"
#include "widgets/preparation_step_list.h"
#include "widgets/privacy_report_view.h"
#include "widgets/training_panel.h"

using namespace glassbox;
using glassbox::gui::DistributionComparison;
using glassbox::gui::MainWindow;
using glassbox::gui::PreparationDistributionPlot;
using glassbox::gui::PreparationPanel;
using glassbox::gui::PreparationPreviewView;
using glassbox::gui::PreparationStepEntry;
using glassbox::gui::PrivacyReportView;
using glassbox::gui::TrainingPanel;

namespace {

constexpr int kTimeout = 20000;
const std::string kTarget = "label";

// 40 rows with missing ages, incomes and cities, one income far out, and the first five rows
// repeated at the end.
QByteArray messyCsv() {
    const char* const cities[] = {"north", "south", "east", "west"};
    QStringList rows;
    for (int i = 0; i < 40; ++i) {
        const QString age = i % 7 == 3 ? QString() : QString::number(20 + (i * 7) % 40);
        const QString income = i == 11      ? QStringLiteral("900000")
                               : i % 9 == 5 ? QString()
                                            : QString::number(30000 + (i * 1300) % 20000);
        const QString city = i % 10 == 7 ? QString() : QString::fromLatin1(cities[i % 4]);
        rows << QStringLiteral("%1,%2,%3,%4")
                    .arg(age, income, city, i % 3 == 0 ? QStringLiteral("yes") : "no");
    }
    for (int i = 0; i < 5; ++i) rows << rows[i];
    return "age,income,city,label\n" + rows.join('\n').toUtf8() + '\n';
}

std::size_t missing(const Table& table) {
    std::size_t n = 0;
    for (const Column& column : table.columns())
        for (std::size_t row = 0; row < column.size(); ++row) n += column.isMissing(row) ? 1 : 0;
    return n;
}

// What the engine itself gives for a pipeline: the table after each step and the result.
struct Expected {
    std::vector<Table> tables;  // [0]: the input
    PreparedTable prepared;
};

Expected fit(const PipelineSpec& spec, const Table& table, std::uint64_t seed) {
    Expected expected;
    expected.tables.push_back(table);
    expected.prepared =
        fitPipeline(spec, table, kTarget, seed, {},
                    [&](std::size_t, const Table& after) { expected.tables.push_back(after); });
    return expected;
}

PipelineSpec threeSteps() {
    PipelineSpec spec;
    spec.steps.push_back(makeStepSetting("impute", {{"strategy", "median"}}));
    spec.steps.push_back(makeStepSetting("drop-duplicates", {}));
    spec.steps.push_back(makeStepSetting("outliers", {{"action", "drop"}}));
    return spec;
}

std::vector<std::string> textsOf(const PipelineSpec& spec) {
    std::vector<std::string> texts;
    for (const StepSetting& step : spec.steps) texts.push_back(stepSettingText(step));
    return texts;
}

bool addStep(PreparationPanel& panel, const QString& name) {
    for (QAction* action : panel.stepList()->addMenu()->actions()) {
        if (action->data().toString() == name) {
            action->trigger();
            return true;
        }
    }
    return false;
}

// Sets a parameter of the selected step through its editor in the form.
bool setParam(PreparationPanel& panel, const std::string& name, const QString& value) {
    QWidget* editor = panel.paramForm()->editor(name);
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        const int index = combo->findText(value);
        if (index < 0) return false;
        combo->setCurrentIndex(index);
        return true;
    }
    if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
        edit->setText(value);
        return true;
    }
    return false;
}

// Builds threeSteps() through the menu and the forms.
bool buildThreeSteps(PreparationPanel& panel) {
    if (!addStep(panel, "impute") || !setParam(panel, "strategy", "median")) return false;
    if (!addStep(panel, "drop-duplicates")) return false;
    return addStep(panel, "outliers") && setParam(panel, "action", "drop");
}

bool waitForPreview(PreparationPanel& panel) {
    QSignalSpy shown(&panel, &PreparationPanel::previewShown);
    panel.preview();
    return shown.wait(kTimeout) && panel.isPreviewCurrent();
}

// 60 people: an e-mail, quasi-identifiers (age, zip, sex), an income and a label.
QByteArray peopleCsv() {
    const char* const zips[] = {"10115", "20095", "80331"};
    QStringList rows;
    for (int i = 0; i < 60; ++i)
        rows << QStringLiteral("person%1@example.com,%2,%3,%4,%5,%6")
                    .arg(i)
                    .arg(20 + (i * 13) % 50)
                    .arg(zips[i % 3])
                    .arg(i % 2 == 0 ? "F" : "M")
                    .arg(20000 + (i * 1777) % 60000)
                    .arg(i % 3 == 0 ? "yes" : "no");
    return "email,age,zip,sex,income,label\n" + rows.join('\n').toUtf8() + '\n';
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(bytes);
    return path;
}

}  // namespace

class TestPreparationPanel : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void init();
    void listEditsChangeTheSpec();
    void previewEqualsTheEnginesPipeline();
    void distributionCountsEqualTheTables_data();
    void distributionCountsEqualTheTables();
    void badParameterIsShown();
    void applyAndRevertInTheMainWindow();
    void attachPutsTheStepsInTheTrainingRequest();
    void privacyReportEqualsTheStepReports();
    void stepsPersist();

  private:
    QTemporaryDir dir_;
    QString csv_;
    std::shared_ptr<const Table> table_;
};

void TestPreparationPanel::initTestCase() {
    QVERIFY(dir_.isValid());
    glassbox::gui::test::useTemporaryEnvironment(dir_);
    csv_ = writeFile(dir_, "messy.csv", messyCsv());
    QVERIFY(!csv_.isEmpty());
    table_ = std::make_shared<const Table>(readTable(csv_.toStdString(), {}).table);
    QCOMPARE(table_->rowCount(), std::size_t{45});
    QVERIFY(missing(*table_) > 0);
}

void TestPreparationPanel::init() {
    QSettings settings;
    settings.remove("preparation");
}

void TestPreparationPanel::listEditsChangeTheSpec() {
    PreparationPanel panel;
    QVERIFY(buildThreeSteps(panel));
    std::optional<PipelineSpec> spec = panel.spec();
    QVERIFY(spec);
    QCOMPARE(textsOf(*spec), textsOf(threeSteps()));

    // Up moves outliers before drop-duplicates.
    QCOMPARE(panel.stepList()->currentIndex(), 2);
    QTest::mouseClick(panel.stepList()->upButton(), Qt::LeftButton);
    spec = panel.spec();
    QVERIFY(spec);
    const std::vector<std::string> expected = textsOf(threeSteps());
    QCOMPARE(textsOf(*spec), (std::vector<std::string>{expected[0], expected[2], expected[1]}));
    QCOMPARE(panel.stepList()->currentIndex(), 1);

    // Unticking leaves a step out; removing drops it.
    panel.stepList()->list()->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(textsOf(*panel.spec()), (std::vector<std::string>{expected[2], expected[1]}));
    panel.stepList()->setCurrentIndex(2);
    QTest::mouseClick(panel.stepList()->removeButton(), Qt::LeftButton);
    QCOMPARE(textsOf(*panel.spec()), (std::vector<std::string>{expected[2]}));
    QCOMPARE(panel.stepList()->entries().size(), std::size_t{2});

    // The form shows the selected step's parameters.
    panel.stepList()->setCurrentIndex(1);
    auto* action = qobject_cast<QComboBox*>(panel.paramForm()->editor("action"));
    QVERIFY(action);
    QCOMPARE(action->currentText(), QString("drop"));
}

void TestPreparationPanel::previewEqualsTheEnginesPipeline() {
    PreparationPanel panel;
    panel.setTable(table_);
    panel.setTarget(QString::fromStdString(kTarget));
    panel.seedField()->setValue(7);
    QVERIFY(buildThreeSteps(panel));
    QVERIFY(waitForPreview(panel));

    const Expected expected = fit(threeSteps(), *table_, 7);
    const std::vector<StepReport>& reports = expected.prepared.report.steps;
    QCOMPARE(reports.size(), std::size_t{3});
    // The data must make every step do something, or the comparison proves little.
    QVERIFY(reports[0].changedCells > 0);
    QVERIFY(reports[1].droppedRows > 0);
    QVERIFY(reports[2].droppedRows > 0);

    QTreeWidget* summary = panel.previewView()->summary();
    QCOMPARE(summary->topLevelItemCount(), 4);  // three steps and the whole pipeline
    auto number = [summary](int row, int column, int role) {
        return summary->topLevelItem(row)->data(column, role).toULongLong();
    };
    const int before = PreparationPreviewView::kBeforeRole;
    const int after = PreparationPreviewView::kAfterRole;
    for (int i = 0; i < 3; ++i) {
        const Table& in = expected.tables[std::size_t(i)];
        const Table& out = expected.tables[std::size_t(i) + 1];
        QCOMPARE(number(i, PreparationPreviewView::RowsColumn, before), in.rowCount());
        QCOMPARE(number(i, PreparationPreviewView::RowsColumn, after), out.rowCount());
        QCOMPARE(number(i, PreparationPreviewView::MissingColumn, before), missing(in));
        QCOMPARE(number(i, PreparationPreviewView::MissingColumn, after), missing(out));
        QCOMPARE(number(i, PreparationPreviewView::ChangedColumn, after),
                 reports[std::size_t(i)].changedCells);
        QVERIFY(summary->topLevelItem(i)->text(0).contains(
            QString::fromStdString(reports[std::size_t(i)].step)));

        // The details of the selected step are its report's.
        panel.previewView()->selectStep(i);
        QTreeWidget* details = panel.previewView()->details();
        for (const auto& [name, value] : reports[std::size_t(i)].details) {
            const auto found = details->findItems(QString::fromStdString(name), Qt::MatchExactly);
            QVERIFY2(!found.isEmpty(), name.c_str());
            QCOMPARE(found.front()->text(1), QString::fromStdString(value));
        }
    }
    const Table& last = expected.prepared.table;
    QCOMPARE(number(3, PreparationPreviewView::RowsColumn, before), table_->rowCount());
    QCOMPARE(number(3, PreparationPreviewView::RowsColumn, after), last.rowCount());
    QCOMPARE(number(3, PreparationPreviewView::MissingColumn, after), missing(last));

    const auto& prepared = panel.currentPreview()->prepared;
    QVERIFY(prepared);
    QCOMPARE(prepared->table.rowCount(), last.rowCount());
    QCOMPARE(prepared->table.columnCount(), last.columnCount());
    QVERIFY(panel.applyButton()->isEnabled());

    // A change makes the preview stale until the new one is shown.
    panel.stepList()->setStepEnabled(1, false);
    QVERIFY(!panel.isPreviewCurrent());
    QVERIFY(!panel.applyButton()->isEnabled());
    QVERIFY(waitForPreview(panel));
    QCOMPARE(summary->topLevelItemCount(), 3);

    // A newer request supersedes the one still running: one answer is shown, the newest.
    QSignalSpy shown(&panel, &PreparationPanel::previewShown);
    panel.preview();
    panel.stepList()->setStepEnabled(1, true);
    panel.preview();
    QVERIFY(shown.wait(kTimeout));
    QTest::qWait(200);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(summary->topLevelItemCount(), 4);
}

void TestPreparationPanel::distributionCountsEqualTheTables_data() {
    QTest::addColumn<int>("step");  // 3: the whole pipeline
    QTest::addColumn<QString>("column");
    QTest::addColumn<bool>("numbers");
    QTest::newRow("age imputed") << 0 << "age" << true;
    QTest::newRow("city imputed") << 0 << "city" << false;
    QTest::newRow("income, all steps") << 3 << "income" << true;
    QTest::newRow("label, duplicates dropped") << 1 << "label" << false;
}

void TestPreparationPanel::distributionCountsEqualTheTables() {
    QFETCH(int, step);
    QFETCH(QString, column);
    QFETCH(bool, numbers);
    PreparationPanel panel;
    panel.resize(420, 900);
    panel.show();
    panel.setTable(table_);
    panel.setTarget(QString::fromStdString(kTarget));
    QVERIFY(buildThreeSteps(panel));
    QVERIFY(waitForPreview(panel));
    const Expected expected = fit(threeSteps(), *table_, 0);
    const Table& before = expected.tables[step == 3 ? 0 : std::size_t(step)];
    const Table& after = expected.tables[step == 3 ? 3 : std::size_t(step) + 1];

    panel.previewView()->selectStep(step);
    PreparationDistributionPlot* plot = panel.previewView()->distributionPlot();
    plot->setColumn(column);
    QTRY_VERIFY_WITH_TIMEOUT(plot->distribution() &&
                                 plot->distribution()->column == column.toStdString() &&
                                 plot->distribution()->rowsBefore == before.rowCount() &&
                                 plot->distribution()->rowsAfter == after.rowCount(),
                             kTimeout);
    const DistributionComparison& d = *plot->distribution();
    const std::string name = column.toStdString();
    const Column& was = before.column(std::size_t(before.indexOf(name)));
    const Column& is = after.column(std::size_t(after.indexOf(name)));
    QCOMPARE(d.missingBefore, was.missingCount());
    QCOMPARE(d.missingAfter, is.missingCount());
    QCOMPARE(d.before.size(), d.after.size());
    QCOMPARE(d.edges.empty(), !numbers);

    auto expectedCounts = [&](const Column& c) {
        std::vector<std::size_t> counts(d.before.size(), 0);
        for (std::size_t row = 0; row < c.size(); ++row) {
            if (c.isMissing(row)) continue;
            if (numbers) {
                const double v = c.number(row);
                std::size_t bin = 0;
                while (bin + 1 < counts.size() && v >= d.edges[bin + 1]) ++bin;
                ++counts[bin];
            } else {
                const auto it = std::find(d.labels.begin(), d.labels.end(), c.format(row));
                if (it != d.labels.end()) ++counts[std::size_t(it - d.labels.begin())];
            }
        }
        return counts;
    };
    if (numbers) {
        QVERIFY(d.edges.front() <= was.numbers()[0] || was.isMissing(0));
        double lo = INFINITY, hi = -INFINITY;
        for (const Column* c : {&was, &is})
            for (std::size_t row = 0; row < c->size(); ++row)
                if (!c->isMissing(row)) {
                    lo = std::min(lo, c->number(row));
                    hi = std::max(hi, c->number(row));
                }
        QVERIFY(d.edges.front() <= lo && d.edges.back() >= hi);
    }
    QCOMPARE(d.before, expectedCounts(was));
    QCOMPARE(d.after, expectedCounts(is));

    // The bars drawn are those counts.
    QVERIFY(plot->beforeBars() && plot->afterBars());
    QCOMPARE(plot->beforeBars()->data()->size(), int(d.before.size()));
    for (int i = 0; i < plot->beforeBars()->data()->size(); ++i) {
        QCOMPARE(plot->beforeBars()->data()->at(i)->value, double(d.before[std::size_t(i)]));
        QCOMPARE(plot->afterBars()->data()->at(i)->value, double(d.after[std::size_t(i)]));
    }
}

void TestPreparationPanel::badParameterIsShown() {
    PreparationPanel panel;
    panel.show();
    panel.setTable(table_);
    panel.setTarget(QString::fromStdString(kTarget));
    QVERIFY(addStep(panel, "drop-duplicates"));
    QVERIFY(addStep(panel, "impute"));
    QVERIFY(setParam(panel, "columns", "no such column"));

    // The engine's own message for that pipeline.
    PipelineSpec spec;
    spec.steps.push_back(makeStepSetting("drop-duplicates", {}));
    spec.steps.push_back(makeStepSetting("impute", {{"columns", "no such column"}}));
    QString message;
    try {
        fit(spec, *table_, 0);
    } catch (const Error& e) {
        message = QString::fromStdString(e.what());
    }
    QVERIFY(!message.isEmpty());

    QSignalSpy failed(&panel, &PreparationPanel::previewFailed);
    panel.preview();
    QVERIFY(failed.wait(kTimeout));
    QCOMPARE(failed.at(0).at(0).toString(), message);
    QVERIFY(panel.statusLabel()->isVisible());
    QCOMPARE(panel.statusLabel()->toolTip(), message);
    QVERIFY(panel.statusLabel()->text().contains(message.toHtmlEscaped()));
    // The failing step is marked with the message; the other is not.
    QCOMPARE(panel.stepList()->list()->item(1)->toolTip(), message);
    QVERIFY(panel.stepList()->list()->item(0)->toolTip() != message);
    QVERIFY(!panel.applyButton()->isEnabled());

    // A budget the engine would refuse is shown before anything runs.
    panel.privacyView()->deltaField()->setText("2");
    emit panel.privacyView()->deltaField()->editingFinished();
    QSignalSpy refused(&panel, &PreparationPanel::previewFailed);
    panel.preview();
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), panel.privacyView()->budgetError());
    QVERIFY(!panel.privacyView()->budgetError().isEmpty());
    QVERIFY(panel.statusLabel()->isVisible());
}

void TestPreparationPanel::applyAndRevertInTheMainWindow() {
    MainWindow window(nullptr, dir_.filePath("registry.sqlite"));
    window.resize(1400, 900);
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    window.openFile(csv_);
    QVERIFY(shown.wait(kTimeout));
    QCOMPARE(window.trainingPanel()->targetPicker()->currentText(),
             QString::fromStdString(kTarget));
    PreparationPanel* panel = window.preparationPanel();
    QCOMPARE(panel->target(), QString::fromStdString(kTarget));
    window.preparationDock()->raise();
    QVERIFY(buildThreeSteps(*panel));
    QVERIFY(waitForPreview(*panel));
    const Expected expected =
        fit(threeSteps(), window.loadedTable()->table, std::uint64_t(panel->seedField()->value()));

    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QCOMPARE(window.tableModel()->rowCount(), int(expected.prepared.table.rowCount()));
    QCOMPARE(window.tableModel()->columnCount(), int(expected.prepared.table.columnCount()));
    QVERIFY(window.showsPreparedTable());
    QCOMPARE(window.trainingPanel()->table()->rowCount(), expected.prepared.table.rowCount());
    QCOMPARE(window.trainingPanel()->targetPicker()->currentText(),
             QString::fromStdString(kTarget));
    QVERIFY(window.findChild<QLabel*>("sizeLabel")
                ->text()
                .startsWith(QString("%1 rows").arg(expected.prepared.table.rowCount())));
    QVERIFY(panel->revertButton()->isEnabled());
    // The steps are still previewed on the file's table.
    QCOMPARE(panel->table()->rowCount(), table_->rowCount());

    panel->previewView()->selectStep(0);
    panel->previewView()->distributionPlot()->setColumn("age");
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->previewView()->distributionPlot()->distribution() &&
            panel->previewView()->distributionPlot()->distribution()->column == "age",
        kTimeout);
    panel->tabs()->setCurrentIndex(PreparationPanel::PreviewTab);
    QVERIFY(glassbox::gui::test::saveScreenshot(window, "preparation"));

    QTest::mouseClick(panel->revertButton(), Qt::LeftButton);
    QCOMPARE(window.tableModel()->rowCount(), int(table_->rowCount()));
    QVERIFY(!window.showsPreparedTable());
    QCOMPARE(window.trainingPanel()->table()->rowCount(), table_->rowCount());
    QVERIFY(!panel->revertButton()->isEnabled());
}

void TestPreparationPanel::attachPutsTheStepsInTheTrainingRequest() {
    MainWindow window(nullptr, dir_.filePath("registry.sqlite"));
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    window.openFile(csv_);
    QVERIFY(shown.wait(kTimeout));
    PreparationPanel* panel = window.preparationPanel();
    TrainingPanel* training = window.trainingPanel();
    QVERIFY(buildThreeSteps(*panel));
    panel->privacyView()->epsilonField()->setValue(2.5);
    QVERIFY(!training->preparationLabel()->isVisibleTo(training));

    QTest::mouseClick(panel->attachButton(), Qt::LeftButton);
    QVERIFY(panel->isAttached());
    std::optional<glassbox::gui::TrainingRequest> request = training->request();
    QVERIFY(request);
    QCOMPARE(request->preparation, textsOf(threeSteps()));
    QCOMPARE(request->privacyBudget.epsilon, 2.5);
    QCOMPARE(request->privacyBudget.delta, panel->budget().delta);
    QVERIFY(training->preparationLabel()->isVisibleTo(training));
    QVERIFY(training->preparationLabel()->text().contains("impute, drop-duplicates, outliers"));

    // While attached, edits reach the training panel.
    panel->stepList()->setStepEnabled(1, false);
    request = training->request();
    const std::vector<std::string> all = textsOf(threeSteps());
    QCOMPARE(request->preparation, (std::vector<std::string>{all[0], all[2]}));

    // Train: the run carries the steps.
    QSignalSpy runs(&window, &MainWindow::runShown);
    QSignalSpy failed(&window, &MainWindow::trainingFailed);
    training->saveToHistory()->setChecked(false);
    QTest::mouseClick(training->trainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(runs.count() + failed.count() > 0, kTimeout);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));
    const auto outcome = runs.at(0).at(0).value<std::shared_ptr<const gui::TrainingOutcome>>();
    QCOMPARE(outcome->request.preparation, (std::vector<std::string>{all[0], all[2]}));

    QTest::mouseClick(training->detachButton(), Qt::LeftButton);
    QVERIFY(!panel->isAttached());
    QVERIFY(training->request()->preparation.empty());
    QVERIFY(!training->preparationLabel()->isVisibleTo(training));
}

void TestPreparationPanel::privacyReportEqualsTheStepReports() {
    const QString people = writeFile(dir_, "people.csv", peopleCsv());
    const std::string key = dir_.filePath("people.key").toStdString();
    PipelineSpec spec;
    spec.steps = {
        makeStepSetting("roles", {{"identifiers", "email"},
                                  {"quasi_identifiers", "age;zip;sex"},
                                  {"sensitive", "label"},
                                  {"k", "3"}}),
        makeStepSetting("pseudonymize", {{"columns", "email"}, {"key_file", key}}),
        makeStepSetting("generalize", {{"columns", "age"}, {"width", "10"}}),
        makeStepSetting("k-anonymity", {{"quasi_identifiers", "age;zip;sex"}, {"k", "3"}}),
        makeStepSetting("dp-noise", {{"columns", "income"}, {"epsilon", "0.5"}, {"lower", "0"}}),
    };
    std::vector<PreparationStepEntry> entries;
    for (const StepSetting& step : spec.steps)
        entries.push_back({step.step, true, step.params.all()});

    MainWindow window(nullptr, dir_.filePath("registry.sqlite"));
    window.resize(1400, 900);
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    window.openFile(people);
    QVERIFY(shown.wait(kTimeout));
    PreparationPanel* panel = window.preparationPanel();
    window.preparationDock()->raise();
    panel->stepList()->setEntries(entries);
    QCOMPARE(textsOf(*panel->spec()), textsOf(spec));
    QVERIFY(waitForPreview(*panel));
    QVERIFY(panel->stepTexts().has_value());  // protection first: fit for training

    // Noise is drawn from the system's CSPRNG, so only the reports' deterministic parts compare.
    const Expected expected = fit(spec, window.loadedTable()->table, 0);
    const PipelineReport& report = expected.prepared.report;
    PrivacyReportView* privacy = panel->privacyView();
    QTreeWidget* tree = privacy->stepTree();
    QCOMPARE(tree->topLevelItemCount(), int(spec.steps.size()));  // every step protects
    QStringList warnings;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = tree->topLevelItem(i);
        QCOMPARE(item->data(0, Qt::UserRole).toInt(), i);
        for (const auto& [name, value] : report.steps[std::size_t(i)].details) {
            if (name == "warning") {
                warnings << QString::fromStdString(value);
                continue;
            }
            const bool exact = name == "k" || name == "k before" || name == "target k" ||
                               name == "rows at risk" || name == "epsilon spent" ||
                               name == "delta spent" || name.rfind("l-diversity", 0) == 0;
            if (!exact) continue;
            bool found = false;
            for (int c = 0; c < item->childCount(); ++c)
                if (item->child(c)->text(0) == QString::fromStdString(name)) {
                    QCOMPARE(item->child(c)->text(1), QString::fromStdString(value));
                    found = true;
                }
            QVERIFY2(found, name.c_str());
        }
    }
    const StepReport& kAnonymity = report.steps[3];
    auto detail = [&](const StepReport& r, const std::string& name) {
        for (const auto& [key, value] : r.details)
            if (key == name) return QString::fromStdString(value);
        return QString();
    };
    const QString summary = privacy->summaryLabel()->text();
    QVERIFY2(summary.contains(QString("k = %1 (target %2)")
                                  .arg(detail(kAnonymity, "k"), detail(kAnonymity, "target k"))),
             qPrintable(summary));
    QVERIFY(summary.contains(QString("rows at risk: %1").arg(detail(kAnonymity, "rows at risk"))));
    QVERIFY(detail(kAnonymity, "rows at risk").toInt() > 0);  // the data must put rows at risk

    // What the releases spent, of the budget, with one ledger line per release.
    const double spent = report.spent.epsilon();
    QVERIFY(spent > 0);
    QVERIFY(privacy->spentLabel()->text().contains(
        QString("ε spent: %1 of %2").arg(QString::number(spent, 'g', 6)).arg(1)));
    QCOMPARE(privacy->epsilonSpent()->value(),
             int(std::lround(spent / panel->budget().epsilon * 1000)));
    QCOMPARE(privacy->ledgerTree()->topLevelItemCount(), int(report.ledger.size()));
    for (int i = 0; i < int(report.ledger.size()); ++i) {
        const LedgerEntry& entry = report.ledger[std::size_t(i)];
        const QTreeWidgetItem* item = privacy->ledgerTree()->topLevelItem(i);
        QCOMPARE(item->text(0), QString::fromStdString(entry.what));
        QCOMPARE(item->text(1), QString::number(entry.loss.epsilon(), 'g', 6));
    }
    QVERIFY(!warnings.isEmpty());  // upper=auto leaks the range: the step warns
    for (const QString& warning : warnings)
        QVERIFY(privacy->warningsLabel()->text().contains(warning));
    QVERIFY(privacy->warningsLabel()->isVisibleTo(privacy));

    // The protected table in the data view: rows of small groups suppressed.
    QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
    QCOMPARE(window.tableModel()->rowCount(), int(expected.prepared.table.rowCount()));
    panel->tabs()->setCurrentIndex(PreparationPanel::PrivacyTab);
    QVERIFY(glassbox::gui::test::saveScreenshot(window, "privacy"));

    // In Simplified Chinese: the panel and the facts of the step reports switch language.
    {
        QTranslator chinese;
        QVERIFY(chinese.load(QStringLiteral(":/i18n/glassbox_zh_CN.qm")));
        QVERIFY(QCoreApplication::installTranslator(&chinese));
        QCoreApplication::processEvents();
        QCOMPARE(panel->tabs()->tabText(PreparationPanel::PrivacyTab), QStringLiteral("隐私"));
        bool factInChinese = false;
        for (int c = 0; c < tree->topLevelItem(3)->childCount(); ++c)
            factInChinese |= tree->topLevelItem(3)->child(c)->text(0) == QStringLiteral("有风险的行");
        QVERIFY(factInChinese);
        QVERIFY(glassbox::gui::test::saveScreenshot(window, "privacy-zh_CN"));
        QCoreApplication::removeTranslator(&chinese);
        QCoreApplication::processEvents();
    }

    // A budget smaller than the releases is refused, and the refusal shown.
    privacy->epsilonField()->setValue(0.25);
    QSignalSpy failed(panel, &PreparationPanel::previewFailed);
    panel->preview();
    QVERIFY(failed.wait(kTimeout));
    QVERIFY(panel->statusLabel()->isVisible());
    QVERIFY(failed.at(0).at(0).toString().contains("epsilon"));
}

void TestPreparationPanel::stepsPersist() {
    std::vector<PreparationStepEntry> entries;
    {
        PreparationPanel panel;
        QVERIFY(buildThreeSteps(panel));
        panel.stepList()->setStepEnabled(1, false);
        panel.privacyView()->epsilonField()->setValue(0.75);
        panel.seedField()->setValue(42);
        entries = panel.stepList()->entries();
    }
    PreparationPanel restored;
    QVERIFY(restored.stepList()->entries() == entries);
    QCOMPARE(restored.budget().epsilon, 0.75);
    QCOMPARE(restored.seedField()->value(), 42);
}

QTEST_MAIN(TestPreparationPanel)
#include "test_preparation_panel.moc"
