#include "engine/model_comparison.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/errors.h"
#include "engine/metric_direction.h"
#include "engine/student_t.h"

namespace glassbox {

CorrectedTTest correctedResampledTTest(std::span<const double> differences, double testTrainRatio) {
    CorrectedTTest out;
    const auto n = static_cast<double>(differences.size());
    if (differences.size() < 2) {
        out.t = out.df = out.p = std::numeric_limits<double>::quiet_NaN();
        return out;
    }
    double sum = 0;
    for (double d : differences) sum += d;
    const double mean = sum / n;
    double squares = 0;
    for (double d : differences) squares += (d - mean) * (d - mean);
    const double variance = squares / (n - 1);
    out.meanDifference = mean;
    out.df = n - 1;
    if (std::isnan(mean)) {
        out.t = out.p = std::numeric_limits<double>::quiet_NaN();
    } else if (variance == 0 || std::all_of(differences.begin(), differences.end(),
                                            [&](double d) { return d == differences[0]; })) {
        // Equal differences: the mean's rounding must not pass for a tiny variance.
        out.t = mean == 0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), mean);
        out.p = mean == 0 ? 1.0 : 0.0;
    } else {
        out.t = mean / std::sqrt((1.0 / n + testTrainRatio) * variance);
        out.p = studentTTwoSidedP(out.t, out.df);
    }
    return out;
}

ComparisonResult compareModels(std::span<const Configuration> models, const Dataset& data,
                               const ComparisonOptions& options, const TaskContext& task) {
    if (options.folds < 2 || options.folds > data.rows())
        throw InvalidArgument("--cv", "must be between 2 and the number of rows (" +
                                          std::to_string(data.rows()) + ")");
    if (options.repeats < 1) throw InvalidArgument("--repeats", "must be at least 1");
    if (options.repeats > 1 && options.foldRule == FoldRule::Index)
        throw InvalidArgument("--repeats",
                              "the index fold rule makes the same folds on every "
                              "repeat; use the stratified rule to repeat");
    ComparisonResult result;
    result.metric = options.metric.empty() ? defaultMetric(data.task) : options.metric;
    checkMetric(result.metric, data.task, "--metric");
    result.folds = options.folds;
    result.repeats = options.repeats;

    std::vector<FoldAssignment> assignments;
    double testRows = 0, trainRows = 0;
    for (std::size_t i = 0; i < options.repeats; ++i) {
        const std::uint64_t seed = options.seed + i;
        assignments.push_back(
            {assignFolds(data, options.folds, options.foldRule, seed), options.folds, seed});
        testRows += static_cast<double>(data.rows());
        trainRows += static_cast<double>(data.rows() * (options.folds - 1));
    }
    result.testTrainRatio = testRows / trainRows;
    const std::vector<ConfigurationScores> scores =
        evaluateOnFolds(models, data, assignments, options.threads, "model", task);

    for (const ConfigurationScores& s : scores) {
        ComparedModel model;
        for (const Scores& fold : s.perFold)
            model.foldScores.push_back(
                fold.get(result.metric).value_or(std::numeric_limits<double>::quiet_NaN()));
        double sum = 0;
        for (double v : model.foldScores) sum += v;
        const auto n = static_cast<double>(model.foldScores.size());
        model.mean = sum / n;
        double squares = 0;
        for (double v : model.foldScores) squares += (v - model.mean) * (v - model.mean);
        model.std = n > 1 ? std::sqrt(squares / (n - 1)) : 0.0;
        model.pooled = s.pooled;
        model.seconds = s.seconds;
        result.models.push_back(std::move(model));
    }
    for (std::size_t a = 0; a < result.models.size(); ++a)
        for (std::size_t b = a + 1; b < result.models.size(); ++b) {
            PairComparison pair{a, b, {}, std::nullopt};
            std::vector<double> differences;
            for (std::size_t i = 0; i < result.models[a].foldScores.size(); ++i)
                differences.push_back(result.models[a].foldScores[i] -
                                      result.models[b].foldScores[i]);
            pair.test = correctedResampledTTest(differences, result.testTrainRatio);
            if (pair.test.p < options.alpha && pair.test.meanDifference != 0)
                pair.better =
                    (pair.test.meanDifference > 0) != lowerIsBetter(result.metric) ? a : b;
            result.pairs.push_back(pair);
        }
    return result;
}

}  // namespace glassbox
