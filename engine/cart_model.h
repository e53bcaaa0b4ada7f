#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/cart_builder.h"
#include "engine/flat_tree.h"
#include "engine/learner.h"

namespace glassbox {

// What decision_tree and random_forest share: the CART parameters and a model that averages
// the leaf values of its trees (class fractions or mean targets).

// The CART parameters; the forest's max_features default is "auto" (sqrt of the features for
// classification, all for regression, as scikit-learn 1.2), the tree's "all".
ParamSpecs cartParamSpecs(bool forest);
// The settings those parameters give for `data`; throws InvalidArgument naming a parameter
// that does not fit the task.
CartSettings cartSettingsFrom(const ParamValues& params, const Dataset& data);
// The sample of all rows, weighted by class_weight (1 for regression or class_weight=none).
CartSample fullSample(const ParamValues& params, const Dataset& data);
// Per class, the weight class_weight gives it (empty for regression).
std::vector<double> classWeightsFrom(const ParamValues& params, const Dataset& data);
// Throws InvalidArgument when `data` cannot be learned from (no rows, bad labels or targets).
void checkTrainingData(const Dataset& data);

// Raw pointers to a matrix's columns, for walking trees fast.
struct FeatureColumns {
    explicit FeatureColumns(const FeatureMatrix& x);
    std::vector<const double*> values;       // numeric features
    std::vector<const std::int32_t*> codes;  // categorical features
};

// A tree laid out for prediction: one record per node instead of a value from each of the
// FlatTree's arrays. Walks exactly as FlatTree::leafFor.
class CompactTree {
  public:
    // `categorical` flags the features of the schema the tree was fitted on.
    CompactTree(const FlatTree& tree, std::span<const std::uint8_t> categorical);

    static constexpr std::size_t kGroup = 16;

    std::size_t leafFor(const FeatureColumns& x, std::size_t row) const {
        std::size_t n = 0;
        while (nodes_[n].feature >= 0) n = child(nodes_[n], x, row);
        return n;
    }
    // The leaves of rows[0 .. count), count <= kGroup: the walks advance side by side, so
    // their memory accesses overlap.
    void leavesFor(const FeatureColumns& x, const std::size_t* rows, std::size_t count,
                   std::size_t* leaves) const {
        for (std::size_t i = 0; i < count; ++i) leaves[i] = 0;
        bool moving = true;
        while (moving) {
            moving = false;
            for (std::size_t i = 0; i < count; ++i) {
                const Node& node = nodes_[leaves[i]];
                if (node.feature < 0) continue;
                leaves[i] = child(node, x, rows[i]);
                moving = true;
            }
        }
    }

  private:
    struct Node;
    std::size_t child(const Node& node, const FeatureColumns& x, std::size_t row) const {
        bool goLeft;
        if (node.categorical) {
            const std::int32_t code = x.codes[node.feature][row];
            if (code < 0) {
                goLeft = node.missingLeft;
            } else {
                const auto word = static_cast<std::uint32_t>(code) >> 6;
                goLeft = word < node.categoryWords &&
                         ((categoryBits_[node.categoryOffset + word] >> (code & 63)) & 1u);
            }
        } else {
            const double v = x.values[node.feature][row];
            goLeft = v != v ? node.missingLeft != 0 : v <= node.threshold;
        }
        return static_cast<std::size_t>(goLeft ? node.left : node.right);
    }

    struct Node {
        double threshold;
        std::int32_t feature;
        std::int32_t left;
        std::int32_t right;
        std::uint32_t categoryOffset;
        std::uint32_t categoryWords;
        std::uint8_t missingLeft;
        std::uint8_t categorical;
    };
    std::vector<Node> nodes_;
    const std::uint64_t* categoryBits_;
};

// Adds the leaf values of `trees` (valueSize `width`) for every row of `x` to `sums` (rows x
// width), each row its trees in order (the result does not depend on `threads`). With
// `skipRows` (one bitset per tree), a row leaves out the trees whose bit it has set, and
// `used` counts the trees each row took. Reports progress (and cancels) through `task`.
void sumLeafValues(std::span<const FlatTree> trees, std::span<const std::uint8_t> categorical,
                   const FeatureMatrix& x, std::size_t width,
                   std::span<const std::vector<std::uint64_t>> skipRows, unsigned threads,
                   std::vector<double>& sums, std::vector<std::uint32_t>* used,
                   const TaskContext& task, std::string_view stage);

class AveragedTreesModel final : public Model {
  public:
    // `forest` selects the summary (tree shape, or the out-of-bag score).
    AveragedTreesModel(const FeatureSchema& schema, TaskKind task, std::size_t classCount,
                       std::vector<FlatTree> trees, bool forest, std::optional<double> oobScore);

    Predictions predict(const FeatureMatrix& features, const TaskContext& task) const override;
    void save(ByteWriter& out) const override;
    std::span<const FlatTree> trees() const override { return trees_; }
    std::optional<TreeEnsembleLayout> treeLayout() const override;
    std::vector<std::pair<std::string, double>> fitSummary() const override;

    // Reads what save() wrote; a decision tree (forest == false) has exactly one tree.
    static std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                       std::size_t classCount, bool forest);

  private:
    std::vector<std::uint8_t> categorical_;  // per feature of the schema
    TaskKind task_;
    std::size_t classCount_;
    std::vector<FlatTree> trees_;
    bool forest_;
    std::optional<double> oobScore_;
};

}  // namespace glassbox
