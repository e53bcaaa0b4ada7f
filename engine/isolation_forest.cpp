#include "engine/isolation_forest.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <stdexcept>
#include <unordered_set>

#include "engine/byte_io.h"
#include "engine/parallel_for.h"
#include "engine/random.h"

namespace glassbox {

double averagePathLength(std::size_t n) {
    if (n <= 1) return 0.0;
    if (n == 2) return 1.0;
    constexpr double kEulerGamma = 0.5772156649015329;
    const double m = static_cast<double>(n - 1);
    return 2.0 * (std::log(m) + kEulerGamma) - 2.0 * m / static_cast<double>(n);
}

namespace {

struct Node {
    std::int32_t feature = -1;
    double split = 0;        // inner: the split value; leaf: c(rows in the leaf)
    std::uint32_t left = 0;  // inner: index of the left child, the right one follows it
};

class TreeBuilder {
  public:
    TreeBuilder(const std::vector<std::vector<double>>& columns, std::size_t heightLimit,
                Random& random)
        : columns_(columns), heightLimit_(heightLimit), random_(random) {}

    std::vector<Node> build(std::vector<std::size_t> rows) {
        nodes_.assign(1, Node{});
        grow(0, rows, 0, rows.size(), 0);
        return std::move(nodes_);
    }

  private:
    void grow(std::size_t node, std::vector<std::size_t>& rows, std::size_t begin, std::size_t end,
              std::size_t depth) {
        const std::size_t count = end - begin;
        if (depth >= heightLimit_ || count <= 1) return makeLeaf(node, count);
        // Only features that vary in this node can separate its rows.
        candidates_.clear();
        for (std::size_t f = 0; f < columns_.size(); ++f) {
            const auto [lo, hi] = range(f, rows, begin, end);
            if (lo < hi) candidates_.push_back(f);
        }
        if (candidates_.empty()) return makeLeaf(node, count);
        const std::size_t f = candidates_[random_.index(candidates_.size())];
        const auto [lo, hi] = range(f, rows, begin, end);
        double split = lo + random_.uniform() * (hi - lo);
        if (split <= lo) split = std::nextafter(lo, hi);  // keeps both sides non-empty
        const std::vector<double>& values = columns_[f];
        const auto middle = std::partition(rows.begin() + static_cast<std::ptrdiff_t>(begin),
                                           rows.begin() + static_cast<std::ptrdiff_t>(end),
                                           [&](std::size_t r) { return values[r] < split; });
        const std::size_t mid = static_cast<std::size_t>(middle - rows.begin());
        const std::uint32_t left = static_cast<std::uint32_t>(nodes_.size());
        nodes_[node] = Node{static_cast<std::int32_t>(f), split, left};
        nodes_.resize(nodes_.size() + 2);
        grow(left, rows, begin, mid, depth + 1);
        grow(left + 1, rows, mid, end, depth + 1);
    }

    std::pair<double, double> range(std::size_t f, const std::vector<std::size_t>& rows,
                                    std::size_t begin, std::size_t end) const {
        const std::vector<double>& values = columns_[f];
        double lo = values[rows[begin]], hi = lo;
        for (std::size_t i = begin + 1; i < end; ++i) {
            lo = std::min(lo, values[rows[i]]);
            hi = std::max(hi, values[rows[i]]);
        }
        return {lo, hi};
    }

    void makeLeaf(std::size_t node, std::size_t count) {
        nodes_[node] = Node{-1, averagePathLength(count), 0};
    }

