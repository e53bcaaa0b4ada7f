#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/feature_matrix.h"

namespace glassbox {

class ByteReader;
class ByteWriter;

// A binary decision tree as flat arrays indexed by node; node 0 is the root and children come
// after their parent. Every tree model (decision tree, forest, boosting) stores its trees like
// this, so prediction, export, drawing and TreeSHAP share one form.
//
// An internal node tests one feature:
//  - numeric: the row goes left when value <= threshold;
//  - categorical: the row goes left when its category is in the node's left set;
//  - missing (NaN, code -1, or a category the node's set does not cover) goes left when
//    missingGoesLeft, right otherwise.
// A leaf has feature == -1 and left == right == -1.
struct FlatTree {
    std::vector<std::int32_t> left;
    std::vector<std::int32_t> right;
    std::vector<std::int32_t> feature;
    std::vector<double> threshold;
    // Categorical splits: node n's left set is the bitset words
    // categoryBits[categoryOffset[n] .. categoryOffset[n] + categoryWords[n]) (bit c of the set =
    // category c goes left); numeric splits and leaves have categoryWords[n] == 0.
    std::vector<std::uint32_t> categoryOffset;
    std::vector<std::uint32_t> categoryWords;
    std::vector<std::uint64_t> categoryBits;
    std::vector<std::uint8_t> missingGoesLeft;
    // Training rows (weighted count) that reached the node, its impurity, and for internal
    // nodes the weighted impurity decrease of its split.
    std::vector<double> samples;
    std::vector<double> impurity;
    std::vector<double> gain;
    // valueSize numbers per node: class distribution (fractions summing to 1) for a
    // classification tree, the mean target for regression, the raw score for boosting.
    std::size_t valueSize = 1;
    std::vector<double> value;

    std::size_t nodeCount() const { return feature.size(); }
    bool isLeaf(std::size_t node) const { return feature[node] < 0; }
    std::span<const double> valueOf(std::size_t node) const {
        return std::span<const double>(value).subspan(node * valueSize, valueSize);
    }
    bool categoryGoesLeft(std::size_t node, std::int32_t category) const;
    std::size_t depth() const;
    std::size_t leafCount() const;

    // Appends a node (a leaf until split) and returns its index. `nodeValue` has valueSize
    // numbers.
    std::int32_t addNode(double nodeSamples, double nodeImpurity,
                         std::span<const double> nodeValue);
    // Makes leaf `node` a numeric split with children `l` and `r` (both already added).
    void setNumericSplit(std::size_t node, std::int32_t splitFeature, double splitThreshold,
                         bool missingLeft, double splitGain, std::int32_t l, std::int32_t r);
    // Makes leaf `node` a categorical split; categories in `leftCategories` go left.
    void setCategoricalSplit(std::size_t node, std::int32_t splitFeature,
                             std::span<const std::int32_t> leftCategories, bool missingLeft,
                             double splitGain, std::int32_t l, std::int32_t r);

    // The leaf row `row` of `x` ends in, and the nodes on its way (root first) when `path` is
    // given.
    std::size_t leafFor(const FeatureMatrix& x, std::size_t row,
                        std::vector<std::int32_t>* path = nullptr) const;

    void save(ByteWriter& out) const;
    // Reads and validates a tree against `schema`: children after parents and in range, every
    // node reached once, features in range and of the right kind, value sizes.
    static FlatTree load(ByteReader& in, const FeatureSchema& schema, std::size_t valueSize);
};

}  // namespace glassbox
