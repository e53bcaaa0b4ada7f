#include "engine/cart_builder.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <set>
#include <utility>

#include "engine/parallel_for.h"
#include "engine/random.h"

namespace glassbox {
namespace {

constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
// Histogram slots kept for subtraction (one per level of large nodes on the current path);
// deeper large nodes build their histograms from their rows.
constexpr std::size_t kMaxSlots = 48;
// Multiclass categorical splits search every subset up to this many categories in a node.
constexpr std::size_t kMaxExhaustiveCategories = 8;
// Histograms of nodes with at least this many rows are built feature-parallel.
constexpr std::size_t kParallelRows = std::size_t{1} << 16;

using BinSet = std::array<std::uint64_t, 4>;

bool inSet(const BinSet& set, unsigned bin) {
    return (set[bin >> 6] >> (bin & 63)) & 1u;
}
void addToSet(BinSet& set, unsigned bin) {
    set[bin >> 6] |= std::uint64_t{1} << (bin & 63);
}

double xLogX(double x) {
    return x > 0 ? x * std::log(x) : 0.0;
}

struct BestSplit {
    double proxy = -std::numeric_limits<double>::infinity();
    std::int32_t feature = -1;
    bool categorical = false;
    bool missingLeft = false;
    bool nodeHasMissing = false;
    unsigned lastLeftBin = 0;  // numeric: the last non-empty bin going left
    unsigned nextBin = 0;      // numeric: the first non-empty bin going right, or binCount
    BinSet leftBins{};         // categorical: non-empty bins going left
    BinSet presentBins{};      // categorical: non-empty bins
};

class Grower {
  public:
    Grower(const FeatureBins& bins, std::span<const std::int32_t> labels,
           std::span<const double> targets, const CartSample& sample, const CartSettings& settings,
           std::uint64_t seed, std::uint64_t stream, unsigned threads, const CartProgress& progress)
        : bins_(bins),
          settings_(settings),
          progress_(progress),
          threads_(std::max(threads, 1u)),
          random_(seed, stream),
          classification_(settings.classCount > 0),
          classes_(settings.classCount),
          stride_(classification_ ? settings.classCount + 1 : 3),
          totalsSize_(classification_ ? settings.classCount + 1 : 4) {
        const std::size_t features = bins.featureCount();
        std::size_t widest = 1;
        for (std::size_t f = 0; f < features; ++f) {
            binCount_.push_back(static_cast<unsigned>(bins.feature(f).binCount));
            histOffset_.push_back(histSize_);
            histSize_ += (bins.feature(f).binCount + 1) * stride_;
            widest = std::max(widest, bins.feature(f).binCount + 1);
        }
        scratch_.assign(widest * stride_, 0.0);
        featureOrder_.resize(features);
        for (std::size_t f = 0; f < features; ++f) featureOrder_[f] = static_cast<std::int32_t>(f);
        drawn_ = settings.maxFeatures == 0 ? features : std::min(settings.maxFeatures, features);
        // Subtraction needs every feature's histogram; with few features drawn per split,
        // building just those from the node's rows is cheaper.
        subtraction_ = drawn_ * 2 >= features;
        subtractMin_ = std::max<std::size_t>(1024, 4 * widest * stride_);

        const std::size_t n = sample.rows.size();
        rowCount_ = n;
        weights_ = sample.weights;
        if (classification_) {
            nodeLabels_.resize(n);
            for (std::size_t i = 0; i < n; ++i) nodeLabels_[i] = labels[sample.rows[i]];
            spareLabels_.resize(n);
        } else {
            nodeTargets_.resize(n);
            for (std::size_t i = 0; i < n; ++i) nodeTargets_[i] = targets[sample.rows[i]];
            spareTargets_.resize(n);
        }
        // Each row's bins side by side (padded to whole words), moved with the row when nodes
        // are partitioned: a node's rows are one contiguous block, read in order.
        words_ = (features + 7) / 8;
        pitch_ = words_ * 8;
        nodeBins_.assign(n * words_, 0);
        spareBins_.resize(n * words_);
        auto* bytes = reinterpret_cast<std::uint8_t*>(nodeBins_.data());
        for (std::size_t f = 0; f < features; ++f) {
            const std::uint8_t* column = bins.column(f).data();
            for (std::size_t i = 0; i < n; ++i) bytes[i * pitch_ + f] = column[sample.rows[i]];
        }
        spareWeights_.resize(n);
        left_.resize(stride_);
        right_.resize(stride_);
        shifted_.resize(stride_);
        nodeTotals_.resize(totalsSize_);
        leftTotals_.resize(totalsSize_);
        rightTotals_.resize(totalsSize_);
        value_.resize(classification_ ? classes_ : 1);
        tree_.valueSize = value_.size();
    }

