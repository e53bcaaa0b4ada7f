#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/feature_matrix.h"
#include "engine/numeric_encoder.h"

namespace glassbox {

// The encoder's output for some rows without materializing the one-hot columns: numeric
// columns dense and row-major (imputed, centered when asked, scaled), and for each categorical
// feature the one column that is 1. Design columns are the numeric outputs first, then the
// one-hot outputs; `outputOf` maps them back to the encoder's outputs. A row whose category is
// missing or unknown points at column `columns` (a sink whose weight is always 0).
struct LinearDesign {
    std::size_t rows = 0;
    std::size_t numericCount = 0;
    std::size_t categoricalCount = 0;
    std::size_t columns = 0;
    std::vector<double> numeric;        // rows x numericCount
    std::vector<std::uint32_t> active;  // rows x categoricalCount, in [numericCount, columns]
    std::vector<std::size_t> outputOf;  // columns entries
};

// `center` false keeps the numeric columns uncentered (scaled only): a model without intercept.
LinearDesign buildLinearDesign(const NumericEncoder& encoder, const FeatureMatrix& x, bool center,
                               unsigned threads);

enum class LinearLoss : std::uint8_t {
    Squared,   // ½(z - y)²: one score
    Logistic,  // binary log-loss of sigmoid(z), class 1 positive: one score
    Softmax,   // multinomial log-loss: one score per class
};

// A loss over a design: the mean (by row weights) loss of the scores z = W·x + b, plus
// ½·l2·‖W‖² (the intercepts are not penalized). Parameters: `columns x scores` weights
// (row-major: a column's scores together), then `scores` intercepts.
struct LinearObjective {
    const LinearDesign* design = nullptr;
    LinearLoss loss = LinearLoss::Squared;
    std::size_t scores = 1;
    std::span<const double> targets;       // Squared
    std::span<const std::int32_t> labels;  // Logistic (0/1), Softmax
    std::span<const double> rowWeights;    // empty: every row weighs 1
    double l2 = 0;
    bool fitIntercept = true;
    unsigned threads = 1;

    // A reparametrization that conditions the problem better without moving its minimum: the
    // solver's parameters u give weights w = u / scale[c] and intercepts b = u_b − Σ_c w·shift[c]
    // (shift: the column means, so every column acts centered). Empty: the identity.
    std::vector<double> shift;
    std::vector<double> scale;

    std::size_t parameterCount() const { return (design->columns + 1) * scores; }
    // Sets shift (when `center`; only with an intercept) and scale from the design's columns.
    void conditionByColumns(bool center);
    // The model's weights (columns x scores) then intercepts for solver parameters `u`.
    std::vector<double> modelParameters(std::span<const double> u) const;
    // The value at `w` and its gradient (fixed row blocks reduced in order: the result does
    // not depend on the thread count).
    double evaluate(std::span<const double> w, std::span<double> gradient) const;
};

// Sums for least squares over a design: the Gram matrix XᵀX, Xᵀy and yᵀy, centered by the
// column and target means when `center` (the intercept is then profiled out).
struct GramSums {
    std::vector<double> gram;  // columns x columns
    std::vector<double> xty;
    double yty = 0;
    std::vector<double> columnMeans;
    double targetMean = 0;
};
GramSums gramSums(const LinearDesign& design, std::span<const double> targets, bool center,
                  unsigned threads);

}  // namespace glassbox
