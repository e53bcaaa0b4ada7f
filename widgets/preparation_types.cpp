#include "widgets/preparation_types.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/column_stats.h"
#include "engine/errors.h"
#include "widgets/engine_types.h"

namespace glassbox::gui {
namespace {

bool isNumber(ColumnType type) {
    return type == ColumnType::Numeric || type == ColumnType::DateTime;
}

const Column* find(const Table& table, const std::string& name) {
    const std::ptrdiff_t index = table.indexOf(name);
    return index < 0 ? nullptr : &table.column(static_cast<std::size_t>(index));
}

void appendFinite(const Column* column, std::vector<double>& out) {
    if (!column) return;
    const std::span<const double> numbers = column->numbers();
    for (std::size_t row = 0; row < column->size(); ++row)
        if (!column->isMissing(row) && std::isfinite(numbers[row])) out.push_back(numbers[row]);
}

// Each finite value counted in its bin [edge_i, edge_i+1), the last bin closed.
std::vector<std::size_t> binCounts(const Column* column, const std::vector<double>& edges) {
    std::vector<std::size_t> counts(edges.size() - 1, 0);
    if (!column) return counts;
    const std::span<const double> numbers = column->numbers();
    for (std::size_t row = 0; row < column->size(); ++row) {
        if (column->isMissing(row) || !std::isfinite(numbers[row])) continue;
        const auto above = std::upper_bound(edges.begin(), edges.end(), numbers[row]);
        const std::ptrdiff_t bin = std::distance(edges.begin(), above) - 1;
        counts[static_cast<std::size_t>(
            std::clamp<std::ptrdiff_t>(bin, 0, static_cast<std::ptrdiff_t>(counts.size()) - 1))]++;
    }
    return counts;
}

std::map<std::string, std::size_t> valueCounts(const Column* column) {
    std::map<std::string, std::size_t> counts;
    if (!column) return counts;
    if (column->type() == ColumnType::Categorical) {
        std::vector<std::size_t> perCode(column->levels().size(), 0);
        const std::span<const std::int32_t> codes = column->codes();
        for (std::size_t row = 0; row < column->size(); ++row)
            if (!column->isMissing(row) && codes[row] >= 0)
                ++perCode[static_cast<std::size_t>(codes[row])];
        for (std::size_t code = 0; code < perCode.size(); ++code)
            if (perCode[code] > 0) counts[column->levels()[code]] += perCode[code];
        return counts;
    }
    for (std::size_t row = 0; row < column->size(); ++row)
        if (!column->isMissing(row)) ++counts[column->format(row)];
    return counts;
}

void compareValues(const Column* before, const Column* after, std::size_t maxBars,
                   DistributionComparison& out) {
    const auto countsBefore = valueCounts(before);
    const auto countsAfter = valueCounts(after);
    std::map<std::string, std::size_t> total = countsBefore;
    for (const auto& [value, count] : countsAfter) total[value] += count;
    std::vector<std::pair<std::string, std::size_t>> order(total.begin(), total.end());
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    auto countIn = [](const std::map<std::string, std::size_t>& counts, const std::string& value) {
        const auto it = counts.find(value);
        return it == counts.end() ? std::size_t{0} : it->second;
    };
    const std::size_t bars = std::min(order.size(), maxBars);
    for (std::size_t i = 0; i < bars; ++i) {
        out.labels.push_back(order[i].first);
        out.before.push_back(countIn(countsBefore, order[i].first));
        out.after.push_back(countIn(countsAfter, order[i].first));
    }
    if (order.size() > bars) {
        std::size_t restBefore = 0, restAfter = 0;
        for (std::size_t i = bars; i < order.size(); ++i) {
            restBefore += countIn(countsBefore, order[i].first);
            restAfter += countIn(countsAfter, order[i].first);
        }
        out.labels.emplace_back(kOtherValues);
        out.before.push_back(restBefore);
        out.after.push_back(restAfter);
    }
}

}  // namespace

const std::shared_ptr<const Table>& PreparationPreview::before(std::size_t step) const {
    return tables.at(step < steps.size() ? step : 0);
}

const std::shared_ptr<const Table>& PreparationPreview::after(std::size_t step) const {
    return tables.at(step < steps.size() ? step + 1 : tables.size() - 1);
}

std::size_t missingCells(const Table& table) {
    std::size_t missing = 0;
    for (const Column& column : table.columns()) missing += column.missingCount();
    return missing;
}

DistributionComparison compareDistributions(const Table& before, const Table& after,
                                            const std::string& column, std::size_t maxBins,
                                            std::size_t maxBars) {
    const Column* was = find(before, column);
    const Column* is = find(after, column);
    if (!was && !is) throw InvalidArgument("column", "no column \"" + column + "\" in the table");
    DistributionComparison out;
    out.column = column;
    out.type = (is ? is : was)->type();
    out.hasTime = (is ? is : was)->hasTime();
    out.inBefore = was != nullptr;
    out.inAfter = is != nullptr;
    out.missingBefore = was ? was->missingCount() : 0;
    out.missingAfter = is ? is->missingCount() : 0;
    out.rowsBefore = before.rowCount();
    out.rowsAfter = after.rowCount();
    const bool numbers = (!was || isNumber(was->type())) && (!is || isNumber(is->type()));
    if (!numbers) {
        compareValues(was, is, maxBars, out);
        return out;
    }
    std::vector<double> values;
    appendFinite(was, values);
    appendFinite(is, values);
    if (values.empty()) return out;
    std::sort(values.begin(), values.end());
    out.edges = autoBinEdges(values, maxBins);
    out.before = binCounts(was, out.edges);
    out.after = binCounts(is, out.edges);
    return out;
}

void registerPreparationMetaTypes() {
    registerEngineMetaTypes();
    qRegisterMetaType<PreparationPreviewPtr>();
    qRegisterMetaType<DistributionPtr>();
}

}  // namespace glassbox::gui
