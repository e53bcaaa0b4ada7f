#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/learner.h"
#include "engine/numeric_encoder.h"

namespace glassbox {

// A linear model's coefficients on the original scale of its inputs: score s of a row is
// intercepts[s] + Σ_c weights[s·columns + c]·value(c), where value(c) is the encoded column c
// before standardization (a numeric feature's value, its training median when missing; 1 or 0
// for a one-hot column).
struct LinearCoefficients {
    std::vector<std::string> columns;  // the encoder's output names: "age", "color=red"
    // The class index each score is for: {-1} for regression (the target), {1} for two classes
    // (the log-odds of the second class), 0..K-1 for K > 2 classes (softmax over the scores).
    std::vector<std::int32_t> scoreClass;
    std::vector<double> weights;  // scores x columns, row-major
    std::vector<double> intercepts;
};

// How the fit ended, kept for fitSummary().
struct LinearFitInfo {
    std::uint64_t iterations = 0;
    bool converged = true;
};

// The model of logistic_regression and linear_regression: scores W·z + b over the encoder's
// standardized columns z, then identity (regression), sigmoid (two classes) or softmax.
class LinearModel : public Model {
  public:
    // `weights`: encoder outputs x scores (a column's scores together); `intercepts`: scores.
    // `centered`: numeric columns are centered by the encoder's means (false: scaled only, for
    // a model without intercept).
    LinearModel(FeatureSchema schema, TaskKind task, std::size_t classCount, NumericEncoder encoder,
                bool centered, std::vector<double> weights, std::vector<double> intercepts,
                LinearFitInfo info);

    Predictions predict(const FeatureMatrix& features, const TaskContext& task) const override;
    void save(ByteWriter& out) const override;
    std::vector<std::pair<std::string, double>> fitSummary() const override;

    static std::unique_ptr<LinearModel> load(ByteReader& in, const FeatureSchema& schema,
                                             TaskKind task, std::size_t classCount);

    const NumericEncoder& encoder() const { return encoder_; }
    std::size_t scoreCount() const { return intercepts_.size(); }
    // The raw scores (before sigmoid / softmax): rows x scoreCount(), row-major.
    std::vector<double> decisionScores(const FeatureMatrix& features,
                                       const TaskContext& task) const;
    LinearCoefficients coefficients() const;

  private:
    FeatureSchema schema_;
    TaskKind task_;
    std::size_t classCount_;
    NumericEncoder encoder_;
    bool centered_;
    std::vector<double> weights_;
    std::vector<double> intercepts_;
    LinearFitInfo info_;
};

// The number of scores a linear model has for a task: 1 for regression and two classes,
// else one per class.
std::size_t linearScoreCount(TaskKind task, std::size_t classCount);

}  // namespace glassbox