    FlatTree grow() {
        const std::size_t n = rowCount_;
        total_ = static_cast<double>(n);
        std::fill(nodeTotals_.begin(), nodeTotals_.end(), 0.0);
        for (std::size_t i = 0; i < n; ++i) addRow(nodeTotals_.data(), i);
        rootWeight_ = weightOf(nodeTotals_.data());
        tree_.addNode(rootWeight_, impurityOf(nodeTotals_.data()), valueOf(nodeTotals_.data()));
        Entry root{0, 0, static_cast<std::uint32_t>(n), 0, -1};
        if (subtraction_ && n >= subtractMin_) {
            root.slot = 0;
            buildAll(slot(0), 0, n);
        }
        push(root, nodeTotals_.data());
        while (!stack_.empty()) {
            const Entry e = stack_.back();
            std::copy_n(pool_.end() - static_cast<std::ptrdiff_t>(totalsSize_), totalsSize_,
                        nodeTotals_.begin());
            stack_.pop_back();
            pool_.resize(stack_.size() * totalsSize_);
            if (!split(e)) settle(e.end - e.begin);
        }
        return std::move(tree_);
    }

  private:
    struct Entry {
        std::int32_t node;
        std::uint32_t begin;
        std::uint32_t end;
        std::uint32_t depth;
        std::int32_t slot;  // histogram slot, -1 when the node has none
    };

    // --- statistics: classification [weight of each class..., count]; regression
    // [weight, weighted target sum, count] (+ weighted square sum in node totals).
    double weightOf(const double* s) const {
        if (!classification_) return s[0];
        double w = 0;
        for (std::size_t k = 0; k < classes_; ++k) w += s[k];
        return w;
    }
    double countOf(const double* s) const { return s[stride_ - 1]; }

    double impurityOf(const double* t) const {
        const double w = weightOf(t);
        if (!(w > 0)) return 0.0;
        if (!classification_) {
            const double mean = t[1] / w;
            return std::max(0.0, t[3] / w - mean * mean);
        }
        double impurity = 0;
        if (settings_.criterion == CartCriterion::Entropy) {
            for (std::size_t k = 0; k < classes_; ++k) {
                const double p = t[k] / w;
                if (p > 0) impurity -= p * std::log2(p);
            }
            return std::max(0.0, impurity);
        }
        double squares = 0;
        for (std::size_t k = 0; k < classes_; ++k) squares += (t[k] / w) * (t[k] / w);
        return std::max(0.0, 1.0 - squares);
    }

    std::span<const double> valueOf(const double* t) {
        const double w = weightOf(t);
        if (!classification_) {
            value_[0] = w > 0 ? t[1] / w : 0.0;
        } else {
            for (std::size_t k = 0; k < classes_; ++k) value_[k] = w > 0 ? t[k] / w : 0.0;
        }
        return value_;
    }

    // What the best split maximizes: minus the children's weighted impurity, up to terms that
    // do not depend on the split (scikit-learn's proxy improvement).
    double proxyOf(const double* l, const double* r, double wl, double wr) const {
        if (!classification_) return l[1] * l[1] / wl + r[1] * r[1] / wr;
        if (settings_.criterion == CartCriterion::Entropy) {
            double p = -xLogX(wl) - xLogX(wr);
            for (std::size_t k = 0; k < classes_; ++k) p += xLogX(l[k]) + xLogX(r[k]);
            return p;
        }
        double sl = 0, sr = 0;
        for (std::size_t k = 0; k < classes_; ++k) {
            sl += l[k] * l[k];
            sr += r[k] * r[k];
        }
        return sl / wl + sr / wr;
    }

