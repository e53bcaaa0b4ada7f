#include "engine/step_columns.h"

#include <algorithm>
#include <cmath>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/preparation_step.h"
#include "engine/value_parsing.h"

namespace glassbox {

std::vector<std::string> listedColumns(const Table& table, const std::vector<std::string>& names,
                                       const std::string& parameter) {
    std::vector<std::string> checked;
    for (const std::string& name : names) {
        if (name.empty()) throw InvalidArgument(parameter, "an empty column name in the list");
        if (table.indexOf(name) < 0)
            throw InvalidArgument(parameter, "no column \"" + name + "\" in the table");
        if (std::find(checked.begin(), checked.end(), name) != checked.end())
            throw InvalidArgument(parameter, "column \"" + name + "\" is listed twice");
        checked.push_back(name);
    }
    return checked;
}

namespace {

std::vector<std::string> trimmedItems(const std::string& list) {
    std::vector<std::string> items;
    for (const std::string& item : splitList(list)) items.emplace_back(trimSpaces(item));
    return items;
}

}  // namespace

std::vector<std::string> listedColumns(const Table& table, const std::string& list,
                                       const std::string& parameter) {
    return listedColumns(table, trimmedItems(list), parameter);
}

std::vector<std::string> columnsWithMissing(const Table& table, const std::string& target) {
    std::vector<std::string> names;
    for (const Column& column : table.columns())
        if (column.missingCount() > 0 && column.name() != target) names.push_back(column.name());
    return names;
}

ParamSpec columnsParamSpec(std::string_view help) {
    return ParamSpec{.name = "columns",
                     .type = ParamType::Text,
                     .defaultValue = "auto",
                     .choices = {},
                     .help = std::string(help)};
}

std::vector<std::string> columnsFromParams(const ParamValues& params) {
    const std::string& text = params.text("columns");
    if (trimSpaces(text) == "auto") return {};
    return trimmedItems(text);
}

std::vector<std::string> chooseColumns(const Table& table, const std::string& target,
                                       const std::vector<std::string>& requested, ColumnType type,
                                       std::string_view step) {
    if (requested.empty()) {
        std::vector<std::string> names;
        for (const Column& c : table.columns())
            if (c.type() == type && c.name() != target) names.push_back(c.name());
        return names;
    }
    std::vector<std::string> names = listedColumns(table, requested, "columns");
    for (const std::string& name : names) {
        if (name == target)
            throw InvalidArgument("columns", "\"" + name + "\" is the target; step " +
                                                 std::string(step) + " leaves it alone");
        const ColumnType actual =
            table.column(static_cast<std::size_t>(table.indexOf(name))).type();
        if (actual != type)
            throw InvalidArgument("columns", "\"" + name + "\" is " +
                                                 std::string(columnTypeName(actual)) + "; step " +
                                                 std::string(step) + " needs " +
                                                 std::string(columnTypeName(type)) + " columns");
    }
    return names;
}

std::size_t requireColumn(const Table& table, const std::string& name, std::string_view step,
                          std::optional<ColumnType> type) {
    const std::ptrdiff_t index = table.indexOf(name);
    if (index < 0)
        throw InvalidArgument(name, "the table has no column \"" + name + "\", which step \"" +
                                        std::string(step) + "\" needs");
    const ColumnType actual = table.column(static_cast<std::size_t>(index)).type();
    if (type && actual != *type)
        throw InvalidArgument(name, "step \"" + std::string(step) + "\" needs \"" + name +
                                        "\" to be " + std::string(columnTypeName(*type)) +
                                        ", it is " + std::string(columnTypeName(actual)));
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

std::string describeRows(std::span<const std::size_t> rows, std::size_t limit) {
    std::string text = std::to_string(rows.size()) + (rows.size() == 1 ? " row" : " rows");
    for (std::size_t i = 0; i < rows.size() && i < limit; ++i)
        text += (i == 0 ? ": " : ", ") + std::to_string(rows[i] + 1);
    if (rows.size() > limit && limit > 0) text += ", ...";
    return text;
}

void expectStepFormat(ByteReader& in, std::string_view step) {
    const auto format = in.get<std::uint8_t>();
    if (format != kStepFormatVersion)
        in.fail("step \"" + std::string(step) + "\" has an unknown format " +
                std::to_string(format) + " (written by a newer Glassbox?)");
}

}  // namespace glassbox
