#include "engine/scaling_step.h"

#include <cmath>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

const char* methodName(ScaleMethod method) {
    switch (method) {
        case ScaleMethod::Standard:
            return "standard";
        case ScaleMethod::MinMax:
            return "minmax";
        case ScaleMethod::Robust:
            return "robust";
    }
    return "";
}

// Centre and scale of the ascending finite values; a zero spread becomes 1.
std::pair<double, double> centreAndScale(ScaleMethod method, const std::vector<double>& sorted) {
    if (sorted.empty()) return {0.0, 1.0};
    double centre = 0, spread = 0;
    switch (method) {
        case ScaleMethod::Standard: {
            for (double v : sorted) centre += v;
            centre /= static_cast<double>(sorted.size());
            for (double v : sorted) spread += (v - centre) * (v - centre);
            spread = std::sqrt(spread / static_cast<double>(sorted.size()));
            break;
        }
        case ScaleMethod::MinMax:
            centre = sorted.front();
            spread = sorted.back() - sorted.front();
            break;
        case ScaleMethod::Robust:
            centre = quantileOfSorted(sorted, 0.5);
            spread = quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25);
            break;
    }
    return {centre, spread > 0 ? spread : 1.0};
}

}  // namespace

ScaleSettings scaleSettingsFrom(const ParamValues& params) {
    ScaleSettings s;
    const std::string& method = params.text("method");
    s.method = method == "minmax"   ? ScaleMethod::MinMax
               : method == "robust" ? ScaleMethod::Robust
                                    : ScaleMethod::Standard;
    s.columns = columnsFromParams(params);
    return s;
}

std::unique_ptr<FittedStep> fitScale(const Table& training, const std::string& target,
                                     const ScaleSettings& settings, const TaskContext& task) {
    std::vector<std::string> columns =
        chooseColumns(training, target, settings.columns, ColumnType::Numeric, "scale");
    std::vector<double> centres, scales;
    for (const std::string& name : columns) {
        task.checkCancelled();
        const auto [centre, scale] = centreAndScale(
            settings.method,
            sortedFinite(training.column(static_cast<std::size_t>(training.indexOf(name)))));
        centres.push_back(centre);
        scales.push_back(scale);
    }
    return std::make_unique<FittedScale>(settings.method, std::move(columns), std::move(centres),
                                         std::move(scales));
}

FittedScale::FittedScale(ScaleMethod method, std::vector<std::string> columns,
                         std::vector<double> centres, std::vector<double> scales)
    : method_(method),
      columns_(std::move(columns)),
      centres_(std::move(centres)),
      scales_(std::move(scales)) {}

Table FittedScale::apply(const Table& table, StepUse, StepReport& report,
                         const TaskContext& task) const {
    report.step = "scale";
    report.details.emplace_back("method", methodName(method_));
    Table out = table;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        task.checkCancelled();
        const std::size_t index = requireColumn(table, columns_[c], "scale", ColumnType::Numeric);
        const Column& column = table.column(index);
        std::vector<double> values(column.numbers().begin(), column.numbers().end());
        for (std::size_t r = 0; r < values.size(); ++r) {
            if (column.isMissing(r)) continue;
            const double scaled = (values[r] - centres_[c]) / scales_[c];
            if (scaled != values[r] && !std::isnan(values[r])) ++report.changedCells;
            values[r] = scaled;
        }
        out.replaceColumn(index,
                          Column::numeric(columns_[c], std::move(values), column.validity()));
        report.details.emplace_back(columns_[c], "centre " + formatNumber(centres_[c]) +
                                                     ", scale " + formatNumber(scales_[c]));
    }
    task.report(1.0, "scale");
    return out;
}

void FittedScale::save(ByteWriter& out) const {
    out.put<std::uint8_t>(kStepFormatVersion);
    out.put<std::uint8_t>(static_cast<std::uint8_t>(method_));
    out.putStrings(columns_);
    out.putVector(centres_);
    out.putVector(scales_);
}

std::unique_ptr<FittedScale> FittedScale::load(ByteReader& in) {
    expectStepFormat(in, "scale");
    const std::uint8_t method = in.get<std::uint8_t>();
    in.require(method <= 2, "an unknown scaling method");
    std::vector<std::string> columns = in.getStrings();
    std::vector<double> centres = in.getVector<double>();
    std::vector<double> scales = in.getVector<double>();
    in.require(centres.size() == columns.size() && scales.size() == columns.size(),
               "scaling statistics do not match the columns");
    return std::make_unique<FittedScale>(static_cast<ScaleMethod>(method), std::move(columns),
                                         std::move(centres), std::move(scales));
}

ScaleStep::ScaleStep() {
    specs_.push_back(ParamSpec{.name = "method",
                               .type = ParamType::Choice,
                               .defaultValue = "standard",
                               .choices = {"standard", "minmax", "robust"},
                               .help = "standard: mean 0, std 1; minmax: [0, 1]; robust: "
                                       "median 0, IQR 1"});
    specs_.push_back(columnsParamSpec("numeric columns to scale; auto: all but the target"));
}

std::string_view ScaleStep::description() const {
    return "Scale numeric columns (standard, min-max or robust) by statistics of the training "
           "rows";
}

std::unique_ptr<FittedStep> ScaleStep::fit(const Table& training, const std::string& target,
                                           const ParamValues& params, std::uint64_t,
                                           const TaskContext& task) const {
    return fitScale(training, target, scaleSettingsFrom(params), task);
}

std::unique_ptr<FittedStep> ScaleStep::load(ByteReader& in) const {
    return FittedScale::load(in);
}

const PreparationStep& scaleStep() {
    static const ScaleStep step;
    return step;
}

}  // namespace glassbox