    void addRow(double* t, std::size_t i) const {
        const double w = weights_[i];
        if (classification_) {
            t[nodeLabels_[i]] += w;
            t[classes_] += 1.0;
        } else {
            const double y = nodeTargets_[i];
            t[0] += w;
            t[1] += w * y;
            t[2] += 1.0;
            t[3] += w * y * y;
        }
    }

    // --- histograms

    const std::uint8_t* binBytes() const {
        return reinterpret_cast<const std::uint8_t*>(nodeBins_.data());
    }

    double* slot(std::size_t index) {
        if (slots_.size() <= index) slots_.resize(index + 1);
        if (slots_[index].size() != histSize_) slots_[index].assign(histSize_, 0.0);
        return slots_[index].data();
    }

    // Adds rows [begin, end) of the node order to feature f's histogram h. With `marks`,
    // marks the bins that get rows.
    template <bool kClassification, bool kMark>
    void accumulate(double* h, std::size_t f, std::size_t begin, std::size_t end,
                    BinSet* marks) const {
        const std::uint8_t* column = binBytes() + f;
        const std::size_t pitch = pitch_;
        const unsigned cap = binCount_[f];
        const double* weights = weights_.data();
        const std::size_t s = stride_;
        for (std::size_t i = begin; i < end; ++i) {
            const unsigned bin = std::min<unsigned>(column[i * pitch], cap);
            double* c = h + bin * s;
            if constexpr (kMark) addToSet(*marks, bin);
            const double w = weights[i];
            if constexpr (kClassification) {
                c[nodeLabels_[i]] += w;
                c[s - 1] += 1.0;
            } else {
                c[0] += w;
                c[1] += w * nodeTargets_[i];
                c[2] += 1.0;
            }
        }
    }

    void accumulateDense(double* h, std::size_t f, std::size_t begin, std::size_t end) const {
        if (classification_)
            accumulate<true, false>(h, f, begin, end, nullptr);
        else
            accumulate<false, false>(h, f, begin, end, nullptr);
    }

    // Every feature's histogram of rows [begin, end) into H.
    void buildAll(double* H, std::size_t begin, std::size_t end) {
        std::fill(H, H + histSize_, 0.0);
        const std::size_t features = binCount_.size();
        if (threads_ > 1 && end - begin >= kParallelRows) {
            parallelFor(features, threads_, [&](std::size_t f, bool) {
                accumulateDense(H + histOffset_[f], f, begin, end);
                return true;
            });
        } else {
            // Row by row: each row's bins are read once, every feature's histogram in cache.
            if (classification_)
                accumulateRows<true>(H, begin, end);
            else
                accumulateRows<false>(H, begin, end);
        }
    }

    template <bool kClassification>
    void accumulateRows(double* H, std::size_t begin, std::size_t end) const {
        const std::uint8_t* bytes = binBytes();
        const std::size_t features = binCount_.size();
        const unsigned* caps = binCount_.data();
        const std::size_t* offsets = histOffset_.data();
        const std::size_t s = stride_;
        for (std::size_t i = begin; i < end; ++i) {
            const std::uint8_t* rowBins = bytes + i * pitch_;
            const double w = weights_[i];
            if constexpr (kClassification) {
                const std::size_t label = static_cast<std::size_t>(nodeLabels_[i]);
                for (std::size_t f = 0; f < features; ++f) {
                    double* c = H + offsets[f] + std::min<unsigned>(rowBins[f], caps[f]) * s;
                    c[label] += w;
                    c[s - 1] += 1.0;
                }
            } else {
                const double wy = w * nodeTargets_[i];
                for (std::size_t f = 0; f < features; ++f) {
                    double* c = H + offsets[f] + std::min<unsigned>(rowBins[f], caps[f]) * s;
                    c[0] += w;
                    c[1] += wy;
                    c[2] += 1.0;
                }
            }
        }
    }

    // --- split search

    bool tryCandidate(const double* left, BestSplit& best) {
        double* right = right_.data();
        for (std::size_t s = 0; s < stride_; ++s) right[s] = nodeTotals_[s] - left[s];
        const double minLeaf = static_cast<double>(settings_.minSamplesLeaf);
        if (countOf(left) < minLeaf || countOf(right) < minLeaf) return false;
        const double wl = weightOf(left);
        const double wr = weightOf(right);
        if (!(wl > 0) || !(wr > 0)) return false;
        const double proxy = proxyOf(left, right, wl, wr);
        if (!(proxy > best.proxy)) return false;
        best.proxy = proxy;
        return true;
    }

