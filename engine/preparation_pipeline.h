#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/param_spec.h"
#include "engine/preparation_step.h"
#include "engine/privacy_budget.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

class ByteReader;
class ByteWriter;

// Every preparation step, in the order the GUI lists them (cleaning, outliers, transforms,
// resampling, privacy).
std::span<const PreparationStep* const> allPreparationSteps();
// Throws InvalidArgument("--step") naming the known steps when there is none called `name`.
const PreparationStep& preparationStepNamed(std::string_view name);

// One configured step: its name and its checked parameters (every parameter, canonical text).
struct StepSetting {
    std::string step;
    ParamValues params;
};

// "impute:strategy=median" -> the setting, parameters checked against the step's specs.
// Throws InvalidArgument("--step") for malformed text or an unknown step, and
// InvalidArgument(parameter) naming the step for a bad value.
StepSetting parseStepSetting(std::string_view text);
StepSetting makeStepSetting(std::string_view step, const std::map<std::string, std::string>& given);
// The setting as STEP text, parameters that differ from their defaults only:
// "outliers:action=drop,method=iqr". parseStepSetting reads it back to the same setting.
std::string stepSettingText(const StepSetting& setting);

// The privacy budget a pipeline's differentially private releases are charged to (basic
// composition over its steps); a pipeline asking for more is refused before any noise is drawn.
struct PrivacyAllowance {
    double epsilon = 1.0;
    double delta = 1e-5;
};

// An ordered list of steps, with the privacy budget they may spend.
struct PipelineSpec {
    std::vector<StepSetting> steps;
    PrivacyAllowance budget;

    bool empty() const { return steps.empty(); }
};

// STEP texts as a pipeline with `budget` (parseStepSetting on each), and back (stepSettingText
// on each): how requests, the CLI and reports carry a pipeline as text.
PipelineSpec parsePipelineTexts(std::span<const std::string> texts, PrivacyAllowance budget = {});
std::vector<std::string> pipelineTexts(const PipelineSpec& spec);

// The steps as JSON, [{"step":"impute","params":{"strategy":"median",...}}, ...]: what the model
// file's header and the history version's "preparation" hold.
std::string pipelineJson(const PipelineSpec& spec);
// Reads pipelineJson's text back, checking every step and parameter; throws InvalidArgument
// (`source`) naming the problem. The budget is not part of the JSON (default on reading).
PipelineSpec parsePipelineJson(std::string_view json, const std::string& source);

// What a fitted pipeline did to a table, step by step.
struct PipelineReport {
    std::vector<StepReport> steps;
    // Differential privacy: what the releases spent, one ledger line per release.
    PrivacyLoss spent;
    std::vector<LedgerEntry> ledger;
};

// A pipeline fitted on training rows: every step's learnt state fixed. Move-only; apply() may
// run on several threads.
class FittedPipeline {
  public:
    FittedPipeline();
    FittedPipeline(FittedPipeline&&) noexcept;
    FittedPipeline& operator=(FittedPipeline&&) noexcept;
    ~FittedPipeline();

    bool empty() const { return steps_.empty(); }
    std::size_t size() const { return steps_.size(); }
    const PipelineSpec& spec() const { return spec_; }

    // Applies the steps in order. At Prediction the rows pass through one for one (row-shaping
    // steps act on training data only), so predictions line up with the input's rows.
    // `report`, when given, receives each step's report. Throws what the steps throw
    // (InvalidArgument naming a missing column) and Cancelled.
    Table apply(const Table& table, StepUse use, PipelineReport* report,
                const TaskContext& task) const;

    // The fitted steps' state, in order (the specs are stored apart, as pipelineJson).
    void save(ByteWriter& out) const;
    // Reads what save() wrote for `spec`; throws ModelFormatError(source) on anything
    // inconsistent.
    static FittedPipeline load(ByteReader& in, const PipelineSpec& spec, const std::string& source);

    // Appends `later`'s steps after this one's.
    void append(FittedPipeline&& later);

  private:
    friend struct PipelineFitter;
    PipelineSpec spec_;
    std::vector<std::unique_ptr<FittedStep>> steps_;
};

struct PreparedTable {
    FittedPipeline pipeline;
    Table table;  // the input as the fitted steps leave it for training
    PipelineReport report;
};

// Fits the steps one after another, each on the table the previous ones produced for training
// (StepUse::Training), with `target` named so steps leave it alone or use it. Privacy releases
// are charged to spec.budget before they draw noise (InvalidArgument("epsilon"/"delta") when it
// does not allow them). Randomised steps are seeded from `seed` and their place in the list.
// `afterStep`, when given, sees the table after each step (the GUI's before/after preview).
using StepObserver = std::function<void(std::size_t step, const Table& after)>;
PreparedTable fitPipeline(const PipelineSpec& spec, const Table& training,
                          const std::string& target, std::uint64_t seed, const TaskContext& task,
                          const StepObserver& afterStep = {});

// Splits a training pipeline where learning starts: the leading data-protection steps
// (PreparationStep::protectsData) are applied once to the whole table before rows are split for
// validation; the rest is fitted on each fold's training rows. Throws InvalidArgument("--step")
// when a protection step follows a learning one (protect the data first).
std::pair<PipelineSpec, PipelineSpec> splitProtection(const PipelineSpec& spec);

}  // namespace glassbox
