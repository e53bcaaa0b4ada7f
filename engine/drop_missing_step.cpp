#include "engine/drop_missing_step.h"

#include <algorithm>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/row_selection.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "drop-missing";

class FittedDropMissing final : public FittedStep {
  public:
    FittedDropMissing(std::vector<std::string> dropColumns,
                      std::vector<std::pair<std::string, double>> dropShares, bool dropRows,
                      std::vector<std::string> rowColumns)
        : dropColumns_(std::move(dropColumns)),
          dropShares_(std::move(dropShares)),
          dropRows_(dropRows),
          rowColumns_(std::move(rowColumns)) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        std::vector<Column> kept;
        for (const Column& column : table.columns()) {
            if (std::find(dropColumns_.begin(), dropColumns_.end(), column.name()) ==
                dropColumns_.end())
                kept.push_back(column);
            else
                report.droppedColumns.push_back(column.name());
        }
        for (const auto& [column, share] : dropShares_)
            report.details.emplace_back("column " + column,
                                        formatNumber(share * 100) + "% missing in training");
        Table out(std::move(kept));
        if (use != StepUse::Training || !dropRows_) return out;

        std::vector<std::size_t> checked;
        if (rowColumns_.empty()) {
            for (std::size_t c = 0; c < out.columnCount(); ++c) checked.push_back(c);
        } else {
            for (const std::string& name : rowColumns_)
                checked.push_back(requireColumn(out, name, kName));
        }
        std::vector<std::size_t> rows;
        rows.reserve(out.rowCount());
        for (std::size_t r = 0; r < out.rowCount(); ++r) {
            if ((r & 0xffff) == 0) task.checkCancelled();
            const bool missing = std::any_of(checked.begin(), checked.end(), [&](std::size_t c) {
                return out.column(c).isMissing(r);
            });
            if (!missing) rows.push_back(r);
        }
        report.droppedRows += out.rowCount() - rows.size();
        if (rows.size() == out.rowCount()) return out;
        return selectRows(out, rows);
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putStrings(dropColumns_);
        std::vector<double> shares;
        for (const auto& [column, share] : dropShares_) shares.push_back(share);
        out.putVector(shares);
        out.put<std::uint8_t>(dropRows_ ? 1 : 0);
        out.putStrings(rowColumns_);
    }

    static std::unique_ptr<FittedStep> load(ByteReader& in) {
        expectStepFormat(in, kName);
        std::vector<std::string> dropColumns = in.getStrings();
        const std::vector<double> shares = in.getVector<double>();
        in.require(shares.size() == dropColumns.size(), "dropped columns and shares differ");
        std::vector<std::pair<std::string, double>> dropShares;
        for (std::size_t i = 0; i < shares.size(); ++i)
            dropShares.emplace_back(dropColumns[i], shares[i]);
        const bool dropRows = in.get<std::uint8_t>() != 0;
        return std::make_unique<FittedDropMissing>(std::move(dropColumns), std::move(dropShares),
                                                   dropRows, in.getStrings());
    }

  private:
    std::vector<std::string> dropColumns_;
    std::vector<std::pair<std::string, double>> dropShares_;  // for the report
    bool dropRows_;
    std::vector<std::string> rowColumns_;  // empty: every kept column
};

class DropMissingStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Drop columns with too many missing values, and training rows with a missing "
               "value";
    }
    const ParamSpecs& params() const override { return specs_; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext&) const override {
        const double maxShare = params.real("max_missing");
        std::vector<std::string> dropColumns;
        std::vector<std::pair<std::string, double>> dropShares;
        if (training.rowCount() > 0) {
            for (const Column& column : training.columns()) {
                const double share = static_cast<double>(column.missingCount()) /
                                     static_cast<double>(training.rowCount());
                if (share > maxShare && column.name() != target) {
                    dropColumns.push_back(column.name());
                    dropShares.emplace_back(column.name(), share);
                }
            }
        }
        std::vector<std::string> rowColumns =
            listedColumns(training, params.text("columns"), "columns");
        for (const std::string& name : rowColumns)
            if (std::find(dropColumns.begin(), dropColumns.end(), name) != dropColumns.end())
                throw InvalidArgument("columns", "column \"" + name +
                                                     "\" is dropped for its missing share, so "
                                                     "it cannot drop rows");
        return std::make_unique<FittedDropMissing>(std::move(dropColumns), std::move(dropShares),
                                                   params.boolean("rows"), std::move(rowColumns));
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        return FittedDropMissing::load(in);
    }

  private:
    ParamSpecs specs_ = {
        {"max_missing",
         ParamType::Real,
         "1",
         0,
         1,
         false,
         {},
         "Drop a column whose share of missing training cells exceeds this"},
        {"rows",
         ParamType::Boolean,
         "true",
         0,
         0,
         false,
         {},
         "Drop training rows with a missing value"},
        {"columns",
         ParamType::Text,
         "",
         0,
         0,
         false,
         {},
         "Columns whose missing values drop a row (';' list); empty: every column"},
    };
};

}  // namespace

const PreparationStep& dropMissingStep() {
    static const DropMissingStep step;
    return step;
}

}  // namespace glassbox
