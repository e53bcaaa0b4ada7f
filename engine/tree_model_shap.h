#pragma once

#include <cstddef>
#include <span>

#include "engine/learner.h"
#include "engine/shap.h"

namespace glassbox {

// Exact TreeSHAP of a tree model (`trees` combined as `layout` says) for `rows` of `x`: the
// outputs of the layout (a two-class boosted model has one, the second class's log-odds),
// method "tree". Parallel over rows on `threads`; the result does not depend on `threads`.
ShapValues treeModelShap(std::span<const FlatTree> trees, const TreeEnsembleLayout& layout,
                         const FeatureMatrix& x, std::span<const std::size_t> rows,
                         unsigned threads, const TaskContext& task);

}  // namespace glassbox
