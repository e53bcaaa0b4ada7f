#include "engine/linear_design.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/errors.h"
#include "engine/parallel_for.h"

namespace glassbox {
namespace {

constexpr std::size_t kBlockRows = 4096;
constexpr std::size_t kMaxBlocks = 16;
constexpr std::size_t kBlockBudget = std::size_t{1} << 22;  // doubles of per-block sums

// Row blocks for sums: fixed by the row count and the size of each block's sums only.
std::size_t blockCount(std::size_t rows, std::size_t sumsSize) {
    std::size_t blocks = std::min(kMaxBlocks, (rows + kBlockRows - 1) / kBlockRows);
    blocks = std::min(blocks,
                      std::max<std::size_t>(1, kBlockBudget / std::max<std::size_t>(1, sumsSize)));
    return std::max<std::size_t>(1, blocks);
}

std::pair<std::size_t, std::size_t> blockRange(std::size_t block, std::size_t blocks,
                                               std::size_t rows) {
    return {rows * block / blocks, rows * (block + 1) / blocks};
}

// Σ x[j]·w[j] in a fixed order with four partial sums.
inline double dotRow(const double* x, const double* w, std::size_t n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    std::size_t j = 0;
    for (; j + 4 <= n; j += 4) {
        s0 += x[j] * w[j];
        s1 += x[j + 1] * w[j + 1];
        s2 += x[j + 2] * w[j + 2];
        s3 += x[j + 3] * w[j + 3];
    }
    for (; j < n; ++j) s0 += x[j] * w[j];
    return (s0 + s1) + (s2 + s3);
}

// Σ w[index[f]] in a fixed order with four partial sums (independent add chains).
inline double lookupSum(const std::uint32_t* index, const double* w, std::size_t n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    std::size_t f = 0;
    for (; f + 4 <= n; f += 4) {
        s0 += w[index[f]];
        s1 += w[index[f + 1]];
        s2 += w[index[f + 2]];
        s3 += w[index[f + 3]];
    }
    for (; f < n; ++f) s0 += w[index[f]];
    return (s0 + s1) + (s2 + s3);
}

struct BlockSums {
    double loss = 0;
    double weight = 0;
};

// Two doubles per operation (SSE2 on x86-64, NEON on ARM) through GCC/Clang vector
// extensions: the loss's exp and log1p are the hot spot, and libm's do not vectorize. Both are
// accurate to a few units in the last place.
using Double2 = double __attribute__((vector_size(16)));
using Int2 = std::int64_t __attribute__((vector_size(16)));

inline Double2 splat(double v) {
    return Double2{v, v};
}

// exp(x) for x <= 0 (clamped at -708, where it is about 3e-308).
inline Double2 expNonPositive(Double2 x) {
    const Double2 low = splat(-708.0), magic = splat(0x1.8p52);
    x = x < low ? low : x;
    const Double2 t = x * 0x1.71547652b82fep0 + magic;  // round(x / ln 2) in the low bits
    const Double2 k = t - magic;
    const Double2 r = (x - k * 0x1.62e42fefa3800p-1) - k * 0x1.ef35793c76730p-45;
    Double2 p = r * (1.0 / 6227020800.0) + 1.0 / 479001600.0;  // Taylor series to r^13
    p = p * r + 1.0 / 39916800.0;
    p = p * r + 1.0 / 3628800.0;
    p = p * r + 1.0 / 362880.0;
    p = p * r + 1.0 / 40320.0;
    p = p * r + 1.0 / 5040.0;
    p = p * r + 1.0 / 720.0;
    p = p * r + 1.0 / 120.0;
    p = p * r + 1.0 / 24.0;
    p = p * r + 1.0 / 6.0;
    p = p * r + 0.5;
    p = p * r + 1.0;
    p = p * r + 1.0;
    const Int2 exponent = (Int2)t - (Int2)magic;
    return p * (Double2)((exponent + 1023) << 52);
}

// log(1 + e) for e in [0, 1]: 2·atanh(s) with |s| <= 0.172 after taking out ln 2 above √2 - 1.
inline Double2 log1pUnit(Double2 e) {
    const Double2 h = e > splat(0.41421356237309503) ? splat(1.0) : splat(0.0);
    const Double2 s = (e - h) / (e + 2.0 + h);
    const Double2 s2 = s * s;
    Double2 p = s2 * (1.0 / 23) + 1.0 / 21;
    p = p * s2 + 1.0 / 19;
    p = p * s2 + 1.0 / 17;
    p = p * s2 + 1.0 / 15;
    p = p * s2 + 1.0 / 13;
    p = p * s2 + 1.0 / 11;
    p = p * s2 + 1.0 / 9;
    p = p * s2 + 1.0 / 7;
    p = p * s2 + 1.0 / 5;
    p = p * s2 + 1.0 / 3;
    return h * 0x1.62e42fefa39efp-1 + 2.0 * (s + s * s2 * p);
}

constexpr std::size_t kChunk = 256;  // rows whose scores are computed before their losses

// Binary log-loss and its derivative for `count` (even) scores: loss = log(1 + e^z) - y·z,
// residual = sigmoid(z) - y, both times the row weight.
void logisticPointwise(const double* z, const double* y, const double* sw, double* loss,
                       double* residual, std::size_t count) {
    for (std::size_t i = 0; i < count; i += 2) {
        Double2 zv, yv, wv;
        std::memcpy(&zv, z + i, sizeof zv);
        std::memcpy(&yv, y + i, sizeof yv);
        std::memcpy(&wv, sw + i, sizeof wv);
        const Double2 zero = splat(0.0);
        const Double2 e = expNonPositive(zv < zero ? zv : -zv);
        const Double2 inverse = 1.0 / (1.0 + e);
        const Double2 p = zv >= zero ? inverse : e * inverse;
        const Double2 l = wv * ((zv > zero ? zv : zero) - yv * zv + log1pUnit(e));
        const Double2 r = wv * (p - yv);
        std::memcpy(loss + i, &l, sizeof l);
        std::memcpy(residual + i, &r, sizeof r);
    }
}

// One score (squared or logistic loss): the hot loop of binary logistic regression.
template <LinearLoss L>
BlockSums singleScoreBlock(const LinearObjective& o, const double* w, double intercept,
                           std::size_t begin, std::size_t end, double* g) {
    const LinearDesign& x = *o.design;
    const std::size_t d = x.numericCount, c = x.categoricalCount, columns = x.columns;
    const bool weighted = !o.rowWeights.empty();
    double* gIntercept = g + columns + 1;
    alignas(16) double z[kChunk], y[kChunk], sw[kChunk], loss[kChunk], residual[kChunk];
    BlockSums sums;
    for (std::size_t start = begin; start < end; start += kChunk) {
        const std::size_t count = std::min(kChunk, end - start);
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t r = start + i;
            const double* row = x.numeric.data() + r * d;
            const std::uint32_t* act = x.active.data() + r * c;
            z[i] = intercept + dotRow(row, w, d) + lookupSum(act, w, c);
            if constexpr (L == LinearLoss::Squared)
                y[i] = o.targets[r];
            else
                y[i] = o.labels[r];
            sw[i] = weighted ? o.rowWeights[r] : 1.0;
        }
        const std::size_t even = (count + 1) & ~std::size_t{1};
        if (even > count) z[count] = y[count] = sw[count] = 0.0;
        if constexpr (L == LinearLoss::Squared) {
            for (std::size_t i = 0; i < even; ++i) {
                const double diff = z[i] - y[i];
                loss[i] = 0.5 * sw[i] * diff * diff;
                residual[i] = sw[i] * diff;
            }
        } else {
            logisticPointwise(z, y, sw, loss, residual, even);
        }
        for (std::size_t i = 0; i < count; ++i) {
            sums.loss += loss[i];
            sums.weight += sw[i];
            const std::size_t r = start + i;
            const double* row = x.numeric.data() + r * d;
            const std::uint32_t* act = x.active.data() + r * c;
            const double res = residual[i];
            *gIntercept += res;
            for (std::size_t j = 0; j < d; ++j) g[j] += res * row[j];
            for (std::size_t f = 0; f < c; ++f) g[act[f]] += res;
        }
    }
    return sums;
}

BlockSums softmaxBlock(const LinearObjective& o, const double* w, const double* intercepts,
                       std::size_t begin, std::size_t end, double* g) {
    const LinearDesign& x = *o.design;
    const std::size_t d = x.numericCount, c = x.categoricalCount, columns = x.columns;
    const std::size_t k = o.scores;
    const bool weighted = !o.rowWeights.empty();
    double* gIntercept = g + (columns + 1) * k;
    std::vector<double> z(k);
    BlockSums sums;
    for (std::size_t r = begin; r < end; ++r) {
        const double* row = x.numeric.data() + r * d;
        const std::uint32_t* act = x.active.data() + r * c;
        std::copy(intercepts, intercepts + k, z.begin());
        for (std::size_t j = 0; j < d; ++j) {
            const double v = row[j];
            const double* wj = w + j * k;
            for (std::size_t s = 0; s < k; ++s) z[s] += v * wj[s];
        }
        for (std::size_t f = 0; f < c; ++f) {
            const double* wf = w + std::size_t{act[f]} * k;
            for (std::size_t s = 0; s < k; ++s) z[s] += wf[s];
        }
        const std::size_t y = static_cast<std::size_t>(o.labels[r]);
        const double top = *std::max_element(z.begin(), z.end());
        const double zy = z[y];
        double total = 0;
        for (std::size_t s = 0; s < k; ++s) total += (z[s] = std::exp(z[s] - top));
        const double sw = weighted ? o.rowWeights[r] : 1.0;
        sums.loss += sw * (std::log(total) + top - zy);
        sums.weight += sw;
        const double scale = sw / total;
        for (std::size_t s = 0; s < k; ++s) z[s] *= scale;  // now the residuals
        z[y] -= sw;
        for (std::size_t s = 0; s < k; ++s) gIntercept[s] += z[s];
        for (std::size_t j = 0; j < d; ++j) {
            const double v = row[j];
            double* gj = g + j * k;
            for (std::size_t s = 0; s < k; ++s) gj[s] += v * z[s];
        }
        for (std::size_t f = 0; f < c; ++f) {
            double* gf = g + std::size_t{act[f]} * k;
            for (std::size_t s = 0; s < k; ++s) gf[s] += z[s];
        }
    }
    return sums;
}

}  // namespace

