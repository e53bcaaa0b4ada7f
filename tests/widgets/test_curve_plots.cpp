// The ROC, precision-recall and calibration plots against the engine's own numbers for a
// logistic regression's out-of-fold predictions (breast_cancer binary, iris multiclass), and
// a ROC of a million scores redrawn quickly.
#include <qcustomplot.h>
#include <QComboBox>
#include <QElapsedTimer>
#include <QToolTip>
#include <QtTest>
#include <cmath>
#include <map>
#include <random>

#include "engine/curves.h"
#include "engine/metrics.h"
#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/calibration_plot.h"
#include "widgets/pr_plot.h"
#include "widgets/roc_plot.h"

using namespace glassbox;
using glassbox::gui::CalibrationPlot;
using glassbox::gui::CurveRunsPlot;
using glassbox::gui::PrPlot;
using glassbox::gui::RocPlot;

namespace {

struct Trained {
    testing::TrainedFixture fixture;
    std::shared_ptr<const ClassificationCurves> curves;
    QStringList classes;
};

// Logistic regression, 5-fold stratified CV, trained once per data set; curves of its
// out-of-fold predictions.
const Trained& trained(const QString& name, const std::string& learner = "logistic_regression") {
    static std::map<QString, Trained> all;
    const QString key = name + QLatin1Char('/') + QString::fromStdString(learner);
    auto it = all.find(key);
    if (it == all.end()) {
        const bool iris = name == QLatin1String("iris");
        Trained t;
        t.fixture = testing::trainFixture(
            testing::readSharedDataset(iris ? "iris.csv" : "breast_cancer.csv"),
            iris ? "species" : "diagnosis", learner);
        const gui::TrainingOutcome& o = *t.fixture.outcome;
        t.curves = std::make_shared<const ClassificationCurves>(
            classificationCurves(o.truth, o.run.predictions));
        for (const std::string& c : o.run.trained.classes) t.classes << QString::fromStdString(c);
        it = all.emplace(key, std::move(t)).first;
    }
    return it->second;
}

// Class k's probability and whether it is the true class, for the rows with a known class.
struct OneVsRest {
    std::vector<double> scores;
    std::vector<std::uint8_t> positive;
};
OneVsRest oneVsRest(const Trained& t, int k) {
    const gui::TrainingOutcome& o = *t.fixture.outcome;
    OneVsRest out;
    for (std::size_t i = 0; i < o.truth.size(); ++i) {
        if (o.truth[i] < 0) continue;
        out.scores.push_back(o.run.predictions.probabilitiesOf(i)[static_cast<std::size_t>(k)]);
        out.positive.push_back(o.truth[i] == k);
    }
    return out;
}

// Every (row, class) pair: the micro average's cases.
OneVsRest flattened(const Trained& t) {
    OneVsRest out;
    const int k = static_cast<int>(t.classes.size());
    const OneVsRest first = oneVsRest(t, 0);
    std::vector<OneVsRest> per;
    for (int c = 0; c < k; ++c) per.push_back(oneVsRest(t, c));
    for (std::size_t i = 0; i < first.scores.size(); ++i)
        for (int c = 0; c < k; ++c) {
            out.scores.push_back(per[static_cast<std::size_t>(c)].scores[i]);
            out.positive.push_back(per[static_cast<std::size_t>(c)].positive[i]);
        }
    return out;
}

void saveShot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("GLASSBOX_PLOT_SHOTS");
    if (!dir.isEmpty()) widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

void showSized(QWidget* widget) {
    widget->resize(720, 540);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
}

// The drawn points are the curve's at drawnPoints(), which start and end with the curve's ends.
template <typename Data>
void checkDrawn(const Data& data, const std::vector<std::size_t>& drawn,
                const std::vector<double>& x, const std::vector<double>& y, std::size_t most) {
    QVERIFY(!drawn.empty());
    QCOMPARE(drawn.front(), std::size_t{0});
    QCOMPARE(drawn.back(), x.size() - 1);
    QVERIFY(drawn.size() <= most + 2);
    QCOMPARE(static_cast<std::size_t>(data->size()), drawn.size());
    auto it = data->constBegin();
    for (std::size_t i : drawn) {
        QCOMPARE(it->key, x[i]);
        QCOMPARE(it->value, y[i]);
        ++it;
    }
}

}  // namespace

