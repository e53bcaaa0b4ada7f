// The tuning dialog on its own: the search space it builds (checked by the engine's
// SearchSpace), the errors it shows naming the parameter, the value lists it suggests, the
// metrics it offers per task, and the order of its results.
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>
#include <memory>

#include "engine/learner.h"
#include "engine/metric_direction.h"
#include "engine/metrics.h"
#include "engine/search_space.h"
#include "widgets/tuning_dialog.h"

using namespace glassbox;
using glassbox::gui::TrainingRequest;
using glassbox::gui::TuningDialog;
using glassbox::gui::TuningOutcome;
using glassbox::gui::TuningRequest;

namespace {

TrainingRequest baseFor(const std::string& learner) {
    TrainingRequest base;
    base.learner = learner;
    base.params = ParamValues::resolve(learnerNamed(learner).params(), {}).all();
    base.target = "y";
    base.features = std::vector<std::string>{"a", "b"};
    base.seed = 11;
    base.validation.kind = ValidationPlan::Kind::CrossValidation;
    base.validation.folds = 4;
    base.validation.rule = FoldRule::Index;
    return base;
}

// The first parameter of `learner` of `type` without words, or "".
std::string firstParam(const std::string& learner, ParamType type) {
    for (const ParamSpec& spec : learnerNamed(learner).params())
        if (spec.type == type && spec.choices.empty()) return spec.name;
    return {};
}

}  // namespace

class TestTuningDialog : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void contextSetsFoldsAndMetrics_data();
    void contextSetsFoldsAndMetrics();
    void requestMatchesTheEnginesSpace();
    void rejectsAnInvalidValueNamingTheParameter();
    void rangesNeedRandomSearch();
    void randomCountIsCappedByTheGrid();
    void layerListsUseSemicolons();
    void suggestedValuesAreValid_data();
    void suggestedValuesAreValid();
    void lowerIsBetterSortsAscending();
};

void TestTuningDialog::contextSetsFoldsAndMetrics_data() {
    QTest::addColumn<int>("task");
    QTest::newRow("classification") << int(TaskKind::Classification);
    QTest::newRow("regression") << int(TaskKind::Regression);
}

void TestTuningDialog::contextSetsFoldsAndMetrics() {
    QFETCH(int, task);
    const auto kind = static_cast<TaskKind>(task);
    TuningDialog dialog;
    dialog.setContext(baseFor("decision_tree"), kind);
    const std::vector<std::string> names = scoreNames(kind);
    QCOMPARE(dialog.metricPicker()->count(), static_cast<int>(names.size()));
    for (std::size_t i = 0; i < names.size(); ++i)
        QCOMPARE(dialog.metricPicker()->itemData(static_cast<int>(i)).toString().toStdString(),
                 names[i]);
    QCOMPARE(dialog.metricPicker()->currentData().toString().toStdString(), defaultMetric(kind));
    QCOMPARE(dialog.folds()->value(), 4);
    QVERIFY(!dialog.runButton()->isEnabled());
}

