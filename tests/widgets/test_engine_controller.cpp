// The engine thread: loads and statistics answered through queued signals, cancel, stale
// answers dropped, engine errors turned into messages.
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "widgets/engine_controller.h"

using namespace glassbox;
using glassbox::gui::EngineController;

namespace {

const QString kIris = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/iris.csv");
const QString kWine = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/wine.csv");
constexpr int kTimeout = 20000;

std::shared_ptr<const Table> bigNumericTable(std::size_t rows) {
    std::vector<double> values(rows);
    for (std::size_t i = 0; i < rows; ++i) values[i] = static_cast<double>((i * 7919) % 100003);
    std::vector<Column> columns;
    columns.push_back(Column::numeric("a", values, ValidityMask(rows, true)));
    columns.push_back(Column::numeric("b", std::move(values), ValidityMask(rows, true)));
    return std::make_shared<const Table>(std::move(columns));
}

std::shared_ptr<const LoadedTable> loadedAt(const QSignalSpy& spy, int index) {
    return spy.at(index).at(0).value<std::shared_ptr<const LoadedTable>>();
}

}  // namespace

class TestEngineController : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void loadsFileOnTheEngineThread();
    void loadsInMemoryFile();
    void cancelledLoadGivesNoTable();
    void cancelWhileLoading();
    void staleLoadAnswerIsDropped();
    void parseErrorNamesFileLineColumn();
    void missingFileIsAnError();
    void computesStatsOnTheEngineThread();
    void newStatsRequestSupersedesTheRunningOne();
    void destructorCancelsRunningLoad();

  private:
    QTemporaryDir dataDir_;
    QString bigCsv_;
};

void TestEngineController::loadsFileOnTheEngineThread() {
    EngineController engine;
    QSignalSpy loaded(&engine, &EngineController::loaded);
    QSignalSpy failed(&engine, &EngineController::loadFailed);
    engine.openFile(kIris);
    QVERIFY(engine.isLoading());
    QVERIFY2(loaded.wait(kTimeout),
             qPrintable(failed.isEmpty() ? QString() : failed.at(0).at(0).toString()));
    QVERIFY(!engine.isLoading());
    const auto table = loadedAt(loaded, 0);
    QCOMPARE(table->table.rowCount(), std::size_t{150});
    QCOMPARE(table->table.columnCount(), std::size_t{5});
    QCOMPARE(table->format, std::string("csv"));
    QCOMPARE(loaded.at(0).at(1).toString(), kIris);
}

void TestEngineController::loadsInMemoryFile() {
    EngineController engine;
    QSignalSpy loaded(&engine, &EngineController::loaded);
    QSignalSpy failed(&engine, &EngineController::loadFailed);
    engine.openBytes("a,b\n1,x\n2,y\n", "small.csv");
    QVERIFY2(loaded.wait(kTimeout),
             qPrintable(failed.isEmpty() ? QString() : failed.at(0).at(0).toString()));
    const auto table = loadedAt(loaded, 0);
    QCOMPARE(table->table.rowCount(), std::size_t{2});
    QCOMPARE(table->table.column(0).type(), ColumnType::Numeric);
    QCOMPARE(loaded.at(0).at(1).toString(), QString("small.csv"));
}

