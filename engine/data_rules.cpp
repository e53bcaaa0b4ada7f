#include "engine/data_rules.h"

#include <algorithm>
#include <optional>

#include "engine/errors.h"
#include "engine/preparation_step.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr std::string_view kNotMissing = "not-missing";
constexpr std::string_view kIn = " in ";

std::string trimmed(std::string_view text) {
    return std::string(trimSpaces(text));
}

[[noreturn]] void badRule(const std::string& rule, const std::string& why) {
    throw InvalidArgument("rules", "rule \"" + rule + "\": " + why);
}

DataRule parseRule(const std::string& item) {
    const std::string rule = trimmed(item);
    DataRule out;
    const std::size_t cut = rule.size() - std::min(rule.size(), kNotMissing.size() + 1);
    if (rule.size() > kNotMissing.size() + 1 && rule.ends_with(kNotMissing) &&
        (rule[cut] == ' ' || rule[cut] == '\t')) {
        out.kind = DataRule::Kind::NotMissing;
        out.column = trimmed(std::string_view(rule).substr(0, rule.size() - kNotMissing.size()));
    } else if (const std::size_t in = rule.find(kIn); in != std::string::npos) {
        out.kind = DataRule::Kind::In;
        out.column = trimmed(std::string_view(rule).substr(0, in));
        std::string_view rest = std::string_view(rule).substr(in + kIn.size());
        while (true) {
            const std::size_t bar = rest.find('|');
            std::string value = trimmed(rest.substr(0, bar));
            if (value.empty()) badRule(rule, "an empty value in the allowed list");
            out.allowed.push_back(std::move(value));
            if (bar == std::string_view::npos) break;
            rest = rest.substr(bar + 1);
        }
    } else if (const std::size_t op = rule.find_first_of("<>"); op != std::string::npos) {
        const bool orEqual = op + 1 < rule.size() && rule[op + 1] == '=';
        if (rule[op] == '<')
            out.kind = orEqual ? DataRule::Kind::LessOrEqual : DataRule::Kind::Less;
        else
            out.kind = orEqual ? DataRule::Kind::GreaterOrEqual : DataRule::Kind::Greater;
        out.column = trimmed(std::string_view(rule).substr(0, op));
        out.bound = trimmed(std::string_view(rule).substr(op + (orEqual ? 2 : 1)));
        if (out.bound.empty()) badRule(rule, "the bound is missing");
    } else {
        badRule(rule,
                "expected COLUMN>=BOUND, COLUMN<=BOUND, COLUMN>BOUND, COLUMN<BOUND, "
                "COLUMN in A|B|C or COLUMN not-missing");
    }
    if (out.column.empty()) badRule(rule, "the column name is missing");
    if (out.column.back() == '=' || out.column.back() == '!')
        badRule(rule, "write >= or <=, not => or =<");
    return out;
}

}  // namespace

std::string DataRule::text() const {
    switch (kind) {
        case Kind::Less:
            return column + " < " + bound;
        case Kind::LessOrEqual:
            return column + " <= " + bound;
        case Kind::Greater:
            return column + " > " + bound;
        case Kind::GreaterOrEqual:
            return column + " >= " + bound;
        case Kind::In: {
            std::string text = column + " in ";
            for (std::size_t i = 0; i < allowed.size(); ++i) text += (i ? "|" : "") + allowed[i];
            return text;
        }
        case Kind::NotMissing:
            break;
    }
    return column + " not-missing";
}

std::vector<DataRule> parseDataRules(const std::string& text) {
    std::vector<DataRule> rules;
    for (const std::string& item : splitList(text)) {
        if (trimSpaces(item).empty()) continue;
        rules.push_back(parseRule(item));
    }
    return rules;
}

std::vector<std::size_t> ruleViolations(const DataRule& rule, const Column& column,
                                        const std::string& parameter) {
    auto unfit = [&](const std::string& why) {
        return InvalidArgument(parameter, "rule \"" + rule.text() + "\": " + why);
    };
    std::vector<std::size_t> rows;
    const std::size_t size = column.size();
    if (rule.kind == DataRule::Kind::NotMissing) {
        for (std::size_t r = 0; r < size; ++r)
            if (column.isMissing(r)) rows.push_back(r);
        return rows;
    }
    if (rule.kind == DataRule::Kind::In) {
        if (column.type() == ColumnType::Numeric) {
            std::vector<double> allowed;
            for (const std::string& value : rule.allowed) {
                const std::optional<double> v = parseNumber(value);
                if (!v)
                    throw unfit("\"" + value + "\" is not a number, as numeric column \"" +
                                column.name() + "\" needs");
                allowed.push_back(*v);
            }
            for (std::size_t r = 0; r < size; ++r)
                if (!column.isMissing(r) &&
                    std::find(allowed.begin(), allowed.end(), column.number(r)) == allowed.end())
                    rows.push_back(r);
            return rows;
        }
        for (std::size_t r = 0; r < size; ++r)
            if (!column.isMissing(r) && std::find(rule.allowed.begin(), rule.allowed.end(),
                                                  column.format(r)) == rule.allowed.end())
                rows.push_back(r);
        return rows;
    }
    double bound = 0;
    if (column.type() == ColumnType::Numeric) {
        const std::optional<double> v = parseNumber(rule.bound);
        if (!v) throw unfit("the bound \"" + rule.bound + "\" is not a number");
        bound = *v;
    } else if (column.type() == ColumnType::DateTime) {
        const std::optional<ParsedDateTime> v = parseIsoDateTime(rule.bound);
        if (!v) throw unfit("the bound \"" + rule.bound + "\" is not an ISO 8601 date");
        bound = v->seconds;
    } else {
        throw unfit("column \"" + column.name() + "\" is " +
                    std::string(columnTypeName(column.type())) +
                    "; a range needs a numeric or datetime column");
    }
    for (std::size_t r = 0; r < size; ++r) {
        if (column.isMissing(r)) continue;
        const double v = column.number(r);
        bool ok = false;
        switch (rule.kind) {
            case DataRule::Kind::Less:
                ok = v < bound;
                break;
            case DataRule::Kind::LessOrEqual:
                ok = v <= bound;
                break;
            case DataRule::Kind::Greater:
                ok = v > bound;
                break;
            case DataRule::Kind::GreaterOrEqual:
                ok = v >= bound;
                break;
            default:
                break;
        }
        if (!ok) rows.push_back(r);
    }
    return rows;
}

}  // namespace glassbox
