#include "widgets/tree_layout.h"

#include <algorithm>

#include "engine/flat_tree.h"

namespace glassbox::gui {
namespace {

// Buchheim et al., "Improving Walker's algorithm to run in linear time" (2002), for binary
// trees and without recursion: a node's children are processed before it (they come after it
// in the FlatTree), the second walk goes parents first.
class TidyLayout {
  public:
    TidyLayout(const FlatTree& tree, const std::vector<std::uint8_t>& shown,
               std::span<const std::uint8_t> expanded)
        : tree_(tree), shown_(shown), expanded_(expanded) {
        const std::size_t n = tree.nodeCount();
        prelim_.assign(n, 0.0);
        mod_.assign(n, 0.0);
        shift_.assign(n, 0.0);
        change_.assign(n, 0.0);
        midpoint_.assign(n, 0.0);
        thread_.assign(n, -1);
        ancestor_.resize(n);
        parent_.assign(n, -1);
        for (std::size_t v = 0; v < n; ++v) {
            ancestor_[v] = std::int32_t(v);
            if (!tree.isLeaf(v)) {
                parent_[tree.left[v]] = std::int32_t(v);
                parent_[tree.right[v]] = std::int32_t(v);
            }
        }
    }

    std::vector<double> run() {
        const std::size_t n = tree_.nodeCount();
        std::vector<double> x(n, 0.0);
        if (n == 0) return x;
        for (std::size_t i = n; i-- > 0;) {
            if (!shown_[i] || !hasKids(std::int32_t(i))) continue;
            const std::int32_t v = std::int32_t(i);
            const std::int32_t l = tree_.left[v];
            const std::int32_t r = tree_.right[v];
            std::int32_t defaultAncestor = l;
            prelim_[l] = midpoint_[l];
            prelim_[r] = prelim_[l] + 1.0;
            if (hasKids(r)) mod_[r] = prelim_[r] - midpoint_[r];
            defaultAncestor = apportion(r, l, defaultAncestor);
            executeShifts(v);
            midpoint_[v] = 0.5 * (prelim_[l] + prelim_[r]);
        }
        prelim_[0] = midpoint_[0];
        std::vector<double> offset(n, 0.0);
        for (std::size_t v = 0; v < n; ++v) {
            if (!shown_[v]) continue;
            x[v] = prelim_[v] + offset[v];
            if (hasKids(std::int32_t(v))) {
                offset[tree_.left[v]] = offset[v] + mod_[v];
                offset[tree_.right[v]] = offset[v] + mod_[v];
            }
        }
        return x;
    }

  private:
    bool hasKids(std::int32_t v) const { return !tree_.isLeaf(v) && expanded_[v]; }
    std::int32_t nextLeft(std::int32_t v) const { return hasKids(v) ? tree_.left[v] : thread_[v]; }
    std::int32_t nextRight(std::int32_t v) const {
        return hasKids(v) ? tree_.right[v] : thread_[v];
    }

    // Pushes right child `v` away from its left sibling `w` until their contours keep one unit
    // apart, and threads the shorter contour onto the longer one.
    std::int32_t apportion(std::int32_t v, std::int32_t w, std::int32_t defaultAncestor) {
        std::int32_t vir = v, vor = v, vil = w, vol = w;
        double sir = mod_[v], sor = mod_[v], sil = mod_[vil], sol = mod_[vol];
        while (nextRight(vil) >= 0 && nextLeft(vir) >= 0) {
            vil = nextRight(vil);
            vir = nextLeft(vir);
            vol = nextLeft(vol);
            vor = nextRight(vor);
            ancestor_[vor] = v;
            const double shift = (prelim_[vil] + sil) - (prelim_[vir] + sir) + 1.0;
            if (shift > 0) {
                const std::int32_t a = ancestor_[vil];
                moveSubtree(parent_[a] == parent_[v] ? a : defaultAncestor, v, shift);
                sir += shift;
                sor += shift;
            }
            sil += mod_[vil];
            sir += mod_[vir];
            sol += mod_[vol];
            sor += mod_[vor];
        }
        if (nextRight(vil) >= 0 && nextRight(vor) < 0) {
            thread_[vor] = nextRight(vil);
            mod_[vor] += sil - sor;
        }
        if (nextLeft(vir) >= 0 && nextLeft(vol) < 0) {
            thread_[vol] = nextLeft(vir);
            mod_[vol] += sir - sol;
            defaultAncestor = v;
        }
        return defaultAncestor;
    }

    void moveSubtree(std::int32_t wl, std::int32_t wr, double shift) {
        // Siblings of a binary node are one apart in order, so the shift spreads over 1.
        change_[wr] -= shift;
        shift_[wr] += shift;
        change_[wl] += shift;
        prelim_[wr] += shift;
        mod_[wr] += shift;
    }

    void executeShifts(std::int32_t v) {
        double shift = 0, change = 0;
        for (const std::int32_t w : {tree_.right[v], tree_.left[v]}) {
            prelim_[w] += shift;
            mod_[w] += shift;
            change += change_[w];
            shift += shift_[w] + change;
        }
    }

    const FlatTree& tree_;
    const std::vector<std::uint8_t>& shown_;
    std::span<const std::uint8_t> expanded_;
    std::vector<double> prelim_, mod_, shift_, change_, midpoint_;
    std::vector<std::int32_t> thread_, ancestor_, parent_;
};

}  // namespace

std::vector<std::int32_t> nodeDepths(const FlatTree& tree) {
    std::vector<std::int32_t> depth(tree.nodeCount(), 0);
    for (std::size_t v = 0; v < tree.nodeCount(); ++v) {
        if (tree.isLeaf(v)) continue;
        depth[tree.left[v]] = depth[v] + 1;
        depth[tree.right[v]] = depth[v] + 1;
    }
    return depth;
}

std::vector<std::int32_t> descendantCounts(const FlatTree& tree) {
    std::vector<std::int32_t> count(tree.nodeCount(), 0);
    for (std::size_t v = tree.nodeCount(); v-- > 0;) {
        if (tree.isLeaf(v)) continue;
        count[v] = count[tree.left[v]] + count[tree.right[v]] + 2;
    }
    return count;
}

TreeLayout layoutTree(const FlatTree& tree, std::span<const std::uint8_t> expanded) {
    TreeLayout out;
    const std::size_t n = tree.nodeCount();
    out.depth = nodeDepths(tree);
    out.shown.assign(n, 0);
    if (n == 0) return out;
    out.shown[0] = 1;
    for (std::size_t v = 0; v < n; ++v) {
        if (!out.shown[v] || tree.isLeaf(v) || !expanded[v]) continue;
        out.shown[tree.left[v]] = 1;
        out.shown[tree.right[v]] = 1;
        out.shownDepth = std::max(out.shownDepth, out.depth[v] + 1);
    }
    out.x = TidyLayout(tree, out.shown, expanded).run();
    double lo = 0, hi = 0;
    bool first = true;
    for (std::size_t v = 0; v < n; ++v) {
        if (!out.shown[v]) continue;
        lo = first ? out.x[v] : std::min(lo, out.x[v]);
        hi = first ? out.x[v] : std::max(hi, out.x[v]);
        first = false;
    }
    for (std::size_t v = 0; v < n; ++v)
        if (out.shown[v]) out.x[v] -= lo;
    out.width = hi - lo;
    return out;
}

}  // namespace glassbox::gui
