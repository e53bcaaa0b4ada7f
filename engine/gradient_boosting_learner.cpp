// gradient_boosting: histogram-based gradient boosted trees (binary log-loss, multiclass
// softmax, squared error) grown leaf-wise by TreeGrower.
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <thread>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/feature_bins.h"
#include "engine/flat_tree.h"
#include "engine/histogram_booster.h"
#include "engine/learner.h"
#include "engine/parallel_for.h"
#include "engine/random.h"

namespace glassbox {
namespace {

constexpr std::uint32_t kFormatVersion = 1;
// Probabilities behind the initial scores are kept in [kMinProbability, 1 - kMinProbability]
// so a class absent from the training rows still has a finite score.
constexpr double kMinProbability = 1e-15;
constexpr double kMinHessian = 1e-16;
constexpr std::size_t kRowBlock = 8192;

// Random streams: one kind of draw per high word, its index in the low one.
std::uint64_t stream(std::uint64_t kind, std::uint64_t index) {
    return (kind << 40) | index;
}
constexpr std::uint64_t kSubsampleStream = 1;
constexpr std::uint64_t kColsampleStream = 2;
constexpr std::uint64_t kValidationStream = 3;

const ParamSpecs& gradientBoostingParams() {
    static const ParamSpecs specs = {
        {"n_estimators",
         ParamType::Integer,
         "100",
         1,
         100000,
         false,
         {},
         "Boosting rounds (one tree per round, one per class and round for 3+ classes)"},
        {"learning_rate",
         ParamType::Real,
         "0.1",
         0,
         10,
         true,
         {},
         "Shrinkage: each tree's leaf values are multiplied by it"},
        {"max_leaves",
         ParamType::Integer,
         "31",
         2,
         4096,
         false,
         {},
         "Leaves per tree; trees grow best-first (leaf-wise) up to it"},
        {"max_depth",
         ParamType::Integer,
         "none",
         1,
         1000,
         false,
         {"none"},
         "Depth limit of each tree (none: only max_leaves limits it)"},
        {"lambda",
         ParamType::Real,
         "1",
         0,
         1e6,
         false,
         {},
         "L2 regularization of leaf values: leaf = -G / (H + lambda)"},
        {"min_child_weight",
         ParamType::Real,
         "1",
         0,
         1e6,
         false,
         {},
         "Smallest hessian sum a child may have (as XGBoost; with squared error, rows)"},
        {"min_split_gain",
         ParamType::Real,
         "0",
         0,
         1e9,
         false,
         {},
         "Smallest gain (XGBoost's loss change) a split needs"},
        {"subsample",
         ParamType::Real,
         "1",
         0,
         1,
         true,
         {},
         "Fraction of rows each round trains on (seeded draw per round)"},
        {"colsample",
         ParamType::Real,
         "1",
         0,
         1,
         true,
         {},
         "Fraction of features each tree may split on (seeded draw per tree)"},
        {"max_bins",
         ParamType::Integer,
         "255",
         2,
         255,
         false,
         {},
         "Bins per feature (values are binned once before boosting)"},
        {"early_stopping",
         ParamType::Boolean,
         "false",
         0,
         0,
         false,
         {},
         "Hold out validation_fraction of the rows and stop when its loss stops improving"},
        {"validation_fraction",
         ParamType::Real,
         "0.1",
         0,
         0.9,
         true,
         {},
         "Share of rows held out for early stopping (stratified for classification)"},
        {"n_iter_no_change",
         ParamType::Integer,
         "10",
         1,
         100000,
         false,
         {},
         "Early stopping: rounds without a better validation loss before stopping"},
        {"class_weight",
         ParamType::Choice,
         "none",
         0,
         0,
         false,
         {"none", "balanced"},
         "Classification: weight classes equally (balanced) or rows equally (none)"},
    };
    return specs;
}

std::size_t treesPerRoundFor(TaskKind task, std::size_t classCount) {
    return task == TaskKind::Classification && classCount > 2 ? classCount : 1;
}

double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

class GradientBoostingModel final : public Model {
  public:
    GradientBoostingModel(TaskKind task, std::size_t classCount, const FeatureSchema& schema,
                          std::vector<double> initScores, std::vector<FlatTree> trees,
                          std::size_t rounds, std::optional<double> bestValidationLoss)
        : task_(task),
          classCount_(classCount),
          perRound_(treesPerRoundFor(task, classCount)),
          initScores_(std::move(initScores)),
          trees_(std::move(trees)),
          rounds_(rounds),
          bestValidationLoss_(bestValidationLoss),
          compiled_(trees_, schema) {
        for (const FeatureInfo& f : schema.features) categorical_.push_back(f.isCategorical());
    }

