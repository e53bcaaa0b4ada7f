#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/feature_matrix.h"
#include "engine/task.h"

namespace glassbox {

// Every feature of a matrix binned once into at most 255 value bins plus a missing bin, as
// histogram-based tree learners want it (LightGBM, scikit-learn's HistGradientBoosting).
//  - numeric: bin b holds the values v with upperBounds[b-1] < v <= upperBounds[b]; with few
//    distinct values each gets its own bin and the bounds are the midpoints between them (as
//    CART's thresholds), otherwise the bounds are quantiles. A split "bin <= b" is the split
//    "value <= upperBounds[b]" on raw values.
//  - categorical: one bin per level while there are at most maxBins levels; beyond that the
//    most frequent maxBins - 1 levels keep a bin each and the rest share the last one.
// Missing values (and unknown categories) are in bin kMissingBin.
class FeatureBins {
  public:
    static constexpr std::uint8_t kMissingBin = 255;
    static constexpr int kMaxBins = 255;

    struct Feature {
        bool categorical = false;
        std::size_t binCount = 0;              // value bins, at most kMaxBins
        std::vector<double> upperBounds;       // numeric: binCount bounds, the last +inf
        std::vector<std::int32_t> levelToBin;  // categorical: per level, its bin
        std::vector<std::vector<std::int32_t>> binLevels;  // categorical: per bin, its levels
    };

    FeatureBins() = default;

    // Learns the bins of every feature of `x` (numeric bounds from at most `sampleRows` rows,
    // taken at an even stride, so the result does not depend on a seed) and bins `x`.
    static FeatureBins fit(const FeatureMatrix& x, int maxBins, unsigned threads,
                           const TaskContext& task, std::size_t sampleRows = 200000);

    // Bins another matrix with the same schema (a validation set) by these bins.
    std::vector<std::uint8_t> binColumn(const FeatureMatrix& x, std::size_t feature) const;

    std::size_t rows() const { return rows_; }
    std::size_t featureCount() const { return features_.size(); }
    const Feature& feature(std::size_t f) const { return features_[f]; }
    // Bins of feature f, one per row.
    std::span<const std::uint8_t> column(std::size_t f) const {
        return std::span<const std::uint8_t>(bins_).subspan(f * rows_, rows_);
    }
    std::size_t memoryBytes() const { return bins_.capacity(); }

  private:
    std::vector<Feature> features_;
    std::vector<std::uint8_t> bins_;  // feature-major: feature f's rows at [f * rows_, ...)
    std::size_t rows_ = 0;
};

}  // namespace glassbox
