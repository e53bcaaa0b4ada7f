// Tuning from a table with preparation steps: each candidate's fold scores equal what
// trainOnTable gives that candidate on the same folds (the steps fitted on each fold's training
// rows), without steps it is tune() itself, and the refitted best carries its steps.
#include <QtTest>

#include "engine/errors.h"
#include "engine/model_file.h"
#include "engine/table_reader.h"
#include "engine/table_training.h"
#include "engine/table_tuning.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;
using namespace glassbox::test;

namespace {

const Table& creditG() {
    static const Table table =
        readTable(GLASSBOX_SHARED_DIR "/datasets/credit-g.arff", ReadOptions{}).table;
    return table;
}

PipelineSpec stepsOf(const std::vector<std::string>& texts) {
    return parsePipelineTexts(texts);
}

std::vector<ParamValues> candidatesOf(const Learner& learner,
                                      const std::vector<std::string>& settings) {
    std::vector<ParamValues> out;
    for (const std::string& s : settings) out.push_back(paramsOf(learner, paramMap(s)));
    return out;
}

}  // namespace

class TableTuningTest : public QObject {
    Q_OBJECT

  private slots:
    void candidatesScoreAsTrainingThem_data();
    void candidatesScoreAsTrainingThem();
    void withoutStepsItIsTune();
    void refittedBestCarriesItsSteps();
    void errorsNameTheOption();
};

void TableTuningTest::candidatesScoreAsTrainingThem_data() {
    QTest::addColumn<QString>("learner");
    QTest::addColumn<QStringList>("settings");
    QTest::addColumn<QStringList>("steps");
    QTest::newRow("logistic, smote-nc + scale")
        << "logistic_regression" << QStringList{"C=0.1", "C=1"}
        << QStringList{"smote-nc:k=5", "scale"};
    QTest::newRow("tree, outliers dropped + encode")
        << "decision_tree" << QStringList{"max_depth=3", "max_depth=6"}
        << QStringList{"outliers:method=iqr,action=drop", "encode"};
}

void TableTuningTest::candidatesScoreAsTrainingThem() {
    QFETCH(QString, learner);
    QFETCH(QStringList, settings);
    QFETCH(QStringList, steps);
    const Learner& l = learnerNamed(learner.toStdString());
    std::vector<std::string> settingTexts, stepTexts;
    for (const QString& s : settings) settingTexts.push_back(s.toStdString());
    for (const QString& s : steps) stepTexts.push_back(s.toStdString());
    const PipelineSpec spec = stepsOf(stepTexts);
    const std::vector<ParamValues> candidates = candidatesOf(l, settingTexts);

    TuningOptions options;
    options.folds = 4;
    options.seed = 11;
    options.metric = "balanced_accuracy";
    options.refit = false;
    const TableTuningRun tuned = tuneOnTable(l, creditG(), "class", std::nullopt, std::nullopt,
                                             spec, candidates, options, {});
    QCOMPARE(tuned.result.candidates.size(), candidates.size());
    QCOMPARE(tuned.rows, creditG().rowCount());

    ValidationPlan plan;
    plan.folds = 4;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const TableTrainingRun trained =
            trainOnTable(l, creditG(), "class", std::nullopt, std::nullopt, spec, candidates[c],
                         plan, FitOptions{11, 1}, {});
        const TuningCandidate& candidate = tuned.result.candidates[c];
        QCOMPARE(candidate.perFold.size(), trained.run.perFold.size());
        for (std::size_t k = 0; k < candidate.perFold.size(); ++k)
            QCOMPARE(candidate.foldScores[k], *trained.run.perFold[k].get("balanced_accuracy"));
        QCOMPARE(*candidate.pooled.get("accuracy"), *trained.run.metrics.get("accuracy"));
        QCOMPARE(candidate.pooled.confusion, trained.run.metrics.confusion);
    }
    const std::size_t best = tuned.result.best;
    for (const TuningCandidate& c : tuned.result.candidates)
        QVERIFY(c.mean <= tuned.result.candidates[best].mean);
}

