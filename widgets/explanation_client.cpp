#include "widgets/explanation_client.h"

#include <QThread>

#include "widgets/explanation_worker.h"

namespace glassbox::gui {

ExplanationClient::ExplanationClient(QObject* parent)
    : QObject(parent), thread_(new QThread(this)), worker_(new ExplanationWorker) {
    registerExplanationMetaTypes();
    thread_->setObjectName(QStringLiteral("Glassbox explain"));
    worker_->moveToThread(thread_);

    connect(worker_, &ExplanationWorker::progress, this, [this](int id, double fraction) {
        const auto it = running_.constFind(id);
        if (it != running_.cend() && newest_.value(slotOf(*it)) == id) emit progress(id, fraction);
    });
    // Each answer is forwarded only when it answers the newest request of its kind.
    auto forward = [this](int id, auto emitAnswer) {
        if (!accept(id)) return;
        emitAnswer();
        emit finished(id);
    };
    connect(worker_, &ExplanationWorker::curvesReady, this,
            [this, forward](int id, CurvesExplanationPtr curves) {
                forward(id, [&] { emit curvesReady(id, curves); });
            });
    connect(worker_, &ExplanationWorker::importanceReady, this,
            [this, forward](int id, ImportanceExplanationPtr importance) {
                forward(id, [&] { emit importanceReady(id, importance); });
            });
    connect(worker_, &ExplanationWorker::shapReady, this,
            [this, forward](int id, ShapExplanationPtr shap) {
                forward(id, [&] { emit shapReady(id, shap); });
            });
    connect(worker_, &ExplanationWorker::dependenceReady, this,
            [this, forward](int id, DependenceExplanationPtr dependence) {
                forward(id, [&] { emit dependenceReady(id, dependence); });
            });
    connect(worker_, &ExplanationWorker::pathReady, this,
            [this, forward](int id, DecisionPathPtr path) {
                forward(id, [&] { emit pathReady(id, path); });
            });
    connect(worker_, &ExplanationWorker::nodeRowsReady, this,
            [this, forward](int id, NodeRowsPtr rows) {
                forward(id, [&] { emit nodeRowsReady(id, rows); });
            });
    connect(worker_, &ExplanationWorker::failed, this,
            [this, forward](int id, const QString& message) {
                const std::optional<Kind> kind = kindOf(id);
                if (!kind) return;
                forward(id, [&] { emit failed(id, *kind, message); });
            });
    connect(worker_, &ExplanationWorker::cancelled, this,
            [this, forward](int id) { forward(id, [&] { emit cancelled(id); }); });

    thread_->start();
}

ExplanationClient::~ExplanationClient() {
    for (const Running& r : std::as_const(running_)) r.cancel->cancel();
    thread_->quit();
    thread_->wait();
    delete worker_;
}

int ExplanationClient::begin(Kind kind, int channel) {
    const Slot slot(static_cast<int>(kind), channel);
    const int previous = newest_.value(slot, 0);
    if (running_.contains(previous)) {
        running_[previous].cancel->cancel();
        running_.remove(previous);
    }
    const int id = ++nextId_;
    running_.insert(id, Running{kind, channel, std::make_shared<CancelToken>()});
    newest_.insert(slot, id);
    return id;
}

bool ExplanationClient::accept(int id) {
    const auto it = running_.find(id);
    if (it == running_.end()) return false;
    const bool newest = newest_.value(slotOf(*it)) == id;
    running_.erase(it);
    return newest;
}

template <typename Call>
void ExplanationClient::post(Call&& call) {
    QMetaObject::invokeMethod(worker_, std::forward<Call>(call), Qt::QueuedConnection);
}

ExplanationClient::Slot ExplanationClient::slotOf(const Running& running) {
    return {static_cast<int>(running.kind), running.channel};
}

std::optional<ExplanationClient::Kind> ExplanationClient::kindOf(int id) const {
    const auto it = running_.find(id);
    if (it == running_.end()) return std::nullopt;
    return it->kind;
}

void ExplanationClient::cancel(int id) {
    const auto it = running_.find(id);
    if (it != running_.end()) it->cancel->cancel();
}

void ExplanationClient::cancelKind(Kind kind, int channel) {
    cancel(newest_.value(Slot(static_cast<int>(kind), channel), 0));
}

void ExplanationClient::forget(Kind kind, int channel) {
    const int id = newest_.value(Slot(static_cast<int>(kind), channel), 0);
    cancel(id);
    running_.remove(id);
}

int ExplanationClient::curves(const ExplanationSubject& subject, const CurvesRequest& request,
                              int channel) {
    const int id = begin(Kind::Curves, channel);
    post([worker = worker_, id, subject, request, cancel = running_[id].cancel] {
        worker->curves(id, subject, request, cancel);
    });
    return id;
}

int ExplanationClient::importance(const ExplanationSubject& subject,
                                  const ImportanceRequest& request, int channel) {
    const int id = begin(Kind::Importance, channel);
    post([worker = worker_, id, subject, request, cancel = running_[id].cancel] {
        worker->importance(id, subject, request, cancel);
    });
    return id;
}

int ExplanationClient::shap(const ExplanationSubject& subject, const ShapRequest& request,
                            int channel) {
    const int id = begin(Kind::Shap, channel);
    post([worker = worker_, id, subject, request, cancel = running_[id].cancel] {
        worker->shap(id, subject, request, cancel);
    });
    return id;
}

int ExplanationClient::partialDependence(const ExplanationSubject& subject,
                                         const DependenceRequest& request, int channel) {
    const int id = begin(Kind::Dependence, channel);
    post([worker = worker_, id, subject, request, cancel = running_[id].cancel] {
        worker->partialDependence(id, subject, request, cancel);
    });
    return id;
}

int ExplanationClient::decisionPath(const ExplanationSubject& subject, std::size_t tree,
                                    std::size_t tableRow, int channel) {
    const int id = begin(Kind::DecisionPath, channel);
    post([worker = worker_, id, subject, tree, tableRow, cancel = running_[id].cancel] {
        worker->decisionPath(id, subject, tree, tableRow, cancel);
    });
    return id;
}

int ExplanationClient::rowsAtNode(const ExplanationSubject& subject, std::size_t tree,
                                  std::size_t node, int channel) {
    const int id = begin(Kind::NodeRows, channel);
    post([worker = worker_, id, subject, tree, node, cancel = running_[id].cancel] {
        worker->rowsAtNode(id, subject, tree, node, cancel);
    });
    return id;
}

}  // namespace glassbox::gui
