// The SHAP plots against the engine: SHAP values of a boosted model on breast_cancer (and a
// forest on diabetes_regression) computed here with explainShap, then each plot's drawn numbers
// checked against them; a 100 000-row beeswarm's redraw time; picture export of each plot kind.
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <random>

#include <qcustomplot.h>

#include "engine/shap.h"
#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/shap_bar_plot.h"
#include "widgets/shap_dependence_plot.h"
#include "widgets/shap_summary_plot.h"
#include "widgets/shap_waterfall_plot.h"

using namespace glassbox;
using namespace glassbox::gui;

namespace {

struct Explained {
    testing::TrainedFixture fixture;
    ShapPlotInput input;
};

// `learner` on `target` of `file`, its first `count` rows explained by the engine.
Explained explain(const std::string& file, const std::string& target, const std::string& learner,
                  const std::map<std::string, std::string>& params, std::size_t count) {
    Explained e;
    ValidationPlan plan;
    plan.kind = ValidationPlan::Kind::TrainingRows;
    e.fixture =
        testing::trainFixture(testing::readSharedDataset(file), target, learner, params, plan);
    const Dataset& data = e.fixture.data.dataset;
    auto features = std::make_shared<const FeatureMatrix>(data.features);
    std::vector<std::size_t> rows(std::min(count, data.rows()));
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    ShapOptions options;
    options.threads = 2;
    e.input.shap = std::make_shared<const ShapValues>(
        explainShap(e.fixture.outcome->run.trained, *features, rows, *features, options, {}));
    e.input.features = features;
    e.input.rows = rows;
    for (const std::string& c : data.classes) e.input.outputNames << QString::fromStdString(c);
    return e;
}

std::vector<double> engineMeanAbs(const ShapValues& shap, std::size_t output) {
    std::vector<double> mean(shap.features, 0.0);
    for (std::size_t r = 0; r < shap.rows; ++r)
        for (std::size_t f = 0; f < shap.features; ++f) mean[f] += std::fabs(shap.at(r, output, f));
    for (double& m : mean) m /= double(shap.rows);
    return mean;
}

std::vector<std::size_t> engineOrder(const ShapValues& shap, std::size_t output) {
    const std::vector<double> mean = engineMeanAbs(shap, output);
    std::vector<std::size_t> order(mean.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return mean[a] > mean[b]; });
    return order;
}

// A synthetic explanation of `rows` rows and `features` numeric features.
ShapPlotInput syntheticInput(std::size_t rows, std::size_t features) {
    std::mt19937_64 random(5);
    std::normal_distribution<double> normal;
    std::vector<FeatureColumn> columns(features);
    FeatureSchema schema;
    for (std::size_t f = 0; f < features; ++f) {
        schema.features.push_back({"feature_" + std::to_string(f), ColumnType::Numeric, {}});
        columns[f].values.resize(rows);
        for (double& v : columns[f].values) v = normal(random);
    }
    auto shap = std::make_shared<ShapValues>();
    shap->output = "value";
    shap->method = "tree";
    shap->rows = rows;
    shap->outputs = 1;
    shap->features = features;
    shap->base = {0.0};
    shap->values.resize(rows * features);
    shap->prediction.assign(rows, 0.0);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t f = 0; f < features; ++f) {
            const double v = columns[f].values[r] * (1.0 + double(f % 7)) * 0.1;
            shap->values[r * features + f] = v;
            shap->prediction[r] += v;
        }
    ShapPlotInput input;
    input.shap = shap;
    input.features = std::make_shared<const FeatureMatrix>(schema, std::move(columns), rows);
    return input;
}

QByteArray head(const QString& file, int bytes) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.read(bytes);
}

// Saves a screenshot when GLASSBOX_SCREENSHOT_DIR is set (for looking at the plots).
void screenshot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

}  // namespace

class TestShapPlots : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void summaryOrderIsTheEnginesMeanAbsOrder_data();
    void summaryOrderIsTheEnginesMeanAbsOrder();
    void barsAreTheMeanAbsoluteValues();
    void waterfallAddsUpToTheModelOutput_data();
    void waterfallAddsUpToTheModelOutput();
    void dependenceHasOnePointPerRow();
    void categoricalFeatures();
    void largeBeeswarmIsSampledAndQuick();
    void exportWritesEachFormat_data();
    void exportWritesEachFormat();

  private:
    Explained boosting_;
    Explained forest_;
};

