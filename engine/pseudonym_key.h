#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace glassbox {

// The secret key of keyed pseudonyms, kept in a key file apart from the data. The file is text:
//
//   glassbox-pseudonym-key 1
//   # comment lines explaining what the file is
//   <64 hexadecimal digits>
//
// Move-only; the key bytes are wiped when the object goes. Nothing here prints the key: error
// messages name the file and the problem, never its content.
class PseudonymKey {
  public:
    static constexpr std::size_t kCreatedBytes = 32;
    static constexpr std::size_t kMinBytes = 32;
    static constexpr std::size_t kMaxBytes = 64;

    // Loads the key file at `path`, or creates it when it does not exist: 32 bytes from the
    // system CSPRNG, written to a temporary file with mode 0600 and moved into place without
    // replacing a file that appeared meanwhile (then that one is loaded). Throws IoError
    // naming the file when it cannot be created, or load() refuses it.
    static PseudonymKey loadOrCreate(const std::string& path);
    // Loads an existing key file. Throws IoError naming the file when it is missing, not a
    // regular file, accessible by group or others (any of the mode bits 077), too large,
    // malformed (no header line, no key line, non-hex digits, several keys) or when its key is
    // shorter than 32 or longer than 64 bytes.
    static PseudonymKey load(const std::string& path);
    // A key from bytes obtained elsewhere (32 to 64 bytes, else InvalidArgument("key")).
    static PseudonymKey fromBytes(std::span<const std::uint8_t> bytes);

    PseudonymKey(PseudonymKey&& other) noexcept;
    PseudonymKey& operator=(PseudonymKey&& other) noexcept;
    PseudonymKey(const PseudonymKey&) = delete;
    PseudonymKey& operator=(const PseudonymKey&) = delete;
    ~PseudonymKey();

    std::span<const std::uint8_t> bytes() const { return bytes_; }
    // Whether loadOrCreate() made the file.
    bool created() const { return created_; }
    // 16 hex digits that identify the key without revealing it (an HMAC of a fixed text under
    // the key): to record which key a pipeline used and to check the same one is given later.
    std::string id() const;

  private:
    PseudonymKey() = default;

    std::vector<std::uint8_t> bytes_;
    bool created_ = false;
};

}  // namespace glassbox
