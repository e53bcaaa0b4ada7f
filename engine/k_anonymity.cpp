#include "engine/k_anonymity.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "engine/errors.h"
#include "engine/row_selection.h"
#include "engine/string_dictionary.h"

namespace glassbox {
namespace {

// Dense ids 0, 1, 2, ... for 64-bit keys in order of first appearance: open addressing with
// linear probing, sized up front so it never grows.
class DenseIds {
  public:
    explicit DenseIds(std::size_t maxKeys) {
        std::size_t capacity = 16;
        while (capacity < 2 * maxKeys) capacity *= 2;
        keys_.resize(capacity);
        ids_.assign(capacity, 0);
        mask_ = capacity - 1;
    }
    std::uint32_t idOf(std::uint64_t key) {
        std::size_t slot = mix(key) & mask_;
        while (ids_[slot] != 0) {
            if (keys_[slot] == key) return ids_[slot] - 1;
            slot = (slot + 1) & mask_;
        }
        keys_[slot] = key;
        ids_[slot] = ++count_;
        return count_ - 1;
    }
    std::uint32_t size() const { return count_; }

  private:
    static std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        return x ^ (x >> 31);
    }
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> ids_;  // id + 1; 0 = empty
    std::size_t mask_ = 0;
    std::uint32_t count_ = 0;
};

// Each row's value id in one column; 0 is the missing value.
std::vector<std::uint32_t> valueIds(const Column& column) {
    const std::size_t rows = column.size();
    std::vector<std::uint32_t> ids(rows, 0);
    switch (column.type()) {
        case ColumnType::Categorical: {
            // Levels with the same text are the same value.
            std::unordered_map<std::string, std::uint32_t> byText;
            std::vector<std::uint32_t> levelId(column.levels().size());
            for (std::size_t l = 0; l < levelId.size(); ++l)
                levelId[l] = byText.emplace(column.levels()[l], std::uint32_t(byText.size() + 1))
                                 .first->second;
            for (std::size_t r = 0; r < rows; ++r)
                if (!column.isMissing(r)) ids[r] = levelId[std::size_t(column.codes()[r])];
            break;
        }
        case ColumnType::Boolean:
            for (std::size_t r = 0; r < rows; ++r)
                if (!column.isMissing(r)) ids[r] = column.boolean(r) ? 2 : 1;
            break;
        case ColumnType::Text: {
            StringDictionary dictionary;
            for (std::size_t r = 0; r < rows; ++r)
                if (!column.isMissing(r))
                    ids[r] = std::uint32_t(dictionary.intern(column.text(r))) + 1;
            break;
        }
        case ColumnType::Numeric:
        case ColumnType::DateTime: {
            DenseIds dense(rows);
            const auto values = column.numbers();
            for (std::size_t r = 0; r < rows; ++r) {
                if (column.isMissing(r)) continue;
                double x = values[r];
                if (x == 0.0) x = 0.0;  // -0 is 0
                if (std::isnan(x)) x = std::numeric_limits<double>::quiet_NaN();
                ids[r] = dense.idOf(std::bit_cast<std::uint64_t>(x)) + 1;
            }
            break;
        }
    }
    return ids;
}

std::vector<std::size_t> columnIndices(const Table& table, const std::vector<std::string>& names) {
    if (names.empty())
        throw InvalidArgument("quasiIdentifiers", "name at least one quasi-identifier column");
    std::vector<std::size_t> indices;
    for (const std::string& name : names) {
        const std::ptrdiff_t index = table.indexOf(name);
        if (index < 0)
            throw InvalidArgument("quasiIdentifiers", "no column named \"" + name + "\"");
        indices.push_back(static_cast<std::size_t>(index));
    }
    return indices;
}

KAnonymityReport reportOf(const EquivalenceClasses& classes,
                          const std::vector<std::string>& quasiIdentifiers, std::size_t targetK) {
    KAnonymityReport report;
    report.quasiIdentifiers = quasiIdentifiers;
    report.rows = classes.classOfRow.size();
    report.classes = classes.sizes.size();
    report.targetK = targetK;
    report.k =
        classes.sizes.empty() ? 0 : *std::min_element(classes.sizes.begin(), classes.sizes.end());
    for (std::size_t size : classes.sizes) {
        if (size >= targetK) continue;
        ++report.classesBelowTarget;
        report.rowsAtRisk += size;
    }
    return report;
}

void requireTarget(std::size_t k) {
    if (k < 1) throw InvalidArgument("k", "k must be at least 1");
}

}  // namespace

EquivalenceClasses equivalenceClasses(const Table& table,
                                      const std::vector<std::string>& quasiIdentifiers,
                                      const TaskContext& task) {
    const std::vector<std::size_t> indices = columnIndices(table, quasiIdentifiers);
    const std::size_t rows = table.rowCount();
    EquivalenceClasses out;
    out.classOfRow.assign(rows, 0);
    // Refine the classes one column at a time: (class so far, value) -> new class.
    for (std::size_t c = 0; c < indices.size(); ++c) {
        task.report(double(c) / double(indices.size()),
                    "grouping by " + table.column(indices[c]).name());
        const std::vector<std::uint32_t> ids = valueIds(table.column(indices[c]));
        task.checkCancelled();
        DenseIds refined(rows);
        for (std::size_t r = 0; r < rows; ++r)
            out.classOfRow[r] =
                refined.idOf((std::uint64_t{out.classOfRow[r]} << 32) | std::uint64_t{ids[r]});
    }
    out.sizes.assign(
        rows == 0 ? 0 : *std::max_element(out.classOfRow.begin(), out.classOfRow.end()) + 1, 0);
    for (std::uint32_t id : out.classOfRow) ++out.sizes[id];
    task.report(1.0, "grouping");
    return out;
}

KAnonymityReport kAnonymity(const Table& table, const std::vector<std::string>& quasiIdentifiers,
                            std::size_t targetK, const TaskContext& task) {
    requireTarget(targetK);
    return reportOf(equivalenceClasses(table, quasiIdentifiers, task), quasiIdentifiers, targetK);
}

Suppression suppressToK(const Table& table, const std::vector<std::string>& quasiIdentifiers,
                        std::size_t k, const TaskContext& task) {
    requireTarget(k);
    const EquivalenceClasses classes =
        equivalenceClasses(table, quasiIdentifiers, task.sub(0.0, 0.7));
    Suppression out;
    out.before = reportOf(classes, quasiIdentifiers, k);
    out.keptRows.reserve(table.rowCount() - out.before.rowsAtRisk);
    for (std::size_t r = 0; r < table.rowCount(); ++r)
        if (classes.sizes[classes.classOfRow[r]] >= k) out.keptRows.push_back(r);
    out.rowsRemoved = table.rowCount() - out.keptRows.size();
    task.report(0.7, "removing rows");
    out.table = selectRows(table, out.keptRows);

    // The kept classes are the old ones of size >= k, unchanged.
    EquivalenceClasses kept;
    for (std::size_t size : classes.sizes)
        if (size >= k) kept.sizes.push_back(size);
    kept.classOfRow.assign(out.keptRows.size(), 0);  // only its size is read
    out.after = reportOf(kept, quasiIdentifiers, k);
    task.report(1.0, "removing rows");
    return out;
}

}  // namespace glassbox
