#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/column.h"

namespace glassbox {

class Table;

// How a learner sees one input column. Numeric, boolean (0/1) and date-time (epoch seconds)
// columns are numeric features; categorical columns are categorical features with the levels
// seen at fit time. Text columns are not features (they identify rows, they do not generalize).
struct FeatureInfo {
    std::string name;
    ColumnType sourceType = ColumnType::Numeric;
    std::vector<std::string> levels;  // categorical features only
    bool isCategorical() const { return sourceType == ColumnType::Categorical; }
};

// The features a model was fitted on, in order.
struct FeatureSchema {
    std::vector<FeatureInfo> features;
    std::size_t size() const { return features.size(); }
};

// One feature's values over the rows: numeric values with NaN for missing, or categorical codes
// into FeatureInfo::levels with -1 for missing (and for levels unseen at fit time).
struct FeatureColumn {
    std::vector<double> values;
    std::vector<std::int32_t> codes;
};

// The features of some rows, encoded by a schema. Learners read only this, never a Table.
class FeatureMatrix {
  public:
    FeatureMatrix() = default;
    FeatureMatrix(FeatureSchema schema, std::vector<FeatureColumn> columns, std::size_t rows);

    const FeatureSchema& schema() const { return schema_; }
    std::size_t rows() const { return rows_; }
    std::size_t featureCount() const { return columns_.size(); }
    bool isCategorical(std::size_t feature) const {
        return schema_.features[feature].isCategorical();
    }
    std::size_t levelCount(std::size_t feature) const {
        return schema_.features[feature].levels.size();
    }
    std::span<const double> values(std::size_t feature) const { return columns_[feature].values; }
    std::span<const std::int32_t> codes(std::size_t feature) const {
        return columns_[feature].codes;
    }

    // The rows `rows` (in that order; repeats allowed) as a new matrix.
    FeatureMatrix subset(std::span<const std::size_t> rows) const;
    std::size_t memoryBytes() const;

  private:
    FeatureSchema schema_;
    std::vector<FeatureColumn> columns_;
    std::size_t rows_ = 0;
};

// The schema of `table`'s columns except `excluded` (the target) and text columns.
FeatureSchema featureSchemaOf(const Table& table, const std::string& excluded);

// Encodes `table` by `schema`, matching columns by name (extra columns are ignored). Levels are
// matched by name, so a table whose categorical levels are ordered differently predicts the
// same. Throws InvalidArgument naming the column when one is missing or has a type that cannot
// be read as the feature's type. `source` names the table in messages (its file).
FeatureMatrix encodeFeatures(const Table& table, const FeatureSchema& schema,
                             const std::string& source);

}  // namespace glassbox
