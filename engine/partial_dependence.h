#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/feature_matrix.h"
#include "engine/learner.h"
#include "engine/task.h"

namespace glassbox {

struct PartialDependenceOptions {
    // Numeric features: the grid has this many evenly spaced values between the two
    // percentiles of the feature (scikit-learn's grid_resolution=100, percentiles=(0.05, 0.95)),
    // or the feature's distinct values when it has fewer.
    std::size_t points = 100;
    double lowerPercentile = 0.05;
    double upperPercentile = 0.95;
    // The rows the ICE curves (and so their mean, the PDP) are computed for: `rows` when not
    // empty, else a seeded sample of `sampleRows` rows when that is set and below the row count,
    // else every row.
    std::vector<std::size_t> rows;
    std::size_t sampleRows = 0;
    std::uint64_t seed = 0;
    unsigned threads = 1;
};

// Partial dependence and ICE curves of one feature.
struct PartialDependence {
    std::size_t feature = 0;
    bool categorical = false;
    // The grid: numeric values, or category codes for a categorical feature (then `levels`
    // holds their names, one per grid value).
    std::vector<double> grid;
    std::vector<std::string> levels;
    // Numbers the model outputs per row: the class count (probabilities) for classification,
    // 1 for regression.
    std::size_t outputs = 1;
    // The data rows the ICE curves are for, in increasing order.
    std::vector<std::size_t> rows;
    // ice[(i * grid.size() + g) * outputs + k]: output k for rows[i] with the feature set to
    // grid[g]. average[g * outputs + k]: the mean over the rows (the partial dependence).
    std::vector<double> ice;
    std::vector<double> average;

    double iceAt(std::size_t row, std::size_t point, std::size_t output) const {
        return ice[(row * grid.size() + point) * outputs + output];
    }
    double averageAt(std::size_t point, std::size_t output) const {
        return average[point * outputs + output];
    }
};

// scikit-learn's grid for a numeric feature (_grid_from_X): its distinct values (missing left
// out) when there are fewer than `points`, else `points` evenly spaced values (numpy.linspace)
// between the `lower` and `upper` quantiles as scipy's mquantiles computes them (alphap = betap
// = 0.4). Throws InvalidArgument("--feature") when the feature has no values or the two
// quantiles are equal.
std::vector<double> numericGrid(std::span<const double> values, std::size_t points, double lower,
                                double upper);

// The model's output for every chosen row of `data` with `feature` set to each grid value
// (brute force, as scikit-learn's method='brute'), and their mean. The grid comes from all rows
// of `data` whichever rows the curves are for; categorical features take every level of the
// schema. Parallel over blocks of rows; the result does not depend on the
// thread count. Throws InvalidArgument("--points") for fewer than 2 points, ("--rows") for a
// row out of range.
PartialDependence partialDependence(const Model& model, const FeatureMatrix& data,
                                    std::size_t feature, const PartialDependenceOptions& options,
                                    const TaskContext& task);

}  // namespace glassbox
