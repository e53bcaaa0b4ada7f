#include "engine/preparation_pipeline.h"

#include <nlohmann/json.hpp>

#include "engine/binning_step.h"
#include "engine/byte_io.h"
#include "engine/dp_noise_step.h"
#include "engine/drop_duplicates_step.h"
#include "engine/drop_missing_step.h"
#include "engine/encoding_step.h"
#include "engine/errors.h"
#include "engine/generalize_step.h"
#include "engine/impute_step.h"
#include "engine/k_anonymity_step.h"
#include "engine/missing_indicator_step.h"
#include "engine/outlier_step.h"
#include "engine/pseudonymize_step.h"
#include "engine/random.h"
#include "engine/resampling_steps.h"
#include "engine/roles_step.h"
#include "engine/scaling_step.h"
#include "engine/types_step.h"
#include "engine/validate_step.h"

namespace glassbox {
namespace {

using json = nlohmann::ordered_json;

std::vector<const PreparationStep*> makeRegistry() {
    return {
        &typesStep(),
        &validateStep(),
        &dropMissingStep(),
        &imputeStep(),
        &missingIndicatorStep(),
        &dropDuplicatesStep(),
        &outliersStep(),
        &scaleStep(),
        &encodeStep(),
        &binStep(),
        &oversampleStep(),
        &undersampleStep(),
        &smoteStep(),
        &smoteNcStep(),
        // Data protection: in a training pipeline these come before the learning steps.
        &rolesStep(),
        &pseudonymizeStep(),
        &generalizeStep(),
        &kAnonymityStep(),
        &dpNoiseStep(),
    };
}

std::uint64_t stepSeed(std::uint64_t seed, std::size_t index) {
    return Random(seed, 0x9e9a + index).next();
}

// `e` again, its message saying which step it comes from ("step \"impute\": ...").
InvalidArgument inStep(const InvalidArgument& e, const std::string& step) {
    std::string message = e.what();
    const std::string prefix = e.parameter() + ": ";
    if (message.starts_with(prefix)) message.erase(0, prefix.size());
    if (message.starts_with("step \"")) return e;
    return InvalidArgument(e.parameter(), "step \"" + step + "\": " + message);
}

// Charges a release to `budget`, naming the step in a refusal.
void charge(PrivacyBudget& budget, const StepSetting& setting, const FittedStep& fitted) {
    if (const std::optional<PrivacyLoss> loss = fitted.privacyLoss())
        budget.spend(stepSettingText(setting), *loss);
}

// A value as STEP text: quoted when it holds a comma or starts with a quote (parseStepText).
std::string stepTextValue(const std::string& value) {
    if (value.find(',') == std::string::npos && (value.empty() || value.front() != '"'))
        return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

}  // namespace

std::span<const PreparationStep* const> allPreparationSteps() {
    static const std::vector<const PreparationStep*> steps = makeRegistry();
    return steps;
}

const PreparationStep& preparationStepNamed(std::string_view name) {
    std::string known;
    for (const PreparationStep* step : allPreparationSteps()) {
        if (step->name() == name) return *step;
        known += (known.empty() ? "" : ", ") + std::string(step->name());
    }
    throw InvalidArgument("--step",
                          "unknown step \"" + std::string(name) + "\"; the steps are " + known);
}

StepSetting makeStepSetting(std::string_view step,
                            const std::map<std::string, std::string>& given) {
    const PreparationStep& kind = preparationStepNamed(step);
    try {
        return {std::string(kind.name()), ParamValues::resolve(kind.params(), given)};
    } catch (const InvalidArgument& e) {
        throw inStep(e, std::string(step));
    }
}

StepSetting parseStepSetting(std::string_view text) {
    const auto [name, given] = parseStepText(text);
    return makeStepSetting(name, given);
}

std::string stepSettingText(const StepSetting& setting) {
    const PreparationStep& kind = preparationStepNamed(setting.step);
    std::string text = setting.step;
    char separator = ':';
    for (const ParamSpec& spec : kind.params()) {
        const std::string& value = setting.params.text(spec.name);
        // Compare canonical forms: "1.50" and "1.5" are one default.
        const std::string canonicalDefault =
            ParamValues::resolve(kind.params(), {{spec.name, spec.defaultValue}}).text(spec.name);
        if (value == canonicalDefault) continue;
        text += separator + spec.name + "=" + stepTextValue(value);
        separator = ',';
    }
    return text;
}

PipelineSpec parsePipelineTexts(std::span<const std::string> texts, PrivacyAllowance budget) {
    PipelineSpec spec;
    for (const std::string& text : texts) spec.steps.push_back(parseStepSetting(text));
    spec.budget = budget;
    return spec;
}

std::vector<std::string> pipelineTexts(const PipelineSpec& spec) {
    std::vector<std::string> texts;
    for (const StepSetting& s : spec.steps) texts.push_back(stepSettingText(s));
    return texts;
}

std::string pipelineJson(const PipelineSpec& spec) {
    json steps = json::array();
    for (const StepSetting& s : spec.steps)
        steps.push_back({{"step", s.step}, {"params", s.params.all()}});
    return steps.dump();
}

PipelineSpec parsePipelineJson(std::string_view text, const std::string& source) {
    auto fail = [&](const std::string& what) -> void {
        throw InvalidArgument(source, "preparation steps: " + what);
    };
    json parsed;
    try {
        parsed = json::parse(text);
    } catch (const json::exception&) {
        fail("not valid JSON");
    }
    if (!parsed.is_array()) fail("not a list");
    PipelineSpec spec;
    for (const json& item : parsed) {
        if (!item.is_object() || !item.contains("step") || !item["step"].is_string())
            fail("an entry lacks its \"step\"");
        std::map<std::string, std::string> given;
        if (item.contains("params")) {
            if (!item["params"].is_object()) fail("\"params\" is not an object");
            for (const auto& [key, value] : item["params"].items()) {
                if (!value.is_string()) fail("parameter \"" + key + "\" is not text");
                given[key] = value.get<std::string>();
            }
        }
        try {
            spec.steps.push_back(makeStepSetting(item["step"].get<std::string>(), given));
        } catch (const InvalidArgument& e) {
            fail(e.what());
        }
    }
    return spec;
}

FittedPipeline::FittedPipeline() = default;
FittedPipeline::FittedPipeline(FittedPipeline&&) noexcept = default;
FittedPipeline& FittedPipeline::operator=(FittedPipeline&&) noexcept = default;
FittedPipeline::~FittedPipeline() = default;

Table FittedPipeline::apply(const Table& table, StepUse use, PipelineReport* report,
                            const TaskContext& task) const {
    if (steps_.empty()) return table;
    PrivacyBudget budget(spec_.budget.epsilon, spec_.budget.delta);
    Table current = table;
    const std::size_t n = steps_.size();
    for (std::size_t i = 0; i < n; ++i) {
        const TaskContext sub =
            task.sub(double(i) / double(n), double(i + 1) / double(n), spec_.steps[i].step);
        if (use == StepUse::Training) charge(budget, spec_.steps[i], *steps_[i]);
        StepReport stepReport;
        stepReport.step = spec_.steps[i].step;
        Table next = steps_[i]->apply(current, use, stepReport, sub);
        if (use == StepUse::Prediction && next.rowCount() != current.rowCount())
            throw Error("step \"" + spec_.steps[i].step +
                        "\" changed the number of rows at prediction");
        current = std::move(next);
        if (report) report->steps.push_back(std::move(stepReport));
    }
    if (report) {
        report->spent = budget.spent();
        report->ledger = budget.ledger();
    }
    return current;
}

void FittedPipeline::save(ByteWriter& out) const {
    out.put<std::uint64_t>(steps_.size());
    for (std::size_t i = 0; i < steps_.size(); ++i) {
        out.putString(spec_.steps[i].step);
        ByteWriter state;
        steps_[i]->save(state);
        out.putBytes(state.bytes());
    }
}

FittedPipeline FittedPipeline::load(ByteReader& in, const PipelineSpec& spec,
                                    const std::string& source) {
    FittedPipeline pipeline;
    pipeline.spec_ = spec;
    const auto count = in.get<std::uint64_t>();
    if (count != spec.steps.size())
        throw ModelFormatError(source, "the preparation steps do not match their list");
    for (const StepSetting& setting : spec.steps) {
        if (in.getString() != setting.step)
            throw ModelFormatError(source, "the preparation steps do not match their list");
        ByteReader state(in.getBytes(), source);
        pipeline.steps_.push_back(preparationStepNamed(setting.step).load(state));
        if (state.remaining() != 0)
            throw ModelFormatError(source, "step \"" + setting.step + "\" has trailing bytes");
    }
    return pipeline;
}

void FittedPipeline::append(FittedPipeline&& later) {
    for (StepSetting& s : later.spec_.steps) spec_.steps.push_back(std::move(s));
    for (auto& step : later.steps_) steps_.push_back(std::move(step));
    later.spec_.steps.clear();
    later.steps_.clear();
}

// Builds a FittedPipeline step by step (the only writer of its private parts).
struct PipelineFitter {
    static PreparedTable fit(const PipelineSpec& spec, const Table& training,
                             const std::string& target, std::uint64_t seed, const TaskContext& task,
                             const StepObserver& afterStep) {
        PreparedTable out;
        out.pipeline.spec_ = spec;
        PrivacyBudget budget(spec.budget.epsilon, spec.budget.delta);
        Table current = training;
        const std::size_t n = spec.steps.size();
        for (std::size_t i = 0; i < n; ++i) {
            const StepSetting& setting = spec.steps[i];
            const PreparationStep& kind = preparationStepNamed(setting.step);
            const TaskContext sub =
                task.sub(double(i) / double(n), double(i + 1) / double(n), setting.step);
            std::unique_ptr<FittedStep> fitted;
            StepReport report;
            report.step = setting.step;
            try {
                fitted = kind.fit(current, target, setting.params, stepSeed(seed, i), sub);
                charge(budget, setting, *fitted);
                current = fitted->apply(current, StepUse::Training, report, sub);
            } catch (const InvalidArgument& e) {
                throw inStep(e, setting.step);
            }
            if (!target.empty() && current.indexOf(target) < 0)
                throw InvalidArgument(
                    "--step",
                    "step \"" + setting.step + "\" removed the target column \"" + target + "\"");
            out.report.steps.push_back(std::move(report));
            out.pipeline.steps_.push_back(std::move(fitted));
            if (afterStep) afterStep(i, current);
        }
        out.report.spent = budget.spent();
        out.report.ledger = budget.ledger();
        out.table = std::move(current);
        return out;
    }
};

PreparedTable fitPipeline(const PipelineSpec& spec, const Table& training,
                          const std::string& target, std::uint64_t seed, const TaskContext& task,
                          const StepObserver& afterStep) {
    return PipelineFitter::fit(spec, training, target, seed, task, afterStep);
}

std::pair<PipelineSpec, PipelineSpec> splitProtection(const PipelineSpec& spec) {
    std::pair<PipelineSpec, PipelineSpec> parts;
    parts.first.budget = parts.second.budget = spec.budget;
    for (const StepSetting& s : spec.steps) {
        const bool protects = preparationStepNamed(s.step).protectsData();
        if (protects && !parts.second.steps.empty())
            throw InvalidArgument("--step", "\"" + s.step +
                                                "\" protects the data and must come "
                                                "before \"" +
                                                parts.second.steps.front().step +
                                                "\": protect the data first, then prepare it for "
                                                "learning");
        (protects ? parts.first : parts.second).steps.push_back(s);
    }
    return parts;
}

}  // namespace glassbox
