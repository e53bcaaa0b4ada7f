#include "engine/column.h"

#include <charconv>
#include <stdexcept>

#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr std::string_view kTypeNames[] = {"numeric", "categorical", "boolean", "text", "datetime"};

void requireSize(std::size_t values, const ValidityMask& valid) {
    if (values != valid.size())
        throw std::logic_error("column values and validity mask differ in size");
}

}  // namespace

std::string_view columnTypeName(ColumnType type) {
    return kTypeNames[static_cast<std::size_t>(type)];
}

std::optional<ColumnType> parseColumnTypeName(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kTypeNames); ++i)
        if (kTypeNames[i] == name) return static_cast<ColumnType>(i);
    return std::nullopt;
}

std::string formatNumber(double value) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

Column::Column(std::string name, ColumnType type, ValidityMask valid)
    : name_(std::move(name)), type_(type), valid_(std::move(valid)) {
    missing_ = valid_.countMissing();
}

Column Column::numeric(std::string name, std::vector<double> values, ValidityMask valid) {
    requireSize(values.size(), valid);
    Column c(std::move(name), ColumnType::Numeric, std::move(valid));
    c.numbers_ = std::move(values);
    return c;
}

Column Column::categorical(std::string name, std::vector<std::int32_t> codes,
                           std::vector<std::string> levels, ValidityMask valid) {
    requireSize(codes.size(), valid);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (codes[i] < 0 || static_cast<std::size_t>(codes[i]) >= levels.size()) {
            if (codes[i] >= 0) throw std::logic_error("categorical code out of range");
            valid.set(i, false);
        }
    }
    Column c(std::move(name), ColumnType::Categorical, std::move(valid));
    c.codes_ = std::move(codes);
    c.levels_ = std::move(levels);
    return c;
}

Column Column::boolean(std::string name, std::vector<std::uint8_t> values, ValidityMask valid) {
    requireSize(values.size(), valid);
    Column c(std::move(name), ColumnType::Boolean, std::move(valid));
    c.bools_ = std::move(values);
    return c;
}

Column Column::text(std::string name, std::vector<std::uint64_t> offsets, std::string data,
                    ValidityMask valid) {
    if (offsets.size() != valid.size() + 1 || offsets.back() > data.size())
        throw std::logic_error("text column offsets do not match its rows");
    Column c(std::move(name), ColumnType::Text, std::move(valid));
    c.textOffsets_ = std::move(offsets);
    c.textData_ = std::move(data);
    return c;
}

Column Column::dateTime(std::string name, std::vector<double> seconds, bool hasTime,
                        ValidityMask valid) {
    requireSize(seconds.size(), valid);
    Column c(std::move(name), ColumnType::DateTime, std::move(valid));
    c.numbers_ = std::move(seconds);
    c.hasTime_ = hasTime;
    return c;
}

double Column::number(std::size_t row) const {
    switch (type_) {
        case ColumnType::Numeric:
        case ColumnType::DateTime:
            return numbers_[row];
        case ColumnType::Boolean:
            return bools_[row] ? 1.0 : 0.0;
        default:
            throw std::logic_error("Column::number on a column without numeric values");
    }
}

std::string_view Column::text(std::size_t row) const {
    return std::string_view(textData_).substr(textOffsets_[row],
                                              textOffsets_[row + 1] - textOffsets_[row]);
}

std::string Column::format(std::size_t row) const {
    if (isMissing(row)) return {};
    switch (type_) {
        case ColumnType::Numeric:
            return formatNumber(numbers_[row]);
        case ColumnType::Categorical:
            return levels_[static_cast<std::size_t>(codes_[row])];
        case ColumnType::Boolean:
            return bools_[row] ? "true" : "false";
        case ColumnType::Text:
            return std::string(text(row));
        case ColumnType::DateTime:
            return formatIsoDateTime(numbers_[row], hasTime_);
    }
    return {};
}

std::size_t Column::memoryBytes() const {
    std::size_t bytes = valid_.memoryBytes() + numbers_.capacity() * sizeof(double) +
                        codes_.capacity() * sizeof(std::int32_t) + bools_.capacity() +
                        textOffsets_.capacity() * sizeof(std::uint64_t) + textData_.capacity();
    for (const std::string& level : levels_) bytes += sizeof(std::string) + level.capacity();
    return bytes;
}

}  // namespace glassbox
