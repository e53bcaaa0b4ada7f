#include "engine/step_columns.h"

#include <algorithm>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/preparation_step.h"
#include "engine/value_parsing.h"

namespace glassbox {

std::vector<std::string> listedColumns(const Table& table, const std::string& list,
                                       const std::string& parameter) {
    std::vector<std::string> names;
    for (const std::string& item : splitList(list)) {
        std::string name(trimSpaces(item));
        if (name.empty())
            throw InvalidArgument(parameter, "an empty column name in \"" + list + "\"");
        if (table.indexOf(name) < 0)
            throw InvalidArgument(parameter, "no column \"" + name + "\" in the table");
        if (std::find(names.begin(), names.end(), name) != names.end())
            throw InvalidArgument(parameter, "column \"" + name + "\" is listed twice");
        names.push_back(std::move(name));
    }
    return names;
}

std::vector<std::string> columnsWithMissing(const Table& table, const std::string& target) {
    std::vector<std::string> names;
    for (const Column& column : table.columns())
        if (column.missingCount() > 0 && column.name() != target) names.push_back(column.name());
    return names;
}

std::size_t neededColumn(const Table& table, const std::string& name, std::string_view step) {
    const std::ptrdiff_t index = table.indexOf(name);
    if (index < 0)
        throw InvalidArgument(name, "the table has no column \"" + name + "\", which step \"" +
                                        std::string(step) + "\" needs");
    return static_cast<std::size_t>(index);
}

std::string describeRows(std::span<const std::size_t> rows, std::size_t limit) {
    std::string text = std::to_string(rows.size()) + (rows.size() == 1 ? " row" : " rows");
    for (std::size_t i = 0; i < rows.size() && i < limit; ++i)
        text += (i == 0 ? ": " : ", ") + std::to_string(rows[i] + 1);
    if (rows.size() > limit && limit > 0) text += ", ...";
    return text;
}

void expectStepFormat(ByteReader& in, std::uint8_t expected, std::string_view step) {
    const auto format = in.get<std::uint8_t>();
    if (format != expected)
        in.fail("step \"" + std::string(step) + "\" has an unknown format " +
                std::to_string(format));
}

}  // namespace glassbox
