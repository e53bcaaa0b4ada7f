#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/string_dictionary.h"

namespace glassbox {

// The cells of one column within one chunk of a delimited file. It starts numeric (doubles, no
// text kept) and becomes a dictionary of strings (codes into distinct values) when a cell is
// not a number; a piece of a forced non-numeric column is a dictionary from the start.
struct ColumnPiece {
    bool isDictionary = false;
    std::vector<double> numbers;             // numeric: 0 where missing
    std::vector<std::uint32_t> missingRows;  // numeric: rows (in the piece) that are missing
    std::vector<std::int32_t> codes;         // dictionary: -1 = missing
    StringDictionary dictionary;
    std::size_t failures = 0;  // forced numeric: cells that were not numbers

    std::size_t size() const { return isDictionary ? codes.size() : numbers.size(); }
    void appendText(std::string_view cell) { codes.push_back(dictionary.intern(cell)); }
    void appendMissing() {
        if (isDictionary) {
            codes.push_back(-1);
        } else {
            missingRows.push_back(static_cast<std::uint32_t>(numbers.size()));
            numbers.push_back(0.0);
        }
    }
    // Drops the numeric cells to become an (empty) dictionary piece.
    void becomeDictionary(std::size_t expectedRows) {
        isDictionary = true;
        std::vector<double>().swap(numbers);
        std::vector<std::uint32_t>().swap(missingRows);
        codes.reserve(expectedRows);
    }
};

}  // namespace glassbox