LinearDesign buildLinearDesign(const NumericEncoder& encoder, const FeatureMatrix& x, bool center,
                               unsigned threads) {
    const auto& outputs = encoder.outputs();
    for (const NumericEncoder::Output& o : outputs)
        if (!std::isfinite(o.center) || !std::isfinite(o.fill) || !std::isfinite(o.scale))
            throw Error("feature \"" + x.schema().features[o.feature].name +
                        "\" has infinite values; a linear model needs finite numbers");
    LinearDesign design;
    design.rows = x.rows();
    std::vector<std::size_t> numericOutputs;
    // Categorical features with outputs, and for each the design column of every level.
    std::vector<std::size_t> categorical;
    std::vector<std::vector<std::uint32_t>> levelColumn;
    for (std::size_t j = 0; j < outputs.size(); ++j)
        if (outputs[j].level < 0) numericOutputs.push_back(j);
    design.numericCount = numericOutputs.size();
    design.outputOf = numericOutputs;
    for (std::size_t j = 0; j < outputs.size(); ++j) {
        const NumericEncoder::Output& o = outputs[j];
        if (o.level < 0) continue;
        if (categorical.empty() || categorical.back() != o.feature) {
            categorical.push_back(o.feature);
            levelColumn.emplace_back(x.levelCount(o.feature), UINT32_MAX);
        }
        if (static_cast<std::size_t>(o.level) < levelColumn.back().size())
            levelColumn.back()[o.level] = static_cast<std::uint32_t>(design.outputOf.size());
        design.outputOf.push_back(j);
    }
    design.columns = design.outputOf.size();
    design.categoricalCount = categorical.size();
    const auto sink = static_cast<std::uint32_t>(design.columns);
    for (auto& levels : levelColumn)  // levels without an output point at the sink
        for (std::uint32_t& column : levels)
            if (column == UINT32_MAX) column = sink;

    const std::size_t rows = x.rows(), d = design.numericCount, c = design.categoricalCount;
    design.numeric.resize(rows * d);
    design.active.resize(rows * c);
    constexpr std::size_t kRows = 16384;
    const std::size_t blocks = (rows + kRows - 1) / kRows;
    parallelFor(blocks, threads, [&](std::size_t block, bool) {
        const std::size_t begin = block * kRows, end = std::min(rows, begin + kRows);
        for (std::size_t j = 0; j < d; ++j) {
            const NumericEncoder::Output& o = outputs[numericOutputs[j]];
            const auto values = x.values(o.feature);
            const double shift = center ? o.center : 0.0;
            for (std::size_t r = begin; r < end; ++r) {
                const double v = std::isfinite(values[r]) ? values[r] : o.fill;
                design.numeric[r * d + j] = (v - shift) / o.scale;
            }
        }
        for (std::size_t f = 0; f < c; ++f) {
            const auto codes = x.codes(categorical[f]);
            const std::vector<std::uint32_t>& levels = levelColumn[f];
            for (std::size_t r = begin; r < end; ++r) {
                const std::int32_t code = codes[r];
                design.active[r * c + f] =
                    code >= 0 && static_cast<std::size_t>(code) < levels.size() ? levels[code]
                                                                                : sink;
            }
        }
        return true;
    });
    return design;
}

