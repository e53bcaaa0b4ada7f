// The partial-dependence plot against the engine: partialDependence computed here for a numeric
// feature of a classifier and a regressor and a categorical feature of credit-g, then the drawn
// average and the number of ICE lines checked; picture export in each format.
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <numeric>

#include "engine/partial_dependence.h"
#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/pdp_plot.h"

using namespace glassbox;
using namespace glassbox::gui;

namespace {

struct Case {
    testing::TrainedFixture fixture;
    std::shared_ptr<const PartialDependence> pd;
    QStringList classes;
    QString feature;
};

Case compute(const std::string& file, const std::string& target, const std::string& learner,
             const std::string& feature, std::size_t rows, std::size_t points) {
    Case c;
    ValidationPlan plan;
    plan.kind = ValidationPlan::Kind::TrainingRows;
    c.fixture = testing::trainFixture(testing::readSharedDataset(file), target, learner,
                                      {{"n_estimators", "20"}}, plan);
    const Dataset& data = c.fixture.data.dataset;
    std::size_t index = 0;
    while (data.features.schema().features[index].name != feature) ++index;
    PartialDependenceOptions options;
    options.points = points;
    options.rows.resize(rows);
    std::iota(options.rows.begin(), options.rows.end(), std::size_t{0});
    options.threads = 2;
    c.pd = std::make_shared<const PartialDependence>(partialDependence(
        *c.fixture.outcome->run.trained.model, data.features, index, options, {}));
    for (const std::string& name : data.classes) c.classes << QString::fromStdString(name);
    c.feature = QString::fromStdString(feature);
    return c;
}

void screenshot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("GLASSBOX_SCREENSHOT_DIR");
    if (!dir.isEmpty()) widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

}  // namespace

class TestPdpPlot : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void lineIsTheEnginesAverage_data();
    void lineIsTheEnginesAverage();
    void manyIceCurvesAreSampled();
    void exportWritesEachFormat_data();
    void exportWritesEachFormat();

  private:
    std::map<QString, Case> cases_;
};

void TestPdpPlot::initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    cases_["breast_cancer"] =
        compute("breast_cancer.csv", "diagnosis", "gradient_boosting", "worst area", 120, 40);
    cases_["diabetes"] =
        compute("diabetes_regression.csv", "progression", "random_forest", "bmi", 80, 30);
    cases_["credit-g"] = compute("credit-g.arff", "class", "random_forest", "purpose", 60, 100);
    QVERIFY(cases_["credit-g"].pd->categorical);
    QVERIFY(!cases_["diabetes"].pd->categorical);
}

void TestPdpPlot::lineIsTheEnginesAverage_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("output");
    QTest::newRow("breast_cancer, class 1") << "breast_cancer" << 1;
    QTest::newRow("breast_cancer, class 0") << "breast_cancer" << 0;
    QTest::newRow("diabetes (regression)") << "diabetes" << 0;
    QTest::newRow("credit-g purpose (categorical)") << "credit-g" << 1;
}

void TestPdpPlot::lineIsTheEnginesAverage() {
    QFETCH(QString, name);
    QFETCH(int, output);
    const Case& c = cases_.at(name);
    PdpPlot plot;
    plot.resize(820, 540);
    plot.setPartialDependence(c.pd, c.feature, c.classes, QStringLiteral("progression"));
    plot.setOutput(std::size_t(output));
    QCOMPARE(plot.output(), std::size_t(output));
    const PartialDependence& pd = *c.pd;
    QCOMPARE(plot.averageLine().size(), pd.grid.size());
    for (std::size_t g = 0; g < pd.grid.size(); ++g)
        QCOMPARE(plot.averageLine()[g], pd.averageAt(g, std::size_t(output)));
    QCOMPARE(plot.iceLineCount(), pd.rows.size());
    plot.setShowIce(false);
    QCOMPARE(plot.iceLineCount(), std::size_t{0});
    plot.setShowIce(true);
    if (output == 1 || name == QLatin1String("diabetes"))
        screenshot(&plot, QStringLiteral("pdp-") + name);
}

void TestPdpPlot::manyIceCurvesAreSampled() {
    const Case& c = cases_.at(QStringLiteral("breast_cancer"));
    PdpPlot plot;
    plot.setMaxIceLines(25);
    plot.setPartialDependence(c.pd, c.feature, c.classes);
    QCOMPARE(plot.iceLineCount(), std::size_t{25});
    QVERIFY2(plot.caption().contains(QStringLiteral("25 of 120")), qPrintable(plot.caption()));
    // The average is still over every row.
    QCOMPARE(plot.averageLine()[3], c.pd->averageAt(3, 1));
}

void TestPdpPlot::exportWritesEachFormat_data() {
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "svg" << QByteArray("<svg");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF");
}

void TestPdpPlot::exportWritesEachFormat() {
    QFETCH(QString, suffix);
    QFETCH(QByteArray, magic);
    const Case& c = cases_.at(QStringLiteral("diabetes"));
    PdpPlot plot;
    plot.resize(700, 480);
    plot.setPartialDependence(c.pd, c.feature, {}, QStringLiteral("progression"));
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("pdp.") + suffix);
    QCOMPARE(plot.exportTo(file), QString());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(400).contains(magic));
    QVERIFY(f.size() > 1000);
}

QTEST_MAIN(TestPdpPlot)
#include "test_pdp_plot.moc"
