#include "widgets/preparation_client.h"

#include <QThread>

#include "widgets/preparation_worker.h"

namespace glassbox::gui {

PreparationClient::PreparationClient(QObject* parent)
    : QObject(parent), thread_(new QThread(this)), worker_(new PreparationWorker) {
    registerPreparationMetaTypes();
    thread_->setObjectName(QStringLiteral("Glassbox preparation"));
    worker_->moveToThread(thread_);

    connect(worker_, &PreparationWorker::progress, this, [this](int id, double fraction) {
        const auto it = running_.constFind(id);
        if (it != running_.cend() && newest_.value(int(it->kind)) == id)
            emit progress(id, fraction);
    });
    auto forward = [this](int id, auto emitAnswer) {
        if (!accept(id)) return;
        emitAnswer();
        emit finished(id);
    };
    connect(worker_, &PreparationWorker::previewReady, this,
            [this, forward](int id, PreparationPreviewPtr preview) {
                forward(id, [&] { emit previewReady(id, preview); });
            });
    connect(worker_, &PreparationWorker::distributionReady, this,
            [this, forward](int id, DistributionPtr distribution) {
                forward(id, [&] { emit distributionReady(id, distribution); });
            });
    connect(worker_, &PreparationWorker::failed, this,
            [this, forward](int id, const QString& message, int step) {
                const auto it = running_.constFind(id);
                if (it == running_.cend()) return;
                const Kind kind = it->kind;
                forward(id, [&] { emit failed(id, kind, message, step); });
            });
    connect(worker_, &PreparationWorker::cancelled, this,
            [this, forward](int id) { forward(id, [&] { emit cancelled(id); }); });
    thread_->start();
}

PreparationClient::~PreparationClient() {
    for (const Running& r : std::as_const(running_)) r.cancel->cancel();
    thread_->quit();
    thread_->wait();
    delete worker_;
}

int PreparationClient::begin(Kind kind) {
    forget(kind);
    const int id = ++nextId_;
    running_.insert(id, Running{kind, std::make_shared<CancelToken>()});
    newest_.insert(int(kind), id);
    return id;
}

bool PreparationClient::accept(int id) {
    const auto it = running_.find(id);
    if (it == running_.end()) return false;
    const bool newest = newest_.value(int(it->kind)) == id;
    running_.erase(it);
    return newest;
}

void PreparationClient::forget(Kind kind) {
    const int previous = newest_.value(int(kind), 0);
    const auto it = running_.find(previous);
    if (it == running_.end()) return;
    it->cancel->cancel();
    running_.erase(it);
}

int PreparationClient::preview(const PreparationRequest& request) {
    const int id = begin(Kind::Preview);
    QMetaObject::invokeMethod(
        worker_,
        [worker = worker_, id, request, cancel = running_[id].cancel] {
            worker->preview(id, request, cancel);
        },
        Qt::QueuedConnection);
    return id;
}

int PreparationClient::distribution(const PreparationPreviewPtr& preview, std::size_t step,
                                    const std::string& column) {
    const int id = begin(Kind::Distribution);
    QMetaObject::invokeMethod(
        worker_,
        [worker = worker_, id, preview, step, column, cancel = running_[id].cancel] {
            worker->distribution(id, preview, step, column, cancel);
        },
        Qt::QueuedConnection);
    return id;
}

}  // namespace glassbox::gui
