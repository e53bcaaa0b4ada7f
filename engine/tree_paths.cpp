#include "engine/tree_paths.h"

#include <algorithm>
#include <atomic>
#include <string>

#include "engine/errors.h"
#include "engine/parallel_for.h"

namespace glassbox {
namespace {

void checkNode(const FlatTree& tree, std::size_t node) {
    if (node >= tree.nodeCount())
        throw InvalidArgument("node", "no node " + std::to_string(node) + " (the tree has " +
                                          std::to_string(tree.nodeCount()) + " nodes)");
}

}  // namespace

std::vector<std::int32_t> pathToNode(const FlatTree& tree, std::size_t node) {
    checkNode(tree, node);
    // Children come after their parents, so a node's parent is found among the nodes before it.
    std::vector<std::int32_t> path{static_cast<std::int32_t>(node)};
    auto target = static_cast<std::int32_t>(node);
    for (std::size_t n = node; n-- > 0 && target != 0;)
        if (tree.left[n] == target || tree.right[n] == target) {
            target = static_cast<std::int32_t>(n);
            path.push_back(target);
        }
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<std::size_t> rowsReachingNode(const FlatTree& tree, const FeatureMatrix& x,
                                          std::size_t node, unsigned threads,
                                          const TaskContext& task) {
    const std::vector<std::int32_t> way = pathToNode(tree, node);
    const std::size_t depth = way.size() - 1;  // the node's position on a row's path
    const std::size_t rows = x.rows();
    constexpr std::size_t kBlock = 16384;
    const std::size_t blocks = (rows + kBlock - 1) / kBlock;
    std::vector<std::vector<std::size_t>> found(blocks);
    std::atomic<std::size_t> done{0};
    parallelFor(blocks, threads, [&](std::size_t b, bool onCaller) {
        task.checkCancelled();
        std::vector<std::int32_t> path;
        const std::size_t end = std::min(rows, (b + 1) * kBlock);
        for (std::size_t r = b * kBlock; r < end; ++r) {
            path.clear();
            tree.leafFor(x, r, &path);
            if (path.size() > depth && path[depth] == way.back()) found[b].push_back(r);
        }
        const std::size_t finished = done.fetch_add(1) + 1;
        if (onCaller)
            task.report(static_cast<double>(finished) / static_cast<double>(blocks), "tree paths");
        return true;
    });
    std::vector<std::size_t> out;
    for (const std::vector<std::size_t>& block : found)
        out.insert(out.end(), block.begin(), block.end());
    return out;
}

}  // namespace glassbox
