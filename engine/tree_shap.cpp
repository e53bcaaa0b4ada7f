#include "engine/tree_shap.h"

#include <algorithm>
#include <cmath>

namespace glassbox {

ShapTree::ShapTree(const FlatTree& tree, std::span<const std::uint8_t> categorical, double scale)
    : categoryBits_(tree.categoryBits), valueSize_(tree.valueSize) {
    const std::size_t n = tree.nodeCount();
    nodes_.resize(n);
    std::vector<double> reach(n, 0.0);  // the cover share of the root that reaches each node
    std::vector<std::size_t> depth(n, 1);
    reach[0] = 1.0;
    expected_.assign(valueSize_, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        Node& node = nodes_[i];
        node.feature = tree.feature[i];
        node.threshold = tree.threshold[i];
        node.categoryOffset = tree.categoryOffset[i];
        node.categoryWords = tree.categoryWords[i];
        node.missingLeft = tree.missingGoesLeft[i];
        node.categorical = 0;
        if (tree.isLeaf(i)) {
            node.left = static_cast<std::int32_t>(leafValues_.size());
            node.right = -1;
            node.leftShare = 0.0;
            const auto v = tree.valueOf(i);
            for (std::size_t j = 0; j < valueSize_; ++j) {
                leafValues_.push_back(v[j] * scale);
                expected_[j] += reach[i] * v[j] * scale;
            }
            maxDepth_ = std::max(maxDepth_, depth[i]);
            continue;
        }
        node.categorical = categorical[static_cast<std::size_t>(node.feature)];
        node.left = tree.left[i];
        node.right = tree.right[i];
        const double l = std::max(0.0, tree.samples[static_cast<std::size_t>(node.left)]);
        const double r = std::max(0.0, tree.samples[static_cast<std::size_t>(node.right)]);
        node.leftShare = l + r > 0 ? l / (l + r) : 0.5;
        reach[static_cast<std::size_t>(node.left)] = reach[i] * node.leftShare;
        reach[static_cast<std::size_t>(node.right)] = reach[i] * (1.0 - node.leftShare);
        depth[static_cast<std::size_t>(node.left)] = depth[static_cast<std::size_t>(node.right)] =
            depth[i] + 1;
    }
}

void TreeShapWorkspace::reserve(std::size_t maxDepth, std::size_t featureCount) {
    const std::size_t stride = std::min(maxDepth, featureCount) + 2;
    const std::size_t levels = maxDepth + 1;
    if (stride > stride_ || levels > levels_) {
        stride_ = std::max(stride, stride_);
        levels_ = std::max(levels, levels_);
        path_.assign(stride_ * levels_, PathElement{});
        up_.assign(stride_ * stride_, 0.0);
        contributions_.assign(stride_, 0.0);
        hot_.assign(stride_, 0);
        down_.assign(stride_ * stride_, 0.0);
        grow_.assign(stride_ * stride_, 0.0);
        downInverse_.assign(stride_ * stride_, 0.0);
        for (std::size_t d = 0; d < stride_; ++d)
            for (std::size_t j = 0; j < d; ++j) {
                const auto above = static_cast<double>(j + 1), below = static_cast<double>(d - j);
                const auto all = static_cast<double>(d + 1);
                up_[d * stride_ + j] = all / above;
                down_[d * stride_ + j] = below / all;
                grow_[d * stride_ + j] = above / all;
                downInverse_[d * stride_ + j] = all / below;
            }
    }
}

namespace {

using PathElement = TreeShapWorkspace::PathElement;

// EXTEND: adds a feature that lets `zero` of the cover through when unknown and `one` (0 or 1)
// when known; the weights become the proportions of the feature subsets of each size.
inline void extendPath(PathElement* p, std::size_t d, double zero, double one, std::int32_t feature,
                       const TreeShapWorkspace& workspace) {
    p[d] = PathElement{feature, zero, one, d == 0 ? 1.0 : 0.0};
    const double* grow = workspace.grow(d);
    const double* down = workspace.down(d);
    for (std::size_t i = d; i-- > 0;) {
        p[i + 1].weight += one * p[i].weight * grow[i];
        p[i].weight = zero * p[i].weight * down[i];
    }
}

// UNWIND: removes element `index` (the inverse of extendPath for it).
inline void unwindPath(PathElement* p, std::size_t d, std::size_t index) {
    const double one = p[index].one, zero = p[index].zero;
    const double dd = static_cast<double>(d + 1);
    double next = p[d].weight;
    for (std::size_t i = d; i-- > 0;) {
        if (one != 0) {
            const double kept = p[i].weight;
            p[i].weight = next * dd / (static_cast<double>(i + 1) * one);
            next = kept - p[i].weight * zero * static_cast<double>(d - i) / dd;
        } else {
            p[i].weight = p[i].weight * dd / (zero * static_cast<double>(d - i));
        }
    }
    for (std::size_t i = index; i < d; ++i) {
        p[i].feature = p[i + 1].feature;
        p[i].zero = p[i + 1].zero;
        p[i].one = p[i + 1].one;
    }
}

inline bool goesLeft(const ShapTree::Node& node, const std::uint64_t* bits, const double* row) {
    const double v = row[node.feature];
    if (node.categorical) {
        if (v < 0) return node.missingLeft != 0;
        const auto code = static_cast<std::uint32_t>(v);
        const std::uint32_t word = code >> 6;
        return word < node.categoryWords &&
               ((bits[node.categoryOffset + word] >> (code & 63)) & 1u);
    }
    return v != v ? node.missingLeft != 0 : v <= node.threshold;
}

struct Walk {
    const ShapTree::Node* nodes;
    const double* leafValues;
    const std::uint64_t* bits;
    const double* row;
    std::size_t featureCount;
    std::size_t valueSize;
    double* phi;
    PathElement* buffer;
    std::size_t stride;
    TreeShapWorkspace* workspace;

