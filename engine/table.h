#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/column.h"

namespace glassbox {

// A table: named columns of equal length. Column names are unique and non-empty.
class Table {
  public:
    Table() = default;
    explicit Table(std::vector<Column> columns);

    std::size_t rowCount() const { return rows_; }
    std::size_t columnCount() const { return columns_.size(); }
    const Column& column(std::size_t index) const { return columns_.at(index); }
    const std::vector<Column>& columns() const { return columns_; }
    // Index of the column with that name, or -1.
    std::ptrdiff_t indexOf(const std::string& name) const;

    void addColumn(Column column);
    void replaceColumn(std::size_t index, Column column);

    std::size_t memoryBytes() const;

  private:
    std::vector<Column> columns_;
    std::size_t rows_ = 0;
};

// Something a reader or step tolerated and the user should know: shown in the GUI and in the
// CLI's "warnings". rows is how many rows it affected (0 when it is not about rows).
struct Warning {
    std::string message;
    std::size_t rows = 0;
};

// What a reader returns: the table, the format it was read as ("csv", "tsv", "arff",
// "sqlite"), the text encoding it was decoded from, and warnings.
struct LoadedTable {
    Table table;
    std::string format;
    std::string encoding;
    std::vector<Warning> warnings;
};

}  // namespace glassbox
