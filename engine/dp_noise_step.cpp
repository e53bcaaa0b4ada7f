#include "engine/dp_noise_step.h"

#include <cmath>
#include <optional>

#include "engine/byte_io.h"
#include "engine/dp_mechanisms.h"
#include "engine/dp_random.h"
#include "engine/errors.h"
#include "engine/step_columns.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "dp-noise";

// The largest double not above `units` (a double rounds to nearest, possibly up).
double roundedDown(std::uint64_t units) {
    double value = static_cast<double>(units);
    if (static_cast<long double>(value) > static_cast<long double>(units))
        value = std::nextafter(value, 0.0);
    return value;
}

std::string missingMessage(const std::string& column, std::size_t count) {
    return "column \"" + column + "\" has " + std::to_string(count) +
           (count == 1 ? " missing value" : " missing values") +
           ": impute or drop missing values before dp-noise";
}

// Missing cells and NaN values of a numeric column.
std::size_t missingValues(const Column& column) {
    std::size_t count = 0;
    for (std::size_t r = 0; r < column.size(); ++r)
        if (column.isMissing(r) || std::isnan(column.numbers()[r])) ++count;
    return count;
}

// "auto", one number or one per column; nullopt where the bound comes from the data.
std::vector<std::optional<double>> parseBounds(const std::string& text, const std::string& name,
                                               std::size_t columns) {
    std::vector<std::string> items = splitList(text);
    if (items.empty()) items.emplace_back("auto");
    if (items.size() != 1 && items.size() != columns)
        throw InvalidArgument(name, "give auto, one number or one per column (" +
                                        std::to_string(columns) + "), not " +
                                        std::to_string(items.size()));
    std::vector<std::optional<double>> bounds;
    for (const std::string& item : items) {
        const std::string_view trimmed = trimSpaces(item);
        if (trimmed == "auto") {
            bounds.emplace_back();
            continue;
        }
        const std::optional<double> value = parseNumber(trimmed);
        if (!value || !std::isfinite(*value))
            throw InvalidArgument(name, "\"" + std::string(trimmed) + "\" is not a number or auto");
        bounds.push_back(value);
    }
    if (bounds.size() == 1) bounds.resize(columns, bounds.front());
    return bounds;
}

struct NoisyColumn {
    std::string name;
    double lower = 0;
    double upper = 1;
    bool fromData = false;  // either bound taken from the training rows
};

class FittedDpNoise final : public FittedStep {
  public:
    FittedDpNoise(std::vector<NoisyColumn> columns, DpNoise noise, double epsilon, double delta)
        : columns_(std::move(columns)), noise_(noise), epsilon_(epsilon), delta_(delta) {}

    std::string_view name() const override { return kName; }

    std::optional<PrivacyLoss> privacyLoss() const override { return loss(); }

