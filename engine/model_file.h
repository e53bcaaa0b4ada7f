#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/learner.h"

namespace glassbox {

// A fitted model with everything needed to use it later: which learner and parameters made it,
// the task, target and classes, the features it expects, and the seed. What the model file and
// the model history store.
struct TrainedModel {
    std::string learner;
    ParamValues params;
    TaskKind task = TaskKind::Classification;
    std::string target;
    std::vector<std::string> classes;
    FeatureSchema schema;
    std::uint64_t seed = 0;
    std::unique_ptr<Model> model;

    const Learner& learnerInfo() const { return learnerNamed(learner); }
    // Predictions for `table` (its target column, if present, is ignored). `source` names the
    // table in errors.
    Predictions predict(const Table& table, const std::string& source,
                        const TaskContext& task) const;
};

// The model file format, version 1 (docs/model-format.md): a fixed preamble (magic, format
// version, header and payload lengths, SHA-256 of header + payload), a JSON header of at most
// kMaxModelHeaderBytes with the metadata, and the learner's binary payload.
inline constexpr std::uint32_t kModelFormatVersion = 1;
inline constexpr std::uint32_t kMaxModelHeaderBytes = 1u << 20;

std::vector<std::uint8_t> serializeModel(const TrainedModel& trained);
// Verifies lengths and checksum before parsing anything; throws ModelFormatError("source: ...").
TrainedModel deserializeModel(std::span<const std::uint8_t> bytes, const std::string& source);

// Writes through a temporary file renamed into place: `path` holds the old file or the whole new
// one, never half of it. Throws IoError.
void saveModelFile(const TrainedModel& trained, const std::string& path);
TrainedModel loadModelFile(const std::string& path);

}  // namespace glassbox
