// The training queue: jobs run one at a time on the training thread, results equal the
// engine's, versions saved in the history, cancel within a second leaves nothing, errors come
// back as messages, and the GUI thread stays responsive while a big model trains.
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <random>

#include "engine/model_registry.h"
#include "engine/table_reader.h"
#include "engine/table_training.h"
#include "engine/tuning.h"
#include "widgets/training_queue.h"

using namespace glassbox;
using glassbox::gui::TrainingOutcome;
using glassbox::gui::TrainingQueue;
using glassbox::gui::TrainingRequest;
using glassbox::gui::TuningOutcome;
using glassbox::gui::TuningRequest;

namespace {

constexpr int kTimeout = 120000;

std::shared_ptr<const Table> iris() {
    static const auto table = std::make_shared<const Table>(
        readTable(GLASSBOX_SHARED_DIR "/datasets/iris.csv", ReadOptions{}).table);
    return table;
}

// `rows` rows of 6 noisy numeric features and a 0/1 label that depends on them.
std::shared_ptr<const Table> synthetic(std::size_t rows) {
    std::mt19937_64 random(7);
    std::normal_distribution<double> normal;
    std::vector<std::vector<double>> x(6, std::vector<double>(rows));
    std::vector<double> label(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        double score = 0;
        for (std::size_t f = 0; f < x.size(); ++f) {
            x[f][r] = normal(random);
            score += (f % 2 ? -0.7 : 1.0) * x[f][r] * (f < 3 ? 1.0 : x[0][r]);
        }
        label[r] = score + normal(random) > 0 ? 1 : 0;
    }
    std::vector<Column> columns;
    for (std::size_t f = 0; f < x.size(); ++f)
        columns.push_back(
            Column::numeric("x" + std::to_string(f), std::move(x[f]), ValidityMask(rows, true)));
    columns.push_back(Column::numeric("label", std::move(label), ValidityMask(rows, true)));
    return std::make_shared<const Table>(std::move(columns));
}

TrainingRequest treeRequest(std::size_t depth) {
    TrainingRequest request;
    request.learner = "decision_tree";
    request.params = {{"max_depth", std::to_string(depth)}};
    request.target = "species";
    request.validation.kind = ValidationPlan::Kind::CrossValidation;
    request.validation.folds = 5;
    request.seed = 3;
    request.source.displayName = "iris.csv";
    request.source.path = GLASSBOX_SHARED_DIR "/datasets/iris.csv";
    return request;
}

std::shared_ptr<const TrainingOutcome> outcomeAt(const QSignalSpy& spy, int i) {
    return spy.at(i).at(0).value<std::shared_ptr<const TrainingOutcome>>();
}

}  // namespace

class TestTrainingQueue : public QObject {
    Q_OBJECT

  private slots:
    void trainsLikeTheEngineAndSavesAVersion_data();
    void trainsLikeTheEngineAndSavesAVersion();
    void preparationIsFittedInFoldsAndSavedWithTheVersion();
    void jobsRunOneAtATimeInOrder();
    void unsavedRunAddsNoVersion();
    void badParameterFailsNamingIt();
    void cancelStopsWithinASecondAndLeavesNoVersion();
    void cancelledQueuedJobNeverRuns();
    void tuningMatchesTheEngine();
    void guiThreadStaysResponsiveWhileBoostingTrains();

  private:
    QString registry() const { return dir_.filePath("registry.sqlite"); }
    QTemporaryDir dir_;
};

void TestTrainingQueue::trainsLikeTheEngineAndSavesAVersion_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("5-fold") << int(ValidationPlan::Kind::CrossValidation);
    QTest::newRow("holdout") << int(ValidationPlan::Kind::Holdout);
    QTest::newRow("training rows") << int(ValidationPlan::Kind::TrainingRows);
}

