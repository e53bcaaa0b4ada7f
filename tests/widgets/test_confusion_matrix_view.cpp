// The confusion-matrix heatmap: its cells against the engine's predictions, and clicking a
// cell selecting exactly that cell's table rows.
#include <QScrollArea>
#include <QSignalSpy>
#include <QtTest>
#include <map>

#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/confusion_matrix_view.h"
#include "widgets/run_details.h"
#include "widgets/runs_view.h"

using namespace glassbox;
using glassbox::gui::ConfusionMatrixView;
using glassbox::gui::RunsView;
using glassbox::gui::TrainingOutcome;

Q_DECLARE_METATYPE(std::vector<std::size_t>)

namespace {

struct Case {
    const char* file;
    const char* target;
};

const std::map<QString, Case>& cases() {
    static const std::map<QString, Case> all{
        {"iris", {"iris.csv", "species"}},
        {"breast_cancer", {"breast_cancer.csv", "diagnosis"}},
        {"soybean", {"soybean.arff", "class"}},
    };
    return all;
}

// Trained once per data set: a decision tree, 5-fold stratified CV.
const testing::TrainedFixture& fixture(const QString& name) {
    static std::map<QString, testing::TrainedFixture> trained;
    auto it = trained.find(name);
    if (it == trained.end()) {
        const Case& c = cases().at(name);
        it = trained
                 .emplace(name, testing::trainFixture(testing::readSharedDataset(c.file), c.target,
                                                      "decision_tree"))
                 .first;
    }
    return it->second;
}

// The confusion matrix counted here from the scored predictions and their true classes.
std::vector<std::vector<std::size_t>> countedConfusion(const TrainingOutcome& outcome) {
    const std::size_t n = outcome.run.trained.classes.size();
    std::vector<std::vector<std::size_t>> counts(n, std::vector<std::size_t>(n, 0));
    for (std::size_t i = 0; i < outcome.run.rows.size(); ++i)
        if (outcome.truth[i] >= 0)
            ++counts[static_cast<std::size_t>(outcome.truth[i])]
                    [static_cast<std::size_t>(outcome.run.predictions.predictedClass(i))];
    return counts;
}

// The off-diagonal cell with the most rows (the diagonal's first cell when there are none).
std::pair<int, int> largestError(const std::vector<std::vector<std::size_t>>& counts) {
    std::pair<int, int> cell{0, 0};
    std::size_t most = 0;
    for (std::size_t t = 0; t < counts.size(); ++t)
        for (std::size_t p = 0; p < counts.size(); ++p)
            if (t != p && counts[t][p] > most) {
                most = counts[t][p];
                cell = {static_cast<int>(t), static_cast<int>(p)};
            }
    return cell;
}

}  // namespace

class TestConfusionMatrixView : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void cellsShowTheEngineCounts_data();
    void cellsShowTheEngineCounts();
    void percentOfAll();
    void clickingACellSelectsItsRows_data();
    void clickingACellSelectsItsRows();
    void manyClassesStayUsable();
    void keyboardActivatesACell();
};

void TestConfusionMatrixView::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    qRegisterMetaType<std::vector<std::size_t>>();
}

void TestConfusionMatrixView::cellsShowTheEngineCounts_data() {
    QTest::addColumn<QString>("dataset");
    for (const auto& [name, c] : cases()) QTest::newRow(name.toUtf8().constData()) << name;
}

void TestConfusionMatrixView::cellsShowTheEngineCounts() {
    QFETCH(QString, dataset);
    const auto& outcome = *fixture(dataset).outcome;
    gui::RunDetails details;
    details.resize(1400, 900);
    details.setOutcome(fixture(dataset).outcome);
    ConfusionMatrixView* view = details.confusionMatrix();
    const auto counted = countedConfusion(outcome);
    const int n = static_cast<int>(counted.size());
    QCOMPARE(view->classCount(), n);
    QCOMPARE(outcome.run.metrics.confusion, counted);
    for (int t = 0; t < n; ++t) {
        QCOMPARE(view->classes()[t],
                 QString::fromStdString(outcome.run.trained.classes[static_cast<std::size_t>(t)]));
        std::size_t rowTotal = 0;
        for (int p = 0; p < n; ++p) rowTotal += counted[t][p];
        for (int p = 0; p < n; ++p) {
            const std::size_t count =
                counted[static_cast<std::size_t>(t)][static_cast<std::size_t>(p)];
            QCOMPARE(view->count(t, p), count);
            const QStringList lines = view->cellText(t, p).split('\n');
            QCOMPARE(lines[0], QLocale().toString(static_cast<qulonglong>(count)));
            // An empty cell shows just its 0.
            QCOMPARE(lines.size(), count == 0 ? 1 : 2);
            if (count == 0) continue;
            QCOMPARE(lines[1], QString::number(100.0 * static_cast<double>(count) /
                                                   static_cast<double>(rowTotal),
                                               'f', 1) +
                                   "%");
        }
    }
}

