// The tuning heatmap against the engine: grids tuned here with glassbox::tune, then each cell's
// value checked against the candidates' means (the best over the other parameters when more
// than two were searched), the outlined cell against the engine's best, and picture export.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <memory>

#include "engine/metric_direction.h"
#include "engine/search_space.h"
#include "engine/tuning.h"
#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/tuning_heatmap.h"

using namespace glassbox;
using namespace glassbox::gui;

namespace {

std::shared_ptr<const TuningOutcome> tuned(const std::string& file, const std::string& target,
                                           const std::string& learner,
                                           const std::vector<std::string>& grid,
                                           const std::string& metric) {
    const auto loaded = testing::readSharedDataset(file);
    const DatasetResult data = makeDataset(loaded->table, target, std::nullopt);
    const Learner& kind = learnerNamed(learner);
    SearchSpace space(kind.params());
    for (const std::string& assignment : grid) space.addValues(assignment);
    TuningOptions options;
    options.folds = 3;
    options.metric = metric;
    options.seed = 3;
    options.threads = 2;
    options.refit = false;
    TuningResult result = tune(kind, data.dataset, space.grid(), options, {});
    auto outcome = std::make_shared<TuningOutcome>();
    outcome->metric = result.metric;
    outcome->lowerIsBetter = lowerIsBetter(result.metric);
    outcome->searched = space.names();
    outcome->candidates = std::move(result.candidates);
    outcome->best = result.best;
    return outcome;
}

// The label of a candidate's value of `name` on an axis, as the heatmap writes numbers.
QString labelOf(const TuningCandidate& c, const QString& name) {
    const std::string text = c.params.text(name.toStdString());
    bool ok = false;
    const double v = QString::fromStdString(text).toDouble(&ok);
    return ok ? QString::number(v, 'g', 6) : QString::fromStdString(text);
}

void screenshot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    if (!dir.isEmpty()) widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

}  // namespace

class TestTuningHeatmap : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void cellsAreTheCandidatesMeans_data();
    void cellsAreTheCandidatesMeans();
    void randomSearchValuesAreGrouped();
    void exportWritesEachFormat_data();
    void exportWritesEachFormat();

  private:
    std::map<QString, std::shared_ptr<const TuningOutcome>> outcomes_;
};

void TestTuningHeatmap::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    outcomes_["two"] = tuned("iris.csv", "species", "decision_tree",
                             {"max_depth=1,2,3,none", "min_samples_leaf=1,5,20"}, "");
    outcomes_["three"] =
        tuned("wine.csv", "cultivar", "decision_tree",
              {"criterion=gini,entropy", "max_depth=2,4,none", "min_samples_leaf=1,10"}, "");
    outcomes_["one, lower is better"] = tuned("diabetes_regression.csv", "progression",
                                              "decision_tree", {"max_depth=1,2,3,5,8"}, "rmse");
    QVERIFY(outcomes_["one, lower is better"]->lowerIsBetter);
}

void TestTuningHeatmap::cellsAreTheCandidatesMeans_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("x");
    QTest::addColumn<QString>("y");
    QTest::newRow("two parameters") << "two"
                                    << ""
                                    << "";
    QTest::newRow("two parameters, swapped") << "two"
                                             << "max_depth"
                                             << "min_samples_leaf";
    QTest::newRow("three parameters") << "three"
                                      << ""
                                      << "";
    QTest::newRow("three parameters, other pair") << "three"
                                                  << "min_samples_leaf"
                                                  << "criterion";
    QTest::newRow("one parameter, rmse") << "one, lower is better"
                                         << ""
                                         << "";
}

