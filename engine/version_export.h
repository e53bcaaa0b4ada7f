#pragma once

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>

#include "engine/mapped_file.h"
#include "engine/sha256.h"
#include "engine/task.h"

namespace glassbox {

// The export file of one model version (docs/model-history.md): a preamble (magic, format
// version, metadata and model lengths, SHA-256 of metadata + model), the metadata as JSON
// (modelVersionJson) and the model file bytes.
inline constexpr std::uint32_t kVersionExportFormat = 1;
inline constexpr std::uint32_t kMaxExportMetadataBytes = 64u << 20;

// Writes an export file piece by piece, through a temporary file renamed into place by
// finish(); destroyed unfinished, it removes the temporary file. Throws IoError naming path.
class VersionExportWriter {
  public:
    VersionExportWriter(const std::string& path, const std::string& metadataJson,
                        std::uint64_t modelBytes);
    ~VersionExportWriter();
    VersionExportWriter(const VersionExportWriter&) = delete;
    VersionExportWriter& operator=(const VersionExportWriter&) = delete;

    void writeModel(std::span<const std::uint8_t> piece);
    void finish();

  private:
    void write(const void* data, std::size_t size);

    std::string path_;
    std::string temporary_;
    std::FILE* out_ = nullptr;
    Sha256 hash_;
    std::uint64_t modelBytes_;
    std::uint64_t written_ = 0;
};

// An export file, mapped and checked (magic, version, lengths, checksum) before anything in it
// is used. Throws ModelFormatError naming the file.
class VersionExportFile {
  public:
    VersionExportFile(const std::string& path, const TaskContext& task);

    const std::string& metadataJson() const { return metadata_; }
    // The model file bytes (not yet checked as a model: deserializeModel does that).
    std::span<const std::uint8_t> modelBytes() const { return model_; }

  private:
    MappedFile file_;
    std::string metadata_;
    std::span<const std::uint8_t> model_;
};

}  // namespace glassbox
