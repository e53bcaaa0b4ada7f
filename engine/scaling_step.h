#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/preparation_step.h"

namespace glassbox {

// standard: (x - mean) / std (population std); minmax: (x - min) / (max - min);
// robust: (x - median) / IQR (linear quartiles). A zero spread scales by 1 (sklearn's rule).
enum class ScaleMethod : std::uint8_t { Standard, MinMax, Robust };

// The "scale" step's parameters: method=standard|minmax|robust, columns=auto|a;b.
struct ScaleSettings {
    ScaleMethod method = ScaleMethod::Standard;
    std::vector<std::string> columns;  // empty: every numeric column except the target
};

ScaleSettings scaleSettingsFrom(const ParamValues& params);

// Centre and scale per column, learnt on the training rows: apply maps x to (x - centre) / scale.
class FittedScale final : public FittedStep {
  public:
    FittedScale(ScaleMethod method, std::vector<std::string> columns, std::vector<double> centres,
                std::vector<double> scales);
    std::string_view name() const override { return "scale"; }
    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override;
    void save(ByteWriter& out) const override;
    static std::unique_ptr<FittedScale> load(ByteReader& in);

    ScaleMethod method() const { return method_; }
    const std::vector<std::string>& columns() const { return columns_; }
    const std::vector<double>& centres() const { return centres_; }
    const std::vector<double>& scales() const { return scales_; }

  private:
    ScaleMethod method_;
    std::vector<std::string> columns_;
    std::vector<double> centres_;
    std::vector<double> scales_;
};

std::unique_ptr<FittedStep> fitScale(const Table& training, const std::string& target,
                                     const ScaleSettings& settings, const TaskContext& task);

class ScaleStep final : public PreparationStep {
  public:
    ScaleStep();
    std::string_view name() const override { return "scale"; }
    std::string_view description() const override;
    const ParamSpecs& params() const override { return specs_; }
    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t seed,
                                    const TaskContext& task) const override;
    std::unique_ptr<FittedStep> load(ByteReader& in) const override;

  private:
    ParamSpecs specs_;
};

const PreparationStep& scaleStep();

}  // namespace glassbox
