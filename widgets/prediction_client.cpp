#include "widgets/prediction_client.h"

#include <QThread>

namespace glassbox::gui {

PredictionClient::PredictionClient(const QString& registryPath, QObject* parent)
    : QObject(parent),
      registryPath_(registryPath),
      thread_(new QThread(this)),
      worker_(new PredictionWorker(registryPath)) {
    registerPredictionMetaTypes();
    thread_->setObjectName(QStringLiteral("Glassbox predict"));
    worker_->moveToThread(thread_);

    connect(worker_, &PredictionWorker::progress, this, [this](int id, double fraction) {
        if (running_.contains(id) && newest_.value(static_cast<int>(running_[id].kind)) == id)
            emit progress(id, fraction);
    });
    // Each answer is forwarded only when it answers the newest request of its kind.
    auto forward = [this](int id, auto emitAnswer) {
        if (!accept(id)) return;
        emitAnswer();
        emit finished(id);
    };
    connect(worker_, &PredictionWorker::versionsListed, this,
            [this, forward](int id, VersionListPtr versions) {
                forward(id, [&] { emit versionsListed(id, versions); });
            });
    connect(worker_, &PredictionWorker::versionLoaded, this,
            [this, forward](int id, LoadedVersionPtr version) {
                forward(id, [&] { emit versionLoaded(id, version); });
            });
    connect(worker_, &PredictionWorker::tableRead, this,
            [this, forward](int id, std::shared_ptr<const LoadedTable> table) {
                const QString path = paths_.take(id);
                forward(id, [&] { emit tableRead(id, table, path); });
            });
    connect(worker_, &PredictionWorker::sqliteTableNeeded, this,
            [this, forward](int id, const QString& path, const QStringList& tables) {
                paths_.remove(id);
                forward(id, [&] { emit sqliteTableNeeded(id, path, tables); });
            });
    connect(worker_, &PredictionWorker::predicted, this,
            [this, forward](int id, PredictionsPtr predictions) {
                forward(id, [&] { emit predicted(id, predictions); });
            });
    connect(worker_, &PredictionWorker::evaluated, this,
            [this, forward](int id, EvaluationPtr evaluation) {
                forward(id, [&] { emit evaluated(id, evaluation); });
            });
    connect(worker_, &PredictionWorker::importanceReady, this,
            [this, forward](int id, ImportancePtr importance) {
                forward(id, [&] { emit importanceReady(id, importance); });
            });
    connect(worker_, &PredictionWorker::rowExplained, this,
            [this, forward](int id, RowExplanationPtr explanation) {
                forward(id, [&] { emit rowExplained(id, explanation); });
            });
    connect(worker_, &PredictionWorker::exported, this,
            [this, forward](int id, const QString& path, qulonglong rows) {
                forward(id, [&] { emit exported(id, path, rows); });
            });
    connect(worker_, &PredictionWorker::failed, this,
            [this, forward](int id, const QString& message) {
                paths_.remove(id);
                forward(id, [&] { emit failed(id, message); });
            });
    connect(worker_, &PredictionWorker::cancelled, this, [this, forward](int id) {
        paths_.remove(id);
        forward(id, [&] { emit cancelled(id); });
    });

    thread_->start();
}

PredictionClient::~PredictionClient() {
    for (const Running& r : std::as_const(running_)) r.cancel->cancel();
    thread_->quit();
    thread_->wait();
    delete worker_;
}

int PredictionClient::begin(Kind kind) {
    const int previous = newest_.value(static_cast<int>(kind), 0);
    if (running_.contains(previous)) {
        running_[previous].cancel->cancel();
        running_.remove(previous);
    }
    const int id = ++nextId_;
    running_.insert(id, Running{kind, std::make_shared<CancelToken>()});
    newest_.insert(static_cast<int>(kind), id);
    return id;
}

bool PredictionClient::accept(int id) {
    const auto it = running_.find(id);
    if (it == running_.end()) return false;
    const bool newest = newest_.value(static_cast<int>(it->kind)) == id;
    running_.erase(it);
    return newest;
}

template <typename Call>
void PredictionClient::post(Call&& call) {
    QMetaObject::invokeMethod(worker_, std::forward<Call>(call), Qt::QueuedConnection);
}

std::optional<PredictionClient::Kind> PredictionClient::kindOf(int id) const {
    const auto it = running_.find(id);
    if (it == running_.end()) return std::nullopt;
    return it->kind;
}

std::optional<PredictionClient::Kind> PredictionClient::oldestRunning() const {
    if (running_.isEmpty()) return std::nullopt;
    auto oldest = running_.cbegin();
    for (auto it = running_.cbegin(); it != running_.cend(); ++it)
        if (it.key() < oldest.key()) oldest = it;
    return oldest->kind;
}

void PredictionClient::cancel(int id) {
    const auto it = running_.find(id);
    if (it != running_.end()) it->cancel->cancel();
}

void PredictionClient::cancelKind(Kind kind) {
    cancel(newest_.value(static_cast<int>(kind), 0));
}

void PredictionClient::forget(Kind kind) {
    const int id = newest_.value(static_cast<int>(kind), 0);
    cancel(id);
    running_.remove(id);
}

int PredictionClient::listVersions() {
    const int id = begin(Kind::Versions);
    post([worker = worker_, id] { worker->listVersions(id); });
    return id;
}

int PredictionClient::loadVersion(qint64 version) {
    const int id = begin(Kind::Version);
    post([worker = worker_, id, version] { worker->loadVersion(id, version); });
    return id;
}

int PredictionClient::readFile(const QString& path, const QString& sqliteTable) {
    const int id = begin(Kind::Read);
    paths_.insert(id, path);
    post([worker = worker_, id, path, sqliteTable, cancel = running_[id].cancel] {
        worker->readFile(id, path, sqliteTable, cancel);
    });
    return id;
}

int PredictionClient::predict(const LoadedVersionPtr& version, const TablePtr& table,
                              const QString& source) {
    const int id = begin(Kind::Predict);
    post([worker = worker_, id, version, table, source, cancel = running_[id].cancel] {
        worker->predict(id, version, table, source, cancel);
    });
    return id;
}

int PredictionClient::evaluate(const LoadedVersionPtr& version, const TablePtr& table,
                               const QString& source, std::optional<double> threshold, bool store) {
    const int id = begin(Kind::Evaluate);
    post([worker = worker_, id, version, table, source, threshold, store,
          cancel = running_[id].cancel] {
        worker->evaluate(id, version, table, source, threshold, store, cancel);
    });
    return id;
}

int PredictionClient::importance(const LoadedVersionPtr& version, const TablePtr& table,
                                 const QString& source, ImportanceMethod method) {
    const int id = begin(Kind::Importance);
    post([worker = worker_, id, version, table, source, method, cancel = running_[id].cancel] {
        worker->importance(id, version, table, source, method, cancel);
    });
    return id;
}

int PredictionClient::explainRow(const LoadedVersionPtr& version, const TablePtr& table,
                                 const QString& source, qulonglong row) {
    const int id = begin(Kind::Row);
    post([worker = worker_, id, version, table, source, row, cancel = running_[id].cancel] {
        worker->explainRow(id, version, table, source, row, cancel);
    });
    return id;
}

int PredictionClient::exportCsv(const LoadedVersionPtr& version, const TablePtr& table,
                                const PredictionsPtr& predictions, const QString& path) {
    const int id = begin(Kind::Export);
    post([worker = worker_, id, version, table, predictions, path, cancel = running_[id].cancel] {
        worker->exportCsv(id, version, table, predictions, path, cancel);
    });
    return id;
}

}  // namespace glassbox::gui
