#include "engine/dataset.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <unordered_map>

#include "engine/errors.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

// Sorted class names: numerically when every name is a number, otherwise by text.
void sortClassNames(std::vector<std::string>& names) {
    const bool numeric = std::all_of(names.begin(), names.end(), [](const std::string& n) {
        return parseNumber(n).has_value();
    });
    if (numeric)
        std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
            return *parseNumber(a) < *parseNumber(b);
        });
    else
        std::sort(names.begin(), names.end());
}

// The schema of the chosen feature columns, in table order.
FeatureSchema chosenFeatures(const Table& table, const std::string& target,
                             const std::vector<std::string>& names) {
    const std::set<std::string> chosen(names.begin(), names.end());
    for (const std::string& name : chosen) {
        const std::ptrdiff_t index = table.indexOf(name);
        if (index < 0) throw InvalidArgument("features", "no column named \"" + name + "\"");
        if (name == target) throw InvalidArgument("features", "\"" + name + "\" is the target");
        if (table.column(static_cast<std::size_t>(index)).type() == ColumnType::Text)
            throw InvalidArgument(
                "features", "column \"" + name + "\" is text; read it as categorical to use it");
    }
    FeatureSchema all = featureSchemaOf(table, target);
    std::erase_if(all.features, [&](const FeatureInfo& f) { return !chosen.contains(f.name); });
    return all;
}

}  // namespace

std::string_view taskName(TaskKind task) {
    return task == TaskKind::Classification ? "classification" : "regression";
}

std::optional<TaskKind> parseTaskName(std::string_view name) {
    if (name == "classification") return TaskKind::Classification;
    if (name == "regression") return TaskKind::Regression;
    return std::nullopt;
}

Dataset Dataset::subset(std::span<const std::size_t> rows) const {
    Dataset out;
    out.features = features.subset(rows);
    out.task = task;
    out.target = target;
    out.classes = classes;
    if (!labels.empty()) {
        out.labels.resize(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) out.labels[i] = labels[rows[i]];
    }
    if (!targets.empty()) {
        out.targets.resize(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) out.targets[i] = targets[rows[i]];
    }
    return out;
}

TaskKind inferTask(const Column& target) {
    if (target.type() != ColumnType::Numeric) return TaskKind::Classification;
    std::set<double> distinct;
    const auto values = target.numbers();
    for (std::size_t r = 0; r < target.size(); ++r) {
        if (target.isMissing(r)) continue;
        if (std::floor(values[r]) != values[r]) return TaskKind::Regression;
        distinct.insert(values[r]);
        if (distinct.size() > 10) return TaskKind::Regression;
    }
    return TaskKind::Classification;
}

std::vector<std::int32_t> labelsFor(const Column& column, const std::vector<std::string>& classes) {
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t i = 0; i < classes.size(); ++i)
        index.emplace(classes[i], static_cast<std::int32_t>(i));
    std::vector<std::int32_t> labels(column.size(), -1);
    for (std::size_t r = 0; r < column.size(); ++r) {
        if (column.isMissing(r)) continue;
        const auto it = index.find(column.format(r));
        if (it != index.end()) labels[r] = it->second;
    }
    return labels;
}

DatasetResult makeDataset(const Table& table, const std::string& target,
                          std::optional<TaskKind> task,
                          const std::optional<std::vector<std::string>>& features) {
    const std::ptrdiff_t targetIndex = table.indexOf(target);
    if (targetIndex < 0) throw InvalidArgument("--target", "no column named \"" + target + "\"");
    const Column& column = table.column(static_cast<std::size_t>(targetIndex));
    const TaskKind kind = task.value_or(inferTask(column));
    if (kind == TaskKind::Regression && column.type() != ColumnType::Numeric &&
        column.type() != ColumnType::Boolean)
        throw InvalidArgument("--target", "column \"" + target + "\" is " +
                                              std::string(columnTypeName(column.type())) +
                                              "; regression needs a numeric target");

    std::vector<std::size_t> kept;
    kept.reserve(table.rowCount());
    for (std::size_t r = 0; r < table.rowCount(); ++r)
        if (!column.isMissing(r)) kept.push_back(r);
    if (kept.size() < 2)
        throw InvalidArgument("--target", "column \"" + target + "\" has fewer than 2 values");

    DatasetResult result;
    result.droppedRows = table.rowCount() - kept.size();
    result.tableRows = kept;
    Dataset& data = result.dataset;
    data.task = kind;
    data.target = target;
    const FeatureSchema schema =
        features ? chosenFeatures(table, target, *features) : featureSchemaOf(table, target);
    const FeatureMatrix all = encodeFeatures(table, schema, std::string("--target"));
    data.features = kept.size() == table.rowCount() ? all : all.subset(kept);

    if (kind == TaskKind::Regression) {
        data.targets.reserve(kept.size());
        for (std::size_t r : kept) data.targets.push_back(column.number(r));
        return result;
    }
    std::set<std::string> names;
    for (std::size_t r : kept) names.insert(column.format(r));
    if (names.size() < 2)
        throw InvalidArgument("--target", "column \"" + target +
                                              "\" has a single class; classification needs two "
                                              "or more");
    data.classes.assign(names.begin(), names.end());
    sortClassNames(data.classes);
    const std::vector<std::int32_t> all_labels = labelsFor(column, data.classes);
    data.labels.reserve(kept.size());
    for (std::size_t r : kept) data.labels.push_back(all_labels[r]);
    return result;
}

}  // namespace glassbox

namespace glassbox {

std::vector<double> balancedClassWeights(const Dataset& data) {
    std::vector<double> counts(data.classCount(), 0.0);
    for (std::int32_t label : data.labels) counts[label] += 1.0;
    std::vector<double> weights(counts.size(), 0.0);
    for (std::size_t c = 0; c < counts.size(); ++c)
        if (counts[c] > 0)
            weights[c] = static_cast<double>(data.rows()) / (counts.size() * counts[c]);
    return weights;
}

}  // namespace glassbox
