#include "engine/sqlite_column.h"

#include <algorithm>

namespace glassbox {
namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// The column type a declared SQL type suggests for a column without any value.
ColumnType typeOfDeclaration(const std::string& declared) {
    if (contains(declared, "BOOL")) return ColumnType::Boolean;
    if (contains(declared, "DATE") || contains(declared, "TIME")) return ColumnType::DateTime;
    if (contains(declared, "CHAR") || contains(declared, "CLOB") || contains(declared, "TEXT"))
        return ColumnType::Text;
    return ColumnType::Numeric;
}

}  // namespace

SqliteColumnBuilder::SqliteColumnBuilder(std::string name, std::string declaredType)
    : name_(std::move(name)), declaredType_(std::move(declaredType)) {
    std::transform(declaredType_.begin(), declaredType_.end(), declaredType_.begin(),
                   [](unsigned char c) {
                       return static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
                   });
}

void SqliteColumnBuilder::appendNull() {
    if (text_) {
        text_->appendMissing();
        return;
    }
    numbers_.push_back(0.0);
    valid_.push_back(false);
}

void SqliteColumnBuilder::appendInteger(std::int64_t value) {
    if (text_) {
        text_->append(std::to_string(value));
        return;
    }
    onlyZeroOne_ = onlyZeroOne_ && (value == 0 || value == 1);
    numbers_.push_back(static_cast<double>(value));
    valid_.push_back(true);
}

void SqliteColumnBuilder::appendReal(double value) {
    if (text_) {
        text_->append(formatNumber(value));
        return;
    }
    onlyZeroOne_ = onlyZeroOne_ && (value == 0 || value == 1);
    numbers_.push_back(value);
    valid_.push_back(true);
}

void SqliteColumnBuilder::appendText(std::string_view value) {
    if (!text_) switchToText();
    text_->append(value);
}

void SqliteColumnBuilder::appendBlob() {
    ++blobs_;
    appendNull();
}

void SqliteColumnBuilder::switchToText() {
    // The numbers read so far are replayed as text, so inference sees every value.
    text_ = std::make_unique<ColumnBuilder>(name_);
    for (std::size_t i = 0; i < numbers_.size(); ++i) {
        if (valid_.isValid(i))
            text_->append(formatNumber(numbers_[i]));
        else
            text_->appendMissing();
    }
    numbers_ = {};
    valid_ = ValidityMask();
}

Column SqliteColumnBuilder::finish(std::vector<Warning>& warnings) {
    if (blobs_ > 0)
        warnings.push_back({"column \"" + name_ + "\": " + std::to_string(blobs_) +
                                " BLOB values (binary data) were read as missing",
                            blobs_});
    const bool declaredBoolean = typeOfDeclaration(declaredType_) == ColumnType::Boolean;
    if (text_) {
        Column column = text_->finish();
        if (declaredBoolean && column.type() != ColumnType::Boolean) {
            std::size_t failures = 0;
            Column boolean = convertColumn(column, ColumnType::Boolean, failures);
            if (failures == 0) return boolean;
        }
        return column;
    }
    const std::size_t present = valid_.size() - valid_.countMissing();
    const ColumnType type = present == 0                      ? typeOfDeclaration(declaredType_)
                            : declaredBoolean && onlyZeroOne_ ? ColumnType::Boolean
                                                              : ColumnType::Numeric;
    switch (type) {
        case ColumnType::Boolean: {
            std::vector<std::uint8_t> values(numbers_.size());
            for (std::size_t i = 0; i < values.size(); ++i) values[i] = numbers_[i] == 1 ? 1 : 0;
            return Column::boolean(name_, std::move(values), std::move(valid_));
        }
        case ColumnType::DateTime:
            return Column::dateTime(name_, std::move(numbers_), false, std::move(valid_));
        case ColumnType::Text:
            return Column::text(name_, std::vector<std::uint64_t>(numbers_.size() + 1, 0), {},
                                std::move(valid_));
        default:
            return Column::numeric(name_, std::move(numbers_), std::move(valid_));
    }
}

}  // namespace glassbox
