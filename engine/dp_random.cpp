#include "engine/dp_random.h"

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include "engine/errors.h"

namespace glassbox {

namespace {

void readDevice(std::uint8_t* data, std::size_t size, const std::string& path) {
    int fd;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) throw IoError(path, std::string("cannot open: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::read(fd, data + done, size - done);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            const std::string why = got == 0
                                        ? std::string("ended before enough random bytes were read")
                                        : std::string("cannot read: ") + std::strerror(errno);
            ::close(fd);
            throw IoError(path, why);
        }
        done += static_cast<std::size_t>(got);
    }
    ::close(fd);
}

}  // namespace

void systemRandomBytes(std::uint8_t* data, std::size_t size, const std::string& devicePath,
                       bool deviceOnly) {
    if (deviceOnly) return readDevice(data, size, devicePath);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::getrandom(data + done, size - done, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            if (errno == ENOSYS) return readDevice(data + done, size - done, devicePath);
            throw IoError("getrandom", std::strerror(errno));
        }
        done += static_cast<std::size_t>(got);
    }
}

SystemRandomBits::SystemRandomBits(std::string devicePath) : devicePath_(std::move(devicePath)) {}

SystemRandomBits::~SystemRandomBits() {
    ::explicit_bzero(buffer_.data(), buffer_.size());
}

void SystemRandomBits::refill() {
    if (devicePath_.empty())
        systemRandomBytes(buffer_.data(), buffer_.size());
    else
        systemRandomBytes(buffer_.data(), buffer_.size(), devicePath_, true);
    used_ = 0;
}

std::uint64_t SystemRandomBits::next64() {
    if (used_ + 8 > buffer_.size()) refill();
    std::uint64_t word;
    std::memcpy(&word, buffer_.data() + used_, 8);
    // Bytes once handed out are wiped, so a later memory disclosure cannot recover past noise.
    ::explicit_bzero(buffer_.data() + used_, 8);
    used_ += 8;
    return word;
}

std::uint64_t uniformBelow(RandomBits& bits, std::uint64_t n) {
    if (n == 0) throw InvalidArgument("n", "the range [0, n) is empty");
    if (n == 1) return 0;
    const std::uint64_t top = n - 1;
    const std::uint64_t mask = ~std::uint64_t(0) >> __builtin_clzll(top);
    for (;;) {
        const std::uint64_t x = bits.next64() & mask;
        if (x < n) return x;
    }
}

}  // namespace glassbox
