#include "engine/linear_shap.h"

#include <cmath>

#include "engine/errors.h"

namespace glassbox {
namespace {

// Encoded input `output` of row `r`, on the original scale the coefficients use.
double encodedValue(const NumericEncoder::Output& output, const FeatureMatrix& x, std::size_t r) {
    if (output.level >= 0) return x.codes(output.feature)[r] == output.level ? 1.0 : 0.0;
    const double v = x.values(output.feature)[r];
    return std::isfinite(v) ? v : output.fill;
}

}  // namespace

ShapValues linearModelShap(const LinearModel& model, const FeatureMatrix& x,
                           std::span<const std::size_t> rows, const FeatureMatrix& background,
                           const TaskContext& task) {
    if (background.rows() == 0)
        throw InvalidArgument("background", "linear SHAP needs at least one background row");
    const LinearCoefficients c = model.coefficients();
    const auto& inputs = model.encoder().outputs();
    const std::size_t columns = inputs.size(), scores = c.intercepts.size();
    const bool regression = c.scoreClass.size() == 1 && c.scoreClass[0] == -1;

    ShapValues out;
    out.output = regression ? "value" : "log-odds";
    out.method = "linear";
    out.rows = rows.size();
    out.outputs = scores;
    out.features = x.featureCount();

    std::vector<double> means(columns, 0.0);
    for (std::size_t j = 0; j < columns; ++j) {
        double sum = 0.0;
        for (std::size_t r = 0; r < background.rows(); ++r)
            sum += encodedValue(inputs[j], background, r);
        means[j] = sum / static_cast<double>(background.rows());
    }
    out.base = c.intercepts;
    for (std::size_t s = 0; s < scores; ++s)
        for (std::size_t j = 0; j < columns; ++j)
            out.base[s] += c.weights[s * columns + j] * means[j];
    task.checkCancelled();

    out.values.assign(out.rows * scores * out.features, 0.0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i % 4096 == 0)
            task.report(static_cast<double>(i) / static_cast<double>(rows.size()), "explaining");
        for (std::size_t j = 0; j < columns; ++j) {
            const double delta = encodedValue(inputs[j], x, rows[i]) - means[j];
            for (std::size_t s = 0; s < scores; ++s)
                out.values[(i * scores + s) * out.features + inputs[j].feature] +=
                    c.weights[s * columns + j] * delta;
        }
    }
    out.prediction = model.decisionScores(x.subset(rows), task);
    return out;
}

}  // namespace glassbox