class TestCurvePlots : public QObject {
    Q_OBJECT

  private slots:
    void rocAucInLegend_data();
    void rocAucInLegend();
    void rocEveryClassAndRuns();
    void rocHoverConfusion_data();
    void rocHoverConfusion();
    void precisionRecall_data();
    void precisionRecall();
    void calibration_data();
    void calibration();
    void millionScores();
};

void TestCurvePlots::rocAucInLegend_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("choice");
    QTest::newRow("breast_cancer positive class") << "breast_cancer" << 1;
    QTest::newRow("iris class 0") << "iris" << 0;
    QTest::newRow("iris class 1") << "iris" << 1;
    QTest::newRow("iris class 2") << "iris" << 2;
    QTest::newRow("iris micro") << "iris" << int(CurveRunsPlot::kMicroAverage);
    QTest::newRow("iris macro") << "iris" << int(CurveRunsPlot::kMacroAverage);
}

void TestCurvePlots::rocAucInLegend() {
    QFETCH(QString, dataset);
    QFETCH(int, choice);
    const Trained& t = trained(dataset);
    RocPlot plot;
    plot.setClassNames(t.classes);
    plot.addRun(QStringLiteral("logistic regression"), t.curves);
    plot.setChoice(choice);
    showSized(&plot);
    QCOMPARE(plot.choice(), choice);
    QCOMPARE(plot.seriesCount(), 1);

    // The engine's AUC computed here independently of the curves (Mann-Whitney, ties half).
    double expected = 0;
    if (choice >= 0) {
        const OneVsRest o = oneVsRest(t, choice);
        expected = rocAuc(o.scores, o.positive);
    } else if (choice == CurveRunsPlot::kMicroAverage) {
        const OneVsRest o = flattened(t);
        expected = rocAuc(o.scores, o.positive);
    } else {
        expected = *t.fixture.outcome->run.metrics.get("auc");  // macro one-vs-rest
    }
    QVERIFY2(std::abs(plot.seriesAuc(0) - expected) < 1e-9,
             qPrintable(QStringLiteral("%1 vs %2").arg(plot.seriesAuc(0)).arg(expected)));
    const QString legend = plot.seriesLegend(0);
    QVERIFY2(legend.contains(QStringLiteral("AUC ") + QString::number(expected, 'f', 3)),
             qPrintable(legend));
    QVERIFY(legend.startsWith(QStringLiteral("logistic regression")));
    QCOMPARE(plot.plot()->legend->itemWithPlottable(plot.seriesGraph(0))->plottable()->name(),
             legend);

    const RocCurve& curve = plot.seriesCurve(0);
    QVERIFY(curve.fpr.size() > 2);
    QCOMPARE(plot.drawnPoints(0).size(), curve.fpr.size());  // short curves: every point
    checkDrawn(plot.seriesGraph(0)->data(), plot.drawnPoints(0), curve.fpr, curve.tpr,
               RocPlot::kMaxDrawnPoints);
    QVERIFY(plot.caption().isEmpty());
    saveShot(&plot, QStringLiteral("roc_%1_%2").arg(dataset).arg(choice));
}

