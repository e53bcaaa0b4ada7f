#include "engine/pseudonym_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "engine/errors.h"
#include "engine/hmac_sha256.h"
#include "engine/secure_random.h"

namespace glassbox {
namespace {

constexpr std::string_view kHeader = "glassbox-pseudonym-key 1";
constexpr std::size_t kMaxFileBytes = 4096;

std::string systemError(const char* what) {
    return std::string(what) + std::strerror(errno);
}

// Closes the descriptor on every path out.
struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

// Wipes a buffer that held the file's text on every path out.
struct SecretText {
    std::string text;
    ~SecretText() { wipeSecret(std::as_writable_bytes(std::span(text.data(), text.size()))); }
};

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view trimmed(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    return line;
}

std::string modeText(mode_t mode) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04o", static_cast<unsigned>(mode & 07777));
    return buffer;
}

std::vector<std::uint8_t> parseKeyText(std::string_view text, const std::string& path) {
    std::vector<std::uint8_t> key;
    bool headerSeen = false, keySeen = false;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = trimmed(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++lineNumber;
        const std::string where = "line " + std::to_string(lineNumber) + ": ";
        if (!headerSeen) {
            if (line != kHeader)
                throw IoError(path,
                              "is not a Glassbox pseudonym key file (its first line is not "
                              "\"" +
                                  std::string(kHeader) + "\")");
            headerSeen = true;
            continue;
        }
        if (line.empty() || line.front() == '#') continue;
        if (keySeen) throw IoError(path, where + "a second key; a key file holds one key");
        for (char c : line)
            if (hexValue(c) < 0)
                throw IoError(path, where +
                                        "the key has a character that is not a hexadecimal "
                                        "digit");
        if (line.size() % 2 != 0)
            throw IoError(path, where + "the key has an odd number of hexadecimal digits");
        if (line.size() < 2 * PseudonymKey::kMinBytes)
            throw IoError(path, where + "the key is too short: " + std::to_string(line.size()) +
                                    " hexadecimal digits, at least " +
                                    std::to_string(2 * PseudonymKey::kMinBytes) + " needed");
        if (line.size() > 2 * PseudonymKey::kMaxBytes)
            throw IoError(path, where + "the key is too long: " + std::to_string(line.size()) +
                                    " hexadecimal digits, at most " +
                                    std::to_string(2 * PseudonymKey::kMaxBytes));
        key.resize(line.size() / 2);
        for (std::size_t i = 0; i < key.size(); ++i)
            key[i] =
                static_cast<std::uint8_t>(hexValue(line[2 * i]) * 16 + hexValue(line[2 * i + 1]));
        keySeen = true;
    }
    if (!headerSeen) throw IoError(path, "is empty; it is not a Glassbox pseudonym key file");
    if (!keySeen) throw IoError(path, "has no key line (64 hexadecimal digits)");
    bool allEqual = true;
    for (std::uint8_t b : key) allEqual = allEqual && b == key[0];
    if (allEqual) {
        wipeSecret(key);
        throw IoError(path, "the key repeats a single byte; it is not a random key");
    }
    return key;
}

std::string keyFileText(std::span<const std::uint8_t> key) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text(kHeader);
    text +=
        "\n# Secret key of Glassbox's keyed pseudonyms (HMAC-SHA256). Keep it apart from the "
        "data:\n# whoever holds it can test guesses of the original values. Losing it means new "
        "data\n# can no longer be given the same pseudonyms.\n";
    for (std::uint8_t b : key) {
        text += kDigits[b >> 4];
        text += kDigits[b & 15];
    }
    text += '\n';
    return text;
}

void writeAll(int fd, std::string_view text, const std::string& path) {
    while (!text.empty()) {
        const ssize_t wrote = ::write(fd, text.data(), text.size());
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) throw IoError(path, systemError("cannot write the key file: "));
        text.remove_prefix(static_cast<std::size_t>(wrote));
    }
}