    Predictions predict(const FeatureMatrix& x, const TaskContext& task) const override {
        if (x.featureCount() != categorical_.size())
            throw InvalidArgument("features",
                                  "the model was fitted on " + std::to_string(categorical_.size()) +
                                      " features, got " + std::to_string(x.featureCount()));
        for (std::size_t f = 0; f < categorical_.size(); ++f)
            if (x.isCategorical(f) != (categorical_[f] != 0))
                throw InvalidArgument(x.schema().features[f].name,
                                      "the feature's kind differs from the fitted one");
        const std::size_t rows = x.rows();
        const std::size_t k = perRound_;
        std::vector<double> raw(rows * k);
        for (std::size_t r = 0; r < rows; ++r)
            std::copy(initScores_.begin(), initScores_.end(), raw.begin() + r * k);
        const std::size_t blocks = (rows + kRowBlock - 1) / kRowBlock;
        const unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
        parallelFor(blocks, threads, [&](std::size_t b, bool) {
            if (task.isCancelled()) return false;
            const std::size_t begin = b * kRowBlock;
            const std::size_t end = std::min(rows, begin + kRowBlock);
            for (std::size_t t = 0; t < trees_.size(); ++t)
                compiled_.add(t, x, begin, end, raw.data(), k, t % k);
            return true;
        });
        task.checkCancelled();

        Predictions out;
        out.task = task_;
        out.rows = rows;
        if (task_ == TaskKind::Regression) {
            out.values = std::move(raw);
            return out;
        }
        out.classCount = classCount_;
        out.probabilities.resize(rows * classCount_);
        for (std::size_t r = 0; r < rows; ++r) {
            double* p = out.probabilities.data() + r * classCount_;
            if (k == 1) {
                p[1] = sigmoid(raw[r]);
                p[0] = 1.0 - p[1];
                continue;
            }
            const double* s = raw.data() + r * k;
            const double top = *std::max_element(s, s + k);
            double total = 0;
            for (std::size_t c = 0; c < k; ++c) total += p[c] = std::exp(s[c] - top);
            for (std::size_t c = 0; c < k; ++c) p[c] /= total;
        }
        return out;
    }

    // u32 version, u8 task, u64 classes (0 for regression), u64 features, f64[] initial scores
    // (one per tree of a round), u64 rounds, u8 has-validation-loss, f64 best validation loss,
    // u64 trees (rounds x trees per round, round by round, class by class), the FlatTrees.
    void save(ByteWriter& out) const override {
        out.put<std::uint32_t>(kFormatVersion);
        out.put<std::uint8_t>(static_cast<std::uint8_t>(task_));
        out.put<std::uint64_t>(classCount_);
        out.put<std::uint64_t>(categorical_.size());
        out.putVector(initScores_);
        out.put<std::uint64_t>(rounds_);
        out.put<std::uint8_t>(bestValidationLoss_.has_value());
        out.put<double>(bestValidationLoss_.value_or(0.0));
        out.put<std::uint64_t>(trees_.size());
        for (const FlatTree& t : trees_) t.save(out);
    }

    std::span<const FlatTree> trees() const override { return trees_; }

