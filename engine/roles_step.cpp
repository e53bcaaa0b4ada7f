#include "engine/roles_step.h"

#include <algorithm>
#include <limits>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/k_anonymity.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "roles";

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) text += (text.empty() ? "" : ";") + name;
    return text;
}

// The fewest distinct values of `sensitive` within one class of `quasiIdentifiers` (the whole
// table one class when there are none): the classes of quasi-identifiers plus the sensitive
// column refine those of the quasi-identifiers, one refined class per distinct value.
std::size_t lDiversity(const Table& table, const std::vector<std::string>& quasiIdentifiers,
                       const std::string& sensitive, const TaskContext& task) {
    if (table.rowCount() == 0) return 0;
    std::vector<std::string> refinedColumns = quasiIdentifiers;
    refinedColumns.push_back(sensitive);
    const EquivalenceClasses refined = equivalenceClasses(table, refinedColumns, task);
    if (quasiIdentifiers.empty()) return refined.sizes.size();
    const EquivalenceClasses classes = equivalenceClasses(table, quasiIdentifiers, task);
    std::vector<std::uint32_t> classOfRefined(refined.sizes.size(), 0);
    for (std::size_t r = 0; r < table.rowCount(); ++r)
        classOfRefined[refined.classOfRow[r]] = classes.classOfRow[r];
    std::vector<std::size_t> values(classes.sizes.size(), 0);
    for (const std::uint32_t c : classOfRefined) ++values[c];
    return *std::min_element(values.begin(), values.end());
}

class FittedRoles final : public FittedStep {
  public:
    FittedRoles(std::vector<std::string> identifiers, std::vector<std::string> quasiIdentifiers,
                std::vector<std::string> sensitive, std::size_t k)
        : identifiers_(std::move(identifiers)),
          quasiIdentifiers_(std::move(quasiIdentifiers)),
          sensitive_(std::move(sensitive)),
          k_(k) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        Table out = table;
        for (const std::string& name : identifiers_) {
            // Identifiers are never features: rows to predict need not carry them.
            if (use == StepUse::Prediction && table.indexOf(name) < 0) continue;
            const std::size_t index = requireColumn(table, name, kName);
            if (table.column(index).type() != ColumnType::Text)
                out.replaceColumn(index, textColumnOf(table.column(index)));
        }
        report.details.emplace_back("identifiers", joined(identifiers_));
        if (use == StepUse::Prediction) return out;

        for (const std::string& name : quasiIdentifiers_) requireColumn(table, name, kName);
        for (const std::string& name : sensitive_) requireColumn(table, name, kName);
        if (!quasiIdentifiers_.empty()) {
            const KAnonymityReport k = kAnonymity(table, quasiIdentifiers_, k_, task);
            report.details.emplace_back("k", std::to_string(k.k));
            report.details.emplace_back("target k", std::to_string(k_));
            report.details.emplace_back("rows at risk", std::to_string(k.rowsAtRisk));
        }
        if (!sensitive_.empty()) {
            std::size_t least = std::numeric_limits<std::size_t>::max();
            std::vector<std::pair<std::string, std::string>> each;
            for (const std::string& name : sensitive_) {
                task.checkCancelled();
                const std::size_t l = lDiversity(table, quasiIdentifiers_, name, task);
                least = std::min(least, l);
                each.emplace_back("l-diversity " + name, std::to_string(l));
            }
            report.details.emplace_back("l-diversity", std::to_string(least));
            report.details.insert(report.details.end(), each.begin(), each.end());
        }
        return out;
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putStrings(identifiers_);
        out.putStrings(quasiIdentifiers_);
        out.putStrings(sensitive_);
        out.put<std::uint64_t>(k_);
    }

    static std::unique_ptr<FittedStep> load(ByteReader& in) {
        expectStepFormat(in, kName);
        std::vector<std::string> identifiers = in.getStrings();
        std::vector<std::string> quasiIdentifiers = in.getStrings();
        std::vector<std::string> sensitive = in.getStrings();
        const auto k = in.get<std::uint64_t>();
        in.require(k >= 1, "a k-anonymity target below 1");
        return std::make_unique<FittedRoles>(std::move(identifiers), std::move(quasiIdentifiers),
                                             std::move(sensitive), k);
    }

  private:
    std::vector<std::string> identifiers_;
    std::vector<std::string> quasiIdentifiers_;
    std::vector<std::string> sensitive_;
    std::size_t k_;
};

class RolesStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Column roles (identifier, quasi-identifier, sensitive): identifiers kept as text, "
               "never features; report of k-anonymity and l-diversity";
    }
    const ParamSpecs& params() const override { return specs_; }
    bool protectsData() const override { return true; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext&) const override {
        std::vector<std::vector<std::string>> roles;
        std::vector<std::string> seen;
        for (const char* role : {"identifiers", "quasi_identifiers", "sensitive"}) {
            std::vector<std::string> names = listedColumns(training, params.text(role), role);
            for (const std::string& name : names)
                if (std::find(seen.begin(), seen.end(), name) != seen.end())
                    throw InvalidArgument(role, "column \"" + name +
                                                    "\" has another role already; a column has "
                                                    "at most one role");
            seen.insert(seen.end(), names.begin(), names.end());
            roles.push_back(std::move(names));
        }
        if (seen.empty())
            throw InvalidArgument("identifiers",
                                  "give at least one of identifiers, quasi_identifiers, sensitive");
        if (!target.empty() &&
            std::find(roles[0].begin(), roles[0].end(), target) != roles[0].end())
            throw InvalidArgument("identifiers",
                                  "\"" + target + "\" is the target; it cannot be an identifier");
        return std::make_unique<FittedRoles>(std::move(roles[0]), std::move(roles[1]),
                                             std::move(roles[2]),
                                             static_cast<std::size_t>(params.integer("k")));
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        return FittedRoles::load(in);
    }

  private:
    ParamSpecs specs_ = {
        {.name = "identifiers",
         .type = ParamType::Text,
         .defaultValue = "",
         .choices = {},
         .help = "Columns that name a person (';' list): kept as text, never features"},
        {.name = "quasi_identifiers",
         .type = ParamType::Text,
         .defaultValue = "",
         .choices = {},
         .help = "Columns that together could single a person out (';' list)"},
        {.name = "sensitive",
         .type = ParamType::Text,
         .defaultValue = "",
         .choices = {},
         .help = "Columns whose values must not be tied to a person (';' list)"},
        {.name = "k",
         .type = ParamType::Integer,
         .defaultValue = "5",
         .min = 2,
         .max = 1e9,
         .choices = {},
         .help = "The k of k-anonymity the report measures against"},
    };
};

}  // namespace

Column textColumnOf(const Column& column) {
    if (column.type() == ColumnType::Text) return column;
    std::vector<std::uint64_t> offsets{0};
    offsets.reserve(column.size() + 1);
    std::string data;
    for (std::size_t r = 0; r < column.size(); ++r) {
        if (!column.isMissing(r)) data += column.format(r);
        offsets.push_back(data.size());
    }
    return Column::text(column.name(), std::move(offsets), std::move(data), column.validity());
}

const PreparationStep& rolesStep() {
    static const RolesStep step;
    return step;
}

}  // namespace glassbox
