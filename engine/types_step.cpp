#include "engine/types_step.h"

#include <algorithm>

#include "engine/arff_date_format.h"
#include "engine/byte_io.h"
#include "engine/column_builder.h"
#include "engine/errors.h"
#include "engine/step_columns.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "types";

using Pairs = std::vector<std::pair<std::string, std::string>>;

// "a=x;b=y" (or "old>new" with separator '>'); a missing right side is empty when allowed.
Pairs splitPairs(const std::string& text, char separator, bool rightOptional,
                 const std::string& parameter) {
    Pairs pairs;
    for (const std::string& item : splitList(text)) {
        if (trimSpaces(item).empty()) continue;
        const std::size_t at = item.find(separator);
        if (at == std::string::npos && !rightOptional)
            throw InvalidArgument(
                parameter, "\"" + item + "\" is not COLUMN" + std::string(1, separator) + "VALUE");
        std::string left(trimSpaces(std::string_view(item).substr(0, at)));
        std::string right = at == std::string::npos
                                ? std::string()
                                : std::string(trimSpaces(std::string_view(item).substr(at + 1)));
        if (left.empty() || (at != std::string::npos && right.empty()))
            throw InvalidArgument(parameter, "\"" + item + "\" has an empty side");
        for (const auto& [seen, unused] : pairs)
            if (seen == left)
                throw InvalidArgument(parameter, "column \"" + left + "\" is listed twice");
        pairs.emplace_back(std::move(left), std::move(right));
    }
    return pairs;
}

std::optional<ArffDateFormat> compileDates(const std::string& pattern, std::string& error) {
    const std::optional<std::string> java = javaDatePattern(pattern, error);
    if (!java) return std::nullopt;
    return ArffDateFormat::compile(*java, error);
}

// The column's cells read as dates: with `format`, or as ISO 8601 when it is empty.
Column parseDates(const Column& column, const std::string& pattern, std::size_t& failures) {
    failures = 0;
    if (column.type() == ColumnType::DateTime) return column;
    std::optional<ArffDateFormat> format;
    if (!pattern.empty()) {
        std::string error;
        format = compileDates(pattern, error);
        if (!format) throw std::logic_error("a checked date pattern failed: " + error);
    }
    std::vector<double> seconds(column.size(), 0.0);
    ValidityMask valid(column.size(), false);
    bool hasTime = format && format->hasTime();
    for (std::size_t r = 0; r < column.size(); ++r) {
        if (column.isMissing(r)) continue;
        const std::string text = column.format(r);
        const std::optional<ParsedDateTime> parsed =
            format ? format->parse(text) : parseIsoDateTime(trimSpaces(text));
        if (!parsed) {
            ++failures;
            continue;
        }
        seconds[r] = parsed->seconds;
        valid.set(r, true);
        if (!format) hasTime = hasTime || parsed->hasTime;
    }
    return Column::dateTime(column.name(), std::move(seconds), hasTime, std::move(valid));
}

std::string didNotConvert(std::string_view type, std::size_t failures) {
    return std::string(type) + ", " + std::to_string(failures) +
           (failures == 1 ? " value" : " values") + " did not convert";
}

struct TypesPlan {
    std::vector<std::pair<std::string, ColumnType>> casts;
    Pairs dates;  // column, strftime pattern (empty: ISO 8601)
    std::vector<std::string> select;
    std::vector<std::string> drop;
    Pairs rename;
};

