#include "widgets/engine_controller.h"

#include <QThread>

#include "widgets/engine_worker.h"

namespace glassbox::gui {

EngineController::EngineController(QObject* parent)
    : QObject(parent), thread_(new QThread(this)), worker_(new EngineWorker) {
    registerEngineMetaTypes();
    thread_->setObjectName(QStringLiteral("Glassbox engine"));
    worker_->moveToThread(thread_);

    connect(worker_, &EngineWorker::progress, this, [this](int token, double fraction) {
        if (token == loadToken_ && loading_) emit loadProgress(fraction);
    });
    connect(worker_, &EngineWorker::loaded, this,
            [this](int token, std::shared_ptr<const LoadedTable> table) {
                if (acceptLoadAnswer(token)) emit loaded(std::move(table), loadSource_);
            });
    connect(worker_, &EngineWorker::loadFailed, this, [this](int token, const QString& message) {
        if (acceptLoadAnswer(token)) emit loadFailed(message, loadSource_);
    });
    connect(worker_, &EngineWorker::loadCancelled, this, [this](int token) {
        if (acceptLoadAnswer(token)) emit loadCancelled(loadSource_);
    });
    connect(worker_, &EngineWorker::sqliteTableNeeded, this,
            [this](int token, const QString& path, const QStringList& tables) {
                if (acceptLoadAnswer(token)) emit sqliteTableNeeded(path, tables);
            });
    connect(worker_, &EngineWorker::statsReady, this,
            [this](int token, int column, std::shared_ptr<const ColumnStats> stats) {
                if (acceptStatsAnswer(token)) emit statsReady(column, std::move(stats));
            });
    connect(worker_, &EngineWorker::statsFailed, this,
            [this](int token, int column, const QString& message) {
                if (acceptStatsAnswer(token)) emit statsFailed(column, message);
            });
    connect(worker_, &EngineWorker::statsCancelled, this,
            [this](int token, int) { acceptStatsAnswer(token); });

    thread_->start();
}

EngineController::~EngineController() {
    if (loadCancel_) loadCancel_->cancel();
    if (statsCancel_) statsCancel_->cancel();
    thread_->quit();
    thread_->wait();
    delete worker_;
}

int EngineController::beginLoad(const QString& source) {
    if (loadCancel_) loadCancel_->cancel();
    loadCancel_ = std::make_shared<CancelToken>();
    loadSource_ = source;
    loading_ = true;
    return ++loadToken_;
}

bool EngineController::acceptLoadAnswer(int token) {
    if (token != loadToken_ || !loading_) return false;
    loading_ = false;
    return true;
}

bool EngineController::acceptStatsAnswer(int token) {
    if (token != statsToken_ || !computingStats_) return false;
    computingStats_ = false;
    return true;
}

void EngineController::openFile(const QString& path, const QString& sqliteTable,
                                const TypeOverrides& types) {
    const int token = beginLoad(path);
    QMetaObject::invokeMethod(
        worker_,
        [worker = worker_, token, path, sqliteTable, types, cancel = loadCancel_] {
            worker->openFile(token, path, sqliteTable, types, cancel);
        },
        Qt::QueuedConnection);
}

void EngineController::openBytes(const QByteArray& bytes, const QString& name,
                                 const TypeOverrides& types) {
    const int token = beginLoad(name);
    QMetaObject::invokeMethod(
        worker_,
        [worker = worker_, token, bytes, name, types, cancel = loadCancel_] {
            worker->openBytes(token, bytes, name, types, cancel);
        },
        Qt::QueuedConnection);
}

void EngineController::cancelLoad() {
    if (loadCancel_) loadCancel_->cancel();
}

void EngineController::requestStats(const std::shared_ptr<const Table>& table, int column) {
    if (statsCancel_) statsCancel_->cancel();
    statsCancel_ = std::make_shared<CancelToken>();
    computingStats_ = true;
    const int token = ++statsToken_;
    QMetaObject::invokeMethod(
        worker_,
        [worker = worker_, token, table, column, cancel = statsCancel_] {
            worker->computeStats(token, table, column, cancel);
        },
        Qt::QueuedConnection);
}

void EngineController::cancelStats() {
    if (statsCancel_) statsCancel_->cancel();
}

}  // namespace glassbox::gui