    // Candidate `left` plus the missing rows `m`.
    bool tryWithMissing(const double* left, const double* m, BestSplit& best) {
        for (std::size_t s = 0; s < stride_; ++s) shifted_[s] = left[s] + m[s];
        return tryCandidate(shifted_.data(), best);
    }

    void addStats(double* to, const double* from, double sign = 1.0) const {
        for (std::size_t s = 0; s < stride_; ++s) to[s] += sign * from[s];
    }

    void scanNumeric(std::size_t f, const double* h, const double* m, bool hasMissing,
                     BestSplit& best) {
        std::fill(left_.begin(), left_.end(), 0.0);
        const std::size_t count = present_.size();
        for (std::size_t i = 0; i < count; ++i) {
            const unsigned bin = present_[i];
            addStats(left_.data(), h + bin * stride_);
            const unsigned next = i + 1 < count ? present_[i + 1] : binCount_[f];
            auto record = [&](bool missingLeft) {
                best.feature = static_cast<std::int32_t>(f);
                best.categorical = false;
                best.missingLeft = missingLeft;
                best.nodeHasMissing = hasMissing;
                best.lastLeftBin = bin;
                best.nextBin = next;
            };
            if ((i + 1 < count || hasMissing) && tryCandidate(left_.data(), best)) record(false);
            if (hasMissing && i + 1 < count && tryWithMissing(left_.data(), m, best)) record(true);
        }
    }

    void recordCategorical(std::size_t f, const BinSet& leftBins, bool missingLeft, bool hasMissing,
                           BestSplit& best) const {
        best.feature = static_cast<std::int32_t>(f);
        best.categorical = true;
        best.missingLeft = missingLeft;
        best.nodeHasMissing = hasMissing;
        best.leftBins = leftBins;
        best.presentBins = {};
        for (unsigned bin : present_) addToSet(best.presentBins, bin);
    }

    void scanCategorical(std::size_t f, const double* h, const double* m, bool hasMissing,
                         BestSplit& best) {
        const std::size_t count = present_.size();
        const bool multiclass = classification_ && classes_ > 2;
        if (multiclass && count <= kMaxExhaustiveCategories) {
            // Every subset, in Gray code order: one category enters or leaves per step.
            std::fill(left_.begin(), left_.end(), 0.0);
            const unsigned full = (1u << count) - 1;
            for (unsigned i = 1; i <= full; ++i) {
                const unsigned bit = static_cast<unsigned>(std::countr_zero(i));
                const unsigned gray = i ^ (i >> 1);
                addStats(left_.data(), h + present_[bit] * stride_,
                         ((gray >> bit) & 1u) ? 1.0 : -1.0);
                auto record = [&](bool missingLeft) {
                    BinSet set{};
                    for (std::size_t j = 0; j < count; ++j)
                        if ((gray >> j) & 1u) addToSet(set, present_[j]);
                    recordCategorical(f, set, missingLeft, hasMissing, best);
                };
                if ((gray != full || hasMissing) && tryCandidate(left_.data(), best)) record(false);
                if (hasMissing && gray != full && tryWithMissing(left_.data(), m, best))
                    record(true);
            }
            return;
        }
        // Categories ordered by the positive fraction / mean target (optimal for two classes
        // and regression); multiclass takes the best of the orders by each class's fraction.
        const std::size_t orders = multiclass ? classes_ : 1;
        for (std::size_t o = 0; o < orders; ++o) {
            keyed_.clear();
            for (unsigned bin : present_) {
                const double* c = h + bin * stride_;
                const double w = classification_ ? weightOf(c) : c[0];
                const double top = classification_ ? c[multiclass ? o : 1] : c[1];
                keyed_.emplace_back(w > 0 ? top / w : 0.0, bin);
            }
            std::sort(keyed_.begin(), keyed_.end());
            std::fill(left_.begin(), left_.end(), 0.0);
            for (std::size_t j = 0; j < count; ++j) {
                addStats(left_.data(), h + keyed_[j].second * stride_);
                auto record = [&](bool missingLeft) {
                    BinSet set{};
                    for (std::size_t i = 0; i <= j; ++i) addToSet(set, keyed_[i].second);
                    recordCategorical(f, set, missingLeft, hasMissing, best);
                };
                if ((j + 1 < count || hasMissing) && tryCandidate(left_.data(), best))
                    record(false);
                if (hasMissing && j + 1 < count && tryWithMissing(left_.data(), m, best))
                    record(true);
            }
        }
    }