void TestCurvePlots::rocEveryClassAndRuns() {
    const Trained& logistic = trained(QStringLiteral("iris"));
    const Trained& tree = trained(QStringLiteral("iris"), "decision_tree");
    RocPlot plot;
    plot.setClassNames(logistic.classes);
    plot.addRun(QStringLiteral("logistic #1"), logistic.curves);
    plot.addRun(QStringLiteral("tree #2"), *tree.curves);
    showSized(&plot);
    QVERIFY(plot.choiceBox()->isVisible());
    QCOMPARE(plot.choice(), int(CurveRunsPlot::kAllClasses));
    QCOMPARE(plot.seriesCount(), 6);
    for (int run = 0; run < 2; ++run)
        for (int k = 0; k < 3; ++k) {
            const Trained& t = run == 0 ? logistic : tree;
            const OneVsRest o = oneVsRest(t, k);
            const QString legend = plot.seriesLegend(run * 3 + k);
            QVERIFY2(legend.contains(logistic.classes[k]), qPrintable(legend));
            QVERIFY2(legend.contains(QStringLiteral("AUC ") +
                                     QString::number(rocAuc(o.scores, o.positive), 'f', 3)),
                     qPrintable(legend));
        }
    saveShot(&plot, QStringLiteral("roc_iris_every_class_two_runs"));

    // Binary: the positive class only, no chooser; runs in different colours.
    const Trained& bc = trained(QStringLiteral("breast_cancer"));
    const Trained& bcTree = trained(QStringLiteral("breast_cancer"), "decision_tree");
    RocPlot binary;
    binary.setClassNames(bc.classes);
    binary.addRun(QStringLiteral("logistic #1"), bc.curves);
    binary.addRun(QStringLiteral("tree #2"), bcTree.curves);
    showSized(&binary);
    QVERIFY(!binary.choiceBox()->isVisible());
    QCOMPARE(binary.seriesCount(), 2);
    QVERIFY(binary.seriesGraph(0)->pen().color() != binary.seriesGraph(1)->pen().color());
    QVERIFY(binary.title().contains(bc.classes[1]));
    const OneVsRest o = oneVsRest(bcTree, 1);
    QVERIFY(binary.seriesLegend(1).contains(QString::number(rocAuc(o.scores, o.positive), 'f', 3)));
    saveShot(&binary, QStringLiteral("roc_breast_cancer_two_runs"));
    binary.clear();
    QCOMPARE(binary.seriesCount(), 0);
}

void TestCurvePlots::rocHoverConfusion_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("classIndex");
    QTest::newRow("breast_cancer") << "breast_cancer" << 1;
    QTest::newRow("iris class 2") << "iris" << 2;
    QTest::newRow("iris micro") << "iris" << int(CurveRunsPlot::kMicroAverage);
}

void TestCurvePlots::rocHoverConfusion() {
    QFETCH(QString, dataset);
    QFETCH(int, classIndex);
    const Trained& t = trained(dataset);
    RocPlot plot;
    plot.setClassNames(t.classes);
    plot.addRun(QStringLiteral("logistic"), t.curves);
    plot.setChoice(classIndex);
    showSized(&plot);
    const RocCurve& curve = plot.seriesCurve(0);
    const OneVsRest o = classIndex >= 0 ? oneVsRest(t, classIndex) : flattened(t);
    for (std::size_t point : {std::size_t{1}, curve.fpr.size() / 2, curve.fpr.size() - 1}) {
        const double threshold = curve.thresholds[point];
        double tp = 0, fp = 0, fn = 0, tn = 0;
        for (std::size_t i = 0; i < o.scores.size(); ++i) {
            const bool predicted = o.scores[i] >= threshold;
            (o.positive[i] ? (predicted ? tp : fn) : (predicted ? fp : tn)) += 1;
        }
        const auto c = plot.confusionAt(0, point);
        QVERIFY(c.has_value());
        QCOMPARE(c->truePositives, tp);
        QCOMPARE(c->falsePositives, fp);
        QCOMPARE(c->falseNegatives, fn);
        QCOMPARE(c->trueNegatives, tn);
        const QString tip = plot.pointToolTip(0, point);
        QVERIFY2(tip.contains(QStringLiteral("TP %1").arg(tp)), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("TN %1").arg(tn)), qPrintable(tip));
        QVERIFY2(tip.contains(QString::number(threshold, 'g', 4)), qPrintable(tip));
    }
    // The mouse over a drawn point gets a tooltip; far from every curve, none.
    const QCPAxis* x = plot.plot()->xAxis;
    const QCPAxis* y = plot.plot()->yAxis;
    const std::size_t mid = curve.fpr.size() / 2;
    const QPointF over(x->coordToPixel(curve.fpr[mid]), y->coordToPixel(curve.tpr[mid]));
    QVERIFY(plot.toolTipAt(over).contains(QStringLiteral("TP ")));
    QVERIFY(plot.toolTipAt(QPointF(x->coordToPixel(0.9), y->coordToPixel(0.1))).isEmpty());
    // Moving the mouse there marks the point and shows the tooltip.
    QTest::mouseMove(plot.plot(), over.toPoint());
    QTRY_COMPARE(plot.hoverMarker()->dataCount(), 1);
    QVERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QStringLiteral("TP ")), qPrintable(QToolTip::text()));
    plot.replotTimed();
    saveShot(&plot, QStringLiteral("roc_hover_%1").arg(dataset));
    for (QWidget* w : QApplication::topLevelWidgets())
        if (w->inherits("QTipLabel") && w->isVisible())
            saveShot(w, QStringLiteral("roc_tooltip_%1").arg(dataset));
    QTest::mouseMove(plot.plot(), QPoint(int(x->coordToPixel(0.9)), int(y->coordToPixel(0.1))));
    QTRY_COMPARE(plot.hoverMarker()->dataCount(), 0);
}

