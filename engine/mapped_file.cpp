#include "engine/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "engine/errors.h"

namespace glassbox {

MappedFile::MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(path, std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        throw IoError(path, std::strerror(err));
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw IoError(path, "is a folder, not a file");
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
        data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data_ == MAP_FAILED) {
            const int err = errno;
            data_ = nullptr;
            ::close(fd);
            throw IoError(path, std::strerror(err));
        }
        ::madvise(data_, size_, MADV_SEQUENTIAL);
    }
    ::close(fd);
}

void MappedFile::release(std::string_view part) const {
    const auto base = reinterpret_cast<std::uintptr_t>(data_);
    auto begin = reinterpret_cast<std::uintptr_t>(part.data());
    auto end = begin + part.size();
    if (!data_ || begin < base || end > base + size_) return;
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    begin = (begin + page - 1) / page * page;
    end = end / page * page;
    // A private, read-only file mapping: dropped pages come back unchanged from the file.
    if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(data_, size_);
}

}  // namespace glassbox
