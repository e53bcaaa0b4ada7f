#include "engine/column_assembly.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <stdexcept>

#include "engine/column_builder.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

// The first piece's array when it has room for every row (the first chunk reserves it), so
// that the others are appended without copying it; else a new array.
template <class T>
std::vector<T> adoptFirst(std::vector<T>& first, std::size_t rows) {
    std::vector<T> out;
    if (first.capacity() >= rows) {
        out = std::move(first);
    } else {
        out.reserve(rows);
        out.insert(out.end(), first.begin(), first.end());
        std::vector<T>().swap(first);
    }
    return out;
}

// Gives back unused reserved room when it is large (an estimate of the row count that was
// too high), so that the column's memory is about its size.
template <class T>
void trimCapacity(std::vector<T>& values) {
    if (values.capacity() > values.size() + values.size() / 4 + 1024) values.shrink_to_fit();
}

Column assembleNumeric(std::string name, const std::vector<ColumnPiece*>& pieces,
                       std::size_t& failures) {
    std::size_t rows = 0;
    for (const ColumnPiece* p : pieces) rows += p->numbers.size();
    ValidityMask valid(rows, true);
    std::vector<double> values;
    std::size_t offset = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        ColumnPiece* p = pieces[i];
        for (std::uint32_t row : p->missingRows) valid.set(offset + row, false);
        offset += p->numbers.size();
        failures += p->failures;
        if (i == 0) {
            values = adoptFirst(p->numbers, rows);
        } else {
            values.insert(values.end(), p->numbers.begin(), p->numbers.end());
            std::vector<double>().swap(p->numbers);
        }
        std::vector<std::uint32_t>().swap(p->missingRows);
    }
    trimCapacity(values);
    return Column::numeric(std::move(name), std::move(values), std::move(valid));
}

// All pieces' distinct values in one dictionary, and each piece's codes in it.
struct MergedDictionary {
    StringDictionary values;
    std::vector<std::vector<std::int32_t>> localToGlobal;
    std::size_t rows = 0;
    std::size_t present = 0;
};

MergedDictionary mergeDictionaries(const std::vector<ColumnPiece*>& pieces) {
    MergedDictionary merged;
    merged.localToGlobal.resize(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const ColumnPiece& p = *pieces[i];
        auto& map = merged.localToGlobal[i];
        map.resize(p.dictionary.size());
        for (std::size_t code = 0; code < map.size(); ++code)
            map[code] = merged.values.intern(p.dictionary.value(static_cast<std::int32_t>(code)));
        merged.rows += p.codes.size();
        for (std::int32_t c : p.codes) merged.present += c >= 0;
    }
    return merged;
}

template <class Parse>
bool allParse(const StringDictionary& values, Parse parse) {
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!parse(values.value(static_cast<std::int32_t>(i)))) return false;
    return true;
}

// inferType over the distinct values, without copying them into strings.
ColumnType inferDictionaryType(const StringDictionary& values, std::size_t present) {
    if (values.size() == 0) return ColumnType::Numeric;
    if (allParse(values, parseNumber)) return ColumnType::Numeric;
    if (allParse(values, parseBoolean)) return ColumnType::Boolean;
    if (allParse(values, parseIsoDateTime)) return ColumnType::DateTime;
    return looksCategorical(values.size(), present) ? ColumnType::Categorical : ColumnType::Text;
}

// Calls store(row, globalCode) for every present cell and gives back the validity mask.
template <class Store>
ValidityMask spreadCodes(const std::vector<ColumnPiece*>& pieces, const MergedDictionary& merged,
                         Store store) {
    ValidityMask valid(merged.rows, true);
    std::size_t offset = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        ColumnPiece& p = *pieces[i];
        const auto& map = merged.localToGlobal[i];
        for (std::size_t r = 0; r < p.codes.size(); ++r) {
            const std::int32_t c = p.codes[r];
            if (c < 0)
                valid.set(offset + r, false);
            else
                store(offset + r, map[static_cast<std::size_t>(c)]);
        }
        offset += p.codes.size();
        std::vector<std::int32_t>().swap(p.codes);
        p.dictionary = StringDictionary();
    }
    return valid;
}

// Converts each distinct value once; cells whose value does not convert become missing.
template <class Parse, class Store>
ValidityMask convertValues(const std::vector<ColumnPiece*>& pieces, const MergedDictionary& merged,
                           Parse parse, Store store, std::size_t& failures) {
    using Parsed = decltype(parse(std::string_view()));
    std::vector<Parsed> parsed(merged.values.size());
    for (std::size_t i = 0; i < parsed.size(); ++i)
        parsed[i] = parse(merged.values.value(static_cast<std::int32_t>(i)));
    std::vector<std::size_t> failedRows;
    ValidityMask valid = spreadCodes(pieces, merged, [&](std::size_t row, std::int32_t code) {
        const Parsed& p = parsed[static_cast<std::size_t>(code)];
        if (p)
            store(row, *p);
        else
            failedRows.push_back(row);
    });
    for (std::size_t row : failedRows) valid.set(row, false);
    failures += failedRows.size();
    return valid;
}

