#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace glassbox {
struct FlatTree;
}

namespace glassbox::gui {

// Where the shown nodes of a tree go: a tidy layout (Reingold–Tilford, in the linear-time form
// of Buchheim, Jünger and Leipert): parents centred over their children, mirror-symmetric, and
// subtrees packed as close as their contours allow. Positions are in units of the distance
// between neighbouring nodes (x) and levels (depth).
struct TreeLayout {
    std::vector<std::uint8_t> shown;  // per node: reached from the root through expanded nodes
    std::vector<double> x;            // per shown node: centre, leftmost shown node at 0
    std::vector<std::int32_t> depth;  // per node, the root at 0
    double width = 0;                 // largest x
    std::int32_t shownDepth = 0;      // deepest shown level
};

// Every node's depth (children come after their parents in a FlatTree, so one pass).
std::vector<std::int32_t> nodeDepths(const FlatTree& tree);
// Per node, how many nodes its subtree has below it.
std::vector<std::int32_t> descendantCounts(const FlatTree& tree);

// Lays out the part of `tree` shown when each internal node n shows its children iff
// expanded[n]. O(nodes), no recursion (deep trees are fine).
TreeLayout layoutTree(const FlatTree& tree, std::span<const std::uint8_t> expanded);

}  // namespace glassbox::gui
