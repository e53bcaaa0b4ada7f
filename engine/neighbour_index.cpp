#include "engine/neighbour_index.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include "engine/parallel_for.h"

namespace glassbox {
namespace {

constexpr std::size_t kPanel = 8;                // points per panel
constexpr std::size_t kLeaf = 8 * kPanel;        // most points in a KD-tree leaf
constexpr std::size_t kQueryBlock = 64;          // query rows per parallel job
constexpr std::size_t kChunkBytes = 128 * 1024;  // brute force: panels kept hot per pass
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Two doubles as one value (GCC/Clang vector extension; SSE2 / NEON registers): the panel's
// lanes are summed pairwise, each lane over its dimensions in order, exactly as scalar code.
using Pair = double __attribute__((vector_size(2 * sizeof(double))));
using PairBits = std::uint64_t __attribute__((vector_size(2 * sizeof(double))));
constexpr std::size_t kPairs = kPanel / 2;

// Reduced distances from `query` to the kPanel points of `panel`, dimensions summed in order;
// returns the smallest.
template <DistanceMetric M>
double panelDistances(const double* query, const double* panel, std::size_t dims, double* out) {
    Pair acc[kPairs] = {};
    for (std::size_t d = 0; d < dims; ++d) {
        const Pair q = {query[d], query[d]};
        for (std::size_t j = 0; j < kPairs; ++j) {
            Pair p;
            std::memcpy(&p, panel + d * kPanel + 2 * j, sizeof p);
            const Pair diff = q - p;
            if constexpr (M == DistanceMetric::Euclidean)
                acc[j] += diff * diff;
            else
                acc[j] += reinterpret_cast<Pair>(reinterpret_cast<PairBits>(diff) &
                                                 0x7fff'ffff'ffff'ffffull);  // |diff|
        }
    }
    // Finite inputs never make NaN here (only non-negative terms are added), at worst +inf.
    double lowest = kInfinity;
    for (std::size_t l = 0; l < kPanel; ++l) {
        out[l] = acc[l / 2][l % 2];
        lowest = std::min(lowest, out[l]);
    }
    return lowest;
}

}  // namespace

// The k best candidates so far, as a max-heap on (distance, row) over caller-owned storage.
class NeighbourIndex::Best {
  public:
    Best(Neighbour* heap, std::size_t k) : heap_(heap), k_(k) {}

    // Candidates farther than this cannot enter (equally far ones may, with a lower row).
    double bound() const { return size_ < k_ ? kInfinity : heap_[0].reduced; }
    void offer(double reduced, std::size_t row) {
        const Neighbour candidate{reduced, row};
        if (size_ < k_) {
            heap_[size_++] = candidate;
            std::push_heap(heap_, heap_ + size_);
        } else if (candidate < heap_[0]) {
            std::pop_heap(heap_, heap_ + k_);
            heap_[k_ - 1] = candidate;
            std::push_heap(heap_, heap_ + k_);
        }
    }
    // Nearest first.
    void finish() { std::sort_heap(heap_, heap_ + size_); }

