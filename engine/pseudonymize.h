#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/column.h"
#include "engine/pseudonym_key.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

struct PseudonymOptions {
    // Put before the hex digits; a non-numeric prefix keeps a re-read file from taking the
    // pseudonyms for numbers.
    std::string prefix = "ps_";
    // Hex digits of the HMAC kept: 8 to 64. 16 (64 bits) keeps a million values collision-free
    // with probability about 1 - 3e-8; a collision is detected and reported, never silent.
    std::size_t hexDigits = 16;
    // The name mixed into the HMAC so equal values of different columns get unrelated
    // pseudonyms. Empty: the column's name. Give two columns (of one or two tables) the same
    // domain to make their pseudonyms joinable.
    std::string domain;
};

struct PseudonymReport {
    std::string column;
    std::size_t cellsChanged = 0;    // every present cell
    std::size_t distinctValues = 0;  // distinct present values = distinct pseudonyms
    std::size_t missing = 0;         // missing cells, left missing
    std::string keyId;               // PseudonymKey::id() of the key used
};

struct PseudonymizedColumn {
    Column column;  // categorical, same name, levels in order of first appearance
    PseudonymReport report;
};

// Replaces each present value of `column` by prefix + the first hexDigits hex digits of
// HMAC-SHA256(key, "glassbox-pseudonym-v1" 0x00 len(domain) domain value), where value is the
// cell's canonical text (Column::format; numbers as shortest round-trip text, -0 as 0). Equal
// values give equal pseudonyms within and across tables under the same key and domain.
// Categorical, text, numeric, boolean and datetime columns. Throws InvalidArgument("hexDigits")
// for a digit count outside 8..64 or when two distinct values collide at that length.
PseudonymizedColumn pseudonymizeColumn(const Column& column, const PseudonymKey& key,
                                       const PseudonymOptions& options = {},
                                       const TaskContext& task = {});

struct PseudonymizedTable {
    Table table;
    std::vector<PseudonymReport> reports;  // one per pseudonymized column, in `columns` order
};

// pseudonymizeColumn on each named column (with options.domain empty, each keyed on its own
// name); other columns are copied. InvalidArgument("columns") for an unknown name.
PseudonymizedTable pseudonymizeTable(const Table& table, const std::vector<std::string>& columns,
                                     const PseudonymKey& key, const PseudonymOptions& options = {},
                                     const TaskContext& task = {});

}  // namespace glassbox
