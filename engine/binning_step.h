#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/preparation_step.h"

namespace glassbox {

// equal-width: count bins of equal width between the training minimum and maximum;
// quantile: edges at the training values' linear quantiles i / count (tied edges merge, so
// there may be fewer bins).
enum class BinMethod : std::uint8_t { EqualWidth, Quantile };

// The "bin" step's parameters: method=equal-width|quantile, count, columns=auto|a;b.
struct BinSettings {
    BinMethod method = BinMethod::EqualWidth;
    std::size_t count = 5;
    std::vector<std::string> columns;  // empty: every numeric column except the target
};

BinSettings binSettingsFrom(const ParamValues& params);

// A numeric column becomes a categorical one whose levels are its bins in order. The outer
// bins are open-ended so later values beyond the training range still have a bin:
// "(-inf, 2)", "[2, 4)", "[4, inf)"; a column constant in training has the one bin "(-inf, inf)".
class FittedBin final : public FittedStep {
  public:
    FittedBin(std::vector<std::string> columns, std::vector<std::vector<double>> edges);
    std::string_view name() const override { return "bin"; }
    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override;
    void save(ByteWriter& out) const override;
    static std::unique_ptr<FittedBin> load(ByteReader& in);

    const std::vector<std::string>& columns() const { return columns_; }
    // Per column, the ascending inner edges (bins = edges + 1).
    const std::vector<std::vector<double>>& edges() const { return edges_; }

  private:
    std::vector<std::string> columns_;
    std::vector<std::vector<double>> edges_;
};

// The labels of the bins that `edges` (ascending inner edges) make.
std::vector<std::string> binLabels(const std::vector<double>& edges);

std::unique_ptr<FittedStep> fitBin(const Table& training, const std::string& target,
                                   const BinSettings& settings, const TaskContext& task);

class BinStep final : public PreparationStep {
  public:
    BinStep();
    std::string_view name() const override { return "bin"; }
    std::string_view description() const override;
    const ParamSpecs& params() const override { return specs_; }
    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t seed,
                                    const TaskContext& task) const override;
    std::unique_ptr<FittedStep> load(ByteReader& in) const override;

  private:
    ParamSpecs specs_;
};

const PreparationStep& binStep();

}  // namespace glassbox