void TestCurvePlots::precisionRecall_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("classIndex");
    QTest::newRow("breast_cancer") << "breast_cancer" << 1;
    QTest::newRow("iris class 0") << "iris" << 0;
    QTest::newRow("iris class 2") << "iris" << 2;
}

void TestCurvePlots::precisionRecall() {
    QFETCH(QString, dataset);
    QFETCH(int, classIndex);
    const Trained& t = trained(dataset);
    PrPlot plot;
    plot.setClassNames(t.classes);
    plot.addRun(QStringLiteral("logistic"), t.curves);
    plot.setChoice(classIndex);
    showSized(&plot);
    QCOMPARE(plot.seriesCount(), 1);
    const OneVsRest o = oneVsRest(t, classIndex);
    const double ap = averagePrecision(o.scores, o.positive);
    QVERIFY2(plot.seriesLegend(0).contains(QStringLiteral("AP ") + QString::number(ap, 'f', 3)),
             qPrintable(plot.seriesLegend(0)));
    double positives = 0;
    for (std::uint8_t p : o.positive) positives += p;
    QVERIFY(std::abs(plot.seriesBaseline(0) - positives / double(o.positive.size())) < 1e-12);

    const PrecisionRecallCurve expected = precisionRecallCurve(o.scores, o.positive);
    const PrecisionRecallCurve& drawnCurve = plot.seriesCurve(0);
    QCOMPARE(drawnCurve.precision, expected.precision);
    QCOMPARE(drawnCurve.recall, expected.recall);
    const auto data = plot.seriesPlottable(0)->data();
    const auto& drawn = plot.drawnPoints(0);
    QCOMPARE(static_cast<std::size_t>(data->size()), drawn.size());
    QCOMPARE(drawn.size(), expected.recall.size());
    auto it = data->constBegin();
    for (std::size_t i : drawn) {
        QCOMPARE(it->key, expected.recall[i]);
        QCOMPARE(it->value, expected.precision[i]);
        ++it;
    }
    saveShot(&plot, QStringLiteral("pr_%1_%2").arg(dataset).arg(classIndex));
}

void TestCurvePlots::calibration_data() {
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<int>("classIndex");
    QTest::addColumn<int>("bins");
    QTest::addColumn<bool>("quantile");
    QTest::newRow("breast_cancer uniform 10") << "breast_cancer" << 1 << 10 << false;
    QTest::newRow("breast_cancer quantile 5") << "breast_cancer" << 1 << 5 << true;
    QTest::newRow("iris class 1 uniform 8") << "iris" << 1 << 8 << false;
}