    void leaf(const ShapTree::Node& node, const PathElement* p, std::size_t d) const {
        if (d == 0) return;
        const double* values = leafValues + node.left;
        const double* up = workspace->up(d);
        const double* down = workspace->down(d);
        double* contribution = workspace->contributions();
        std::uint32_t* hot = workspace->hotElements();
        // Elements whose feature sends the row elsewhere (one == 0) all get the same
        // contribution, -sum_j weight_j / down[j]: computed once.
        std::size_t hotCount = 0;
        bool anyCold = false;
        for (std::size_t i = 1; i <= d; ++i) {
            if (p[i].one == 0)
                anyCold = true;
            else
                hot[hotCount++] = static_cast<std::uint32_t>(i);
        }
        if (anyCold) {
            double cold = 0.0;
            const double* downInverse = workspace->downInverse(d);
            for (std::size_t j = 0; j < d; ++j) cold += p[j].weight * downInverse[j];
            for (std::size_t i = 1; i <= d; ++i)
                if (p[i].one == 0) contribution[i] = -cold;
        }
        // The unwound path sums of the features the row follows (one == 1): each is a serial
        // chain over the path, so four (or two) run side by side.
        std::size_t h = 0;
        for (; h + 4 <= hotCount; h += 4) {
            const double z0 = p[hot[h]].zero, z1 = p[hot[h + 1]].zero;
            const double z2 = p[hot[h + 2]].zero, z3 = p[hot[h + 3]].zero;
            double n0 = p[d].weight, n1 = n0, n2 = n0, n3 = n0;
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
            for (std::size_t j = d; j-- > 0;) {
                const double u = up[j], w = p[j].weight, dn = down[j];
                const double t0 = n0 * u, t1 = n1 * u, t2 = n2 * u, t3 = n3 * u;
                s0 += t0;
                s1 += t1;
                s2 += t2;
                s3 += t3;
                n0 = w - t0 * z0 * dn;
                n1 = w - t1 * z1 * dn;
                n2 = w - t2 * z2 * dn;
                n3 = w - t3 * z3 * dn;
            }
            contribution[hot[h]] = s0 * (1.0 - z0);
            contribution[hot[h + 1]] = s1 * (1.0 - z1);
            contribution[hot[h + 2]] = s2 * (1.0 - z2);
            contribution[hot[h + 3]] = s3 * (1.0 - z3);
        }
        for (; h + 2 <= hotCount; h += 2) {
            const double z0 = p[hot[h]].zero, z1 = p[hot[h + 1]].zero;
            double n0 = p[d].weight, n1 = n0, s0 = 0.0, s1 = 0.0;
            for (std::size_t j = d; j-- > 0;) {
                const double u = up[j], w = p[j].weight, dn = down[j];
                const double t0 = n0 * u, t1 = n1 * u;
                s0 += t0;
                s1 += t1;
                n0 = w - t0 * z0 * dn;
                n1 = w - t1 * z1 * dn;
            }
            contribution[hot[h]] = s0 * (1.0 - z0);
            contribution[hot[h + 1]] = s1 * (1.0 - z1);
        }
        for (; h < hotCount; ++h) {
            const double zero = p[hot[h]].zero;
            double next = p[d].weight, total = 0.0;
            for (std::size_t j = d; j-- > 0;) {
                const double t = next * up[j];
                total += t;
                next = p[j].weight - t * zero * down[j];
            }
            contribution[hot[h]] = total * (1.0 - zero);
        }
        for (std::size_t i = 1; i <= d; ++i) {
            double* out = phi + p[i].feature;
            for (std::size_t k = 0; k < valueSize; ++k)
                out[k * featureCount] += contribution[i] * values[k];
        }
    }

