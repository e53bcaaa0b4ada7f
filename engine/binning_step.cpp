#include "engine/binning_step.h"

#include <algorithm>
#include <cmath>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

std::vector<double> learnEdges(BinMethod method, std::size_t count,
                               const std::vector<double>& sorted) {
    std::vector<double> edges;
    if (sorted.empty() || sorted.front() == sorted.back()) return edges;
    const double lo = sorted.front(), hi = sorted.back();
    for (std::size_t i = 1; i < count; ++i) {
        const double fraction = static_cast<double>(i) / static_cast<double>(count);
        const double edge = method == BinMethod::EqualWidth ? lo + fraction * (hi - lo)
                                                            : quantileOfSorted(sorted, fraction);
        // An edge at the minimum would leave the first bin empty; ties merge.
        if (edge > lo && (edges.empty() || edge > edges.back())) edges.push_back(edge);
    }
    return edges;
}

}  // namespace

std::vector<std::string> binLabels(const std::vector<double>& edges) {
    if (edges.empty()) return {"(-inf, inf)"};
    std::vector<std::string> labels{"(-inf, " + formatNumber(edges.front()) + ")"};
    for (std::size_t i = 0; i + 1 < edges.size(); ++i)
        labels.push_back("[" + formatNumber(edges[i]) + ", " + formatNumber(edges[i + 1]) + ")");
    labels.push_back("[" + formatNumber(edges.back()) + ", inf)");
    return labels;
}

BinSettings binSettingsFrom(const ParamValues& params) {
    BinSettings s;
    s.method = params.text("method") == "quantile" ? BinMethod::Quantile : BinMethod::EqualWidth;
    s.count = static_cast<std::size_t>(params.integer("count"));
    s.columns = columnsFromParams(params);
    return s;
}

std::unique_ptr<FittedStep> fitBin(const Table& training, const std::string& target,
                                   const BinSettings& settings, const TaskContext& task) {
    if (settings.count < 2) throw InvalidArgument("count", "must be at least 2");
    std::vector<std::string> columns =
        chooseColumns(training, target, settings.columns, ColumnType::Numeric, "bin");
    std::vector<std::vector<double>> edges;
    for (const std::string& name : columns) {
        task.checkCancelled();
        edges.push_back(learnEdges(
            settings.method, settings.count,
            sortedFinite(training.column(static_cast<std::size_t>(training.indexOf(name))))));
    }
    return std::make_unique<FittedBin>(std::move(columns), std::move(edges));
}

FittedBin::FittedBin(std::vector<std::string> columns, std::vector<std::vector<double>> edges)
    : columns_(std::move(columns)), edges_(std::move(edges)) {}

Table FittedBin::apply(const Table& table, StepUse, StepReport& report,
                       const TaskContext& task) const {
    report.step = "bin";
    Table out = table;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        task.checkCancelled();
        const std::size_t index = requireColumn(table, columns_[c], "bin", ColumnType::Numeric);
        const Column& column = table.column(index);
        const std::vector<double>& edges = edges_[c];
        std::vector<std::int32_t> codes(column.size(), -1);
        ValidityMask valid(column.size(), true);
        for (std::size_t r = 0; r < column.size(); ++r) {
            const double x = column.numbers()[r];
            if (column.isMissing(r) || std::isnan(x)) {
                valid.set(r, false);
                continue;
            }
            // The bin [e_i, e_i+1) holds x when i edges are <= x.
            codes[r] = static_cast<std::int32_t>(std::upper_bound(edges.begin(), edges.end(), x) -
                                                 edges.begin());
            ++report.changedCells;
        }
        out.replaceColumn(index, Column::categorical(columns_[c], std::move(codes),
                                                     binLabels(edges), std::move(valid)));
        report.details.emplace_back("bins " + columns_[c], std::to_string(edges.size() + 1));
    }
    task.report(1.0, "bin");
    return out;
}

void FittedBin::save(ByteWriter& out) const {
    out.put<std::uint8_t>(kStepFormatVersion);
    out.putStrings(columns_);
    for (const std::vector<double>& edges : edges_) out.putVector(edges);
}

std::unique_ptr<FittedBin> FittedBin::load(ByteReader& in) {
    expectStepFormat(in, "bin");
    std::vector<std::string> columns = in.getStrings();
    std::vector<std::vector<double>> edges;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        edges.push_back(in.getVector<double>());
        const std::vector<double>& e = edges.back();
        in.require(std::all_of(e.begin(), e.end(), [](double v) { return std::isfinite(v); }),
                   "a bin edge is not a finite number");
        in.require(std::adjacent_find(e.begin(), e.end(), std::greater_equal<double>()) == e.end(),
                   "bin edges are not ascending");
    }
    return std::make_unique<FittedBin>(std::move(columns), std::move(edges));
}

BinStep::BinStep() {
    specs_.push_back(ParamSpec{.name = "method",
                               .type = ParamType::Choice,
                               .defaultValue = "equal-width",
                               .choices = {"equal-width", "quantile"},
                               .help = "equal-width bins between the training min and max, or "
                                       "bins holding equal shares of the training rows"});
    specs_.push_back(ParamSpec{.name = "count",
                               .type = ParamType::Integer,
                               .defaultValue = "5",
                               .min = 2,
                               .max = 1000,
                               .choices = {},
                               .help = "number of bins"});
    specs_.push_back(columnsParamSpec("numeric columns to bin; auto: all but the target"));
}

std::string_view BinStep::description() const {
    return "Bin numeric columns into categorical intervals (equal width or quantiles of the "
           "training rows)";
}

std::unique_ptr<FittedStep> BinStep::fit(const Table& training, const std::string& target,
                                         const ParamValues& params, std::uint64_t,
                                         const TaskContext& task) const {
    return fitBin(training, target, binSettingsFrom(params), task);
}

std::unique_ptr<FittedStep> BinStep::load(ByteReader& in) const {
    return FittedBin::load(in);
}

const PreparationStep& binStep() {
    static const BinStep step;
    return step;
}

}  // namespace glassbox
