#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/feature_matrix.h"
#include "engine/flat_tree.h"
#include "engine/task.h"

namespace glassbox {

// The nodes from the root to `node`, both included (root first). Throws
// InvalidArgument("node") for a node the tree does not have.
std::vector<std::int32_t> pathToNode(const FlatTree& tree, std::size_t node);

// The rows of `x` (encoded with the tree's schema) whose way through `tree` passes `node`, in
// increasing order: every row for the root, and the rows of a node are split between its two
// children. O(rows x depth), parallel over blocks of rows on `threads` threads; reports progress
// and throws Cancelled through `task`, InvalidArgument("node") for a node out of range.
std::vector<std::size_t> rowsReachingNode(const FlatTree& tree, const FeatureMatrix& x,
                                          std::size_t node, unsigned threads = 1,
                                          const TaskContext& task = {});

}  // namespace glassbox
