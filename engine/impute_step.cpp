#include "engine/impute_step.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/step_columns.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "impute";

// The value one column's missing cells get: `number` for numeric, datetime and boolean
// columns, `text` (a level or a string) for categorical and text ones.
struct Fill {
    std::string column;
    ColumnType type = ColumnType::Numeric;
    double number = 0;
    std::string text;

    std::string shown() const {
        switch (type) {
            case ColumnType::Numeric:
                return formatNumber(number);
            case ColumnType::DateTime:
                return formatIsoDateTime(number, std::fmod(number, 86400.0) != 0);
            case ColumnType::Boolean:
                return number != 0 ? "true" : "false";
            default:
                return text;
        }
    }
};

std::vector<double> presentNumbers(const Column& column) {
    std::vector<double> values;
    values.reserve(column.size() - column.missingCount());
    for (std::size_t r = 0; r < column.size(); ++r)
        if (!column.isMissing(r)) values.push_back(column.number(r));
    return values;
}

template <class Key>
Key mostFrequentKey(const std::map<Key, std::size_t>& counts) {
    auto best = counts.begin();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it->second > best->second) best = it;  // strictly more: ties keep the smallest key
    return best->first;
}

Fill mostFrequent(const Column& column) {
    Fill fill{column.name(), column.type(), 0, {}};
    switch (column.type()) {
        case ColumnType::Numeric:
        case ColumnType::DateTime:
        case ColumnType::Boolean: {
            std::map<double, std::size_t> counts;
            for (std::size_t r = 0; r < column.size(); ++r)
                if (!column.isMissing(r)) ++counts[column.number(r)];
            fill.number = mostFrequentKey(counts);
            break;
        }
        case ColumnType::Categorical: {
            std::map<std::int32_t, std::size_t> counts;
            for (std::size_t r = 0; r < column.size(); ++r)
                if (!column.isMissing(r)) ++counts[column.codes()[r]];
            fill.text = column.levels()[static_cast<std::size_t>(mostFrequentKey(counts))];
            break;
        }
        case ColumnType::Text: {
            std::map<std::string_view, std::size_t> counts;
            for (std::size_t r = 0; r < column.size(); ++r)
                if (!column.isMissing(r)) ++counts[column.text(r)];
            fill.text = std::string(mostFrequentKey(counts));
            break;
        }
    }
    return fill;
}

Fill constantFill(const Column& column, const std::string& value) {
    Fill fill{column.name(), column.type(), 0, {}};
    auto bad = [&](const char* what) {
        return InvalidArgument("value", "\"" + value + "\" is not " + what + ", as column \"" +
                                            column.name() + "\" needs");
    };
    switch (column.type()) {
        case ColumnType::Numeric: {
            const std::optional<double> v = parseNumber(value);
            if (!v) throw bad("a number");
            fill.number = *v;
            break;
        }
        case ColumnType::DateTime: {
            const std::optional<ParsedDateTime> v = parseIsoDateTime(value);
            if (!v) throw bad("an ISO 8601 date");
            fill.number = v->seconds;
            break;
        }
        case ColumnType::Boolean: {
            const std::optional<bool> v = parseBoolean(value);
            if (!v) throw bad("true or false");
            fill.number = *v ? 1 : 0;
            break;
        }
        case ColumnType::Categorical:
        case ColumnType::Text:
            fill.text = value;
            break;
    }
    return fill;
}

Fill learnFill(const Column& column, const std::string& strategy, const std::string& value) {
    if (strategy == "constant") return constantFill(column, value);
    if (column.missingCount() == column.size())
        throw InvalidArgument("columns", "column \"" + column.name() +
                                             "\" has no value in the training rows to learn from");
    if (strategy == "most_frequent") return mostFrequent(column);
    if (column.type() != ColumnType::Numeric)
        throw InvalidArgument("columns", "column \"" + column.name() + "\" is " +
                                             std::string(columnTypeName(column.type())) +
                                             "; strategy " + strategy +
                                             " needs numeric columns (most_frequent fits any)");
    std::vector<double> values = presentNumbers(column);
    Fill fill{column.name(), ColumnType::Numeric, 0, {}};
    if (strategy == "mean") {
        double sum = 0;
        for (const double v : values) sum += v;
        fill.number = sum / static_cast<double>(values.size());
    } else {
        const std::size_t half = values.size() / 2;
        std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(half),
                         values.end());
        fill.number = values[half];
        if (values.size() % 2 == 0) {
            const double lower = *std::max_element(
                values.begin(), values.begin() + static_cast<std::ptrdiff_t>(half));
            fill.number = lower + (fill.number - lower) / 2;
        }
    }
    return fill;
}

