#include "engine/resampling_steps.h"

#include <memory>
#include <string>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/resample_data.h"

namespace glassbox {
namespace {

constexpr std::uint32_t kFormatVersion = 1;
constexpr double kMaxK = 100;

bool isSmote(ResampleKind kind) {
    return kind == ResampleKind::Smote || kind == ResampleKind::SmoteNc;
}

std::string classCounts(const std::vector<std::string>& classes,
                        const std::vector<std::size_t>& counts) {
    std::string text;
    for (std::size_t c = 0; c < classes.size(); ++c)
        text += (c ? ", " : "") + classes[c] + ": " + std::to_string(counts[c]);
    return text;
}

class FittedResampling final : public FittedStep {
  public:
    FittedResampling(std::string target, ResampleSettings settings)
        : target_(std::move(target)), settings_(settings) {}

    std::string_view name() const override { return resampleKindName(settings_.kind); }

    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(name());
        if (use == StepUse::Prediction) {
            report.details.emplace_back("rows",
                                        "passed through (resampling acts on training rows only)");
            return table;
        }
        ResampledTable out = resampleTable(table, target_, settings_, task);
        const ResamplePlan& plan = out.plan;
        const std::size_t after = plan.rows.size() + plan.synthetic.size();
        if (after >= table.rowCount())
            report.addedRows = after - table.rowCount();
        else
            report.droppedRows = table.rowCount() - after;
        report.details.emplace_back("target", target_);
        report.details.emplace_back("rows per class before",
                                    classCounts(plan.classes, plan.countsBefore));
        report.details.emplace_back("rows per class after",
                                    classCounts(plan.classes, plan.countsAfter));
        report.details.emplace_back("ratio", formatNumber(settings_.ratio));
        if (isSmote(settings_.kind)) {
            report.details.emplace_back("k", std::to_string(settings_.k));
            // A class with at most k complete rows interpolates towards all its other rows.
            std::string fewer;
            for (std::size_t c = 0; c < plan.classes.size(); ++c)
                if (plan.neighboursUsed[c] != 0 && plan.neighboursUsed[c] < settings_.k)
                    fewer += (fewer.empty() ? "" : ", ") + plan.classes[c] + ": " +
                             std::to_string(plan.neighboursUsed[c]);
            if (!fewer.empty()) report.details.emplace_back("k used (small classes)", fewer);
            report.details.emplace_back("synthetic rows", std::to_string(plan.synthetic.size()));
            report.details.emplace_back("rows with missing values (not used by SMOTE)",
                                        std::to_string(plan.incompleteRows));
        }
        report.details.emplace_back("seed", std::to_string(settings_.seed));
        return std::move(out.table);
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint32_t>(kFormatVersion);
        out.put<std::uint8_t>(static_cast<std::uint8_t>(settings_.kind));
        out.putString(target_);
        out.put<double>(settings_.ratio);
        out.put<std::uint64_t>(settings_.k);
        out.put<std::uint64_t>(settings_.seed);
    }

  private:
    std::string target_;
    ResampleSettings settings_;
};

class ResamplingStep final : public PreparationStep {
  public:
    ResamplingStep(ResampleKind kind, std::string_view description)
        : kind_(kind), description_(description) {
        const bool under = kind == ResampleKind::Undersample;
        specs_.push_back(ParamSpec{
            .name = "ratio",
            .type = ParamType::Real,
            .defaultValue = "1",
            .min = 0,
            .max = 1,
            .minExclusive = true,
            .choices = {},
            .help = under ? "each larger class is cut to the smallest class's rows / ratio "
                            "(1 balances the classes)"
                          : "each smaller class is raised to ratio x the largest class's rows "
                            "(1 balances the classes)"});
        if (isSmote(kind))
            specs_.push_back(ParamSpec{.name = "k",
                                       .type = ParamType::Integer,
                                       .defaultValue = "5",
                                       .min = 1,
                                       .max = kMaxK,
                                       .choices = {},
                                       .help = "nearest neighbours of the same class"});
    }

    std::string_view name() const override { return resampleKindName(kind_); }
    std::string_view description() const override { return description_; }
    const ParamSpecs& params() const override { return specs_; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t seed,
                                    const TaskContext& task) const override {
        task.checkCancelled();
        if (target.empty())
            throw InvalidArgument("--target",
                                  "resampling balances the classes of a target "
                                  "column; name it (prepare: --target COL)");
        checkResampleTable(training, target, kind_);
        ResampleSettings settings;
        settings.kind = kind_;
        settings.ratio = params.real("ratio");
        if (isSmote(kind_)) settings.k = static_cast<std::size_t>(params.integer("k"));
        settings.seed = seed;
        return std::make_unique<FittedResampling>(target, settings);
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        in.require(in.get<std::uint32_t>() == kFormatVersion, "unknown resampling step version");
        in.require(in.get<std::uint8_t>() == static_cast<std::uint8_t>(kind_),
                   "the step is not this kind of resampling");
        ResampleSettings settings;
        settings.kind = kind_;
        std::string target = in.getString();
        settings.ratio = in.get<double>();
        settings.k = in.get<std::uint64_t>();
        settings.seed = in.get<std::uint64_t>();
        in.require(!target.empty(), "a resampling step without a target");
        in.require(settings.ratio > 0 && settings.ratio <= 1, "a resampling ratio out of (0, 1]");
        in.require(settings.k >= 1 && settings.k <= kMaxK, "a SMOTE k out of [1, 100]");
        return std::make_unique<FittedResampling>(std::move(target), settings);
    }

  private:
    ResampleKind kind_;
    std::string_view description_;
    ParamSpecs specs_;
};

}  // namespace

const PreparationStep& oversampleStep() {
    static const ResamplingStep step(ResampleKind::Oversample,
                                     "random over-sampling of the smaller classes (training rows "
                                     "only)");
    return step;
}

const PreparationStep& undersampleStep() {
    static const ResamplingStep step(ResampleKind::Undersample,
                                     "random under-sampling of the larger classes (training rows "
                                     "only)");
    return step;
}

const PreparationStep& smoteStep() {
    static const ResamplingStep step(ResampleKind::Smote,
                                     "SMOTE: synthetic rows of the smaller classes between "
                                     "neighbours, numeric features (training rows only)");
    return step;
}

const PreparationStep& smoteNcStep() {
    static const ResamplingStep step(ResampleKind::SmoteNc,
                                     "SMOTE-NC: SMOTE for numeric and categorical features "
                                     "(training rows only)");
    return step;
}

}  // namespace glassbox
