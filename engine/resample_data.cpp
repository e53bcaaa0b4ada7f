#include "engine/resample_data.h"

#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "engine/errors.h"

namespace glassbox {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr double kDay = 86400.0;

bool usesFeatures(ResampleKind kind) {
    return kind == ResampleKind::Smote || kind == ResampleKind::SmoteNc;
}

double interpolate(double from, double to, double gap) {
    return from + gap * (to - from);
}

// How a column's cells of synthetic rows are made.
enum class Role : std::uint8_t { Seed, Numeric, Categorical, Missing };

struct ColumnRole {
    Role role = Role::Seed;
    std::size_t feature = 0;  // index into ResampleInput::numeric or ::categorical
};

}  // namespace

ResampledDataset resampleDataset(const Dataset& data, const ResampleSettings& settings,
                                 const TaskContext& task) {
    if (data.task != TaskKind::Classification)
        throw InvalidArgument("target", "resampling needs a classification target");
    ResampleInput input;
    input.rows = data.rows();
    input.classes = data.classes;
    input.labels = data.labels;
    const FeatureMatrix& x = data.features;
    std::vector<ColumnRole> roles(x.featureCount());
    if (usesFeatures(settings.kind)) {
        for (std::size_t f = 0; f < x.featureCount(); ++f) {
            const FeatureInfo& info = x.schema().features[f];
            if (info.isCategorical()) {
                roles[f] = {Role::Categorical, input.categorical.size()};
                input.categoricalNames.push_back(info.name);
                input.categorical.emplace_back(x.codes(f).begin(), x.codes(f).end());
            } else if (info.sourceType == ColumnType::Boolean) {
                roles[f] = {Role::Categorical, input.categorical.size()};
                input.categoricalNames.push_back(info.name);
                std::vector<std::int32_t> codes;
                for (const double v : x.values(f)) codes.push_back(std::isnan(v) ? -1 : v != 0);
                input.categorical.push_back(std::move(codes));
            } else {
                roles[f] = {Role::Numeric, input.numeric.size()};
                input.numericNames.push_back(info.name);
                input.numeric.emplace_back(x.values(f).begin(), x.values(f).end());
            }
        }
    }
    ResamplePlan plan = planResampling(input, settings, task);

    std::vector<FeatureColumn> columns(x.featureCount());
    for (std::size_t f = 0; f < x.featureCount(); ++f) {
        FeatureColumn& out = columns[f];
        if (x.isCategorical(f)) {
            for (const std::size_t r : plan.rows) out.codes.push_back(x.codes(f)[r]);
            for (const SyntheticRow& s : plan.synthetic)
                out.codes.push_back(s.categories[roles[f].feature]);
            continue;
        }
        const auto values = x.values(f);
        for (const std::size_t r : plan.rows) out.values.push_back(values[r]);
        for (const SyntheticRow& s : plan.synthetic)
            out.values.push_back(
                roles[f].role == Role::Numeric
                    ? interpolate(values[s.seed], values[s.neighbour], s.gap)
                    : static_cast<double>(s.categories[roles[f].feature]));  // a boolean
    }
    ResampledDataset out;
    out.data.features =
        FeatureMatrix(x.schema(), std::move(columns), plan.rows.size() + plan.synthetic.size());
    out.data.task = data.task;
    out.data.target = data.target;
    out.data.classes = data.classes;
    for (const std::size_t r : plan.rows) out.data.labels.push_back(data.labels[r]);
    for (const SyntheticRow& s : plan.synthetic) out.data.labels.push_back(data.labels[s.seed]);
    out.plan = std::move(plan);
    return out;
}

namespace {

std::size_t targetIndex(const Table& table, const std::string& target) {
    const std::ptrdiff_t index = table.indexOf(target);
    if (index < 0) throw InvalidArgument("target", "there is no column \"" + target + "\"");
    const Column& column = table.column(static_cast<std::size_t>(index));
    if (inferTask(column) != TaskKind::Classification)
        throw InvalidArgument("target", "\"" + target +
                                            "\" is a numeric column with many values; "
                                            "resampling needs a classification target");
    return static_cast<std::size_t>(index);
}

// The input for `table`, and how each column's synthetic cells are made.
ResampleInput tableInput(const Table& table, const std::string& target, ResampleKind kind,
                         std::vector<ColumnRole>& roles) {
    const std::size_t targetColumn = targetIndex(table, target);
    const Column& y = table.column(targetColumn);
    ResampleInput input;
    input.rows = table.rowCount();
    // Classes by their text (sorted), so every column type of target works alike.
    std::map<std::string, std::int32_t> classOf;
    for (std::size_t r = 0; r < y.size(); ++r)
        if (!y.isMissing(r)) classOf.emplace(y.format(r), 0);
    for (auto& [name, index] : classOf) {
        index = static_cast<std::int32_t>(input.classes.size());
        input.classes.push_back(name);
    }
    input.labels.assign(input.rows, -1);
    for (std::size_t r = 0; r < y.size(); ++r)
        if (!y.isMissing(r)) input.labels[r] = classOf.at(y.format(r));

    roles.assign(table.columnCount(), ColumnRole{});
    if (!usesFeatures(kind)) return input;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        if (c == targetColumn) continue;
        const Column& column = table.column(c);
        switch (column.type()) {
            case ColumnType::Numeric:
            case ColumnType::DateTime: {
                roles[c] = {Role::Numeric, input.numeric.size()};
                input.numericNames.push_back(column.name());
                std::vector<double> values(input.rows);
                for (std::size_t r = 0; r < input.rows; ++r)
                    values[r] = column.isMissing(r) ? kMissing : column.numbers()[r];
                input.numeric.push_back(std::move(values));
                break;
            }
            case ColumnType::Categorical:
            case ColumnType::Boolean: {
                roles[c] = {Role::Categorical, input.categorical.size()};
                input.categoricalNames.push_back(column.name());
                std::vector<std::int32_t> codes(input.rows, -1);
                const bool isBoolean = column.type() == ColumnType::Boolean;
                for (std::size_t r = 0; r < input.rows; ++r)
                    if (!column.isMissing(r))
                        codes[r] = isBoolean ? column.boolean(r) : column.codes()[r];
                input.categorical.push_back(std::move(codes));
                break;
            }
            case ColumnType::Text:
                roles[c] = {Role::Missing, 0};
                break;
        }
    }
    return input;
}

