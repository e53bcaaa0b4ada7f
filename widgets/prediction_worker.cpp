#include "widgets/prediction_worker.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QThread>
#include <atomic>
#include <chrono>
#include <exception>
#include <fstream>
#include <new>

#include "engine/dataset_fingerprint.h"
#include "engine/errors.h"
#include "engine/model_registry.h"
#include "engine/sqlite_reader.h"
#include "engine/table_reader.h"
#include "widgets/data_file_reading.h"
#include "widgets/engine_types.h"
#include "widgets/guarded_call.h"
#include "widgets/progress_throttle.h"

namespace glassbox::gui {
namespace {

unsigned threadCount() {
    return static_cast<unsigned>(std::max(1, QThread::idealThreadCount()));
}

// RFC 4180: quoted when it holds a comma, a quote or a line break.
void appendCsvField(QByteArray& out, const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out.append(field.data(), static_cast<qsizetype>(field.size()));
        return;
    }
    out.append('"');
    for (char c : field) {
        if (c == '"') out.append('"');
        out.append(c);
    }
    out.append('"');
}

void requireInputs(const LoadedVersionPtr& version, const PredictionWorker::TablePtr& table) {
    if (!version) throw InvalidArgument("version", "no model version is chosen");
    if (!table) throw InvalidArgument("data", "no data table is open");
}

}  // namespace

void registerPredictionMetaTypes() {
    registerEngineMetaTypes();
    qRegisterMetaType<VersionListPtr>();
    qRegisterMetaType<LoadedVersionPtr>();
    qRegisterMetaType<PredictionsPtr>();
    qRegisterMetaType<EvaluationPtr>();
    qRegisterMetaType<ImportancePtr>();
    qRegisterMetaType<RowExplanationPtr>();
}

PredictionWorker::PredictionWorker(const QString& registryPath, QObject* parent)
    : QObject(parent), registryPath_(registryPath) {
    registerPredictionMetaTypes();
}

PredictionWorker::~PredictionWorker() = default;

ModelRegistry& PredictionWorker::registry() {
    if (!registry_)
        registry_ = std::make_unique<ModelRegistry>(ModelRegistry::open(localPath(registryPath_)));
    return *registry_;
}

TaskContext PredictionWorker::taskFor(int id, const CancelHandle& cancel) {
    auto throttle = std::make_shared<ProgressThrottle>();
    return TaskContext(
        [this, id, throttle](double fraction, std::string_view) {
            if (throttle->admit()) emit progress(id, fraction);
        },
        cancel.get());
}

void PredictionWorker::listVersions(int id) {
    guardedCall(
        [&] {
            emit versionsListed(
                id, std::make_shared<const std::vector<ModelVersion>>(registry().list()));
        },
        [&] { emit cancelled(id); }, [&](const QString& message) { emit failed(id, message); });
}

void PredictionWorker::loadVersion(int id, qint64 version) {
    guardedCall(
        [&] {
            auto loaded = std::make_shared<LoadedVersion>();
            loaded->info = registry().show(version);
            loaded->model = registry().loadModel(version);
            emit versionLoaded(id, std::move(loaded));
        },
        [&] { emit cancelled(id); }, [&](const QString& message) { emit failed(id, message); });
}

void PredictionWorker::readFile(int id, const QString& path, const QString& sqliteTable,
                                const CancelHandle& cancel) {
    guardedCall(
        [&] {
            const TaskContext task = taskFor(id, cancel);
            task.checkCancelled();
            ReadOptions options;
            options.threads = threadCount();
            DataFileRead read = readDataFile(path, sqliteTable, options, task);
            if (!read.table) {
                emit sqliteTableNeeded(id, path, read.tablesToChoose);
                return;
            }
            emit tableRead(id, std::move(read.table));
        },
        [&] { emit cancelled(id); }, [&](const QString& message) { emit failed(id, message); });
}

