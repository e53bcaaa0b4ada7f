#include "engine/histogram_booster.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace glassbox {

// ---------------------------------------------------------------------------------------------
// WorkerPool

WorkerPool::WorkerPool(unsigned threads) {
    for (unsigned t = 1; t < std::max(threads, 1u); ++t)
        workers_.emplace_back([this] { workerLoop(); });
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : workers_) t.join();
}

void WorkerPool::run(std::size_t count, const std::function<void(std::size_t)>& job) {
    if (count == 0) return;
    if (workers_.empty() || count == 1) {
        for (std::size_t i = 0; i < count; ++i) job(i);
        return;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        job_ = &job;
        count_ = count;
        next_ = 0;
        active_ = workers_.size();
        error_ = nullptr;
        ++generation_;
    }
    wake_.notify_all();
    drain();
    std::exception_ptr error;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        finished_.wait(lock, [&] { return active_ == 0; });
        job_ = nullptr;
        error = std::exchange(error_, nullptr);
    }
    if (error) std::rethrow_exception(error);
}

void WorkerPool::drain() {
    while (true) {
        std::size_t i;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (next_ >= count_) return;
            i = next_++;
        }
        try {
            (*job_)(i);
        } catch (...) {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!error_) error_ = std::current_exception();
            next_ = count_;
        }
    }
}

void WorkerPool::workerLoop() {
    std::uint64_t seen = 0;
    while (true) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
            if (stopping_) return;
            seen = generation_;
        }
        drain();
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (--active_ == 0) finished_.notify_one();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// TreeGrower

namespace {

// Below this many rows per thread a histogram or partition runs on one thread.
constexpr std::size_t kRowsPerThread = 16384;
constexpr std::size_t kPrefetchDistance = 16;
constexpr std::size_t kNoHistogram = static_cast<std::size_t>(-1);

inline void addPair(GradientPair* slot, const GradientPair& gp) {
#if defined(__SSE2__)
    double* p = &slot->g;
    _mm_storeu_pd(p, _mm_add_pd(_mm_loadu_pd(p), _mm_loadu_pd(&gp.g)));
#else
    slot->g += gp.g;
    slot->h += gp.h;
#endif
}

template <bool Identity, bool AllFeatures>
void accumulate(GradientPair* hist, const std::uint8_t* rowBins, std::size_t featureCount,
                const std::uint32_t* offsets, const GradientPair* gradients,
                const std::uint32_t* rows, std::size_t begin, std::size_t end,
                const std::uint32_t* features, std::size_t used) {
    for (std::size_t i = begin; i < end; ++i) {
        const std::size_t r = Identity ? i : rows[i];
        if constexpr (!Identity) {
            if (i + kPrefetchDistance < end) {
                const std::size_t ahead = rows[i + kPrefetchDistance];
                __builtin_prefetch(rowBins + ahead * featureCount);
                __builtin_prefetch(gradients + ahead);
            }
        }
        const GradientPair gp = gradients[r];
        const std::uint8_t* rb = rowBins + r * featureCount;
        if constexpr (AllFeatures) {
            for (std::size_t f = 0; f < featureCount; ++f) addPair(hist + offsets[f] + rb[f], gp);
        } else {
            for (std::size_t k = 0; k < used; ++k) {
                const std::uint32_t f = features[k];
                addPair(hist + offsets[f] + rb[f], gp);
            }
        }
    }
}

double score(double g, double h, double lambda) {
    return g * g / (h + lambda);
}

}  // namespace

struct TreeGrower::Split {
    double gain = 0.0;
    std::int32_t feature = -1;
    bool categorical = false;
    bool missingLeft = false;
    std::uint32_t bin = 0;               // numeric: bins <= bin go left
    std::uint64_t categoryBins[4] = {};  // categorical: the bins that go left
    GradientPair left;
    GradientPair right;
};

struct TreeGrower::Candidate {
    std::int32_t node = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t depth = 0;
    GradientPair sum;
    std::size_t histogram = 0;
    Split split;
    std::size_t rows() const { return end - begin; }
};

