#include "engine/partial_dependence.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

#include "engine/errors.h"
#include "engine/parallel_for.h"
#include "engine/random.h"

namespace glassbox {
namespace {

// Rows x grid values predicted in one call, about. Fixed, so that the blocks (and anything a
// model's batch computation depends on) are the same for every thread count.
constexpr std::size_t kCellsPerBlock = 4096;

// scipy.stats.mstats.mquantiles(x, prob=p) with its defaults alphap = betap = 0.4, on sorted
// values.
double mquantile(const std::vector<double>& sorted, double p) {
    const double n = static_cast<double>(sorted.size());
    if (sorted.size() == 1) return sorted[0];
    const double m = 0.4 + p * (1.0 - 0.4 - 0.4);
    const double aleph = n * p + m;
    const auto k = static_cast<std::size_t>(std::floor(std::clamp(aleph, 1.0, n - 1.0)));
    const double gamma = std::clamp(aleph - static_cast<double>(k), 0.0, 1.0);
    return (1.0 - gamma) * sorted[k - 1] + gamma * sorted[k];
}

std::vector<std::size_t> chosenRows(const PartialDependenceOptions& options, std::size_t total) {
    std::vector<std::size_t> rows;
    if (!options.rows.empty()) {
        for (std::size_t r : options.rows)
            if (r >= total)
                throw InvalidArgument("--rows", "row " + std::to_string(r) +
                                                    " is out of range (the data has " +
                                                    std::to_string(total) + " rows)");
        rows = options.rows;
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        return rows;
    }
    rows.resize(total);
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    if (options.sampleRows > 0 && options.sampleRows < total) {
        Random random(options.seed, 0x1CE);
        // A partial Fisher-Yates: the first sampleRows slots are a uniform sample.
        for (std::size_t i = 0; i < options.sampleRows; ++i)
            std::swap(rows[i], rows[i + random.index(total - i)]);
        rows.resize(options.sampleRows);
        std::sort(rows.begin(), rows.end());
    }
    return rows;
}

// Rows `rows[begin, end)` of `data`, each repeated once per grid value (row-major: row, then
// grid value), with `feature` set to the grid value.
FeatureMatrix gridBlock(const FeatureMatrix& data, std::size_t feature,
                        std::span<const std::size_t> rows, std::span<const double> grid) {
    const std::size_t cells = rows.size() * grid.size();
    std::vector<FeatureColumn> columns(data.featureCount());
    for (std::size_t f = 0; f < data.featureCount(); ++f) {
        const bool categorical = data.isCategorical(f);
        if (categorical)
            columns[f].codes.resize(cells);
        else
            columns[f].values.resize(cells);
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (std::size_t g = 0; g < grid.size(); ++g) {
                const std::size_t cell = i * grid.size() + g;
                if (f == feature && categorical)
                    columns[f].codes[cell] = static_cast<std::int32_t>(grid[g]);
                else if (f == feature)
                    columns[f].values[cell] = grid[g];
                else if (categorical)
                    columns[f].codes[cell] = data.codes(f)[rows[i]];
                else
                    columns[f].values[cell] = data.values(f)[rows[i]];
            }
    }
    return FeatureMatrix(data.schema(), std::move(columns), cells);
}

}  // namespace

std::vector<double> numericGrid(std::span<const double> values, std::size_t points, double lower,
                                double upper) {
    std::vector<double> sorted;
    sorted.reserve(values.size());
    for (double v : values)
        if (!std::isnan(v)) sorted.push_back(v);
    if (sorted.empty()) throw InvalidArgument("--feature", "the feature has no values");
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> distinct = sorted;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() < points) return distinct;

    const double start = mquantile(sorted, lower);
    const double stop = mquantile(sorted, upper);
    // numpy.allclose's tolerances.
    if (std::abs(start - stop) <= 1e-8 + 1e-5 * std::abs(stop))
        throw InvalidArgument("--feature",
                              "its percentiles are too close to each other to build a grid "
                              "(the feature is almost constant)");
    // numpy.linspace(start, stop, points): i * step + start, the last value exactly stop.
    const double step = (stop - start) / static_cast<double>(points - 1);
    std::vector<double> grid(points);
    for (std::size_t i = 0; i < points; ++i) grid[i] = static_cast<double>(i) * step + start;
    grid.back() = stop;
    return grid;
}

PartialDependence partialDependence(const Model& model, const FeatureMatrix& data,
                                    std::size_t feature, const PartialDependenceOptions& options,
                                    const TaskContext& task) {
    if (feature >= data.featureCount())
        throw InvalidArgument("--feature",
                              "feature index " + std::to_string(feature) + " is out of range");
    if (options.points < 2) throw InvalidArgument("--points", "must be at least 2");
    if (data.rows() == 0) throw InvalidArgument("--rows", "no rows to average over");

    PartialDependence result;
    result.feature = feature;
    result.categorical = data.isCategorical(feature);
    if (result.categorical) {
        const std::vector<std::string>& levels = data.schema().features[feature].levels;
        if (levels.empty()) throw InvalidArgument("--feature", "the feature has no levels");
        result.levels = levels;
        result.grid.resize(levels.size());
        std::iota(result.grid.begin(), result.grid.end(), 0.0);
    } else {
        result.grid = numericGrid(data.values(feature), options.points, options.lowerPercentile,
                                  options.upperPercentile);
    }
    result.rows = chosenRows(options, data.rows());

    const std::size_t gridSize = result.grid.size();
    const std::size_t rowCount = result.rows.size();
    const std::size_t blockRows = std::max<std::size_t>(1, kCellsPerBlock / gridSize);
    const std::size_t blocks = (rowCount + blockRows - 1) / blockRows;
    // Each block's outputs (row, grid value, output), joined in row order afterwards.
    std::vector<std::vector<double>> blockOutputs(blocks);
    std::vector<std::size_t> blockWidths(blocks, 0);
    std::atomic<std::size_t> done{0};
    const TaskContext quiet(nullptr, task.cancelToken());
    task.report(0.0, "rows");
    parallelFor(blocks, options.threads, [&](std::size_t block, bool onCaller) {
        task.checkCancelled();
        const std::size_t begin = block * blockRows;
        const std::size_t end = std::min(rowCount, begin + blockRows);
        const FeatureMatrix cells = gridBlock(
            data, feature, std::span<const std::size_t>(result.rows).subspan(begin, end - begin),
            result.grid);
        Predictions predicted = model.predict(cells, quiet);
        const bool classification = predicted.task == TaskKind::Classification;
        blockWidths[block] = classification ? predicted.classCount : 1;
        blockOutputs[block] =
            std::move(classification ? predicted.probabilities : predicted.values);
        const std::size_t finished = done.fetch_add(1) + 1;
        if (onCaller)
            task.report(static_cast<double>(finished) / static_cast<double>(blocks),
                        "rows " + std::to_string(std::min(rowCount, finished * blockRows)) +
                            " of " + std::to_string(rowCount));
        return true;
    });

    result.outputs = blockWidths[0];
    result.ice.reserve(rowCount * gridSize * result.outputs);
    for (const std::vector<double>& out : blockOutputs)
        result.ice.insert(result.ice.end(), out.begin(), out.end());
    const std::size_t outputs = result.outputs;
    result.average.assign(gridSize * outputs, 0.0);
    for (std::size_t i = 0; i < rowCount; ++i)
        for (std::size_t j = 0; j < gridSize * outputs; ++j)
            result.average[j] += result.ice[i * gridSize * outputs + j];
    for (double& v : result.average) v /= static_cast<double>(rowCount);
    task.report(1.0, "done");
    return result;
}

}  // namespace glassbox