void TestShapPlots::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    boosting_ = explain("breast_cancer.csv", "diagnosis", "gradient_boosting",
                        {{"n_estimators", "60"}}, 200);
    forest_ = explain("diabetes_regression.csv", "progression", "random_forest",
                      {{"n_estimators", "20"}}, 150);
    QCOMPARE(boosting_.input.shap->rows, std::size_t{200});
    QCOMPARE(boosting_.input.shap->outputs, std::size_t{2});
}

void TestShapPlots::summaryOrderIsTheEnginesMeanAbsOrder_data() {
    QTest::addColumn<int>("output");
    QTest::addColumn<int>("maxFeatures");
    QTest::newRow("class 1, top 20") << 1 << 20;
    QTest::newRow("class 0, top 8") << 0 << 8;
    QTest::newRow("class 1, all") << 1 << 100;
}

void TestShapPlots::summaryOrderIsTheEnginesMeanAbsOrder() {
    QFETCH(int, output);
    QFETCH(int, maxFeatures);
    ShapSummaryPlot plot;
    plot.resize(900, 700);
    plot.setInput(boosting_.input);
    plot.setMaxFeatures(maxFeatures);
    plot.setOutput(std::size_t(output));
    const ShapValues& shap = *boosting_.input.shap;
    std::vector<std::size_t> expected = engineOrder(shap, std::size_t(output));
    expected.resize(std::min<std::size_t>(expected.size(), std::size_t(maxFeatures)));
    QCOMPARE(plot.featureOrder(), expected);
    // One dot per row and drawn feature.
    QCOMPARE(plot.drawnRows().size(), shap.rows);
    QCOMPARE(plot.dotCount(), shap.rows * expected.size());
    if (output == 1 && maxFeatures == 20) screenshot(&plot, QStringLiteral("shap-summary"));
}

void TestShapPlots::barsAreTheMeanAbsoluteValues() {
    ShapBarPlot plot;
    plot.resize(800, 560);
    plot.setMaxFeatures(12);
    plot.setInput(boosting_.input);
    const ShapValues& shap = *boosting_.input.shap;
    const std::vector<double> mean = engineMeanAbs(shap, 1);
    const std::vector<std::size_t> order = engineOrder(shap, 1);
    QCOMPARE(plot.featureOrder().size(), std::size_t{12});
    double others = 0;
    for (std::size_t i = 12; i < order.size(); ++i) others += mean[order[i]];
    for (std::size_t i = 0; i < 12; ++i) {
        QCOMPARE(plot.featureOrder()[i], order[i]);
        QVERIFY(std::fabs(plot.barValues()[i] - mean[order[i]]) < 1e-12);
    }
    QVERIFY(std::fabs(plot.otherFeaturesValue() - others) < 1e-12);
    screenshot(&plot, QStringLiteral("shap-bar"));
}

void TestShapPlots::waterfallAddsUpToTheModelOutput_data() {
    QTest::addColumn<bool>("regression");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("maxSteps");
    QTest::newRow("breast_cancer row 0") << false << 0 << 10;
    QTest::newRow("breast_cancer row 117") << false << 117 << 10;
    QTest::newRow("breast_cancer row 199, every feature") << false << 199 << 100;
    QTest::newRow("diabetes row 3") << true << 3 << 10;
    QTest::newRow("diabetes row 42, 4 steps") << true << 42 << 4;
}

void TestShapPlots::waterfallAddsUpToTheModelOutput() {
    QFETCH(bool, regression);
    QFETCH(int, row);
    QFETCH(int, maxSteps);
    const Explained& e = regression ? forest_ : boosting_;
    const ShapValues& shap = *e.input.shap;
    ShapWaterfallPlot plot;
    plot.resize(860, 560);
    plot.setInput(e.input);
    plot.setMaxSteps(maxSteps);
    plot.setRow(std::size_t(row));
    const std::size_t output = shap.outputs == 2 ? 1 : 0;
    const double base = shap.base[output];
    const double prediction = shap.prediction[std::size_t(row) * shap.outputs + output];
    const auto& steps = plot.steps();
    QVERIFY(!steps.empty());
    QCOMPARE(plot.baseValue(), base);
    QCOMPARE(steps.front().start, base);
    double sum = base;
    for (std::size_t k = 0; k < steps.size(); ++k) {
        sum += steps[k].end - steps[k].start;
        if (k > 0) QCOMPARE(steps[k].start, steps[k - 1].end);
    }
    QVERIFY2(std::fabs(sum - prediction) < 1e-9, qPrintable(QString::number(sum - prediction)));
    QVERIFY(std::fabs(plot.finalValue() - prediction) < 1e-9);
    QVERIFY(std::fabs(steps.back().end - prediction) < 1e-9);
    // Largest |value| first, as the engine sorts them; the rest collapsed into one step.
    const std::vector<FeatureContribution> ranked =
        sortedContributions(shap, std::size_t(row), output);
    const bool collapsed = ranked.size() > std::size_t(maxSteps);
    QCOMPARE(steps.size(), collapsed ? std::size_t(maxSteps) : ranked.size());
    for (std::size_t k = 0; k + (collapsed ? 1 : 0) < steps.size(); ++k) {
        QCOMPARE(*steps[k].feature, ranked[k].feature);
        QCOMPARE(steps[k].end - steps[k].start, ranked[k].value);
    }
    if (collapsed) QVERIFY(!steps.back().feature.has_value());
    if (!regression && row == 0) screenshot(&plot, QStringLiteral("shap-waterfall"));
    if (regression && row == 3) screenshot(&plot, QStringLiteral("shap-waterfall-regression"));
}

