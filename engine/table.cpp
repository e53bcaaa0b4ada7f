#include "engine/table.h"

#include <stdexcept>

namespace glassbox {

Table::Table(std::vector<Column> columns) {
    columns_.reserve(columns.size());
    for (Column& c : columns) addColumn(std::move(c));
}

std::ptrdiff_t Table::indexOf(const std::string& name) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].name() == name) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

void Table::addColumn(Column column) {
    if (column.name().empty()) throw std::logic_error("a column needs a name");
    if (indexOf(column.name()) >= 0)
        throw std::logic_error("duplicate column name: " + column.name());
    if (!columns_.empty() && column.size() != rows_)
        throw std::logic_error("column " + column.name() + " has a different row count");
    rows_ = column.size();
    columns_.push_back(std::move(column));
}

void Table::replaceColumn(std::size_t index, Column column) {
    if (column.size() != rows_) throw std::logic_error("replacement column has a different size");
    columns_.at(index) = std::move(column);
}

std::size_t Table::memoryBytes() const {
    std::size_t bytes = columns_.capacity() * sizeof(Column);
    for (const Column& c : columns_) bytes += c.memoryBytes();
    return bytes;
}

}  // namespace glassbox
