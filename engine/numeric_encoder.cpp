#include "engine/numeric_encoder.h"

#include <algorithm>
#include <cmath>

#include "engine/byte_io.h"
#include "engine/parallel_for.h"

namespace glassbox {

namespace {

// Median fill, and mean / standard deviation after imputation (as a pipeline of imputer then
// scaler) when standardizing.
NumericEncoder::Output numericOutput(const FeatureMatrix& x, std::size_t f, bool standardize) {
    std::vector<double> present;
    present.reserve(x.rows());
    for (double v : x.values(f))
        if (!std::isnan(v)) present.push_back(v);
    NumericEncoder::Output out{f, -1, 0.0, 1.0, 0.0};
    if (!present.empty()) {
        const std::size_t mid = present.size() / 2;
        std::nth_element(present.begin(), present.begin() + mid, present.end());
        double median = present[mid];
        if (present.size() % 2 == 0)
            median = (median + *std::max_element(present.begin(), present.begin() + mid)) / 2;
        out.fill = median;
    }
    if (!standardize) return out;
    double sum = 0;
    for (double v : x.values(f)) sum += std::isnan(v) ? out.fill : v;
    const double mean = sum / std::max<std::size_t>(1, x.rows());
    double squares = 0;
    for (double v : x.values(f)) {
        const double d = (std::isnan(v) ? out.fill : v) - mean;
        squares += d * d;
    }
    const double sd = std::sqrt(squares / std::max<std::size_t>(1, x.rows()));
    out.center = mean;
    out.scale = sd > 0 ? sd : 1.0;
    return out;
}

}  // namespace

NumericEncoder NumericEncoder::fit(const FeatureMatrix& x, bool standardize, unsigned threads) {
    std::vector<Output> numeric(x.featureCount());
    parallelFor(x.featureCount(), threads, [&](std::size_t f, bool) {
        if (!x.isCategorical(f)) numeric[f] = numericOutput(x, f, standardize);
        return true;
    });
    NumericEncoder enc;
    for (std::size_t f = 0; f < x.featureCount(); ++f) {
        if (!x.isCategorical(f)) {
            enc.outputs_.push_back(numeric[f]);
            continue;
        }
        for (std::size_t level = 0; level < x.levelCount(f); ++level)
            enc.outputs_.push_back({f, static_cast<std::int32_t>(level), 0.0, 1.0, 0.0});
    }
    return enc;
}

std::string NumericEncoder::outputName(const FeatureSchema& schema, std::size_t output) const {
    const Output& o = outputs_[output];
    const FeatureInfo& f = schema.features[o.feature];
    return o.level < 0 ? f.name : f.name + "=" + f.levels[o.level];
}

template <class T>
std::vector<T> NumericEncoder::transformAs(const FeatureMatrix& x) const {
    const std::size_t width = outputs_.size();
    std::vector<T> out(x.rows() * width, T(0));
    for (std::size_t j = 0; j < width; ++j) {
        const Output& o = outputs_[j];
        if (o.level >= 0) {
            const auto codes = x.codes(o.feature);
            for (std::size_t r = 0; r < x.rows(); ++r)
                if (codes[r] == o.level) out[r * width + j] = T(1);
            continue;
        }
        const auto values = x.values(o.feature);
        for (std::size_t r = 0; r < x.rows(); ++r) {
            const double v = std::isnan(values[r]) ? o.fill : values[r];
            out[r * width + j] = static_cast<T>((v - o.center) / o.scale);
        }
    }
    return out;
}

std::vector<double> NumericEncoder::transform(const FeatureMatrix& x) const {
    return transformAs<double>(x);
}

std::vector<float> NumericEncoder::transformFloat(const FeatureMatrix& x) const {
    return transformAs<float>(x);
}

void NumericEncoder::save(ByteWriter& out) const {
    out.put<std::uint64_t>(outputs_.size());
    for (const Output& o : outputs_) {
        out.put<std::uint64_t>(o.feature);
        out.put<std::int32_t>(o.level);
        out.put(o.center);
        out.put(o.scale);
        out.put(o.fill);
    }
}

NumericEncoder NumericEncoder::load(ByteReader& in, const FeatureSchema& schema) {
    NumericEncoder enc;
    const std::uint64_t count = in.get<std::uint64_t>();
    in.require(count <= in.remaining() / 36, "the encoder is longer than the file");
    for (std::uint64_t i = 0; i < count; ++i) {
        Output o;
        o.feature = in.get<std::uint64_t>();
        o.level = in.get<std::int32_t>();
        o.center = in.get<double>();
        o.scale = in.get<double>();
        o.fill = in.get<double>();
        in.require(o.feature < schema.size(), "the encoder names an unknown feature");
        const FeatureInfo& f = schema.features[o.feature];
        if (o.level >= 0)
            in.require(f.isCategorical() && static_cast<std::size_t>(o.level) < f.levels.size(),
                       "the encoder names an unknown category");
        else
            in.require(!f.isCategorical() && std::isfinite(o.center) && std::isfinite(o.fill) &&
                           std::isfinite(o.scale) && o.scale > 0,
                       "the encoder has an invalid numeric column");
        enc.outputs_.push_back(o);
    }
    return enc;
}

}  // namespace glassbox