void TestTrainingQueue::trainsLikeTheEngineAndSavesAVersion() {
    QFETCH(int, kind);
    TrainingQueue queue(registry());
    QSignalSpy finished(&queue, &TrainingQueue::trainingFinished);
    QSignalSpy failed(&queue, &TrainingQueue::jobFailed);
    connect(&queue, &TrainingQueue::jobFailed, this,
            [](int, const QString& message) { qWarning("%s", qPrintable(message)); });
    TrainingRequest request = treeRequest(3);
    request.validation.kind = ValidationPlan::Kind(kind);
    request.validation.testFraction = 0.3;
    request.features =
        std::vector<std::string>{"petal length (cm)", "petal width (cm)", "sepal length (cm)"};
    queue.enqueue(iris(), request);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, kTimeout);
    QCOMPARE(failed.count(), 0);
    const auto outcome = outcomeAt(finished, 0);

    const Learner& learner = learnerNamed("decision_tree");
    const DatasetResult built = makeDataset(*iris(), "species", std::nullopt, request.features);
    const TrainingRun expected = trainAndValidate(
        learner, built.dataset, ParamValues::resolve(learner.params(), request.params),
        request.validation, FitOptions{3, 1}, {});
    QCOMPARE(outcome->run.rows, expected.rows);
    QCOMPARE(outcome->run.metrics.confusion, expected.metrics.confusion);
    QCOMPARE(*outcome->run.metrics.get("accuracy"), *expected.metrics.get("accuracy"));
    QCOMPARE(outcome->featureNames.size(), std::size_t(3));
    QCOMPARE(outcome->truth.size(), outcome->run.rows.size());
    for (std::size_t i = 0; i < outcome->truth.size(); ++i)
        QCOMPARE(outcome->truth[i], built.dataset.labels[outcome->run.rows[i]]);

    QVERIFY(outcome->version.has_value());
    QVERIFY2(outcome->historyError.isEmpty(), qPrintable(outcome->historyError));
    const ModelVersion saved =
        ModelRegistry::open(registry().toStdString()).show(*outcome->version);
    QCOMPARE(saved.learner, std::string("decision_tree"));
    QCOMPARE(saved.params.at("max_depth"), std::string("3"));
    QCOMPARE(*saved.metric("accuracy"), *expected.metrics.get("accuracy"));
    QVERIFY(saved.dataset.sha256.size() == 64);
    QCOMPARE(saved.dataset.rows, std::uint64_t(150));
}

// Steps attached to a request are trained the way the engine's trainOnTable trains them (fitted
// inside each fold), and the version carries them: its model prepares raw rows itself.
void TestTrainingQueue::preparationIsFittedInFoldsAndSavedWithTheVersion() {
    TrainingQueue queue(registry());
    QSignalSpy finished(&queue, &TrainingQueue::trainingFinished);
    QSignalSpy failed(&queue, &TrainingQueue::jobFailed);
    connect(&queue, &TrainingQueue::jobFailed, this,
            [](int, const QString& message) { qWarning("%s", qPrintable(message)); });
    TrainingRequest request = treeRequest(3);
    request.preparation = {"scale:method=standard", "oversample"};
    queue.enqueue(iris(), request);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, kTimeout);
    QCOMPARE(failed.count(), 0);
    const auto outcome = outcomeAt(finished, 0);

    const Learner& learner = learnerNamed("decision_tree");
    const PipelineSpec steps = parsePipelineTexts(request.preparation);
    const TableTrainingRun expected =
        trainOnTable(learner, *iris(), "species", std::nullopt, std::nullopt, steps,
                     ParamValues::resolve(learner.params(), request.params), request.validation,
                     FitOptions{3, 1}, {});
    QCOMPARE(outcome->run.rows, expected.run.rows);
    QCOMPARE(outcome->run.metrics.confusion, expected.run.metrics.confusion);
    QCOMPARE(outcome->run.predictions.probabilities, expected.run.predictions.probabilities);
    QCOMPARE(outcome->run.trained.preparation.size(), std::size_t(2));

    QVERIFY(outcome->version.has_value());
    ModelRegistry history = ModelRegistry::open(registry().toStdString());
    QCOMPARE(history.show(*outcome->version).preparationJson, pipelineJson(steps));
    const TrainedModel saved = history.loadModel(*outcome->version);
    const Predictions fromHistory = saved.predict(*iris(), "iris.csv", {});
    const Predictions fromRun = outcome->run.trained.predict(*iris(), "iris.csv", {});
    QCOMPARE(fromHistory.probabilities, fromRun.probabilities);
}