TreeGrower::TreeGrower(const FeatureBins& bins, const GrowerSettings& settings, WorkerPool& pool)
    : bins_(bins),
      settings_(settings),
      pool_(pool),
      features_(bins.featureCount()),
      rows_(bins.rows()) {
    offsets_.resize(features_ + 1, 0);
    for (std::size_t f = 0; f < features_; ++f)
        offsets_[f + 1] = offsets_[f] + bins.feature(f).binCount + 1;
    histogramSize_ = offsets_[features_];
    offsets32_.assign(offsets_.begin(), offsets_.end());
    maxHeldHistograms_ = settings_.histogramBudgetBytes /
                         (std::max<std::size_t>(histogramSize_, 1) * sizeof(GradientPair));

    rowBins_.resize(rows_ * features_);
    const std::size_t blockRows = 65536;
    const std::size_t blocks = (rows_ + blockRows - 1) / blockRows;
    pool_.run(blocks, [&](std::size_t block) {
        const std::size_t begin = block * blockRows;
        const std::size_t end = std::min(rows_, begin + blockRows);
        for (std::size_t f = 0; f < features_; ++f) {
            const std::span<const std::uint8_t> column = bins.column(f);
            const std::uint8_t missing = static_cast<std::uint8_t>(bins.feature(f).binCount);
            for (std::size_t r = begin; r < end; ++r) {
                const std::uint8_t b = column[r];
                rowBins_[r * features_ + f] = b == FeatureBins::kMissingBin ? missing : b;
            }
        }
    });
    for (unsigned t = 1; t < pool_.size(); ++t)
        scratch_.push_back(std::make_unique<GradientPair[]>(histogramSize_));
}

std::size_t TreeGrower::takeHistogram() {
    if (freeHistograms_.empty()) {
        histograms_.push_back(std::make_unique<GradientPair[]>(histogramSize_));
        return histograms_.size() - 1;
    }
    const std::size_t slot = freeHistograms_.back();
    freeHistograms_.pop_back();
    return slot;
}

void TreeGrower::buildHistogram(GradientPair* out, std::span<const GradientPair> gradients,
                                const std::uint32_t* rows, std::size_t count, bool identity,
                                std::span<const std::uint32_t> features) {
    const bool all = features.size() == features_;
    auto range = [&](GradientPair* hist, std::size_t begin, std::size_t end) {
        std::memset(static_cast<void*>(hist), 0, histogramSize_ * sizeof(GradientPair));
        const auto* g = gradients.data();
        const auto* rb = rowBins_.data();
        const auto* off = offsets32_.data();
        if (identity && all)
            accumulate<true, true>(hist, rb, features_, off, g, rows, begin, end, nullptr, 0);
        else if (identity)
            accumulate<true, false>(hist, rb, features_, off, g, rows, begin, end, features.data(),
                                    features.size());
        else if (all)
            accumulate<false, true>(hist, rb, features_, off, g, rows, begin, end, nullptr, 0);
        else
            accumulate<false, false>(hist, rb, features_, off, g, rows, begin, end, features.data(),
                                     features.size());
    };
    const std::size_t blocks =
        std::min<std::size_t>(pool_.size(), std::max<std::size_t>(1, count / kRowsPerThread));
    if (blocks == 1) {
        range(out, 0, count);
        return;
    }
    pool_.run(blocks, [&](std::size_t t) {
        range(t == 0 ? out : scratch_[t - 1].get(), count * t / blocks, count * (t + 1) / blocks);
    });
    for (std::size_t t = 1; t < blocks; ++t) {
        const GradientPair* s = scratch_[t - 1].get();
        for (std::size_t i = 0; i < histogramSize_; ++i) addPair(out + i, s[i]);
    }
}

double TreeGrower::leafValue(const GradientPair& sum) const {
    return -sum.g / (sum.h + settings_.lambda) * settings_.learningRate;
}

bool TreeGrower::canSplit(const Candidate& c) const {
    if (c.rows() < 2 || c.sum.h < 2 * settings_.minChildWeight) return false;
    return !settings_.maxDepth || c.depth < *settings_.maxDepth;
}

