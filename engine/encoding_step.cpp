#include "engine/encoding_step.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

// The levels that occur in the column's present cells, sorted.
std::vector<std::string> levelsPresent(const Column& column) {
    std::vector<std::uint8_t> used(column.levels().size(), 0);
    for (std::size_t r = 0; r < column.size(); ++r)
        if (!column.isMissing(r)) used[static_cast<std::size_t>(column.codes()[r])] = 1;
    std::set<std::string> levels;
    for (std::size_t l = 0; l < used.size(); ++l)
        if (used[l]) levels.insert(column.levels()[l]);
    return {levels.begin(), levels.end()};
}

// For each level of `column`, its code among `learnt`, or -1.
std::vector<std::int32_t> codeMap(const Column& column, const std::vector<std::string>& learnt) {
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t i = 0; i < learnt.size(); ++i)
        index.emplace(learnt[i], static_cast<std::int32_t>(i));
    std::vector<std::int32_t> map;
    for (const std::string& level : column.levels()) {
        const auto it = index.find(level);
        map.push_back(it == index.end() ? -1 : it->second);
    }
    return map;
}

}  // namespace

EncodeSettings encodeSettingsFrom(const ParamValues& params) {
    EncodeSettings s;
    s.method = params.text("method") == "ordinal" ? EncodeMethod::Ordinal : EncodeMethod::OneHot;
    s.dropFirst = params.boolean("drop_first");
    if (params.text("order") != "sorted") s.order = splitList(params.text("order"));
    s.columns = columnsFromParams(params);
    return s;
}

std::unique_ptr<FittedStep> fitEncode(const Table& training, const std::string& target,
                                      const EncodeSettings& settings, const TaskContext& task) {
    if (!settings.order.empty() && settings.method != EncodeMethod::Ordinal)
        throw InvalidArgument("order", "applies to method=ordinal only");
    if (settings.dropFirst && settings.method != EncodeMethod::OneHot)
        throw InvalidArgument("drop_first", "applies to method=one-hot only");
    for (std::size_t i = 0; i < settings.order.size(); ++i)
        if (std::find(settings.order.begin(),
                      settings.order.begin() + static_cast<std::ptrdiff_t>(i),
                      settings.order[i]) != settings.order.begin() + static_cast<std::ptrdiff_t>(i))
            throw InvalidArgument("order", "\"" + settings.order[i] + "\" is listed twice");
    std::vector<std::string> columns =
        chooseColumns(training, target, settings.columns, ColumnType::Categorical, "encode");
    std::vector<std::vector<std::string>> levels;
    for (const std::string& name : columns) {
        task.checkCancelled();
        std::vector<std::string> seen =
            levelsPresent(training.column(static_cast<std::size_t>(training.indexOf(name))));
        if (!settings.order.empty()) {
            for (const std::string& level : seen)
                if (std::find(settings.order.begin(), settings.order.end(), level) ==
                    settings.order.end())
                    throw InvalidArgument("order", "level \"" + level + "\" of column \"" + name +
                                                       "\" is not in the order");
            seen = settings.order;
        }
        levels.push_back(std::move(seen));
    }
    return std::make_unique<FittedEncode>(settings.method, settings.dropFirst, std::move(columns),
                                          std::move(levels));
}

FittedEncode::FittedEncode(EncodeMethod method, bool dropFirst, std::vector<std::string> columns,
                           std::vector<std::vector<std::string>> levels)
    : method_(method),
      dropFirst_(dropFirst),
      columns_(std::move(columns)),
      levels_(std::move(levels)) {}

