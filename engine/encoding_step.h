#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/preparation_step.h"

namespace glassbox {

// one-hot: a numeric 0/1 column "NAME=LEVEL" per level seen in training (in sorted order, in
// place of the original column); a level unknown to training gives zeros in all of them.
// ordinal: one numeric column of codes 0, 1, ... by sorted level or by a given order; an
// unknown level becomes missing. Both count unknown cells in the report.
enum class EncodeMethod : std::uint8_t { OneHot, Ordinal };

// The "encode" step's parameters: method=one-hot|ordinal, drop_first=false|true,
// order=sorted|l1;l2;..., columns=auto|a;b.
struct EncodeSettings {
    EncodeMethod method = EncodeMethod::OneHot;
    bool dropFirst = false;            // one-hot: leave out the first level's column
    std::vector<std::string> order;    // ordinal: codes in this order; empty: sorted levels
    std::vector<std::string> columns;  // empty: every categorical column except the target
};

EncodeSettings encodeSettingsFrom(const ParamValues& params);

class FittedEncode final : public FittedStep {
  public:
    FittedEncode(EncodeMethod method, bool dropFirst, std::vector<std::string> columns,
                 std::vector<std::vector<std::string>> levels);
    std::string_view name() const override { return "encode"; }
    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override;
    void save(ByteWriter& out) const override;
    static std::unique_ptr<FittedEncode> load(ByteReader& in);

    const std::vector<std::string>& columns() const { return columns_; }
    // Per column, the levels learnt in training in code order.
    const std::vector<std::vector<std::string>>& levels() const { return levels_; }

  private:
    EncodeMethod method_;
    bool dropFirst_;
    std::vector<std::string> columns_;
    std::vector<std::vector<std::string>> levels_;
};

std::unique_ptr<FittedStep> fitEncode(const Table& training, const std::string& target,
                                      const EncodeSettings& settings, const TaskContext& task);

class EncodeStep final : public PreparationStep {
  public:
    EncodeStep();
    std::string_view name() const override { return "encode"; }
    std::string_view description() const override;
    const ParamSpecs& params() const override { return specs_; }
    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t seed,
                                    const TaskContext& task) const override;
    std::unique_ptr<FittedStep> load(ByteReader& in) const override;

  private:
    ParamSpecs specs_;
};

const PreparationStep& encodeStep();

}  // namespace glassbox