    std::optional<TreeEnsembleLayout> treeLayout() const override {
        TreeEnsembleLayout layout;
        layout.output = task_ == TaskKind::Classification ? "log-odds" : "value";
        layout.outputs = perRound_;
        layout.base = initScores_;
        for (std::size_t t = 0; t < trees_.size(); ++t) layout.firstOutput.push_back(t % perRound_);
        return layout;
    }

    std::vector<std::pair<std::string, double>> fitSummary() const override {
        std::vector<std::pair<std::string, double>> out = {
            {"rounds", static_cast<double>(rounds_)}};
        if (bestValidationLoss_) out.emplace_back("best_validation_loss", *bestValidationLoss_);
        return out;
    }

  private:
    TaskKind task_;
    std::size_t classCount_;
    std::size_t perRound_;
    std::vector<double> initScores_;
    std::vector<FlatTree> trees_;
    std::size_t rounds_;
    std::optional<double> bestValidationLoss_;
    std::vector<std::uint8_t> categorical_;
    CompiledTrees compiled_;
};

// The training part of the data: the rows trees are grown on, their targets and weights.
struct TrainingRows {
    const FeatureMatrix* x = nullptr;
    std::vector<std::int32_t> labels;
    std::vector<double> targets;
    std::vector<double> weights;  // classification only
    std::size_t rows() const { return x->rows(); }
};

// Rows held out for early stopping: a stratified, seeded sample for classification (each class
// keeps at least one training row), a seeded sample otherwise. Ascending.
std::vector<std::size_t> validationRows(const Dataset& data, double fraction, std::uint64_t seed) {
    Random rng(seed, stream(kValidationStream, 0));
    std::vector<std::size_t> out;
    if (data.task == TaskKind::Classification) {
        std::vector<std::vector<std::size_t>> byClass(data.classCount());
        for (std::size_t r = 0; r < data.rows(); ++r) byClass[data.labels[r]].push_back(r);
        for (auto& rows : byClass) {
            rng.shuffle(rows.begin(), rows.end());
            std::size_t take = static_cast<std::size_t>(std::llround(fraction * rows.size()));
            if (rows.size() >= 2) take = std::min(take, rows.size() - 1);
            if (rows.size() < 2) take = 0;
            out.insert(out.end(), rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(take));
        }
    } else {
        std::vector<std::size_t> rows(data.rows());
        std::iota(rows.begin(), rows.end(), 0);
        rng.shuffle(rows.begin(), rows.end());
        const std::size_t take = std::max<std::size_t>(
            1, static_cast<std::size_t>(std::llround(fraction * rows.size())));
        out.assign(rows.begin(),
                   rows.begin() + static_cast<std::ptrdiff_t>(std::min(take, rows.size())));
    }
    std::sort(out.begin(), out.end());
    if (out.empty() || data.rows() - out.size() < 2)
        throw InvalidArgument("validation_fraction",
                              "leaves no validation rows or fewer than 2 training rows for early "
                              "stopping on " +
                                  std::to_string(data.rows()) + " rows");
    return out;
}

// Initial raw scores: log-odds of the (weighted) prior, log priors, or the mean target.
std::vector<double> initialScores(const TrainingRows& t, TaskKind task, std::size_t perRound,
                                  std::size_t classCount) {
    if (task == TaskKind::Regression) {
        double sum = 0;
        for (double y : t.targets) sum += y;
        return {t.targets.empty() ? 0.0 : sum / static_cast<double>(t.targets.size())};
    }
    std::vector<double> mass(classCount, 0.0);
    double total = 0;
    for (std::size_t r = 0; r < t.rows(); ++r) {
        mass[t.labels[r]] += t.weights[r];
        total += t.weights[r];
    }
    auto prior = [&](std::size_t c) {
        const double p = total > 0 ? mass[c] / total : 1.0 / static_cast<double>(classCount);
        return std::clamp(p, kMinProbability, 1.0 - kMinProbability);
    };
    if (perRound == 1) {
        const double p = prior(1);
        return {std::log(p / (1.0 - p))};
    }
    std::vector<double> out(classCount);
    for (std::size_t c = 0; c < classCount; ++c) out[c] = std::log(prior(c));
    return out;
}

// Gradient pairs of every row for tree k of a round: grads[k * rows + r].
void computeGradients(const TrainingRows& t, TaskKind task, std::size_t perRound,
                      const std::vector<double>& scores, std::vector<GradientPair>& grads,
                      WorkerPool& pool) {
    const std::size_t n = t.rows();
    const std::size_t blocks = (n + kRowBlock * 4 - 1) / (kRowBlock * 4);
    pool.run(blocks, [&](std::size_t b) {
        const std::size_t begin = b * kRowBlock * 4;
        const std::size_t end = std::min(n, begin + kRowBlock * 4);
        std::vector<double> p(perRound);
        for (std::size_t r = begin; r < end; ++r) {
            if (task == TaskKind::Regression) {
                grads[r] = {scores[r] - t.targets[r], 1.0};
            } else if (perRound == 1) {
                const double w = t.weights[r];
                const double q = sigmoid(scores[r]);
                grads[r] = {w * (q - (t.labels[r] == 1 ? 1.0 : 0.0)),
                            w * std::max(q * (1.0 - q), kMinHessian)};
            } else {
                const double* s = scores.data() + r * perRound;
                const double top = *std::max_element(s, s + perRound);
                double total = 0;
                for (std::size_t c = 0; c < perRound; ++c) total += p[c] = std::exp(s[c] - top);
                const double w = t.weights[r];
                for (std::size_t c = 0; c < perRound; ++c) {
                    const double q = p[c] / total;
                    const double y = t.labels[r] == static_cast<std::int32_t>(c) ? 1.0 : 0.0;
                    grads[c * n + r] = {w * (q - y), w * std::max(q * (1.0 - q), kMinHessian)};
                }
            }
        }
    });
}

// Mean loss over held-out rows (weighted by class weights): log-loss or squared error.
double validationLoss(TaskKind task, std::size_t perRound, const std::vector<double>& scores,
                      std::span<const std::int32_t> labels, std::span<const double> targets,
                      std::span<const double> weights) {
    double total = 0, weightSum = 0;
    const std::size_t n = task == TaskKind::Regression ? targets.size() : labels.size();
    for (std::size_t r = 0; r < n; ++r) {
        if (task == TaskKind::Regression) {
            const double d = scores[r] - targets[r];
            total += d * d;
            weightSum += 1;
            continue;
        }
        const double w = weights[r];
        double loss;
        if (perRound == 1) {
            const double f = scores[r];
            loss =
                std::log1p(std::exp(-std::fabs(f))) + std::max(f, 0.0) - (labels[r] == 1 ? f : 0.0);
        } else {
            const double* s = scores.data() + r * perRound;
            const double top = *std::max_element(s, s + perRound);
            double sum = 0;
            for (std::size_t c = 0; c < perRound; ++c) sum += std::exp(s[c] - top);
            loss = top + std::log(sum) - s[labels[r]];
        }
        total += w * loss;
        weightSum += w;
    }
    return weightSum > 0 ? total / weightSum : 0.0;
}

class GradientBoostingLearner final : public Learner {
  public:
    std::string_view name() const override { return "gradient_boosting"; }
    std::string_view description() const override {
        return "Histogram-based gradient boosted trees, grown leaf-wise (as LightGBM / XGBoost "
               "hist)";
    }
    const ParamSpecs& params() const override { return gradientBoostingParams(); }
    bool supports(TaskKind) const override { return true; }

