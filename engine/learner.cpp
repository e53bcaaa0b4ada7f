#include "engine/learner.h"

#include <algorithm>

#include "engine/errors.h"

namespace glassbox {

// Each family defines its learner in its own file.
const Learner& decisionTreeLearner();
const Learner& randomForestLearner();
const Learner& gradientBoostingLearner();
const Learner& logisticRegressionLearner();
const Learner& linearRegressionLearner();
const Learner& knnLearner();
const Learner& naiveBayesLearner();
const Learner& mlpLearner();

std::int32_t Predictions::predictedClass(std::size_t row) const {
    const std::span<const double> p = probabilitiesOf(row);
    return static_cast<std::int32_t>(std::max_element(p.begin(), p.end()) - p.begin());
}

std::span<const Learner* const> allLearners() {
    static const std::vector<const Learner*> learners = {
        // LEARNER LIST: one line per family, in the order the GUI lists them.
        &decisionTreeLearner(),
        &randomForestLearner(),
        &gradientBoostingLearner(),
        &logisticRegressionLearner(),
        &linearRegressionLearner(),
        &knnLearner(),
        &naiveBayesLearner(),
        &mlpLearner(),
    };
    return learners;
}

const Learner& learnerNamed(std::string_view name) {
    std::string known;
    for (const Learner* learner : allLearners()) {
        if (learner->name() == name) return *learner;
        known += (known.empty() ? "" : ", ") + std::string(learner->name());
    }
    throw InvalidArgument(
        "--model", "unknown model kind \"" + std::string(name) + "\" (known: " + known + ")");
}

}  // namespace glassbox
