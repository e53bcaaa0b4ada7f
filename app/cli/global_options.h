#pragma once

#include <cstdint>
#include <string>

namespace glassbox::cli {

// Options every command accepts (../shared/docs/cli.md, Conventions).
struct GlobalOptions {
    bool json = false;
    bool progress = false;
    unsigned threads = 0;  // 0 = all cores
    std::uint64_t seed = 0;
    std::string registry;
};

}  // namespace glassbox::cli