// Column `column` of the output: the plan's input rows, then one cell per synthetic row.
Column outputColumn(const Column& column, const ResamplePlan& plan, ColumnRole role) {
    const std::size_t rows = plan.rows.size() + plan.synthetic.size();
    ValidityMask valid;
    valid.reserve(rows);
    // The input row whose cell a synthetic row copies (its seed's), or none.
    auto copied = [&](const SyntheticRow& s) {
        return role.role == Role::Seed ? s.seed : SIZE_MAX;
    };
    switch (column.type()) {
        case ColumnType::Numeric:
        case ColumnType::DateTime: {
            const auto values = column.numbers();
            std::vector<double> out;
            out.reserve(rows);
            for (const std::size_t r : plan.rows) {
                out.push_back(values[r]);
                valid.push_back(!column.isMissing(r));
            }
            for (const SyntheticRow& s : plan.synthetic) {
                if (role.role == Role::Numeric) {
                    double v = interpolate(values[s.seed], values[s.neighbour], s.gap);
                    if (column.type() == ColumnType::DateTime && !column.hasTime())
                        v = std::round(v / kDay) * kDay;
                    out.push_back(v);
                    valid.push_back(true);
                } else {
                    out.push_back(values[copied(s)]);
                    valid.push_back(!column.isMissing(copied(s)));
                }
            }
            return column.type() == ColumnType::Numeric
                       ? Column::numeric(column.name(), std::move(out), std::move(valid))
                       : Column::dateTime(column.name(), std::move(out), column.hasTime(),
                                          std::move(valid));
        }
        case ColumnType::Categorical: {
            const auto codes = column.codes();
            std::vector<std::int32_t> out;
            out.reserve(rows);
            auto add = [&](std::size_t r) {
                out.push_back(codes[r]);
                valid.push_back(!column.isMissing(r));
            };
            for (const std::size_t r : plan.rows) add(r);
            for (const SyntheticRow& s : plan.synthetic) {
                if (role.role == Role::Categorical) {
                    out.push_back(s.categories[role.feature]);
                    valid.push_back(true);
                } else {
                    add(copied(s));
                }
            }
            return Column::categorical(column.name(), std::move(out), column.levels(),
                                       std::move(valid));
        }
        case ColumnType::Boolean: {
            std::vector<std::uint8_t> out;
            out.reserve(rows);
            auto add = [&](std::size_t r) {
                out.push_back(column.booleans()[r]);
                valid.push_back(!column.isMissing(r));
            };
            for (const std::size_t r : plan.rows) add(r);
            for (const SyntheticRow& s : plan.synthetic) {
                if (role.role == Role::Categorical) {
                    out.push_back(s.categories[role.feature] != 0);
                    valid.push_back(true);
                } else {
                    add(copied(s));
                }
            }
            return Column::boolean(column.name(), std::move(out), std::move(valid));
        }
        case ColumnType::Text: {
            std::vector<std::uint64_t> offsets{0};
            std::string data;
            auto add = [&](std::size_t r, bool present) {
                if (present) data += column.text(r);
                offsets.push_back(data.size());
                valid.push_back(present);
            };
            for (const std::size_t r : plan.rows) add(r, !column.isMissing(r));
            for (const SyntheticRow& s : plan.synthetic) {
                if (role.role == Role::Seed)
                    add(s.seed, !column.isMissing(s.seed));
                else
                    add(0, false);
            }
            return Column::text(column.name(), std::move(offsets), std::move(data),
                                std::move(valid));
        }
    }
    throw InvalidArgument(column.name(), "unknown column type");
}

}  // namespace

void checkResampleTable(const Table& table, const std::string& target, ResampleKind kind) {
    std::vector<ColumnRole> roles;
    ResampleSettings settings;
    settings.kind = kind;
    checkResampleInput(tableInput(table, target, kind, roles), settings);
}

ResampledTable resampleTable(const Table& table, const std::string& target,
                             const ResampleSettings& settings, const TaskContext& task) {
    std::vector<ColumnRole> roles;
    const ResampleInput input = tableInput(table, target, settings.kind, roles);
    ResampledTable out;
    out.plan = planResampling(input, settings, task);
    std::vector<Column> columns;
    for (std::size_t c = 0; c < table.columnCount(); ++c)
        columns.push_back(outputColumn(table.column(c), out.plan, roles[c]));
    out.table = Table(std::move(columns));
    return out;
}

}  // namespace glassbox