void TestTrainingQueue::jobsRunOneAtATimeInOrder() {
    TrainingQueue queue(registry());
    QSignalSpy started(&queue, &TrainingQueue::jobStarted);
    QSignalSpy finished(&queue, &TrainingQueue::trainingFinished);
    const int a = queue.enqueue(iris(), treeRequest(1));
    const int b = queue.enqueue(iris(), treeRequest(2));
    const int c = queue.enqueue(iris(), treeRequest(3));
    QCOMPARE(queue.pendingCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, kTimeout);
    QCOMPARE(queue.pendingCount(), 0);
    QCOMPARE(started.count(), 3);
    QCOMPARE(started.at(0).at(0).toInt(), a);
    QCOMPARE(started.at(1).at(0).toInt(), b);
    QCOMPARE(started.at(2).at(0).toInt(), c);
    QCOMPARE(outcomeAt(finished, 2)->job, c);
    QCOMPARE(outcomeAt(finished, 2)->run.trained.params.text("max_depth"), std::string("3"));
}

void TestTrainingQueue::unsavedRunAddsNoVersion() {
    TrainingQueue queue(registry());
    QSignalSpy finished(&queue, &TrainingQueue::trainingFinished);
    const std::size_t before = ModelRegistry::open(registry().toStdString()).list().size();
    TrainingRequest request = treeRequest(2);
    request.saveToHistory = false;
    queue.enqueue(iris(), request);
    QVERIFY(finished.wait(kTimeout));
    QVERIFY(!outcomeAt(finished, 0)->version);
    QCOMPARE(ModelRegistry::open(registry().toStdString()).list().size(), before);
}

void TestTrainingQueue::badParameterFailsNamingIt() {
    TrainingQueue queue(registry());
    QSignalSpy failed(&queue, &TrainingQueue::jobFailed);
    TrainingRequest request = treeRequest(2);
    request.params["max_depth"] = "-4";
    queue.enqueue(iris(), request);
    QVERIFY(failed.wait(kTimeout));
    QVERIFY2(failed.at(0).at(1).toString().contains("max_depth"),
             qPrintable(failed.at(0).at(1).toString()));
    QCOMPARE(queue.pendingCount(), 0);
}

void TestTrainingQueue::cancelStopsWithinASecondAndLeavesNoVersion() {
    const std::size_t before = ModelRegistry::open(registry().toStdString()).list().size();
    TrainingQueue queue(registry());
    QSignalSpy progress(&queue, &TrainingQueue::jobProgress);
    QSignalSpy cancelled(&queue, &TrainingQueue::jobCancelled);
    QSignalSpy finished(&queue, &TrainingQueue::trainingFinished);
    TrainingRequest request;
    request.learner = "gradient_boosting";
    request.params = {{"n_estimators", "2000"}};
    request.target = "label";
    request.validation.folds = 5;
    const int job = queue.enqueue(synthetic(100000), request);
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 3, kTimeout);
    QElapsedTimer clock;
    clock.start();
    queue.cancel(job);
    QVERIFY(cancelled.wait(5000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(cancelled.at(0).at(0).toInt(), job);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(ModelRegistry::open(registry().toStdString()).list().size(), before);
}

void TestTrainingQueue::cancelledQueuedJobNeverRuns() {
    TrainingQueue queue(registry());
    QSignalSpy started(&queue, &TrainingQueue::jobStarted);
    QSignalSpy finished(&queue, &TrainingQueue::trainingFinished);
    QSignalSpy cancelled(&queue, &TrainingQueue::jobCancelled);
    queue.enqueue(iris(), treeRequest(2));
    const int second = queue.enqueue(iris(), treeRequest(3));
    queue.cancel(second);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(queue.pendingCount(), 1);
    QVERIFY(finished.wait(kTimeout));
    QTest::qWait(200);
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 1);
}

