#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/param_spec.h"

namespace glassbox {

// How random search draws from a numeric range.
enum class RangeScale : std::uint8_t {
    Automatic,  // log-uniform for a real range with 0 < LO and HI / LO >= 100, else uniform
    Linear,     // uniform
    Log,        // log-uniform (LO > 0); integers rounded down
};

// The parameter settings a search tries, checked against a learner's spec. Each parameter has
// either a list of values (grid or random search) or a numeric range (random search only);
// parameters not named keep their defaults.
class SearchSpace {
  public:
    explicit SearchSpace(ParamSpecs specs) : specs_(std::move(specs)) {}

    // "max_depth=2,4,none": each value validated with ParamValues::resolve (errors name the
    // parameter) and kept in canonical text. List-valued parameters (hidden_layers=64,64)
    // separate their values with ';' instead: "hidden_layers=32;64,64". Throws
    // InvalidArgument("--grid") for text without '=' and for a parameter named twice.
    void addValues(std::string_view assignment);
    // "C=0.001:100", "k=1:30", "learning_rate=0.01:0.3:log" (also ":linear"): an integer or real
    // parameter's inclusive range, both ends validated. Throws InvalidArgument naming the
    // parameter, or "--range" for malformed text.
    void addRange(std::string_view assignment);

    bool empty() const { return dimensions_.empty(); }
    // The searched parameters, in the order added.
    std::vector<std::string> names() const;
    bool hasRanges() const;
    // Number of grid candidates: the product of the list sizes.
    std::size_t gridSize() const;

    // Every combination of the listed values, the first parameter added varying slowest and the
    // last fastest (an odometer). Throws InvalidArgument("--range") when a range is present.
    std::vector<ParamValues> grid() const;
    // `count` distinct candidates drawn with `seed`: list values uniformly, integer ranges
    // uniformly, real ranges by their scale. When the space is lists only and holds no more
    // than `count` combinations, the whole grid. Fewer than `count` when the space has fewer
    // distinct settings than asked for (found after many repeated draws).
    std::vector<ParamValues> sample(std::size_t count, std::uint64_t seed) const;

  private:
    struct Dimension {
        std::string name;
        ParamType type = ParamType::Real;
        std::vector<std::string> values;  // canonical text; empty for a range
        double low = 0;
        double high = 0;
        RangeScale scale = RangeScale::Automatic;
        bool isRange() const { return values.empty(); }
    };

    const ParamSpec& specNamed(const std::string& name, const std::string& option) const;
    // The canonical text of `value` for parameter `name`; throws InvalidArgument(name).
    std::string canonical(const std::string& name, const std::string& value) const;
    void addDimension(Dimension dimension, const std::string& option);

    ParamSpecs specs_;
    std::vector<Dimension> dimensions_;
};

}  // namespace glassbox