    std::unique_ptr<Model> fit(const Dataset& data, const ParamValues& params,
                               const FitOptions& options, const TaskContext& task) const override;

    std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                std::size_t classCount) const override;
};

std::unique_ptr<Model> GradientBoostingLearner::fit(const Dataset& data, const ParamValues& params,
                                                    const FitOptions& options,
                                                    const TaskContext& task) const {
    const TaskKind kind = data.task;
    const std::size_t classCount = kind == TaskKind::Classification ? data.classCount() : 0;
    const std::size_t perRound = treesPerRoundFor(kind, classCount);
    const std::size_t rounds = static_cast<std::size_t>(params.integer("n_estimators"));
    GrowerSettings settings;
    settings.maxLeaves = static_cast<std::size_t>(params.integer("max_leaves"));
    if (const auto depth = params.optionalInteger("max_depth"))
        settings.maxDepth = static_cast<std::size_t>(*depth);
    settings.lambda = params.real("lambda");
    settings.minChildWeight = params.real("min_child_weight");
    settings.minSplitGain = params.real("min_split_gain");
    settings.learningRate = params.real("learning_rate");
    const double subsample = params.real("subsample");
    const double colsample = params.real("colsample");
    const bool earlyStopping = params.boolean("early_stopping");
    const std::size_t patience = static_cast<std::size_t>(params.integer("n_iter_no_change"));
    const bool balanced = params.text("class_weight") == "balanced";
    if (balanced && kind != TaskKind::Classification)
        throw InvalidArgument("class_weight", "balanced applies to classification only");
    if (kind == TaskKind::Classification && classCount < 2)
        throw InvalidArgument("--target", "classification needs at least 2 classes");
    if (data.rows() < 2) throw InvalidArgument("--target", "boosting needs at least 2 rows");
    if (kind == TaskKind::Regression && !std::all_of(data.targets.begin(), data.targets.end(),
                                                     [](double y) { return std::isfinite(y); }))
        throw InvalidArgument("--target", "regression targets must be finite numbers");
    if (data.rows() > std::numeric_limits<std::uint32_t>::max())
        throw InvalidArgument("--target", "too many rows for gradient boosting");

    const std::vector<double> classWeights = kind != TaskKind::Classification
                                                 ? std::vector<double>()
                                             : balanced ? balancedClassWeights(data)
                                                        : std::vector<double>(classCount, 1.0);

    // Training and (with early stopping) validation rows.
    std::vector<std::size_t> heldOut;
    FeatureMatrix trainCopy;
    FeatureMatrix validationX;
    TrainingRows train;
    std::vector<std::int32_t> validationLabels;
    std::vector<double> validationTargets;
    std::vector<double> validationWeights;
    if (earlyStopping) {
        heldOut = validationRows(data, params.real("validation_fraction"), options.seed);
        std::vector<std::size_t> kept;
        kept.reserve(data.rows() - heldOut.size());
        for (std::size_t r = 0, h = 0; r < data.rows(); ++r) {
            if (h < heldOut.size() && heldOut[h] == r)
                ++h;
            else
                kept.push_back(r);
        }
        trainCopy = data.features.subset(kept);
        validationX = data.features.subset(heldOut);
        train.x = &trainCopy;
        for (std::size_t r : kept) {
            if (kind == TaskKind::Regression)
                train.targets.push_back(data.targets[r]);
            else
                train.labels.push_back(data.labels[r]);
        }
        for (std::size_t r : heldOut) {
            if (kind == TaskKind::Regression) {
                validationTargets.push_back(data.targets[r]);
            } else {
                validationLabels.push_back(data.labels[r]);
                validationWeights.push_back(classWeights[data.labels[r]]);
            }
        }
    } else {
        train.x = &data.features;
        train.labels = data.labels;
        train.targets = data.targets;
    }
    if (kind == TaskKind::Classification) {
        train.weights.resize(train.labels.size());
        for (std::size_t r = 0; r < train.labels.size(); ++r)
            train.weights[r] = classWeights[train.labels[r]];
    }
    const std::size_t n = train.rows();
    const std::size_t nValidation = validationX.rows();
    const FeatureSchema& schema = data.features.schema();

    WorkerPool pool(std::max(1u, options.threads));
    const FeatureBins bins =
        FeatureBins::fit(*train.x, static_cast<int>(params.integer("max_bins")),
                         std::max(1u, options.threads), task.sub(0.0, 0.05));
    TreeGrower grower(bins, settings, pool);

    const std::vector<double> init = initialScores(train, kind, perRound, classCount);
    std::vector<double> scores(n * perRound);
    for (std::size_t r = 0; r < n; ++r)
        std::copy(init.begin(), init.end(), scores.begin() + r * perRound);
    std::vector<double> validationScores(nValidation * perRound);
    for (std::size_t r = 0; r < nValidation; ++r)
        std::copy(init.begin(), init.end(), validationScores.begin() + r * perRound);
    std::optional<double> bestLoss;
    std::size_t bestRounds = 0;
    if (earlyStopping)
        bestLoss = validationLoss(kind, perRound, validationScores, validationLabels,
                                  validationTargets, validationWeights);

    const std::size_t featureCount = data.features.featureCount();
    const std::size_t usedFeatures = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::llround(colsample * static_cast<double>(featureCount))), 1,
        std::max<std::size_t>(featureCount, 1));
    std::vector<std::uint32_t> allFeatures(featureCount);
    std::iota(allFeatures.begin(), allFeatures.end(), 0u);

    std::vector<GradientPair> grads(n * perRound);
    std::vector<std::uint32_t> sampled;
    std::vector<std::uint32_t> unsampled;
    std::vector<std::uint32_t> rows;
    std::vector<std::uint32_t> features;
    std::vector<LeafRows> leaves;
    std::vector<FlatTree> trees;
    const std::size_t totalRounds = rounds;
    std::size_t round = 0;
    for (; round < totalRounds; ++round) {
        const std::string stage =
            "round " + std::to_string(round + 1) + " of " + std::to_string(totalRounds);
        task.report(0.05 + 0.95 * static_cast<double>(round) / static_cast<double>(totalRounds),
                    stage);
        computeGradients(train, kind, perRound, scores, grads, pool);

        sampled.clear();
        unsampled.clear();
        if (subsample < 1.0) {
            Random rng(options.seed, stream(kSubsampleStream, round));
            for (std::size_t r = 0; r < n; ++r)
                (rng.uniform() < subsample ? sampled : unsampled)
                    .push_back(static_cast<std::uint32_t>(r));
            if (sampled.empty()) {
                const std::size_t pick = rng.index(n);
                sampled.push_back(static_cast<std::uint32_t>(pick));
                unsampled.erase(unsampled.begin() + static_cast<std::ptrdiff_t>(pick));
            }
        } else {
            sampled.resize(n);
            std::iota(sampled.begin(), sampled.end(), 0u);
        }

        for (std::size_t k = 0; k < perRound; ++k) {
            // With many classes a round is many trees: report each.
            if (k > 0)
                task.report(0.05 + 0.95 *
                                       (static_cast<double>(round) +
                                        static_cast<double>(k) / static_cast<double>(perRound)) /
                                       static_cast<double>(totalRounds),
                            stage);
            features = allFeatures;
            if (usedFeatures < featureCount) {
                Random rng(options.seed, stream(kColsampleStream, round * perRound + k));
                rng.shuffle(features.begin(), features.end());
                features.resize(usedFeatures);
                std::sort(features.begin(), features.end());
            }
            rows = sampled;
            FlatTree tree = grower.grow(std::span<const GradientPair>(grads).subspan(k * n, n),
                                        rows, features, leaves);
            // Each leaf holds its own rows: the leaves update the scores in parallel.
            pool.run(leaves.size(), [&](std::size_t j) {
                const LeafRows& leaf = leaves[j];
                const double value = tree.value[static_cast<std::size_t>(leaf.node)];
                for (std::size_t i = leaf.begin; i < leaf.end; ++i)
                    scores[rows[i] * perRound + k] += value;
            });
            if (!unsampled.empty() || nValidation > 0) {
                const CompiledTrees one(std::span<const FlatTree>(&tree, 1), schema);
                const std::size_t blocks = (unsampled.size() + kRowBlock - 1) / kRowBlock;
                pool.run(blocks, [&](std::size_t b) {
                    const std::size_t begin = b * kRowBlock;
                    const std::size_t end = std::min(unsampled.size(), begin + kRowBlock);
                    one.addRows(
                        0, *train.x,
                        std::span<const std::uint32_t>(unsampled).subspan(begin, end - begin),
                        scores.data(), perRound, k);
                });
                const std::size_t vBlocks = (nValidation + kRowBlock - 1) / kRowBlock;
                pool.run(vBlocks, [&](std::size_t b) {
                    const std::size_t begin = b * kRowBlock;
                    one.add(0, validationX, begin, std::min(nValidation, begin + kRowBlock),
                            validationScores.data(), perRound, k);
                });
            }
            trees.push_back(std::move(tree));
        }

        if (earlyStopping) {
            const double loss = validationLoss(kind, perRound, validationScores, validationLabels,
                                               validationTargets, validationWeights);
            if (loss < *bestLoss - 1e-7 * std::max(1.0, std::fabs(*bestLoss))) {
                bestLoss = loss;
                bestRounds = round + 1;
            } else if (round + 1 - bestRounds >= patience) {
                break;
            }
        }
    }
    task.report(1.0, "round " + std::to_string(totalRounds) + " of " + std::to_string(totalRounds));
    std::size_t keptRounds = trees.size() / perRound;
    if (earlyStopping) {
        keptRounds = bestRounds;
        trees.resize(keptRounds * perRound);
    }
    return std::make_unique<GradientBoostingModel>(kind, classCount, schema, init, std::move(trees),
                                                   keptRounds, bestLoss);
}

