#include "engine/tree_model_shap.h"

#include <algorithm>
#include <atomic>
#include <string>

#include "engine/errors.h"
#include "engine/flat_tree.h"
#include "engine/parallel_for.h"
#include "engine/tree_shap.h"

namespace glassbox {
namespace {

// Rows explained together, tree by tree, so a tree's nodes stay in cache for all of them;
// fewer for big models, so that a block takes a fraction of the progress interval.
constexpr std::size_t kMaxRowBlock = 32;
constexpr std::size_t kNodesPerBlock = std::size_t{1} << 20;

}  // namespace

ShapValues treeModelShap(std::span<const FlatTree> trees, const TreeEnsembleLayout& layout,
                         const FeatureMatrix& x, std::span<const std::size_t> rows,
                         unsigned threads, const TaskContext& task) {
    if (layout.firstOutput.size() != trees.size() || layout.base.size() != layout.outputs)
        throw InvalidArgument("model", "the tree model's layout does not match its trees");
    const std::size_t features = x.featureCount();
    std::vector<std::uint8_t> categorical(features);
    for (std::size_t f = 0; f < features; ++f) categorical[f] = x.isCategorical(f);

    std::vector<ShapTree> prepared;
    prepared.reserve(trees.size());
    std::size_t maxDepth = 1;
    for (std::size_t t = 0; t < trees.size(); ++t) {
        const FlatTree& tree = trees[t];
        if (layout.firstOutput[t] + tree.valueSize > layout.outputs)
            throw InvalidArgument("model", "a tree's values go beyond the model's outputs");
        for (std::int32_t f : tree.feature)
            if (f >= static_cast<std::int32_t>(features))
                throw InvalidArgument("features", "the model splits on a feature the rows lack");
        prepared.emplace_back(tree, categorical, layout.scale);
        maxDepth = std::max(maxDepth, prepared.back().maxDepth());
    }

    ShapValues out;
    out.output = layout.output;
    out.method = "tree";
    out.rows = rows.size();
    out.outputs = layout.outputs;
    out.features = features;
    out.base = layout.base;
    for (std::size_t t = 0; t < prepared.size(); ++t) {
        const std::vector<double>& expected = prepared[t].expectedValue();
        for (std::size_t j = 0; j < expected.size(); ++j)
            out.base[layout.firstOutput[t] + j] += expected[j];
    }
    out.values.assign(out.rows * out.outputs * features, 0.0);
    out.prediction.assign(out.rows * out.outputs, 0.0);
    task.report(0.0, "explaining");

    std::size_t nodes = 0;
    for (const FlatTree& tree : trees) nodes += tree.nodeCount();
    const std::size_t rowBlock =
        std::clamp<std::size_t>(kNodesPerBlock / std::max<std::size_t>(nodes, 1), 1, kMaxRowBlock);
    const std::size_t blocks = (rows.size() + rowBlock - 1) / rowBlock;
    std::atomic<std::size_t> done{0};
    parallelFor(blocks, std::max(threads, 1u), [&](std::size_t b, bool onCaller) {
        if (task.isCancelled()) return false;
        const std::size_t begin = b * rowBlock, end = std::min(rows.size(), begin + rowBlock);
        TreeShapWorkspace workspace;
        workspace.reserve(maxDepth, features);
        std::vector<double> rowValues((end - begin) * features);
        for (std::size_t i = begin; i < end; ++i) {
            gatherShapRow(x, rows[i], rowValues.data() + (i - begin) * features);
            double* prediction = out.prediction.data() + i * out.outputs;
            std::copy(layout.base.begin(), layout.base.end(), prediction);
        }
        for (std::size_t t = 0; t < prepared.size(); ++t) {
            const ShapTree& tree = prepared[t];
            const std::size_t first = layout.firstOutput[t];
            for (std::size_t i = begin; i < end; ++i) {
                const double* row = rowValues.data() + (i - begin) * features;
                treeShapAdd(tree, row, features, first,
                            out.values.data() + i * out.outputs * features, workspace);
                const double* leaf = shapTreeLeaf(tree, row);
                double* prediction = out.prediction.data() + i * out.outputs + first;
                for (std::size_t j = 0; j < tree.valueSize(); ++j) prediction[j] += leaf[j];
            }
        }
        const std::size_t finished = done.fetch_add(1) + 1;
        if (onCaller)
            task.report(static_cast<double>(finished) / static_cast<double>(blocks),
                        "explaining row " + std::to_string(std::min(rows.size(), end)) + " of " +
                            std::to_string(rows.size()));
        return true;
    });
    task.checkCancelled();
    return out;
}

}  // namespace glassbox