    // Searches feature f; false when it is constant in the node.
    bool evaluateFeature(std::size_t f, const Entry& e, const double* H, BestSplit& best) {
        const unsigned bins = binCount_[f];
        const double* h;
        present_.clear();
        if (H) {
            h = H + histOffset_[f];
            for (unsigned b = 0; b < bins; ++b)
                if (h[b * stride_ + stride_ - 1] > 0) present_.push_back(b);
        } else {
            double* scratch = scratch_.data();
            const std::size_t n = e.end - e.begin;
            if (n > bins) {
                accumulateDense(scratch, f, e.begin, e.end);
                for (unsigned b = 0; b < bins; ++b)
                    if (scratch[b * stride_ + stride_ - 1] > 0) present_.push_back(b);
            } else {
                // Few rows: list the bins they fill rather than scanning every bin.
                BinSet marks{};
                if (classification_)
                    accumulate<true, true>(scratch, f, e.begin, e.end, &marks);
                else
                    accumulate<false, true>(scratch, f, e.begin, e.end, &marks);
                for (unsigned word = 0; word < marks.size(); ++word)
                    for (std::uint64_t bits = marks[word]; bits != 0; bits &= bits - 1) {
                        const unsigned b =
                            word * 64 + static_cast<unsigned>(std::countr_zero(bits));
                        if (b < bins) present_.push_back(b);
                    }
            }
            h = scratch;
        }
        const double* m = h + bins * stride_;
        const bool hasMissing = m[stride_ - 1] > 0;
        const bool varies = present_.size() + (hasMissing ? 1 : 0) >= 2;
        if (varies) {
            if (bins_.feature(f).categorical)
                scanCategorical(f, h, m, hasMissing, best);
            else
                scanNumeric(f, h, m, hasMissing, best);
        }
        if (!H) {
            for (unsigned b : present_) std::fill_n(scratch_.data() + b * stride_, stride_, 0.0);
            std::fill_n(scratch_.data() + bins * stride_, stride_, 0.0);
        }
        return varies;
    }

    BestSplit findSplit(const Entry& e) {
        BestSplit best;
        const double* H = e.slot >= 0 ? slots_[e.slot].data() : nullptr;
        const std::size_t features = featureOrder_.size();
        if (drawn_ >= features) {
            for (std::size_t f = 0; f < features; ++f) evaluateFeature(f, e, H, best);
            return best;
        }
        // As scikit-learn: draw features without replacement until `drawn_` were looked at
        // and at least one of them was not constant.
        std::size_t visited = 0, varying = 0;
        for (std::size_t i = 0; i < features && (visited < drawn_ || varying == 0); ++i) {
            const std::size_t j = i + random_.index(features - i);
            std::swap(featureOrder_[i], featureOrder_[j]);
            ++visited;
            if (evaluateFeature(static_cast<std::size_t>(featureOrder_[i]), e, H, best)) ++varying;
        }
        return best;
    }

    // --- growing

