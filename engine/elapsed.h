#pragma once

#include <chrono>

namespace glassbox {

// Seconds from `start` to now, on the monotonic clock: how long a fit or a job took.
inline double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace glassbox
