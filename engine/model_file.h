#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/learner.h"
#include "engine/preparation_pipeline.h"

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
    // The preparation steps fitted with the model (empty: none): applied to every table before
    // its features are encoded, so new rows are prepared exactly as the training rows were.
    FittedPipeline preparation;

    const Learner& learnerInfo() const { return learnerNamed(learner); }
    // `table` prepared by `preparation` (StepUse::Prediction: one row out per row in) and
    // encoded with `schema`. `source` names the table in errors.
    FeatureMatrix features(const Table& table, const std::string& source,
                           const TaskContext& task = {}) const;
    // Predictions for `table` (its target column, if present, is ignored).
    Predictions predict(const Table& table, const std::string& source,
                        const TaskContext& task) const;
};

// The model file format (docs/model-format.md): a fixed preamble (magic, format version, header
// and payload lengths, SHA-256 of header + payload), a JSON header of at most
// kMaxModelHeaderBytes with the metadata, and the binary payload. Version 2 adds preparation
// steps (their list in the header, their fitted state before the learner's payload); a model
// without steps is still written as version 1, which every Glassbox reads.
inline constexpr std::uint32_t kModelFormatVersion = 2;
inline constexpr std::uint32_t kMaxModelHeaderBytes = 1u << 20;

std::vector<std::uint8_t> serializeModel(const TrainedModel& trained);
// Verifies lengths and checksum before parsing anything; throws ModelFormatError("source: ...").
TrainedModel deserializeModel(std::span<const std::uint8_t> bytes, const std::string& source);

// Writes through a temporary file renamed into place: `path` holds the old file or the whole new
// one, never half of it. Throws IoError.
void saveModelFile(const TrainedModel& trained, const std::string& path);
TrainedModel loadModelFile(const std::string& path);

}  // namespace glassbox
