#include "engine/arff_column.h"

#include "engine/arff_tokenizer.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

bool isNan(std::string_view text) {
    text = trimSpaces(text);
    return text.size() == 3 && (text[0] == 'N' || text[0] == 'n') &&
           (text[1] == 'A' || text[1] == 'a') && (text[2] == 'N' || text[2] == 'n');
}

}  // namespace

ArffColumnBuilder::ArffColumnBuilder(const ArffAttribute& attribute) : attribute_(attribute) {
    if (attribute_.kind == ArffAttributeKind::String) offsets_.push_back(0);
    if (attribute_.kind == ArffAttributeKind::Date) hasTime_ = attribute_.date->hasTime();
    for (std::size_t i = 0; i < attribute_.levels.size(); ++i)
        levelIndex_.emplace(attribute_.levels[i], static_cast<std::int32_t>(i));
}

void ArffColumnBuilder::appendMissing() {
    appendFixed(-1, false);
}

void ArffColumnBuilder::appendSparseDefault() {
    if (attribute_.kind == ArffAttributeKind::Nominal && attribute_.levels.empty())
        appendMissing();
    else
        appendFixed(0, true);
}

void ArffColumnBuilder::appendFixed(std::int32_t nominalCode, bool valid) {
    switch (attribute_.kind) {
        case ArffAttributeKind::Numeric:
        case ArffAttributeKind::Date:
            numbers_.push_back(0.0);
            break;
        case ArffAttributeKind::Nominal:
            codes_.push_back(nominalCode);
            break;
        case ArffAttributeKind::String:
            offsets_.push_back(text_.size());
            break;
    }
    valid_.push_back(valid);
}

bool ArffColumnBuilder::append(std::string_view value) {
    switch (attribute_.kind) {
        case ArffAttributeKind::Numeric: {
            const auto number = parseNumber(value);
            if (!number) {
                if (!isNan(value)) return false;
                ++nanCount_;
                appendMissing();
                return true;
            }
            numbers_.push_back(*number);
            break;
        }
        case ArffAttributeKind::Nominal: {
            const auto it = levelIndex_.find(value);
            if (it == levelIndex_.end()) return false;
            codes_.push_back(it->second);
            break;
        }
        case ArffAttributeKind::String:
            text_ += value;
            offsets_.push_back(text_.size());
            break;
        case ArffAttributeKind::Date: {
            const auto date = attribute_.date->parse(value);
            if (!date) return false;
            numbers_.push_back(date->seconds);
            hasTime_ = hasTime_ || date->hasTime;
            break;
        }
    }
    valid_.push_back(true);
    return true;
}

std::string ArffColumnBuilder::rejection(std::string_view value) const {
    const std::string attribute = "attribute \"" + attribute_.name + "\"";
    switch (attribute_.kind) {
        case ArffAttributeKind::Numeric:
            return quotedExcerpt(value) + " is not a number (" + attribute + " is numeric)";
        case ArffAttributeKind::Nominal: {
            std::string declared;
            constexpr std::size_t kShown = 10;
            for (std::size_t i = 0; i < attribute_.levels.size() && i < kShown; ++i)
                declared += (i ? ", " : "") + attribute_.levels[i];
            if (attribute_.levels.size() > kShown) declared += ", ...";
            return "value " + quotedExcerpt(value) + " is not declared for nominal " + attribute +
                   " {" + declared + "}";
        }
        case ArffAttributeKind::Date:
            return quotedExcerpt(value) + " is not a date in the format \"" +
                   attribute_.date->pattern() + "\" of " + attribute;
        case ArffAttributeKind::String:
            break;
    }
    return quotedExcerpt(value) + " is not valid for " + attribute;
}

Column ArffColumnBuilder::finish() {
    switch (attribute_.kind) {
        case ArffAttributeKind::Numeric:
            return Column::numeric(attribute_.name, std::move(numbers_), std::move(valid_));
        case ArffAttributeKind::Nominal:
            return Column::categorical(attribute_.name, std::move(codes_), attribute_.levels,
                                       std::move(valid_));
        case ArffAttributeKind::String:
            return Column::text(attribute_.name, std::move(offsets_), std::move(text_),
                                std::move(valid_));
        case ArffAttributeKind::Date:
            return Column::dateTime(attribute_.name, std::move(numbers_), hasTime_,
                                    std::move(valid_));
    }
    return Column::numeric(attribute_.name, {}, ValidityMask());
}

}  // namespace glassbox
