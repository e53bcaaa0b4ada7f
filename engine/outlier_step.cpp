#include "engine/outlier_step.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/row_selection.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

constexpr const char* kFlagColumn = "outlier";

unsigned threadCount(unsigned requested) {
    return requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

const char* methodName(OutlierMethod method) {
    switch (method) {
        case OutlierMethod::ZScore:
            return "z";
        case OutlierMethod::Iqr:
            return "iqr";
        case OutlierMethod::IsolationForest:
            return "isolation_forest";
    }
    return "";
}

double mean(const std::vector<double>& values) {
    double sum = 0;
    for (double v : values) sum += v;
    return sum / static_cast<double>(values.size());
}

double populationStd(const std::vector<double>& values, double centre) {
    double sum = 0;
    for (double v : values) sum += (v - centre) * (v - centre);
    return std::sqrt(sum / static_cast<double>(values.size()));
}

}  // namespace

OutlierSettings outlierSettingsFrom(const ParamValues& params) {
    OutlierSettings s;
    const std::string& method = params.text("method");
    s.method = method == "iqr"                ? OutlierMethod::Iqr
               : method == "isolation_forest" ? OutlierMethod::IsolationForest
                                              : OutlierMethod::ZScore;
    if (params.isWord("factor"))
        s.factor = s.method == OutlierMethod::Iqr ? 1.5 : 3.0;
    else
        s.factor = params.real("factor");
    s.contamination = params.real("contamination");
    s.trees = static_cast<std::size_t>(params.integer("trees"));
    s.sampleSize = static_cast<std::size_t>(params.integer("sample_size"));
    s.columns = columnsFromParams(params);
    s.action = params.text("action") == "drop" ? OutlierAction::Drop : OutlierAction::Flag;
    return s;
}

std::unique_ptr<FittedStep> fitOutliers(const Table& training, const std::string& target,
                                        const OutlierSettings& settings, std::uint64_t seed,
                                        const TaskContext& task) {
    if (!(settings.factor > 0) || !std::isfinite(settings.factor))
        throw InvalidArgument("factor", "must be a positive number");
    if (!(settings.contamination > 0 && settings.contamination <= 0.5))
        throw InvalidArgument("contamination", "must be a share in (0, 0.5]");
    if (settings.trees == 0) throw InvalidArgument("trees", "must be at least 1");
    if (settings.sampleSize < 2) throw InvalidArgument("sample_size", "must be at least 2");
    auto fitted = std::make_unique<FittedOutliers>();
    fitted->method_ = settings.method;
    fitted->action_ = settings.action;
    fitted->factor_ = settings.factor;
    fitted->threads_ = settings.threads;
    fitted->columns_ =
        chooseColumns(training, target, settings.columns, ColumnType::Numeric, "outliers");
    if (fitted->columns_.empty())
        throw InvalidArgument("columns", "the table has no numeric column besides the target");

    std::vector<std::vector<double>> sortedColumns;
    for (const std::string& name : fitted->columns_) {
        task.checkCancelled();
        const Column& column = training.column(static_cast<std::size_t>(training.indexOf(name)));
        std::vector<double> sorted = sortedFinite(column);
        if (sorted.empty())
            throw InvalidArgument("columns", "\"" + name + "\" has no values in the training rows");
        switch (settings.method) {
            case OutlierMethod::ZScore: {
                const double centre = mean(sorted);
                fitted->first_.push_back(centre);
                fitted->second_.push_back(populationStd(sorted, centre));
                break;
            }
            case OutlierMethod::Iqr: {
                const double q1 = quantileOfSorted(sorted, 0.25);
                const double q3 = quantileOfSorted(sorted, 0.75);
                fitted->first_.push_back(q1 - settings.factor * (q3 - q1));
                fitted->second_.push_back(q3 + settings.factor * (q3 - q1));
                break;
            }
            case OutlierMethod::IsolationForest:
                fitted->first_.push_back(quantileOfSorted(sorted, 0.5));
                break;
        }
        sortedColumns.push_back(std::move(sorted));
    }
    if (settings.method == OutlierMethod::IsolationForest) {
        // Training cells without a finite value take the column's median: they neither
        // isolate early nor late.
        std::vector<std::vector<double>> data = fitted->forestInput(training);
        for (std::size_t f = 0; f < data.size(); ++f) {
            const Column& column =
                training.column(static_cast<std::size_t>(training.indexOf(fitted->columns_[f])));
            for (std::size_t r = 0; r < data[f].size(); ++r)
                if (column.isMissing(r) || !std::isfinite(data[f][r]))
                    data[f][r] = fitted->first_[f];
        }
        const IsolationForestSettings forestSettings{settings.trees, settings.sampleSize,
                                                     threadCount(settings.threads)};
        fitted->forest_ =
            IsolationForest::fit(data, forestSettings, seed, task.sub(0.0, 0.9, "outliers: "));
        std::vector<double> scores = fitted->forest_.scores(data, threadCount(settings.threads));
        std::sort(scores.begin(), scores.end());
        fitted->threshold_ = quantileOfSorted(scores, 1.0 - settings.contamination);
    }
    task.report(1.0, "outliers");
    return fitted;
}