    void recurse(std::size_t index, std::size_t d, const PathElement* parent, double zero,
                 double one, std::int32_t feature, std::size_t level) const {
        PathElement* p = buffer + level * stride;
        std::copy(parent, parent + d, p);
        extendPath(p, d, zero, one, feature, *workspace);
        const ShapTree::Node& node = nodes[index];
        if (node.feature < 0) {
            leaf(node, p, d);
            return;
        }
        const bool left = goesLeft(node, bits, row);
        const std::size_t hot = static_cast<std::size_t>(left ? node.left : node.right);
        const std::size_t cold = static_cast<std::size_t>(left ? node.right : node.left);
        const double hotShare = left ? node.leftShare : 1.0 - node.leftShare;
        double inZero = 1.0, inOne = 1.0;
        std::size_t k = 1;
        while (k <= d && p[k].feature != node.feature) ++k;
        if (k <= d) {
            inZero = p[k].zero;
            inOne = p[k].one;
            unwindPath(p, d, k);
            --d;
        }
        // A branch no cover reaches and the row does not take adds nothing.
        const double hotZero = hotShare * inZero, coldZero = (1.0 - hotShare) * inZero;
        if (hotZero != 0 || inOne != 0)
            recurse(hot, d + 1, p, hotZero, inOne, node.feature, level + 1);
        if (coldZero != 0) recurse(cold, d + 1, p, coldZero, 0.0, node.feature, level + 1);
    }
};

}  // namespace

void treeShapAdd(const ShapTree& tree, const double* row, std::size_t featureCount,
                 std::size_t firstOutput, double* phi, TreeShapWorkspace& workspace) {
    const Walk walk{tree.nodes(),
                    tree.leafValues(),
                    tree.categoryBits(),
                    row,
                    featureCount,
                    tree.valueSize(),
                    phi + firstOutput * featureCount,
                    workspace.path(),
                    workspace.stride(),
                    &workspace};
    walk.recurse(0, 0, workspace.path(), 1.0, 1.0, -1, 0);
}

const double* shapTreeLeaf(const ShapTree& tree, const double* row) {
    const ShapTree::Node* nodes = tree.nodes();
    std::size_t n = 0;
    while (nodes[n].feature >= 0)
        n = static_cast<std::size_t>(goesLeft(nodes[n], tree.categoryBits(), row) ? nodes[n].left
                                                                                  : nodes[n].right);
    return tree.leafValues() + nodes[n].left;
}

void gatherShapRow(const FeatureMatrix& x, std::size_t r, double* row) {
    for (std::size_t f = 0; f < x.featureCount(); ++f)
        row[f] = x.isCategorical(f) ? static_cast<double>(x.codes(f)[r]) : x.values(f)[r];
}

}  // namespace glassbox
