#include "engine/step_columns.h"

#include <algorithm>
#include <cmath>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/preparation_step.h"

namespace glassbox {

ParamSpec columnsParamSpec(std::string_view help) {
    return ParamSpec{.name = "columns",
                     .type = ParamType::Choice,
                     .defaultValue = "auto",
                     .choices = {"auto"},
                     .help = std::string(help)};
}

std::vector<std::string> columnsFromParams(const ParamValues& params) {
    const std::string& text = params.text("columns");
    if (text == "auto") return {};
    return splitList(text);
}

std::vector<std::string> chooseColumns(const Table& table, const std::string& target,
                                       const std::vector<std::string>& requested, ColumnType type,
                                       std::string_view step) {
    const std::string typeName(columnTypeName(type));
    if (requested.empty()) {
        std::vector<std::string> names;
        for (const Column& c : table.columns())
            if (c.type() == type && c.name() != target) names.push_back(c.name());
        return names;
    }
    std::vector<std::string> names;
    for (const std::string& name : requested) {
        const std::ptrdiff_t index = table.indexOf(name);
        if (index < 0) throw InvalidArgument("columns", "no column named \"" + name + "\"");
        if (name == target)
            throw InvalidArgument("columns", "\"" + name + "\" is the target; step " +
                                                 std::string(step) + " leaves it alone");
        const ColumnType actual = table.column(static_cast<std::size_t>(index)).type();
        if (actual != type)
            throw InvalidArgument(
                "columns", "\"" + name + "\" is " + std::string(columnTypeName(actual)) +
                               "; step " + std::string(step) + " needs " + typeName + " columns");
        if (std::find(names.begin(), names.end(), name) != names.end())
            throw InvalidArgument("columns", "\"" + name + "\" is listed twice");
        names.push_back(name);
    }
    return names;
}

std::size_t requireColumn(const Table& table, const std::string& name, ColumnType type,
                          std::string_view step) {
    const std::ptrdiff_t index = table.indexOf(name);
    if (index < 0)
        throw InvalidArgument(name, "the table has no column \"" + name + "\", which step " +
                                        std::string(step) + " needs");
    const ColumnType actual = table.column(static_cast<std::size_t>(index)).type();
    if (actual != type)
        throw InvalidArgument(name, "step " + std::string(step) + " needs \"" + name + "\" to be " +
                                        std::string(columnTypeName(type)) + ", it is " +
                                        std::string(columnTypeName(actual)));
    return static_cast<std::size_t>(index);
}

std::vector<double> sortedFinite(const Column& column) {
    std::vector<double> values;
    values.reserve(column.size() - column.missingCount());
    const std::span<const double> numbers = column.numbers();
    for (std::size_t i = 0; i < column.size(); ++i)
        if (!column.isMissing(i) && std::isfinite(numbers[i])) values.push_back(numbers[i]);
    std::sort(values.begin(), values.end());
    return values;
}

double quantileOfSorted(const std::vector<double>& sorted, double q) {
    const double position = q * static_cast<double>(sorted.size() - 1);
    const std::size_t below = static_cast<std::size_t>(std::floor(position));
    if (below + 1 >= sorted.size()) return sorted.back();
    const double fraction = position - static_cast<double>(below);
    return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

namespace {

Column keepColumnRows(const Column& c, const std::vector<std::uint8_t>& keep, std::size_t kept) {
    ValidityMask valid;
    valid.reserve(kept);
    for (std::size_t i = 0; i < c.size(); ++i)
        if (keep[i]) valid.push_back(!c.isMissing(i));
    auto pick = [&](auto values) {
        std::vector<typename decltype(values)::value_type> out;
        out.reserve(kept);
        for (std::size_t i = 0; i < c.size(); ++i)
            if (keep[i]) out.push_back(values[i]);
        return out;
    };
    switch (c.type()) {
        case ColumnType::Numeric:
            return Column::numeric(c.name(), pick(c.numbers()), std::move(valid));
        case ColumnType::DateTime:
            return Column::dateTime(c.name(), pick(c.numbers()), c.hasTime(), std::move(valid));
        case ColumnType::Categorical:
            return Column::categorical(c.name(), pick(c.codes()), c.levels(), std::move(valid));
        case ColumnType::Boolean:
            return Column::boolean(c.name(), pick(c.booleans()), std::move(valid));
        case ColumnType::Text: {
            std::vector<std::uint64_t> offsets{0};
            std::string data;
            for (std::size_t i = 0; i < c.size(); ++i) {
                if (!keep[i]) continue;
                data += c.text(i);
                offsets.push_back(data.size());
            }
            return Column::text(c.name(), std::move(offsets), std::move(data), std::move(valid));
        }
    }
    return c;
}

}  // namespace

Table keepRows(const Table& table, const std::vector<std::uint8_t>& keep) {
    const std::size_t kept = static_cast<std::size_t>(
        std::count_if(keep.begin(), keep.end(), [](std::uint8_t k) { return k != 0; }));
    std::vector<Column> columns;
    columns.reserve(table.columnCount());
    for (const Column& c : table.columns()) columns.push_back(keepColumnRows(c, keep, kept));
    return Table(std::move(columns));
}

void readStepFormatVersion(ByteReader& in) {
    in.require(in.get<std::uint8_t>() == kStepFormatVersion,
               "a preparation step written by a newer Glassbox");
}

}  // namespace glassbox