std::vector<std::vector<double>> FittedOutliers::forestInput(const Table& table) const {
    std::vector<std::vector<double>> data;
    for (std::size_t f = 0; f < columns_.size(); ++f) {
        const Column& column =
            table.column(requireColumn(table, columns_[f], "outliers", ColumnType::Numeric));
        std::vector<double> values(column.numbers().begin(), column.numbers().end());
        for (std::size_t r = 0; r < values.size(); ++r)
            if (column.isMissing(r) || std::isnan(values[r])) values[r] = first_[f];
        data.push_back(std::move(values));
    }
    return data;
}

std::vector<double> FittedOutliers::scores(const Table& table) const {
    if (method_ != OutlierMethod::IsolationForest) return {};
    return forest_.scores(forestInput(table), threadCount(threads_));
}

std::vector<std::uint8_t> FittedOutliers::outlierRows(const Table& table) const {
    std::vector<std::uint8_t> flags(table.rowCount(), 0);
    if (method_ == OutlierMethod::IsolationForest) {
        const std::vector<double> s = scores(table);
        for (std::size_t r = 0; r < s.size(); ++r) flags[r] = s[r] > threshold_ ? 1 : 0;
        return flags;
    }
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        const Column& column =
            table.column(requireColumn(table, columns_[c], "outliers", ColumnType::Numeric));
        const std::span<const double> values = column.numbers();
        for (std::size_t r = 0; r < values.size(); ++r) {
            if (column.isMissing(r) || std::isnan(values[r])) continue;
            bool outside;
            if (method_ == OutlierMethod::ZScore)
                // A column constant in training has no spread to measure distance by.
                outside = second_[c] > 0 && std::fabs(values[r] - first_[c]) / second_[c] > factor_;
            else
                outside = values[r] < first_[c] || values[r] > second_[c];
            if (outside) flags[r] = 1;
        }
    }
    return flags;
}

Table FittedOutliers::apply(const Table& table, StepUse use, StepReport& report,
                            const TaskContext& task) const {
    report.step = "outliers";
    report.details.emplace_back("method", methodName(method_));
    if (action_ == OutlierAction::Drop && use == StepUse::Prediction) {
        report.details.emplace_back("action", "drop (training rows only; rows kept)");
        return table;
    }
    if (action_ == OutlierAction::Flag && table.indexOf(kFlagColumn) >= 0)
        throw InvalidArgument(
            "action", std::string("the table already has a column named \"") + kFlagColumn + "\"");
    task.checkCancelled();
    const std::vector<std::uint8_t> flags = outlierRows(table);
    const std::size_t count =
        static_cast<std::size_t>(std::count(flags.begin(), flags.end(), std::uint8_t{1}));
    if (method_ == OutlierMethod::IsolationForest) {
        report.details.emplace_back("score threshold", formatNumber(threshold_));
    } else {
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const double lo =
                method_ == OutlierMethod::ZScore ? first_[c] - factor_ * second_[c] : first_[c];
            const double hi =
                method_ == OutlierMethod::ZScore ? first_[c] + factor_ * second_[c] : second_[c];
            report.details.emplace_back("bounds " + columns_[c],
                                        "[" + formatNumber(lo) + ", " + formatNumber(hi) + "]");
        }
    }
    report.details.emplace_back("outlier rows", std::to_string(count));
    task.report(1.0, "outliers");
    if (action_ == OutlierAction::Drop) {
        report.details.emplace_back("action", "drop");
        report.droppedRows += count;
        std::vector<std::size_t> kept;
        kept.reserve(flags.size() - count);
        for (std::size_t r = 0; r < flags.size(); ++r)
            if (!flags[r]) kept.push_back(r);
        return selectRows(table, kept);
    }
    report.details.emplace_back("action", "flag");
    Table out = table;
    out.addColumn(Column::boolean(kFlagColumn, flags, ValidityMask(flags.size(), true)));
    report.addedColumns.push_back(kFlagColumn);
    return out;
}

