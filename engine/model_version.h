#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/dataset.h"
#include "engine/metrics.h"

namespace glassbox {

// What identifies the data a model was trained or evaluated on.
struct DatasetFingerprint {
    std::string file;  // the path as given, made absolute
    std::uint64_t rows = 0;
    std::uint64_t columns = 0;
    std::string sha256;  // of the file's bytes, lower-case hex
};

// Where a version stands in its life. Stored as its name.
enum class Stage { None, Staging, Production, Archived };
std::string_view stageName(Stage stage);
std::optional<Stage> parseStageName(std::string_view name);

// What the caller gives when adding a version (the model itself is passed separately).
struct NewVersion {
    std::string name;
    Scores metrics;
    // Cross-validation: one Scores per fold (empty otherwise), and how metrics were obtained.
    std::vector<Scores> perFold;
    std::string validation;
    DatasetFingerprint dataset;
    std::string preparationJson = "[]";  // the preparation steps (a JSON list)
    std::optional<std::int64_t> parent;  // the version this one was derived from
    std::vector<std::string> tags;
    std::string notes;
};

// One named score; nullopt where the score is undefined (an AUC with one class present).
using MetricValue = std::pair<std::string, std::optional<double>>;

// One version of the history: everything but the model bytes.
struct ModelVersion {
    std::int64_t id = 0;
    std::string name;
    std::string created;  // UTC, ISO 8601: 2026-11-23T17:40:00Z
    std::string learner;
    std::map<std::string, std::string> params;
    TaskKind task = TaskKind::Classification;
    std::string target;
    std::vector<std::string> classes;
    std::string featuresJson;          // [{"name","type","levels"?}], as in the model file header
    std::vector<MetricValue> metrics;  // the numeric scores, in the order they were given
    std::string metricsJson;           // all scores, with the confusion matrix
    std::string validationJson;        // {"description", "per_fold": [scores...]}
    DatasetFingerprint dataset;
    std::string preparationJson;
    std::uint64_t seed = 0;
    std::string glassboxVersion;
    std::optional<std::int64_t> parent;
    Stage stage = Stage::None;
    std::string notes;
    std::vector<std::string> tags;
    std::uint64_t modelBytes = 0;
    std::string modelSha256;
    std::string originJson;  // empty, or where an imported version came from (JSON object)

    std::optional<double> metric(const std::string& name) const;
};

// A later evaluation of a version on other data (`evaluate`).
struct Evaluation {
    std::int64_t id = 0;
    std::int64_t version = 0;
    std::string created;
    DatasetFingerprint dataset;
    std::vector<MetricValue> metrics;
    std::string metricsJson;
};

// Which versions `list` returns, and in which order.
struct VersionFilter {
    std::optional<std::string> learner;
    std::optional<std::string> target;
    std::optional<std::string> dataset;  // a SHA-256, or its first characters
    std::optional<Stage> stage;
    std::optional<std::string> tag;
    // Sorted by this metric (versions without it last), else newest first.
    std::optional<std::string> sortMetric;
    bool descending = true;
    std::size_t limit = 0;  // 0: all
};

// Two versions side by side (`compare A B`).
struct VersionComparison {
    struct ParamDifference {
        std::string name;
        std::optional<std::string> a, b;  // nullopt: the learner has no such parameter
    };
    struct MetricDelta {
        std::string name;
        std::optional<double> a, b;
        std::optional<double> delta;  // b - a when both are defined
    };
    ModelVersion a, b;
    std::vector<ParamDifference> params;  // only the parameters that differ
    std::vector<MetricDelta> metrics;     // every metric either has
    bool sameLearner = false;
    bool sameTarget = false;
    bool sameDataset = false;  // same SHA-256 of the data file
};

// One point of a metric's series over versions (for a chart).
struct MetricPoint {
    std::int64_t version = 0;
    std::string created;
    std::string learner;
    std::string name;
    std::string datasetSha256;
    std::optional<double> value;
};

}  // namespace glassbox
