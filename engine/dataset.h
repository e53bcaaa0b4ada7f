#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/feature_matrix.h"
#include "engine/table.h"

namespace glassbox {

enum class TaskKind : std::uint8_t { Classification, Regression };

// "classification" / "regression".
std::string_view taskName(TaskKind task);
std::optional<TaskKind> parseTaskName(std::string_view name);

// What a learner is fitted on: the features, and the target as class indices (classification)
// or numbers (regression).
struct Dataset {
    FeatureMatrix features;
    TaskKind task = TaskKind::Classification;
    std::string target;
    // Classification: class names in sorted order (numbers numerically, otherwise by text), and
    // each row's class index into them.
    std::vector<std::string> classes;
    std::vector<std::int32_t> labels;
    // Regression: each row's target value.
    std::vector<double> targets;

    std::size_t rows() const { return features.rows(); }
    std::size_t classCount() const { return classes.size(); }

    // The rows `rows` (in that order; repeats allowed), with the same classes.
    Dataset subset(std::span<const std::size_t> rows) const;
};

// The task a target column suggests: categorical, boolean and text columns are
// classification; a numeric column is classification when its values are whole numbers with at
// most 10 distinct values (0/1 flags, ratings), regression otherwise.
TaskKind inferTask(const Column& target);

struct DatasetResult {
    Dataset dataset;
    std::size_t droppedRows = 0;  // rows whose target is missing
    // The table row of each dataset row (the table's rows less those left out), so a view can
    // point from a dataset row back to the table.
    std::vector<std::size_t> tableRows;
};

// Builds the dataset for `target` from `table`: every other non-text column is a feature, or,
// when `features` is given, just those columns (in table order). Rows with a missing target
// are left out (and counted). Throws InvalidArgument("--target") when the column does not
// exist, cannot serve the task, or leaves fewer than 2 rows (classification: fewer than 2
// classes); InvalidArgument("features") for a feature that is not a column, is the target,
// or is text.
DatasetResult makeDataset(const Table& table, const std::string& target,
                          std::optional<TaskKind> task,
                          const std::optional<std::vector<std::string>>& features = std::nullopt);

// Class-index labels of `column` against known `classes` (predict/evaluate time); rows whose
// class is missing or unknown get -1.
std::vector<std::int32_t> labelsFor(const Column& column, const std::vector<std::string>& classes);

}  // namespace glassbox

namespace glassbox {

// scikit-learn's class_weight="balanced": weight of class c = rows / (classes * rows of c)
// (0 for a class with no rows).
std::vector<double> balancedClassWeights(const Dataset& data);

}  // namespace glassbox
