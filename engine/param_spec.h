#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace glassbox {

enum class ParamType : std::uint8_t {
    Integer,      // whole number in [min, max]
    Real,         // number in [min, max] (minExclusive: (min, max])
    Choice,       // one of `choices`
    Boolean,      // true / false (also 1/0, yes/no)
    IntegerList,  // comma-separated whole numbers, each in [min, max], e.g. "64,64"
    Text,         // any text, possibly empty (column lists, rules); checked by its user
};

// One parameter of a learner: what the GUI builds a form field from and what the CLI checks
// `--param KEY=VALUE` against. For Integer and Real, `choices` lists words accepted besides
// numbers (e.g. max_depth "none", max_features "sqrt").
struct ParamSpec {
    std::string name;
    ParamType type = ParamType::Real;
    std::string defaultValue;
    double min = 0;
    double max = 0;
    bool minExclusive = false;
    std::vector<std::string> choices;
    std::string help;

    // "an integer in [1, 1000] or none", "one of gini, entropy", ...: used in error messages.
    std::string describeAllowed() const;
};

using ParamSpecs = std::vector<ParamSpec>;

// Parameters checked against a spec: every parameter of the spec has a value (given or
// default), in canonical text ("0.1", "true", "64,64").
class ParamValues {
  public:
    ParamValues() = default;

    // Throws InvalidArgument(name) for unknown names and invalid values.
    static ParamValues resolve(const ParamSpecs& specs,
                               const std::map<std::string, std::string>& given);

    const std::string& text(const std::string& name) const;
    // True when the value is one of the spec's words ("none", "sqrt") rather than a number.
    bool isWord(const std::string& name) const;
    std::int64_t integer(const std::string& name) const;
    // Integer, or nullopt when the value is a word (e.g. max_depth=none).
    std::optional<std::int64_t> optionalInteger(const std::string& name) const;
    double real(const std::string& name) const;
    bool boolean(const std::string& name) const;
    std::vector<std::int64_t> integerList(const std::string& name) const;

    const std::map<std::string, std::string>& all() const { return values_; }

  private:
    std::map<std::string, std::string> values_;
    std::map<std::string, ParamType> types_;
};

// Splits "KEY=VALUE" (as --param takes it); throws InvalidArgument("--param") without '='.
std::pair<std::string, std::string> splitParamAssignment(std::string_view assignment);

}  // namespace glassbox