Column filled(const Column& column, const Fill& fill) {
    const std::size_t rows = column.size();
    ValidityMask valid(rows, true);
    switch (column.type()) {
        case ColumnType::Numeric:
        case ColumnType::DateTime: {
            std::vector<double> values(column.numbers().begin(), column.numbers().end());
            for (std::size_t r = 0; r < rows; ++r)
                if (column.isMissing(r)) values[r] = fill.number;
            return column.type() == ColumnType::Numeric
                       ? Column::numeric(column.name(), std::move(values), std::move(valid))
                       : Column::dateTime(column.name(), std::move(values), column.hasTime(),
                                          std::move(valid));
        }
        case ColumnType::Boolean: {
            std::vector<std::uint8_t> values(column.booleans().begin(), column.booleans().end());
            for (std::size_t r = 0; r < rows; ++r)
                if (column.isMissing(r)) values[r] = fill.number != 0;
            return Column::boolean(column.name(), std::move(values), std::move(valid));
        }
        case ColumnType::Categorical: {
            std::vector<std::string> levels = column.levels();
            auto at = std::find(levels.begin(), levels.end(), fill.text);
            const auto code = static_cast<std::int32_t>(at - levels.begin());
            if (at == levels.end()) levels.push_back(fill.text);
            std::vector<std::int32_t> codes(column.codes().begin(), column.codes().end());
            for (std::size_t r = 0; r < rows; ++r)
                if (column.isMissing(r)) codes[r] = code;
            return Column::categorical(column.name(), std::move(codes), std::move(levels),
                                       std::move(valid));
        }
        case ColumnType::Text: {
            std::vector<std::uint64_t> offsets{0};
            std::string data;
            for (std::size_t r = 0; r < rows; ++r) {
                data += column.isMissing(r) ? std::string_view(fill.text) : column.text(r);
                offsets.push_back(data.size());
            }
            return Column::text(column.name(), std::move(offsets), std::move(data),
                                std::move(valid));
        }
    }
    return column;
}

class FittedImpute final : public FittedStep {
  public:
    FittedImpute(std::string target, std::vector<Fill> fills)
        : target_(std::move(target)), fills_(std::move(fills)) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        Table out = table;
        for (std::size_t i = 0; i < fills_.size(); ++i) {
            task.report(static_cast<double>(i) / static_cast<double>(fills_.size()), "imputing");
            const Fill& fill = fills_[i];
            // Prediction rows come without the target.
            if (fill.column == target_ && table.indexOf(target_) < 0) continue;
            const std::size_t index = requireColumn(table, fill.column, kName);
            const Column& column = table.column(index);
            if (column.type() != fill.type)
                throw InvalidArgument(fill.column, "column \"" + fill.column + "\" is " +
                                                       std::string(columnTypeName(column.type())) +
                                                       ", but it was " +
                                                       std::string(columnTypeName(fill.type)) +
                                                       " when step \"impute\" was fitted");
            const std::size_t count = column.missingCount();
            if (count > 0) out.replaceColumn(index, filled(column, fill));
            report.changedCells += count;
            report.details.emplace_back("column " + fill.column,
                                        std::to_string(count) + (count == 1 ? " cell" : " cells") +
                                            " filled with " + fill.shown());
        }
        task.report(1.0, "imputing");
        return out;
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putString(target_);
        out.put<std::uint64_t>(fills_.size());
        for (const Fill& fill : fills_) {
            out.putString(fill.column);
            out.put<std::uint8_t>(static_cast<std::uint8_t>(fill.type));
            out.put<double>(fill.number);
            out.putString(fill.text);
        }
    }

    static std::unique_ptr<FittedStep> load(ByteReader& in) {
        expectStepFormat(in, kName);
        std::string target = in.getString();
        const auto count = in.get<std::uint64_t>();
        in.require(count <= in.remaining(), "too many imputed columns");
        std::vector<Fill> fills;
        for (std::uint64_t i = 0; i < count; ++i) {
            Fill fill;
            fill.column = in.getString();
            const auto type = in.get<std::uint8_t>();
            in.require(type <= static_cast<std::uint8_t>(ColumnType::DateTime),
                       "an imputed column has an unknown type");
            fill.type = static_cast<ColumnType>(type);
            fill.number = in.get<double>();
            fill.text = in.getString();
            fills.push_back(std::move(fill));
        }
        return std::make_unique<FittedImpute>(std::move(target), std::move(fills));
    }

  private:
    std::string target_;
    std::vector<Fill> fills_;
};

class ImputeStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Fill missing cells with the training rows' mean, median, most frequent value or "
               "a constant";
    }
    const ParamSpecs& params() const override { return specs_; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext& task) const override {
        const std::string& strategy = params.text("strategy");
        const std::string& value = params.text("value");
        if (strategy == "constant" && value.empty())
            throw InvalidArgument("value", "strategy constant needs a value");
        std::vector<std::string> names = listedColumns(training, params.text("columns"), "columns");
        if (params.text("columns").empty()) {
            names = columnsWithMissing(training, target);
            if (strategy == "mean" || strategy == "median")
                std::erase_if(names, [&](const std::string& name) {
                    return training.column(static_cast<std::size_t>(training.indexOf(name)))
                               .type() != ColumnType::Numeric;
                });
        }
        std::vector<Fill> fills;
        for (const std::string& name : names) {
            task.checkCancelled();
            fills.push_back(
                learnFill(training.column(static_cast<std::size_t>(training.indexOf(name))),
                          strategy, value));
        }
        return std::make_unique<FittedImpute>(target, std::move(fills));
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        return FittedImpute::load(in);
    }

  private:
    ParamSpecs specs_ = {
        {"strategy",
         ParamType::Choice,
         "mean",
         0,
         0,
         false,
         {"mean", "median", "most_frequent", "constant"},
         "How the fill value is learnt from the training rows"},
        {"columns",
         ParamType::Text,
         "",
         0,
         0,
         false,
         {},
         "Columns to impute (';' list); empty: every column with missing values but the target"},
        {"value", ParamType::Text, "", 0, 0, false, {}, "The fill value of strategy constant"},
    };
};

}  // namespace

const PreparationStep& imputeStep() {
    static const ImputeStep step;
    return step;
}

}  // namespace glassbox