void TestConfusionMatrixView::percentOfAll() {
    const auto& outcome = *fixture("iris").outcome;
    ConfusionMatrixView view;
    QStringList classes;
    for (const auto& c : outcome.run.trained.classes) classes << QString::fromStdString(c);
    view.setMatrix(outcome.run.metrics.confusion, classes);
    view.setPercentMode(ConfusionMatrixView::Percent::OfAll);
    const double all = static_cast<double>(outcome.run.rows.size());
    for (int t = 0; t < 3; ++t)
        for (int p = 0; p < 3; ++p)
            if (view.count(t, p) > 0)
                QCOMPARE(
                    view.cellText(t, p).split('\n').at(1),
                    QString::number(100.0 * static_cast<double>(view.count(t, p)) / all, 'f', 1) +
                        "%");
}

void TestConfusionMatrixView::clickingACellSelectsItsRows_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<bool>("diagonal");
    for (const auto& [name, c] : cases()) {
        QTest::newRow((name + " largest error").toUtf8().constData()) << name << false;
        QTest::newRow((name + " diagonal").toUtf8().constData()) << name << true;
    }
}

void TestConfusionMatrixView::clickingACellSelectsItsRows() {
    QFETCH(QString, dataset);
    QFETCH(bool, diagonal);
    const testing::TrainedFixture& f = fixture(dataset);
    const TrainingOutcome& outcome = *f.outcome;
    const auto counted = countedConfusion(outcome);
    const auto [t, p] = diagonal ? std::pair<int, int>{1, 1} : largestError(counted);

    RunsView view;
    view.resize(1400, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.addRun(f.outcome);
    ConfusionMatrixView* matrix = view.details()->confusionMatrix();
    QSignalSpy cells(matrix, &ConfusionMatrixView::cellActivated);
    QSignalSpy rows(&view, &RunsView::rowsSelectionRequested);
    const QRect cell = matrix->cellRect(t, p);
    QVERIFY(!cell.isEmpty());
    QTest::mouseClick(matrix->canvas(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(cells.count(), 1);
    QCOMPARE(cells.at(0).at(0).toInt(), t);
    QCOMPARE(cells.at(0).at(1).toInt(), p);
    QCOMPARE(rows.count(), 1);
    const auto selected = rows.at(0).at(0).value<std::vector<std::size_t>>();
    QCOMPARE(selected.size(), counted[static_cast<std::size_t>(t)][static_cast<std::size_t>(p)]);
    QVERIFY(std::is_sorted(selected.begin(), selected.end()));
    QVERIFY(!selected.empty());  // a tree makes some errors on each of these data sets

    // Each selected table row has the cell's true class in the table, and the run predicted
    // the cell's class for it.
    const Table& table = f.loaded->table;
    const Column& target =
        table.column(static_cast<std::size_t>(table.indexOf(outcome.run.trained.target)));
    std::map<std::size_t, std::size_t> scoredAt;  // table row -> index into run.rows
    for (std::size_t i = 0; i < outcome.run.rows.size(); ++i)
        scoredAt[f.data.tableRows[outcome.run.rows[i]]] = i;
    const std::string truthName = outcome.run.trained.classes[static_cast<std::size_t>(t)];
    for (std::size_t row : selected) {
        QCOMPARE(target.format(row), truthName);
        QVERIFY(scoredAt.count(row));
        QCOMPARE(outcome.run.predictions.predictedClass(scoredAt[row]), p);
    }
}

void TestConfusionMatrixView::manyClassesStayUsable() {
    const auto& outcome = *fixture("soybean").outcome;
    QCOMPARE(outcome.run.trained.classes.size(), std::size_t{19});
    RunsView view;
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.addRun(fixture("soybean").outcome);
    ConfusionMatrixView* matrix = view.details()->confusionMatrix();
    // Every cell lies on the canvas and the scroll area can reach it.
    auto* scroll = matrix->findChild<QScrollArea*>();
    QVERIFY(scroll);
    const QRect last = matrix->cellRect(18, 18);
    QVERIFY(matrix->canvas()->rect().contains(last));
    scroll->ensureVisible(last.center().x(), last.center().y());
    QVERIFY(scroll->viewport()->rect().contains(
        matrix->canvas()->mapTo(scroll->viewport(), last.center())));
    // Cells stay big enough for their text.
    QVERIFY(last.height() >= 2 * QFontMetrics(matrix->canvas()->font()).height() * 0.7);
}

void TestConfusionMatrixView::keyboardActivatesACell() {
    const auto& outcome = *fixture("iris").outcome;
    ConfusionMatrixView view;
    QStringList classes;
    for (const auto& c : outcome.run.trained.classes) classes << QString::fromStdString(c);
    view.setMatrix(outcome.run.metrics.confusion, classes);
    QSignalSpy cells(&view, &ConfusionMatrixView::cellActivated);
    QTest::keyClick(view.canvas(), Qt::Key_Right);
    QTest::keyClick(view.canvas(), Qt::Key_Right);
    QTest::keyClick(view.canvas(), Qt::Key_Right);  // stays on the last column
    QTest::keyClick(view.canvas(), Qt::Key_Down);
    QTest::keyClick(view.canvas(), Qt::Key_Return);
    QCOMPARE(cells.count(), 1);
    QCOMPARE(cells.at(0).at(0).toInt(), 1);
    QCOMPARE(cells.at(0).at(1).toInt(), 2);
}

QTEST_MAIN(TestConfusionMatrixView)
#include "test_confusion_matrix_view.moc"