class FittedTypes final : public FittedStep {
  public:
    FittedTypes(TypesPlan plan, std::string target)
        : plan_(std::move(plan)), target_(std::move(target)) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        const bool noTarget = table.indexOf(target_) < 0;
        auto skipped = [&](const std::string& column) { return noTarget && column == target_; };
        Table out = table;
        for (const auto& [column, type] : plan_.casts) {
            task.checkCancelled();
            if (skipped(column)) continue;
            const std::size_t index = requireColumn(out, column, kName);
            std::size_t failures = 0;
            out.replaceColumn(index, convertColumn(out.column(index), type, failures));
            report.changedCells += failures;
            report.details.emplace_back("cast " + column,
                                        didNotConvert(columnTypeName(type), failures));
        }
        for (const auto& [column, pattern] : plan_.dates) {
            task.checkCancelled();
            if (skipped(column)) continue;
            const std::size_t index = requireColumn(out, column, kName);
            std::size_t failures = 0;
            out.replaceColumn(index, parseDates(out.column(index), pattern, failures));
            report.changedCells += failures;
            report.details.emplace_back("dates " + column, didNotConvert("datetime", failures));
        }
        std::vector<Column> columns;
        if (!plan_.select.empty()) {
            for (const std::string& column : plan_.select)
                if (!skipped(column))
                    columns.push_back(out.column(requireColumn(out, column, kName)));
        } else {
            columns = out.columns();
        }
        std::vector<Column> kept;
        for (Column& column : columns) {
            if (std::find(plan_.drop.begin(), plan_.drop.end(), column.name()) == plan_.drop.end())
                kept.push_back(std::move(column));
        }
        for (const Column& column : out.columns()) {
            const bool stays = std::any_of(kept.begin(), kept.end(), [&](const Column& k) {
                return k.name() == column.name();
            });
            if (!stays) report.droppedColumns.push_back(column.name());
        }
        for (const auto& [from, to] : plan_.rename) {
            if (skipped(from)) continue;
            const auto it = std::find_if(kept.begin(), kept.end(),
                                         [&](const Column& c) { return c.name() == from; });
            if (it == kept.end())
                throw InvalidArgument(from, "the table has no column \"" + from +
                                                "\" to rename, which step \"types\" needs");
            if (std::any_of(kept.begin(), kept.end(),
                            [&](const Column& c) { return c.name() == to; }))
                throw InvalidArgument(
                    from, "renaming \"" + from + "\" to \"" + to + "\" would repeat a column name");
            it->setName(to);
            report.details.emplace_back("rename " + from, to);
        }
        return Table(std::move(kept));
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putString(target_);
        std::vector<std::string> castNames;
        std::vector<std::uint8_t> castTypes;
        for (const auto& [column, type] : plan_.casts) {
            castNames.push_back(column);
            castTypes.push_back(static_cast<std::uint8_t>(type));
        }
        out.putStrings(castNames);
        out.putVector(castTypes);
        putPairs(out, plan_.dates);
        out.putStrings(plan_.select);
        out.putStrings(plan_.drop);
        putPairs(out, plan_.rename);
    }

    static std::unique_ptr<FittedStep> load(ByteReader& in) {
        expectStepFormat(in, kName);
        std::string target = in.getString();
        TypesPlan plan;
        const std::vector<std::string> castNames = in.getStrings();
        const std::vector<std::uint8_t> castTypes = in.getVector<std::uint8_t>();
        in.require(castNames.size() == castTypes.size(), "cast columns and types differ");
        for (std::size_t i = 0; i < castNames.size(); ++i) {
            in.require(castTypes[i] <= static_cast<std::uint8_t>(ColumnType::DateTime),
                       "a cast has an unknown type");
            plan.casts.emplace_back(castNames[i], static_cast<ColumnType>(castTypes[i]));
        }
        plan.dates = getPairs(in);
        for (const auto& [column, pattern] : plan.dates) {
            std::string error;
            if (!pattern.empty() && !compileDates(pattern, error))
                in.fail("date pattern \"" + pattern + "\": " + error);
        }
        plan.select = in.getStrings();
        plan.drop = in.getStrings();
        plan.rename = getPairs(in);
        return std::make_unique<FittedTypes>(std::move(plan), std::move(target));
    }

  private:
    static void putPairs(ByteWriter& out, const Pairs& pairs) {
        std::vector<std::string> flat;
        for (const auto& [a, b] : pairs) {
            flat.push_back(a);
            flat.push_back(b);
        }
        out.putStrings(flat);
    }
    static Pairs getPairs(ByteReader& in) {
        const std::vector<std::string> flat = in.getStrings();
        in.require(flat.size() % 2 == 0, "an odd list of column pairs");
        Pairs pairs;
        for (std::size_t i = 0; i < flat.size(); i += 2) pairs.emplace_back(flat[i], flat[i + 1]);
        return pairs;
    }

    TypesPlan plan_;
    std::string target_;
};

void requireIn(const std::vector<std::string>& names, const std::string& column,
               const std::string& parameter) {
    if (std::find(names.begin(), names.end(), column) == names.end())
        throw InvalidArgument(parameter, "no column \"" + column + "\" in the table");
}

class TypesStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Cast columns, parse dates, and select, drop or rename columns";
    }
    const ParamSpecs& params() const override { return specs_; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext&) const override {
        TypesPlan plan;
        std::vector<std::string> names;
        for (const Column& column : training.columns()) names.push_back(column.name());
        for (const auto& [column, typeName] : splitPairs(params.text("cast"), '=', false, "cast")) {
            requireIn(names, column, "cast");
            const std::optional<ColumnType> type = parseColumnTypeName(typeName);
            if (!type)
                throw InvalidArgument("cast", "\"" + typeName +
                                                  "\" is not a type (numeric, categorical, "
                                                  "boolean, text, datetime)");
            plan.casts.emplace_back(column, *type);
        }
        plan.dates = splitPairs(params.text("dates"), '=', true, "dates");
        for (const auto& [column, pattern] : plan.dates) {
            requireIn(names, column, "dates");
            std::string error;
            if (!pattern.empty() && !compileDates(pattern, error))
                throw InvalidArgument(
                    "dates", "pattern \"" + pattern + "\" of column \"" + column + "\": " + error);
        }
        plan.select = listedColumns(training, params.text("select"), "select");
        plan.drop = listedColumns(training, params.text("drop"), "drop");
        if (!plan.select.empty()) names = plan.select;
        std::erase_if(names, [&](const std::string& n) {
            return std::find(plan.drop.begin(), plan.drop.end(), n) != plan.drop.end();
        });
        if (names.empty()) throw InvalidArgument("drop", "no column would be left");
        plan.rename = splitPairs(params.text("rename"), '>', false, "rename");
        for (const auto& [from, to] : plan.rename) {
            requireIn(names, from, "rename");
            *std::find(names.begin(), names.end(), from) = to;
        }
        for (std::size_t i = 0; i < names.size(); ++i)
            if (std::find(names.begin() + static_cast<std::ptrdiff_t>(i) + 1, names.end(),
                          names[i]) != names.end())
                throw InvalidArgument("rename", "two columns would be named \"" + names[i] + "\"");
        return std::make_unique<FittedTypes>(std::move(plan), target);
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        return FittedTypes::load(in);
    }

  private:
    ParamSpecs specs_ = {
        {"cast",
         ParamType::Text,
         "",
         0,
         0,
         false,
         {},
         "Columns and their new types, e.g. age=numeric;zip=categorical"},
        {"dates",
         ParamType::Text,
         "",
         0,
         0,
         false,
         {},
         "Columns read as dates, e.g. when=%Y-%m-%d (no pattern: ISO 8601)"},
        {"select", ParamType::Text, "", 0, 0, false, {}, "Keep only these columns (';' list)"},
        {"drop", ParamType::Text, "", 0, 0, false, {}, "Drop these columns (';' list)"},
        {"rename", ParamType::Text, "", 0, 0, false, {}, "Renames, e.g. old>new;a>b"},
    };
};

}  // namespace

std::optional<std::string> javaDatePattern(const std::string& strftimePattern, std::string& error) {
    std::string out;
    std::string quoted;  // pending literal letters, written inside '...'
    auto flush = [&] {
        if (!quoted.empty()) out += "'" + quoted + "'";
        quoted.clear();
    };
    for (std::size_t i = 0; i < strftimePattern.size(); ++i) {
        const char c = strftimePattern[i];
        if (c != '%') {
            if (c == '\'') {
                flush();
                out += "''";
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                quoted += c;
            } else {
                flush();
                out += c;
            }
            continue;
        }
        flush();
        if (++i == strftimePattern.size()) {
            error = "the pattern ends with a lone %";
            return std::nullopt;
        }
        switch (strftimePattern[i]) {
            case 'Y':
                out += "yyyy";
                break;
            case 'y':
                out += "yy";
                break;
            case 'm':
                out += "MM";
                break;
            case 'd':
                out += "dd";
                break;
            case 'H':
                out += "HH";
                break;
            case 'I':
                out += "hh";
                break;
            case 'p':
                out += "a";
                break;
            case 'M':
                out += "mm";
                break;
            case 'S':
                out += "ss";
                break;
            case 'b':
                out += "MMM";
                break;
            case 'B':
                out += "MMMM";
                break;
            case 'z':
                out += "Z";
                break;
            case '%':
                out += "%";
                break;
            default:
                error = "%" + std::string(1, strftimePattern[i]) +
                        " is not supported (use %Y %y %m %d %H %I %p %M %S %b %B %z %%)";
                return std::nullopt;
        }
    }
    flush();
    return out;
}

const PreparationStep& typesStep() {
    static const TypesStep step;
    return step;
}

}  // namespace glassbox
