#include "widgets/explanation_worker.h"

#include <QThread>
#include <algorithm>
#include <exception>
#include <new>
#include <numeric>
#include <span>
#include <string>
#include <utility>

#include "engine/errors.h"
#include "engine/flat_tree.h"
#include "engine/random.h"
#include "engine/tree_paths.h"
#include "widgets/guarded_call.h"
#include "widgets/progress_throttle.h"

namespace glassbox::gui {
namespace {

unsigned threadCount() {
    return static_cast<unsigned>(std::max(1, QThread::idealThreadCount()));
}

const TrainedModel& requireModel(const ExplanationSubject& subject) {
    if (!subject.model || !subject.model->model)
        throw InvalidArgument("model", "no model is chosen");
    return *subject.model;
}

const Table& requireTable(const ExplanationSubject& subject) {
    if (!subject.table) throw InvalidArgument("data", "no data table is open");
    return *subject.table;
}

const FlatTree& treeOf(const TrainedModel& model, std::size_t index) {
    const std::span<const FlatTree> trees = model.model->trees();
    if (trees.empty())
        throw InvalidArgument("tree", "the model (" + model.learner + ") has no trees");
    if (index >= trees.size())
        throw InvalidArgument("tree", "no tree " + std::to_string(index + 1) + " (the model has " +
                                          std::to_string(trees.size()) + ")");
    return trees[index];
}

// `count` of the rows 0 .. total - 1 (all when fewer), a seeded uniform sample in increasing
// order.
std::vector<std::size_t> sampleOf(std::size_t total, std::size_t count, std::uint64_t seed) {
    std::vector<std::size_t> rows(total);
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    if (count == 0 || count >= total) return rows;
    Random random(seed, 0x5A3D);
    // A partial Fisher-Yates: the first `count` slots are a uniform sample.
    for (std::size_t i = 0; i < count; ++i) std::swap(rows[i], rows[i + random.index(total - i)]);
    rows.resize(count);
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::size_t featureIndex(const TrainedModel& model, const std::string& name) {
    const FeatureSchema& schema = model.schema;
    for (std::size_t f = 0; f < schema.size(); ++f)
        if (schema.features[f].name == name) return f;
    throw InvalidArgument("feature", "\"" + name + "\" is not a feature of the model" +
                                         (name == model.target ? " (it is the target)" : ""));
}

void requireLabelledRows(const DatasetResult& labelled, const TrainedModel& model,
                         const std::string& source) {
    if (labelled.dataset.rows() == 0)
        throw ParseError(
            source, 0, 0,
            "no row has a target value the model knows (column \"" + model.target + "\")");
}

}  // namespace

ExplanationWorker::ExplanationWorker(QObject* parent) : QObject(parent) {
    registerExplanationMetaTypes();
}

TaskContext ExplanationWorker::taskFor(int id, const CancelHandle& cancel) {
    auto throttle = std::make_shared<ProgressThrottle>();
    return TaskContext(
        [this, id, throttle](double fraction, std::string_view) {
            if (throttle->admit()) emit progress(id, fraction);
        },
        cancel.get());
}

template <typename Work>
void ExplanationWorker::guarded(int id, Work&& work) {
    guardedCall(
        std::forward<Work>(work), [&] { emit cancelled(id); },
        [&](const QString& message) { emit failed(id, message); });
}

std::shared_ptr<const FeatureMatrix> ExplanationWorker::encoded(const ExplanationSubject& subject) {
    const TrainedModel& model = requireModel(subject);
    const Table& table = requireTable(subject);
    if (cache_.features && cache_.model.lock() == subject.model &&
        cache_.table.lock() == subject.table)
        return cache_.features;
    cache_ = {};  // the old matrix may be large: free it before encoding the new one
    auto features = std::make_shared<const FeatureMatrix>(
        model.features(table, subject.source.toStdString()));
    cache_ = {subject.model, subject.table, features};
    return features;
}

void ExplanationWorker::curves(int id, const ExplanationSubject& subject,
                               const CurvesRequest& request, const CancelHandle& cancel) {
    guarded(id, [&] {
        const TaskContext task = taskFor(id, cancel);
        task.checkCancelled();
        const TrainedModel& model = requireModel(subject);
        if (model.task != TaskKind::Classification) {
            emit failed(id, tr("Curves need a classification model."));
            return;
        }
        auto out = std::make_shared<CurvesExplanation>();
        out->classes = model.classes;
        if (subject.outcome && request.useRunPredictions) {
            const std::shared_ptr<const TrainingOutcome>& outcome = subject.outcome;
            const TrainingRun& run = outcome->run;
            out->fromRun = true;
            out->validation = run.validation;
            out->predictions = std::shared_ptr<const Predictions>(outcome, &run.predictions);
            out->truth = outcome->truth;
            out->tableRows.reserve(run.rows.size());
            for (std::size_t r : run.rows)
                out->tableRows.push_back(r < outcome->tableRows.size() ? outcome->tableRows[r] : r);
        } else {
            const std::string source = subject.source.toStdString();
            DatasetResult labelled = labelledRows(model, requireTable(subject), source);
            requireLabelledRows(labelled, model, source);
            out->predictions = std::make_shared<const Predictions>(
                model.model->predict(labelled.dataset.features, task.sub(0.0, 0.9)));
            out->truth = std::move(labelled.dataset.labels);
            out->tableRows = std::move(labelled.tableRows);
            out->droppedRows = labelled.droppedRows;
        }
        task.checkCancelled();
        out->classCounts.assign(model.classes.size(), 0);
        for (std::int32_t t : out->truth)
            if (t >= 0 && static_cast<std::size_t>(t) < out->classCounts.size()) {
                ++out->classCounts[static_cast<std::size_t>(t)];
                ++out->rows;
            }
        out->curves = classificationCurves(out->truth, *out->predictions, request.options);
        emit curvesReady(id, std::move(out));
    });
}

void ExplanationWorker::importance(int id, const ExplanationSubject& subject,
                                   const ImportanceRequest& request, const CancelHandle& cancel) {
    guarded(id, [&] {
        const TaskContext task = taskFor(id, cancel);
        task.checkCancelled();
        const TrainedModel& model = requireModel(subject);
        auto out = std::make_shared<ImportanceExplanation>();
        if (request.kind != ImportanceKind::Permutation) {
            out->result = impurityImportance(model);
        } else {
            const Table& table = requireTable(subject);
            const std::string source = subject.source.toStdString();
            const std::vector<std::size_t> rows =
                request.sampleRows > 0 && request.sampleRows < table.rowCount()
                    ? sampleOf(table.rowCount(), request.sampleRows, request.seed)
                    : std::vector<std::size_t>{};
            const DatasetResult labelled = labelledRows(model, table, source, rows);
            requireLabelledRows(labelled, model, source);
            PermutationOptions options;
            options.metric = request.metric;
            options.repeats = request.repeats;
            options.seed = request.seed;
            options.threads = threadCount();
            out->result = permutationImportance(*model.model, labelled.dataset, options, task);
            out->droppedRows = labelled.droppedRows;
        }
        emit importanceReady(id, std::move(out));
    });
}

void ExplanationWorker::shap(int id, const ExplanationSubject& subject, const ShapRequest& request,
                             const CancelHandle& cancel) {
    guarded(id, [&] {
        const TaskContext task = taskFor(id, cancel);
        task.checkCancelled();
        const TrainedModel& model = requireModel(subject);
        const std::shared_ptr<const FeatureMatrix> features = encoded(subject);
        auto out = std::make_shared<ShapExplanation>();
        out->tableRowCount = features->rows();
        out->tableRows = request.rows;
        if (out->tableRows.empty()) {
            out->tableRows = sampleOf(features->rows(), request.sampleRows, request.seed);
            out->sampled = out->tableRows.size() < features->rows();
        }
        ShapOptions options;
        options.samples = request.samples;
        options.backgroundRows = request.backgroundRows;
        options.seed = request.seed;
        options.threads = threadCount();
        // The table's rows are the background (as the CLI's explain uses the file's).
        out->shap =
            explainShap(model, *features, out->tableRows, *features, options, task.sub(0.0, 0.9));
        out->features = features->subset(out->tableRows);
        out->predictions = model.model->predict(out->features, task.sub(0.9, 1.0));
        emit shapReady(id, std::move(out));
    });
}

void ExplanationWorker::partialDependence(int id, const ExplanationSubject& subject,
                                          const DependenceRequest& request,
                                          const CancelHandle& cancel) {
    guarded(id, [&] {
        const TaskContext task = taskFor(id, cancel);
        task.checkCancelled();
        const TrainedModel& model = requireModel(subject);
        const std::size_t feature = featureIndex(model, request.feature);
        const std::shared_ptr<const FeatureMatrix> features = encoded(subject);
        PartialDependenceOptions options;
        options.points = request.points;
        options.lowerPercentile = request.lowerPercentile;
        options.upperPercentile = request.upperPercentile;
        options.rows = request.rows;
        options.sampleRows = request.iceRows;
        options.seed = request.seed;
        options.threads = threadCount();
        auto out = std::make_shared<DependenceExplanation>();
        out->dependence =
            glassbox::partialDependence(*model.model, *features, feature, options, task);
        out->feature = request.feature;
        out->task = model.task;
        out->classes = model.classes;
        out->tableRowCount = features->rows();
        emit dependenceReady(id, std::move(out));
    });
}

void ExplanationWorker::decisionPath(int id, const ExplanationSubject& subject, std::size_t tree,
                                     std::size_t tableRow, const CancelHandle& cancel) {
    guarded(id, [&] {
        const TaskContext task = taskFor(id, cancel);
        task.checkCancelled();
        const FlatTree& flat = treeOf(requireModel(subject), tree);
        const std::shared_ptr<const FeatureMatrix> features = encoded(subject);
        if (tableRow >= features->rows())
            throw InvalidArgument("row", "no row " + std::to_string(tableRow + 1) +
                                             " (the table has " + std::to_string(features->rows()) +
                                             " rows)");
        auto out = std::make_shared<DecisionPath>();
        out->tree = tree;
        out->tableRow = tableRow;
        out->leaf = flat.leafFor(*features, tableRow, &out->nodes);
        emit pathReady(id, std::move(out));
    });
}

void ExplanationWorker::rowsAtNode(int id, const ExplanationSubject& subject, std::size_t tree,
                                   std::size_t node, const CancelHandle& cancel) {
    guarded(id, [&] {
        const TaskContext task = taskFor(id, cancel);
        task.checkCancelled();
        const FlatTree& flat = treeOf(requireModel(subject), tree);
        const std::shared_ptr<const FeatureMatrix> features = encoded(subject);
        auto out = std::make_shared<NodeRows>();
        out->tree = tree;
        out->node = node;
        out->rows = rowsReachingNode(flat, *features, node, threadCount(), task);
        out->tableRowCount = features->rows();
        emit nodeRowsReady(id, std::move(out));
    });
}

}  // namespace glassbox::gui