void TreeGrower::findNumericSplit(const GradientPair* h, std::uint32_t f, const GradientPair& total,
                                  Split& best) const {
    const std::size_t nb = bins_.feature(f).binCount;
    const GradientPair missing = h[nb];
    const bool hasMissing = missing.h > 0;
    const double lambda = settings_.lambda;
    const double mcw = settings_.minChildWeight;
    const double parent = score(total.g, total.h, lambda);
    std::size_t last = nb;  // the last non-empty value bin
    for (std::size_t b = nb; b-- > 0;)
        if (h[b].h > 0) {
            last = b;
            break;
        }
    auto consider = [&](double gl, double hl, std::uint32_t bin, bool missingLeft) {
        const double gr = total.g - gl;
        const double hr = total.h - hl;
        if (hl < mcw || hr < mcw || hl <= 0 || hr <= 0) return;
        const double gain = score(gl, hl, lambda) + score(gr, hr, lambda) - parent;
        if (gain > best.gain) {
            best.gain = gain;
            best.feature = static_cast<std::int32_t>(f);
            best.categorical = false;
            best.missingLeft = missingLeft;
            best.bin = bin;
            best.left = {gl, hl};
            best.right = {gr, hr};
        }
    };
    if (last == nb) return;  // no values, only missing ones
    double gl = 0, hl = 0;
    for (std::size_t b = 0; b < last; ++b) {
        if (h[b].h <= 0) continue;
        gl += h[b].g;
        hl += h[b].h;
        consider(gl, hl, static_cast<std::uint32_t>(b), false);
        if (hasMissing)
            consider(gl + missing.g, hl + missing.h, static_cast<std::uint32_t>(b), true);
    }
    // Every value left, missing values right: the threshold is the last bound (+inf).
    if (hasMissing)
        consider(total.g - missing.g, total.h - missing.h, static_cast<std::uint32_t>(nb - 1),
                 false);
}

void TreeGrower::findCategoricalSplit(const GradientPair* h, std::uint32_t f,
                                      const GradientPair& total, Split& best) const {
    const std::size_t nb = bins_.feature(f).binCount;
    const GradientPair missing = h[nb];
    const bool hasMissing = missing.h > 0;
    const double lambda = settings_.lambda;
    const double mcw = settings_.minChildWeight;
    const double parent = score(total.g, total.h, lambda);

    struct Category {
        double key;
        std::uint32_t bin;
    };
    Category present[FeatureBins::kMaxBins + 1];
    std::size_t m = 0;
    for (std::size_t b = 0; b < nb; ++b)
        if (h[b].h > 0) present[m++] = {h[b].g / (h[b].h + lambda), static_cast<std::uint32_t>(b)};
    if (m == 0) return;
    std::sort(present, present + m, [](const Category& a, const Category& b) {
        return a.key < b.key || (a.key == b.key && a.bin < b.bin);
    });
    const std::size_t limit = std::min(m, settings_.maxCategoriesLeft);

    // The left set is the first k categories of `present` (forward) or the last k (backward).
    auto scan = [&](bool forward) {
        double gl = 0, hl = 0;
        for (std::size_t k = 1; k <= limit; ++k) {
            const Category& c = present[forward ? k - 1 : m - k];
            gl += h[c.bin].g;
            hl += h[c.bin].h;
            for (int missingLeft = 0; missingLeft < 2; ++missingLeft) {
                if (missingLeft && (!hasMissing || k == m)) continue;
                if (!missingLeft && k == m && !hasMissing) continue;
                const double l_g = gl + (missingLeft ? missing.g : 0.0);
                const double l_h = hl + (missingLeft ? missing.h : 0.0);
                const double gr = total.g - l_g;
                const double hr = total.h - l_h;
                if (l_h < mcw || hr < mcw || l_h <= 0 || hr <= 0) continue;
                const double gain = score(l_g, l_h, lambda) + score(gr, hr, lambda) - parent;
                if (gain > best.gain) {
                    best.gain = gain;
                    best.feature = static_cast<std::int32_t>(f);
                    best.categorical = true;
                    best.missingLeft = missingLeft != 0;
                    std::fill(std::begin(best.categoryBins), std::end(best.categoryBins), 0);
                    for (std::size_t j = 1; j <= k; ++j) {
                        const std::uint32_t bin = present[forward ? j - 1 : m - j].bin;
                        best.categoryBins[bin >> 6] |= std::uint64_t{1} << (bin & 63);
                    }
                    best.left = {l_g, l_h};
                    best.right = {gr, hr};
                }
            }
        }
    };
    scan(true);
    // Forward prefixes already cover every partition (each split and its mirror) when they
    // can reach m - 1 categories; otherwise the other end needs its own scan.
    if (limit + 1 < m) scan(false);
}

