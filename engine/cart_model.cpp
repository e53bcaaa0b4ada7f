#include "engine/cart_model.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/parallel_for.h"

namespace glassbox {
namespace {

constexpr std::uint32_t kPayloadVersion = 1;
constexpr std::size_t kPredictBlock = 2048;
constexpr std::size_t kTreesPerPass = 8;

ParamSpec integerParam(std::string name, std::string value, double min, double max,
                       std::string help, std::vector<std::string> words = {}) {
    return ParamSpec{.name = std::move(name),
                     .type = ParamType::Integer,
                     .defaultValue = std::move(value),
                     .min = min,
                     .max = max,
                     .choices = std::move(words),
                     .help = std::move(help)};
}

ParamSpec realParam(std::string name, std::string value, double min, double max, bool minExclusive,
                    std::string help, std::vector<std::string> words = {}) {
    return ParamSpec{.name = std::move(name),
                     .type = ParamType::Real,
                     .defaultValue = std::move(value),
                     .min = min,
                     .max = max,
                     .minExclusive = minExclusive,
                     .choices = std::move(words),
                     .help = std::move(help)};
}

ParamSpec choiceParam(std::string name, std::string value, std::vector<std::string> choices,
                      std::string help) {
    return ParamSpec{.name = std::move(name),
                     .type = ParamType::Choice,
                     .defaultValue = std::move(value),
                     .choices = std::move(choices),
                     .help = std::move(help)};
}

}  // namespace

ParamSpecs cartParamSpecs(bool forest) {
    ParamSpecs specs;
    if (forest) {
        specs.push_back(integerParam("n_estimators", "100", 1, 100000, "number of trees"));
        specs.push_back(ParamSpec{.name = "bootstrap",
                                  .type = ParamType::Boolean,
                                  .defaultValue = "true",
                                  .choices = {},
                                  .help = "grow each tree on a bootstrap sample of the rows "
                                          "(gives the out-of-bag score)"});
        specs.push_back(realParam("max_samples", "none", 0, 1, true,
                                  "bootstrap sample size as a fraction of the rows (none: all)",
                                  {"none"}));
    }
    specs.push_back(choiceParam("criterion", "gini", {"gini", "entropy", "squared_error"},
                                "split quality: gini or entropy (classification); regression "
                                "always uses squared_error"));
    specs.push_back(integerParam("max_depth", "none", 1, 10000,
                                 "deepest level a leaf may have (none: grow until pure)",
                                 {"none"}));
    specs.push_back(
        integerParam("min_samples_split", "2", 2, 1e9, "fewest rows a node needs to be split"));
    specs.push_back(integerParam("min_samples_leaf", "1", 1, 1e9, "fewest rows in a leaf"));
    if (forest)
        specs.push_back(realParam("max_features", "auto", 0, 1, true,
                                  "features drawn per split: sqrt, log2, all, a fraction, or "
                                  "auto (sqrt for classification, all for regression)",
                                  {"auto", "sqrt", "log2", "all"}));
    else
        specs.push_back(realParam("max_features", "all", 0, 1, true,
                                  "features drawn per split: sqrt, log2, all or a fraction",
                                  {"sqrt", "log2", "all"}));
    specs.push_back(realParam("min_impurity_decrease", "0", 0, 1e12, false,
                              "smallest weighted impurity decrease a split must bring"));
    specs.push_back(choiceParam("class_weight", "none", {"none", "balanced"},
                                "balanced: weight classes inversely to their frequency"));
    specs.push_back(realParam("ccp_alpha", "0", 0, 1e12, false,
                              "cost-complexity pruning strength (0: no pruning)"));
    specs.push_back(integerParam("max_bins", "255", 2, 255,
                                 "value bins per numeric feature when searching thresholds"));
    return specs;
}

CartSettings cartSettingsFrom(const ParamValues& params, const Dataset& data) {
    CartSettings s;
    const std::string& criterion = params.text("criterion");
    if (data.task == TaskKind::Regression) {
        if (criterion == "entropy")
            throw InvalidArgument("criterion",
                                  "entropy is for classification; regression uses squared_error");
        s.criterion = CartCriterion::SquaredError;
        s.classCount = 0;
    } else {
        if (criterion == "squared_error")
            throw InvalidArgument("criterion",
                                  "squared_error is for regression; use gini or entropy");
        s.criterion = criterion == "entropy" ? CartCriterion::Entropy : CartCriterion::Gini;
        s.classCount = data.classCount();
    }
    if (const auto depth = params.optionalInteger("max_depth"))
        s.maxDepth = static_cast<std::size_t>(*depth);
    s.minSamplesSplit = static_cast<std::size_t>(params.integer("min_samples_split"));
    s.minSamplesLeaf = static_cast<std::size_t>(params.integer("min_samples_leaf"));
    const double features = static_cast<double>(data.features.featureCount());
    const std::string& maxFeatures = params.text("max_features");
    auto atLeastOne = [](double count) {
        return std::max<std::size_t>(1, static_cast<std::size_t>(count));
    };
    if (maxFeatures == "all" || (maxFeatures == "auto" && data.task == TaskKind::Regression))
        s.maxFeatures = 0;
    else if (maxFeatures == "sqrt" || maxFeatures == "auto")
        s.maxFeatures = atLeastOne(std::sqrt(features));
    else if (maxFeatures == "log2")
        s.maxFeatures = atLeastOne(features > 0 ? std::log2(features) : 0.0);
    else
        s.maxFeatures = atLeastOne(params.real("max_features") * features);
    s.minImpurityDecrease = params.real("min_impurity_decrease");
    s.ccpAlpha = params.real("ccp_alpha");
    return s;
}

std::vector<double> classWeightsFrom(const ParamValues& params, const Dataset& data) {
    const bool balanced = params.text("class_weight") == "balanced";
    if (data.task == TaskKind::Regression) {
        if (balanced) throw InvalidArgument("class_weight", "is for classification only");
        return {};
    }
    if (balanced) return balancedClassWeights(data);
    return std::vector<double>(data.classCount(), 1.0);
}

CartSample fullSample(const ParamValues& params, const Dataset& data) {
    const std::vector<double> classWeights = classWeightsFrom(params, data);
    CartSample sample;
    const std::size_t n = data.rows();
    sample.rows.reserve(n);
    sample.weights.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double w = classWeights.empty() ? 1.0 : classWeights[data.labels[i]];
        if (!(w > 0)) continue;
        sample.rows.push_back(static_cast<std::uint32_t>(i));
        sample.weights.push_back(w);
    }
    return sample;
}

