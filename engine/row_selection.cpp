#include "engine/row_selection.h"

#include <vector>

namespace glassbox {

Column selectRows(const Column& column, std::span<const std::size_t> rows) {
    ValidityMask valid(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) valid.set(i, !column.isMissing(rows[i]));
    switch (column.type()) {
        case ColumnType::Numeric:
        case ColumnType::DateTime: {
            std::vector<double> values(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i) values[i] = column.numbers()[rows[i]];
            if (column.type() == ColumnType::Numeric)
                return Column::numeric(column.name(), std::move(values), std::move(valid));
            return Column::dateTime(column.name(), std::move(values), column.hasTime(),
                                    std::move(valid));
        }
        case ColumnType::Categorical: {
            std::vector<std::int32_t> codes(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i) codes[i] = column.codes()[rows[i]];
            return Column::categorical(column.name(), std::move(codes), column.levels(),
                                       std::move(valid));
        }
        case ColumnType::Boolean: {
            std::vector<std::uint8_t> values(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i) values[i] = column.booleans()[rows[i]];
            return Column::boolean(column.name(), std::move(values), std::move(valid));
        }
        case ColumnType::Text: {
            std::vector<std::uint64_t> offsets(rows.size() + 1, 0);
            std::string data;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                data += column.text(rows[i]);
                offsets[i + 1] = data.size();
            }
            return Column::text(column.name(), std::move(offsets), std::move(data),
                                std::move(valid));
        }
    }
    return column;
}

Table selectRows(const Table& table, std::span<const std::size_t> rows) {
    std::vector<Column> columns;
    columns.reserve(table.columnCount());
    for (const Column& column : table.columns()) columns.push_back(selectRows(column, rows));
    return Table(std::move(columns));
}

}  // namespace glassbox
