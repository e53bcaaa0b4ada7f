#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/feature_matrix.h"
#include "engine/flat_tree.h"

namespace glassbox {

// What a tree's node values mean, for labels: class fractions named by `classes`, or one
// number (a regression mean, a boosting score).
struct TreeLabels {
    const FeatureSchema& schema;
    const std::vector<std::string>& classes;  // empty: one value per node
};

// ../shared/docs/cli.md's export-tree JSON: {"nodes":[{"id","feature","threshold" |
// "categories_left":[],"left","right","missing_goes","samples","value":[],"impurity","gain"}]},
// leaves without "feature". Pretty-printed.
std::string exportTreeJson(const FlatTree& tree, const TreeLabels& labels);
// Graphviz DOT: one box per node, "yes"/"no" edges, the missing direction marked.
std::string exportTreeDot(const FlatTree& tree, const TreeLabels& labels);
// Indented text, one line per node, as scikit-learn's export_text.
std::string exportTreeText(const FlatTree& tree, const TreeLabels& labels);

// The left categories of an internal categorical node, as level names.
std::vector<std::string> leftCategoryNames(const FlatTree& tree, std::size_t node,
                                           const FeatureSchema& schema);

}  // namespace glassbox