void TestCurvePlots::calibration() {
    QFETCH(QString, dataset);
    QFETCH(int, classIndex);
    QFETCH(int, bins);
    QFETCH(bool, quantile);
    const Trained& t = trained(dataset);
    const CalibrationStrategy strategy =
        quantile ? CalibrationStrategy::Quantile : CalibrationStrategy::Uniform;
    const gui::TrainingOutcome& out = *t.fixture.outcome;
    CurveOptions options;
    options.calibrationBins = static_cast<std::size_t>(bins);
    options.calibrationStrategy = strategy;
    CalibrationPlot plot;
    plot.setClassNames(t.classes);
    plot.addRun(QStringLiteral("logistic"),
                classificationCurves(out.truth, out.run.predictions, options));
    plot.setChoice(classIndex);
    showSized(&plot);
    QCOMPARE(plot.seriesCount(), 1);

    OneVsRest o = oneVsRest(t, classIndex);
    for (double& s : o.scores) s = std::clamp(s, 0.0, 1.0);
    const CalibrationCurve expected =
        calibrationCurve(o.scores, o.positive, static_cast<std::size_t>(bins), strategy);
    const auto curve = plot.seriesCurveGraph(0)->data();
    QCOMPARE(static_cast<std::size_t>(curve->size()), expected.meanScore.size());
    auto it = curve->constBegin();
    for (std::size_t b = 0; b < expected.meanScore.size(); ++b, ++it) {
        QCOMPARE(it->key, expected.meanScore[b]);
        QCOMPARE(it->value, expected.fractionPositive[b]);
    }
    // Histogram steps: one per bin at its left edge with its count, and the closing right edge.
    const auto steps = plot.seriesHistogram(0)->data();
    QCOMPARE(steps->size(), bins + 1);
    for (int b = 0; b < bins; ++b) {
        QCOMPARE(steps->at(b)->key, expected.edges[static_cast<std::size_t>(b)]);
        QCOMPARE(steps->at(b)->value, double(expected.counts[static_cast<std::size_t>(b)]));
    }
    QCOMPARE(steps->at(bins)->key, expected.edges.back());
    QCOMPARE(plot.seriesHistogram(0)->valueAxis()->axisRect(), plot.histogramRect());
    QVERIFY(plot.caption().contains(quantile ? QStringLiteral("equal numbers")
                                             : QStringLiteral("equal width")));
    saveShot(&plot, QStringLiteral("calibration_%1_%2_%3").arg(dataset).arg(classIndex).arg(bins));
}