std::string parentDirectory(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

// Moves `from` to `to` unless `to` exists. False when it exists.
bool moveWithoutReplacing(const std::string& from, const std::string& to) {
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return true;
    if (errno == EEXIST) return false;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        throw IoError(to, systemError("cannot create the key file: "));
    // A file system without RENAME_NOREPLACE: a hard link fails the same way when `to` exists.
    if (::link(from.c_str(), to.c_str()) != 0) {
        if (errno == EEXIST) return false;
        throw IoError(to, systemError("cannot create the key file: "));
    }
    ::unlink(from.c_str());
    return true;
}

// Writes a new key file; false when another one appeared at `path` meanwhile.
bool createKeyFile(const std::string& path, std::span<const std::uint8_t> key) {
    const std::string temporary =
        path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(secureRandomU64());
    FileDescriptor file;
    file.fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (file.fd < 0) throw IoError(path, systemError("cannot create the key file: "));
    bool moved = false;
    try {
        // The umask can only clear bits; fchmod makes the mode exactly 0600.
        if (::fchmod(file.fd, 0600) != 0)
            throw IoError(path, systemError("cannot set the key file's permissions: "));
        SecretText text{keyFileText(key)};
        writeAll(file.fd, text.text, path);
        if (::fsync(file.fd) != 0) throw IoError(path, systemError("cannot write the key file: "));
        ::close(file.fd);
        file.fd = -1;
        moved = moveWithoutReplacing(temporary, path);
    } catch (...) {
        ::unlink(temporary.c_str());
        throw;
    }
    if (!moved) {
        ::unlink(temporary.c_str());
        return false;
    }
    // A key lost in a crash would leave pseudonyms nobody can reproduce: persist the rename.
    FileDescriptor directory;
    directory.fd = ::open(parentDirectory(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory.fd >= 0) ::fsync(directory.fd);
    return true;
}

}  // namespace

PseudonymKey PseudonymKey::load(const std::string& path) {
    FileDescriptor file;
    do {
        file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    } while (file.fd < 0 && errno == EINTR);
    if (file.fd < 0) throw IoError(path, systemError("cannot open the key file: "));
    struct stat info {};
    if (::fstat(file.fd, &info) != 0)
        throw IoError(path, systemError("cannot read the key file: "));
    if (!S_ISREG(info.st_mode))
        throw IoError(path, "is not a regular file; it cannot be a key file");
    if ((info.st_mode & 077) != 0)
        throw IoError(path, "the key file is accessible by group or others (mode " +
                                modeText(info.st_mode) +
                                "); make it private with chmod 600 and consider whether the key "
                                "has leaked");
    if (static_cast<std::uint64_t>(info.st_size) > kMaxFileBytes)
        throw IoError(path,
                      "is too large to be a key file (" + std::to_string(info.st_size) + " bytes)");
    SecretText text;
    text.text.resize(kMaxFileBytes + 1);
    std::size_t size = 0;
    while (size < text.text.size()) {
        const ssize_t got = ::read(file.fd, text.text.data() + size, text.text.size() - size);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw IoError(path, systemError("cannot read the key file: "));
        if (got == 0) break;
        size += static_cast<std::size_t>(got);
    }
    if (size > kMaxFileBytes) throw IoError(path, "is too large to be a key file");
    PseudonymKey key;
    key.bytes_ = parseKeyText(std::string_view(text.text).substr(0, size), path);
    return key;
}

PseudonymKey PseudonymKey::loadOrCreate(const std::string& path) {
    if (path.empty()) throw InvalidArgument("key file", "no key file given");
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) return load(path);
    if (errno != ENOENT) throw IoError(path, systemError("cannot open the key file: "));
    PseudonymKey key;
    key.bytes_ = secureRandomBytes(kCreatedBytes);
    if (!createKeyFile(path, key.bytes_)) return load(path);  // another process won the race
    key.created_ = true;
    return key;
}

PseudonymKey PseudonymKey::fromBytes(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < kMinBytes || bytes.size() > kMaxBytes)
        throw InvalidArgument(
            "key", "a pseudonym key has 32 to 64 bytes, not " + std::to_string(bytes.size()));
    PseudonymKey key;
    key.bytes_.assign(bytes.begin(), bytes.end());
    return key;
}

PseudonymKey::PseudonymKey(PseudonymKey&& other) noexcept
    : bytes_(std::move(other.bytes_)), created_(other.created_) {
    other.bytes_.clear();
}

PseudonymKey& PseudonymKey::operator=(PseudonymKey&& other) noexcept {
    if (this != &other) {
        wipeSecret(bytes_);
        bytes_ = std::move(other.bytes_);
        other.bytes_.clear();
        created_ = other.created_;
    }
    return *this;
}

PseudonymKey::~PseudonymKey() {
    wipeSecret(bytes_);
}

std::string PseudonymKey::id() const {
    HmacSha256 mac(bytes_);
    mac.update(std::string_view("glassbox pseudonym key id"));
    return Sha256::hex(mac.finish()).substr(0, 16);
}

}  // namespace glassbox
