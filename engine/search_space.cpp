#include "engine/search_space.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "engine/column.h"
#include "engine/errors.h"
#include "engine/random.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

std::pair<std::string, std::string> splitAssignment(std::string_view text,
                                                    const std::string& option,
                                                    const std::string& form) {
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        throw InvalidArgument(option, "expected " + form + ", got \"" + std::string(text) + "\"");
    return {std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

std::vector<std::string> splitOn(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t begin = 0;
    while (true) {
        const std::size_t end = text.find(separator, begin);
        parts.emplace_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
        if (end == std::string_view::npos) return parts;
        begin = end + 1;
    }
}

constexpr double kAutomaticLogRatio = 100.0;  // two decades

}  // namespace

const ParamSpec& SearchSpace::specNamed(const std::string& name, const std::string& option) const {
    for (const ParamSpec& s : specs_)
        if (s.name == name) return s;
    // resolve() words the unknown-parameter error the way --param reports it.
    ParamValues::resolve(specs_, {{name, ""}});
    throw InvalidArgument(option, "unknown parameter \"" + name + "\"");
}

std::string SearchSpace::canonical(const std::string& name, const std::string& value) const {
    return ParamValues::resolve(specs_, {{name, value}}).text(name);
}

void SearchSpace::addDimension(Dimension dimension, const std::string& option) {
    for (const Dimension& d : dimensions_)
        if (d.name == dimension.name)
            throw InvalidArgument(option, "\"" + dimension.name + "\" is given twice");
    dimensions_.push_back(std::move(dimension));
}

void SearchSpace::addValues(std::string_view assignment) {
    const auto [name, text] = splitAssignment(assignment, "--grid", "KEY=V1,V2,...");
    const ParamSpec& spec = specNamed(name, "--grid");
    Dimension d;
    d.name = name;
    d.type = spec.type;
    std::set<std::string> seen;
    for (const std::string& raw : splitOn(text, spec.type == ParamType::IntegerList ? ';' : ',')) {
        std::string value = canonical(name, raw);
        if (!seen.insert(value).second)
            throw InvalidArgument(name, "the value \"" + raw + "\" is listed twice");
        d.values.push_back(std::move(value));
    }
    addDimension(std::move(d), "--grid");
}

void SearchSpace::addRange(std::string_view assignment) {
    const auto [name, text] = splitAssignment(assignment, "--range", "KEY=LO:HI[:log|:linear]");
    const ParamSpec& spec = specNamed(name, "--range");
    if (spec.type != ParamType::Integer && spec.type != ParamType::Real)
        throw InvalidArgument(name,
                              "a range needs an integer or real parameter; list its "
                              "values with --grid instead");
    const std::vector<std::string> parts = splitOn(text, ':');
    if (parts.size() < 2 || parts.size() > 3)
        throw InvalidArgument(
            "--range", "expected KEY=LO:HI[:log|:linear], got \"" + std::string(assignment) + "\"");
    Dimension d;
    d.name = name;
    d.type = spec.type;
    double* ends[2] = {&d.low, &d.high};
    for (int i = 0; i < 2; ++i) {
        const std::optional<double> v = parseNumber(canonical(name, parts[i]));
        if (!v)
            throw InvalidArgument(name, "a range's ends must be numbers, got \"" + parts[i] + "\"");
        *ends[i] = *v;
    }
    if (d.low > d.high)
        throw InvalidArgument(
            name, "the range's low end " + parts[0] + " is above its high end " + parts[1]);
    if (parts.size() == 3) {
        if (parts[2] == "log")
            d.scale = RangeScale::Log;
        else if (parts[2] == "linear")
            d.scale = RangeScale::Linear;
        else
            throw InvalidArgument("--range",
                                  "the scale must be log or linear, got \"" + parts[2] + "\"");
    }
    if (d.scale == RangeScale::Log && !(d.low > 0))
        throw InvalidArgument(name, "a log range needs a low end above 0");
    if (d.scale == RangeScale::Automatic)
        d.scale = d.type == ParamType::Real && d.low > 0 && d.high / d.low >= kAutomaticLogRatio
                      ? RangeScale::Log
                      : RangeScale::Linear;
    addDimension(std::move(d), "--range");
}

std::vector<std::string> SearchSpace::names() const {
    std::vector<std::string> out;
    for (const Dimension& d : dimensions_) out.push_back(d.name);
    return out;
}

bool SearchSpace::hasRanges() const {
    return std::any_of(dimensions_.begin(), dimensions_.end(),
                       [](const Dimension& d) { return d.isRange(); });
}

std::size_t SearchSpace::gridSize() const {
    std::size_t size = 1;
    for (const Dimension& d : dimensions_) size *= d.isRange() ? 0 : d.values.size();
    return size;
}

std::vector<ParamValues> SearchSpace::grid() const {
    if (hasRanges())
        throw InvalidArgument("--range", "ranges are for random search (give --random N)");
    std::vector<ParamValues> out;
    std::vector<std::size_t> at(dimensions_.size(), 0);
    while (true) {
        std::map<std::string, std::string> given;
        for (std::size_t i = 0; i < dimensions_.size(); ++i)
            given[dimensions_[i].name] = dimensions_[i].values[at[i]];
        out.push_back(ParamValues::resolve(specs_, given));
        // Advance the odometer: the last dimension fastest.
        std::size_t i = dimensions_.size();
        while (i > 0) {
            --i;
            if (++at[i] < dimensions_[i].values.size()) break;
            at[i] = 0;
            if (i == 0) return out;
        }
        if (dimensions_.empty()) return out;
    }
}

std::vector<ParamValues> SearchSpace::sample(std::size_t count, std::uint64_t seed) const {
    if (!hasRanges() && gridSize() <= count) return grid();
    Random random(seed, 0x5ea7c4);
    std::vector<ParamValues> out;
    std::set<std::map<std::string, std::string>> seen;
    const std::size_t maxDraws = 100 * count + 1000;
    for (std::size_t draw = 0; draw < maxDraws && out.size() < count; ++draw) {
        std::map<std::string, std::string> given;
        for (const Dimension& d : dimensions_) {
            if (!d.isRange()) {
                given[d.name] = d.values[random.index(d.values.size())];
                continue;
            }
            double v;
            if (d.scale == RangeScale::Log) {
                const double logLow = std::log(d.low);
                const double logHigh = std::log(d.type == ParamType::Integer ? d.high + 1 : d.high);
                v = std::exp(logLow + random.uniform() * (logHigh - logLow));
                if (d.type == ParamType::Integer) v = std::floor(v);
            } else if (d.type == ParamType::Integer) {
                v = d.low +
                    static_cast<double>(random.index(static_cast<std::size_t>(d.high - d.low) + 1));
            } else {
                v = d.low + random.uniform() * (d.high - d.low);
            }
            // Rounding in exp/log can step just outside the range.
            given[d.name] = formatNumber(std::clamp(v, d.low, d.high));
        }
        if (!seen.insert(given).second) continue;
        out.push_back(ParamValues::resolve(specs_, given));
    }
    return out;
}

}  // namespace glassbox