    const std::vector<std::vector<double>>& columns_;
    std::size_t heightLimit_;
    Random& random_;
    std::vector<Node> nodes_;
    std::vector<std::size_t> candidates_;
};

}  // namespace

IsolationForest IsolationForest::fit(const std::vector<std::vector<double>>& columns,
                                     const IsolationForestSettings& settings, std::uint64_t seed,
                                     const TaskContext& task) {
    if (columns.empty()) throw std::logic_error("isolation forest without features");
    const std::size_t rows = columns.front().size();
    if (rows == 0) throw std::logic_error("isolation forest without rows");
    if (settings.trees == 0 || settings.sampleSize == 0)
        throw std::logic_error("isolation forest needs trees and a sample size");
    IsolationForest forest;
    forest.features_ = columns.size();
    forest.sampleSize_ = std::min(settings.sampleSize, rows);
    const std::size_t heightLimit = static_cast<std::size_t>(
        std::ceil(std::log2(static_cast<double>(std::max<std::size_t>(forest.sampleSize_, 2)))));

    std::vector<std::vector<Node>> trees(settings.trees);
    std::atomic<std::size_t> done{0};
    parallelFor(settings.trees, settings.threads, [&](std::size_t t, bool onCaller) {
        if (task.isCancelled()) return false;
        Random random(seed, t + 1);
        // A sample without replacement (Floyd's algorithm), sorted so it does not depend on
        // the hash set's order.
        std::unordered_set<std::size_t> chosen;
        for (std::size_t j = rows - forest.sampleSize_; j < rows; ++j) {
            const std::size_t pick = random.index(j + 1);
            chosen.insert(chosen.count(pick) ? j : pick);
        }
        std::vector<std::size_t> sample(chosen.begin(), chosen.end());
        std::sort(sample.begin(), sample.end());
        TreeBuilder builder(columns, heightLimit, random);
        trees[t] = builder.build(std::move(sample));
        const std::size_t finished = done.fetch_add(1) + 1;
        if (onCaller)
            task.report(static_cast<double>(finished) / static_cast<double>(settings.trees),
                        "isolation trees");
        return true;
    });
    task.checkCancelled();

    for (const std::vector<Node>& tree : trees) {
        const std::uint32_t offset = static_cast<std::uint32_t>(forest.feature_.size());
        forest.roots_.push_back(offset);
        for (const Node& n : tree) {
            forest.feature_.push_back(n.feature);
            forest.split_.push_back(n.split);
            forest.left_.push_back(n.feature >= 0 ? n.left + offset : 0);
        }
    }
    return forest;
}

double IsolationForest::pathLength(const std::vector<std::vector<double>>& columns, std::size_t row,
                                   std::size_t tree) const {
    std::size_t node = roots_[tree];
    double depth = 0;
    while (feature_[node] >= 0) {
        const double value = columns[static_cast<std::size_t>(feature_[node])][row];
        node = left_[node] + (value < split_[node] ? 0 : 1);
        depth += 1;
    }
    return depth + split_[node];
}

std::vector<double> IsolationForest::scores(const std::vector<std::vector<double>>& columns,
                                            unsigned threads) const {
    if (columns.size() != features_)
        throw std::logic_error("isolation forest scored on a different number of features");
    const std::size_t rows = columns.empty() ? 0 : columns.front().size();
    std::vector<double> out(rows);
    const double normaliser = averagePathLength(sampleSize_);
    constexpr std::size_t kBlock = 1024;
    parallelFor((rows + kBlock - 1) / kBlock, threads, [&](std::size_t block, bool) {
        const std::size_t end = std::min(rows, (block + 1) * kBlock);
        for (std::size_t r = block * kBlock; r < end; ++r) {
            double total = 0;
            for (std::size_t t = 0; t < roots_.size(); ++t) total += pathLength(columns, r, t);
            const double mean = total / static_cast<double>(roots_.size());
            // One-row samples cannot isolate anything: every row is equally (un)usual.
            out[r] = normaliser > 0 ? std::exp2(-mean / normaliser) : 1.0;
        }
        return true;
    });
    return out;
}

void IsolationForest::save(ByteWriter& out) const {
    out.put<std::uint64_t>(features_);
    out.put<std::uint64_t>(sampleSize_);
    out.putVector(feature_);
    out.putVector(split_);
    out.putVector(left_);
    out.putVector(roots_);
}

IsolationForest IsolationForest::load(ByteReader& in) {
    IsolationForest forest;
    forest.features_ = in.get<std::uint64_t>();
    forest.sampleSize_ = in.get<std::uint64_t>();
    forest.feature_ = in.getVector<std::int32_t>();
    forest.split_ = in.getVector<double>();
    forest.left_ = in.getVector<std::uint32_t>();
    forest.roots_ = in.getVector<std::uint32_t>();
    const std::size_t nodes = forest.feature_.size();
    in.require(forest.split_.size() == nodes && forest.left_.size() == nodes,
               "isolation forest node arrays differ in length");
    in.require(!forest.roots_.empty() && forest.sampleSize_ > 0, "an empty isolation forest");
    for (std::uint32_t root : forest.roots_) in.require(root < nodes, "a tree root out of range");
    // Children must lie after their parent, so every walk ends at a leaf.
    for (std::size_t i = 0; i < nodes; ++i) {
        const std::int32_t f = forest.feature_[i];
        if (f < 0) continue;
        in.require(static_cast<std::size_t>(f) < forest.features_, "a feature out of range");
        in.require(forest.left_[i] > i && static_cast<std::size_t>(forest.left_[i]) + 1 < nodes,
                   "a tree node's children out of range");
    }
    return forest;
}

}  // namespace glassbox