void TestTuningHeatmap::cellsAreTheCandidatesMeans() {
    QFETCH(QString, name);
    QFETCH(QString, x);
    QFETCH(QString, y);
    const auto outcome = outcomes_.at(name);
    TuningHeatmap heatmap;
    heatmap.resize(760, 520);
    heatmap.setOutcome(outcome);
    if (!x.isEmpty()) heatmap.setAxes(x, y);
    const QString xName = heatmap.xParameter();
    const QString yName = heatmap.yParameter();
    QVERIFY(!xName.isEmpty());
    QCOMPARE(yName.isEmpty(), outcome->searched.size() == 1);
    if (!x.isEmpty()) QCOMPARE(xName, x);

    // Expected: per (x label, y label), the best mean among the candidates there.
    const QStringList xs = heatmap.xLabels();
    const QStringList ys = heatmap.yLabels();
    int filled = 0;
    for (int r = 0; r < ys.size(); ++r)
        for (int col = 0; col < xs.size(); ++col) {
            double expected = std::nan("");
            for (const TuningCandidate& c : outcome->candidates) {
                if (labelOf(c, xName) != xs[col]) continue;
                if (!yName.isEmpty() && labelOf(c, yName) != ys[r]) continue;
                if (std::isnan(expected) ||
                    (outcome->lowerIsBetter ? c.mean < expected : c.mean > expected))
                    expected = c.mean;
            }
            const double shown = heatmap.cellValue(col, r);
            QCOMPARE(std::isnan(shown), std::isnan(expected));
            if (!std::isnan(expected)) {
                QCOMPARE(shown, expected);
                ++filled;
            }
        }
    int combinations = 1;
    for (const std::string& p : outcome->searched)
        if (QString::fromStdString(p) == xName || QString::fromStdString(p) == yName) {
            QSet<QString> values;
            for (const TuningCandidate& c : outcome->candidates)
                values.insert(labelOf(c, QString::fromStdString(p)));
            combinations *= int(values.size());
        }
    QCOMPARE(filled, combinations);
    // The outlined cell holds the engine's best candidate.
    const QPoint best = heatmap.bestCell();
    const TuningCandidate& top = outcome->candidates[outcome->best];
    QCOMPARE(xs[best.x()], labelOf(top, xName));
    if (!yName.isEmpty()) QCOMPARE(ys[best.y()], labelOf(top, yName));
    QCOMPARE(heatmap.cellValue(best.x(), best.y()), top.mean);
    QCOMPARE(heatmap.cellCandidate(best.x(), best.y()), int(outcome->best));
    if (x.isEmpty())
        screenshot(&heatmap,
                   QStringLiteral("tuning-heatmap-") + QString(name).replace(' ', '-').remove(','));
}

void TestTuningHeatmap::randomSearchValuesAreGrouped() {
    // Random search over two integer ranges: too many distinct values for one column each.
    const auto loaded = testing::readSharedDataset("diabetes_regression.csv");
    const DatasetResult data = makeDataset(loaded->table, "progression", std::nullopt);
    const Learner& kind = learnerNamed("decision_tree");
    SearchSpace space(kind.params());
    space.addRange("max_depth=1:30");
    space.addRange("min_samples_leaf=1:80");
    TuningOptions options;
    options.folds = 3;
    options.threads = 2;
    options.refit = false;
    TuningResult result = tune(kind, data.dataset, space.sample(40, 9), options, {});
    auto outcome = std::make_shared<TuningOutcome>();
    outcome->metric = result.metric;
    outcome->lowerIsBetter = lowerIsBetter(result.metric);
    outcome->searched = space.names();
    outcome->candidates = std::move(result.candidates);
    outcome->best = result.best;

    TuningHeatmap heatmap;
    heatmap.resize(760, 520);
    heatmap.setOutcome(outcome);
    QVERIFY(heatmap.xLabels().size() <= 8);
    QVERIFY(heatmap.yLabels().size() <= 8);
    QVERIFY(heatmap.caption().contains(QStringLiteral("grouped")));
    const auto& candidates = outcome->candidates;
    for (std::size_t a = 0; a < candidates.size(); ++a) {
        const QPoint cell = heatmap.cellOf(a);
        // Each cell shows the best candidate in it.
        const int shown = heatmap.cellCandidate(cell.x(), cell.y());
        QVERIFY(shown >= 0);
        QCOMPARE(heatmap.cellOf(std::size_t(shown)), cell);
        QVERIFY(candidates[std::size_t(shown)].mean >= candidates[a].mean);
        QCOMPARE(heatmap.cellValue(cell.x(), cell.y()), candidates[std::size_t(shown)].mean);
        // Groups keep the values' order.
        for (std::size_t b = 0; b < candidates.size(); ++b) {
            const auto x = [&](std::size_t c, const char* name) {
                return std::stod(candidates[c].params.text(name));
            };
            if (x(a, "min_samples_leaf") < x(b, "min_samples_leaf"))
                QVERIFY(cell.x() <= heatmap.cellOf(b).x());
            if (x(a, "max_depth") < x(b, "max_depth")) QVERIFY(cell.y() <= heatmap.cellOf(b).y());
        }
    }
    QCOMPARE(heatmap.bestCell(), heatmap.cellOf(outcome->best));
    screenshot(&heatmap, QStringLiteral("tuning-heatmap-random"));
}

void TestTuningHeatmap::exportWritesEachFormat_data() {
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "svg" << QByteArray("<svg");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF");
}

void TestTuningHeatmap::exportWritesEachFormat() {
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    TuningHeatmap heatmap;
    heatmap.resize(700, 480);
    heatmap.setOutcome(outcomes_.at(QStringLiteral("two")));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("heatmap.") + suffix);
    QCOMPARE(heatmap.exportTo(file), QString());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(400).contains(magic));
    QVERIFY(f.size() > 1000);
}

QTEST_MAIN(TestTuningHeatmap)
#include "test_tuning_heatmap.moc"
