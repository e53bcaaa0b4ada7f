#pragma once

#include <map>
#include <string>
#include <vector>

#include "engine/feature_matrix.h"
#include "engine/metrics.h"
#include "engine/model_version.h"

namespace glassbox {

// The JSON texts the model history stores and exports (the JSON library stays inside the
// engine's sources).

// {"accuracy": 0.9, ..., "confusion_matrix": [[...]]}; undefined (NaN) scores as null.
std::string scoresJsonText(const Scores& scores);
// The numeric members of a metrics object, in order (null: undefined). Throws IoError naming
// source when the text is not a JSON object.
std::vector<MetricValue> numericMetrics(const std::string& metricsJson, const std::string& source);
// {"description": ..., "per_fold": [scores...]}
std::string validationJsonText(const std::string& description, const std::vector<Scores>& perFold);
// [{"name","type","levels"?}], as the model file header lists features.
std::string featuresJsonText(const FeatureSchema& schema);
// Canonical JSON (keys sorted, no spaces).
std::string stringMapJsonText(const std::map<std::string, std::string>& values);
std::string stringListJsonText(const std::vector<std::string>& values);
std::map<std::string, std::string> parseStringMapJson(const std::string& text,
                                                      const std::string& source);
std::vector<std::string> parseStringListJson(const std::string& text, const std::string& source);

// Where an imported version came from: {"file", "version", "parent", "imported"}.
std::string originJsonText(const std::string& file, std::int64_t version,
                           std::optional<std::int64_t> parent, const std::string& imported);

// A version with its evaluations as one JSON object: what `history show` prints and what the
// export file's metadata holds (docs/model-history.md).
std::string modelVersionJson(const ModelVersion& version,
                             const std::vector<Evaluation>& evaluations);
// The inverse, for import: checks every field's type; throws ModelFormatError naming source.
ModelVersion modelVersionFromJson(const std::string& text, const std::string& source,
                                  std::vector<Evaluation>& evaluations);

}  // namespace glassbox
