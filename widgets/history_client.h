#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <memory>

#include "engine/model_version.h"
#include "engine/task.h"
#include "widgets/history_types.h"

class QThread;

namespace glassbox::gui {

class HistoryWorker;

// The GUI side of the model history: owns a thread and its HistoryWorker (with its own
// registry connection at registryPath), gives every request an id and answers by queued
// signals. Answers of a listing, details, comparison or series request that a newer request
// of the same kind superseded are dropped. A change (stage, notes, tags, removal, import)
// emits changed and then refreshes the listing by itself. Nothing here blocks on the history
// thread except the destructor, which cancels a running export or import first.
class HistoryClient : public QObject {
    Q_OBJECT

  public:
    explicit HistoryClient(const QString& registryPath, QObject* parent = nullptr);
    ~HistoryClient() override;

    const QString& registryPath() const { return path_; }
    // Requests sent and not answered yet.
    int pendingRequests() const { return static_cast<int>(pending_.size()); }

    // Each returns the request's id.
    int refresh();
    int requestDetails(qint64 version);
    int requestComparison(qint64 a, qint64 b);
    // datasetSha256: a SHA-256 (or its first characters); empty for every dataset.
    int requestSeries(const QString& metric, const QString& target,
                      const QString& datasetSha256 = {});
    int setStage(qint64 version, glassbox::Stage stage);
    int setNotes(qint64 version, const QString& notes);
    int addTag(qint64 version, const QString& tag);
    int removeTag(qint64 version, const QString& tag);
    int remove(qint64 version);
    int exportVersion(qint64 version, const QString& file);
    int importVersion(const QString& file);

  signals:
    void versionsListed(std::shared_ptr<const glassbox::gui::VersionList> versions);
    void detailsReady(std::shared_ptr<const glassbox::gui::VersionDetails> details);
    void comparisonReady(std::shared_ptr<const glassbox::VersionComparison> comparison);
    void seriesReady(std::shared_ptr<const glassbox::gui::MetricSeries> series);
    // A version's stage, notes or tags changed, or it was removed (a refresh follows).
    void changed(qint64 version);
    void exported(qint64 version, const QString& file);
    // The file was added as the new version `version` (a refresh follows).
    void imported(qint64 version, const QString& file);
    // The engine's message (the registry could not be opened, an unknown version, a bad
    // export file, ...).
    void failed(const QString& message);

  private:
    enum class Kind { List, Details, Comparison, Series, Change, Export, Import };

    int begin(Kind kind);
    // Forgets the request; false when its answer is stale.
    bool accept(int request);
    template <typename Call>
    void post(Call&& call);

    QString path_;
    QThread* thread_;
    HistoryWorker* worker_;  // lives on thread_, deleted there when the thread finishes
    std::shared_ptr<CancelToken> cancel_;
    int nextRequest_ = 0;
    QHash<int, Kind> pending_;
    QHash<int, int> latest_;  // Kind -> the newest request of that kind
};

}  // namespace glassbox::gui
