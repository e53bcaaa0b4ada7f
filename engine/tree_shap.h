#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/flat_tree.h"

namespace glassbox {

// Exact path-dependent TreeSHAP (Lundberg et al. 2018, "Consistent individualized feature
// attribution for tree ensembles", Algorithm 2): the Shapley values of the value function
// v(S) = the tree's output when the features in S follow the row and the others are averaged
// over both branches weighted by cover. Cover is the node's `samples`; a child's share is its
// samples over both children's (an even split when both are 0).

// One tree prepared for explaining: a compact node record with the children's cover shares,
// and the leaf values multiplied by `scale`.
class ShapTree {
  public:
    // `categorical` flags the schema's features; leaf values are multiplied by `scale`.
    ShapTree(const FlatTree& tree, std::span<const std::uint8_t> categorical, double scale = 1.0);

    std::size_t valueSize() const { return valueSize_; }
    // The number of nodes on the longest root-to-leaf path, leaf included.
    std::size_t maxDepth() const { return maxDepth_; }
    // The cover-weighted mean of the (scaled) leaf values: v(empty set), per value.
    const std::vector<double>& expectedValue() const { return expected_; }

    struct Node {
        double threshold;
        double leftShare;      // cover share of the left child; the right one has 1 - leftShare
        std::int32_t feature;  // -1: a leaf
        std::int32_t left;     // a leaf: offset of its values in leafValues_
        std::int32_t right;
        std::uint32_t categoryOffset;
        std::uint32_t categoryWords;
        std::uint8_t missingLeft;
        std::uint8_t categorical;
    };
    const Node* nodes() const { return nodes_.data(); }
    const double* leafValues() const { return leafValues_.data(); }
    const std::uint64_t* categoryBits() const { return categoryBits_.data(); }

  private:
    std::vector<Node> nodes_;
    std::vector<double> leafValues_;
    std::vector<std::uint64_t> categoryBits_;
    std::vector<double> expected_;
    std::size_t valueSize_ = 1;
    std::size_t maxDepth_ = 1;
};

// Per-thread scratch for treeShapAdd: path buffers for trees up to a depth, reused without
// allocating.
class TreeShapWorkspace {
  public:
    // Grows the buffers for trees of depth up to `maxDepth` and `featureCount` features.
    void reserve(std::size_t maxDepth, std::size_t featureCount);

    struct PathElement {
        std::int32_t feature;
        double zero;  // the fraction of cover that flows through when the feature is unknown
        double one;   // 1 when the row follows this path when the feature is known, else 0
        double weight;
    };
    PathElement* path() { return path_.data(); }
    std::size_t stride() const { return stride_; }
    // For a path of d + 1 elements, j < d: up(d)[j] = (d + 1) / (j + 1),
    // down(d)[j] = (d - j) / (d + 1), their inverses grow(d)[j] = (j + 1) / (d + 1) and
    // downInverse(d)[j]: the path updates without divisions.
    const double* up(std::size_t d) const { return up_.data() + d * stride_; }
    const double* down(std::size_t d) const { return down_.data() + d * stride_; }
    const double* grow(std::size_t d) const { return grow_.data() + d * stride_; }
    const double* downInverse(std::size_t d) const { return downInverse_.data() + d * stride_; }
    // Scratch of `stride()` entries for a leaf's contributions and its hot elements.
    double* contributions() { return contributions_.data(); }
    std::uint32_t* hotElements() { return hot_.data(); }

  private:
    std::vector<PathElement> path_;
    std::size_t stride_ = 0;
    std::size_t levels_ = 0;
    std::vector<double> up_;
    std::vector<double> down_;
    std::vector<double> grow_;
    std::vector<double> downInverse_;
    std::vector<double> contributions_;
    std::vector<std::uint32_t> hot_;
};

// Adds `tree`'s SHAP values for one row to `phi`: phi[(firstOutput + j) * featureCount + f]
// += the contribution of feature f to the tree's value j. `row` holds the row's features:
// numeric values (NaN missing) and categorical codes as doubles (-1 missing). `workspace` must
// have been reserved for the tree's depth and the feature count.
void treeShapAdd(const ShapTree& tree, const double* row, std::size_t featureCount,
                 std::size_t firstOutput, double* phi, TreeShapWorkspace& workspace);

// The (scaled) values of the leaf `row` (as for treeShapAdd) reaches in `tree`.
const double* shapTreeLeaf(const ShapTree& tree, const double* row);

// Fills `row` (featureCount doubles) with row `r` of `x` in the form treeShapAdd reads.
void gatherShapRow(const FeatureMatrix& x, std::size_t r, double* row);

}  // namespace glassbox
