#include "engine/missing_indicator_step.h"

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "missing-indicator";
const std::string kSuffix = "_missing";

class FittedMissingIndicator final : public FittedStep {
  public:
    explicit FittedMissingIndicator(std::vector<std::string> columns)
        : columns_(std::move(columns)) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        Table out = table;
        for (const std::string& name : columns_) {
            task.checkCancelled();
            const Column& column = table.column(requireColumn(table, name, kName));
            const std::string added = name + kSuffix;
            if (out.indexOf(added) >= 0)
                throw InvalidArgument(name, "the table already has a column \"" + added + "\"");
            std::vector<std::uint8_t> flags(column.size());
            for (std::size_t r = 0; r < flags.size(); ++r) flags[r] = column.isMissing(r);
            out.addColumn(Column::boolean(added, std::move(flags), ValidityMask(column.size())));
            report.addedColumns.push_back(added);
            const std::size_t missing = column.missingCount();
            report.details.emplace_back(
                added, std::to_string(missing) + (missing == 1 ? " row" : " rows") + " missing");
        }
        return out;
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putStrings(columns_);
    }

  private:
    std::vector<std::string> columns_;
};

class MissingIndicatorStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Add a true/false column telling where a column's value is missing";
    }
    const ParamSpecs& params() const override { return specs_; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext&) const override {
        const std::string& list = params.text("columns");
        std::vector<std::string> columns = list.empty() ? columnsWithMissing(training, target)
                                                        : listedColumns(training, list, "columns");
        for (const std::string& name : columns) {
            // A flag of the target would be a feature that prediction rows cannot have.
            if (name == target)
                throw InvalidArgument("columns", "the target \"" + target + "\" cannot be flagged");
            if (training.indexOf(name + kSuffix) >= 0)
                throw InvalidArgument("columns",
                                      "the table already has a column \"" + name + kSuffix + "\"");
        }
        return std::make_unique<FittedMissingIndicator>(std::move(columns));
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        expectStepFormat(in, kName);
        return std::make_unique<FittedMissingIndicator>(in.getStrings());
    }

  private:
    ParamSpecs specs_ = {
        {"columns",
         ParamType::Text,
         "",
         0,
         0,
         false,
         {},
         "Columns to flag (';' list); empty: every column with missing values but the target"},
    };
};

}  // namespace

const PreparationStep& missingIndicatorStep() {
    static const MissingIndicatorStep step;
    return step;
}

}  // namespace glassbox
