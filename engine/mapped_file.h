#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace glassbox {

// A file mapped read-only into memory: its pages are read on demand and can be dropped by the
// kernel, so a large file costs no heap. Throws IoError naming the file when it cannot be read.
class MappedFile {
  public:
    explicit MappedFile(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

    // Drops the pages lying wholly inside part (a piece of bytes(); anything else is ignored)
    // from the process's memory once they have been read; touching them again reads them back
    // from the file. Lets a reader keep only the part it is working on resident.
    void release(std::string_view part) const;

  private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace glassbox
