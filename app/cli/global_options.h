#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <thread>

namespace glassbox::cli {

// Options every command accepts (../shared/docs/cli.md, Conventions).
struct GlobalOptions {
    bool json = false;
    bool progress = false;
    unsigned threads = 0;  // 0 = all cores
    std::uint64_t seed = 0;
    std::string registry;

    // --threads, or every core when it is 0.
    unsigned threadCount() const {
        return threads ? threads : std::max(1u, std::thread::hardware_concurrency());
    }
};

}  // namespace glassbox::cli
