#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/arff_date_format.h"
#include "engine/arff_tokenizer.h"
#include "engine/table.h"

namespace glassbox {

enum class ArffAttributeKind { Numeric, Nominal, String, Date };

// One @attribute declaration.
struct ArffAttribute {
    std::string name;  // made unique: a repeated name gets "_2", "_3", ...
    ArffAttributeKind kind = ArffAttributeKind::Numeric;
    std::vector<std::string> levels;     // Nominal, in declared order
    std::optional<ArffDateFormat> date;  // Date
};

struct ArffHeader {
    std::string relation;
    std::vector<ArffAttribute> attributes;
};

// Reads from the @relation line through the @data line (comments and blank lines allowed
// between). Keywords and type names are case-insensitive; names may be quoted. Throws
// ParseError at the line and column of the problem (unknown type, relational attribute,
// duplicate nominal value, missing @data, ...). Renamed duplicate names add warnings.
ArffHeader readArffHeader(ArffLineReader& lines, const std::string& fileName,
                          std::vector<Warning>& warnings);

}  // namespace glassbox
