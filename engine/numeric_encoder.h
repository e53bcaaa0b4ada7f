#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/feature_matrix.h"

namespace glassbox {

class ByteReader;
class ByteWriter;

// Turns features into a dense numeric matrix for the learners that need numbers (linear
// models, kNN, the MLP): numeric features imputed with their training median (and standardized
// when asked), categorical features one-hot encoded (a missing or unknown category is all
// zeros). Fitted on training rows only and saved inside the model, so predict time encodes the
// same way.
class NumericEncoder {
  public:
    // One output column: the feature it comes from and, for one-hot columns, the level.
    struct Output {
        std::size_t feature = 0;
        std::int32_t level = -1;  // -1: a numeric feature
        double center = 0.0;      // numeric: subtracted (the mean when standardizing, else 0)
        double scale = 1.0;       // numeric: divided by (the standard deviation, or 1)
        double fill = 0.0;        // numeric: the value used for missing cells (the median)
    };

    NumericEncoder() = default;
    // Features are measured in parallel on up to `threads` threads (same result for any count).
    static NumericEncoder fit(const FeatureMatrix& x, bool standardize, unsigned threads = 1);

    std::size_t outputCount() const { return outputs_.size(); }
    const std::vector<Output>& outputs() const { return outputs_; }
    // "age", "color=red".
    std::string outputName(const FeatureSchema& schema, std::size_t output) const;

    // Row-major rows x outputCount().
    std::vector<double> transform(const FeatureMatrix& x) const;
    // Same, as float (the MLP's tensors).
    std::vector<float> transformFloat(const FeatureMatrix& x) const;

    void save(ByteWriter& out) const;
    static NumericEncoder load(ByteReader& in, const FeatureSchema& schema);

  private:
    template <class T>
    std::vector<T> transformAs(const FeatureMatrix& x) const;

    std::vector<Output> outputs_;
};

}  // namespace glassbox