void TreeGrower::findSplit(Candidate& c, std::span<const std::uint32_t> features) const {
    Split best;
    best.gain = std::max(settings_.minSplitGain, 1e-12 * std::max(1.0, c.sum.h));
    const GradientPair* h = histograms_[c.histogram].get();
    for (const std::uint32_t f : features) {
        if (bins_.feature(f).categorical)
            findCategoricalSplit(h + offsets_[f], f, c.sum, best);
        else
            findNumericSplit(h + offsets_[f], f, c.sum, best);
    }
    if (best.feature >= 0) {
        const GradientPair missing =
            h[offsets_[best.feature] + bins_.feature(best.feature).binCount];
        // No missing values here: send future ones to the heavier child.
        if (missing.h <= 0) best.missingLeft = best.left.h >= best.right.h;
    }
    c.split = best;
}

std::size_t TreeGrower::partition(std::uint32_t* rows, std::size_t count, const Split& split) {
    const std::uint8_t* column = bins_.column(static_cast<std::size_t>(split.feature)).data();
    // Which bins go left, as a table: the loop below then has no branch to mispredict.
    std::uint8_t goesLeft[256];
    for (std::size_t b = 0; b < 256; ++b) {
        if (b == FeatureBins::kMissingBin)
            goesLeft[b] = split.missingLeft;
        else if (split.categorical)
            goesLeft[b] = (split.categoryBins[b >> 6] >> (b & 63)) & 1u;
        else
            goesLeft[b] = b <= split.bin;
    }
    // Stable: left rows keep their order at the front (compacted in place), right rows go to
    // the scratch buffer and are copied back after them.
    auto range = [&](std::size_t begin, std::size_t end) {
        std::size_t l = begin;
        std::uint32_t* right = partitionScratch_.data() + begin;
        std::size_t nr = 0;
        for (std::size_t i = begin; i < end; ++i) {
            const std::uint32_t r = rows[i];
            const std::size_t left = goesLeft[column[r]];
            rows[l] = r;
            right[nr] = r;
            l += left;
            nr += 1 - left;
        }
        return l - begin;
    };
    const std::size_t blocks =
        std::min<std::size_t>(pool_.size(), std::max<std::size_t>(1, count / kRowsPerThread));
    std::size_t leftCounts[64];
    std::size_t starts[65];
    for (std::size_t t = 0; t <= blocks; ++t) starts[t] = count * t / blocks;
    if (blocks == 1)
        leftCounts[0] = range(0, count);
    else
        pool_.run(blocks, [&](std::size_t t) { leftCounts[t] = range(starts[t], starts[t + 1]); });
    std::size_t at = 0;
    for (std::size_t t = 0; t < blocks; ++t) {
        if (at != starts[t])
            std::memmove(rows + at, rows + starts[t], leftCounts[t] * sizeof(std::uint32_t));
        at += leftCounts[t];
    }
    const std::size_t leftTotal = at;
    for (std::size_t t = 0; t < blocks; ++t) {
        const std::size_t nr = starts[t + 1] - starts[t] - leftCounts[t];
        std::memcpy(rows + at, partitionScratch_.data() + starts[t], nr * sizeof(std::uint32_t));
        at += nr;
    }
    return leftTotal;
}

