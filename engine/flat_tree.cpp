#include "engine/flat_tree.h"

#include <algorithm>
#include <cmath>

#include "engine/byte_io.h"

namespace glassbox {

bool FlatTree::categoryGoesLeft(std::size_t node, std::int32_t category) const {
    const std::uint32_t word = static_cast<std::uint32_t>(category) >> 6;
    if (word >= categoryWords[node]) return false;
    return (categoryBits[categoryOffset[node] + word] >> (category & 63)) & 1u;
}

std::size_t FlatTree::depth() const {
    std::vector<std::size_t> d(nodeCount(), 0);
    std::size_t deepest = 0;
    for (std::size_t n = 0; n < nodeCount(); ++n) {
        deepest = std::max(deepest, d[n]);
        if (!isLeaf(n)) d[left[n]] = d[right[n]] = d[n] + 1;
    }
    return deepest;
}

std::size_t FlatTree::leafCount() const {
    return static_cast<std::size_t>(std::count(feature.begin(), feature.end(), -1));
}

std::int32_t FlatTree::addNode(double nodeSamples, double nodeImpurity,
                               std::span<const double> nodeValue) {
    const auto index = static_cast<std::int32_t>(nodeCount());
    left.push_back(-1);
    right.push_back(-1);
    feature.push_back(-1);
    threshold.push_back(0.0);
    categoryOffset.push_back(0);
    categoryWords.push_back(0);
    missingGoesLeft.push_back(0);
    samples.push_back(nodeSamples);
    impurity.push_back(nodeImpurity);
    gain.push_back(0.0);
    value.insert(value.end(), nodeValue.begin(), nodeValue.end());
    return index;
}

void FlatTree::setNumericSplit(std::size_t node, std::int32_t splitFeature, double splitThreshold,
                               bool missingLeft, double splitGain, std::int32_t l, std::int32_t r) {
    feature[node] = splitFeature;
    threshold[node] = splitThreshold;
    missingGoesLeft[node] = missingLeft;
    gain[node] = splitGain;
    left[node] = l;
    right[node] = r;
}

void FlatTree::setCategoricalSplit(std::size_t node, std::int32_t splitFeature,
                                   std::span<const std::int32_t> leftCategories, bool missingLeft,
                                   double splitGain, std::int32_t l, std::int32_t r) {
    std::int32_t highest = 0;
    for (std::int32_t c : leftCategories) highest = std::max(highest, c);
    const std::uint32_t words = static_cast<std::uint32_t>(highest / 64 + 1);
    categoryOffset[node] = static_cast<std::uint32_t>(categoryBits.size());
    categoryWords[node] = words;
    categoryBits.resize(categoryBits.size() + words, 0);
    for (std::int32_t c : leftCategories)
        categoryBits[categoryOffset[node] + (c >> 6)] |= std::uint64_t{1} << (c & 63);
    feature[node] = splitFeature;
    threshold[node] = 0.0;
    missingGoesLeft[node] = missingLeft;
    gain[node] = splitGain;
    left[node] = l;
    right[node] = r;
}

std::size_t FlatTree::leafFor(const FeatureMatrix& x, std::size_t row,
                              std::vector<std::int32_t>* path) const {
    std::size_t node = 0;
    while (true) {
        if (path) path->push_back(static_cast<std::int32_t>(node));
        const std::int32_t f = feature[node];
        if (f < 0) return node;
        bool goLeft;
        if (x.isCategorical(static_cast<std::size_t>(f))) {
            const std::int32_t code = x.codes(static_cast<std::size_t>(f))[row];
            // A category outside the node's set that it never saw while fitting is treated as
            // missing: categoryWords covers only the categories seen up to the highest left one,
            // so this rule keeps unknown categories out of the left branch unless missing goes
            // left.
            if (code < 0)
                goLeft = missingGoesLeft[node];
            else
                goLeft = categoryGoesLeft(node, code);
        } else {
            const double v = x.values(static_cast<std::size_t>(f))[row];
            goLeft = std::isnan(v) ? missingGoesLeft[node] != 0 : v <= threshold[node];
        }
        node = static_cast<std::size_t>(goLeft ? left[node] : right[node]);
    }
}

void FlatTree::save(ByteWriter& out) const {
    out.put<std::uint64_t>(valueSize);
    out.putVector(left);
    out.putVector(right);
    out.putVector(feature);
    out.putVector(threshold);
    out.putVector(categoryOffset);
    out.putVector(categoryWords);
    out.putVector(categoryBits);
    out.putVector(missingGoesLeft);
    out.putVector(samples);
    out.putVector(impurity);
    out.putVector(gain);
    out.putVector(value);
}

FlatTree FlatTree::load(ByteReader& in, const FeatureSchema& schema, std::size_t valueSize) {
    FlatTree t;
    t.valueSize = in.get<std::uint64_t>();
    in.require(t.valueSize == valueSize, "a tree has the wrong number of values per node");
    t.left = in.getVector<std::int32_t>();
    t.right = in.getVector<std::int32_t>();
    t.feature = in.getVector<std::int32_t>();
    t.threshold = in.getVector<double>();
    t.categoryOffset = in.getVector<std::uint32_t>();
    t.categoryWords = in.getVector<std::uint32_t>();
    t.categoryBits = in.getVector<std::uint64_t>();
    t.missingGoesLeft = in.getVector<std::uint8_t>();
    t.samples = in.getVector<double>();
    t.impurity = in.getVector<double>();
    t.gain = in.getVector<double>();
    t.value = in.getVector<double>();

    const std::size_t n = t.feature.size();
    in.require(n >= 1, "a tree has no nodes");
    in.require(t.left.size() == n && t.right.size() == n && t.threshold.size() == n &&
                   t.categoryOffset.size() == n && t.categoryWords.size() == n &&
                   t.missingGoesLeft.size() == n && t.samples.size() == n &&
                   t.impurity.size() == n && t.gain.size() == n,
               "a tree's arrays differ in length");
    in.require(valueSize > 0 && t.value.size() / valueSize == n && t.value.size() % valueSize == 0,
               "a tree's values do not match its nodes");
    // Children come after their parent and each node has one parent: the tree is finite and
    // every walk from the root ends in a leaf.
    std::vector<std::uint8_t> reached(n, 0);
    reached[0] = 1;
    for (std::size_t i = 0; i < n; ++i) {
        in.require(reached[i] == 1, "a tree node is unreachable or has two parents");
        const std::int32_t f = t.feature[i];
        if (f < 0) {
            in.require(f == -1 && t.left[i] == -1 && t.right[i] == -1 && t.categoryWords[i] == 0,
                       "a tree leaf has children");
            continue;
        }
        in.require(static_cast<std::size_t>(f) < schema.size(),
                   "a tree splits on an unknown feature");
        for (std::int32_t child : {t.left[i], t.right[i]}) {
            in.require(child > static_cast<std::int32_t>(i) && static_cast<std::size_t>(child) < n,
                       "a tree node's child is out of range");
            in.require(reached[child] == 0, "a tree node has two parents");
            reached[child] = 1;
        }
        const bool categorical = schema.features[f].isCategorical();
        if (categorical) {
            in.require(static_cast<std::uint64_t>(t.categoryOffset[i]) + t.categoryWords[i] <=
                           t.categoryBits.size(),
                       "a tree's category set is out of range");
        } else {
            in.require(t.categoryWords[i] == 0, "a numeric split has a category set");
            in.require(!std::isnan(t.threshold[i]), "a tree threshold is not a number");
        }
    }
    return t;
}

}  // namespace glassbox
