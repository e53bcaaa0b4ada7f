#include "engine/linear_model.h"

#include <algorithm>
#include <cmath>

#include "engine/byte_io.h"
#include "engine/errors.h"

namespace glassbox {
namespace {

constexpr std::uint32_t kFormatVersion = 1;

bool allFinite(const std::vector<double>& values) {
    return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

}  // namespace

std::size_t linearScoreCount(TaskKind task, std::size_t classCount) {
    return task == TaskKind::Regression || classCount <= 2 ? 1 : classCount;
}

LinearModel::LinearModel(FeatureSchema schema, TaskKind task, std::size_t classCount,
                         NumericEncoder encoder, bool centered, std::vector<double> weights,
                         std::vector<double> intercepts, LinearFitInfo info)
    : schema_(std::move(schema)),
      task_(task),
      classCount_(classCount),
      encoder_(std::move(encoder)),
      centered_(centered),
      weights_(std::move(weights)),
      intercepts_(std::move(intercepts)),
      info_(info) {}

std::vector<double> LinearModel::decisionScores(const FeatureMatrix& features,
                                                const TaskContext& task) const {
    const std::size_t rows = features.rows(), k = intercepts_.size();
    std::vector<double> scores(rows * k);
    for (std::size_t r = 0; r < rows; ++r)
        std::copy(intercepts_.begin(), intercepts_.end(), scores.begin() + r * k);
    const auto& outputs = encoder_.outputs();
    for (std::size_t j = 0; j < outputs.size();) {
        task.checkCancelled();
        const NumericEncoder::Output& o = outputs[j];
        if (o.level < 0) {
            const auto values = features.values(o.feature);
            const double shift = centered_ ? o.center : 0.0;
            const double* w = weights_.data() + j * k;
            for (std::size_t r = 0; r < rows; ++r) {
                const double v = std::isfinite(values[r]) ? values[r] : o.fill;
                const double z = (v - shift) / o.scale;
                double* s = scores.data() + r * k;
                for (std::size_t c = 0; c < k; ++c) s[c] += z * w[c];
            }
            ++j;
            continue;
        }
        // The one-hot outputs of this feature: one pass over the rows for all its levels.
        std::vector<const double*> levelWeights(features.levelCount(o.feature), nullptr);
        std::size_t end = j;
        for (; end < outputs.size() && outputs[end].feature == o.feature && outputs[end].level >= 0;
             ++end)
            if (static_cast<std::size_t>(outputs[end].level) < levelWeights.size())
                levelWeights[outputs[end].level] = weights_.data() + end * k;
        const auto codes = features.codes(o.feature);
        for (std::size_t r = 0; r < rows; ++r) {
            const std::int32_t code = codes[r];
            if (code < 0 || static_cast<std::size_t>(code) >= levelWeights.size()) continue;
            const double* w = levelWeights[code];
            if (!w) continue;
            double* s = scores.data() + r * k;
            for (std::size_t c = 0; c < k; ++c) s[c] += w[c];
        }
        j = end;
    }
    return scores;
}

Predictions LinearModel::predict(const FeatureMatrix& features, const TaskContext& task) const {
    std::vector<double> scores = decisionScores(features, task);
    Predictions out;
    out.task = task_;
    out.rows = features.rows();
    if (task_ == TaskKind::Regression) {
        out.values = std::move(scores);
        return out;
    }
    out.classCount = classCount_;
    out.probabilities.resize(out.rows * classCount_);
    if (intercepts_.size() == 1) {
        for (std::size_t r = 0; r < out.rows; ++r) {
            const double z = scores[r];
            const double e = std::exp(-std::fabs(z));
            const double high = 1.0 / (1.0 + e), low = e / (1.0 + e);
            out.probabilities[2 * r] = z >= 0 ? low : high;
            out.probabilities[2 * r + 1] = z >= 0 ? high : low;
        }
        return out;
    }
    const std::size_t k = classCount_;
    for (std::size_t r = 0; r < out.rows; ++r) {
        const double* z = scores.data() + r * k;
        double* p = out.probabilities.data() + r * k;
        const double top = *std::max_element(z, z + k);
        double total = 0;
        for (std::size_t c = 0; c < k; ++c) total += (p[c] = std::exp(z[c] - top));
        for (std::size_t c = 0; c < k; ++c) p[c] /= total;
    }
    return out;
}

LinearCoefficients LinearModel::coefficients() const {
    const std::size_t k = intercepts_.size(), columns = encoder_.outputCount();
    LinearCoefficients c;
    for (std::size_t j = 0; j < columns; ++j) c.columns.push_back(encoder_.outputName(schema_, j));
    if (task_ == TaskKind::Regression)
        c.scoreClass = {-1};
    else if (k == 1)
        c.scoreClass = {1};
    else
        for (std::size_t s = 0; s < k; ++s) c.scoreClass.push_back(static_cast<std::int32_t>(s));
    c.weights.assign(k * columns, 0.0);
    c.intercepts = intercepts_;
    const auto& outputs = encoder_.outputs();
    for (std::size_t j = 0; j < columns; ++j) {
        const NumericEncoder::Output& o = outputs[j];
        for (std::size_t s = 0; s < k; ++s) {
            const double w = weights_[j * k + s];
            if (o.level >= 0) {
                c.weights[s * columns + j] = w;
                continue;
            }
            c.weights[s * columns + j] = w / o.scale;
            if (centered_) c.intercepts[s] -= w * o.center / o.scale;
        }
    }
    return c;
}

std::vector<std::pair<std::string, double>> LinearModel::fitSummary() const {
    const auto nonzero =
        std::count_if(weights_.begin(), weights_.end(), [](double w) { return w != 0.0; });
    return {{"nonzero_coefficients", static_cast<double>(nonzero)},
            {"iterations", static_cast<double>(info_.iterations)},
            {"converged", info_.converged ? 1.0 : 0.0}};
}

void LinearModel::save(ByteWriter& out) const {
    out.put<std::uint32_t>(kFormatVersion);
    encoder_.save(out);
    out.put<std::uint8_t>(centered_ ? 1 : 0);
    out.putVector(weights_);
    out.putVector(intercepts_);
    out.put<std::uint64_t>(info_.iterations);
    out.put<std::uint8_t>(info_.converged ? 1 : 0);
}

std::unique_ptr<LinearModel> LinearModel::load(ByteReader& in, const FeatureSchema& schema,
                                               TaskKind task, std::size_t classCount) {
    in.require(in.get<std::uint32_t>() == kFormatVersion, "unknown linear model version");
    in.require(task == TaskKind::Regression || classCount >= 2,
               "a classifier needs at least two classes");
    NumericEncoder encoder = NumericEncoder::load(in, schema);
    const std::uint8_t centered = in.get<std::uint8_t>();
    in.require(centered <= 1, "invalid centering flag");
    std::vector<double> weights = in.getVector<double>();
    std::vector<double> intercepts = in.getVector<double>();
    const std::size_t k = linearScoreCount(task, classCount);
    in.require(intercepts.size() == k, "the intercepts do not match the classes");
    in.require(weights.size() / k == encoder.outputCount() && weights.size() % k == 0,
               "the coefficients do not match the encoded columns");
    in.require(allFinite(weights) && allFinite(intercepts), "a coefficient is not finite");
    LinearFitInfo info;
    info.iterations = in.get<std::uint64_t>();
    const std::uint8_t converged = in.get<std::uint8_t>();
    in.require(converged <= 1, "invalid convergence flag");
    info.converged = converged == 1;
    return std::make_unique<LinearModel>(
        schema, task, task == TaskKind::Regression ? 0 : classCount, std::move(encoder),
        centered == 1, std::move(weights), std::move(intercepts), info);
}

}  // namespace glassbox