FlatTree TreeGrower::grow(std::span<const GradientPair> gradients, std::vector<std::uint32_t>& rows,
                          std::span<const std::uint32_t> features, std::vector<LeafRows>& leaves) {
    leaves.clear();
    FlatTree tree;
    tree.valueSize = 1;
    const std::size_t n = rows.size();
    if (partitionScratch_.size() < n) partitionScratch_.resize(n);
    freeHistograms_.clear();
    for (std::size_t s = histograms_.size(); s-- > 0;) freeHistograms_.push_back(s);

    std::vector<std::size_t> nodeBegin;
    std::vector<std::size_t> nodeEnd;
    auto addNode = [&](std::size_t begin, std::size_t end, const GradientPair& sum) {
        const double value = leafValue(sum);
        nodeBegin.push_back(begin);
        nodeEnd.push_back(end);
        return tree.addNode(static_cast<double>(end - begin), 0.0,
                            std::span<const double>(&value, 1));
    };

    Candidate root;
    root.begin = 0;
    root.end = n;
    root.histogram = takeHistogram();
    buildHistogram(histogram(root.histogram), gradients, rows.data(), n, n == rows_, features);
    for (const std::uint32_t row : rows) {
        root.sum.g += gradients[row].g;
        root.sum.h += gradients[row].h;
    }
    root.node = addNode(0, n, root.sum);

    std::vector<Candidate> open;
    if (n > 0 && !features.empty() && settings_.maxLeaves > 1 && canSplit(root)) {
        findSplit(root, features);
        if (root.split.feature >= 0) open.push_back(root);
    }
    if (open.empty()) freeHistograms_.push_back(root.histogram);

    std::size_t leafCount = 1;
    std::vector<std::int32_t> levels;
    while (leafCount < settings_.maxLeaves && !open.empty()) {
        std::size_t pick = 0;
        for (std::size_t i = 1; i < open.size(); ++i)
            if (open[i].split.gain > open[pick].split.gain) pick = i;
        const Candidate c = open[pick];
        open.erase(open.begin() + static_cast<std::ptrdiff_t>(pick));
        const Split& s = c.split;

        const std::size_t mid = c.begin + partition(rows.data() + c.begin, c.rows(), s);
        Candidate l, r;
        l.begin = c.begin;
        l.end = mid;
        r.begin = mid;
        r.end = c.end;
        l.depth = r.depth = c.depth + 1;
        l.sum = s.left;
        r.sum = s.right;
        l.node = addNode(l.begin, l.end, l.sum);
        r.node = addNode(r.begin, r.end, r.sum);
        const FeatureBins::Feature& info = bins_.feature(static_cast<std::size_t>(s.feature));
        if (s.categorical) {
            levels.clear();
            for (std::size_t b = 0; b < info.binCount; ++b)
                if ((s.categoryBins[b >> 6] >> (b & 63)) & 1u)
                    levels.insert(levels.end(), info.binLevels[b].begin(), info.binLevels[b].end());
            std::sort(levels.begin(), levels.end());
            tree.setCategoricalSplit(static_cast<std::size_t>(c.node), s.feature, levels,
                                     s.missingLeft, s.gain, l.node, r.node);
        } else {
            tree.setNumericSplit(static_cast<std::size_t>(c.node), s.feature,
                                 info.upperBounds[s.bin], s.missingLeft, s.gain, l.node, r.node);
        }
        ++leafCount;

        const bool splitL = canSplit(l);
        const bool splitR = canSplit(r);
        if (leafCount >= settings_.maxLeaves || (!splitL && !splitR)) {
            if (c.histogram != kNoHistogram) freeHistograms_.push_back(c.histogram);
            continue;
        }
        if (c.histogram != kNoHistogram) {
            // The smaller child's histogram from its rows, the larger one's by subtraction.
            Candidate& small = l.rows() <= r.rows() ? l : r;
            Candidate& large = l.rows() <= r.rows() ? r : l;
            small.histogram = takeHistogram();
            large.histogram = c.histogram;
            GradientPair* hs = histogram(small.histogram);
            GradientPair* hl = histogram(large.histogram);
            buildHistogram(hs, gradients, rows.data() + small.begin, small.rows(), false, features);
            for (std::size_t i = 0; i < histogramSize_; ++i) {
                hl[i].g -= hs[i].g;
                hl[i].h -= hs[i].h;
            }
        } else {
            for (Candidate* child : {&l, &r}) {
                child->histogram = takeHistogram();
                buildHistogram(histogram(child->histogram), gradients, rows.data() + child->begin,
                               child->rows(), false, features);
            }
        }
        for (Candidate* child : {&l, &r}) {
            if (child == &l ? splitL : splitR) findSplit(*child, features);
            if (child->split.feature < 0) {
                freeHistograms_.push_back(child->histogram);
                continue;
            }
            // Over the memory budget the histogram is dropped and rebuilt if the node is split.
            if (histograms_.size() - freeHistograms_.size() > maxHeldHistograms_) {
                freeHistograms_.push_back(child->histogram);
                child->histogram = kNoHistogram;
            }
            open.push_back(*child);
        }
    }

    for (std::size_t node = 0; node < tree.nodeCount(); ++node)
        if (tree.isLeaf(node))
            leaves.push_back({static_cast<std::int32_t>(node), nodeBegin[node], nodeEnd[node]});
    return tree;
}

