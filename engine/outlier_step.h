#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/isolation_forest.h"
#include "engine/preparation_step.h"

namespace glassbox {

enum class OutlierMethod : std::uint8_t { ZScore, Iqr, IsolationForest };
enum class OutlierAction : std::uint8_t { Flag, Drop };

// The "outliers" step's parameters, typed. Parameters: method=z|iqr|isolation_forest,
// factor=auto|number, contamination, trees, sample_size, columns=auto|a;b, action=flag|drop.
struct OutlierSettings {
    OutlierMethod method = OutlierMethod::ZScore;
    // z: a row is an outlier when |x - mean| / std > factor in some column (population std).
    // iqr: when x lies outside [Q1 - factor IQR, Q3 + factor IQR] (linear quartiles).
    double factor = 3.0;
    // isolation_forest: the share of training rows whose anomaly score counts as an outlier.
    double contamination = 0.1;
    std::size_t trees = 100;
    std::size_t sampleSize = 256;
    std::vector<std::string> columns;  // empty: every numeric column except the target
    // flag: adds a boolean "outlier" column (training and prediction); drop: removes the
    // outlier rows from the training data and passes rows through at prediction.
    OutlierAction action = OutlierAction::Flag;
    unsigned threads = 0;  // isolation forest threads; 0: every hardware thread
};

// Settings from resolved parameters (factor=auto: 3 for z, 1.5 for iqr).
OutlierSettings outlierSettingsFrom(const ParamValues& params);

// What "outliers" learnt from the training rows: per-column bounds, or the forest and its
// score threshold.
class FittedOutliers final : public FittedStep {
  public:
    std::string_view name() const override { return "outliers"; }
    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override;
    void save(ByteWriter& out) const override;
    static std::unique_ptr<FittedOutliers> load(ByteReader& in);

    // 1 for each row of `table` that the step counts as an outlier (whatever the action).
    std::vector<std::uint8_t> outlierRows(const Table& table) const;
    // Isolation forest anomaly scores of the rows of `table` (empty for z and iqr).
    std::vector<double> scores(const Table& table) const;

    OutlierMethod method() const { return method_; }
    const std::vector<std::string>& columns() const { return columns_; }
    // z: mean and std per column; iqr: lower and upper bound per column.
    const std::vector<double>& first() const { return first_; }
    const std::vector<double>& second() const { return second_; }
    double threshold() const { return threshold_; }

  private:
    friend std::unique_ptr<FittedStep> fitOutliers(const Table&, const std::string&,
                                                   const OutlierSettings&, std::uint64_t,
                                                   const TaskContext&);
    std::vector<std::vector<double>> forestInput(const Table& table) const;

    OutlierMethod method_ = OutlierMethod::ZScore;
    OutlierAction action_ = OutlierAction::Flag;
    double factor_ = 3.0;
    std::vector<std::string> columns_;
    std::vector<double> first_, second_;  // see first() / second(); forest: training medians
    IsolationForest forest_;
    double threshold_ = 0;
    unsigned threads_ = 0;
};

// Fits "outliers" on the training rows. InvalidArgument("columns") for unusable columns.
std::unique_ptr<FittedStep> fitOutliers(const Table& training, const std::string& target,
                                        const OutlierSettings& settings, std::uint64_t seed,
                                        const TaskContext& task);

class OutliersStep final : public PreparationStep {
  public:
    OutliersStep();
    std::string_view name() const override { return "outliers"; }
    std::string_view description() const override;
    const ParamSpecs& params() const override { return specs_; }
    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t seed,
                                    const TaskContext& task) const override;
    std::unique_ptr<FittedStep> load(ByteReader& in) const override;

  private:
    ParamSpecs specs_;
};

const PreparationStep& outliersStep();

}  // namespace glassbox
