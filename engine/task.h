#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <string_view>

namespace glassbox {

// Set from any thread to ask a running operation to stop; the operation throws Cancelled.
class CancelToken {
  public:
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    void reset() { cancelled_.store(false, std::memory_order_relaxed); }
    bool isCancelled() const { return cancelled_.load(std::memory_order_relaxed); }

  private:
    std::atomic<bool> cancelled_{false};
};

// fraction in [0, 1]; stage is a short English description ("reading", "column 3 of 20").
using ProgressCallback = std::function<void(double fraction, std::string_view stage)>;

// What every long operation receives: where to report progress and what tells it to stop.
// Both parts are optional. Cheap to copy.
class TaskContext {
  public:
    TaskContext() = default;
    TaskContext(ProgressCallback progress, const CancelToken* cancel)
        : progress_(std::move(progress)), cancel_(cancel) {}

    // Throws Cancelled when the token is set.
    void checkCancelled() const;
    bool isCancelled() const { return cancel_ && cancel_->isCancelled(); }
    // Reports progress (and checks for cancellation).
    void report(double fraction, std::string_view stage) const;

    // A context whose fractions map into [begin, end] of this one: for sub-steps. A non-empty
    // `prefix` is put before the sub-step's stages ("fold 2 of 5: tree 3 of 200").
    TaskContext sub(double begin, double end, std::string prefix = {}) const;

    const CancelToken* cancelToken() const { return cancel_; }

  private:
    ProgressCallback progress_;
    const CancelToken* cancel_ = nullptr;
};

}  // namespace glassbox
