#include "engine/pseudonymize.h"

#include <cstdint>
#include <string_view>

#include "engine/errors.h"
#include "engine/hmac_sha256.h"
#include "engine/string_dictionary.h"

namespace glassbox {
namespace {

constexpr std::string_view kDomainTag = "glassbox-pseudonym-v1";

// The text a value is keyed on: what Column::format shows, with -0 as 0.
std::string canonicalText(const Column& column, std::size_t row) {
    if (column.type() == ColumnType::Numeric && column.numbers()[row] == 0.0) return "0";
    return column.format(row);
}

// Each row's code into `values` (the distinct canonical texts), -1 for missing.
std::vector<std::int32_t> distinctValues(const Column& column, StringDictionary& values,
                                         const TaskContext& task) {
    const std::size_t rows = column.size();
    std::vector<std::int32_t> codes(rows, -1);
    if (column.type() == ColumnType::Categorical) {
        std::vector<std::int32_t> levelCode(column.levels().size(), -1);
        const auto levelOf = column.codes();
        for (std::size_t r = 0; r < rows; ++r) {
            if (column.isMissing(r)) continue;
            std::int32_t& code = levelCode[static_cast<std::size_t>(levelOf[r])];
            if (code < 0) code = values.intern(column.levels()[levelOf[r]]);
            codes[r] = code;
        }
        return codes;
    }
    for (std::size_t r = 0; r < rows; ++r) {
        if ((r & 0xffff) == 0) task.report(0.5 * double(r) / double(rows), "reading values");
        if (column.isMissing(r)) continue;
        if (column.type() == ColumnType::Text)
            codes[r] = values.intern(column.text(r));
        else
            codes[r] = values.intern(canonicalText(column, r));
    }
    return codes;
}

void putLength(HmacSha256& mac, std::uint64_t length) {
    std::uint8_t bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<std::uint8_t>(length >> (56 - 8 * i));
    mac.update(bytes);
}

}  // namespace

PseudonymizedColumn pseudonymizeColumn(const Column& column, const PseudonymKey& key,
                                       const PseudonymOptions& options, const TaskContext& task) {
    if (options.hexDigits < 8 || options.hexDigits > 64)
        throw InvalidArgument("hexDigits", "pseudonyms keep 8 to 64 hex digits, not " +
                                               std::to_string(options.hexDigits));
    const std::string& domain = options.domain.empty() ? column.name() : options.domain;

    StringDictionary values;
    std::vector<std::int32_t> codes = distinctValues(column, values, task);

    // Every message starts with the same domain part: feed it once, copy the state per value.
    HmacSha256 keyed(key.bytes());
    keyed.update(kDomainTag);
    keyed.update(std::string_view("\0", 1));
    putLength(keyed, domain.size());
    keyed.update(domain);
    StringDictionary pseudonyms;
    std::vector<std::string> levels;
    levels.reserve(values.size());
    for (std::size_t v = 0; v < values.size(); ++v) {
        if ((v & 0xfff) == 0)
            task.report(0.5 + 0.5 * double(v) / double(values.size()), "pseudonymizing");
        HmacSha256 mac = keyed;
        mac.update(values.value(static_cast<std::int32_t>(v)));
        std::string pseudonym =
            options.prefix + Sha256::hex(mac.finish()).substr(0, options.hexDigits);
        if (static_cast<std::size_t>(pseudonyms.intern(pseudonym)) != v)
            throw InvalidArgument("hexDigits", "two distinct values of column \"" + column.name() +
                                                   "\" get the same pseudonym with " +
                                                   std::to_string(options.hexDigits) +
                                                   " hex digits; keep more digits");
        levels.push_back(std::move(pseudonym));
    }

    PseudonymizedColumn out{
        Column::categorical(column.name(), std::move(codes), std::move(levels), column.validity()),
        {}};
    out.report.column = column.name();
    out.report.missing = column.missingCount();
    out.report.cellsChanged = column.size() - column.missingCount();
    out.report.distinctValues = values.size();
    out.report.keyId = key.id();
    task.report(1.0, "pseudonymizing");
    return out;
}

PseudonymizedTable pseudonymizeTable(const Table& table, const std::vector<std::string>& columns,
                                     const PseudonymKey& key, const PseudonymOptions& options,
                                     const TaskContext& task) {
    PseudonymizedTable out{table, {}};
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::ptrdiff_t index = table.indexOf(columns[i]);
        if (index < 0) throw InvalidArgument("columns", "no column named \"" + columns[i] + "\"");
        const TaskContext sub =
            task.sub(double(i) / double(columns.size()), double(i + 1) / double(columns.size()),
                     "column " + columns[i] + ": ");
        PseudonymizedColumn done =
            pseudonymizeColumn(table.column(static_cast<std::size_t>(index)), key, options, sub);
        out.table.replaceColumn(static_cast<std::size_t>(index), std::move(done.column));
        out.reports.push_back(std::move(done.report));
    }
    return out;
}

}  // namespace glassbox
