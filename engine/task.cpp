#include "engine/task.h"

#include <algorithm>

#include "engine/errors.h"

namespace glassbox {

void TaskContext::checkCancelled() const {
    if (isCancelled()) throw Cancelled();
}

void TaskContext::report(double fraction, std::string_view stage) const {
    checkCancelled();
    if (progress_) progress_(std::clamp(fraction, 0.0, 1.0), stage);
}

TaskContext TaskContext::sub(double begin, double end, std::string prefix) const {
    if (!progress_) return TaskContext({}, cancel_);
    ProgressCallback parent = progress_;
    return TaskContext(
        [parent, begin, end, prefix = std::move(prefix)](double f, std::string_view stage) {
            if (prefix.empty())
                parent(begin + (end - begin) * f, stage);
            else
                parent(begin + (end - begin) * f, prefix + ": " + std::string(stage));
        },
        cancel_);
}

}  // namespace glassbox
