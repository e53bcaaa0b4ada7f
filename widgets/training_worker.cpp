#include "widgets/training_worker.h"

#include <QFile>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <new>
#include <thread>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "engine/dataset_fingerprint.h"
#include "engine/elapsed.h"
#include "engine/errors.h"
#include "engine/metric_direction.h"
#include "engine/search_space.h"
#include "engine/sha256.h"
#include "engine/table_training.h"
#include "engine/table_tuning.h"
#include "widgets/engine_types.h"
#include "widgets/guarded_call.h"
#include "widgets/progress_throttle.h"
#include "widgets/sample_datasets.h"

namespace glassbox::gui {
namespace {

// The training thread shares the machine with the GUI thread: one thread fewer than the cores
// keeps the window fluid while a model trains (at least one).
unsigned trainingThreads() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 1 ? cores - 1 : 1;
}

// Training runs at a lower scheduling priority than the GUI thread (nice 10 on Linux, where a
// thread's nice value is its own and the fitting threads it starts inherit it), so a window
// that needs the CPU gets it at once even when every core is busy fitting.
void lowerTrainingPriority() {
#ifdef __linux__
    static thread_local bool lowered = false;
    if (lowered) return;
    lowered = true;
    const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
    const int current = ::getpriority(PRIO_PROCESS, thread);
    if (current < 10) ::setpriority(PRIO_PROCESS, thread, 10);
#endif
}

struct PreparedData {
    DatasetResult built;
    std::vector<Warning> warnings;
};

// The dataset a request trains on, with the warnings a user should see.
PreparedData prepare(const Table& table, const std::string& target,
                     const std::optional<TaskKind>& task,
                     const std::optional<std::vector<std::string>>& features,
                     const Learner& learner) {
    PreparedData out{makeDataset(table, target, task, features), {}};
    if (out.built.droppedRows > 0)
        out.warnings.push_back({"rows with a missing target were left out", out.built.droppedRows});
    if (!learner.supports(out.built.dataset.task))
        throw InvalidArgument("learner", std::string(learner.name()) + " does not do " +
                                             std::string(taskName(out.built.dataset.task)));
    if (out.built.dataset.features.schema().features.empty())
        throw InvalidArgument("features", "no feature columns are chosen");
    return out;
}

DatasetFingerprint fingerprintOf(const DataSource& source, const Table& table,
                                 const TaskContext& task) {
    if (!source.path.isEmpty())
        return fingerprintDataFile(QFile::encodeName(source.path).toStdString(), table.rowCount(),
                                   table.columnCount(), task);
    DatasetFingerprint fingerprint;
    fingerprint.rows = table.rowCount();
    fingerprint.columns = table.columnCount();
    if (const SampleDataset* sample = SampleDatasets::find(source.sample)) {
        const QByteArray bytes = SampleDatasets::bytes(*sample);
        fingerprint.file = "sample:" + sample->fileName.toStdString();
        fingerprint.sha256 = Sha256::hex(Sha256::of(std::span(
            reinterpret_cast<const std::uint8_t*>(bytes.constData()), std::size_t(bytes.size()))));
    } else {
        fingerprint.file = source.displayName.toStdString();
    }
    return fingerprint;
}

}  // namespace

TrainingWorker::TrainingWorker(QString registryPath, QObject* parent)
    : QObject(parent), registryPath_(std::move(registryPath)) {
    registerEngineMetaTypes();
}

TrainingWorker::~TrainingWorker() = default;

TaskContext TrainingWorker::taskFor(int job, const CancelHandle& cancel) {
    auto throttle = std::make_shared<ProgressThrottle>();
    return TaskContext(
        [this, job, throttle](double fraction, std::string_view stage) {
            if (throttle->admit())
                emit progress(job, fraction,
                              QString::fromUtf8(stage.data(), qsizetype(stage.size())));
        },
        cancel.get());
}

ModelRegistry& TrainingWorker::registry() {
    if (!registry_)
        registry_.emplace(ModelRegistry::open(QFile::encodeName(registryPath_).toStdString()));
    return *registry_;
}

std::int64_t TrainingWorker::save(const TrainingOutcome& outcome, const Table& table,
                                  const TaskContext& task) {
    const TrainingRequest& request = outcome.request;
    NewVersion version;
    version.name = request.versionName;
    version.metrics = outcome.run.metrics;
    version.perFold = outcome.run.perFold;
    version.validation = outcome.run.validation;
    version.parent = request.parent;
    version.dataset = fingerprintOf(request.source, table, task);
    return registry().addVersion(outcome.run.trained, version);
}