void TestShapPlots::dependenceHasOnePointPerRow() {
    const ShapValues& shap = *boosting_.input.shap;
    const FeatureMatrix& x = *boosting_.input.features;
    ShapDependencePlot plot;
    plot.resize(820, 560);
    plot.setInput(boosting_.input);
    // Starts on the top feature, coloured by another numeric feature.
    QCOMPARE(plot.feature(), engineOrder(shap, 1).front());
    QVERIFY(plot.colorFeature().has_value());
    QVERIFY(*plot.colorFeature() != plot.feature());
    screenshot(&plot, QStringLiteral("shap-dependence"));
    for (std::size_t feature : {std::size_t{0}, std::size_t{7}, std::size_t{22}}) {
        plot.setFeature(feature);
        QCOMPARE(plot.points().size(), shap.rows);
        for (std::size_t i = 0; i < shap.rows; ++i) {
            const DependencePoint& p = plot.points()[i];
            QCOMPARE(p.row, i);
            QCOMPARE(p.x, x.values(feature)[i]);
            QCOMPARE(p.shap, shap.at(i, 1, feature));
        }
    }
    // Clicking a dot names its row.
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.plot()->replot();
    QSignalSpy clicked(&plot, &ShapDependencePlot::rowClicked);
    const DependencePoint& target = plot.points()[123];
    const QPoint at(int(std::lround(plot.plot()->xAxis->coordToPixel(target.x))),
                    int(std::lround(plot.plot()->yAxis->coordToPixel(target.shap))));
    QTest::mouseClick(plot.plot(), Qt::LeftButton, {}, at);
    QCOMPARE(clicked.count(), 1);
    // The nearest dot: row 123 unless another lies on the same pixel.
    const std::size_t row = clicked.at(0).at(0).value<std::size_t>();
    QVERIFY(std::fabs(plot.plot()->yAxis->coordToPixel(plot.points()[row].shap) - at.y()) < 1.5);
    plot.setColorFeature(std::nullopt);
    QVERIFY(!plot.colorFeature().has_value());
    plot.setOutput(0);
    QCOMPARE(plot.points().front().shap, shap.at(0, 0, plot.feature()));
}

void TestShapPlots::categoricalFeatures() {
    // credit-g: categorical features are drawn (grey in the beeswarm), the dependence plot
    // puts their rows at the category codes and the waterfall names the level.
    const Explained e =
        explain("credit-g.arff", "class", "gradient_boosting", {{"n_estimators", "30"}}, 150);
    const ShapValues& shap = *e.input.shap;
    const FeatureMatrix& x = *e.input.features;
    std::size_t categorical = 0;
    while (!x.isCategorical(categorical)) ++categorical;
    ShapSummaryPlot summary;
    summary.resize(900, 700);
    summary.setInput(e.input);
    std::vector<std::size_t> expected = engineOrder(shap, 1);
    expected.resize(std::min<std::size_t>(20, shap.features));
    QCOMPARE(summary.featureOrder(), expected);
    screenshot(&summary, QStringLiteral("shap-summary-credit-g"));

    ShapDependencePlot dependence;
    dependence.resize(820, 560);
    dependence.setInput(e.input);
    dependence.setFeature(categorical);
    std::size_t present = 0;
    for (std::size_t i = 0; i < shap.rows; ++i) present += x.codes(categorical)[i] >= 0 ? 1 : 0;
    QCOMPARE(dependence.points().size(), present);
    for (const DependencePoint& p : dependence.points()) {
        QCOMPARE(p.x, double(x.codes(categorical)[p.row]));
        QCOMPARE(p.shap, shap.at(p.row, 1, categorical));
    }
    screenshot(&dependence, QStringLiteral("shap-dependence-categorical"));

    ShapWaterfallPlot waterfall;
    waterfall.setInput(e.input);
    waterfall.setMaxSteps(100);
    const QString name = QString::fromStdString(x.schema().features[categorical].name);
    const std::int32_t code = x.codes(categorical)[0];
    const QString level =
        code < 0
            ? QStringLiteral("missing")
            : QString::fromStdString(x.schema().features[categorical].levels[std::size_t(code)]);
    bool found = false;
    for (const WaterfallStep& step : waterfall.steps())
        if (step.feature == categorical) {
            QCOMPARE(step.label, QStringLiteral("%1 = %2").arg(name, level));
            found = true;
        }
    QVERIFY(found);
}