Table FittedEncode::apply(const Table& table, StepUse, StepReport& report,
                          const TaskContext& task) const {
    report.step = "encode";
    report.details.emplace_back("method", method_ == EncodeMethod::OneHot ? "one-hot" : "ordinal");
    // Replacement columns by the index of the column they replace.
    std::vector<std::vector<Column>> replacements(table.columnCount());
    std::vector<std::uint8_t> replaced(table.columnCount(), 0);
    std::set<std::string> newNames;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        task.checkCancelled();
        const std::size_t index =
            requireColumn(table, columns_[c], "encode", ColumnType::Categorical);
        const Column& column = table.column(index);
        const std::vector<std::int32_t> map = codeMap(column, levels_[c]);
        const std::size_t rows = column.size();
        std::size_t unknown = 0;
        for (std::size_t r = 0; r < rows; ++r) {
            if (column.isMissing(r)) continue;
            ++report.changedCells;
            if (map[static_cast<std::size_t>(column.codes()[r])] < 0) ++unknown;
        }
        replaced[index] = 1;
        if (method_ == EncodeMethod::Ordinal) {
            std::vector<double> codes(rows, 0.0);
            ValidityMask valid(rows, true);
            for (std::size_t r = 0; r < rows; ++r) {
                const std::int32_t code =
                    column.isMissing(r) ? -1 : map[static_cast<std::size_t>(column.codes()[r])];
                if (code < 0)
                    valid.set(r, false);
                else
                    codes[r] = code;
            }
            replacements[index].push_back(
                Column::numeric(columns_[c], std::move(codes), std::move(valid)));
        } else {
            report.droppedColumns.push_back(columns_[c]);
            for (std::size_t l = dropFirst_ ? 1 : 0; l < levels_[c].size(); ++l) {
                const std::string name = columns_[c] + "=" + levels_[c][l];
                if (table.indexOf(name) >= 0 || !newNames.insert(name).second)
                    throw InvalidArgument(name, "one-hot encoding of \"" + columns_[c] +
                                                    "\" would add column \"" + name +
                                                    "\", which exists already");
                std::vector<double> flags(rows, 0.0);
                for (std::size_t r = 0; r < rows; ++r)
                    if (!column.isMissing(r) && map[static_cast<std::size_t>(column.codes()[r])] ==
                                                    static_cast<std::int32_t>(l))
                        flags[r] = 1.0;
                replacements[index].push_back(
                    Column::numeric(name, std::move(flags), column.validity()));
                report.addedColumns.push_back(name);
            }
        }
        report.details.emplace_back("unknown levels in " + columns_[c],
                                    std::to_string(unknown) + " cells");
    }
    std::vector<Column> out;
    for (std::size_t i = 0; i < table.columnCount(); ++i) {
        if (!replaced[i]) {
            out.push_back(table.column(i));
            continue;
        }
        for (Column& c : replacements[i]) out.push_back(std::move(c));
    }
    task.report(1.0, "encode");
    if (out.empty()) return Table();
    return Table(std::move(out));
}

void FittedEncode::save(ByteWriter& out) const {
    out.put<std::uint8_t>(kStepFormatVersion);
    out.put<std::uint8_t>(static_cast<std::uint8_t>(method_));
    out.put<std::uint8_t>(dropFirst_ ? 1 : 0);
    out.putStrings(columns_);
    for (const std::vector<std::string>& levels : levels_) out.putStrings(levels);
}

std::unique_ptr<FittedEncode> FittedEncode::load(ByteReader& in) {
    expectStepFormat(in, "encode");
    const std::uint8_t method = in.get<std::uint8_t>();
    const std::uint8_t dropFirst = in.get<std::uint8_t>();
    in.require(method <= 1 && dropFirst <= 1, "an unknown encoding");
    std::vector<std::string> columns = in.getStrings();
    std::vector<std::vector<std::string>> levels;
    for (std::size_t c = 0; c < columns.size(); ++c) levels.push_back(in.getStrings());
    return std::make_unique<FittedEncode>(static_cast<EncodeMethod>(method), dropFirst != 0,
                                          std::move(columns), std::move(levels));
}

EncodeStep::EncodeStep() {
    specs_.push_back(ParamSpec{.name = "method",
                               .type = ParamType::Choice,
                               .defaultValue = "one-hot",
                               .choices = {"one-hot", "ordinal"},
                               .help = "one-hot: a 0/1 column per level; ordinal: one column "
                                       "of level codes"});
    specs_.push_back(ParamSpec{.name = "drop_first",
                               .type = ParamType::Boolean,
                               .defaultValue = "false",
                               .choices = {},
                               .help = "one-hot: leave out the first level's column"});
    specs_.push_back(ParamSpec{.name = "order",
                               .type = ParamType::Text,
                               .defaultValue = "sorted",
                               .choices = {},
                               .help = "ordinal: the levels in code order (a;b;c), or sorted"});
    specs_.push_back(columnsParamSpec("categorical columns to encode; auto: all but the target"));
}

std::string_view EncodeStep::description() const {
    return "Encode categorical columns one-hot or as ordinal codes, with the levels of the "
           "training rows";
}

std::unique_ptr<FittedStep> EncodeStep::fit(const Table& training, const std::string& target,
                                            const ParamValues& params, std::uint64_t,
                                            const TaskContext& task) const {
    return fitEncode(training, target, encodeSettingsFrom(params), task);
}

std::unique_ptr<FittedStep> EncodeStep::load(ByteReader& in) const {
    return FittedEncode::load(in);
}

const PreparationStep& encodeStep() {
    static const EncodeStep step;
    return step;
}

}  // namespace glassbox