    // Stable partition of the node's rows by goLeft[bin]; fills the children's totals.
    std::size_t partition(const Entry& e, std::size_t f,
                          const std::array<std::uint8_t, 256>& goLeft) {
        std::fill(leftTotals_.begin(), leftTotals_.end(), 0.0);
        std::fill(rightTotals_.begin(), rightTotals_.end(), 0.0);
        const std::uint8_t* column = binBytes() + f;
        std::uint64_t* bins = nodeBins_.data();
        std::uint64_t* spare = spareBins_.data();
        const std::size_t words = words_;
        std::size_t nl = e.begin, nr = 0;
        for (std::size_t i = e.begin; i < e.end; ++i) {
            if (goLeft[column[i * pitch_]]) {
                addRow(leftTotals_.data(), i);
                for (std::size_t k = 0; k < words; ++k) bins[nl * words + k] = bins[i * words + k];
                weights_[nl] = weights_[i];
                if (classification_)
                    nodeLabels_[nl] = nodeLabels_[i];
                else
                    nodeTargets_[nl] = nodeTargets_[i];
                ++nl;
            } else {
                addRow(rightTotals_.data(), i);
                for (std::size_t k = 0; k < words; ++k) spare[nr * words + k] = bins[i * words + k];
                spareWeights_[nr] = weights_[i];
                if (classification_)
                    spareLabels_[nr] = nodeLabels_[i];
                else
                    spareTargets_[nr] = nodeTargets_[i];
                ++nr;
            }
        }
        std::copy_n(spare, nr * words, bins + nl * words);
        std::copy_n(spareWeights_.begin(), nr, weights_.begin() + static_cast<std::ptrdiff_t>(nl));
        if (classification_)
            std::copy_n(spareLabels_.begin(), nr,
                        nodeLabels_.begin() + static_cast<std::ptrdiff_t>(nl));
        else
            std::copy_n(spareTargets_.begin(), nr,
                        nodeTargets_.begin() + static_cast<std::ptrdiff_t>(nl));
        return nl - e.begin;
    }

    // Splits node e when the rules allow and a split is found; false leaves it a leaf.
    bool split(const Entry& e) {
        const std::size_t n = e.end - e.begin;
        const double impurity = tree_.impurity[e.node];
        if (e.depth >= settings_.maxDepth || n < settings_.minSamplesSplit ||
            n < 2 * settings_.minSamplesLeaf || impurity <= kEpsilon)
            return false;
        const BestSplit best = findSplit(e);
        if (best.feature < 0) return false;

        const auto f = static_cast<std::size_t>(best.feature);
        const unsigned bins = binCount_[f];
        std::array<std::uint8_t, 256> goLeft{};
        unsigned thresholdBin = 0;
        if (best.categorical) {
            for (unsigned b = 0; b < bins; ++b)
                goLeft[b] = inSet(best.presentBins, b) ? inSet(best.leftBins, b) : best.missingLeft;
        } else {
            // Between the last bin going left and the next non-empty one, the middle bound (as
            // CART's midpoint between neighbouring values).
            thresholdBin = best.nextBin >= bins
                               ? bins - 1
                               : best.lastLeftBin + (best.nextBin - 1 - best.lastLeftBin) / 2;
            for (unsigned b = 0; b < bins; ++b) goLeft[b] = b <= thresholdBin;
        }
        goLeft[FeatureBins::kMissingBin] = best.missingLeft;
        const std::size_t nl = partition(e, f, goLeft);
        if (nl == 0 || nl == n) return false;

        const double w = weightOf(nodeTotals_.data());
        const double wl = weightOf(leftTotals_.data());
        const double wr = weightOf(rightTotals_.data());
        const double impurityLeft = impurityOf(leftTotals_.data());
        const double impurityRight = impurityOf(rightTotals_.data());
        const double gain = w * impurity - wl * impurityLeft - wr * impurityRight;
        if (gain / rootWeight_ + kEpsilon < settings_.minImpurityDecrease) return false;
        // With no missing rows in the node, missing values (and categories the node did not
        // see) go with the heavier child.
        const bool missingLeft = best.nodeHasMissing ? best.missingLeft : wl >= wr;

        const std::int32_t l = tree_.addNode(wl, impurityLeft, valueOf(leftTotals_.data()));
        const std::int32_t r = tree_.addNode(wr, impurityRight, valueOf(rightTotals_.data()));
        const FeatureBins::Feature& feature = bins_.feature(f);
        if (best.categorical) {
            leftLevels_.clear();
            for (unsigned b = 0; b < bins; ++b) {
                const bool toLeft =
                    inSet(best.presentBins, b) ? inSet(best.leftBins, b) : missingLeft;
                if (toLeft)
                    leftLevels_.insert(leftLevels_.end(), feature.binLevels[b].begin(),
                                       feature.binLevels[b].end());
            }
            tree_.setCategoricalSplit(e.node, best.feature, leftLevels_, missingLeft,
                                      std::max(gain, 0.0), l, r);
        } else {
            const double threshold = thresholdBin + 1 >= bins ? std::numeric_limits<double>::max()
                                                              : feature.upperBounds[thresholdBin];
            tree_.setNumericSplit(e.node, best.feature, threshold, missingLeft, std::max(gain, 0.0),
                                  l, r);
        }

        const auto mid = static_cast<std::uint32_t>(e.begin + nl);
        Entry leftChild{l, e.begin, mid, e.depth + 1, -1};
        Entry rightChild{r, mid, e.end, e.depth + 1, -1};
        const bool leftSmaller = nl <= n - nl;
        if (e.slot >= 0 && n >= subtractMin_ && static_cast<std::size_t>(e.slot) + 1 < kMaxSlots) {
            // The smaller child's histograms from its rows, the larger one's by subtraction
            // from the parent's (in place).
            Entry& smaller = leftSmaller ? leftChild : rightChild;
            Entry& larger = leftSmaller ? rightChild : leftChild;
            double* parent = slots_[e.slot].data();
            double* child = slot(static_cast<std::size_t>(e.slot) + 1);
            buildAll(child, smaller.begin, smaller.end);
            for (std::size_t i = 0; i < histSize_; ++i) parent[i] -= child[i];
            larger.slot = e.slot;
            smaller.slot = e.slot + 1;
        }
        // The smaller child first: its subtree's slots are free again when the larger one's
        // turn comes.
        if (leftSmaller) {
            push(rightChild, rightTotals_.data());
            push(leftChild, leftTotals_.data());
        } else {
            push(leftChild, leftTotals_.data());
            push(rightChild, rightTotals_.data());
        }
        return true;
    }