void TestShapPlots::largeBeeswarmIsSampledAndQuick() {
    const ShapPlotInput input = syntheticInput(100000, 30);
    ShapSummaryPlot plot;
    plot.resize(1000, 760);
    plot.show();
    QElapsedTimer timer;
    timer.start();
    plot.setInput(input);
    const qint64 setMs = timer.elapsed();
    QCOMPARE(plot.drawnRows().size(), std::size_t{5000});
    QCOMPARE(plot.featureOrder().size(), std::size_t{20});
    QCOMPARE(plot.dotCount(), std::size_t{20 * 5000});
    QVERIFY2(plot.caption().contains(QStringLiteral("5,000 of 100,000")),
             qPrintable(plot.caption()));
    // The drawn rows are the same for every feature (a row's dots line up) and sorted.
    QVERIFY(std::is_sorted(plot.drawnRows().begin(), plot.drawnRows().end()));
    timer.restart();
    constexpr int kReplots = 5;
    for (int i = 0; i < kReplots; ++i) plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const double replotMs = double(timer.elapsed()) / kReplots;
    qInfo("beeswarm of 100 000 rows x 30 features: setInput %lld ms, replot %.1f ms", setMs,
          replotMs);
    // Loose: a visible lag would be several hundred milliseconds.
    QVERIFY2(replotMs < 200, qPrintable(QString::number(replotMs)));
    QVERIFY2(setMs < 3000, qPrintable(QString::number(setMs)));
    screenshot(&plot, QStringLiteral("shap-summary-100k"));
    // Vector pictures of 100 000 dots stay small (the dots become one embedded image).
    QTemporaryDir dir;
    for (const char* suffix : {"svg", "pdf", "png"}) {
        const QString file = dir.filePath(QStringLiteral("big.") + QLatin1String(suffix));
        timer.restart();
        QCOMPARE(plot.exportTo(file), QString());
        qInfo("export %s: %lld ms, %lld bytes", suffix, timer.elapsed(), QFileInfo(file).size());
        QVERIFY(QFileInfo(file).size() < 8'000'000);
        const QString keep = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
        if (!keep.isEmpty())
            QFile::copy(file, keep + QStringLiteral("/export-100k.") + QLatin1String(suffix));
    }
}

void TestShapPlots::exportWritesEachFormat_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("suffix");
    for (const char* kind : {"summary", "bar", "waterfall", "dependence"})
        for (const char* suffix : {"png", "svg", "pdf"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(kind, suffix)))
                << QString(kind) << QString(suffix);
}

void TestShapPlots::exportWritesEachFormat() {
    QFETCH(QString, kind);
    QFETCH(QString, suffix);
    std::unique_ptr<ShapPlotBase> plot;
    if (kind == QLatin1String("summary"))
        plot = std::make_unique<ShapSummaryPlot>();
    else if (kind == QLatin1String("bar"))
        plot = std::make_unique<ShapBarPlot>();
    else if (kind == QLatin1String("waterfall"))
        plot = std::make_unique<ShapWaterfallPlot>();
    else
        plot = std::make_unique<ShapDependencePlot>();
    plot->resize(700, 500);
    plot->setInput(boosting_.input);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("plot.") + suffix);
    QCOMPARE(plot->exportTo(file), QString());
    const QByteArray bytes = head(file, 400);
    if (suffix == QLatin1String("png"))
        QVERIFY(bytes.startsWith("\x89PNG"));
    else if (suffix == QLatin1String("pdf"))
        QVERIFY(bytes.startsWith("%PDF"));
    else
        QVERIFY(bytes.contains("<svg"));
    QVERIFY(QFileInfo(file).size() > 1000);
    QVERIFY(!plot->exportTo(dir.filePath(QStringLiteral("plot.bmpx"))).isEmpty());
    const QString keep = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    if (!keep.isEmpty()) plot->exportTo(keep + QStringLiteral("/export-%1.%2").arg(kind, suffix));
}

QTEST_MAIN(TestShapPlots)
#include "test_shap_plots.moc"