void TrainingWorker::train(int job, const std::shared_ptr<const Table>& table,
                           const TrainingRequest& request, const CancelHandle& cancel) {
    guardedCall(
        [&] {
            lowerTrainingPriority();
            const auto start = std::chrono::steady_clock::now();
            const TaskContext task = taskFor(job, cancel);
            task.report(0.0, "preparing the data");
            const Learner& learner = learnerNamed(request.learner);
            const ParamValues params = ParamValues::resolve(learner.params(), request.params);
            auto outcome = std::make_shared<TrainingOutcome>();
            outcome->job = job;
            outcome->request = request;
            const TaskContext training = task.sub(0.0, request.saveToHistory ? 0.97 : 1.0);
            const FitOptions options{request.seed, trainingThreads()};
            std::vector<Warning> warnings;
            Dataset dataset;
            if (request.preparation.empty()) {
                PreparedData data =
                    prepare(*table, request.target, request.task, request.features, learner);
                outcome->run = trainAndValidate(learner, data.built.dataset, params,
                                                request.validation, options, training);
                dataset = std::move(data.built.dataset);
                outcome->tableRows = std::move(data.built.tableRows);
                warnings = std::move(data.warnings);
            } else {
                const PipelineSpec steps =
                    parsePipelineTexts(request.preparation, request.privacyBudget);
                TableTrainingRun run =
                    trainOnTable(learner, *table, request.target, request.task, request.features,
                                 steps, params, request.validation, options, training);
                outcome->run = std::move(run.run);
                dataset = std::move(run.dataset);
                outcome->tableRows = std::move(run.tableRows);
                if (run.droppedRows > 0)
                    warnings.push_back(
                        {"rows with a missing target were left out", run.droppedRows});
                if (run.protectedRows > 0)
                    warnings.push_back({"rows were suppressed to protect the data (k-anonymity)",
                                        run.protectedRows});
            }
            if (dataset.task == TaskKind::Classification) {
                outcome->truth.reserve(outcome->run.rows.size());
                for (std::size_t row : outcome->run.rows)
                    outcome->truth.push_back(dataset.labels[row]);
            }
            for (const FeatureInfo& f : outcome->run.trained.schema.features)
                outcome->featureNames.push_back(f.name);
            outcome->warnings = std::move(warnings);
            task.checkCancelled();  // a cancel during the last fit leaves no version
            if (request.saveToHistory) {
                try {
                    outcome->version = save(*outcome, *table, task.sub(0.97, 1.0, "saving"));
                } catch (const Cancelled&) {
                    throw;
                } catch (const std::exception& e) {
                    outcome->historyError = QString::fromStdString(e.what());
                }
            }
            outcome->seconds = secondsSince(start);
            emit trainingFinished(std::move(outcome));
        },
        [&] { emit cancelled(job); }, [&](const QString& message) { emit failed(job, message); });
}

void TrainingWorker::tune(int job, const std::shared_ptr<const Table>& table,
                          const TuningRequest& request, const CancelHandle& cancel) {
    guardedCall(
        [&] {
            lowerTrainingPriority();
            const auto start = std::chrono::steady_clock::now();
            const TaskContext task = taskFor(job, cancel);
            task.report(0.0, "preparing the data");
            const Learner& learner = learnerNamed(request.learner);
            // The fixed parameters become one-value dimensions, so every candidate has them.
            SearchSpace space(learner.params());
            for (const std::string& assignment : request.values) space.addValues(assignment);
            for (const std::string& assignment : request.ranges) space.addRange(assignment);
            if (space.empty())
                throw InvalidArgument("--grid", "choose at least one parameter to search");
            const std::vector<std::string> searched = space.names();
            for (const auto& [name, value] : request.fixedParams)
                if (std::find(searched.begin(), searched.end(), name) == searched.end())
                    space.addValues(name + "=" + value);
            const std::vector<ParamValues> candidates =
                request.randomCount > 0 ? space.sample(request.randomCount, request.seed)
                                        : space.grid();
            TuningOptions options;
            options.folds = request.folds;
            options.foldRule = request.rule;
            options.metric = request.metric;
            options.seed = request.seed;
            options.threads = trainingThreads();
            options.refit = false;
            TuningResult result;
            if (request.preparation.empty()) {
                const PreparedData data =
                    prepare(*table, request.target, request.task, request.features, learner);
                result = glassbox::tune(learner, data.built.dataset, candidates, options, task);
            } else {
                const PipelineSpec steps =
                    parsePipelineTexts(request.preparation, request.privacyBudget);
                result = tuneOnTable(learner, *table, request.target, request.task,
                                     request.features, steps, candidates, options, task)
                             .result;
            }

            auto outcome = std::make_shared<TuningOutcome>();
            outcome->job = job;
            outcome->request = request;
            outcome->metric = result.metric;
            outcome->lowerIsBetter = lowerIsBetter(result.metric);
            outcome->searched = searched;
            outcome->candidates = std::move(result.candidates);
            outcome->best = result.best;
            outcome->seconds = secondsSince(start);
            emit tuningFinished(std::move(outcome));
        },
        [&] { emit cancelled(job); }, [&](const QString& message) { emit failed(job, message); });
}

}  // namespace glassbox::gui
