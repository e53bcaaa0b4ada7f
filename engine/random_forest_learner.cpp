#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <string>

#include "engine/cart_model.h"
#include "engine/errors.h"
#include "engine/feature_bins.h"
#include "engine/parallel_for.h"
#include "engine/random.h"

namespace glassbox {
namespace {

// Accuracy (classification) or R² (regression) of the out-of-bag predictions: each row
// predicted by the trees whose bootstrap sample left it out; rows never left out are skipped.
std::optional<double> outOfBagScore(const Dataset& data, const std::vector<FlatTree>& trees,
                                    const std::vector<std::vector<std::uint64_t>>& inBag,
                                    unsigned threads, const TaskContext& task) {
    const std::size_t n = data.rows();
    const bool classification = data.task == TaskKind::Classification;
    const std::size_t width = classification ? data.classCount() : 1;
    std::vector<double> sums(n * width, 0.0);
    std::vector<std::uint32_t> votes(n, 0);
    std::vector<std::uint8_t> categorical;
    for (std::size_t f = 0; f < data.features.featureCount(); ++f)
        categorical.push_back(data.features.isCategorical(f));
    sumLeafValues(trees, categorical, data.features, width, inBag, threads, sums, &votes, task,
                  "out-of-bag score");

    std::size_t scored = 0;
    if (classification) {
        std::size_t correct = 0;
        for (std::size_t row = 0; row < n; ++row) {
            if (votes[row] == 0) continue;
            const double* s = sums.data() + row * width;
            const auto best = static_cast<std::int32_t>(std::max_element(s, s + width) - s);
            correct += best == data.labels[row];
            ++scored;
        }
        if (scored == 0) return std::nullopt;
        return static_cast<double>(correct) / static_cast<double>(scored);
    }
    double mean = 0;
    for (std::size_t row = 0; row < n; ++row)
        if (votes[row] > 0) {
            mean += data.targets[row];
            ++scored;
        }
    if (scored < 2) return std::nullopt;
    mean /= static_cast<double>(scored);
    double residual = 0, spread = 0;
    for (std::size_t row = 0; row < n; ++row) {
        if (votes[row] == 0) continue;
        const double predicted = sums[row] / votes[row];
        residual += (data.targets[row] - predicted) * (data.targets[row] - predicted);
        spread += (data.targets[row] - mean) * (data.targets[row] - mean);
    }
    if (!(spread > 0)) return std::nullopt;
    return 1.0 - residual / spread;
}

class RandomForestLearner final : public Learner {
  public:
    std::string_view name() const override { return "random_forest"; }
    std::string_view description() const override {
        return "random forest: bagged CART trees with feature subsampling, grown in parallel, "
               "out-of-bag score";
    }
    const ParamSpecs& params() const override { return specs_; }
    bool supports(TaskKind) const override { return true; }

    std::unique_ptr<Model> fit(const Dataset& data, const ParamValues& params,
                               const FitOptions& options, const TaskContext& task) const override {
        checkTrainingData(data);
        const CartSettings settings = cartSettingsFrom(params, data);
        const std::vector<double> classWeights = classWeightsFrom(params, data);
        const auto treeCount = static_cast<std::size_t>(params.integer("n_estimators"));
        const bool bootstrap = params.boolean("bootstrap");
        const std::size_t n = data.rows();
        std::size_t draws = n;
        if (!params.isWord("max_samples")) {
            if (!bootstrap) throw InvalidArgument("max_samples", "needs bootstrap=true");
            draws = std::max<std::size_t>(
                1, static_cast<std::size_t>(std::llround(params.real("max_samples") * n)));
        }
        const CartSample all = bootstrap ? CartSample{} : fullSample(params, data);

        const FeatureBins bins =
            FeatureBins::fit(data.features, static_cast<int>(params.integer("max_bins")),
                             options.threads, task.sub(0.0, 0.05));
        const TaskContext growing = task.sub(0.05, bootstrap ? 0.95 : 1.0);
        std::vector<FlatTree> trees(treeCount);
        std::vector<std::vector<std::uint64_t>> inBag(bootstrap ? treeCount : 0);
        std::atomic<std::size_t> done{0};
        // Tree t depends only on (seed, t): the forest is the same for any thread count.
        parallelFor(treeCount, options.threads, [&](std::size_t t, bool onCaller) {
            Random random(options.seed, t);
            CartSample drawn;
            if (bootstrap) {
                std::vector<std::uint32_t> counts(n, 0);
                for (std::size_t d = 0; d < draws; ++d) ++counts[random.index(n)];
                std::vector<std::uint64_t>& bag = inBag[t];
                bag.assign((n + 63) / 64, 0);
                for (std::size_t row = 0; row < n; ++row) {
                    if (counts[row] == 0) continue;
                    bag[row >> 6] |= std::uint64_t{1} << (row & 63);
                    const double w =
                        counts[row] * (classWeights.empty() ? 1.0 : classWeights[data.labels[row]]);
                    if (!(w > 0)) continue;
                    drawn.rows.push_back(static_cast<std::uint32_t>(row));
                    drawn.weights.push_back(w);
                }
            }
            const std::string stage = "tree " +
                                      std::to_string(std::min(done.load() + 1, treeCount)) +
                                      " of " + std::to_string(treeCount);
            const CartProgress progress = [&](double fraction) {
                if (onCaller)
                    growing.report((static_cast<double>(done.load()) + fraction) / treeCount,
                                   stage);
                else
                    task.checkCancelled();
            };
            trees[t] = growCart(bins, data.labels, data.targets, bootstrap ? drawn : all, settings,
                                random.next(), t, 1, progress);
            const std::size_t finished = ++done;
            if (onCaller)
                growing.report(
                    static_cast<double>(finished) / treeCount,
                    "tree " + std::to_string(finished) + " of " + std::to_string(treeCount));
            else
                task.checkCancelled();
            return true;
        });
        task.checkCancelled();

        std::optional<double> oob;
        if (bootstrap)
            oob = outOfBagScore(data, trees, inBag, options.threads, task.sub(0.95, 1.0));
        task.report(1.0, "done");
        return std::make_unique<AveragedTreesModel>(data.features.schema(), data.task,
                                                    data.classCount(), std::move(trees), true, oob);
    }

    std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                std::size_t classCount) const override {
        return AveragedTreesModel::load(in, schema, task, classCount, true);
    }

  private:
    ParamSpecs specs_ = cartParamSpecs(true);
};

}  // namespace

const Learner& randomForestLearner() {
    static const RandomForestLearner learner;
    return learner;
}

}  // namespace glassbox