void PredictionWorker::predict(int id, const LoadedVersionPtr& version, const TablePtr& table,
                               const QString& source, const CancelHandle& cancel) {
    guardedCall(
        [&] {
            const TaskContext task = taskFor(id, cancel);
            task.checkCancelled();
            requireInputs(version, table);
            emit predicted(id, std::make_shared<const Predictions>(version->model.predict(
                                   table->table, source.toStdString(), task)));
        },
        [&] { emit cancelled(id); }, [&](const QString& message) { emit failed(id, message); });
}

void PredictionWorker::evaluate(int id, const LoadedVersionPtr& version, const TablePtr& table,
                                const QString& source, std::optional<double> threshold, bool store,
                                const CancelHandle& cancel) {
    guardedCall(
        [&] {
            const TaskContext task = taskFor(id, cancel);
            task.checkCancelled();
            requireInputs(version, table);
            const TrainedModel& model = version->model;
            const std::string name = source.toStdString();
            if (threshold && model.classes.size() != 2)
                throw InvalidArgument("threshold", "applies to binary classification models only");
            const DatasetResult labelled = labelledRows(model, table->table, name);
            const Dataset& truth = labelled.dataset;
            if (truth.rows() == 0)
                throw ParseError(
                    name, 0, 0,
                    "no row has a target value the model knows (column \"" + model.target + "\")");
            const Predictions predictions = model.model->predict(truth.features, task.sub(0, 0.9));
            auto result = std::make_shared<EvaluationResult>();
            result->version = version->info.id;
            result->rows = truth.rows();
            result->skippedRows = labelled.droppedRows;
            result->threshold = threshold;
            if (model.task == TaskKind::Classification)
                result->scores = threshold
                                     ? classificationScoresAt(truth.labels, predictions, *threshold)
                                     : classificationScores(truth.labels, predictions);
            else
                result->scores = regressionScores(truth.targets, predictions.values);
            if (store) {
                // A failure to store is reported with the scores, which stay valid.
                try {
                    const std::string file = localPath(source);
                    const DatasetFingerprint dataset =
                        QFileInfo(source).isFile()
                            ? fingerprintDataFile(file, table->table.rowCount(),
                                                  table->table.columnCount(), task.sub(0.9, 1.0))
                            : DatasetFingerprint{
                                  name, table->table.rowCount(), table->table.columnCount(), {}};
                    result->evaluationId =
                        registry().addEvaluation(version->info.id, dataset, result->scores);
                } catch (const Cancelled&) {
                    throw;
                } catch (const std::exception& e) {
                    result->historyError = QString::fromStdString(e.what());
                }
            }
            emit evaluated(id, std::move(result));
        },
        [&] { emit cancelled(id); }, [&](const QString& message) { emit failed(id, message); });
}

void PredictionWorker::importance(int id, const LoadedVersionPtr& version, const TablePtr& table,
                                  const QString& source, ImportanceMethod method,
                                  const CancelHandle& cancel) {
    guardedCall(
        [&] {
            const TaskContext task = taskFor(id, cancel);
            task.checkCancelled();
            auto outcome = std::make_shared<ImportanceOutcome>();
            if (method == ImportanceMethod::Impurity) {
                if (!version) throw InvalidArgument("version", "no model version is chosen");
                outcome->result = impurityImportance(version->model);
            } else {
                requireInputs(version, table);
                const DatasetResult labelled =
                    labelledRows(version->model, table->table, source.toStdString());
                PermutationOptions options;
                options.threads = threadCount();
                outcome->result =
                    permutationImportance(*version->model.model, labelled.dataset, options, task);
                outcome->droppedRows = labelled.droppedRows;
            }
            emit importanceReady(id, std::move(outcome));
        },
        [&] { emit cancelled(id); }, [&](const QString& message) { emit failed(id, message); });
}

std::shared_ptr<const FeatureMatrix> PredictionWorker::encoded(const LoadedVersionPtr& version,
                                                               const TablePtr& table,
                                                               const std::string& source) {
    if (cache_.features && cache_.version.lock() == version && cache_.table.lock() == table)
        return cache_.features;
    cache_ = {version, table,
              std::make_shared<const FeatureMatrix>(
                  version->model.features(table->table, source))};
    return cache_.features;
}

