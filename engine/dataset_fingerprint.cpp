#include "engine/dataset_fingerprint.h"

#include <filesystem>
#include <span>

#include "engine/errors.h"
#include "engine/mapped_file.h"
#include "engine/sha256.h"

namespace glassbox {

DatasetFingerprint fingerprintDataFile(const std::string& path, std::uint64_t rows,
                                       std::uint64_t columns, const TaskContext& task) {
    const MappedFile file(path);
    const std::string_view bytes = file.bytes();
    constexpr std::size_t kPiece = std::size_t{16} << 20;
    Sha256 hash;
    for (std::size_t at = 0; at < bytes.size(); at += kPiece) {
        task.report(static_cast<double>(at) / static_cast<double>(bytes.size()), "fingerprint");
        const std::string_view piece = bytes.substr(at, kPiece);
        hash.update(piece);
        file.release(piece);
    }
    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(path, error);
    return {error ? path : absolute.lexically_normal().string(), rows, columns,
            Sha256::hex(hash.finish())};
}

}  // namespace glassbox
