#include "app/cli/preparation_json.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "engine/errors.h"

namespace glassbox::cli {
namespace {

using json = nlohmann::ordered_json;

double parseBudgetNumber(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0')
        throw InvalidArgument("--privacy-budget", "\"" + text + "\" is not a number");
    return value;
}

// A detail's value as a number when it is one ("5" -> 5), else as text.
json detailValue(const std::string& text) {
    char* end = nullptr;
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
        errno = 0;
        const unsigned long long whole = std::strtoull(text.c_str(), &end, 10);
        if (*end == '\0' && errno != ERANGE) return std::uint64_t(whole);
    }
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') return text;
    if (value == std::floor(value) && std::abs(value) < 9e15) return std::int64_t(value);
    return value;
}

}  // namespace

PipelineSpec pipelineFromOptions(const std::vector<std::string>& steps, const std::string& budget) {
    PipelineSpec spec = parsePipelineTexts(steps);
    if (!budget.empty()) {
        const std::size_t comma = budget.find(',');
        spec.budget.epsilon = parseBudgetNumber(budget.substr(0, comma));
        if (comma != std::string::npos)
            spec.budget.delta = parseBudgetNumber(budget.substr(comma + 1));
        if (!(spec.budget.epsilon > 0))
            throw InvalidArgument("--privacy-budget", "epsilon must be above 0");
        if (!(spec.budget.delta >= 0 && spec.budget.delta < 1))
            throw InvalidArgument("--privacy-budget", "delta must be in [0, 1)");
    }
    return spec;
}

json stepReportsJson(const PipelineReport& report) {
    json steps = json::array();
    for (const StepReport& r : report.steps) {
        json details = json::object();
        for (const auto& [name, value] : r.details) details[name] = detailValue(value);
        steps.push_back({{"step", r.step},
                         {"changed_cells", r.changedCells},
                         {"dropped_rows", r.droppedRows},
                         {"added_rows", r.addedRows},
                         {"added_columns", r.addedColumns},
                         {"dropped_columns", r.droppedColumns},
                         {"details", std::move(details)}});
    }
    return steps;
}

json privacyReportJson(const PipelineReport& report, const PipelineSpec& spec) {
    json ledger = json::array();
    for (const LedgerEntry& e : report.ledger)
        ledger.push_back(
            {{"release", e.what}, {"epsilon", e.loss.epsilon()}, {"delta", e.loss.delta()}});
    json out = {{"epsilon_spent", report.spent.epsilon()},
                {"delta_spent", report.spent.delta()},
                {"epsilon_budget", spec.budget.epsilon},
                {"delta_budget", spec.budget.delta},
                {"ledger", std::move(ledger)}};
    // k-anonymity as the privacy steps measure it ("k" of other steps is something else).
    for (const StepReport& r : report.steps)
        for (const auto& [name, value] : r.details) {
            if (r.step != "k-anonymity" && r.step != "roles") continue;
            if (name == "k") out["k"] = detailValue(value);
            if (name == "target k") out["target_k"] = detailValue(value);
            if (name == "rows at risk") out["rows_at_risk"] = detailValue(value);
        }
    return out;
}

}  // namespace glassbox::cli
