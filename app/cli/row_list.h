#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace glassbox::cli {

// `--rows I,J,...`: 0-based row indices of a data file with `rowCount` rows, in the order given.
// Spaces around indices are allowed. Throws InvalidArgument("--rows") for an empty list, an
// entry that is not a whole number, an index past the last row (naming `file` and its row
// count) or an index given twice.
std::vector<std::size_t> parseRowList(const std::string& text, std::size_t rowCount,
                                      const std::string& file);

}  // namespace glassbox::cli
