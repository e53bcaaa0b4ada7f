#include "engine/validation.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <thread>

#include "engine/errors.h"
#include "engine/parallel_for.h"
#include "engine/random.h"

namespace glassbox {
namespace {

std::string foldStage(std::size_t fold, std::size_t folds) {
    return "fold " + std::to_string(fold + 1) + " of " + std::to_string(folds);
}

}  // namespace

void placePredictions(const Predictions& from, std::span<const std::size_t> at, Predictions& into) {
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

std::vector<std::size_t> assignFolds(const Dataset& data, std::size_t folds, FoldRule rule,
                                     std::uint64_t seed, std::size_t repeat) {
    const std::size_t n = data.rows();
    std::vector<std::size_t> fold(n);
    if (rule == FoldRule::Index) {
        for (std::size_t r = 0; r < n; ++r) fold[r] = r % folds;
        return fold;
    }
    Random random(seed, 0x5f01d + (static_cast<std::uint64_t>(repeat) << 24));
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
    const unsigned threads = std::max(1u, options.threads);
    const auto concurrent = static_cast<unsigned>(std::min<std::size_t>(folds, threads));
    FitOptions foldOptions = options;
    foldOptions.threads = std::max(1u, threads / concurrent);

    // Progress: every fold writes its own fraction; only the calling thread reports the mean,
    // so the caller's callback is never run on a worker thread.
    std::vector<std::atomic<double>> done(folds);
    const std::thread::id caller = std::this_thread::get_id();
    auto foldProgress = [&](std::size_t k) {
        return TaskContext(
            [&, k](double fraction, std::string_view stage) {
                done[k].store(fraction, std::memory_order_relaxed);
                if (std::this_thread::get_id() != caller) return;
                double sum = 0;
                for (const std::atomic<double>& d : done) sum += d.load(std::memory_order_relaxed);
                task.report(sum / static_cast<double>(folds),
                            foldStage(k, folds) + ": " + std::string(stage));
            },
            task.cancelToken());
    };

    // Each fold's model sees only the other folds' rows.
    std::vector<std::vector<std::size_t>> testRowsOf(folds);
    for (std::size_t r = 0; r < data.rows(); ++r) testRowsOf[fold[r]].push_back(r);
    std::vector<Predictions> predictedOf(folds);
    std::vector<Scores> scoresOf(folds);
    parallelFor(folds, concurrent, [&](std::size_t k, bool) {
        const TaskContext step = foldProgress(k);
        step.report(0.0, "fitting");
        std::vector<std::size_t> trainRows;
        trainRows.reserve(data.rows() - testRowsOf[k].size());
        for (std::size_t r = 0; r < data.rows(); ++r)
            if (fold[r] != k) trainRows.push_back(r);
        std::unique_ptr<Model> model;
        {
            const Dataset train = data.subset(trainRows);
            model = learner.fit(train, params, foldOptions, step.sub(0.0, 0.9));
        }
        const Dataset test = data.subset(testRowsOf[k]);
        predictedOf[k] = model->predict(test.features, step.sub(0.9, 1.0));
        scoresOf[k] = scoresFor(test, predictedOf[k]);
        step.report(1.0, "done");
        return true;
    });

    ValidationResult result;
    result.predictions = emptyPredictions(data, data.rows());
    result.rows.resize(data.rows());
    std::iota(result.rows.begin(), result.rows.end(), 0);
    for (std::size_t k = 0; k < folds; ++k) {
        placePredictions(predictedOf[k], testRowsOf[k], result.predictions);
        result.perFold.push_back(std::move(scoresOf[k]));
    }
    result.pooled = scoresFor(data, result.predictions);
    task.report(1.0, "cross-validation done");
    return result;
}

std::vector<ValidationResult> repeatedCrossValidate(const Learner& learner, const Dataset& data,
                                                    const ParamValues& params,
                                                    const FitOptions& options, std::size_t folds,
                                                    std::size_t repeats, FoldRule rule,
                                                    const TaskContext& task) {
    if (repeats < 1) throw InvalidArgument("--repeats", "must be at least 1");
    if (repeats > 1 && rule == FoldRule::Index)
        throw InvalidArgument("--repeats",
                              "the index fold rule gives the same folds every "
                              "repeat; use the stratified rule to repeat");
    if (folds < 2 || folds > data.rows())
        throw InvalidArgument("--cv", "must be between 2 and the number of rows (" +
                                          std::to_string(data.rows()) + ")");
    std::vector<ValidationResult> out;
    for (std::size_t r = 0; r < repeats; ++r) {
        const std::vector<std::size_t> fold = assignFolds(data, folds, rule, options.seed, r);
        const TaskContext step = task.sub(
            static_cast<double>(r) / static_cast<double>(repeats),
            static_cast<double>(r + 1) / static_cast<double>(repeats),
            repeats > 1 ? "repeat " + std::to_string(r + 1) + " of " + std::to_string(repeats)
                        : std::string());
        out.push_back(crossValidateOnFolds(learner, data, params, options, fold, folds, step));
    }
    return out;
}

std::vector<std::size_t> holdoutTestRows(const Dataset& data, double testFraction, FoldRule rule,
                                         std::uint64_t seed) {
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
        Random random(seed, 0x401d);
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
    std::vector<std::size_t> testRows;
    for (std::size_t r = 0; r < n; ++r)
        if (isTest[r]) testRows.push_back(r);
    return testRows;
}

std::vector<std::size_t> otherRows(std::size_t rows, std::span<const std::size_t> excluded) {
    std::vector<std::uint8_t> out(rows, 0);
    for (std::size_t r : excluded) out[r] = 1;
    std::vector<std::size_t> kept;
    kept.reserve(rows - std::min(rows, excluded.size()));
    for (std::size_t r = 0; r < rows; ++r)
        if (!out[r]) kept.push_back(r);
    return kept;
}

ValidationResult holdout(const Learner& learner, const Dataset& data, const ParamValues& params,
                         const FitOptions& options, double testFraction, FoldRule rule,
                         const TaskContext& task) {
    const std::vector<std::size_t> testRows =
        holdoutTestRows(data, testFraction, rule, options.seed);
    const std::vector<std::size_t> trainRows = otherRows(data.rows(), testRows);
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