    // Column i's share of the step's loss: an even split, rounded down, so the columns' losses
    // add up to no more than the step's.
    DpRequest request(std::size_t i) const {
        const PrivacyLoss total = loss();
        const std::uint64_t n = columns_.size();
        DpRequest r;
        r.label = "dp-noise " + columns_[i].name;
        r.noise = noise_;
        if (total.epsilonUnits / n == 0)
            throw InvalidArgument("epsilon",
                                  "too small to split over " + std::to_string(n) + " columns");
        r.epsilon =
            std::ldexp(static_cast<double>(total.epsilonUnits / n), -PrivacyLoss::kEpsilonBits);
        if (noise_ == DpNoise::Gaussian) {
            if (total.deltaUnits / n == 0)
                throw InvalidArgument("delta",
                                      "too small to split over " + std::to_string(n) + " columns");
            r.delta = std::ldexp(roundedDown(total.deltaUnits / n), -PrivacyLoss::kDeltaBits);
        }
        r.lower = columns_[i].lower;
        r.upper = columns_[i].upper;
        return r;
    }

    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        // Noise protects the released training rows; rows to predict are not released.
        if (use == StepUse::Prediction) return table;
        std::vector<std::size_t> indices;
        for (const NoisyColumn& c : columns_) {
            const std::size_t index = requireColumn(table, c.name, kName, ColumnType::Numeric);
            const std::size_t missing = missingValues(table.column(index));
            if (missing > 0) throw InvalidArgument(c.name, missingMessage(c.name, missing));
            indices.push_back(index);
        }
        const PrivacyLoss total = loss();
        // The pipeline has charged its own budget for this step; this one enforces the split.
        PrivacyBudget budget(total.epsilon(), total.delta());
        SystemRandomBits bits;
        Table out = table;
        std::vector<std::pair<std::string, std::string>> perColumn;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const Column& column = table.column(indices[i]);
            const DpValuesRelease release = releaseValues(
                column.numbers(), request(i), budget, bits,
                task.sub(double(i) / double(columns_.size()),
                         double(i + 1) / double(columns_.size()), columns_[i].name + ": "));
            for (std::size_t r = 0; r < column.size(); ++r)
                if (release.values[r] != column.numbers()[r]) ++report.changedCells;
            out.replaceColumn(indices[i], Column::numeric(column.name(), release.values,
                                                          ValidityMask(column.size(), true)));
            perColumn.emplace_back("noise sd " + columns_[i].name,
                                   formatNumber(release.plan.noiseStandardDeviation()));
            perColumn.emplace_back("grid step " + columns_[i].name,
                                   formatNumber(release.plan.gridStep()));
        }
        report.details.emplace_back("epsilon spent", formatNumber(budget.spent().epsilon()));
        report.details.emplace_back("delta spent", formatNumber(budget.spent().delta()));
        report.details.insert(report.details.end(), perColumn.begin(), perColumn.end());
        for (const NoisyColumn& c : columns_)
            if (c.fromData)
                report.details.emplace_back("warning", "bounds of " + c.name +
                                                           " taken from the data; declare "
                                                           "lower/upper for a fully private "
                                                           "release");
        return out;
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.put<std::uint8_t>(static_cast<std::uint8_t>(noise_));
        out.put<double>(epsilon_);
        out.put<double>(delta_);
        out.put<std::uint64_t>(columns_.size());
        for (const NoisyColumn& c : columns_) {
            out.putString(c.name);
            out.put<double>(c.lower);
            out.put<double>(c.upper);
            out.put<std::uint8_t>(c.fromData ? 1 : 0);
        }
    }

    static std::unique_ptr<FittedStep> load(ByteReader& in) {
        expectStepFormat(in, kName);
        const auto noise = in.get<std::uint8_t>();
        in.require(noise <= static_cast<std::uint8_t>(DpNoise::Gaussian), "an unknown mechanism");
        const double epsilon = in.get<double>();
        const double delta = in.get<double>();
        const auto count = in.get<std::uint64_t>();
        in.require(count >= 1 && count <= in.remaining(), "a wrong number of noisy columns");
        std::vector<NoisyColumn> columns;
        for (std::uint64_t i = 0; i < count; ++i) {
            NoisyColumn c;
            c.name = in.getString();
            c.lower = in.get<double>();
            c.upper = in.get<double>();
            c.fromData = in.get<std::uint8_t>() != 0;
            columns.push_back(std::move(c));
        }
        auto fitted = std::make_unique<FittedDpNoise>(std::move(columns),
                                                      static_cast<DpNoise>(noise), epsilon, delta);
        try {
            for (std::size_t i = 0; i < count; ++i)
                planDpRelease(DpQuery::Values, fitted->request(i));
        } catch (const InvalidArgument&) {
            in.fail("dp-noise settings out of range");
        }
        return fitted;
    }

  private:
    PrivacyLoss loss() const {
        return PrivacyLoss::of(epsilon_, noise_ == DpNoise::Gaussian ? delta_ : 0.0);
    }

    std::vector<NoisyColumn> columns_;
    DpNoise noise_;
    double epsilon_;
    double delta_;
};

class DpNoiseStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Differentially private release of numeric columns: Laplace or Gaussian noise on "
               "a grid from the system's CSPRNG, epsilon charged to the privacy budget";
    }
    const ParamSpecs& params() const override { return specs_; }
    bool protectsData() const override { return true; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string&,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext&) const override {
        const std::vector<std::string> names =
            listedColumns(training, params.text("columns"), "columns");
        if (names.empty())
            throw InvalidArgument("columns", "name the numeric columns to release with noise");
        const std::vector<std::optional<double>> lowers =
            parseBounds(params.text("lower"), "lower", names.size());
        const std::vector<std::optional<double>> uppers =
            parseBounds(params.text("upper"), "upper", names.size());
        std::vector<NoisyColumn> columns;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const Column& column =
                training.column(static_cast<std::size_t>(training.indexOf(names[i])));
            if (column.type() != ColumnType::Numeric)
                throw InvalidArgument("columns", "\"" + names[i] + "\" is " +
                                                     std::string(columnTypeName(column.type())) +
                                                     "; dp-noise releases numeric columns");
            const std::size_t missing = missingValues(column);
            if (missing > 0) throw InvalidArgument("columns", missingMessage(names[i], missing));
            NoisyColumn c{names[i], 0, 1, !lowers[i] || !uppers[i]};
            if (c.fromData) {
                const std::vector<double> sorted = sortedFinite(column);
                if (sorted.empty())
                    throw InvalidArgument(!lowers[i] ? "lower" : "upper",
                                          "column \"" + names[i] +
                                              "\" has no finite value to take bounds from; "
                                              "declare lower and upper");
                c.lower = lowers[i].value_or(sorted.front());
                c.upper = uppers[i].value_or(sorted.back());
                // A constant column still needs a range to clamp into.
                if (!lowers[i] && !uppers[i] && c.lower == c.upper) {
                    c.lower -= 0.5;
                    c.upper += 0.5;
                }
            } else {
                c.lower = *lowers[i];
                c.upper = *uppers[i];
            }
            columns.push_back(std::move(c));
        }
        const DpNoise noise =
            params.text("mechanism") == "gaussian" ? DpNoise::Gaussian : DpNoise::Laplace;
        if (!(params.real("delta") < 1)) throw InvalidArgument("delta", "must be below 1");
        auto fitted = std::make_unique<FittedDpNoise>(std::move(columns), noise,
                                                      params.real("epsilon"), params.real("delta"));
        // Checks epsilon, delta and the bounds now rather than at the first release.
        fitted->privacyLoss();
        for (std::size_t i = 0; i < names.size(); ++i)
            planDpRelease(DpQuery::Values, fitted->request(i));
        return fitted;
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        return FittedDpNoise::load(in);
    }

  private:
    ParamSpecs specs_ = {
        {.name = "columns",
         .type = ParamType::Text,
         .defaultValue = "",
         .choices = {},
         .help = "Numeric columns to release with noise (';' list), without missing values"},
        {.name = "epsilon",
         .type = ParamType::Real,
         .defaultValue = "1",
         .min = 0,
         .max = 1048576,
         .minExclusive = true,
         .choices = {},
         .help = "Privacy loss of the step, split evenly over the columns"},
        {.name = "mechanism",
         .type = ParamType::Choice,
         .defaultValue = "laplace",
         .choices = {"laplace", "gaussian"},
         .help = "laplace: epsilon-DP; gaussian: (epsilon, delta)-DP"},
        {.name = "delta",
         .type = ParamType::Real,
         .defaultValue = "1e-06",
         .min = 0,
         .max = 1,
         .minExclusive = true,
         .choices = {},
         .help = "gaussian: the delta of (epsilon, delta)-DP, below 1, split like epsilon"},
        {.name = "lower",
         .type = ParamType::Text,
         .defaultValue = "auto",
         .choices = {},
         .help = "Values are clamped to at least this: auto (the data's minimum, not private), "
                 "one number or one per column (';' list)"},
        {.name = "upper",
         .type = ParamType::Text,
         .defaultValue = "auto",
         .choices = {},
         .help = "Values are clamped to at most this: auto (the data's maximum, not private), "
                 "one number or one per column (';' list)"},
    };
};

}  // namespace

const PreparationStep& dpNoiseStep() {
    static const DpNoiseStep step;
    return step;
}

}  // namespace glassbox