  private:
    Neighbour* heap_;
    std::size_t k_;
    std::size_t size_ = 0;
};

NeighbourIndex::NeighbourIndex(std::span<const double> points, std::size_t rows, std::size_t dims,
                               DistanceMetric metric, NeighbourSearch search)
    : rows_(rows), dims_(dims), metric_(metric) {
    if (points.size() != rows * dims)
        throw std::invalid_argument("NeighbourIndex: points is not rows x dims");
    for (double v : points)
        if (!std::isfinite(v)) throw std::invalid_argument("NeighbourIndex: non-finite point");
    rowOfSlot_.resize(rows);
    std::iota(rowOfSlot_.begin(), rowOfSlot_.end(), std::size_t{0});
    const bool kdTree = search == NeighbourSearch::KdTree ||
                        (search == NeighbourSearch::Auto && dims <= kdTreeMaxDims);
    if (kdTree && rows > 0) build(rowOfSlot_, 0, rows, points);

    panels_.assign((rows + kPanel - 1) / kPanel * dims * kPanel, 0.0);
    for (std::size_t slot = 0; slot < rows; ++slot) {
        const double* row = points.data() + rowOfSlot_[slot] * dims;
        double* panel = panels_.data() + slot / kPanel * dims * kPanel + slot % kPanel;
        for (std::size_t d = 0; d < dims; ++d) panel[d * kPanel] = row[d];
    }
}

std::int32_t NeighbourIndex::build(std::vector<std::size_t>& order, std::size_t begin,
                                   std::size_t end, std::span<const double> points) {
    const auto id = static_cast<std::int32_t>(nodes_.size());
    nodes_.push_back({begin, end, -1, -1});
    low_.resize(low_.size() + dims_);
    high_.resize(high_.size() + dims_);
    boxOf(id, std::span<const std::size_t>(order).subspan(begin, end - begin), points);
    if (end - begin <= kLeaf) return id;

    std::size_t dim = 0;
    double widest = 0;
    for (std::size_t d = 0; d < dims_; ++d) {
        const double spread = high_[id * dims_ + d] - low_[id * dims_ + d];
        if (spread > widest) widest = spread, dim = d;
    }
    if (!(widest > 0)) return id;  // all points equal: nothing to split
    // Split near the middle at a multiple of kPanel, so every node starts on a panel.
    const std::size_t mid = begin + kPanel * ((end - begin + 2 * kPanel - 1) / (2 * kPanel));
    std::nth_element(order.begin() + begin, order.begin() + mid, order.begin() + end,
                     [&](std::size_t a, std::size_t b) {
                         const double va = points[a * dims_ + dim];
                         const double vb = points[b * dims_ + dim];
                         return va < vb || (va == vb && a < b);
                     });
    const std::int32_t left = build(order, begin, mid, points);
    const std::int32_t right = build(order, mid, end, points);
    nodes_[id].left = left;
    nodes_[id].right = right;
    return id;
}

void NeighbourIndex::boxOf(std::int32_t node, std::span<const std::size_t> rows,
                           std::span<const double> points) {
    double* low = low_.data() + node * dims_;
    double* high = high_.data() + node * dims_;
    std::fill(low, low + dims_, kInfinity);
    std::fill(high, high + dims_, -kInfinity);
    for (std::size_t row : rows) {
        const double* p = points.data() + row * dims_;
        for (std::size_t d = 0; d < dims_; ++d) {
            low[d] = std::min(low[d], p[d]);
            high[d] = std::max(high[d], p[d]);
        }
    }
}

// A lower bound of the distance from `query` to any point of `node`: computed term by term
// like the distances themselves, and rounding is monotonic, so it never exceeds them.
double NeighbourIndex::boxDistance(std::int32_t node, const double* query) const {
    const double* low = low_.data() + node * dims_;
    const double* high = high_.data() + node * dims_;
    double sum = 0;
    for (std::size_t d = 0; d < dims_; ++d) {
        // Branch-free: at most one of the two differences is positive.
        const double gap = std::max(std::max(low[d] - query[d], query[d] - high[d]), 0.0);
        sum += metric_ == DistanceMetric::Euclidean ? gap * gap : gap;
    }
    return sum;
}

std::size_t NeighbourIndex::scan(const double* query, std::size_t begin, std::size_t end,
                                 Best& best) const {
    double distances[kPanel];
    for (std::size_t first = begin; first < end; first += kPanel) {
        const double* panel = panels_.data() + first / kPanel * dims_ * kPanel;
        const double lowest =
            metric_ == DistanceMetric::Euclidean
                ? panelDistances<DistanceMetric::Euclidean>(query, panel, dims_, distances)
                : panelDistances<DistanceMetric::Manhattan>(query, panel, dims_, distances);
        if (lowest > best.bound()) continue;
        const std::size_t lanes = std::min(kPanel, end - first);
        for (std::size_t l = 0; l < lanes; ++l)
            if (distances[l] <= best.bound()) best.offer(distances[l], rowOfSlot_[first + l]);
    }
    return (end - begin + kPanel - 1) / kPanel;
}

std::size_t NeighbourIndex::kdSearch(const double* query, Best& best,
                                     std::vector<std::pair<std::int32_t, double>>& stack) const {
    std::size_t scanned = 0;
    stack.clear();
    stack.emplace_back(0, 0.0);
    while (!stack.empty()) {
        const auto [id, bound] = stack.back();
        stack.pop_back();
        if (bound > best.bound()) continue;
        const Node& node = nodes_[id];
        if (node.left < 0) {
            scanned += scan(query, node.begin, node.end, best);
            continue;
        }
        const double toLeft = boxDistance(node.left, query);
        const double toRight = boxDistance(node.right, query);
        // The nearer child goes on top, so it is searched first.
        const bool leftFirst = toLeft <= toRight;
        const std::pair<std::int32_t, double> near{leftFirst ? node.left : node.right,
                                                   leftFirst ? toLeft : toRight};
        const std::pair<std::int32_t, double> far{leftFirst ? node.right : node.left,
                                                  leftFirst ? toRight : toLeft};
        if (far.second <= best.bound()) stack.push_back(far);
        if (near.second <= best.bound()) stack.push_back(near);
    }
    return scanned;
}

std::int32_t NeighbourIndex::leafOf(const double* query) const {
    std::int32_t id = 0;
    while (nodes_[id].left >= 0) {
        const Node& node = nodes_[id];
        id = boxDistance(node.left, query) <= boxDistance(node.right, query) ? node.left
                                                                             : node.right;
    }
    return id;
}

double NeighbourIndex::distanceOf(const Neighbour& n) const {
    return metric_ == DistanceMetric::Euclidean ? std::sqrt(n.reduced) : n.reduced;
}

std::vector<double> NeighbourIndex::points() const {
    std::vector<double> out(rows_ * dims_);
    for (std::size_t slot = 0; slot < rows_; ++slot) {
        const double* panel = panels_.data() + slot / kPanel * dims_ * kPanel + slot % kPanel;
        double* row = out.data() + rowOfSlot_[slot] * dims_;
        for (std::size_t d = 0; d < dims_; ++d) row[d] = panel[d * kPanel];
    }
    return out;
}

std::vector<Neighbour> NeighbourIndex::search(std::span<const double> queries,
                                              std::size_t queryRows, std::size_t k,
                                              unsigned threads, const TaskContext& task) const {
    if (queries.size() != queryRows * dims_)
        throw std::invalid_argument("NeighbourIndex::search: queries is not rows x dims");
    for (double v : queries)
        if (!std::isfinite(v)) throw std::invalid_argument("NeighbourIndex: non-finite query");
    const std::size_t kept = std::min(k, rows_);
    std::vector<Neighbour> out(queryRows * kept);
    if (kept == 0 || queryRows == 0) return out;

    // KD-tree: queries in the order of the leaves they fall in, so consecutive queries visit
    // mostly the same points while those are still in cache.
    std::vector<std::size_t> visit(queryRows);
    std::iota(visit.begin(), visit.end(), std::size_t{0});
    if (usesKdTree()) {
        std::vector<std::int32_t> leaf(queryRows);
        for (std::size_t q = 0; q < queryRows; ++q) leaf[q] = leafOf(queries.data() + q * dims_);
        std::stable_sort(visit.begin(), visit.end(),
                         [&](std::size_t a, std::size_t b) { return leaf[a] < leaf[b]; });
    }

    const std::size_t jobs = (queryRows + kQueryBlock - 1) / kQueryBlock;
    const std::size_t chunk =
        std::max<std::size_t>(
            1, kChunkBytes / (kPanel * sizeof(double) * std::max<std::size_t>(1, dims_))) *
        kPanel;
    const std::size_t panels = (rows_ + kPanel - 1) / kPanel;
    std::atomic<std::size_t> treeQueries{0}, treePanels{0};
    std::atomic<std::size_t> done{0};
    parallelFor(jobs, threads, [&](std::size_t job, bool onCaller) {
        task.checkCancelled();
        const std::span<const std::size_t> block =
            std::span<const std::size_t>(visit)
                .subspan(job * kQueryBlock)
                .first(std::min(kQueryBlock, queryRows - job * kQueryBlock));
        std::vector<Best> best;
        best.reserve(block.size());
        for (std::size_t q : block) best.emplace_back(&out[q * kept], kept);
        std::size_t viaTree = 0;
        if (usesKdTree()) {
            // Where the tree barely prunes (many dimensions, uniform data), its scattered
            // scans are slower than blocked brute force: once the queries so far scanned more
            // than a third of the points on average, the rest go brute force. Either way the
            // answers are the same; only the speed depends on this.
            std::vector<std::pair<std::int32_t, double>> stack;
            for (; viaTree < block.size(); ++viaTree) {
                const std::size_t searched = treeQueries.load(std::memory_order_relaxed);
                if (searched >= 32 &&
                    treePanels.load(std::memory_order_relaxed) > panels * searched / 3)
                    break;
                const std::size_t scanned =
                    kdSearch(queries.data() + block[viaTree] * dims_, best[viaTree], stack);
                treePanels.fetch_add(scanned, std::memory_order_relaxed);
                treeQueries.fetch_add(1, std::memory_order_relaxed);
            }
        }
        // Blocked brute force: a chunk of points stays in cache for the block's queries.
        for (std::size_t begin = 0; begin < rows_ && viaTree < block.size(); begin += chunk) {
            const std::size_t end = std::min(rows_, begin + chunk);
            for (std::size_t i = viaTree; i < block.size(); ++i)
                scan(queries.data() + block[i] * dims_, begin, end, best[i]);
        }
        for (Best& b : best) b.finish();
        const std::size_t finished = done.fetch_add(1) + 1;
        if (onCaller)
            task.report(static_cast<double>(finished) / jobs,
                        "neighbours of " +
                            std::to_string(std::min(queryRows, finished * kQueryBlock)) + " of " +
                            std::to_string(queryRows) + " rows");
        return true;
    });
    return out;
}

}  // namespace glassbox
