#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "engine/task.h"

namespace glassbox {

enum class DistanceMetric : std::uint8_t { Euclidean, Manhattan };
enum class NeighbourSearch : std::uint8_t { Auto, KdTree, Brute };

struct Neighbour {
    // Euclidean: the squared distance; manhattan: the distance (see NeighbourIndex::distanceOf).
    double reduced = 0;
    std::size_t index = 0;  // the point's row

    friend bool operator<(const Neighbour& a, const Neighbour& b) {
        return a.reduced < b.reduced || (a.reduced == b.reduced && a.index < b.index);
    }
    friend bool operator==(const Neighbour&, const Neighbour&) = default;
};

// Exact k-nearest-neighbour search over a fixed set of finite points: a KD-tree (which hands
// over to brute force at query time when it turns out to prune little), or blocked brute force
// for many dimensions. Neighbours are ordered by (distance, row), so
// equally distant points resolve to the lower row and every method, thread count and build
// gives the same answer. Both methods compute each distance with the same kernel (dimensions
// summed in order), so they agree bit for bit.
class NeighbourIndex {
  public:
    // Auto picks the KD-tree up to this many dimensions.
    static constexpr std::size_t kdTreeMaxDims = 64;

    NeighbourIndex() = default;
    // `points` is row-major, rows x dims, every value finite (std::invalid_argument otherwise).
    NeighbourIndex(std::span<const double> points, std::size_t rows, std::size_t dims,
                   DistanceMetric metric, NeighbourSearch search);

    std::size_t size() const { return rows_; }
    std::size_t dims() const { return dims_; }
    DistanceMetric metric() const { return metric_; }
    bool usesKdTree() const { return !nodes_.empty(); }
    // The distance itself (the square root of a euclidean reduced distance).
    double distanceOf(const Neighbour& n) const;
    // The points again, row-major in their original order.
    std::vector<double> points() const;

    // The min(k, size()) nearest points of each of the `queryRows` rows of `queries`
    // (row-major, dims() wide, finite: std::invalid_argument otherwise), nearest first:
    // queryRows x min(k, size()) neighbours.
    // Parallel over query rows; reports progress and throws Cancelled through `task`.
    std::vector<Neighbour> search(std::span<const double> queries, std::size_t queryRows,
                                  std::size_t k, unsigned threads, const TaskContext& task) const;

  private:
    struct Node {
        std::size_t begin = 0;  // slots [begin, end); begin is a multiple of the panel width
        std::size_t end = 0;
        std::int32_t left = -1;  // -1 for a leaf
        std::int32_t right = -1;
    };
    class Best;

    std::int32_t build(std::vector<std::size_t>& order, std::size_t begin, std::size_t end,
                       std::span<const double> points);
    void boxOf(std::int32_t node, std::span<const std::size_t> rows,
               std::span<const double> points);
    double boxDistance(std::int32_t node, const double* query) const;
    // The leaf a query descends to, always into the nearer child.
    std::int32_t leafOf(const double* query) const;
    // Both return the number of panels scanned.
    std::size_t scan(const double* query, std::size_t begin, std::size_t end, Best& best) const;
    std::size_t kdSearch(const double* query, Best& best,
                         std::vector<std::pair<std::int32_t, double>>& stack) const;

    std::size_t rows_ = 0;
    std::size_t dims_ = 0;
    DistanceMetric metric_ = DistanceMetric::Euclidean;
    // Points in slot order, in panels of kPanel points stored dimension-major
    // (panel p, dimension d, lane l at (p * dims + d) * kPanel + l), so distances to a panel
    // vectorize over its points; the last panel is padded with zeros.
    std::vector<double> panels_;
    std::vector<std::size_t> rowOfSlot_;
    // KD-tree (empty for brute force): node 0 is the root; each node's bounding box.
    std::vector<Node> nodes_;
    std::vector<double> low_;   // nodes x dims
    std::vector<double> high_;  // nodes x dims
};

}  // namespace glassbox