void TestTrainingQueue::tuningMatchesTheEngine() {
    TrainingQueue queue(registry());
    QSignalSpy finished(&queue, &TrainingQueue::tuningFinished);
    TuningRequest request;
    request.learner = "decision_tree";
    request.values = {"max_depth=1,2,3,none"};
    request.fixedParams = {{"criterion", "entropy"}};
    request.target = "species";
    request.folds = 4;
    request.seed = 5;
    queue.enqueueTuning(iris(), request);
    QVERIFY(finished.wait(kTimeout));
    const auto outcome = finished.at(0).at(0).value<std::shared_ptr<const TuningOutcome>>();
    QCOMPARE(outcome->candidates.size(), std::size_t(4));
    QCOMPARE(outcome->searched, std::vector<std::string>{"max_depth"});
    QCOMPARE(outcome->metric, std::string("accuracy"));

    const Learner& learner = learnerNamed("decision_tree");
    std::vector<ParamValues> candidates;
    for (const char* depth : {"1", "2", "3", "none"})
        candidates.push_back(ParamValues::resolve(
            learner.params(), {{"max_depth", depth}, {"criterion", "entropy"}}));
    TuningOptions options;
    options.folds = 4;
    options.seed = 5;
    options.refit = false;
    const TuningResult expected = tune(
        learner, makeDataset(*iris(), "species", std::nullopt).dataset, candidates, options, {});
    QCOMPARE(outcome->best, expected.best);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        QCOMPARE(outcome->candidates[i].mean, expected.candidates[i].mean);
        QCOMPARE(outcome->candidates[i].params.text("criterion"), std::string("entropy"));
    }
}

// The responsiveness goal: while gradient boosting trains on 200 000 rows, a timer
// on the GUI thread never fires more than 50 ms late.
void TestTrainingQueue::guiThreadStaysResponsiveWhileBoostingTrains() {
    TrainingQueue queue(registry());
    QSignalSpy finished(&queue, &TrainingQueue::trainingFinished);
    QSignalSpy progress(&queue, &TrainingQueue::jobProgress);
    TrainingRequest request;
    request.learner = "gradient_boosting";
    request.params = {{"n_estimators", "400"}, {"early_stopping", "false"}};
    request.target = "label";
    request.validation.kind = ValidationPlan::Kind::Holdout;
    request.validation.testFraction = 0.2;
    request.saveToHistory = true;
    const auto table = synthetic(200000);

    constexpr int kInterval = 10;
    QElapsedTimer clock;
    qint64 last = -1;
    qint64 worstLateness = 0;
    int ticks = 0;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(kInterval);
    connect(&timer, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        if (last >= 0) worstLateness = std::max(worstLateness, now - last - kInterval);
        last = now;
        ++ticks;
    });
    clock.start();
    timer.start();
    queue.enqueue(table, request);
    QVERIFY(finished.wait(600000));
    timer.stop();
    const double seconds = clock.elapsed() / 1000.0;
    qInfo("trained in %.1f s; %d ticks; %d progress reports; worst lateness %lld ms", seconds,
          ticks, int(progress.count()), worstLateness);
    QVERIFY(outcomeAt(finished, 0)->run.metrics.get("auc").value() > 0.7);
    QVERIFY(progress.count() > 5);
    QVERIFY2(worstLateness <= 50, qPrintable(QString::number(worstLateness)));
}

QTEST_MAIN(TestTrainingQueue)
#include "test_training_queue.moc"
