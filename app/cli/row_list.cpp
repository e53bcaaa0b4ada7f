#include "app/cli/row_list.h"

#include <charconv>
#include <string_view>
#include <unordered_set>

#include "engine/errors.h"

namespace glassbox::cli {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<std::size_t> parseRowList(const std::string& text, std::size_t rowCount,
                                      const std::string& file) {
    std::vector<std::size_t> rows;
    std::unordered_set<std::size_t> seen;
    std::string_view rest = text;
    if (trimmed(rest).empty())
        throw InvalidArgument("--rows", "expected row indices, e.g. --rows 0,5,17");
    while (true) {
        const std::size_t comma = rest.find(',');
        const std::string_view entry = trimmed(rest.substr(0, comma));
        std::size_t row = 0;
        const auto [end, error] = std::from_chars(entry.data(), entry.data() + entry.size(), row);
        if (entry.empty() || error != std::errc() || end != entry.data() + entry.size())
            throw InvalidArgument("--rows", "\"" + std::string(entry) +
                                                "\" is not a row index (0-based whole numbers "
                                                "separated by commas, e.g. 0,5,17)");
        if (row >= rowCount)
            throw InvalidArgument("--rows", "row " + std::to_string(row) + " is past the end of " +
                                                file + " (" + std::to_string(rowCount) +
                                                " rows, numbered from 0)");
        if (!seen.insert(row).second)
            throw InvalidArgument("--rows", "row " + std::to_string(row) + " is given twice");
        rows.push_back(row);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return rows;
}

}  // namespace glassbox::cli
