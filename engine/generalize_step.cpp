#include "engine/generalize_step.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/generalize.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "generalize";

enum class Method : std::uint8_t { Ranges, Month, Year, Truncate };

struct Settings {
    Method method = Method::Ranges;
    double width = 10;
    double origin = 0;
    std::uint64_t keep = 3;
    std::string marker = "*";
};

// How generalizeToRanges labelled a column's ranges. The style depends on the whole column
// (whole numbers or not, a range below 0 or not); it is kept from the training rows and
// enforced on later tables, so a value gets the same label whatever else a table holds.
struct RangeStyle {
    bool ranges = false;    // some finite value, so some range label
    bool halfOpen = false;  // "[0.5, 1)"
    bool brackets = false;  // whole numbers with a range below 0: "[-10, -1]"

    static RangeStyle of(const Column& generalized) {
        RangeStyle style;
        for (const std::string& label : generalized.levels()) {
            if (label == "inf" || label == "-inf" || label == "nan") continue;
            style.ranges = true;
            style.halfOpen = style.halfOpen || label.back() == ')';
            style.brackets = style.brackets || label.back() == ']';
        }
        return style;
    }
    std::uint8_t bits() const { return std::uint8_t(ranges) | halfOpen << 1 | brackets << 2; }
    static RangeStyle fromBits(std::uint8_t bits) {
        return {(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
    }
    // Whether `other`, the style of a later table, labels values as this (training) one did.
    bool agrees(const RangeStyle& other) const {
        if (!ranges || !other.ranges) return true;
        if (halfOpen) return other.halfOpen;
        return !other.halfOpen && brackets == other.brackets;
    }
};

// The column with extra rows: values that make generalizeToRanges use `style` when the data
// allows it (a fraction for half-open ranges, a value below 0 for brackets).
Column withWitnesses(const Column& column, const RangeStyle& style, const Settings& s) {
    std::vector<double> values(column.numbers().begin(), column.numbers().end());
    ValidityMask valid = column.validity();
    if (style.halfOpen) {
        values.push_back(s.origin + 0.5);
        valid.push_back(true);
    }
    if (style.brackets) {
        values.push_back(std::min(s.origin, 0.0) - s.width);
        valid.push_back(true);
    }
    return Column::numeric(column.name(), std::move(values), std::move(valid));
}

// The first `rows` rows of a categorical column, with only the levels they use (order kept).
Column firstRows(const Column& column, std::size_t rows) {
    std::vector<std::int32_t> newCode(column.levels().size(), -1);
    for (std::size_t r = 0; r < rows; ++r)
        if (!column.isMissing(r)) newCode[static_cast<std::size_t>(column.codes()[r])] = 0;
    std::vector<std::string> levels;
    for (std::size_t old = 0; old < newCode.size(); ++old)
        if (newCode[old] >= 0) {
            newCode[old] = static_cast<std::int32_t>(levels.size());
            levels.push_back(column.levels()[old]);
        }
    std::vector<std::int32_t> codes(rows, -1);
    ValidityMask valid(rows);
    for (std::size_t r = 0; r < rows; ++r) {
        valid.set(r, !column.isMissing(r));
        if (!column.isMissing(r)) codes[r] = newCode[static_cast<std::size_t>(column.codes()[r])];
    }
    return Column::categorical(column.name(), std::move(codes), std::move(levels),
                               std::move(valid));
}

// generalizeToRanges of each distinct value on its own (with the witnesses), for a table whose
// values would change the style of the others' labels (a fraction among whole numbers, a value
// below 0 where training had none). Levels in the order of the values.
Column rangesValueByValue(const Column& column, const RangeStyle& style, const Settings& s) {
    std::map<double, std::string> labelOf;  // -0 and 0 are one key
    std::string nanLabel;
    auto label = [&](double value) {
        const Column one = Column::numeric(column.name(), {value}, ValidityMask(1, true));
        return generalizeToRanges(withWitnesses(one, style, s), s.width, s.origin).column.format(0);
    };
    for (std::size_t r = 0; r < column.size(); ++r) {
        if (column.isMissing(r)) continue;
        const double v = column.numbers()[r];
        if (std::isnan(v)) {
            if (nanLabel.empty()) nanLabel = label(v);
        } else if (!labelOf.contains(v)) {
            labelOf.emplace(v, label(v));
        }
    }
    std::vector<std::string> levels;
    std::map<std::string, std::int32_t> codeOf;
    auto code = [&](const std::string& text) {
        const auto [at, added] = codeOf.emplace(text, static_cast<std::int32_t>(levels.size()));
        if (added) levels.push_back(text);
        return at->second;
    };
    for (const auto& [value, text] : labelOf) code(text);
    if (!nanLabel.empty()) code(nanLabel);
    std::vector<std::int32_t> codes(column.size(), -1);
    for (std::size_t r = 0; r < column.size(); ++r) {
        if (column.isMissing(r)) continue;
        const double v = column.numbers()[r];
        codes[r] = codeOf.at(std::isnan(v) ? nanLabel : labelOf.at(v));
    }
    return Column::categorical(column.name(), std::move(codes), std::move(levels),
                               column.validity());
}

std::size_t changedCells(const Column& before, const Column& after) {
    std::size_t changed = 0;
    for (std::size_t r = 0; r < before.size(); ++r)
        if (!before.isMissing(r) && before.format(r) != after.format(r)) ++changed;
    return changed;
}

// The generalised column at fit (no style yet) and apply.
GeneralizedColumn generalized(const Column& column, const Settings& s,
                              const std::optional<RangeStyle>& style) {
    switch (s.method) {
        case Method::Month:
            return generalizeDates(column, DatePrecision::Month);
        case Method::Year:
            return generalizeDates(column, DatePrecision::Year);
        case Method::Truncate:
            return truncateStrings(column, static_cast<std::size_t>(s.keep), s.marker);
        case Method::Ranges:
            break;
    }
    GeneralizedColumn plain = generalizeToRanges(column, s.width, s.origin);
    if (!style || style->agrees(RangeStyle::of(plain.column))) return plain;
    GeneralizedColumn out = std::move(plain);
    const GeneralizedColumn forced =
        generalizeToRanges(withWitnesses(column, *style, s), s.width, s.origin);
    if (style->agrees(RangeStyle::of(forced.column)))
        out.column = firstRows(forced.column, column.size());
    else
        out.column = rangesValueByValue(column, *style, s);
    out.report.cellsChanged = changedCells(column, out.column);
    out.report.distinctAfter = out.column.levels().size();
    return out;
}

bool typeFits(Method method, ColumnType type) {
    switch (method) {
        case Method::Ranges:
            return type == ColumnType::Numeric;
        case Method::Month:
        case Method::Year:
            return type == ColumnType::DateTime;
        case Method::Truncate:
            return type == ColumnType::Categorical || type == ColumnType::Text;
    }
    return false;
}

const char* typesNeeded(Method method) {
    switch (method) {
        case Method::Ranges:
            return "numeric columns";
        case Method::Month:
        case Method::Year:
            return "datetime columns";
        case Method::Truncate:
            return "categorical or text columns";
    }
    return "";
}

const char* methodName(Method method) {
    constexpr const char* kNames[] = {"ranges", "month", "year", "truncate"};
    return kNames[static_cast<std::size_t>(method)];
}

class FittedGeneralize final : public FittedStep {
  public:
    FittedGeneralize(std::vector<std::string> columns, std::string target, Settings settings,
                     std::vector<RangeStyle> styles)
        : columns_(std::move(columns)),
          target_(std::move(target)),
          settings_(std::move(settings)),
          styles_(std::move(styles)) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        Table out = table;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            const std::string& name = columns_[i];
            task.report(double(i) / double(columns_.size()), "generalizing " + name);
            task.checkCancelled();
            // Prediction rows come without the target.
            if (name == target_ && table.indexOf(name) < 0) continue;
            const std::size_t index = requireColumn(table, name, kName);
            const Column& column = table.column(index);
            if (!typeFits(settings_.method, column.type()))
                throw InvalidArgument(name, "step \"generalize\" (method " +
                                                std::string(methodName(settings_.method)) +
                                                ") needs " + typesNeeded(settings_.method) +
                                                "; \"" + name + "\" is " +
                                                std::string(columnTypeName(column.type())));
            GeneralizedColumn done = generalized(column, settings_, styles_[i]);
            out.replaceColumn(index, std::move(done.column));
            report.changedCells += done.report.cellsChanged;
            report.details.emplace_back("rule " + name, done.report.rule);
            report.details.emplace_back("distinct before " + name,
                                        std::to_string(done.report.distinctBefore));
            report.details.emplace_back("distinct after " + name,
                                        std::to_string(done.report.distinctAfter));
        }
        task.report(1.0, "generalizing");
        return out;
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putStrings(columns_);
        out.putString(target_);
        out.put<std::uint8_t>(static_cast<std::uint8_t>(settings_.method));
        out.put<double>(settings_.width);
        out.put<double>(settings_.origin);
        out.put<std::uint64_t>(settings_.keep);
        out.putString(settings_.marker);
        std::vector<std::uint8_t> styles;
        for (const RangeStyle& style : styles_) styles.push_back(style.bits());
        out.putVector(styles);
    }

