#include "engine/validation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/errors.h"
#include "engine/random.h"

namespace glassbox {
namespace {

// Copies the evaluated rows' predictions into `into` at positions `at`.
void place(const Predictions& from, std::span<const std::size_t> at, Predictions& into) {
    for (std::size_t i = 0; i < at.size(); ++i) {
        if (into.task == TaskKind::Regression) {
            into.values[at[i]] = from.values[i];
        } else {
            const auto p = from.probabilitiesOf(i);
            std::copy(p.begin(), p.end(), into.probabilities.begin() + at[i] * into.classCount);
        }
    }
}

Predictions emptyPredictions(const Dataset& data, std::size_t rows) {
    Predictions p;
    p.task = data.task;
    p.rows = rows;
    if (data.task == TaskKind::Classification) {
        p.classCount = data.classCount();
        p.probabilities.assign(rows * p.classCount, 0.0);
    } else {
        p.values.assign(rows, 0.0);
    }
    return p;
}

std::string foldStage(std::size_t fold, std::size_t folds) {
    return "fold " + std::to_string(fold + 1) + " of " + std::to_string(folds);
}

}  // namespace

std::vector<std::size_t> assignFolds(const Dataset& data, std::size_t folds, FoldRule rule,
                                     std::uint64_t seed) {
    const std::size_t n = data.rows();
    std::vector<std::size_t> fold(n);
    if (rule == FoldRule::Index) {
        for (std::size_t r = 0; r < n; ++r) fold[r] = r % folds;
        return fold;
    }
    Random random(seed, 0x5f01d);
    if (data.task == TaskKind::Regression) {
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), 0);
        random.shuffle(order.begin(), order.end());
        for (std::size_t i = 0; i < n; ++i) fold[order[i]] = i % folds;
        return fold;
    }
    // Each class's rows shuffled and dealt round-robin, continuing where the previous class
    // stopped, so fold sizes differ by at most one and every fold has each class's share.
    std::vector<std::vector<std::size_t>> byClass(data.classCount());
    for (std::size_t r = 0; r < n; ++r) byClass[data.labels[r]].push_back(r);
    std::size_t next = 0;
    for (std::vector<std::size_t>& rows : byClass) {
        random.shuffle(rows.begin(), rows.end());
        for (std::size_t r : rows) fold[r] = next++ % folds;
    }
    return fold;
}

ValidationResult crossValidate(const Learner& learner, const Dataset& data,
                               const ParamValues& params, const FitOptions& options,
                               std::size_t folds, FoldRule rule, const TaskContext& task) {
    if (folds < 2 || folds > data.rows())
        throw InvalidArgument("--cv", "must be between 2 and the number of rows (" +
                                          std::to_string(data.rows()) + ")");
    const std::vector<std::size_t> fold = assignFolds(data, folds, rule, options.seed);
    return crossValidateOnFolds(learner, data, params, options, fold, folds, task);
}

ValidationResult crossValidateOnFolds(const Learner& learner, const Dataset& data,
                                      const ParamValues& params, const FitOptions& options,
                                      std::span<const std::size_t> fold, std::size_t folds,
                                      const TaskContext& task) {
    if (fold.size() != data.rows()) throw InvalidArgument("folds", "one fold per row is needed");
    for (std::size_t f : fold)
        if (f >= folds) throw InvalidArgument("folds", "a fold index is out of range");
    ValidationResult result;
    result.predictions = emptyPredictions(data, data.rows());
    result.rows.resize(data.rows());
    std::iota(result.rows.begin(), result.rows.end(), 0);
    for (std::size_t k = 0; k < folds; ++k) {
        std::vector<std::size_t> trainRows, testRows;
        for (std::size_t r = 0; r < data.rows(); ++r)
            (fold[r] == k ? testRows : trainRows).push_back(r);
        const TaskContext step = task.sub(static_cast<double>(k) / folds,
                                          static_cast<double>(k + 1) / folds, foldStage(k, folds));
        step.report(0.0, "fitting");
        const Dataset train = data.subset(trainRows);
        const std::unique_ptr<Model> model = learner.fit(train, params, options, step);
        const Dataset test = data.subset(testRows);
        const Predictions predicted = model->predict(test.features, step);
        result.perFold.push_back(scoresFor(test, predicted));
        place(predicted, testRows, result.predictions);
    }
    result.pooled = scoresFor(data, result.predictions);
    task.report(1.0, "cross-validation done");
    return result;
}

ValidationResult holdout(const Learner& learner, const Dataset& data, const ParamValues& params,
                         const FitOptions& options, double testFraction, FoldRule rule,
                         const TaskContext& task) {
    if (!(testFraction > 0 && testFraction < 1))
        throw InvalidArgument("--test-fraction", "must be a number in (0, 1)");
    const std::size_t n = data.rows();
    const auto testCount = static_cast<std::size_t>(std::llround(testFraction * n));
    if (testCount < 1 || testCount >= n)
        throw InvalidArgument("--test-fraction", "leaves no rows to train or to test on");
    std::vector<std::uint8_t> isTest(n, 0);
    if (rule == FoldRule::Index) {
        std::fill(isTest.end() - testCount, isTest.end(), 1);
    } else {
        // Stratified: each class contributes its share, rounded so the total is testCount.
        Random random(options.seed, 0x401d);
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), 0);
        random.shuffle(order.begin(), order.end());
        if (data.task == TaskKind::Classification)
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return data.labels[a] < data.labels[b];
            });
        // Every (n / testCount)-th row of the class-grouped order: proportional per class.
        const double step = static_cast<double>(n) / static_cast<double>(testCount);
        for (std::size_t i = 0; i < testCount; ++i)
            isTest[order[static_cast<std::size_t>(std::floor((i + 0.5) * step))]] = 1;
    }
    std::vector<std::size_t> trainRows, testRows;
    for (std::size_t r = 0; r < n; ++r) (isTest[r] ? testRows : trainRows).push_back(r);
    const Dataset train = data.subset(trainRows);
    const Dataset test = data.subset(testRows);
    ValidationResult result;
    result.model = learner.fit(train, params, options, task.sub(0, 0.95));
    result.predictions = result.model->predict(test.features, task.sub(0.95, 1.0));
    result.rows = testRows;
    result.pooled = scoresFor(test, result.predictions);
    result.perFold.push_back(result.pooled);
    return result;
}

}  // namespace glassbox