void FittedOutliers::save(ByteWriter& out) const {
    out.put<std::uint8_t>(kStepFormatVersion);
    out.put<std::uint8_t>(static_cast<std::uint8_t>(method_));
    out.put<std::uint8_t>(static_cast<std::uint8_t>(action_));
    out.put<double>(factor_);
    out.putStrings(columns_);
    out.putVector(first_);
    out.putVector(second_);
    out.put<double>(threshold_);
    if (method_ == OutlierMethod::IsolationForest) forest_.save(out);
}

std::unique_ptr<FittedOutliers> FittedOutliers::load(ByteReader& in) {
    expectStepFormat(in, "outliers");
    auto fitted = std::make_unique<FittedOutliers>();
    const std::uint8_t method = in.get<std::uint8_t>();
    const std::uint8_t action = in.get<std::uint8_t>();
    in.require(method <= 2 && action <= 1, "an unknown outlier method or action");
    fitted->method_ = static_cast<OutlierMethod>(method);
    fitted->action_ = static_cast<OutlierAction>(action);
    fitted->factor_ = in.get<double>();
    fitted->columns_ = in.getStrings();
    fitted->first_ = in.getVector<double>();
    fitted->second_ = in.getVector<double>();
    fitted->threshold_ = in.get<double>();
    const std::size_t n = fitted->columns_.size();
    in.require(fitted->first_.size() == n, "outlier bounds do not match the columns");
    if (fitted->method_ == OutlierMethod::IsolationForest) {
        fitted->forest_ = IsolationForest::load(in);
        in.require(fitted->forest_.featureCount() == n, "the forest does not match the columns");
    } else {
        in.require(fitted->second_.size() == n, "outlier bounds do not match the columns");
    }
    return fitted;
}

OutliersStep::OutliersStep() {
    specs_.push_back(ParamSpec{.name = "method",
                               .type = ParamType::Choice,
                               .defaultValue = "z",
                               .choices = {"z", "iqr", "isolation_forest"},
                               .help = "z-score, interquartile range or isolation forest"});
    specs_.push_back(ParamSpec{.name = "factor",
                               .type = ParamType::Real,
                               .defaultValue = "auto",
                               .min = 0,
                               .max = 1e6,
                               .minExclusive = true,
                               .choices = {"auto"},
                               .help = "z: largest |z| kept (auto 3); iqr: IQRs beyond the "
                                       "quartiles kept (auto 1.5)"});
    specs_.push_back(ParamSpec{.name = "contamination",
                               .type = ParamType::Real,
                               .defaultValue = "0.1",
                               .min = 0,
                               .max = 0.5,
                               .minExclusive = true,
                               .choices = {},
                               .help = "isolation forest: share of training rows that are "
                                       "outliers"});
    specs_.push_back(ParamSpec{.name = "trees",
                               .type = ParamType::Integer,
                               .defaultValue = "100",
                               .min = 1,
                               .max = 100000,
                               .choices = {},
                               .help = "isolation forest: number of trees"});
    specs_.push_back(ParamSpec{.name = "sample_size",
                               .type = ParamType::Integer,
                               .defaultValue = "256",
                               .min = 2,
                               .max = 1e9,
                               .choices = {},
                               .help = "isolation forest: rows drawn for each tree"});
    specs_.push_back(columnsParamSpec("numeric columns to check; auto: all but the target"));
    specs_.push_back(ParamSpec{.name = "action",
                               .type = ParamType::Choice,
                               .defaultValue = "flag",
                               .choices = {"flag", "drop"},
                               .help = "flag: add a boolean \"outlier\" column; drop: remove "
                                       "outlier rows from the training data"});
}

std::string_view OutliersStep::description() const {
    return "Outliers by z-score, interquartile range or isolation forest, learnt on the "
           "training rows: flagged in a column or dropped from training";
}

std::unique_ptr<FittedStep> OutliersStep::fit(const Table& training, const std::string& target,
                                              const ParamValues& params, std::uint64_t seed,
                                              const TaskContext& task) const {
    return fitOutliers(training, target, outlierSettingsFrom(params), seed, task);
}

std::unique_ptr<FittedStep> OutliersStep::load(ByteReader& in) const {
    return FittedOutliers::load(in);
}

const PreparationStep& outliersStep() {
    static const OutliersStep step;
    return step;
}

}  // namespace glassbox