Column assembleDictionary(std::string name, const std::vector<ColumnPiece*>& pieces,
                          std::optional<ColumnType> forced, std::size_t& failures) {
    const MergedDictionary merged = mergeDictionaries(pieces);
    const ColumnType type = forced ? *forced : inferDictionaryType(merged.values, merged.present);
    const std::size_t rows = merged.rows;
    switch (type) {
        case ColumnType::Numeric: {
            std::vector<double> values(rows, 0.0);
            ValidityMask valid = convertValues(
                pieces, merged, [](std::string_view s) { return parseNumber(s); },
                [&](std::size_t row, double v) { values[row] = v; }, failures);
            return Column::numeric(std::move(name), std::move(values), std::move(valid));
        }
        case ColumnType::Boolean: {
            std::vector<std::uint8_t> values(rows, 0);
            // A forced boolean also takes 0 and 1, as ColumnBuilder does.
            ValidityMask valid = convertValues(
                pieces, merged,
                [](std::string_view s) -> std::optional<bool> {
                    if (auto b = parseBoolean(s)) return b;
                    if (auto v = parseNumber(s); v && (*v == 0 || *v == 1)) return *v == 1;
                    return std::nullopt;
                },
                [&](std::size_t row, bool v) { values[row] = v ? 1 : 0; }, failures);
            return Column::boolean(std::move(name), std::move(values), std::move(valid));
        }
        case ColumnType::DateTime: {
            std::vector<double> values(rows, 0.0);
            bool hasTime = false;
            ValidityMask valid = convertValues(
                pieces, merged, [](std::string_view s) { return parseIsoDateTime(s); },
                [&](std::size_t row, const ParsedDateTime& v) {
                    values[row] = v.seconds;
                    hasTime = hasTime || v.hasTime;
                },
                failures);
            return Column::dateTime(std::move(name), std::move(values), hasTime, std::move(valid));
        }
        case ColumnType::Categorical: {
            // Sorted levels give the same class order whatever the row order.
            const std::size_t distinct = merged.values.size();
            std::vector<std::int32_t> order(distinct);
            std::iota(order.begin(), order.end(), 0);
            std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
                return merged.values.value(a) < merged.values.value(b);
            });
            std::vector<std::string> levels(distinct);
            std::vector<std::int32_t> rank(distinct);
            for (std::size_t r = 0; r < distinct; ++r) {
                levels[r] = std::string(merged.values.value(order[r]));
                rank[static_cast<std::size_t>(order[r])] = static_cast<std::int32_t>(r);
            }
            // Codes are rewritten in place in the first piece's array, the others appended.
            ValidityMask valid(rows, true);
            std::vector<std::int32_t> codes;
            std::size_t offset = 0;
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                ColumnPiece& p = *pieces[i];
                const auto& map = merged.localToGlobal[i];
                for (std::size_t r = 0; r < p.codes.size(); ++r) {
                    std::int32_t& c = p.codes[r];
                    if (c < 0)
                        valid.set(offset + r, false);
                    else
                        c = rank[static_cast<std::size_t>(map[static_cast<std::size_t>(c)])];
                }
                offset += p.codes.size();
                if (i == 0) {
                    codes = adoptFirst(p.codes, rows);
                } else {
                    codes.insert(codes.end(), p.codes.begin(), p.codes.end());
                    std::vector<std::int32_t>().swap(p.codes);
                }
                p.dictionary = StringDictionary();
            }
            trimCapacity(codes);
            return Column::categorical(std::move(name), std::move(codes), std::move(levels),
                                       std::move(valid));
        }
        case ColumnType::Text: {
            std::vector<std::uint64_t> offsets(rows + 1, 0);
            std::vector<std::int32_t> codes(rows, -1);
            std::size_t bytes = 0;
            ValidityMask valid =
                spreadCodes(pieces, merged, [&](std::size_t row, std::int32_t code) {
                    codes[row] = code;
                    bytes += merged.values.value(code).size();
                });
            std::string data;
            data.reserve(bytes);
            for (std::size_t i = 0; i < rows; ++i) {
                if (codes[i] >= 0) data.append(merged.values.value(codes[i]));
                offsets[i + 1] = data.size();
            }
            return Column::text(std::move(name), std::move(offsets), std::move(data),
                                std::move(valid));
        }
    }
    throw std::logic_error("unknown column type");
}

}  // namespace

Column assembleColumn(std::string name, const std::vector<ColumnPiece*>& pieces,
                      std::optional<ColumnType> forced, std::size_t& failures) {
    failures = 0;
    const bool dictionary = std::any_of(pieces.begin(), pieces.end(),
                                        [](const ColumnPiece* p) { return p->isDictionary; });
    if (!dictionary) return assembleNumeric(std::move(name), pieces, failures);
    if (std::any_of(pieces.begin(), pieces.end(),
                    [](const ColumnPiece* p) { return !p->isDictionary; }))
        throw std::logic_error("assembleColumn: numeric and dictionary pieces mixed");
    return assembleDictionary(std::move(name), pieces, forced, failures);
}

}  // namespace glassbox
