#include "engine/sampling_shap.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <string>

#include "engine/errors.h"
#include "engine/parallel_for.h"
#include "engine/random.h"

namespace glassbox {
namespace {

// Mixed rows are predicted in batches of at most about this many cells.
constexpr std::size_t kMaxBatchCells = std::size_t{1} << 22;

// The model's outputs for every row of `x`: rows x outputs.
std::vector<double> outputsOf(const Model& model, TaskKind kind, std::size_t outputs,
                              const FeatureMatrix& x, const TaskContext& task) {
    Predictions p = model.predict(x, task);
    std::vector<double> out =
        kind == TaskKind::Classification ? std::move(p.probabilities) : std::move(p.values);
    if (out.size() != x.rows() * outputs)
        throw InvalidArgument("model", "the model's predictions do not match its classes");
    return out;
}

}  // namespace

ShapValues samplingShap(const Model& model, TaskKind kind, std::size_t classCount,
                        const FeatureMatrix& x, std::span<const std::size_t> rows,
                        const FeatureMatrix& background, const ShapOptions& options,
                        const TaskContext& task) {
    if (background.rows() == 0)
        throw InvalidArgument("background", "sampling SHAP needs at least one background row");
    if (options.backgroundRows == 0) throw InvalidArgument("background", "must be at least 1 row");
    if (options.samples == 0) throw InvalidArgument("samples", "must be at least 1");
    const std::size_t features = x.featureCount();
    const std::size_t outputs = kind == TaskKind::Classification ? classCount : 1;
    // Predictions inside report nothing but still stop on cancel.
    const TaskContext quiet({}, task.cancelToken());

    // The background sample: the first rows of a seeded shuffle (all rows when few enough).
    std::vector<std::size_t> chosen(background.rows());
    std::iota(chosen.begin(), chosen.end(), 0);
    const std::size_t b = std::min(options.backgroundRows, chosen.size());
    if (b < chosen.size()) {
        Random random(options.seed, 0);
        for (std::size_t i = 0; i < b; ++i)
            std::swap(chosen[i], chosen[i + random.index(chosen.size() - i)]);
        chosen.resize(b);
    }
    const FeatureMatrix sample = background.subset(chosen);
    const std::vector<double> sampleOutputs = outputsOf(model, kind, outputs, sample, quiet);

    ShapValues out;
    out.output = kind == TaskKind::Classification ? "probability" : "value";
    out.method = "sampling";
    out.rows = rows.size();
    out.outputs = outputs;
    out.features = features;
    out.base.assign(outputs, 0.0);
    for (std::size_t r = 0; r < b; ++r)
        for (std::size_t o = 0; o < outputs; ++o) out.base[o] += sampleOutputs[r * outputs + o];
    for (double& v : out.base) v /= static_cast<double>(b);
    out.values.assign(out.rows * outputs * features, 0.0);
    out.prediction.assign(out.rows * outputs, 0.0);
    task.report(0.0, "explaining");

    const std::size_t pairsPerRow =
        std::max<std::size_t>(1, (options.samples + 2 * b - 1) / (2 * b));
    const std::size_t permutations = 2 * pairsPerRow * b;
    // Every permutation adds features - 1 mixed rows; the row itself closes each walk.
    const std::size_t steps = features > 0 ? features - 1 : 0;
    const std::size_t perPermutation = std::max<std::size_t>(1, steps * features);
    const std::size_t chunk = std::max<std::size_t>(2, kMaxBatchCells / perPermutation / 2 * 2);

    std::atomic<std::size_t> done{0};
    parallelFor(rows.size(), std::max(options.threads, 1u), [&](std::size_t i, bool onCaller) {
        if (task.isCancelled()) return false;
        const std::size_t row = rows[i];
        Random random(options.seed, 1 + row);
        // Permutation p walks from background row p / (2 * pairsPerRow) towards the row.
        std::vector<std::uint32_t> order(permutations * features);
        for (std::size_t p = 0; p < permutations; p += 2) {
            std::uint32_t* forward = order.data() + p * features;
            std::iota(forward, forward + features, 0u);
            random.shuffle(forward, forward + features);
            std::reverse_copy(forward, forward + features, forward + features);
        }
        const std::size_t one[] = {row};
        const std::vector<double> fx = outputsOf(model, kind, outputs, x.subset(one), quiet);
        double* phi = out.values.data() + i * outputs * features;
        std::vector<std::uint32_t> position(features);
        // Mixed row (p, k), k < steps: the row's values for the first k + 1 features of
        // permutation p, the background row's elsewhere; predicted `chunk` permutations at a
        // time, so that wide data does not need one huge batch.
        for (std::size_t first = 0; first < permutations; first += chunk) {
            if (task.isCancelled()) return false;
            const std::size_t last = std::min(permutations, first + chunk);
            const std::size_t batchRows = (last - first) * steps;
            std::vector<FeatureColumn> columns(features);
            for (std::size_t f = 0; f < features; ++f) {
                if (x.isCategorical(f))
                    columns[f].codes.resize(batchRows);
                else
                    columns[f].values.resize(batchRows);
            }
            for (std::size_t p = first; p < last; ++p) {
                const std::uint32_t* perm = order.data() + p * features;
                for (std::size_t k = 0; k < features; ++k)
                    position[perm[k]] = static_cast<std::uint32_t>(k);
                const std::size_t from = p / (2 * pairsPerRow);
                const std::size_t base = (p - first) * steps;
                for (std::size_t f = 0; f < features; ++f) {
                    // Mixed rows k >= position[f] have the row's value of f.
                    const std::size_t switchAt = std::min<std::size_t>(position[f], steps);
                    if (x.isCategorical(f)) {
                        std::int32_t* c = columns[f].codes.data() + base;
                        std::fill(c, c + switchAt, sample.codes(f)[from]);
                        std::fill(c + switchAt, c + steps, x.codes(f)[row]);
                    } else {
                        double* v = columns[f].values.data() + base;
                        std::fill(v, v + switchAt, sample.values(f)[from]);
                        std::fill(v + switchAt, v + steps, x.values(f)[row]);
                    }
                }
            }
            std::vector<double> f;
            if (batchRows > 0)
                f = outputsOf(model, kind, outputs,
                              FeatureMatrix(x.schema(), std::move(columns), batchRows), quiet);
            for (std::size_t p = first; p < last; ++p) {
                const std::uint32_t* perm = order.data() + p * features;
                const std::size_t from = p / (2 * pairsPerRow);
                const double* walk = f.data() + (p - first) * steps * outputs;
                for (std::size_t o = 0; o < outputs; ++o) {
                    double previous = sampleOutputs[from * outputs + o];
                    for (std::size_t k = 0; k < features; ++k) {
                        const double current = k < steps ? walk[k * outputs + o] : fx[o];
                        phi[o * features + perm[k]] += current - previous;
                        previous = current;
                    }
                }
            }
        }
        for (std::size_t v = 0; v < outputs * features; ++v)
            phi[v] /= static_cast<double>(permutations);
        std::copy(fx.begin(), fx.end(),
                  out.prediction.begin() + static_cast<std::ptrdiff_t>(i * outputs));

        const std::size_t finished = done.fetch_add(1) + 1;
        if (onCaller)
            task.report(static_cast<double>(finished) / static_cast<double>(rows.size()),
                        "explaining row " + std::to_string(finished) + " of " +
                            std::to_string(rows.size()));
        return true;
    });
    task.checkCancelled();
    return out;
}

}  // namespace glassbox
