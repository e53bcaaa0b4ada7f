#include "engine/feature_matrix.h"

#include <cmath>
#include <limits>
#include <unordered_map>

#include "engine/errors.h"
#include "engine/table.h"

namespace glassbox {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

bool isNumericSource(ColumnType type) {
    return type == ColumnType::Numeric || type == ColumnType::Boolean ||
           type == ColumnType::DateTime;
}

FeatureColumn numericFeature(const Column& column) {
    FeatureColumn out;
    out.values.resize(column.size());
    for (std::size_t r = 0; r < column.size(); ++r)
        out.values[r] = column.isMissing(r) ? kMissing : column.number(r);
    return out;
}

FeatureColumn categoricalFeature(const Column& column, const std::vector<std::string>& levels) {
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t i = 0; i < levels.size(); ++i)
        index.emplace(levels[i], static_cast<std::int32_t>(i));
    FeatureColumn out;
    out.codes.assign(column.size(), -1);
    if (column.type() == ColumnType::Categorical) {
        // Map each of the column's levels once, then the codes.
        std::vector<std::int32_t> map(column.levels().size(), -1);
        for (std::size_t i = 0; i < map.size(); ++i) {
            const auto it = index.find(column.levels()[i]);
            if (it != index.end()) map[i] = it->second;
        }
        const auto codes = column.codes();
        for (std::size_t r = 0; r < column.size(); ++r)
            if (!column.isMissing(r) && codes[r] >= 0) out.codes[r] = map[codes[r]];
        return out;
    }
    for (std::size_t r = 0; r < column.size(); ++r) {
        if (column.isMissing(r)) continue;
        const auto it = index.find(column.format(r));
        if (it != index.end()) out.codes[r] = it->second;
    }
    return out;
}

}  // namespace

FeatureMatrix::FeatureMatrix(FeatureSchema schema, std::vector<FeatureColumn> columns,
                             std::size_t rows)
    : schema_(std::move(schema)), columns_(std::move(columns)), rows_(rows) {}

FeatureMatrix FeatureMatrix::subset(std::span<const std::size_t> rows) const {
    std::vector<FeatureColumn> columns(columns_.size());
    for (std::size_t f = 0; f < columns_.size(); ++f) {
        if (isCategorical(f)) {
            columns[f].codes.resize(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                columns[f].codes[i] = columns_[f].codes[rows[i]];
        } else {
            columns[f].values.resize(rows.size());
            for (std::size_t i = 0; i < rows.size(); ++i)
                columns[f].values[i] = columns_[f].values[rows[i]];
        }
    }
    return FeatureMatrix(schema_, std::move(columns), rows.size());
}

std::size_t FeatureMatrix::memoryBytes() const {
    std::size_t bytes = 0;
    for (const FeatureColumn& c : columns_)
        bytes += c.values.capacity() * sizeof(double) + c.codes.capacity() * sizeof(std::int32_t);
    return bytes;
}

FeatureSchema featureSchemaOf(const Table& table, const std::string& excluded) {
    FeatureSchema schema;
    for (const Column& column : table.columns()) {
        if (column.name() == excluded || column.type() == ColumnType::Text) continue;
        FeatureInfo info{column.name(), column.type(), {}};
        if (column.type() == ColumnType::Categorical) info.levels = column.levels();
        schema.features.push_back(std::move(info));
    }
    return schema;
}

FeatureMatrix encodeFeatures(const Table& table, const FeatureSchema& schema,
                             const std::string& source) {
    std::vector<FeatureColumn> columns;
    columns.reserve(schema.size());
    for (const FeatureInfo& feature : schema.features) {
        const std::ptrdiff_t index = table.indexOf(feature.name);
        if (index < 0)
            throw InvalidArgument(source, "column \"" + feature.name +
                                              "\" is missing (the model needs every column it "
                                              "was trained on)");
        const Column& column = table.column(static_cast<std::size_t>(index));
        if (feature.isCategorical()) {
            columns.push_back(categoricalFeature(column, feature.levels));
        } else if (isNumericSource(column.type())) {
            columns.push_back(numericFeature(column));
        } else {
            throw InvalidArgument(source, "column \"" + feature.name + "\" is " +
                                              std::string(columnTypeName(column.type())) +
                                              ", but the model was trained on it as " +
                                              std::string(columnTypeName(feature.sourceType)));
        }
    }
    return FeatureMatrix(schema, std::move(columns), table.rowCount());
}

}  // namespace glassbox
