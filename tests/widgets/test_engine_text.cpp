// The GUI's translations of engine texts: every learner's description and every parameter help
// has a copy equal to the engine's English, the validation lines in English match the engine's
// own, and the Chinese translation replaces them.
#include <QTranslator>
#include <QtTest>
#include <algorithm>

#include "engine/learner.h"
#include "engine/preparation_pipeline.h"
#include "engine/validation.h"
#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/engine_text.h"
#include "widgets/resources.h"

using namespace glassbox;
using glassbox::gui::EngineText;

namespace {

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool hasChinese(const QString& text) {
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

}  // namespace

class TestEngineText : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void descriptionsMatchTheEngine_data();
    void descriptionsMatchTheEngine();
    void helpsMatchTheEngine_data();
    void helpsMatchTheEngine();
    void validationMatchesTheEngine_data();
    void stepDescriptionsMatchTheEngine_data();
    void stepDescriptionsMatchTheEngine();
    void stepHelpsMatchTheEngine_data();
    void stepHelpsMatchTheEngine();
    void validationMatchesTheEngine();
    void chinese_data();
    void chinese();
    void chineseSteps_data();
    void chineseSteps();

  private:
    std::shared_ptr<const LoadedTable> iris_;
};

void TestEngineText::initTestCase() {
    gui::initResources();
    iris_ = testing::readSharedDataset("iris.csv");
}

void TestEngineText::descriptionsMatchTheEngine_data() {
    QTest::addColumn<QString>("learner");
    for (const Learner* learner : allLearners())
        QTest::newRow(std::string(learner->name()).c_str()) << fromView(learner->name());
}

void TestEngineText::descriptionsMatchTheEngine() {
    QFETCH(QString, learner);
    const Learner& l = learnerNamed(learner.toStdString());
    const char* copy = EngineText::sourceDescription(l.name());
    QVERIFY2(copy, "no copy of the learner's description in widgets/engine_text.cpp");
    QCOMPARE(QString::fromUtf8(copy), fromView(l.description()));
    QCOMPARE(EngineText::learnerDescription(l), fromView(l.description()));
}

void TestEngineText::helpsMatchTheEngine_data() {
    QTest::addColumn<QString>("learner");
    QTest::addColumn<QString>("param");
    for (const Learner* learner : allLearners())
        for (const ParamSpec& spec : learner->params())
            QTest::newRow((std::string(learner->name()) + "/" + spec.name).c_str())
                << fromView(learner->name()) << QString::fromStdString(spec.name);
}

void TestEngineText::helpsMatchTheEngine() {
    QFETCH(QString, learner);
    QFETCH(QString, param);
    const ParamSpecs& specs = learnerNamed(learner.toStdString()).params();
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const ParamSpec& s) {
        return s.name == param.toStdString();
    });
    QVERIFY(spec != specs.end());
    QVERIFY2(EngineText::hasHelp(spec->help), qPrintable("no copy in widgets/engine_text.cpp of: " +
                                                         QString::fromStdString(spec->help)));
    QCOMPARE(EngineText::paramHelp(*spec), QString::fromStdString(spec->help));
}

void TestEngineText::stepDescriptionsMatchTheEngine_data() {
    QTest::addColumn<QString>("step");
    for (const PreparationStep* step : allPreparationSteps())
        QTest::newRow(std::string(step->name()).c_str()) << fromView(step->name());
}

void TestEngineText::stepDescriptionsMatchTheEngine() {
    QFETCH(QString, step);
    const PreparationStep& s = preparationStepNamed(step.toStdString());
    const char* copy = EngineText::sourceStepDescription(s.name());
    QVERIFY2(copy, "no copy of the step's description in widgets/engine_step_text.cpp");
    QCOMPARE(QString::fromUtf8(copy), fromView(s.description()));
    QCOMPARE(EngineText::stepDescription(s), fromView(s.description()));
}

void TestEngineText::stepHelpsMatchTheEngine_data() {
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("param");
    for (const PreparationStep* step : allPreparationSteps())
        for (const ParamSpec& spec : step->params())
            QTest::newRow((std::string(step->name()) + "/" + spec.name).c_str())
                << fromView(step->name()) << QString::fromStdString(spec.name);
}

