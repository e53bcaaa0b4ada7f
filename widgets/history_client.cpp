#include "widgets/history_client.h"

#include <QThread>

#include "widgets/history_worker.h"

namespace glassbox::gui {

HistoryClient::HistoryClient(const QString& registryPath, QObject* parent)
    : QObject(parent),
      path_(registryPath),
      thread_(new QThread(this)),
      worker_(new HistoryWorker(registryPath)),
      cancel_(std::make_shared<CancelToken>()) {
    registerHistoryMetaTypes();
    thread_->setObjectName(QStringLiteral("Glassbox history"));
    worker_->moveToThread(thread_);
    // Deleted on its own thread as the thread ends, so the SQLite connection closes there.
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);

    connect(worker_, &HistoryWorker::listed, this,
            [this](int request, std::shared_ptr<const VersionList> versions) {
                if (accept(request)) emit versionsListed(std::move(versions));
            });
    connect(worker_, &HistoryWorker::detailsReady, this,
            [this](int request, std::shared_ptr<const VersionDetails> details) {
                if (accept(request)) emit detailsReady(std::move(details));
            });
    connect(worker_, &HistoryWorker::comparisonReady, this,
            [this](int request, std::shared_ptr<const VersionComparison> comparison) {
                if (accept(request)) emit comparisonReady(std::move(comparison));
            });
    connect(worker_, &HistoryWorker::seriesReady, this,
            [this](int request, std::shared_ptr<const MetricSeries> series) {
                if (accept(request)) emit seriesReady(std::move(series));
            });
    connect(worker_, &HistoryWorker::changed, this, [this](int request, qint64 version) {
        accept(request);
        emit changed(version);
        refresh();
    });
    connect(worker_, &HistoryWorker::exported, this,
            [this](int request, qint64 version, const QString& file) {
                accept(request);
                emit exported(version, file);
            });
    connect(worker_, &HistoryWorker::imported, this,
            [this](int request, qint64 version, const QString& file) {
                accept(request);
                emit imported(version, file);
                refresh();
            });
    connect(worker_, &HistoryWorker::failed, this, [this](int request, const QString& message) {
        if (accept(request)) emit failed(message);
    });

    thread_->start();
}

HistoryClient::~HistoryClient() {
    cancel_->cancel();
    thread_->quit();
    thread_->wait();
}

int HistoryClient::begin(Kind kind) {
    const int request = ++nextRequest_;
    pending_.insert(request, kind);
    latest_.insert(static_cast<int>(kind), request);
    return request;
}

bool HistoryClient::accept(int request) {
    const auto it = pending_.find(request);
    if (it == pending_.end()) return false;
    const Kind kind = it.value();
    pending_.erase(it);
    switch (kind) {
        case Kind::List:
        case Kind::Details:
        case Kind::Comparison:
        case Kind::Series:
            return latest_.value(static_cast<int>(kind)) == request;
        case Kind::Change:
        case Kind::Export:
        case Kind::Import:
            return true;
    }
    return true;
}

template <typename Call>
void HistoryClient::post(Call&& call) {
    QMetaObject::invokeMethod(worker_, std::forward<Call>(call), Qt::QueuedConnection);
}

int HistoryClient::refresh() {
    const int request = begin(Kind::List);
    post([worker = worker_, request] { worker->list(request); });
    return request;
}

int HistoryClient::requestDetails(qint64 version) {
    const int request = begin(Kind::Details);
    post([worker = worker_, request, version] { worker->details(request, version); });
    return request;
}

int HistoryClient::requestComparison(qint64 a, qint64 b) {
    const int request = begin(Kind::Comparison);
    post([worker = worker_, request, a, b] { worker->compare(request, a, b); });
    return request;
}

int HistoryClient::requestSeries(const QString& metric, const QString& target,
                                 const QString& datasetSha256) {
    const int request = begin(Kind::Series);
    post([worker = worker_, request, metric, target, datasetSha256] {
        worker->series(request, metric, target, datasetSha256);
    });
    return request;
}

int HistoryClient::setStage(qint64 version, Stage stage) {
    const int request = begin(Kind::Change);
    post(
        [worker = worker_, request, version, stage] { worker->setStage(request, version, stage); });
    return request;
}

int HistoryClient::setNotes(qint64 version, const QString& notes) {
    const int request = begin(Kind::Change);
    post(
        [worker = worker_, request, version, notes] { worker->setNotes(request, version, notes); });
    return request;
}

int HistoryClient::addTag(qint64 version, const QString& tag) {
    const int request = begin(Kind::Change);
    post([worker = worker_, request, version, tag] { worker->addTag(request, version, tag); });
    return request;
}

int HistoryClient::removeTag(qint64 version, const QString& tag) {
    const int request = begin(Kind::Change);
    post([worker = worker_, request, version, tag] { worker->removeTag(request, version, tag); });
    return request;
}

int HistoryClient::remove(qint64 version) {
    const int request = begin(Kind::Change);
    post([worker = worker_, request, version] { worker->remove(request, version); });
    return request;
}

int HistoryClient::exportVersion(qint64 version, const QString& file) {
    const int request = begin(Kind::Export);
    post([worker = worker_, request, version, file, cancel = cancel_] {
        worker->exportVersion(request, version, file, cancel);
    });
    return request;
}

int HistoryClient::importVersion(const QString& file) {
    const int request = begin(Kind::Import);
    post([worker = worker_, request, file, cancel = cancel_] {
        worker->importVersion(request, file, cancel);
    });
    return request;
}

}  // namespace glassbox::gui