void TestTuningDialog::requestMatchesTheEnginesSpace() {
    const std::string learner = "gradient_boosting";
    TuningDialog dialog;
    dialog.setContext(baseFor(learner), TaskKind::Regression);
    const std::string integer = firstParam(learner, ParamType::Integer);
    const std::string real = firstParam(learner, ParamType::Real);
    QVERIFY(!integer.empty() && !real.empty());
    dialog.searchBox(integer)->setChecked(true);
    dialog.searchBox(real)->setChecked(true);
    const std::string integerValues = dialog.valuesEdit(integer)->text().toStdString();
    const std::string realValues = dialog.valuesEdit(real)->text().toStdString();
    SearchSpace space(learnerNamed(learner).params());
    space.addValues(integer + "=" + integerValues);
    space.addValues(real + "=" + realValues);
    QCOMPARE(dialog.candidateCount(), space.gridSize());
    QVERIFY(dialog.runButton()->isEnabled());
    dialog.metricPicker()->setCurrentIndex(dialog.metricPicker()->findData("rmse"));

    QSignalSpy spy(&dialog, &TuningDialog::tuneRequested);
    QTest::mouseClick(dialog.runButton(), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto request = spy.takeFirst().at(0).value<TuningRequest>();
    QCOMPARE(request.learner, learner);
    // In spec order (the order of the rows), each as the CLI's --grid takes it.
    const ParamSpecs& specs = learnerNamed(learner).params();
    const auto position = [&](const std::string& n) {
        return std::find_if(specs.begin(), specs.end(),
                            [&](const ParamSpec& s) { return s.name == n; }) -
               specs.begin();
    };
    std::vector<std::string> expected{integer + "=" + integerValues, real + "=" + realValues};
    if (position(real) < position(integer)) std::swap(expected[0], expected[1]);
    QCOMPARE(request.values, expected);
    QCOMPARE(request.metric, std::string("rmse"));
    QCOMPARE(request.folds, std::size_t{4});
    QCOMPARE(request.rule, FoldRule::Index);
    QCOMPARE(request.seed, std::uint64_t{11});
    QCOMPARE(request.target, std::string("y"));
    QVERIFY(request.features == std::optional(std::vector<std::string>{"a", "b"}));
    QCOMPARE(request.fixedParams.size(), specs.size() - 2);
    QVERIFY(!request.fixedParams.count(integer) && !request.fixedParams.count(real));
}

void TestTuningDialog::rejectsAnInvalidValueNamingTheParameter() {
    TuningDialog dialog;
    dialog.setContext(baseFor("decision_tree"), TaskKind::Classification);
    const std::string name = firstParam("decision_tree", ParamType::Integer);
    dialog.searchBox(name)->setChecked(true);
    dialog.valuesEdit(name)->setText("2,abc");
    QVERIFY(!dialog.runButton()->isEnabled());
    QVERIFY(dialog.errorLabel()->isVisibleTo(&dialog));
    QVERIFY2(dialog.errorLabel()->text().startsWith(QString::fromStdString(name + ":")),
             qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(dialog.candidateCount(), std::size_t{0});
    QSignalSpy spy(&dialog, &TuningDialog::tuneRequested);
    dialog.run();
    QCOMPARE(spy.count(), 0);
    // Fixed: the error goes away.
    dialog.valuesEdit(name)->setText("2,3");
    QVERIFY(dialog.runButton()->isEnabled());
    QVERIFY(!dialog.errorLabel()->isVisibleTo(&dialog));
}

void TestTuningDialog::rangesNeedRandomSearch() {
    TuningDialog dialog;
    dialog.setContext(baseFor("knn"), TaskKind::Classification);
    QVERIFY(dialog.searchBox("k"));
    dialog.searchBox("k")->setChecked(true);
    dialog.valuesEdit("k")->setText("1:30");
    QVERIFY(!dialog.runButton()->isEnabled());
    QVERIFY(dialog.errorLabel()->text().startsWith("k:"));
    dialog.randomButton()->setChecked(true);
    dialog.randomCount()->setValue(6);
    QVERIFY2(dialog.runButton()->isEnabled(), qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(dialog.candidateCount(), std::size_t{6});
    QSignalSpy spy(&dialog, &TuningDialog::tuneRequested);
    dialog.run();
    QCOMPARE(spy.count(), 1);
    const auto request = spy.takeFirst().at(0).value<TuningRequest>();
    QCOMPARE(request.ranges, std::vector<std::string>({"k=1:30"}));
    QVERIFY(request.values.empty());
    QCOMPARE(request.randomCount, std::size_t{6});
    // A range beyond the spec's is refused, naming the parameter.
    dialog.valuesEdit("k")->setText("0:30");
    QVERIFY(!dialog.runButton()->isEnabled());
    QVERIFY(dialog.errorLabel()->text().startsWith("k:"));
}

void TestTuningDialog::randomCountIsCappedByTheGrid() {
    TuningDialog dialog;
    dialog.setContext(baseFor("knn"), TaskKind::Classification);
    dialog.searchBox("k")->setChecked(true);
    dialog.valuesEdit("k")->setText("1,3,5");
    dialog.randomButton()->setChecked(true);
    dialog.randomCount()->setValue(50);
    QCOMPARE(dialog.candidateCount(), std::size_t{3});
    dialog.randomCount()->setValue(2);
    QCOMPARE(dialog.candidateCount(), std::size_t{2});
}

void TestTuningDialog::layerListsUseSemicolons() {
    TuningDialog dialog;
    dialog.setContext(baseFor("mlp"), TaskKind::Classification);
    dialog.searchBox("hidden_layers")->setChecked(true);
    dialog.valuesEdit("hidden_layers")->setText("32;64,64");
    QCOMPARE(dialog.candidateCount(), std::size_t{2});
    dialog.valuesEdit("hidden_layers")->setText("32;0");
    QCOMPARE(dialog.candidateCount(), std::size_t{0});
    QVERIFY(dialog.errorLabel()->text().startsWith("hidden_layers"));
}

void TestTuningDialog::suggestedValuesAreValid_data() {
    QTest::addColumn<QString>("learner");
    QTest::addColumn<int>("task");
    for (const Learner* learner : allLearners())
        for (const TaskKind task : {TaskKind::Classification, TaskKind::Regression})
            if (learner->supports(task)) {
                const std::string row =
                    std::string(learner->name()) + " " + std::string(taskName(task));
                QTest::newRow(row.c_str())
                    << QString::fromStdString(std::string(learner->name())) << int(task);
            }
}

void TestTuningDialog::suggestedValuesAreValid() {
    QFETCH(QString, learner);
    QFETCH(int, task);
    const ParamSpecs& specs = learnerNamed(learner.toStdString()).params();
    for (const ParamSpec& spec : specs) {
        const QString values = TuningDialog::suggestedValues(spec, static_cast<TaskKind>(task));
        SearchSpace space(specs);
        try {
            space.addValues(spec.name + "=" + values.toStdString());
        } catch (const std::exception& e) {
            QFAIL(e.what());
        }
        // Something to search: at least two values, but for a choice the task leaves alone.
        const bool single = spec.type == ParamType::Choice && space.gridSize() == 1;
        QVERIFY2(space.gridSize() >= 2 || single,
                 (spec.name + ": " + values.toStdString()).c_str());
    }
}

void TestTuningDialog::lowerIsBetterSortsAscending() {
    TuningDialog dialog;
    dialog.setContext(baseFor("knn"), TaskKind::Regression);
    const ParamSpecs& specs = learnerNamed("knn").params();
    auto outcome = std::make_shared<TuningOutcome>();
    outcome->metric = "rmse";
    outcome->lowerIsBetter = lowerIsBetter("rmse");
    QVERIFY(outcome->lowerIsBetter);
    outcome->searched = {"k"};
    for (const auto& [k, mean] :
         std::vector<std::pair<std::string, double>>{{"1", 0.9}, {"5", 0.4}, {"9", 0.6}}) {
        TuningCandidate candidate;
        candidate.params = ParamValues::resolve(specs, {{"k", k}});
        candidate.mean = mean;
        outcome->candidates.push_back(candidate);
    }
    outcome->best = 1;
    dialog.showResults(outcome);
    QTableWidget* table = dialog.resultsTable();
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(dialog.bestRow(), 0);
    QCOMPARE(table->item(0, 0)->text(), QString("5"));
    QCOMPARE(table->item(2, 0)->text(), QString("1"));
    QVERIFY(dialog.keepBestButton()->isEnabled());
    QSignalSpy spy(&dialog, &TuningDialog::keepBestRequested);
    dialog.keepBest();
    QCOMPARE(spy.count(), 1);
    const auto kept = spy.takeFirst().at(0).value<TrainingRequest>();
    QCOMPARE(kept.params.at("k"), std::string("5"));
}

QTEST_MAIN(TestTuningDialog)
#include "test_tuning_dialog.moc"