void TestEngineText::stepHelpsMatchTheEngine() {
    QFETCH(QString, step);
    QFETCH(QString, param);
    const ParamSpecs& specs = preparationStepNamed(step.toStdString()).params();
    const auto spec = std::find_if(specs.begin(), specs.end(), [&](const ParamSpec& s) {
        return s.name == param.toStdString();
    });
    QVERIFY(spec != specs.end());
    QVERIFY2(EngineText::hasStepHelp(spec->help),
             qPrintable("no copy in widgets/engine_step_text.cpp of: " +
                        QString::fromStdString(spec->help)));
    QCOMPARE(EngineText::paramHelp(*spec), QString::fromStdString(spec->help));
}

void TestEngineText::validationMatchesTheEngine_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("folds");
    QTest::addColumn<double>("testFraction");
    QTest::addColumn<int>("rule");
    using K = ValidationPlan::Kind;
    const int stratified = static_cast<int>(FoldRule::Stratified);
    const int index = static_cast<int>(FoldRule::Index);
    QTest::newRow("cv 5 stratified") << int(K::CrossValidation) << 5 << 0.25 << stratified;
    QTest::newRow("cv 3 index") << int(K::CrossValidation) << 3 << 0.25 << index;
    QTest::newRow("holdout 20%") << int(K::Holdout) << 5 << 0.2 << stratified;
    QTest::newRow("holdout 10%") << int(K::Holdout) << 5 << 0.1 << index;
    QTest::newRow("training rows") << int(K::TrainingRows) << 5 << 0.25 << stratified;
}

void TestEngineText::validationMatchesTheEngine() {
    QFETCH(int, kind);
    QFETCH(int, folds);
    QFETCH(double, testFraction);
    QFETCH(int, rule);
    ValidationPlan plan;
    plan.kind = static_cast<ValidationPlan::Kind>(kind);
    plan.folds = static_cast<std::size_t>(folds);
    plan.testFraction = testFraction;
    plan.rule = static_cast<FoldRule>(rule);
    const auto fixture = testing::trainFixture(iris_, "species", "naive_bayes", {}, plan);
    const TrainingRun& run = fixture.outcome->run;
    // The English plural forms ("%n test row(s)") come from the English translation.
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/glassbox_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&english));
    QCOMPARE(EngineText::validationText(plan, run.rows.size()),
             QString::fromStdString(run.validation));
}

void TestEngineText::chinese_data() {
    QTest::addColumn<QString>("learner");
    for (const Learner* learner : allLearners())
        QTest::newRow(std::string(learner->name()).c_str()) << fromView(learner->name());
}

void TestEngineText::chinese() {
    QFETCH(QString, learner);
    const Learner& l = learnerNamed(learner.toStdString());
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/glassbox_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString description = EngineText::learnerDescription(l);
    QVERIFY2(description != fromView(l.description()) && hasChinese(description),
             qPrintable(description));
    for (const ParamSpec& spec : l.params()) {
        const QString help = EngineText::paramHelp(spec);
        QVERIFY2(help != QString::fromStdString(spec.help) && hasChinese(help),
                 qPrintable(QString::fromStdString(spec.name) + ": " + help));
    }
    QVERIFY(hasChinese(EngineText::taskText(TaskKind::Classification)));
    QVERIFY(hasChinese(EngineText::validationText(ValidationPlan{}, 0)));
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(EngineText::learnerDescription(l), fromView(l.description()));
}

void TestEngineText::chineseSteps_data() {
    QTest::addColumn<QString>("step");
    for (const PreparationStep* step : allPreparationSteps())
        QTest::newRow(std::string(step->name()).c_str()) << fromView(step->name());
}

// Every step's description and parameter help, and the facts the privacy report shows.
void TestEngineText::chineseSteps() {
    QFETCH(QString, step);
    const PreparationStep& s = preparationStepNamed(step.toStdString());
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/glassbox_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString description = EngineText::stepDescription(s);
    QVERIFY2(hasChinese(description), qPrintable(description));
    for (const ParamSpec& spec : s.params())
        QVERIFY2(hasChinese(EngineText::paramHelp(spec)), spec.name.c_str());
    for (const char* fact : {"rows at risk", "target k", "epsilon spent", "noise sd income",
                             "l-diversity diagnosis", "column age"}) {
        const QString name = EngineText::stepDetailName(fact);
        QVERIFY2(hasChinese(name), fact);
    }
    QVERIFY(EngineText::stepDetailName("noise sd income").contains(QStringLiteral("income")));
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(EngineText::stepDetailName("noise sd income"), QStringLiteral("noise sd income"));
    QCOMPARE(EngineText::stepDetailName("income"), QStringLiteral("income"));
}

QTEST_MAIN(TestEngineText)
#include "test_engine_text.moc"
