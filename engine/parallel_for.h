#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace glassbox {

// Runs job(i, onCaller) for every i in [0, count) on up to `threads` threads, the calling
// thread included (onCaller tells which, e.g. to report progress only from there). Jobs are
// taken in index order. A job returning false, or throwing, stops the remaining ones; the
// first exception is rethrown once every thread has stopped.
template <class Job>
void parallelFor(std::size_t count, unsigned threads, Job job) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr firstError;
    std::atomic_flag errorTaken = ATOMIC_FLAG_INIT;
    auto work = [&](bool onCaller) {
        try {
            while (!stop.load(std::memory_order_relaxed)) {
                const std::size_t i = next.fetch_add(1);
                if (i >= count) break;
                if (!job(i, onCaller)) stop = true;
            }
        } catch (...) {
            if (!errorTaken.test_and_set()) firstError = std::current_exception();
            stop = true;
        }
    };
    const std::size_t helpers = std::min<std::size_t>(std::max(threads, 1u), count);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < helpers; ++t) pool.emplace_back(work, false);
    work(true);
    for (std::thread& t : pool) t.join();
    if (firstError) std::rethrow_exception(firstError);
}

}  // namespace glassbox
