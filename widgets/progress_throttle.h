#pragma once

#include <atomic>
#include <chrono>

namespace glassbox::gui {

// Lets one progress report through per interval; thread-safe (readers, predictions and
// explanations report from several threads at once).
class ProgressThrottle {
  public:
    bool admit() {
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        auto next = next_.load(std::memory_order_relaxed);
        if (now < next) return false;
        const auto interval =
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(kInterval).count();
        return next_.compare_exchange_strong(next, now + interval, std::memory_order_relaxed);
    }

  private:
    static constexpr std::chrono::milliseconds kInterval{50};
    std::atomic<std::chrono::steady_clock::rep> next_{0};
};

}  // namespace glassbox::gui