void checkTrainingData(const Dataset& data) {
    const std::size_t n = data.rows();
    if (n == 0) throw InvalidArgument("--target", "no rows to learn from");
    if (n >= std::numeric_limits<std::uint32_t>::max())
        throw InvalidArgument("--target", "too many rows for a tree model");
    if (data.task == TaskKind::Classification) {
        if (data.labels.size() != n || data.classCount() == 0)
            throw InvalidArgument("--target", "the labels do not match the rows");
        for (std::int32_t label : data.labels)
            if (label < 0 || static_cast<std::size_t>(label) >= data.classCount())
                throw InvalidArgument("--target", "a row has no class");
    } else {
        if (data.targets.size() != n)
            throw InvalidArgument("--target", "the targets do not match the rows");
        for (double y : data.targets)
            if (!std::isfinite(y)) throw InvalidArgument("--target", "a target is not finite");
    }
}

FeatureColumns::FeatureColumns(const FeatureMatrix& x) {
    for (std::size_t f = 0; f < x.featureCount(); ++f) {
        values.push_back(x.values(f).data());
        codes.push_back(x.codes(f).data());
    }
}

CompactTree::CompactTree(const FlatTree& tree, std::span<const std::uint8_t> categorical)
    : categoryBits_(tree.categoryBits.data()) {
    nodes_.resize(tree.nodeCount());
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
        const std::int32_t f = tree.feature[n];
        nodes_[n] = Node{.threshold = tree.threshold[n],
                         .feature = f,
                         .left = tree.left[n],
                         .right = tree.right[n],
                         .categoryOffset = tree.categoryOffset[n],
                         .categoryWords = tree.categoryWords[n],
                         .missingLeft = tree.missingGoesLeft[n],
                         .categorical = static_cast<std::uint8_t>(f >= 0 && categorical[f])};
    }
}