std::vector<double> LinearObjective::modelParameters(std::span<const double> u) const {
    const std::size_t k = scores, columns = design->columns, weightCount = columns * k;
    std::vector<double> w(u.begin(), u.end());
    if (!scale.empty())
        for (std::size_t j = 0; j < columns; ++j)
            for (std::size_t s = 0; s < k; ++s) w[j * k + s] /= scale[j];
    if (!shift.empty())
        for (std::size_t j = 0; j < columns; ++j)
            for (std::size_t s = 0; s < k; ++s) w[weightCount + s] -= w[j * k + s] * shift[j];
    return w;
}

double LinearObjective::evaluate(std::span<const double> u, std::span<double> gradient) const {
    const LinearDesign& x = *design;
    const std::size_t k = scores, columns = x.columns;
    const std::size_t weightCount = columns * k;
    // Model weights with the sink column (zero) appended, then the intercepts.
    std::vector<double> wx = modelParameters(u);
    std::vector<double> intercepts(wx.begin() + weightCount, wx.end());
    wx.resize(weightCount);
    wx.resize(weightCount + k, 0.0);

    const std::size_t sumsSize = (columns + 2) * k;  // weights, sink, intercepts
    const std::size_t blocks = blockCount(x.rows, sumsSize);
    std::vector<double> partial(blocks * sumsSize, 0.0);
    std::vector<BlockSums> sums(blocks);
    parallelFor(blocks, threads, [&](std::size_t block, bool) {
        const auto [begin, end] = blockRange(block, blocks, x.rows);
        double* g = partial.data() + block * sumsSize;
        switch (loss) {
            case LinearLoss::Squared:
                sums[block] = singleScoreBlock<LinearLoss::Squared>(*this, wx.data(), intercepts[0],
                                                                    begin, end, g);
                break;
            case LinearLoss::Logistic:
                sums[block] = singleScoreBlock<LinearLoss::Logistic>(*this, wx.data(),
                                                                     intercepts[0], begin, end, g);
                break;
            case LinearLoss::Softmax:
                sums[block] = softmaxBlock(*this, wx.data(), intercepts.data(), begin, end, g);
                break;
        }
        return true;
    });

    double lossSum = 0, weightSum = 0;
    std::fill(gradient.begin(), gradient.end(), 0.0);
    for (std::size_t b = 0; b < blocks; ++b) {
        lossSum += sums[b].loss;
        weightSum += sums[b].weight;
        const double* g = partial.data() + b * sumsSize;
        for (std::size_t i = 0; i < weightCount; ++i) gradient[i] += g[i];
        for (std::size_t s = 0; s < k; ++s) gradient[weightCount + s] += g[weightCount + k + s];
    }
    const double inv = weightSum > 0 ? 1.0 / weightSum : 0.0;
    double penalty = 0;
    for (std::size_t i = 0; i < weightCount; ++i) {
        penalty += wx[i] * wx[i];
        gradient[i] = gradient[i] * inv + l2 * wx[i];
    }
    for (std::size_t s = 0; s < k; ++s)
        gradient[weightCount + s] = fitIntercept ? gradient[weightCount + s] * inv : 0.0;
    // Chain rule through the reparametrization.
    for (std::size_t j = 0; j < columns; ++j)
        for (std::size_t s = 0; s < k; ++s) {
            double& g = gradient[j * k + s];
            if (!shift.empty()) g -= shift[j] * gradient[weightCount + s];
            if (!scale.empty()) g /= scale[j];
        }
    return lossSum * inv + 0.5 * l2 * penalty;
}

