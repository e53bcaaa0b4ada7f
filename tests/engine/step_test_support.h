// Shared by the preparation step tests: small hand-built tables, a save/load round trip and
// cell-by-cell table comparison.
#pragma once

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/preparation_step.h"
#include "engine/table.h"

namespace steptest {

using namespace glassbox;

// NaN marks a missing cell.
inline const double kMissing = std::numeric_limits<double>::quiet_NaN();

inline Column numbers(const std::string& name, const std::vector<double>& values) {
    ValidityMask valid(values.size(), true);
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::isnan(values[i])) valid.set(i, false);
    return Column::numeric(name, values, valid);
}

// Levels in order of first appearance; an empty string marks a missing cell.
inline Column categories(const std::string& name, const std::vector<std::string>& cells) {
    std::vector<std::string> levels;
    std::vector<std::int32_t> codes;
    for (const std::string& cell : cells) {
        if (cell.empty()) {
            codes.push_back(-1);
            continue;
        }
        auto it = std::find(levels.begin(), levels.end(), cell);
        if (it == levels.end()) it = levels.insert(levels.end(), cell);
        codes.push_back(static_cast<std::int32_t>(it - levels.begin()));
    }
    return Column::categorical(name, codes, levels, ValidityMask(cells.size(), true));
}

// The numeric cells of a column, NaN where missing.
inline std::vector<double> cellsOf(const Table& table, const std::string& name) {
    const std::ptrdiff_t index = table.indexOf(name);
    if (index < 0) return {};
    const Column& c = table.column(static_cast<std::size_t>(index));
    std::vector<double> out;
    for (std::size_t r = 0; r < c.size(); ++r)
        out.push_back(c.isMissing(r) ? kMissing : c.number(r));
    return out;
}

// The cells of a column as text ("" where missing).
inline std::vector<std::string> textsOf(const Table& table, const std::string& name) {
    const std::ptrdiff_t index = table.indexOf(name);
    if (index < 0) return {};
    const Column& c = table.column(static_cast<std::size_t>(index));
    std::vector<std::string> out;
    for (std::size_t r = 0; r < c.size(); ++r) out.push_back(c.format(r));
    return out;
}

inline std::vector<std::string> namesOf(const Table& table) {
    std::vector<std::string> names;
    for (const Column& c : table.columns()) names.push_back(c.name());
    return names;
}

// Same names, types, levels, validity and cells (formatNumber round-trips doubles exactly).
inline bool sameTable(const Table& a, const Table& b) {
    if (a.columnCount() != b.columnCount() || a.rowCount() != b.rowCount()) return false;
    for (std::size_t c = 0; c < a.columnCount(); ++c) {
        const Column& x = a.column(c);
        const Column& y = b.column(c);
        if (x.name() != y.name() || x.type() != y.type() || x.levels() != y.levels()) return false;
        for (std::size_t r = 0; r < x.size(); ++r)
            if (x.isMissing(r) != y.isMissing(r) || x.format(r) != y.format(r)) return false;
    }
    return true;
}

// Element-wise comparison where NaN equals NaN (missing cells).
inline bool sameCells(const std::vector<double>& a, const std::vector<double>& b,
                      double tolerance = 0) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) || std::isnan(b[i])) {
            if (std::isnan(a[i]) != std::isnan(b[i])) return false;
        } else if (std::fabs(a[i] - b[i]) > tolerance) {
            return false;
        }
    }
    return true;
}

inline std::unique_ptr<FittedStep> roundTrip(const PreparationStep& step, const FittedStep& fitted,
                                             std::vector<std::uint8_t>* bytes = nullptr) {
    ByteWriter out;
    fitted.save(out);
    if (bytes) *bytes = out.bytes();
    ByteReader in(out.bytes(), "step");
    std::unique_ptr<FittedStep> loaded = step.load(in);
    in.expectEnd();
    return loaded;
}

inline std::vector<std::uint8_t> bytesOf(const FittedStep& fitted) {
    ByteWriter out;
    fitted.save(out);
    return out.take();
}

inline Table applied(const FittedStep& fitted, const Table& table, StepUse use = StepUse::Training,
                     StepReport* report = nullptr) {
    StepReport local;
    return fitted.apply(table, use, report ? *report : local, TaskContext());
}

// The parameter an InvalidArgument names, or "" when `call` throws nothing of the kind.
template <class Call>
std::string failingParameter(Call call) {
    try {
        call();
    } catch (const InvalidArgument& e) {
        return e.parameter();
    }
    return {};
}

inline std::unique_ptr<FittedStep> fitWith(const PreparationStep& step, const Table& training,
                                           const std::string& target,
                                           const std::map<std::string, std::string>& given,
                                           std::uint64_t seed = 1) {
    return step.fit(training, target, ParamValues::resolve(step.params(), given), seed,
                    TaskContext());
}

inline std::string detail(const StepReport& report, const std::string& name) {
    for (const auto& [key, value] : report.details)
        if (key == name) return value;
    return "(none)";
}

// The "columns" parameter as text, for the steps that transform numeric columns: a ';' list
// (items trimmed, in the order given) or auto, checked on numericColumnsTable(). `chosen`
// empty: the fit must fail naming "columns".
inline void addNumericColumnListRows() {
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QStringList>("chosen");
    QTest::newRow("one") << "b" << QStringList{"b"};
    QTest::newRow("two, trimmed, given order") << " c ; a " << QStringList{"c", "a"};
    QTest::newRow("auto") << "auto" << QStringList{"a", "b", "c"};
    QTest::newRow("empty is auto") << "" << QStringList{"a", "b", "c"};
    QTest::newRow("unknown") << "a;zz" << QStringList{};
    QTest::newRow("categorical") << "a;k" << QStringList{};
    QTest::newRow("target") << "target" << QStringList{};
    QTest::newRow("twice") << "a; a" << QStringList{};
    QTest::newRow("empty item") << "a;;b" << QStringList{};
}

inline Table numericColumnsTable() {
    return Table({numbers("a", {1, 2, 3, 4, 50}), numbers("b", {10, 20, 30, 40, 41}),
                  numbers("c", {-1, 0, 1, 2, 3}), categories("k", {"p", "q", "p", "q", "p"}),
                  numbers("target", {0, 1, 0, 1, 0})});
}

// Fits `step` on `table` with `params` (which hold "columns"): with `chosen` empty the fit
// fails naming "columns"; otherwise the fitted step (a Fitted) works on exactly `chosen`, in
// that order, and every other column passes through unchanged.
template <class Fitted>
void checkColumnChoice(const PreparationStep& step, const Table& table,
                       const std::map<std::string, std::string>& params,
                       const QStringList& chosen) {
    if (chosen.isEmpty()) {
        QCOMPARE(failingParameter([&] { fitWith(step, table, "target", params); }),
                 std::string("columns"));
        return;
    }
    const auto fitted = fitWith(step, table, "target", params);
    std::vector<std::string> expected;
    for (const QString& name : chosen) expected.push_back(name.toStdString());
    QCOMPARE(dynamic_cast<const Fitted&>(*fitted).columns(), expected);
    const Table out = applied(*fitted, table);
    for (const Column& column : table.columns())
        if (std::find(expected.begin(), expected.end(), column.name()) == expected.end())
            QCOMPARE(textsOf(out, column.name()), textsOf(table, column.name()));
}

}  // namespace steptest
