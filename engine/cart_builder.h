#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <vector>

#include "engine/feature_bins.h"
#include "engine/flat_tree.h"

namespace glassbox {

enum class CartCriterion : std::uint8_t { Gini, Entropy, SquaredError };

// How one CART tree is grown (scikit-learn's meaning for each).
struct CartSettings {
    CartCriterion criterion = CartCriterion::Gini;
    std::size_t classCount = 0;  // classification: the classes; regression: 0
    std::size_t maxDepth = std::numeric_limits<std::size_t>::max();
    std::size_t minSamplesSplit = 2;
    std::size_t minSamplesLeaf = 1;
    // Features drawn per split (at least one non-constant one is always looked at); 0 = all.
    std::size_t maxFeatures = 0;
    // A split is kept when its weighted impurity decrease, divided by the root's weight, is at
    // least this.
    double minImpurityDecrease = 0.0;
    double ccpAlpha = 0.0;
};

// The rows one tree learns from: distinct row indices in ascending order, each with a positive
// weight (class weight times bootstrap count).
struct CartSample {
    std::vector<std::uint32_t> rows;
    std::vector<double> weights;
};

// Called now and then while a tree grows with the fraction of rows settled in leaves; it may
// throw (Cancelled) to stop the growth.
using CartProgress = std::function<void(double fraction)>;

// Grows a CART tree on binned features: per node, per feature histograms of class weights
// (or weight, weighted sum of targets); the smaller child's histograms built from its rows and
// the larger sibling's by subtraction when all features are searched; native categorical
// splits and a learned missing-value direction. `labels` (classification) or `targets`
// (regression) hold one entry per row of `bins`. Thresholds in the tree are raw values, so the
// tree predicts from the raw FeatureMatrix. `random` draws the features of each split;
// `threads` > 1 builds large histograms in parallel (the tree does not depend on it).
FlatTree growCart(const FeatureBins& bins, std::span<const std::int32_t> labels,
                  std::span<const double> targets, const CartSample& sample,
                  const CartSettings& settings, std::uint64_t seed, std::uint64_t stream,
                  unsigned threads, const CartProgress& progress);

// scikit-learn's minimal cost-complexity pruning: repeatedly turns the internal node with the
// smallest effective alpha (R(t) - R(subtree)) / (leaves - 1), R = weighted impurity over the
// root's weight, into a leaf while that alpha is at most `alpha`.
FlatTree pruneCostComplexity(const FlatTree& tree, double alpha);

}  // namespace glassbox
