#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "engine/model_registry.h"
#include "engine/task.h"
#include "widgets/history_types.h"

namespace glassbox::gui {

// Runs the model history's queries and changes on the history thread (it lives there; its
// methods are invoked by queued calls from HistoryClient). It owns its own ModelRegistry
// connection, opened on the first request, so SQLite is only ever used from this thread.
// Every request carries an id and answers with exactly one signal carrying the same id;
// engine exceptions never leave this class.
class HistoryWorker : public QObject {
    Q_OBJECT

  public:
    explicit HistoryWorker(const QString& registryPath, QObject* parent = nullptr);
    ~HistoryWorker() override;

    void list(int request);
    void details(int request, qint64 version);
    void compare(int request, qint64 a, qint64 b);
    void series(int request, const QString& metric, const QString& target,
                const QString& datasetSha256);
    void setStage(int request, qint64 version, glassbox::Stage stage);
    void setNotes(int request, qint64 version, const QString& notes);
    void addTag(int request, qint64 version, const QString& tag);
    void removeTag(int request, qint64 version, const QString& tag);
    void remove(int request, qint64 version);
    void exportVersion(int request, qint64 version, const QString& file,
                       const std::shared_ptr<CancelToken>& cancel);
    void importVersion(int request, const QString& file,
                       const std::shared_ptr<CancelToken>& cancel);

  signals:
    void listed(int request, std::shared_ptr<const glassbox::gui::VersionList> versions);
    void detailsReady(int request, std::shared_ptr<const glassbox::gui::VersionDetails> details);
    void comparisonReady(int request,
                         std::shared_ptr<const glassbox::VersionComparison> comparison);
    void seriesReady(int request, std::shared_ptr<const glassbox::gui::MetricSeries> series);
    // A change of version (stage, notes, tags, removal) is stored.
    void changed(int request, qint64 version);
    void exported(int request, qint64 version, const QString& file);
    void imported(int request, qint64 version, const QString& file);
    void failed(int request, const QString& message);

  private:
    ModelRegistry& registry();
    template <typename Work>
    void run(int request, Work&& work);

    QString path_;
    std::optional<ModelRegistry> registry_;
};

}  // namespace glassbox::gui
