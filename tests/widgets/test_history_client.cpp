// The history client: answers by queued signals from its own thread, stale answers of
// superseded requests dropped, changes followed by a refresh, the engine's messages for
// failures, and a refused file left unchanged.
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "engine/dataset_fingerprint.h"
#include "engine/learner.h"
#include "engine/model_registry.h"
#include "engine/table_reader.h"
#include "engine/training_run.h"
#include "widgets/history_client.h"

using namespace glassbox;
using namespace glassbox::gui;

namespace {

constexpr int kTimeout = 20000;
const std::string kIris = GLASSBOX_SHARED_DIR "/datasets/iris.csv";

std::int64_t addTree(ModelRegistry& registry, const std::string& depth) {
    const LoadedTable loaded = readTable(kIris, ReadOptions{});
    const Dataset data = makeDataset(loaded.table, "species", std::nullopt).dataset;
    const Learner& learner = learnerNamed("decision_tree");
    ValidationPlan plan;
    plan.kind = ValidationPlan::Kind::Holdout;
    const TrainingRun run = trainAndValidate(
        learner, data, ParamValues::resolve(learner.params(), {{"max_depth", depth}}), plan,
        FitOptions{1, 1}, {});
    NewVersion version;
    version.metrics = run.metrics;
    version.validation = run.validation;
    version.dataset =
        fingerprintDataFile(kIris, loaded.table.rowCount(), loaded.table.columnCount(), {});
    return registry.addVersion(run.trained, version);
}

// Waits until every request was answered.
bool settle(const HistoryClient& client) {
    QElapsedTimer timer;
    timer.start();
    while (client.pendingRequests() > 0 && timer.elapsed() < kTimeout) QTest::qWait(10);
    return client.pendingRequests() == 0;
}

}  // namespace

class TestHistoryClient : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void listsOnItsOwnThread();
    void staleAnswersAreDropped();
    void changeIsFollowedByARefresh();
    void unknownVersionFailsWithTheEnginesMessage();
    void refusedFileIsReportedAndLeftUnchanged();

  private:
    QTemporaryDir dir_;
    QString path_;
    std::int64_t a_ = 0;
    std::int64_t b_ = 0;
};

void TestHistoryClient::initTestCase() {
    QVERIFY(dir_.isValid());
    path_ = dir_.filePath("history/registry.sqlite");  // the folder is created
    ModelRegistry registry = ModelRegistry::open(path_.toStdString());
    a_ = addTree(registry, "1");
    b_ = addTree(registry, "3");
}

void TestHistoryClient::listsOnItsOwnThread() {
    HistoryClient client(path_);
    QCOMPARE(client.registryPath(), path_);
    QThread* answeredOn = nullptr;
    connect(
        &client, &HistoryClient::versionsListed, &client,
        [&answeredOn](auto) { answeredOn = QThread::currentThread(); }, Qt::DirectConnection);
    QSignalSpy listed(&client, &HistoryClient::versionsListed);
    const int request = client.refresh();
    QVERIFY(request > 0);
    QCOMPARE(client.pendingRequests(), 1);
    QVERIFY(listed.wait(kTimeout));
    QCOMPARE(answeredOn, QThread::currentThread());  // delivered on the GUI thread
    const auto versions = listed.at(0).at(0).value<std::shared_ptr<const VersionList>>();
    QVERIFY(versions);
    const auto expected = ModelRegistry::open(path_.toStdString()).list();
    QCOMPARE(versions->size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE((*versions)[i].id, expected[i].id);
        QCOMPARE((*versions)[i].metric("accuracy"), expected[i].metric("accuracy"));
    }
    // The worker runs on a thread of its own.
    QThread* thread = client.findChild<QThread*>();
    QVERIFY(thread && thread->isRunning() && thread != QThread::currentThread());
}

void TestHistoryClient::staleAnswersAreDropped() {
    HistoryClient client(path_);
    QSignalSpy details(&client, &HistoryClient::detailsReady);
    QSignalSpy series(&client, &HistoryClient::seriesReady);
    QSignalSpy compared(&client, &HistoryClient::comparisonReady);
    client.requestDetails(a_);
    client.requestDetails(b_);
    client.requestSeries("accuracy", "species");
    client.requestSeries("f1", "species");
    client.requestComparison(a_, b_);
    client.requestComparison(b_, a_);
    QVERIFY(settle(client));
    QCOMPARE(details.size(), 1);
    QCOMPARE(details.at(0).at(0).value<std::shared_ptr<const VersionDetails>>()->version.id, b_);
    QCOMPARE(series.size(), 1);
    const auto points = series.at(0).at(0).value<std::shared_ptr<const MetricSeries>>();
    QCOMPARE(points->metric, std::string("f1"));
    const auto expected = ModelRegistry::open(path_.toStdString()).series("f1", "species");
    QCOMPARE(points->points.size(), expected.size());
    QCOMPARE(points->points.back().value, expected.back().value);
    QCOMPARE(compared.size(), 1);
    const auto comparison = compared.at(0).at(0).value<std::shared_ptr<const VersionComparison>>();
    QCOMPARE(comparison->a.id, b_);
    QCOMPARE(comparison->b.id, a_);
}

void TestHistoryClient::changeIsFollowedByARefresh() {
    HistoryClient client(path_);
    QSignalSpy changed(&client, &HistoryClient::changed);
    QSignalSpy listed(&client, &HistoryClient::versionsListed);
    client.setStage(a_, Stage::Staging);
    client.addTag(a_, "nightly");
    QVERIFY(settle(client));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).toLongLong(), a_);
    // Two refreshes were asked for; the second superseded the first.
    QCOMPARE(listed.size(), 1);
    const auto versions = listed.at(0).at(0).value<std::shared_ptr<const VersionList>>();
    const auto it = std::find_if(versions->begin(), versions->end(),
                                 [this](const ModelVersion& v) { return v.id == a_; });
    QVERIFY(it != versions->end());
    QCOMPARE(it->stage, Stage::Staging);
    QCOMPARE(it->tags, std::vector<std::string>{"nightly"});
}

void TestHistoryClient::unknownVersionFailsWithTheEnginesMessage() {
    HistoryClient client(path_);
    QSignalSpy failed(&client, &HistoryClient::failed);
    QSignalSpy changed(&client, &HistoryClient::changed);
    client.requestDetails(987654);
    client.setNotes(987654, "x");
    QVERIFY(settle(client));
    QCOMPARE(failed.size(), 2);
    QCOMPARE(changed.size(), 0);
    std::string engineMessage;
    try {
        ModelRegistry::open(path_.toStdString()).show(987654);
    } catch (const std::exception& e) {
        engineMessage = e.what();
    }
    QVERIFY(!engineMessage.empty());
    QCOMPARE(failed.at(0).at(0).toString(), QString::fromStdString(engineMessage));
}

void TestHistoryClient::refusedFileIsReportedAndLeftUnchanged() {
    const QString path = dir_.filePath("notes.txt");
    const QByteArray bytes = "not a database, just some notes\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    HistoryClient client(path);
    QSignalSpy failed(&client, &HistoryClient::failed);
    client.refresh();
    QVERIFY(failed.wait(kTimeout));
    QVERIFY2(failed.at(0).at(0).toString().contains("not a Glassbox model history"),
             qPrintable(failed.at(0).at(0).toString()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), bytes);
}

QTEST_MAIN(TestHistoryClient)
#include "test_history_client.moc"