// ---------------------------------------------------------------------------------------------
// CompiledTrees

CompiledTrees::CompiledTrees(std::span<const FlatTree> trees, const FeatureSchema& schema) {
    for (const FlatTree& t : trees) {
        roots_.push_back(nodes_.size());
        const std::uint32_t bitsBase = static_cast<std::uint32_t>(categoryBits_.size());
        categoryBits_.insert(categoryBits_.end(), t.categoryBits.begin(), t.categoryBits.end());
        for (std::size_t n = 0; n < t.nodeCount(); ++n) {
            Node node{};
            node.feature = t.feature[n];
            node.left = t.left[n];
            node.right = t.right[n];
            node.missingLeft = t.missingGoesLeft[n] != 0;
            if (node.feature < 0) {
                node.threshold = t.value[n * t.valueSize];
            } else {
                node.categorical =
                    schema.features[static_cast<std::size_t>(node.feature)].isCategorical();
                node.threshold = t.threshold[n];
                node.categoryOffset = bitsBase + t.categoryOffset[n];
                node.categoryWords = t.categoryWords[n];
            }
            nodes_.push_back(node);
        }
    }
}

template <class RowAt>
void CompiledTrees::addImpl(std::size_t tree, const FeatureMatrix& x, std::size_t count,
                            RowAt rowAt, double* out, std::size_t stride,
                            std::size_t column) const {
    const Node* base = nodes_.data() + roots_[tree];
    const std::uint64_t* bits = categoryBits_.data();
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t r = rowAt(i);
        const Node* node = base;
        while (node->feature >= 0) {
            const std::size_t f = static_cast<std::size_t>(node->feature);
            bool left;
            if (node->categorical) {
                const std::int32_t c = x.codes(f)[r];
                if (c < 0) {
                    left = node->missingLeft;
                } else {
                    const std::uint32_t word = static_cast<std::uint32_t>(c) >> 6;
                    left = word < node->categoryWords &&
                           ((bits[node->categoryOffset + word] >> (c & 63)) & 1u);
                }
            } else {
                const double v = x.values(f)[r];
                left = v <= node->threshold || (std::isnan(v) && node->missingLeft);
            }
            node = base + (left ? node->left : node->right);
        }
        out[r * stride + column] += node->threshold;
    }
}

void CompiledTrees::add(std::size_t tree, const FeatureMatrix& x, std::size_t begin,
                        std::size_t end, double* out, std::size_t stride,
                        std::size_t column) const {
    addImpl(
        tree, x, end - begin, [begin](std::size_t i) { return begin + i; }, out, stride, column);
}

void CompiledTrees::addRows(std::size_t tree, const FeatureMatrix& x,
                            std::span<const std::uint32_t> rows, double* out, std::size_t stride,
                            std::size_t column) const {
    addImpl(
        tree, x, rows.size(), [rows](std::size_t i) { return static_cast<std::size_t>(rows[i]); },
        out, stride, column);
}

}  // namespace glassbox