    static std::unique_ptr<FittedStep> load(ByteReader& in) {
        expectStepFormat(in, kName);
        std::vector<std::string> columns = in.getStrings();
        std::string target = in.getString();
        Settings s;
        const auto method = in.get<std::uint8_t>();
        in.require(method <= static_cast<std::uint8_t>(Method::Truncate),
                   "an unknown generalisation method");
        s.method = static_cast<Method>(method);
        s.width = in.get<double>();
        s.origin = in.get<double>();
        s.keep = in.get<std::uint64_t>();
        s.marker = in.getString();
        in.require(std::isfinite(s.width) && s.width > 0 && std::isfinite(s.origin) && s.keep >= 1,
                   "generalisation settings out of range");
        const std::vector<std::uint8_t> bits = in.getVector<std::uint8_t>();
        in.require(bits.size() == columns.size(), "range styles do not match the columns");
        std::vector<RangeStyle> styles;
        for (const std::uint8_t b : bits) styles.push_back(RangeStyle::fromBits(b));
        return std::make_unique<FittedGeneralize>(std::move(columns), std::move(target),
                                                  std::move(s), std::move(styles));
    }

  private:
    std::vector<std::string> columns_;
    std::string target_;
    Settings settings_;
    std::vector<RangeStyle> styles_;  // per column; meaningful for ranges
};

class GeneralizeStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Generalize quasi-identifiers: numbers to ranges, dates to months or years, "
               "strings truncated";
    }
    const ParamSpecs& params() const override { return specs_; }
    bool protectsData() const override { return true; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext& task) const override {
        std::vector<std::string> columns =
            listedColumns(training, params.text("columns"), "columns");
        if (columns.empty())
            throw InvalidArgument("columns", "name the quasi-identifier columns to generalize");
        Settings s;
        const std::string& method = params.text("method");
        s.method = method == "month"      ? Method::Month
                   : method == "year"     ? Method::Year
                   : method == "truncate" ? Method::Truncate
                                          : Method::Ranges;
        s.width = params.real("width");
        s.origin = params.real("origin");
        s.keep = static_cast<std::uint64_t>(params.integer("keep"));
        s.marker = params.text("marker");
        std::vector<RangeStyle> styles;
        for (const std::string& name : columns) {
            task.checkCancelled();
            const Column& column =
                training.column(static_cast<std::size_t>(training.indexOf(name)));
            if (!typeFits(s.method, column.type()))
                throw InvalidArgument(
                    "columns", "method " + method + " needs " + typesNeeded(s.method) + "; \"" +
                                   name + "\" is " + std::string(columnTypeName(column.type())));
            // Also checks width, origin and keep against the data (ranges too narrow to tell
            // apart).
            const GeneralizedColumn done = generalized(column, s, std::nullopt);
            styles.push_back(RangeStyle::of(done.column));
        }
        return std::make_unique<FittedGeneralize>(std::move(columns), target, std::move(s),
                                                  std::move(styles));
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        return FittedGeneralize::load(in);
    }

  private:
    ParamSpecs specs_ = {
        {.name = "columns",
         .type = ParamType::Text,
         .defaultValue = "",
         .choices = {},
         .help = "Quasi-identifier columns to generalize (';' list)"},
        {.name = "method",
         .type = ParamType::Choice,
         .defaultValue = "ranges",
         .choices = {"ranges", "month", "year", "truncate"},
         .help = "ranges: numbers to ranges; month, year: dates; truncate: strings cut short"},
        {.name = "width",
         .type = ParamType::Real,
         .defaultValue = "10",
         .min = 0,
         .max = std::numeric_limits<double>::max(),
         .minExclusive = true,
         .choices = {},
         .help = "ranges: the width of each range"},
        {.name = "origin",
         .type = ParamType::Real,
         .defaultValue = "0",
         .min = std::numeric_limits<double>::lowest(),
         .max = std::numeric_limits<double>::max(),
         .choices = {},
         .help = "ranges: where a range starts"},
        {.name = "keep",
         .type = ParamType::Integer,
         .defaultValue = "3",
         .min = 1,
         .max = 1e6,
         .choices = {},
         .help = "truncate: characters kept"},
        {.name = "marker",
         .type = ParamType::Text,
         .defaultValue = "*",
         .choices = {},
         .help = "truncate: appended to a cut value"},
    };
};

}  // namespace

const PreparationStep& generalizeStep() {
    static const GeneralizeStep step;
    return step;
}

}  // namespace glassbox
