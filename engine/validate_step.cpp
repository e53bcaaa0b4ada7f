#include "engine/validate_step.h"

#include <algorithm>

#include "engine/byte_io.h"
#include "engine/data_rules.h"
#include "engine/errors.h"
#include "engine/row_selection.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "validate";

class FittedValidate final : public FittedStep {
  public:
    FittedValidate(std::string rulesText, std::string target, bool drop, std::uint64_t maxRows)
        : rulesText_(std::move(rulesText)),
          rules_(parseDataRules(rulesText_)),
          target_(std::move(target)),
          drop_(drop),
          maxRows_(maxRows) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        std::vector<std::uint8_t> broken(table.rowCount(), 0);
        for (const DataRule& rule : rules_) {
            task.checkCancelled();
            if (rule.column == target_ && table.indexOf(target_) < 0) continue;
            const Column& column = table.column(requireColumn(table, rule.column, kName));
            const std::vector<std::size_t> rows = ruleViolations(rule, column, rule.column);
            for (const std::size_t r : rows) broken[r] = 1;
            report.details.emplace_back("rule " + rule.text(), describeRows(rows, maxRows_));
        }
        const auto count = static_cast<std::size_t>(std::count(broken.begin(), broken.end(), 1));
        report.details.emplace_back("rows breaking a rule", std::to_string(count));
        if (!drop_ || use != StepUse::Training || count == 0) return table;
        std::vector<std::size_t> kept;
        kept.reserve(table.rowCount() - count);
        for (std::size_t r = 0; r < broken.size(); ++r)
            if (!broken[r]) kept.push_back(r);
        report.droppedRows += count;
        return selectRows(table, kept);
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putString(rulesText_);
        out.putString(target_);
        out.put<std::uint8_t>(drop_ ? 1 : 0);
        out.put<std::uint64_t>(maxRows_);
    }

  private:
    std::string rulesText_;
    std::vector<DataRule> rules_;
    std::string target_;
    bool drop_;
    std::uint64_t maxRows_;
};

class ValidateStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Check value ranges, allowed categories and required values; report or drop the "
               "rows that break a rule";
    }
    const ParamSpecs& params() const override { return specs_; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext&) const override {
        const std::string& text = params.text("rules");
        const std::vector<DataRule> rules = parseDataRules(text);
        if (rules.empty()) throw InvalidArgument("rules", "at least one rule is needed");
        for (const DataRule& rule : rules) {
            const std::ptrdiff_t index = training.indexOf(rule.column);
            if (index < 0)
                throw InvalidArgument("rules", "rule \"" + rule.text() + "\": no column \"" +
                                                   rule.column + "\" in the table");
            // Checks that the rule fits the column's type.
            (void)ruleViolations(rule, training.column(static_cast<std::size_t>(index)), "rules");
        }
        return std::make_unique<FittedValidate>(
            text, target, params.text("action") == "drop",
            static_cast<std::uint64_t>(params.integer("max_rows")));
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        expectStepFormat(in, kName);
        std::string rules = in.getString();
        std::string target = in.getString();
        const bool drop = in.get<std::uint8_t>() != 0;
        const auto maxRows = in.get<std::uint64_t>();
        try {
            return std::make_unique<FittedValidate>(std::move(rules), std::move(target), drop,
                                                    maxRows);
        } catch (const InvalidArgument& e) {
            in.fail(e.what());
        }
    }

  private:
    ParamSpecs specs_ = {
        {"rules",
         ParamType::Text,
         "",
         0,
         0,
         false,
         {},
         "Rules separated by ';': COLUMN>=N, COLUMN<=N, COLUMN>N, COLUMN<N, COLUMN in A|B|C, "
         "COLUMN not-missing"},
        {"action",
         ParamType::Choice,
         "report",
         0,
         0,
         false,
         {"report", "drop"},
         "Only report the rows breaking a rule, or also drop them from the training rows"},
        {"max_rows",
         ParamType::Integer,
         "10",
         0,
         1000,
         false,
         {},
         "Row numbers listed per rule in the report"},
    };
};

}  // namespace

const PreparationStep& validateStep() {
    static const ValidateStep step;
    return step;
}

}  // namespace glassbox