void TestEngineController::cancelledLoadGivesNoTable() {
    EngineController engine;
    QSignalSpy loaded(&engine, &EngineController::loaded);
    QSignalSpy cancelled(&engine, &EngineController::loadCancelled);
    QSignalSpy failed(&engine, &EngineController::loadFailed);
    engine.openFile(kIris);
    engine.cancelLoad();
    QVERIFY(cancelled.wait(kTimeout));
    QCOMPARE(cancelled.at(0).at(0).toString(), kIris);
    QVERIFY(!engine.isLoading());
    QTest::qWait(200);
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void TestEngineController::initTestCase() {
    // A file large enough that the reader reports progress several times before it is done.
    QVERIFY(dataDir_.isValid());
    bigCsv_ = dataDir_.filePath("big.csv");
    QFile file(bigCsv_);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray chunk = "x,y,label\n";
    for (int i = 0; i < 2'000'000; ++i) {
        chunk += QByteArray::number(i) + ',' + QByteArray::number(i * 0.5) + ",row\n";
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
}

void TestEngineController::cancelWhileLoading() {
    // The first progress report cancels the load.
    EngineController engine;
    QSignalSpy loaded(&engine, &EngineController::loaded);
    QSignalSpy cancelled(&engine, &EngineController::loadCancelled);
    QSignalSpy failed(&engine, &EngineController::loadFailed);
    connect(&engine, &EngineController::loadProgress, &engine, [&engine] { engine.cancelLoad(); });
    engine.openFile(bigCsv_);
    QTRY_VERIFY_WITH_TIMEOUT(!engine.isLoading(), kTimeout);
    QVERIFY2(failed.isEmpty(),
             qPrintable(failed.isEmpty() ? QString() : failed.at(0).at(0).toString()));
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(loaded.count(), 0);
}

void TestEngineController::staleLoadAnswerIsDropped() {
    EngineController engine;
    QSignalSpy loaded(&engine, &EngineController::loaded);
    QSignalSpy failed(&engine, &EngineController::loadFailed);
    engine.openFile(kIris);
    // Block this (the GUI) thread so the first answer is queued, undelivered, by the time
    // the second request starts: it is then stale and must be dropped.
    QThread::msleep(1000);
    engine.openFile(kWine);
    QVERIFY(loaded.wait(kTimeout));
    QTest::qWait(300);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loadedAt(loaded, 0)->table.columnCount(), std::size_t{14});
    QCOMPARE(loaded.at(0).at(1).toString(), kWine);
}

void TestEngineController::parseErrorNamesFileLineColumn() {
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b\n1,2\n3,\"unterminated\n");
    file.close();
    EngineController engine;
    QSignalSpy failed(&engine, &EngineController::loadFailed);
    QSignalSpy loaded(&engine, &EngineController::loaded);
    engine.openFile(path);
    QVERIFY(failed.wait(kTimeout));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QRegularExpression("bad\\.csv:3:\\d+: ")), qPrintable(message));
    QCOMPARE(loaded.count(), 0);
}

void TestEngineController::missingFileIsAnError() {
    EngineController engine;
    QSignalSpy failed(&engine, &EngineController::loadFailed);
    engine.openFile("/nonexistent/dir/none.csv");
    QVERIFY(failed.wait(kTimeout));
    QVERIFY2(failed.at(0).at(0).toString().contains("/nonexistent/dir/none.csv"),
             qPrintable(failed.at(0).at(0).toString()));
}

void TestEngineController::computesStatsOnTheEngineThread() {
    ValidityMask valid(5, true);
    valid.set(4, false);
    std::vector<Column> columns;
    columns.push_back(Column::numeric("x", {1, 2, 3, 4, 0}, valid));
    const auto table = std::make_shared<const Table>(std::move(columns));
    EngineController engine;
    QSignalSpy ready(&engine, &EngineController::statsReady);
    engine.requestStats(table, 0);
    QVERIFY(engine.isComputingStats());
    QVERIFY(ready.wait(kTimeout));
    QCOMPARE(ready.at(0).at(0).toInt(), 0);
    const auto stats = ready.at(0).at(1).value<std::shared_ptr<const ColumnStats>>();
    QCOMPARE(stats->count, std::size_t{4});
    QCOMPARE(stats->missing, std::size_t{1});
    QCOMPARE(*stats->mean, 2.5);

    QSignalSpy failed(&engine, &EngineController::statsFailed);
    engine.requestStats(table, 3);
    QVERIFY(failed.wait(kTimeout));
    QCOMPARE(failed.at(0).at(0).toInt(), 3);
}

void TestEngineController::newStatsRequestSupersedesTheRunningOne() {
    const auto table = bigNumericTable(3'000'000);
    EngineController engine;
    QSignalSpy ready(&engine, &EngineController::statsReady);
    engine.requestStats(table, 0);
    engine.requestStats(table, 1);
    QVERIFY(ready.wait(kTimeout));
    QTest::qWait(300);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready.at(0).at(0).toInt(), 1);
}

void TestEngineController::destructorCancelsRunningLoad() {
    QElapsedTimer timer;
    qint64 fullLoad = 0;
    {
        EngineController engine;
        QSignalSpy loaded(&engine, &EngineController::loaded);
        timer.start();
        engine.openFile(bigCsv_);
        QVERIFY(loaded.wait(kTimeout));
        fullLoad = timer.elapsed();
    }
    qint64 shutdown = 0;
    {
        EngineController engine;
        QSignalSpy progress(&engine, &EngineController::loadProgress);
        engine.openFile(bigCsv_);
        QVERIFY(progress.wait(kTimeout));
        QCOMPARE(engine.isLoading(), true);
        timer.start();
    }
    shutdown = timer.elapsed();
    // The destructor cancels the load at its next check instead of waiting for its end.
    QVERIFY2(shutdown < fullLoad / 2,
             qPrintable(QString("shutdown %1 ms, full load %2 ms").arg(shutdown).arg(fullLoad)));
}

QTEST_MAIN(TestEngineController)
#include "test_engine_controller.moc"
