#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/model_file.h"
#include "engine/model_version.h"
#include "engine/task.h"

namespace glassbox {

class SqliteConnection;

// The model history: every trained model a version, in one SQLite file shared by the GUI and
// the CLI (several processes may read and write it at once). docs/model-history.md describes
// the schema. Every write is one transaction, so a process killed at any moment leaves each
// version either complete or absent. Errors are IoError naming the file (or InvalidArgument
// naming "version" for an unknown id). One object is one connection: use it from one thread at
// a time (open another for another thread).
class ModelRegistry {
  public:
    // Opens the history at path, creating the file and its folders when missing and migrating
    // an older schema. A file that is not a Glassbox history, was written by a newer Glassbox,
    // or is damaged is refused with an IoError and left untouched.
    static ModelRegistry open(const std::string& path);

    ModelRegistry(ModelRegistry&&) noexcept;
    ModelRegistry& operator=(ModelRegistry&&) noexcept;
    ~ModelRegistry();

    const std::string& path() const;

    // Adds `model` as a new version; returns its id. Throws InvalidArgument("parent") when
    // the parent does not exist.
    std::int64_t addVersion(const TrainedModel& model, const NewVersion& version);

    bool contains(std::int64_t id) const;
    std::vector<ModelVersion> list(const VersionFilter& filter = {}) const;
    ModelVersion show(std::int64_t id) const;
    // The model, checked as a model file is (checksum, header, the learner's invariants).
    TrainedModel loadModel(std::int64_t id) const;

    VersionComparison compare(std::int64_t a, std::int64_t b) const;
    // `metric` over the versions with `target` (and the dataset, when given: a SHA-256 or
    // its first characters), oldest first.
    std::vector<MetricPoint> series(const std::string& metric, const std::string& target,
                                    const std::optional<std::string>& dataset = {}) const;

    void setNotes(std::int64_t id, const std::string& notes);
    void addTag(std::int64_t id, const std::string& tag);
    void removeTag(std::int64_t id, const std::string& tag);
    void setStage(std::int64_t id, Stage stage);
    // Removes the version, its model and its evaluations; children keep no parent.
    void remove(std::int64_t id);

    // Stores an evaluation of version `id` on other data; returns the evaluation's id.
    std::int64_t addEvaluation(std::int64_t id, const DatasetFingerprint& dataset,
                               const Scores& scores);
    std::vector<Evaluation> evaluations(std::int64_t id) const;

    // Writes version `id` (model + metadata + evaluations) to one file (the export format of
    // docs/model-history.md), through a temporary file renamed into place.
    void exportVersion(std::int64_t id, const std::string& file, const TaskContext& task) const;
    // Adds the version in an export file as a new version (new id; where it came from is
    // recorded in originJson). The file is checked completely first: format, checksum, and
    // the model as a model file is. Returns the new id.
    std::int64_t importVersion(const std::string& file, const TaskContext& task);

    // PRAGMA integrity_check: "ok" or what is wrong.
    std::string integrityCheck() const;

  private:
    explicit ModelRegistry(std::unique_ptr<SqliteConnection> connection);

    std::unique_ptr<SqliteConnection> db_;
};

// Bytes per row of the model_chunks table.
inline constexpr std::size_t kModelChunkBytes = 1u << 20;

}  // namespace glassbox
