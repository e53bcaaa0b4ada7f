#pragma once

#include <cstdint>
#include <string>

#include "engine/model_version.h"
#include "engine/task.h"

namespace glassbox {

// The fingerprint of a data file: its absolute path, the given row and column counts (of the
// table read from it), and the SHA-256 of its bytes (read streaming). Throws IoError.
DatasetFingerprint fingerprintDataFile(const std::string& path, std::uint64_t rows,
                                       std::uint64_t columns, const TaskContext& task);

}  // namespace glassbox