std::unique_ptr<Model> GradientBoostingLearner::load(ByteReader& in, const FeatureSchema& schema,
                                                     TaskKind task, std::size_t classCount) const {
    in.require(in.get<std::uint32_t>() == kFormatVersion,
               "unknown gradient boosting model version");
    in.require(in.get<std::uint8_t>() == static_cast<std::uint8_t>(task),
               "the model's task does not match");
    const std::uint64_t savedClasses = in.get<std::uint64_t>();
    if (task == TaskKind::Classification)
        in.require(savedClasses == classCount && classCount >= 2,
                   "the model's class count does not match");
    else
        in.require(savedClasses == 0, "a regression model has classes");
    in.require(in.get<std::uint64_t>() == schema.size(),
               "the model's feature count does not match");
    const std::size_t perRound = treesPerRoundFor(task, classCount);
    std::vector<double> init = in.getVector<double>();
    in.require(init.size() == perRound, "the model has the wrong number of initial scores");
    for (double v : init) in.require(std::isfinite(v), "an initial score is not finite");
    const std::uint64_t rounds = in.get<std::uint64_t>();
    const std::uint8_t hasLoss = in.get<std::uint8_t>();
    in.require(hasLoss <= 1, "a flag is neither 0 nor 1");
    const double loss = in.get<double>();
    in.require(std::isfinite(loss), "the validation loss is not finite");
    const std::uint64_t treeCount = in.get<std::uint64_t>();
    in.require(rounds <= treeCount && treeCount == rounds * perRound,
               "the model's tree count does not match its rounds");
    // Every tree takes more than 8 bytes: a count beyond that cannot be in the file.
    in.require(treeCount <= in.remaining() / 8, "the model's tree count is larger than the file");
    std::vector<FlatTree> trees;
    trees.reserve(treeCount);
    for (std::uint64_t t = 0; t < treeCount; ++t) {
        FlatTree tree = FlatTree::load(in, schema, 1);
        for (double v : tree.value) in.require(std::isfinite(v), "a leaf value is not finite");
        trees.push_back(std::move(tree));
    }
    return std::make_unique<GradientBoostingModel>(
        task, task == TaskKind::Classification ? classCount : 0, schema, std::move(init),
        std::move(trees), rounds, hasLoss ? std::optional<double>(loss) : std::nullopt);
}

}  // namespace

const Learner& gradientBoostingLearner() {
    static const GradientBoostingLearner learner;
    return learner;
}

}  // namespace glassbox
