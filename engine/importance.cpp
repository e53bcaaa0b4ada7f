#include "engine/importance.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <utility>

#include "engine/errors.h"
#include "engine/metric_direction.h"
#include "engine/metrics.h"
#include "engine/parallel_for.h"
#include "engine/random.h"

namespace glassbox {
namespace {

void normalize(std::vector<double>& values) {
    const double sum = std::accumulate(values.begin(), values.end(), 0.0);
    if (sum > 0)
        for (double& v : values) v /= sum;
}

// Largest value first; ties in schema order.
void sortByValue(std::vector<FeatureImportance>& features) {
    std::stable_sort(
        features.begin(), features.end(),
        [](const FeatureImportance& a, const FeatureImportance& b) { return a.value > b.value; });
}

std::vector<FeatureImportance> entriesFor(const FeatureSchema& schema,
                                          const std::vector<double>& values) {
    std::vector<FeatureImportance> out(schema.size());
    for (std::size_t f = 0; f < schema.size(); ++f) {
        out[f].feature = f;
        out[f].name = schema.features[f].name;
        out[f].value = values[f];
    }
    return out;
}

// The features of `data` with column `feature` reordered by `order` (row i takes row order[i]'s
// value).
FeatureMatrix withPermutedColumn(const FeatureMatrix& data, std::size_t feature,
                                 std::span<const std::size_t> order) {
    std::vector<FeatureColumn> columns(data.featureCount());
    for (std::size_t f = 0; f < data.featureCount(); ++f) {
        const bool permute = f == feature;
        if (data.isCategorical(f)) {
            const auto codes = data.codes(f);
            columns[f].codes.resize(codes.size());
            for (std::size_t i = 0; i < codes.size(); ++i)
                columns[f].codes[i] = codes[permute ? order[i] : i];
        } else {
            const auto values = data.values(f);
            columns[f].values.resize(values.size());
            for (std::size_t i = 0; i < values.size(); ++i)
                columns[f].values[i] = values[permute ? order[i] : i];
        }
    }
    return FeatureMatrix(data.schema(), std::move(columns), data.rows());
}

}  // namespace

std::vector<double> treeGainSums(const FlatTree& tree, std::size_t featureCount) {
    std::vector<double> sums(featureCount, 0.0);
    for (std::size_t node = 0; node < tree.nodeCount(); ++node)
        if (!tree.isLeaf(node))
            sums[static_cast<std::size_t>(tree.feature[node])] += tree.gain[node];
    return sums;
}

std::vector<double> meanDecreaseImpurity(std::span<const FlatTree> trees,
                                         std::size_t featureCount) {
    // As sklearn's BaseForest.feature_importances_: trees that are a single leaf are left out
    // of the mean (their importances would be all zeros).
    std::vector<double> mean(featureCount, 0.0);
    std::size_t counted = 0;
    for (const FlatTree& tree : trees) {
        if (tree.nodeCount() <= 1) continue;
        std::vector<double> sums = treeGainSums(tree, featureCount);
        normalize(sums);
        for (std::size_t f = 0; f < featureCount; ++f) mean[f] += sums[f];
        ++counted;
    }
    if (counted == 0) return mean;
    for (double& v : mean) v /= static_cast<double>(counted);
    normalize(mean);
    return mean;
}

std::vector<double> totalGain(std::span<const FlatTree> trees, std::size_t featureCount) {
    std::vector<double> total(featureCount, 0.0);
    for (const FlatTree& tree : trees) {
        const std::vector<double> sums = treeGainSums(tree, featureCount);
        for (std::size_t f = 0; f < featureCount; ++f) total[f] += sums[f];
    }
    return total;
}

ImportanceResult impurityImportance(const TrainedModel& model) {
    const std::span<const FlatTree> trees = model.model->trees();
    if (trees.empty())
        throw InvalidArgument("--method",
                              "importance needs a tree model (decision_tree, random_forest, "
                              "gradient_boosting), and " +
                                  model.learner +
                                  " has no trees; use --method permutation, which works for "
                                  "any model");
    const std::size_t featureCount = model.schema.size();
    ImportanceResult result;
    if (model.learner == "gradient_boosting") {
        result.method = "gain";
        const std::vector<double> total = totalGain(trees, featureCount);
        std::vector<double> normalized = total;
        normalize(normalized);
        result.features = entriesFor(model.schema, normalized);
        for (FeatureImportance& entry : result.features) entry.totalGain = total[entry.feature];
    } else {
        result.method = "impurity";
        result.features = entriesFor(model.schema, meanDecreaseImpurity(trees, featureCount));
    }
    sortByValue(result.features);
    return result;
}

ImportanceResult permutationImportance(const Model& model, const Dataset& data,
                                       const PermutationOptions& options, const TaskContext& task) {
    if (options.repeats == 0) throw InvalidArgument("--repeats", "must be at least 1");
    if (data.rows() == 0) throw InvalidArgument("--rows", "no labelled rows to score");
    const std::string metric = options.metric.empty() ? defaultMetric(data.task) : options.metric;
    checkMetric(metric, data.task, "--metric");
    // Predictions check only the token; progress is reported here, from the calling thread.
    const TaskContext quiet(nullptr, task.cancelToken());
    auto scoreOf = [&](const FeatureMatrix& features) {
        const Scores scores = scoresFor(data, model.predict(features, quiet));
        return scores.get(metric);
    };

    task.report(0.0, "baseline");
    const std::optional<double> baseline = scoreOf(data.features);
    if (!baseline || !std::isfinite(*baseline))
        throw InvalidArgument("--metric", metric + " is not defined on these rows");

    // As scikit-learn: one permutation per repeat, shared by all features.
    const std::size_t rows = data.rows();
    std::vector<std::vector<std::size_t>> orders(options.repeats);
    for (std::size_t r = 0; r < options.repeats; ++r) {
        orders[r].resize(rows);
        std::iota(orders[r].begin(), orders[r].end(), std::size_t{0});
        Random random(options.seed, r);
        random.shuffle(orders[r].begin(), orders[r].end());
    }

    const std::size_t featureCount = data.features.featureCount();
    const std::size_t jobs = featureCount * options.repeats;
    const double sign = lowerIsBetter(metric) ? -1.0 : 1.0;
    std::vector<double> drops(jobs, 0.0);  // [feature * repeats + repeat]
    std::atomic<std::size_t> done{0};
    parallelFor(jobs, options.threads, [&](std::size_t job, bool onCaller) {
        task.checkCancelled();
        const std::size_t feature = job / options.repeats;
        const std::size_t repeat = job % options.repeats;
        const std::optional<double> permuted =
            scoreOf(withPermutedColumn(data.features, feature, orders[repeat]));
        drops[job] = sign * (*baseline - *permuted);
        const std::size_t finished = done.fetch_add(1) + 1;
        if (onCaller)
            task.report(
                static_cast<double>(finished) / static_cast<double>(jobs),
                "feature " + std::to_string(feature + 1) + " of " + std::to_string(featureCount));
        return true;
    });

    ImportanceResult result;
    result.method = "permutation";
    result.metric = metric;
    result.baseline = *baseline;
    result.repeats = options.repeats;
    result.rows = rows;
    result.features = entriesFor(data.features.schema(), std::vector<double>(featureCount, 0.0));
    for (std::size_t f = 0; f < featureCount; ++f) {
        const std::span<const double> d(drops.data() + f * options.repeats, options.repeats);
        const double mean = std::accumulate(d.begin(), d.end(), 0.0) / d.size();
        double squares = 0.0;
        for (double x : d) squares += (x - mean) * (x - mean);
        result.features[f].value = mean;
        result.features[f].std = std::sqrt(squares / d.size());
    }
    sortByValue(result.features);
    task.report(1.0, "done");
    return result;
}

DatasetResult labelledRows(const TrainedModel& model, const Table& table, const std::string& source,
                           std::span<const std::size_t> rows) {
    const std::ptrdiff_t targetIndex = table.indexOf(model.target);
    if (targetIndex < 0)
        throw InvalidArgument(source, "column \"" + model.target +
                                          "\" (the model's target) is missing; scoring the "
                                          "model needs the true values");
    const Column& column = table.column(static_cast<std::size_t>(targetIndex));
    std::vector<std::size_t> all;
    if (rows.empty()) {
        all.resize(table.rowCount());
        std::iota(all.begin(), all.end(), std::size_t{0});
        rows = all;
    }

    DatasetResult result;
    Dataset& data = result.dataset;
    data.task = model.task;
    data.target = model.target;
    data.classes = model.classes;
    std::vector<std::size_t> kept;
    kept.reserve(rows.size());
    if (model.task == TaskKind::Classification) {
        const std::vector<std::int32_t> labels = labelsFor(column, model.classes);
        for (std::size_t r : rows)
            if (labels[r] >= 0) {
                kept.push_back(r);
                data.labels.push_back(labels[r]);
            }
    } else {
        if (column.type() != ColumnType::Numeric && column.type() != ColumnType::Boolean)
            throw InvalidArgument(source, "column \"" + model.target + "\" is " +
                                              std::string(columnTypeName(column.type())) +
                                              ", but the model predicts numbers");
        for (std::size_t r : rows)
            if (!column.isMissing(r) && std::isfinite(column.number(r))) {
                kept.push_back(r);
                data.targets.push_back(column.number(r));
            }
    }
    result.droppedRows = rows.size() - kept.size();
    data.features = model.features(table, source).subset(kept);
    result.tableRows = std::move(kept);
    return result;
}

}  // namespace glassbox