void TestCurvePlots::millionScores() {
    constexpr std::size_t kRows = 1'000'000;
    std::mt19937_64 random(7);
    std::normal_distribution<double> noise(0.0, 1.0);
    std::bernoulli_distribution positive(0.3);
    Predictions predicted;
    predicted.rows = kRows;
    predicted.classCount = 2;
    predicted.probabilities.resize(2 * kRows);
    std::vector<std::int32_t> truth(kRows);
    std::vector<double> scores(kRows);
    std::vector<std::uint8_t> positives(kRows);
    for (std::size_t i = 0; i < kRows; ++i) {
        truth[i] = positive(random) ? 1 : 0;
        const double p = 1.0 / (1.0 + std::exp(-(noise(random) + 1.6 * truth[i] - 0.8)));
        scores[i] = p;
        positives[i] = static_cast<std::uint8_t>(truth[i]);
        predicted.probabilities[2 * i] = 1.0 - p;
        predicted.probabilities[2 * i + 1] = p;
    }
    QElapsedTimer timer;
    timer.start();
    auto curves =
        std::make_shared<const ClassificationCurves>(classificationCurves(truth, predicted));
    qInfo("engine curves of %zu scores: %lld ms, ROC %zu points, PR %zu points", kRows,
          timer.elapsed(), curves->perClass[1].roc.fpr.size(),
          curves->perClass[1].pr.recall.size());

    RocPlot roc;
    roc.setClassNames({QStringLiteral("no"), QStringLiteral("yes")});
    timer.restart();
    roc.addRun(QStringLiteral("synthetic"), curves);
    const qint64 addMs = timer.elapsed();
    showSized(&roc);
    const RocCurve& curve = roc.seriesCurve(0);
    QVERIFY(curve.fpr.size() > 100'000);
    checkDrawn(roc.seriesGraph(0)->data(), roc.drawnPoints(0), curve.fpr, curve.tpr,
               RocPlot::kMaxDrawnPoints);
    QVERIFY(roc.caption().contains(gui::groupedCount(curve.fpr.size())));
    QVERIFY(roc.seriesLegend(0).contains(QString::number(rocAuc(scores, positives), 'f', 3)));
    // Thinning keeps the drawn curve within a fraction of a pixel of the real one.
    const double drawnArea = [&] {
        std::vector<double> x, y;
        for (std::size_t i : roc.drawnPoints(0)) {
            x.push_back(curve.fpr[i]);
            y.push_back(curve.tpr[i]);
        }
        return curveArea(x, y);
    }();
    QVERIFY(std::abs(drawnArea - roc.seriesAuc(0)) < 1e-3);

    double slowest = 0;
    for (int i = 0; i < 5; ++i) slowest = std::max(slowest, roc.replotTimed());
    timer.restart();
    const QString tip = roc.toolTipAt(QPointF(roc.plot()->xAxis->coordToPixel(curve.fpr[1000]),
                                              roc.plot()->yAxis->coordToPixel(curve.tpr[1000])));
    const qint64 hoverMs = timer.elapsed();
    qInfo(
        "ROC of %zu scores: %zu points drawn of %zu; adding the run %lld ms, replot (slowest of "
        "5) %.1f ms, hover lookup %lld ms",
        kRows, roc.drawnPoints(0).size(), curve.fpr.size(), addMs, slowest, hoverMs);
    QVERIFY(!tip.isEmpty());
    QVERIFY2(slowest < 250, "a replot of a million-score ROC must not lag");
    QVERIFY(addMs < 1000);
    saveShot(&roc, QStringLiteral("roc_million"));
    roc.resize(440, 420);  // a narrow plot wraps its caption rather than cutting it
    QTRY_COMPARE(roc.plot()->width(), 440);
    roc.replotTimed();
    saveShot(&roc, QStringLiteral("roc_million_narrow"));

    PrPlot pr;
    timer.restart();
    pr.addRun(QStringLiteral("synthetic"), curves);
    showSized(&pr);
    const std::size_t prPoints = pr.seriesCurve(0).recall.size();
    QVERIFY(pr.drawnPoints(0).size() <= PrPlot::kMaxDrawnPoints + 2);
    QVERIFY(pr.drawnPoints(0).back() == prPoints - 1);
    double prSlowest = 0;
    for (int i = 0; i < 5; ++i) prSlowest = std::max(prSlowest, pr.replotTimed());
    qInfo("PR of %zu scores: %zu points drawn of %zu; replot (slowest of 5) %.1f ms", kRows,
          pr.drawnPoints(0).size(), prPoints, prSlowest);
    QVERIFY(prSlowest < 250);
    saveShot(&pr, QStringLiteral("pr_million"));

    CalibrationPlot calibration;
    calibration.addRun(QStringLiteral("synthetic"), curves);
    showSized(&calibration);
    double calSlowest = 0;
    for (int i = 0; i < 3; ++i) calSlowest = std::max(calSlowest, calibration.replotTimed());
    qInfo("calibration of %zu scores: replot %.1f ms", kRows, calSlowest);
    saveShot(&calibration, QStringLiteral("calibration_million"));
}

QTEST_MAIN(TestCurvePlots)
#include "test_curve_plots.moc"