void sumLeafValues(std::span<const FlatTree> trees, std::span<const std::uint8_t> categorical,
                   const FeatureMatrix& x, std::size_t width,
                   std::span<const std::vector<std::uint64_t>> skipRows, unsigned threads,
                   std::vector<double>& sums, std::vector<std::uint32_t>* used,
                   const TaskContext& task, std::string_view stage) {
    const std::size_t rows = x.rows();
    const std::size_t blocks = (rows + kPredictBlock - 1) / kPredictBlock;
    const FeatureColumns columns(x);
    // A few trees at a time in their compact form.
    for (std::size_t first = 0; first < trees.size(); first += kTreesPerPass) {
        const std::size_t last = std::min(trees.size(), first + kTreesPerPass);
        std::vector<CompactTree> compact;
        for (std::size_t t = first; t < last; ++t) compact.emplace_back(trees[t], categorical);
        std::atomic<std::size_t> done{0};
        parallelFor(blocks, threads, [&](std::size_t block, bool onCaller) {
            if (task.isCancelled()) return false;
            const std::size_t begin = block * kPredictBlock;
            const std::size_t end = std::min(rows, begin + kPredictBlock);
            std::size_t group[CompactTree::kGroup];
            std::size_t leaves[CompactTree::kGroup];
            for (std::size_t t = first; t < last; ++t) {
                const CompactTree& walker = compact[t - first];
                const FlatTree& tree = trees[t];
                const std::uint64_t* skip = skipRows.empty() ? nullptr : skipRows[t].data();
                std::size_t row = begin;
                while (row < end) {
                    std::size_t count = 0;
                    for (; row < end && count < CompactTree::kGroup; ++row)
                        if (!skip || !((skip[row >> 6] >> (row & 63)) & 1u)) group[count++] = row;
                    walker.leavesFor(columns, group, count, leaves);
                    for (std::size_t i = 0; i < count; ++i) {
                        const double* v = tree.value.data() + leaves[i] * width;
                        double* to = sums.data() + group[i] * width;
                        for (std::size_t k = 0; k < width; ++k) to[k] += v[k];
                        if (used) ++(*used)[group[i]];
                    }
                }
            }
            const std::size_t finished = ++done;
            if (onCaller)
                task.report((static_cast<double>(first) +
                             static_cast<double>(finished) / blocks * (last - first)) /
                                trees.size(),
                            stage);
            return true;
        });
        task.checkCancelled();
    }
}

AveragedTreesModel::AveragedTreesModel(const FeatureSchema& schema, TaskKind task,
                                       std::size_t classCount, std::vector<FlatTree> trees,
                                       bool forest, std::optional<double> oobScore)
    : task_(task),
      classCount_(classCount),
      trees_(std::move(trees)),
      forest_(forest),
      oobScore_(oobScore) {
    for (const FeatureInfo& f : schema.features) categorical_.push_back(f.isCategorical());
}

Predictions AveragedTreesModel::predict(const FeatureMatrix& features,
                                        const TaskContext& task) const {
    bool matches = features.featureCount() == categorical_.size();
    for (std::size_t f = 0; matches && f < categorical_.size(); ++f)
        matches = features.isCategorical(f) == (categorical_[f] != 0);
    if (!matches)
        throw InvalidArgument("features", "the table's features do not match the model's");
    Predictions out;
    out.task = task_;
    out.rows = features.rows();
    const bool classification = task_ == TaskKind::Classification;
    const std::size_t width = classification ? classCount_ : 1;
    out.classCount = classification ? classCount_ : 0;
    std::vector<double>& sums = classification ? out.probabilities : out.values;
    sums.assign(out.rows * width, 0.0);
    sumLeafValues(trees_, categorical_, features, width, {},
                  std::max(1u, std::thread::hardware_concurrency()), sums, nullptr, task,
                  "predicting");
    const double count = static_cast<double>(trees_.size());
    for (double& s : sums) s /= count;
    task.checkCancelled();
    return out;
}

