#include "engine/secure_random.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/errors.h"

namespace glassbox {

void readRandomDevice(std::span<std::uint8_t> out, const std::string& device) {
    int fd;
    do {
        fd = ::open(device.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) throw IoError(device, std::string("cannot open: ") + std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISCHR(info.st_mode)) {
        ::close(fd);
        throw IoError(device, "is not a random device (not a character device)");
    }
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t got = ::read(fd, out.data() + done, out.size() - done);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            const std::string reason = got < 0 ? std::strerror(errno) : "it ended";
            ::close(fd);
            throw IoError(device, "cannot read random bytes: " + reason);
        }
        done += static_cast<std::size_t>(got);
    }
    ::close(fd);
}

void secureRandomBytes(std::span<std::uint8_t> out) {
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t got = ::getrandom(out.data() + done, out.size() - done, 0);
        if (got > 0) {
            done += static_cast<std::size_t>(got);  // reads over 256 bytes may come back short
            continue;
        }
        if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (got < 0 && (errno == ENOSYS || errno == EPERM)) {
            // An old kernel, or a sandbox that filters the system call.
            readRandomDevice(out.subspan(done));
            return;
        }
        throw IoError("getrandom", std::string("the system's random source failed: ") +
                                       (got < 0 ? std::strerror(errno) : "no bytes"));
    }
}

std::vector<std::uint8_t> secureRandomBytes(std::size_t count) {
    std::vector<std::uint8_t> bytes(count);
    secureRandomBytes(bytes);
    return bytes;
}

std::uint64_t secureRandomU64() {
    std::uint8_t bytes[8];
    secureRandomBytes(bytes);
    std::uint64_t value = 0;
    for (std::uint8_t b : bytes) value = (value << 8) | b;
    return value;
}

void wipeSecret(std::span<std::byte> bytes) {
    volatile std::byte* p = bytes.data();
    for (std::size_t i = 0; i < bytes.size(); ++i) p[i] = std::byte{0};
}

void wipeSecret(std::span<std::uint8_t> bytes) {
    wipeSecret(std::as_writable_bytes(bytes));
}

}  // namespace glassbox
