#include "engine/table_rows.h"

#include <vector>

namespace glassbox {
namespace {

template <class T>
std::vector<T> gather(std::span<const T> values, std::span<const std::size_t> rows) {
    std::vector<T> out;
    out.reserve(rows.size());
    for (const std::size_t r : rows) out.push_back(values[r]);
    return out;
}

}  // namespace

Column keepRows(const Column& column, std::span<const std::size_t> rows) {
    ValidityMask valid(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) valid.set(i, !column.isMissing(rows[i]));
    switch (column.type()) {
        case ColumnType::Numeric:
            return Column::numeric(column.name(), gather(column.numbers(), rows), std::move(valid));
        case ColumnType::DateTime:
            return Column::dateTime(column.name(), gather(column.numbers(), rows), column.hasTime(),
                                    std::move(valid));
        case ColumnType::Categorical:
            return Column::categorical(column.name(), gather(column.codes(), rows), column.levels(),
                                       std::move(valid));
        case ColumnType::Boolean:
            return Column::boolean(column.name(), gather(column.booleans(), rows),
                                   std::move(valid));
        case ColumnType::Text: {
            std::vector<std::uint64_t> offsets{0};
            offsets.reserve(rows.size() + 1);
            std::string data;
            for (const std::size_t r : rows) {
                data += column.text(r);
                offsets.push_back(data.size());
            }
            return Column::text(column.name(), std::move(offsets), std::move(data),
                                std::move(valid));
        }
    }
    return column;
}

Table keepRows(const Table& table, std::span<const std::size_t> rows) {
    std::vector<Column> columns;
    columns.reserve(table.columnCount());
    for (const Column& column : table.columns()) columns.push_back(keepRows(column, rows));
    return Table(std::move(columns));
}

}  // namespace glassbox
