#include "engine/version_export.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <unistd.h>

#include "engine/byte_io.h"
#include "engine/errors.h"

namespace glassbox {
namespace {

// Like the model file's magic, with V (version) for M: a high byte and CR LF / SUB / LF catch
// files mangled by text-mode transfers.
constexpr std::uint8_t kMagic[8] = {0x89, 'G', 'B', 'V', '\r', '\n', 0x1a, '\n'};
constexpr std::size_t kPreambleBytes = 8 + 4 + 4 + 8 + 32;
constexpr std::size_t kChecksumOffset = 24;

std::span<const std::uint8_t> asBytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace

VersionExportWriter::VersionExportWriter(const std::string& path, const std::string& metadataJson,
                                         std::uint64_t modelBytes)
    : path_(path),
      temporary_(path + ".tmp-" + std::to_string(::getpid())),
      modelBytes_(modelBytes) {
    if (metadataJson.size() > kMaxExportMetadataBytes)
        throw IoError(path, "the version's metadata exceeds the export format's limit");
    out_ = std::fopen(temporary_.c_str(), "wb");
    if (!out_) throw IoError(path, std::string("cannot write: ") + std::strerror(errno));
    std::uint8_t preamble[kPreambleBytes] = {};
    std::memcpy(preamble, kMagic, 8);
    putLittle<std::uint32_t>(preamble + 8, kVersionExportFormat);
    putLittle<std::uint32_t>(preamble + 12, static_cast<std::uint32_t>(metadataJson.size()));
    putLittle<std::uint64_t>(preamble + 16, modelBytes);
    write(preamble, kPreambleBytes);  // the checksum is filled in by finish()
    write(metadataJson.data(), metadataJson.size());
    hash_.update(metadataJson);
}

VersionExportWriter::~VersionExportWriter() {
    if (out_) {
        std::fclose(out_);
        std::remove(temporary_.c_str());
    }
}

void VersionExportWriter::write(const void* data, std::size_t size) {
    if (size > 0 && std::fwrite(data, 1, size, out_) != size)
        throw IoError(path_, std::string("cannot write: ") + std::strerror(errno));
}

void VersionExportWriter::writeModel(std::span<const std::uint8_t> piece) {
    write(piece.data(), piece.size());
    hash_.update(piece);
    written_ += piece.size();
}

void VersionExportWriter::finish() {
    if (written_ != modelBytes_)
        throw IoError(path_, "the stored model is shorter or longer than recorded");
    const Sha256::Digest digest = hash_.finish();
    if (std::fseek(out_, kChecksumOffset, SEEK_SET) != 0)
        throw IoError(path_, std::string("cannot write: ") + std::strerror(errno));
    write(digest.data(), digest.size());
    const bool flushed = std::fflush(out_) == 0;
    std::FILE* out = out_;
    out_ = nullptr;
    if (std::fclose(out) != 0 || !flushed) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary_.c_str());
        throw IoError(path_, "cannot write: " + reason);
    }
    if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary_.c_str());
        throw IoError(path_, "cannot write: " + reason);
    }
}

VersionExportFile::VersionExportFile(const std::string& path, const TaskContext& task)
    : file_(path) {
    auto fail = [&](const std::string& what) { throw ModelFormatError(path, what); };
    const std::span<const std::uint8_t> bytes = asBytes(file_.bytes());
    if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 8) != 0)
        fail("not a Glassbox model version export");
    if (bytes.size() < kPreambleBytes) fail("the file is truncated");
    const auto version = getLittle<std::uint32_t>(bytes.data() + 8);
    if (version > kVersionExportFormat)
        fail("export format version " + std::to_string(version) +
             " is newer than this Glassbox reads (" + std::to_string(kVersionExportFormat) + ")");
    if (version == 0) fail("invalid export format version 0");
    const auto metadataBytes = getLittle<std::uint32_t>(bytes.data() + 12);
    const auto modelBytes = getLittle<std::uint64_t>(bytes.data() + 16);
    if (metadataBytes > kMaxExportMetadataBytes)
        fail("the metadata length exceeds the format's limit");
    const std::uint64_t available = bytes.size() - kPreambleBytes;
    if (metadataBytes > available || modelBytes > available - metadataBytes)
        fail("the file is truncated");
    if (metadataBytes + modelBytes != available) fail("unexpected bytes after the model");

    const std::span<const std::uint8_t> body = bytes.subspan(kPreambleBytes);
    constexpr std::size_t kPiece = std::size_t{16} << 20;
    Sha256 hash;
    for (std::size_t at = 0; at < body.size(); at += kPiece) {
        task.report(static_cast<double>(at) / static_cast<double>(body.size()), "checksum");
        hash.update(body.subspan(at, std::min(kPiece, body.size() - at)));
    }
    if (hash.finish() != *reinterpret_cast<const Sha256::Digest*>(bytes.data() + kChecksumOffset))
        fail("checksum mismatch: the file is damaged");
    metadata_.assign(reinterpret_cast<const char*>(body.data()), metadataBytes);
    model_ = body.subspan(metadataBytes, modelBytes);
}

}  // namespace glassbox