void LinearObjective::conditionByColumns(bool center) {
    const LinearDesign& x = *design;
    const std::size_t columns = x.columns, d = x.numericCount, c = x.categoricalCount;
    std::vector<double> sum(columns + 1, 0.0), squares(columns + 1, 0.0);
    for (std::size_t r = 0; r < x.rows; ++r) {
        const double* row = x.numeric.data() + r * d;
        for (std::size_t j = 0; j < d; ++j) {
            sum[j] += row[j];
            squares[j] += row[j] * row[j];
        }
        const std::uint32_t* act = x.active.data() + r * c;
        for (std::size_t f = 0; f < c; ++f) sum[act[f]] += 1.0;
    }
    for (std::size_t j = d; j < columns; ++j) squares[j] = sum[j];  // 0/1 columns
    const double n = std::max<double>(1.0, static_cast<double>(x.rows));
    shift.assign(columns, 0.0);
    scale.assign(columns, 1.0);
    for (std::size_t j = 0; j < columns; ++j) {
        const double mean = sum[j] / n;
        const double variance = center ? squares[j] / n - mean * mean : squares[j] / n;
        if (center) shift[j] = mean;
        // Columns seen in very few rows stay at scale 1e-3: their curvature is the penalty's.
        scale[j] = std::sqrt(std::max(variance, 1e-6));
    }
    if (!center) shift.clear();
}

