#include "engine/drop_duplicates_step.h"

#include <functional>
#include <unordered_map>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/row_selection.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "drop-duplicates";

std::size_t cellHash(const Column& column, std::size_t row) {
    if (column.isMissing(row)) return 0x9e3779b97f4a7c15ull;
    switch (column.type()) {
        case ColumnType::Categorical:
            return std::hash<std::int32_t>{}(column.codes()[row]);
        case ColumnType::Text:
            return std::hash<std::string_view>{}(column.text(row));
        default:
            return std::hash<double>{}(column.number(row) + 0.0);  // -0 + 0 is +0
    }
}

bool cellsEqual(const Column& column, std::size_t a, std::size_t b) {
    if (column.isMissing(a) || column.isMissing(b))
        return column.isMissing(a) == column.isMissing(b);
    switch (column.type()) {
        case ColumnType::Categorical:
            return column.codes()[a] == column.codes()[b];
        case ColumnType::Text:
            return column.text(a) == column.text(b);
        default:
            return column.number(a) == column.number(b);
    }
}

class FittedDropDuplicates final : public FittedStep {
  public:
    explicit FittedDropDuplicates(std::vector<std::string> columns)
        : columns_(std::move(columns)) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        if (use != StepUse::Training) return table;
        std::vector<const Column*> compared;
        if (columns_.empty())
            for (const Column& column : table.columns()) compared.push_back(&column);
        for (const std::string& name : columns_)
            compared.push_back(&table.column(requireColumn(table, name, kName)));

        auto rowHash = [&](std::size_t row) {
            std::size_t h = 0;
            for (const Column* c : compared) h = h * 1000003u ^ cellHash(*c, row);
            return h;
        };
        auto rowsEqual = [&](std::size_t a, std::size_t b) {
            for (const Column* c : compared)
                if (!cellsEqual(*c, a, b)) return false;
            return true;
        };
        // Each hash's first rows (one per distinct row sharing that hash) and how many copies.
        std::unordered_map<std::size_t, std::vector<std::size_t>> firsts;
        std::unordered_map<std::size_t, std::size_t> copies;
        std::vector<std::size_t> kept;
        for (std::size_t r = 0; r < table.rowCount(); ++r) {
            if ((r & 0xffff) == 0) task.checkCancelled();
            std::vector<std::size_t>& candidates = firsts[rowHash(r)];
            bool duplicate = false;
            for (const std::size_t first : candidates) {
                if (rowsEqual(first, r)) {
                    duplicate = true;
                    ++copies[first];
                    break;
                }
            }
            if (duplicate) continue;
            candidates.push_back(r);
            kept.push_back(r);
        }
        report.droppedRows += table.rowCount() - kept.size();
        report.details.emplace_back("duplicate groups", std::to_string(copies.size()));
        if (kept.size() == table.rowCount()) return table;
        return selectRows(table, kept);
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putStrings(columns_);
    }

  private:
    std::vector<std::string> columns_;  // empty: every column
};

class DropDuplicatesStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Drop training rows that repeat an earlier row, keeping the first";
    }
    const ParamSpecs& params() const override { return specs_; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string&,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext&) const override {
        return std::make_unique<FittedDropDuplicates>(
            listedColumns(training, params.text("columns"), "columns"));
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        expectStepFormat(in, kName);
        return std::make_unique<FittedDropDuplicates>(in.getStrings());
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
         "Columns compared (';' list); empty: every column"},
    };
};

}  // namespace

const PreparationStep& dropDuplicatesStep() {
    static const DropDuplicatesStep step;
    return step;
}

}  // namespace glassbox
