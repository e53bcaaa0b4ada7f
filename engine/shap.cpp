#include "engine/shap.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/errors.h"
#include "engine/linear_model.h"
#include "engine/linear_shap.h"
#include "engine/model_file.h"
#include "engine/sampling_shap.h"
#include "engine/tree_model_shap.h"

namespace glassbox {
namespace {

void checkMatches(const FeatureSchema& schema, const FeatureMatrix& m, const char* what) {
    bool same = m.featureCount() == schema.size();
    for (std::size_t f = 0; same && f < schema.size(); ++f)
        same = m.isCategorical(f) == schema.features[f].isCategorical();
    if (!same) throw InvalidArgument(what, "the rows' features do not match the model's");
}

}  // namespace

ShapValues explainShap(const TrainedModel& model, const FeatureMatrix& x,
                       std::span<const std::size_t> rows, const FeatureMatrix& background,
                       const ShapOptions& options, const TaskContext& task) {
    if (!model.model) throw InvalidArgument("model", "no model to explain");
    checkMatches(model.schema, x, "features");
    for (std::size_t r : rows)
        if (r >= x.rows())
            throw InvalidArgument("--rows", "row " + std::to_string(r) +
                                                " is out of range (the data has " +
                                                std::to_string(x.rows()) + " rows)");
    const bool classification = model.task == TaskKind::Classification;
    ShapValues out;
    if (const auto layout = model.model->treeLayout()) {
        out = treeModelShap(model.model->trees(), *layout, x, rows, options.threads, task);
    } else if (const auto* linear = dynamic_cast<const LinearModel*>(model.model.get())) {
        checkMatches(model.schema, background, "background");
        out = linearModelShap(*linear, x, rows, background, task);
    } else {
        checkMatches(model.schema, background, "background");
        out = samplingShap(*model.model, model.task, model.classes.size(), x, rows, background,
                           options, task);
    }
    if (classification && out.outputs == 1 && model.classes.size() == 2) mirrorSingleOutput(out);
    // The methods report from the calling thread only, which may not finish the last row.
    task.report(1.0, "explained");
    return out;
}

void mirrorSingleOutput(ShapValues& shap) {
    ShapValues two = shap;
    two.outputs = 2;
    two.base = {-shap.base[0], shap.base[0]};
    two.values.assign(shap.rows * 2 * shap.features, 0.0);
    two.prediction.assign(shap.rows * 2, 0.0);
    for (std::size_t r = 0; r < shap.rows; ++r) {
        for (std::size_t f = 0; f < shap.features; ++f) {
            const double v = shap.values[r * shap.features + f];
            two.values[(r * 2) * shap.features + f] = -v;
            two.values[(r * 2 + 1) * shap.features + f] = v;
        }
        two.prediction[r * 2] = -shap.prediction[r];
        two.prediction[r * 2 + 1] = shap.prediction[r];
    }
    shap = std::move(two);
}

std::vector<FeatureContribution> sortedContributions(const ShapValues& shap, std::size_t row,
                                                     std::size_t output) {
    if (row >= shap.rows) throw InvalidArgument("row", "out of range");
    if (output >= shap.outputs) throw InvalidArgument("output", "out of range");
    std::vector<FeatureContribution> out(shap.features);
    for (std::size_t f = 0; f < shap.features; ++f) out[f] = {f, shap.at(row, output, f)};
    std::stable_sort(out.begin(), out.end(),
                     [](const FeatureContribution& a, const FeatureContribution& b) {
                         return std::fabs(a.value) > std::fabs(b.value);
                     });
    return out;
}

}  // namespace glassbox