std::optional<TreeEnsembleLayout> AveragedTreesModel::treeLayout() const {
    TreeEnsembleLayout layout;
    const bool classification = task_ == TaskKind::Classification;
    layout.output = classification ? "probability" : "value";
    layout.outputs = classification ? classCount_ : 1;
    layout.base.assign(layout.outputs, 0.0);
    layout.scale = 1.0 / static_cast<double>(trees_.size());
    layout.firstOutput.assign(trees_.size(), 0);
    return layout;
}

void AveragedTreesModel::save(ByteWriter& out) const {
    out.put<std::uint32_t>(kPayloadVersion);
    out.put<std::uint8_t>(task_ == TaskKind::Classification ? 0 : 1);
    out.put<std::uint64_t>(classCount_);
    out.put<std::uint64_t>(trees_.size());
    for (const FlatTree& tree : trees_) tree.save(out);
    out.put<std::uint8_t>(oobScore_ ? 1 : 0);
    out.put<double>(oobScore_.value_or(0.0));
}

std::unique_ptr<Model> AveragedTreesModel::load(ByteReader& in, const FeatureSchema& schema,
                                                TaskKind task, std::size_t classCount,
                                                bool forest) {
    in.require(in.get<std::uint32_t>() == kPayloadVersion, "unknown tree model version");
    const bool classification = task == TaskKind::Classification;
    in.require(in.get<std::uint8_t>() == (classification ? 0 : 1),
               "the model was fitted for another task");
    const std::uint64_t storedClasses = in.get<std::uint64_t>();
    in.require(classification ? storedClasses == classCount && classCount >= 1 : storedClasses == 0,
               "the model has another number of classes");
    const std::uint64_t treeCount = in.get<std::uint64_t>();
    in.require(treeCount >= 1 && (forest || treeCount == 1), "wrong number of trees");
    // Each saved tree takes far more than 64 bytes: a count beyond that is a corrupt file.
    in.require(treeCount <= in.remaining() / 64, "more trees than the file holds");
    const std::size_t valueSize = classification ? classCount : 1;
    std::vector<FlatTree> trees;
    for (std::uint64_t t = 0; t < treeCount; ++t) {
        FlatTree tree = FlatTree::load(in, schema, valueSize);
        for (std::size_t node = 0; node < tree.nodeCount(); ++node) {
            const std::span<const double> v = tree.valueOf(node);
            if (classification) {
                double sum = 0;
                for (double p : v) {
                    in.require(p >= 0 && p <= 1, "a class fraction is out of [0, 1]");
                    sum += p;
                }
                in.require(std::fabs(sum - 1.0) <= 1e-6, "class fractions do not sum to 1");
            } else {
                in.require(std::isfinite(v[0]), "a leaf value is not finite");
            }
        }
        trees.push_back(std::move(tree));
    }
    const std::uint8_t hasOob = in.get<std::uint8_t>();
    const double oob = in.get<double>();
    in.require(hasOob <= 1 && (!hasOob || std::isfinite(oob)), "bad out-of-bag score");
    return std::make_unique<AveragedTreesModel>(schema, task, classification ? classCount : 0,
                                                std::move(trees), forest,
                                                hasOob ? std::optional<double>(oob) : std::nullopt);
}

std::vector<std::pair<std::string, double>> AveragedTreesModel::fitSummary() const {
    std::vector<std::pair<std::string, double>> out;
    if (!forest_) {
        const FlatTree& tree = trees_.front();
        out.emplace_back("depth", static_cast<double>(tree.depth()));
        out.emplace_back("leaves", static_cast<double>(tree.leafCount()));
        return out;
    }
    out.emplace_back("trees", static_cast<double>(trees_.size()));
    if (oobScore_) out.emplace_back("oob_score", *oobScore_);
    return out;
}

}  // namespace glassbox
