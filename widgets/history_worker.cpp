#include "widgets/history_worker.h"

#include <QFile>
#include <exception>
#include <new>
#include <set>

#include "engine/errors.h"
#include "widgets/guarded_call.h"

namespace glassbox::gui {
namespace {

std::string localPath(const QString& path) {
    return QFile::encodeName(path).toStdString();
}

}  // namespace

HistoryWorker::HistoryWorker(const QString& registryPath, QObject* parent)
    : QObject(parent), path_(registryPath) {
    registerHistoryMetaTypes();
}

HistoryWorker::~HistoryWorker() = default;

ModelRegistry& HistoryWorker::registry() {
    // Opened lazily so that opening (and a refused file) happens on this thread and is
    // reported as the first request's failure; a failed open is tried again next time.
    if (!registry_) registry_.emplace(ModelRegistry::open(localPath(path_)));
    return *registry_;
}

// Runs work; every exception becomes failed(request, message).
template <typename Work>
void HistoryWorker::run(int request, Work&& work) {
    guardedCall(
        std::forward<Work>(work), [&] { emit failed(request, tr("Cancelled.")); },
        [&](const QString& message) { emit failed(request, message); });
}

void HistoryWorker::list(int request) {
    run(request, [&] {
        auto versions = std::make_shared<const VersionList>(registry().list());
        emit listed(request, std::move(versions));
    });
}

void HistoryWorker::details(int request, qint64 version) {
    run(request, [&] {
        ModelRegistry& history = registry();
        auto out = std::make_shared<VersionDetails>();
        out->version = history.show(version);
        out->evaluations = history.evaluations(version);
        // Parents always have smaller ids, but a guard costs nothing against a bad file.
        std::set<std::int64_t> seen{version};
        std::optional<std::int64_t> parent = out->version.parent;
        while (parent && seen.insert(*parent).second && history.contains(*parent)) {
            out->lineage.push_back(history.show(*parent));
            parent = out->lineage.back().parent;
        }
        emit detailsReady(request, std::move(out));
    });
}

void HistoryWorker::compare(int request, qint64 a, qint64 b) {
    run(request, [&] {
        auto comparison = std::make_shared<const VersionComparison>(registry().compare(a, b));
        emit comparisonReady(request, std::move(comparison));
    });
}

void HistoryWorker::series(int request, const QString& metric, const QString& target,
                           const QString& datasetSha256) {
    run(request, [&] {
        auto out = std::make_shared<MetricSeries>();
        out->metric = metric.toStdString();
        out->target = target.toStdString();
        out->datasetSha256 = datasetSha256.toStdString();
        std::optional<std::string> dataset;
        if (!out->datasetSha256.empty()) dataset = out->datasetSha256;
        out->points = registry().series(out->metric, out->target, dataset);
        emit seriesReady(request, std::move(out));
    });
}

void HistoryWorker::setStage(int request, qint64 version, Stage stage) {
    run(request, [&] {
        registry().setStage(version, stage);
        emit changed(request, version);
    });
}

void HistoryWorker::setNotes(int request, qint64 version, const QString& notes) {
    run(request, [&] {
        registry().setNotes(version, notes.toStdString());
        emit changed(request, version);
    });
}

void HistoryWorker::addTag(int request, qint64 version, const QString& tag) {
    run(request, [&] {
        registry().addTag(version, tag.toStdString());
        emit changed(request, version);
    });
}

void HistoryWorker::removeTag(int request, qint64 version, const QString& tag) {
    run(request, [&] {
        registry().removeTag(version, tag.toStdString());
        emit changed(request, version);
    });
}

void HistoryWorker::remove(int request, qint64 version) {
    run(request, [&] {
        registry().remove(version);
        emit changed(request, version);
    });
}

void HistoryWorker::exportVersion(int request, qint64 version, const QString& file,
                                  const std::shared_ptr<CancelToken>& cancel) {
    run(request, [&] {
        registry().exportVersion(version, localPath(file), TaskContext({}, cancel.get()));
        emit exported(request, version, file);
    });
}

void HistoryWorker::importVersion(int request, const QString& file,
                                  const std::shared_ptr<CancelToken>& cancel) {
    run(request, [&] {
        const std::int64_t id =
            registry().importVersion(localPath(file), TaskContext({}, cancel.get()));
        emit imported(request, id, file);
    });
}

}  // namespace glassbox::gui
