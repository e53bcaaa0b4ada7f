#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/column.h"
#include "engine/column_builder.h"
#include "engine/table.h"

namespace glassbox {

// Collects the cells of one result column of an SQLite query and decides its type from the
// values, as SQLite stores them per cell:
// - only INTEGER / REAL (and NULL) → numeric; with a declared BOOLEAN type and only 0 / 1 →
//   boolean;
// - any TEXT → every value's text form goes through ColumnBuilder inference (numbers, booleans,
//   ISO dates, categorical or text); with a declared BOOLEAN type, values that all read as
//   booleans (0 / 1 / true / false / yes / no) make a boolean column;
// - no value at all → the declared type decides (BOOLEAN → boolean, DATE / TIME → datetime,
//   CHAR / CLOB / TEXT → text, else numeric), so an empty table keeps its schema;
// - NULL → missing; BLOB → missing, with one warning per column (binary data is no feature).
class SqliteColumnBuilder {
  public:
    SqliteColumnBuilder(std::string name, std::string declaredType);

    void appendNull();
    void appendInteger(std::int64_t value);
    void appendReal(double value);
    void appendText(std::string_view value);
    void appendBlob();

    Column finish(std::vector<Warning>& warnings);

  private:
    void switchToText();

    std::string name_;
    std::string declaredType_;  // upper case
    std::vector<double> numbers_;
    ValidityMask valid_;
    bool onlyZeroOne_ = true;
    std::unique_ptr<ColumnBuilder> text_;  // set from the first TEXT value on
    std::size_t blobs_ = 0;
};

}  // namespace glassbox
