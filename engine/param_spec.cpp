#include "engine/param_spec.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "engine/column.h"
#include "engine/errors.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

std::string joinWords(const std::vector<std::string>& words, std::string_view separator) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : std::string(separator)) + w;
    return out;
}

std::optional<double> numberOf(std::string_view text) {
    const std::optional<double> value = parseNumber(text);
    if (!value || !std::isfinite(*value)) return std::nullopt;
    return value;
}

bool inRange(const ParamSpec& spec, double value) {
    const bool aboveMin = spec.minExclusive ? value > spec.min : value >= spec.min;
    return aboveMin && value <= spec.max;
}

bool isWhole(double value) {
    return std::floor(value) == value && std::fabs(value) < 9.0e15;
}

std::string canonicalBoolean(std::string_view text) {
    if (text == "1") return "true";
    if (text == "0") return "false";
    const std::optional<bool> value = parseBoolean(text);
    return value ? (*value ? "true" : "false") : std::string();
}

// The canonical text of `raw` for `spec`, or an empty string when it is not allowed.
std::string canonicalNonText(const ParamSpec& spec, std::string_view raw) {
    const auto word = std::find(spec.choices.begin(), spec.choices.end(), raw);
    if (word != spec.choices.end()) return *word;
    switch (spec.type) {
        case ParamType::Choice:
            return {};
        case ParamType::Boolean:
            return canonicalBoolean(raw);
        case ParamType::Integer: {
            const std::optional<double> v = numberOf(raw);
            if (!v || !isWhole(*v) || !inRange(spec, *v)) return {};
            return formatNumber(*v);
        }
        case ParamType::Real: {
            const std::optional<double> v = numberOf(raw);
            if (!v || !inRange(spec, *v)) return {};
            return formatNumber(*v);
        }
        case ParamType::Text:
            return std::string(raw);
        case ParamType::IntegerList: {
            std::string out;
            std::size_t begin = 0;
            while (begin <= raw.size()) {
                std::size_t end = raw.find(',', begin);
                if (end == std::string_view::npos) end = raw.size();
                const std::optional<double> v = numberOf(raw.substr(begin, end - begin));
                if (!v || !isWhole(*v) || !inRange(spec, *v)) return {};
                out += (out.empty() ? "" : ",") + formatNumber(*v);
                begin = end + 1;
            }
            return out;
        }
    }
    return {};
}

// The canonical text of `raw` for `spec`, or nullopt when it is not allowed. Text may be empty.
std::optional<std::string> canonicalValue(const ParamSpec& spec, std::string_view raw) {
    if (spec.type == ParamType::Text) return std::string(raw);
    std::string value = canonicalNonText(spec, raw);
    if (value.empty()) return std::nullopt;
    return value;
}

}  // namespace

std::string ParamSpec::describeAllowed() const {
    auto range = [&] {
        return std::string(minExclusive ? "(" : "[") + formatNumber(min) + ", " +
               formatNumber(max) + "]";
    };
    std::string text;
    switch (type) {
        case ParamType::Integer:
            text = "an integer in " + range();
            break;
        case ParamType::Real:
            text = "a number in " + range();
            break;
        case ParamType::Choice:
            return "one of " + joinWords(choices, ", ");
        case ParamType::Boolean:
            text = "true or false";
            break;
        case ParamType::IntegerList:
            text = "comma-separated integers in " + range();
            break;
        case ParamType::Text:
            text = "text";
            break;
    }
    if (!choices.empty()) text += " or " + joinWords(choices, ", ");
    return text;
}

ParamValues ParamValues::resolve(const ParamSpecs& specs,
                                 const std::map<std::string, std::string>& given) {
    ParamValues out;
    for (const auto& [name, raw] : given) {
        const auto spec = std::find_if(specs.begin(), specs.end(),
                                       [&](const ParamSpec& s) { return s.name == name; });
        if (spec == specs.end()) {
            std::vector<std::string> names;
            for (const ParamSpec& s : specs) names.push_back(s.name);
            throw InvalidArgument(name,
                                  "unknown parameter (known: " + joinWords(names, ", ") + ")");
        }
        const std::optional<std::string> value = canonicalValue(*spec, raw);
        if (!value)
            throw InvalidArgument(name,
                                  "must be " + spec->describeAllowed() + ", got \"" + raw + "\"");
        out.values_[name] = *value;
    }
    for (const ParamSpec& spec : specs) {
        out.types_[spec.name] = spec.type;
        if (out.values_.count(spec.name)) continue;
        // Defaults in canonical text too ("1e-9" -> "1e-09"), so a model saved and reloaded
        // carries identical parameters.
        const std::optional<std::string> value = canonicalValue(spec, spec.defaultValue);
        if (!value) throw std::logic_error("default of " + spec.name + " is outside its own range");
        out.values_[spec.name] = *value;
    }
    return out;
}

const std::string& ParamValues::text(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) throw std::logic_error("parameter not in spec: " + name);
    return it->second;
}

bool ParamValues::isWord(const std::string& name) const {
    return !numberOf(text(name)).has_value();
}

std::int64_t ParamValues::integer(const std::string& name) const {
    const std::optional<std::int64_t> v = optionalInteger(name);
    if (!v) throw std::logic_error("parameter is not a number: " + name);
    return *v;
}

std::optional<std::int64_t> ParamValues::optionalInteger(const std::string& name) const {
    const std::optional<double> v = numberOf(text(name));
    if (!v) return std::nullopt;
    return static_cast<std::int64_t>(*v);
}

double ParamValues::real(const std::string& name) const {
    const std::optional<double> v = numberOf(text(name));
    if (!v) throw std::logic_error("parameter is not a number: " + name);
    return *v;
}

bool ParamValues::boolean(const std::string& name) const {
    return text(name) == "true";
}

std::vector<std::int64_t> ParamValues::integerList(const std::string& name) const {
    std::vector<std::int64_t> out;
    const std::string& t = text(name);
    std::size_t begin = 0;
    while (begin <= t.size() && !t.empty()) {
        std::size_t end = t.find(',', begin);
        if (end == std::string::npos) end = t.size();
        out.push_back(static_cast<std::int64_t>(*numberOf(t.substr(begin, end - begin))));
        begin = end + 1;
    }
    return out;
}

std::pair<std::string, std::string> splitParamAssignment(std::string_view assignment) {
    const std::size_t eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw InvalidArgument("--param",
                              "expected KEY=VALUE, got \"" + std::string(assignment) + "\"");
    return {std::string(assignment.substr(0, eq)), std::string(assignment.substr(eq + 1))};
}

}  // namespace glassbox
