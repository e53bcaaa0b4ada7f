#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

// Rows grouped by their combination of quasi-identifier values. Values compare as the table
// holds them (numbers by value with -0 = 0, categories by level text, text byte for byte);
// a missing cell is one more value of its column, equal only to other missing cells.
struct EquivalenceClasses {
    std::vector<std::uint32_t> classOfRow;  // classes numbered in order of first appearance
    std::vector<std::size_t> sizes;         // rows of each class
};

// O(rows x columns) time with hashing. InvalidArgument("quasiIdentifiers") when the list is
// empty or names a column the table does not have.
EquivalenceClasses equivalenceClasses(const Table& table,
                                      const std::vector<std::string>& quasiIdentifiers,
                                      const TaskContext& task = {});

struct KAnonymityReport {
    std::vector<std::string> quasiIdentifiers;
    std::size_t rows = 0;
    std::size_t classes = 0;
    std::size_t k = 0;  // the smallest class's size; 0 for a table without rows
    std::size_t targetK = 0;
    std::size_t classesBelowTarget = 0;  // classes smaller than targetK
    std::size_t rowsAtRisk = 0;          // rows in those classes
    bool satisfied() const { return rowsAtRisk == 0; }
};

// The k-anonymity of `table` on `quasiIdentifiers`, and the rows in classes smaller than
// `targetK` (>= 1, else InvalidArgument("k")).
KAnonymityReport kAnonymity(const Table& table, const std::vector<std::string>& quasiIdentifiers,
                            std::size_t targetK, const TaskContext& task = {});

struct Suppression {
    Table table;                        // the rows kept, in their original order
    std::vector<std::size_t> keptRows;  // each kept row's index in the input
    std::size_t rowsRemoved = 0;
    KAnonymityReport before;
    KAnonymityReport after;  // k >= targetK unless no row is left
};

// Removes the rows of every class smaller than k, and no other row, so the rest is
// k-anonymous on `quasiIdentifiers` (removing whole classes leaves the other classes as they
// were). Errors as kAnonymity.
Suppression suppressToK(const Table& table, const std::vector<std::string>& quasiIdentifiers,
                        std::size_t k, const TaskContext& task = {});

}  // namespace glassbox