void PredictionWorker::explainRow(int id, const LoadedVersionPtr& version, const TablePtr& table,
                                  const QString& source, qulonglong row,
                                  const CancelHandle& cancel) {
    guardedCall(
        [&] {
            const TaskContext task = taskFor(id, cancel);
            task.checkCancelled();
            requireInputs(version, table);
            if (row >= table->table.rowCount())
                throw InvalidArgument("row", "no row " + std::to_string(row + 1));
            const std::shared_ptr<const FeatureMatrix> features =
                encoded(version, table, source.toStdString());
            ShapOptions options;
            options.threads = threadCount();
            const std::vector<std::size_t> rows{static_cast<std::size_t>(row)};
            auto explanation = std::make_shared<RowExplanation>();
            explanation->tableRow = static_cast<std::size_t>(row);
            // The table's rows are the background (as the CLI's explain uses the file's).
            explanation->shap =
                explainShap(version->model, *features, rows, *features, options, task);
            for (const FeatureInfo& feature : version->model.schema.features) {
                const std::ptrdiff_t column = table->table.indexOf(feature.name);
                explanation->featureValues.push_back(
                    column < 0 ? std::string()
                               : table->table.column(static_cast<std::size_t>(column))
                                     .format(static_cast<std::size_t>(row)));
            }
            emit rowExplained(id, std::move(explanation));
        },
        [&] { emit cancelled(id); }, [&](const QString& message) { emit failed(id, message); });
}

void PredictionWorker::exportCsv(int id, const LoadedVersionPtr& version, const TablePtr& table,
                                 const PredictionsPtr& predictions, const QString& path,
                                 const CancelHandle& cancel) {
    guardedCall(
        [&] {
            const TaskContext task = taskFor(id, cancel);
            task.checkCancelled();
            requireInputs(version, table);
            const Table& data = table->table;
            const TrainedModel& model = version->model;
            if (!predictions || predictions->rows != data.rowCount())
                throw InvalidArgument("predictions", "the predictions do not match the table");
            // QSaveFile writes a temporary file and renames it into place on commit.
            QSaveFile file(path);
            const std::string name = localPath(path);
            if (!file.open(QIODevice::WriteOnly)) throw IoError(name, "cannot write");
            QByteArray chunk;
            for (std::size_t c = 0; c < data.columnCount(); ++c) {
                appendCsvField(chunk, data.column(c).name());
                chunk.append(',');
            }
            appendCsvField(chunk, "prediction");
            for (const std::string& c : model.classes) {
                chunk.append(',');
                appendCsvField(chunk, "proba_" + c);
            }
            chunk.append('\n');
            const bool classification = model.task == TaskKind::Classification;
            const std::size_t rows = data.rowCount();
            for (std::size_t r = 0; r < rows; ++r) {
                for (std::size_t c = 0; c < data.columnCount(); ++c) {
                    appendCsvField(chunk, data.column(c).format(r));
                    chunk.append(',');
                }
                if (classification) {
                    appendCsvField(
                        chunk,
                        model.classes[static_cast<std::size_t>(predictions->predictedClass(r))]);
                    for (double p : predictions->probabilitiesOf(r)) {
                        chunk.append(',');
                        chunk.append(formatNumber(p).c_str());
                    }
                } else {
                    chunk.append(formatNumber(predictions->values[r]).c_str());
                }
                chunk.append('\n');
                if (chunk.size() > (1 << 20) || r + 1 == rows) {
                    if (file.write(chunk) != chunk.size()) throw IoError(name, "cannot write");
                    chunk.clear();
                    task.report(static_cast<double>(r + 1) / static_cast<double>(rows), "export");
                }
            }
            if (rows == 0 && file.write(chunk) != chunk.size()) throw IoError(name, "cannot write");
            if (!file.commit()) throw IoError(name, "cannot write");
            emit exported(id, path, static_cast<qulonglong>(rows));
        },
        [&] { emit cancelled(id); }, [&](const QString& message) { emit failed(id, message); });
}

}  // namespace glassbox::gui
