#include "engine/column_builder.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <unordered_set>

#include "engine/value_parsing.h"

namespace glassbox {

bool looksCategorical(std::size_t distinct, std::size_t present) {
    return distinct <= 1000 && (distinct <= 2 || distinct * 2 <= present);
}

ColumnType inferType(const std::vector<std::string>& values, std::size_t present) {
    if (values.empty()) return ColumnType::Numeric;
    auto all = [&](auto parse) {
        return std::all_of(values.begin(), values.end(),
                           [&](const std::string& v) { return parse(v).has_value(); });
    };
    if (all(parseNumber)) return ColumnType::Numeric;
    if (all(parseBoolean)) return ColumnType::Boolean;
    if (all(parseIsoDateTime)) return ColumnType::DateTime;
    return looksCategorical(values.size(), present) ? ColumnType::Categorical : ColumnType::Text;
}

ColumnBuilder::ColumnBuilder(std::string name, std::optional<ColumnType> forced)
    : name_(std::move(name)), forced_(forced) {}

void ColumnBuilder::declareLevels(const std::vector<std::string>& levels) {
    declaredLevels_ = true;
    for (const std::string& level : levels) {
        if (index_.find(level) != index_.end()) continue;
        index_.emplace(level, static_cast<std::int32_t>(levels_.size()));
        levels_.push_back(level);
    }
}

void ColumnBuilder::append(std::string_view value) {
    auto it = index_.find(value);
    if (it == index_.end()) {
        it = index_.emplace(std::string(value), static_cast<std::int32_t>(levels_.size())).first;
        levels_.emplace_back(value);
    }
    codes_.push_back(it->second);
}

void ColumnBuilder::appendMissing() {
    codes_.push_back(-1);
}

Column ColumnBuilder::finish() {
    std::size_t present = 0;
    for (std::int32_t c : codes_) present += c >= 0;
    if (forced_) return finishAs(*forced_);
    if (declaredLevels_) return finishAs(ColumnType::Categorical);
    return finishAs(inferType(levels_, present));
}

Column ColumnBuilder::finishAs(ColumnType type) {
    const std::size_t n = codes_.size();
    ValidityMask valid(n, true);
    for (std::size_t i = 0; i < n; ++i)
        if (codes_[i] < 0) valid.set(i, false);

    // Converts each distinct level once, then spreads the results over the rows.
    auto convertLevels = [&](auto parse, auto store) {
        using Parsed = decltype(parse(std::string_view()));
        std::vector<Parsed> parsed(levels_.size());
        for (std::size_t l = 0; l < levels_.size(); ++l) parsed[l] = parse(levels_[l]);
        for (std::size_t i = 0; i < n; ++i) {
            if (codes_[i] < 0) continue;
            const Parsed& p = parsed[static_cast<std::size_t>(codes_[i])];
            if (p) {
                store(i, *p);
            } else {
                valid.set(i, false);
                ++failures_;
            }
        }
    };

    switch (type) {
        case ColumnType::Numeric: {
            std::vector<double> values(n, 0.0);
            convertLevels([](std::string_view s) { return parseNumber(s); },
                          [&](std::size_t i, double v) { values[i] = v; });
            return Column::numeric(name_, std::move(values), std::move(valid));
        }
        case ColumnType::Boolean: {
            std::vector<std::uint8_t> values(n, 0);
            // A forced boolean also takes 0 and 1.
            convertLevels(
                [](std::string_view s) -> std::optional<bool> {
                    if (auto b = parseBoolean(s)) return b;
                    if (auto v = parseNumber(s); v && (*v == 0 || *v == 1)) return *v == 1;
                    return std::nullopt;
                },
                [&](std::size_t i, bool v) { values[i] = v ? 1 : 0; });
            return Column::boolean(name_, std::move(values), std::move(valid));
        }
        case ColumnType::DateTime: {
            std::vector<double> values(n, 0.0);
            bool hasTime = false;
            convertLevels([](std::string_view s) { return parseIsoDateTime(s); },
                          [&](std::size_t i, const ParsedDateTime& v) {
                              values[i] = v.seconds;
                              hasTime = hasTime || v.hasTime;
                          });
            return Column::dateTime(name_, std::move(values), hasTime, std::move(valid));
        }
        case ColumnType::Categorical: {
            std::vector<std::int32_t> codes = codes_;
            std::vector<std::string> levels = levels_;
            if (!declaredLevels_) {
                // Sorted levels give the same class order whatever the row order.
                std::vector<std::int32_t> order(levels.size());
                std::iota(order.begin(), order.end(), 0);
                std::sort(order.begin(), order.end(),
                          [&](std::int32_t a, std::int32_t b) { return levels_[a] < levels_[b]; });
                std::vector<std::int32_t> remap(levels.size());
                for (std::size_t r = 0; r < order.size(); ++r) {
                    remap[static_cast<std::size_t>(order[r])] = static_cast<std::int32_t>(r);
                    levels[r] = levels_[static_cast<std::size_t>(order[r])];
                }
                for (std::int32_t& c : codes)
                    if (c >= 0) c = remap[static_cast<std::size_t>(c)];
            }
            return Column::categorical(name_, std::move(codes), std::move(levels),
                                       std::move(valid));
        }
        case ColumnType::Text: {
            std::vector<std::uint64_t> offsets(n + 1, 0);
            std::string data;
            for (std::size_t i = 0; i < n; ++i) {
                if (codes_[i] >= 0) data += levels_[static_cast<std::size_t>(codes_[i])];
                offsets[i + 1] = data.size();
            }
            return Column::text(name_, std::move(offsets), std::move(data), std::move(valid));
        }
    }
    throw std::logic_error("unknown column type");
}

std::vector<std::string> makeUniqueColumnNames(std::vector<std::string> names,
                                               std::vector<Warning>& warnings) {
    std::unordered_set<std::string> used;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string original = names[i];
        if (trimSpaces(names[i]).empty()) {
            names[i] = "column_" + std::to_string(i + 1);
            warnings.push_back(
                {"column " + std::to_string(i + 1) + " has no name; named " + names[i], 0});
        }
        if (used.count(names[i])) {
            std::string candidate;
            for (std::size_t k = 2;; ++k) {
                candidate = names[i] + "_" + std::to_string(k);
                if (!used.count(candidate) &&
                    std::find(names.begin() + static_cast<std::ptrdiff_t>(i) + 1, names.end(),
                              candidate) == names.end())
                    break;
            }
            warnings.push_back({"column " + std::to_string(i + 1) + " repeats the name \"" +
                                    names[i] + "\"; renamed " + candidate,
                                0});
            names[i] = candidate;
        }
        used.insert(names[i]);
    }
    return names;
}

Column convertColumn(const Column& column, ColumnType type, std::size_t& failures) {
    if (column.type() == type) {
        failures = 0;
        return column;
    }
    if (column.type() == ColumnType::Boolean && type == ColumnType::Numeric) {
        std::vector<double> values(column.size());
        for (std::size_t i = 0; i < values.size(); ++i) values[i] = column.number(i);
        failures = 0;
        return Column::numeric(column.name(), std::move(values), column.validity());
    }
    ColumnBuilder builder(column.name(), type);
    for (std::size_t i = 0; i < column.size(); ++i) {
        if (column.isMissing(i))
            builder.appendMissing();
        else
            builder.append(column.format(i));
    }
    Column out = builder.finish();
    failures = builder.conversionFailures();
    return out;
}

}  // namespace glassbox