void TableTuningTest::withoutStepsItIsTune() {
    const Learner& l = learnerNamed("decision_tree");
    const std::vector<ParamValues> candidates = candidatesOf(l, {"max_depth=2", "max_depth=5"});
    TuningOptions options;
    options.folds = 3;
    options.seed = 5;
    const TableTuningRun fromTable =
        tuneOnTable(l, creditG(), "class", std::nullopt, std::nullopt, {}, candidates, options, {});
    const TuningResult direct =
        tune(l, makeDataset(creditG(), "class", std::nullopt).dataset, candidates, options, {});
    QCOMPARE(fromTable.result.best, direct.best);
    for (std::size_t c = 0; c < candidates.size(); ++c)
        QCOMPARE(fromTable.result.candidates[c].foldScores, direct.candidates[c].foldScores);
    QVERIFY(fromTable.best.has_value());
    QVERIFY(fromTable.best->preparation.empty());
}

void TableTuningTest::refittedBestCarriesItsSteps() {
    const Learner& l = learnerNamed("logistic_regression");
    const PipelineSpec spec = stepsOf({"oversample", "scale"});
    TuningOptions options;
    options.folds = 3;
    options.seed = 2;
    const TableTuningRun tuned = tuneOnTable(l, creditG(), "class", std::nullopt, std::nullopt,
                                             spec, candidatesOf(l, {"C=0.01", "C=1"}), options, {});
    QVERIFY(tuned.best.has_value());
    QCOMPARE(tuned.best->preparation.size(), std::size_t(2));
    QCOMPARE(pipelineJson(tuned.best->preparation.spec()), pipelineJson(spec));
    QCOMPARE(tuned.best->params.all(), tuned.result.candidates[tuned.result.best].params.all());

    // The same model as training the best setting on every row with the same steps.
    ValidationPlan all;
    all.kind = ValidationPlan::Kind::TrainingRows;
    const TableTrainingRun trained =
        trainOnTable(l, creditG(), "class", std::nullopt, std::nullopt, spec, tuned.best->params,
                     all, FitOptions{2, 1}, {});
    const Predictions a = tuned.best->predict(creditG(), "credit-g", {});
    const Predictions b = trained.run.trained.predict(creditG(), "credit-g", {});
    QCOMPARE(a.probabilities, b.probabilities);
    // And it survives the model file.
    const TrainedModel back = deserializeModel(serializeModel(*tuned.best), "best.gbx");
    QCOMPARE(back.predict(creditG(), "credit-g", {}).probabilities, a.probabilities);
}

void TableTuningTest::errorsNameTheOption() {
    const Learner& l = learnerNamed("decision_tree");
    const PipelineSpec spec = stepsOf({"scale"});
    TuningOptions options;
    options.folds = 1;
    try {
        tuneOnTable(l, creditG(), "class", std::nullopt, std::nullopt, spec,
                    candidatesOf(l, {"max_depth=2"}), options, {});
        QFAIL("one fold was accepted");
    } catch (const InvalidArgument& e) {
        QCOMPARE(e.parameter(), std::string("--cv"));
    }
    options.folds = 3;
    try {
        tuneOnTable(l, creditG(), "class", std::nullopt, std::nullopt, spec, {}, options, {});
        QFAIL("no candidates were accepted");
    } catch (const InvalidArgument& e) {
        QCOMPARE(e.parameter(), std::string("--grid"));
    }
    // A learner that cannot do the task is refused before anything is fitted, with or without
    // steps, when tuning and when training.
    const Learner& linear = learnerNamed("linear_regression");
    for (const PipelineSpec& steps : {spec, PipelineSpec{}}) {
        try {
            tuneOnTable(linear, creditG(), "class", std::nullopt, std::nullopt, steps,
                        candidatesOf(linear, {""}), options, {});
            QFAIL("linear regression was tuned on classes");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("learner"));
        }
        try {
            trainOnTable(linear, creditG(), "class", std::nullopt, std::nullopt, steps,
                         paramsOf(linear), ValidationPlan{}, FitOptions{}, {});
            QFAIL("linear regression was trained on classes");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("learner"));
        }
    }
    options.metric = "r2";
    try {
        tuneOnTable(l, creditG(), "class", std::nullopt, std::nullopt, spec,
                    candidatesOf(l, {"max_depth=2"}), options, {});
        QFAIL("a regression metric was accepted for classification");
    } catch (const InvalidArgument& e) {
        QCOMPARE(e.parameter(), std::string("--metric"));
    }
}

QTEST_APPLESS_MAIN(TableTuningTest)
#include "test_table_tuning.moc"
