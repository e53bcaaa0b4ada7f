#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/arff_header.h"
#include "engine/column.h"

namespace glassbox {

// Collects the values of one ARFF attribute row by row and builds its column: numeric →
// Numeric, nominal → Categorical with the declared levels in declared order (also levels that
// never occur), string → Text, date → DateTime. The attribute must outlive the builder.
class ArffColumnBuilder {
  public:
    explicit ArffColumnBuilder(const ArffAttribute& attribute);

    void appendMissing();
    // What Weka reads for an entry a sparse row leaves out: 0, the first declared level, an
    // empty string or 1970-01-01 (missing for a nominal attribute without levels).
    void appendSparseDefault();
    // Appends a written value; false when it does not fit the attribute (nothing is appended).
    // A numeric "NaN" (which Weka writes for nothing but reads as missing) is appended as missing.
    bool append(std::string_view value);
    // Why append(value) returned false, for the error message.
    std::string rejection(std::string_view value) const;

    // Numeric values written as NaN and read as missing.
    std::size_t nanCount() const { return nanCount_; }
    Column finish();

  private:
    // A cell without text of its own: 0 (numeric, 1970-01-01 for dates), nominalCode, or an
    // empty string, present or missing as valid says.
    void appendFixed(std::int32_t nominalCode, bool valid);

    const ArffAttribute& attribute_;
    ValidityMask valid_;
    std::vector<double> numbers_;         // Numeric, Date
    std::vector<std::int32_t> codes_;     // Nominal
    std::vector<std::uint64_t> offsets_;  // String
    std::string text_;                    // String
    bool hasTime_ = false;
    std::unordered_map<std::string_view, std::int32_t> levelIndex_;
    std::size_t nanCount_ = 0;
};

}  // namespace glassbox
