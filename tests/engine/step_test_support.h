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

}  // namespace steptest
