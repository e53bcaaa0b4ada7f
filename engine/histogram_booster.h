#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include "engine/feature_bins.h"
#include "engine/feature_matrix.h"
#include "engine/flat_tree.h"

namespace glassbox {

// A fixed set of threads for the many short parallel steps of boosting (a histogram, a
// partition, a gradient pass), which would cost more to start threads for each time.
// The destructor stops and joins every thread.
class WorkerPool {
  public:
    explicit WorkerPool(unsigned threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    unsigned size() const { return static_cast<unsigned>(workers_.size()) + 1; }
    // Runs job(i) for every i in [0, count) on the pool's threads and the caller's; returns
    // when all are done and rethrows the first exception a job threw.
    void run(std::size_t count, const std::function<void(std::size_t)>& job);

  private:
    void workerLoop();
    void drain();

    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable finished_;
    const std::function<void(std::size_t)>* job_ = nullptr;
    std::size_t count_ = 0;
    std::size_t next_ = 0;
    std::size_t active_ = 0;
    std::uint64_t generation_ = 0;
    bool stopping_ = false;
    std::exception_ptr error_;
};

// First and second derivative of the loss for one row.
struct GradientPair {
    double g = 0.0;
    double h = 0.0;
};

struct GrowerSettings {
    std::size_t maxLeaves = 31;
    std::optional<std::size_t> maxDepth;  // none: unlimited
    double lambda = 1.0;
    double minChildWeight = 1.0;
    double minSplitGain = 0.0;
    double learningRate = 0.1;
    // Categorical splits put at most this many categories (bins) in the left set.
    std::size_t maxCategoriesLeft = 64;
    // Histograms kept for open leaves are capped at about this many bytes (wide data, many
    // leaves); beyond it a leaf's histogram is rebuilt from its rows when the leaf is split.
    std::size_t histogramBudgetBytes = std::size_t{512} << 20;
};

// Rows [begin, end) of the grower's row order ended in leaf `node`.
struct LeafRows {
    std::int32_t node = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Grows one regression tree on gradient pairs, XGBoost-hist / LightGBM style: the features are
// binned once (FeatureBins), each node gets a gradient histogram (built for the smaller child,
// the larger one is its parent's minus it), and the leaf with the best split is split next
// until max_leaves. Leaves hold -G / (H + lambda) * learning_rate. Splits learn where missing
// values go; categorical features split on a set of categories, found by sorting the
// categories by G / (H + lambda) and scanning the prefixes (as LightGBM).
class TreeGrower {
  public:
    TreeGrower(const FeatureBins& bins, const GrowerSettings& settings, WorkerPool& pool);

    // Grows a tree on the rows in `rows` (ascending, as given; reordered in place so that
    // each leaf's rows are contiguous, see `leaves`). `gradients` is indexed by row;
    // `features` lists the features the tree may split on (ascending).
    FlatTree grow(std::span<const GradientPair> gradients, std::vector<std::uint32_t>& rows,
                  std::span<const std::uint32_t> features, std::vector<LeafRows>& leaves);

  private:
    struct Split;
    struct Candidate;

    GradientPair* histogram(std::size_t slot) { return histograms_[slot].get(); }
    std::size_t takeHistogram();
    void buildHistogram(GradientPair* out, std::span<const GradientPair> gradients,
                        const std::uint32_t* rows, std::size_t count, bool identity,
                        std::span<const std::uint32_t> features);
    void findSplit(Candidate& c, std::span<const std::uint32_t> features) const;
    void findNumericSplit(const GradientPair* h, std::uint32_t f, const GradientPair& total,
                          Split& best) const;
    void findCategoricalSplit(const GradientPair* h, std::uint32_t f, const GradientPair& total,
                              Split& best) const;
    std::size_t partition(std::uint32_t* rows, std::size_t count, const Split& split);
    double leafValue(const GradientPair& sum) const;
    bool canSplit(const Candidate& c) const;

    const FeatureBins& bins_;
    GrowerSettings settings_;
    WorkerPool& pool_;
    std::size_t features_ = 0;
    std::size_t rows_ = 0;
    // Row-major bins, rows x features; a missing value is bin binCount of its feature, so
    // the histogram slot of (row, f) is offsets_[f] + rowBins_[row * features_ + f].
    std::vector<std::uint8_t> rowBins_;
    std::vector<std::size_t> offsets_;
    std::vector<std::uint32_t> offsets32_;
    std::size_t histogramSize_ = 0;
    std::vector<std::unique_ptr<GradientPair[]>> histograms_;
    std::vector<std::size_t> freeHistograms_;
    std::size_t maxHeldHistograms_ = 0;
    std::vector<std::unique_ptr<GradientPair[]>> scratch_;  // one per extra thread
    std::vector<std::uint32_t> partitionScratch_;
};

// Trees compiled for fast prediction on raw features (the same rules as FlatTree::leafFor).
class CompiledTrees {
  public:
    CompiledTrees() = default;
    // `schema` tells which features are categorical.
    CompiledTrees(std::span<const FlatTree> trees, const FeatureSchema& schema);

    std::size_t treeCount() const { return roots_.size(); }
    // For every row r in [begin, end) of `x`: out[r * stride + column] += the value of the leaf
    // tree `tree` sends row r to.
    void add(std::size_t tree, const FeatureMatrix& x, std::size_t begin, std::size_t end,
             double* out, std::size_t stride, std::size_t column) const;
    // Same for the rows listed in `rows`.
    void addRows(std::size_t tree, const FeatureMatrix& x, std::span<const std::uint32_t> rows,
                 double* out, std::size_t stride, std::size_t column) const;

  private:
    struct Node {
        std::int32_t feature;  // -1: a leaf whose value is `threshold`
        std::int32_t left;
        std::int32_t right;
        std::uint8_t categorical;
        std::uint8_t missingLeft;
        std::uint32_t categoryOffset;
        std::uint32_t categoryWords;
        double threshold;
    };
    template <class RowAt>
    void addImpl(std::size_t tree, const FeatureMatrix& x, std::size_t count, RowAt rowAt,
                 double* out, std::size_t stride, std::size_t column) const;

    std::vector<Node> nodes_;
    std::vector<std::size_t> roots_;
    std::vector<std::uint64_t> categoryBits_;
};

}  // namespace glassbox
