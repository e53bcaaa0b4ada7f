#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/importance.h"
#include "engine/metrics.h"
#include "engine/model_file.h"
#include "engine/model_version.h"
#include "engine/shap.h"
#include "engine/table.h"
#include "engine/task.h"
#include "widgets/history_types.h"

namespace glassbox {
class ModelRegistry;
}

namespace glassbox::gui {

// A version of the history with its model, loaded for predicting.
struct LoadedVersion {
    ModelVersion info;
    TrainedModel model;
};

// A saved model scored on labelled rows (the CLI's `evaluate`).
struct EvaluationResult {
    std::int64_t version = 0;
    Scores scores;
    std::size_t rows = 0;         // labelled rows scored
    std::size_t skippedRows = 0;  // target missing or a class the model does not know
    std::optional<double> threshold;
    std::optional<std::int64_t> evaluationId;  // the evaluation stored in the history
    QString historyError;                      // why storing it failed (the scores are kept)
};

// Feature importance, and how many rows without a usable target permutation left out.
struct ImportanceOutcome {
    ImportanceResult result;
    std::size_t droppedRows = 0;
};

// The SHAP values of one table row, with the row's feature values as text.
struct RowExplanation {
    std::size_t tableRow = 0;
    ShapValues shap;                         // one explained row
    std::vector<std::string> featureValues;  // per schema feature, as the table shows it
};

enum class ImportanceMethod { Permutation, Impurity };

using VersionListPtr = std::shared_ptr<const VersionList>;
using LoadedVersionPtr = std::shared_ptr<const LoadedVersion>;
using PredictionsPtr = std::shared_ptr<const Predictions>;
using EvaluationPtr = std::shared_ptr<const EvaluationResult>;
using ImportancePtr = std::shared_ptr<const ImportanceOutcome>;
using RowExplanationPtr = std::shared_ptr<const RowExplanation>;

// Registers the types above (and the engine's table types) for queued connections.
void registerPredictionMetaTypes();

// Runs the Predict view's engine work on its own thread (it lives there; PredictionClient
// invokes its methods by queued calls). Holds its own connection to the model history, opened
// on first use on that thread. Every request answers with exactly one signal carrying its id:
// the result, failed (the engine's message) or cancelled.
class PredictionWorker : public QObject {
    Q_OBJECT

  public:
    using CancelHandle = std::shared_ptr<CancelToken>;
    using TablePtr = std::shared_ptr<const LoadedTable>;

    explicit PredictionWorker(const QString& registryPath, QObject* parent = nullptr);
    ~PredictionWorker() override;

    void listVersions(int id);
    void loadVersion(int id, qint64 version);
    // An SQLite file with several tables and none chosen answers with sqliteTableNeeded.
    void readFile(int id, const QString& path, const QString& sqliteTable,
                  const CancelHandle& cancel);
    void predict(int id, const LoadedVersionPtr& version, const TablePtr& table,
                 const QString& source, const CancelHandle& cancel);
    // Scores the labelled rows; with `store`, adds the evaluation to the history with the
    // fingerprint of `source` (when it is a file; else its name and the table's size).
    void evaluate(int id, const LoadedVersionPtr& version, const TablePtr& table,
                  const QString& source, std::optional<double> threshold, bool store,
                  const CancelHandle& cancel);
    void importance(int id, const LoadedVersionPtr& version, const TablePtr& table,
                    const QString& source, ImportanceMethod method, const CancelHandle& cancel);
    void explainRow(int id, const LoadedVersionPtr& version, const TablePtr& table,
                    const QString& source, qulonglong row, const CancelHandle& cancel);
    // The table with "prediction" and one "proba_CLASS" column per class, as the CLI's
    // `predict` writes it, through a temporary file renamed into place.
    void exportCsv(int id, const LoadedVersionPtr& version, const TablePtr& table,
                   const PredictionsPtr& predictions, const QString& path,
                   const CancelHandle& cancel);

  signals:
    // At most about 20 per second per request, from whichever thread the engine reports on.
    void progress(int id, double fraction);
    void versionsListed(int id, glassbox::gui::VersionListPtr versions);
    void versionLoaded(int id, glassbox::gui::LoadedVersionPtr version);
    void tableRead(int id, std::shared_ptr<const glassbox::LoadedTable> table);
    void sqliteTableNeeded(int id, const QString& path, const QStringList& tables);
    void predicted(int id, glassbox::gui::PredictionsPtr predictions);
    void evaluated(int id, glassbox::gui::EvaluationPtr evaluation);
    void importanceReady(int id, glassbox::gui::ImportancePtr importance);
    void rowExplained(int id, glassbox::gui::RowExplanationPtr explanation);
    void exported(int id, const QString& path, qulonglong rows);
    void failed(int id, const QString& message);
    void cancelled(int id);

  private:
    ModelRegistry& registry();
    TaskContext taskFor(int id, const CancelHandle& cancel);
    // The table's features encoded for the model, kept for the next SHAP request on the same
    // pair (encoding a million rows for each selected row would be wasteful).
    std::shared_ptr<const FeatureMatrix> encoded(const LoadedVersionPtr& version,
                                                 const TablePtr& table, const std::string& source);

    QString registryPath_;
    std::unique_ptr<ModelRegistry> registry_;
    struct EncodedCache {
        std::weak_ptr<const LoadedVersion> version;
        std::weak_ptr<const LoadedTable> table;
        std::shared_ptr<const FeatureMatrix> features;
    } cache_;
};

}  // namespace glassbox::gui

Q_DECLARE_METATYPE(glassbox::gui::LoadedVersionPtr)
Q_DECLARE_METATYPE(glassbox::gui::PredictionsPtr)
Q_DECLARE_METATYPE(glassbox::gui::EvaluationPtr)
Q_DECLARE_METATYPE(glassbox::gui::ImportancePtr)
Q_DECLARE_METATYPE(glassbox::gui::RowExplanationPtr)