    void push(const Entry& e, const double* totals) {
        stack_.push_back(e);
        pool_.insert(pool_.end(), totals, totals + totalsSize_);
    }

    void settle(std::size_t rows) {
        settled_ += static_cast<double>(rows);
        ++nodesSinceReport_;
        if (progress_ && (settled_ - reported_ >= total_ / 64 || nodesSinceReport_ >= 4096)) {
            reported_ = settled_;
            nodesSinceReport_ = 0;
            progress_(settled_ / total_);
        }
    }

    const FeatureBins& bins_;
    const CartSettings& settings_;
    const CartProgress& progress_;
    unsigned threads_;
    Random random_;
    bool classification_;
    std::size_t classes_;
    std::size_t stride_;
    std::size_t totalsSize_;

    std::vector<unsigned> binCount_;
    std::vector<std::size_t> histOffset_;
    std::size_t histSize_ = 0;
    std::size_t drawn_ = 0;
    bool subtraction_ = false;
    std::size_t subtractMin_ = 0;

    // The sample's rows in node order (each node owns a contiguous range), with their weights
    // and labels or targets; the spare arrays take the right side while partitioning.
    std::size_t rowCount_ = 0;
    std::size_t words_ = 0;  // 8-byte words per row of nodeBins_
    std::size_t pitch_ = 0;  // bytes per row of nodeBins_
    std::vector<std::uint64_t> nodeBins_, spareBins_;
    std::vector<double> weights_, spareWeights_;
    std::vector<std::int32_t> nodeLabels_, spareLabels_;
    std::vector<double> nodeTargets_, spareTargets_;

    std::vector<std::vector<double>> slots_;
    std::vector<double> scratch_;  // one feature's histogram, all zero between uses
    std::vector<unsigned> present_;
    std::vector<std::pair<double, unsigned>> keyed_;
    std::vector<std::int32_t> featureOrder_;
    std::vector<double> left_, right_, shifted_;
    std::vector<double> nodeTotals_, leftTotals_, rightTotals_, value_;
    std::vector<std::int32_t> leftLevels_;
    std::vector<Entry> stack_;
    std::vector<double> pool_;  // totals of the stack's entries