GramSums gramSums(const LinearDesign& design, std::span<const double> targets, bool center,
                  unsigned threads) {
    const std::size_t rows = design.rows, columns = design.columns;
    const std::size_t d = design.numericCount, c = design.categoricalCount;
    GramSums out;
    if (center && rows > 0) {
        double sum = 0;
        for (double y : targets) sum += y;
        out.targetMean = sum / rows;
    }
    // Per block: the upper triangle of XᵀX, then Xᵀy, the column sums and yᵀy.
    const std::size_t sumsSize = columns * columns + 2 * columns + 1;
    const std::size_t blocks = blockCount(rows, sumsSize);
    std::vector<double> partial(blocks * sumsSize, 0.0);
    parallelFor(blocks, threads, [&](std::size_t block, bool) {
        const auto [begin, end] = blockRange(block, blocks, rows);
        double* gram = partial.data() + block * sumsSize;
        double* xty = gram + columns * columns;
        double* colSum = xty + columns;
        double& yty = colSum[columns];
        for (std::size_t r = begin; r < end; ++r) {
            const double* x = design.numeric.data() + r * d;
            const std::uint32_t* act = design.active.data() + r * c;
            const double y = targets[r] - out.targetMean;
            yty += y * y;
            for (std::size_t i = 0; i < d; ++i) {
                const double xi = x[i];
                double* g = gram + i * columns;
                for (std::size_t j = i; j < d; ++j) g[j] += xi * x[j];
                for (std::size_t f = 0; f < c; ++f)
                    if (act[f] < columns) g[act[f]] += xi;
                colSum[i] += xi;
                xty[i] += xi * y;
            }
            for (std::size_t f = 0; f < c; ++f) {
                const std::size_t a = act[f];
                if (a >= columns) continue;
                double* g = gram + a * columns;
                for (std::size_t f2 = f; f2 < c; ++f2)
                    if (act[f2] < columns) g[act[f2]] += 1.0;
                colSum[a] += 1.0;
                xty[a] += y;
            }
        }
        return true;
    });

    out.gram.assign(columns * columns, 0.0);
    out.xty.assign(columns, 0.0);
    std::vector<double> colSum(columns, 0.0);
    for (std::size_t b = 0; b < blocks; ++b) {
        const double* p = partial.data() + b * sumsSize;
        for (std::size_t i = 0; i < columns * columns; ++i) out.gram[i] += p[i];
        for (std::size_t i = 0; i < columns; ++i) {
            out.xty[i] += p[columns * columns + i];
            colSum[i] += p[columns * columns + columns + i];
        }
        out.yty += p[sumsSize - 1];
    }
    out.columnMeans.resize(columns);
    for (std::size_t i = 0; i < columns; ++i)
        out.columnMeans[i] = rows > 0 ? colSum[i] / rows : 0.0;
    for (std::size_t i = 0; i < columns; ++i)
        for (std::size_t j = i; j < columns; ++j) {
            double v = out.gram[i * columns + j];
            if (center) v -= rows * out.columnMeans[i] * out.columnMeans[j];
            out.gram[i * columns + j] = out.gram[j * columns + i] = v;
        }
    return out;
}

}  // namespace glassbox
