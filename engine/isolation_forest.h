#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/task.h"

namespace glassbox {

class ByteReader;
class ByteWriter;

struct IsolationForestSettings {
    std::size_t trees = 100;
    std::size_t sampleSize = 256;  // rows per tree (psi), fewer when the data has fewer
    unsigned threads = 1;
};

// Isolation forest (Liu, Ting & Zhou 2008): each tree isolates a random subsample by splitting
// on a random feature at a uniform random value between the node's min and max, up to
// ceil(log2 psi) levels. A row's anomaly score is 2^(-E[h(x)] / c(psi)), h being its path length
// plus c(leaf size) for the rows a leaf left unseparated; near 1 is anomalous, below 0.5 normal.
// Tree t draws from Random(seed, t + 1), so a seed gives the same forest on any thread count.
class IsolationForest {
  public:
    // `columns` holds the features column-major, each the same length, every value finite.
    static IsolationForest fit(const std::vector<std::vector<double>>& columns,
                               const IsolationForestSettings& settings, std::uint64_t seed,
                               const TaskContext& task);

    // Scores of the rows of `columns` (same features, same order as fit, finite values).
    std::vector<double> scores(const std::vector<std::vector<double>>& columns,
                               unsigned threads) const;

    std::size_t featureCount() const { return features_; }
    std::size_t treeCount() const { return roots_.size(); }
    std::size_t sampleSize() const { return sampleSize_; }

    void save(ByteWriter& out) const;
    static IsolationForest load(ByteReader& in);

  private:
    double pathLength(const std::vector<std::vector<double>>& columns, std::size_t row,
                      std::size_t tree) const;

    std::size_t features_ = 0;
    std::size_t sampleSize_ = 0;
    // Nodes of all trees. Inner nodes: feature >= 0, rows with value < split go to left, the
    // others to left + 1. Leaves: feature -1, split holds c(rows in the leaf).
    std::vector<std::int32_t> feature_;
    std::vector<double> split_;
    std::vector<std::uint32_t> left_;
    std::vector<std::uint32_t> roots_;  // first node of each tree
};

// c(n): the average path length of an unsuccessful search in a binary search tree of n
// items, 2 H(n - 1) - 2 (n - 1) / n; c(2) = 1, c(n <= 1) = 0.
double averagePathLength(std::size_t n);

}  // namespace glassbox