    FlatTree tree_;
    double rootWeight_ = 0;
    double total_ = 0;
    double settled_ = 0;
    double reported_ = 0;
    std::size_t nodesSinceReport_ = 0;
};

}  // namespace

FlatTree growCart(const FeatureBins& bins, std::span<const std::int32_t> labels,
                  std::span<const double> targets, const CartSample& sample,
                  const CartSettings& settings, std::uint64_t seed, std::uint64_t stream,
                  unsigned threads, const CartProgress& progress) {
    Grower grower(bins, labels, targets, sample, settings, seed, stream, threads, progress);
    FlatTree tree = grower.grow();
    if (settings.ccpAlpha > 0) tree = pruneCostComplexity(tree, settings.ccpAlpha);
    return tree;
}

FlatTree pruneCostComplexity(const FlatTree& tree, double alpha) {
    const std::size_t n = tree.nodeCount();
    if (n <= 1 || !(alpha > 0)) return tree;
    const double total = tree.samples[0];
    std::vector<double> ownRisk(n), branchRisk(n);
    std::vector<double> leaves(n);
    std::vector<std::int32_t> parent(n, -1);
    for (std::size_t i = n; i-- > 0;) {
        ownRisk[i] = tree.samples[i] * tree.impurity[i] / total;
        if (tree.isLeaf(i)) {
            branchRisk[i] = ownRisk[i];
            leaves[i] = 1;
        } else {
            const auto l = static_cast<std::size_t>(tree.left[i]);
            const auto r = static_cast<std::size_t>(tree.right[i]);
            parent[l] = parent[r] = static_cast<std::int32_t>(i);
            branchRisk[i] = branchRisk[l] + branchRisk[r];
            leaves[i] = leaves[l] + leaves[r];
        }
    }
    auto effectiveAlpha = [&](std::size_t i) {
        return (ownRisk[i] - branchRisk[i]) / (leaves[i] - 1);
    };
    // Internal nodes of the pruned tree by effective alpha, the first node on ties (as
    // scikit-learn's scan).
    std::set<std::pair<double, std::size_t>> candidates;
    std::vector<double> keyOf(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        if (!tree.isLeaf(i)) candidates.emplace(keyOf[i] = effectiveAlpha(i), i);
    std::vector<std::uint8_t> removed(n, 0), pruned(n, 0);
    std::vector<std::size_t> walk;
    while (!candidates.empty()) {
        const auto [weakest, node] = *candidates.begin();
        if (alpha < weakest) break;
        pruned[node] = 1;
        candidates.erase(candidates.begin());
        walk.assign({static_cast<std::size_t>(tree.left[node]),
                     static_cast<std::size_t>(tree.right[node])});
        while (!walk.empty()) {
            const std::size_t i = walk.back();
            walk.pop_back();
            if (removed[i]) continue;
            removed[i] = 1;
            if (!tree.isLeaf(i) && !pruned[i]) {
                candidates.erase({keyOf[i], i});
                walk.push_back(static_cast<std::size_t>(tree.left[i]));
                walk.push_back(static_cast<std::size_t>(tree.right[i]));
            }
        }
        const double prunedLeaves = leaves[node] - 1;
        const double riskIncrease = ownRisk[node] - branchRisk[node];
        leaves[node] = 1;
        branchRisk[node] = ownRisk[node];
        for (std::int32_t a = parent[node]; a >= 0; a = parent[a]) {
            candidates.erase({keyOf[a], static_cast<std::size_t>(a)});
            leaves[a] -= prunedLeaves;
            branchRisk[a] += riskIncrease;
            candidates.emplace(keyOf[a] = effectiveAlpha(static_cast<std::size_t>(a)),
                               static_cast<std::size_t>(a));
        }
    }

    // The kept nodes, in their order (children still after parents).
    FlatTree out;
    out.valueSize = tree.valueSize;
    std::vector<std::int32_t> newIndex(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        if (removed[i]) continue;
        newIndex[i] = out.addNode(tree.samples[i], tree.impurity[i], tree.valueOf(i));
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (removed[i] || pruned[i] || tree.isLeaf(i)) continue;
        const auto j = static_cast<std::size_t>(newIndex[i]);
        out.feature[j] = tree.feature[i];
        out.threshold[j] = tree.threshold[i];
        out.missingGoesLeft[j] = tree.missingGoesLeft[i];
        out.gain[j] = tree.gain[i];
        out.left[j] = newIndex[tree.left[i]];
        out.right[j] = newIndex[tree.right[i]];
        if (tree.categoryWords[i] > 0) {
            out.categoryOffset[j] = static_cast<std::uint32_t>(out.categoryBits.size());
            out.categoryWords[j] = tree.categoryWords[i];
            const auto begin = tree.categoryBits.begin() + tree.categoryOffset[i];
            out.categoryBits.insert(out.categoryBits.end(), begin, begin + tree.categoryWords[i]);
        }
    }
    return out;
}

}  // namespace glassbox
