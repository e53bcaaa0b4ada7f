#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/value_parsing.h"

namespace glassbox {

// Decides which cells of delimited text are missing: an empty (or all-space) cell always is;
// then the default markers (isDefaultMissingMarker) or, when given, exactly the listed ones
// (compared after trimming spaces).
class MissingMarkers {
  public:
    explicit MissingMarkers(std::vector<std::string> markers = {});

    // Whether the default markers are in use (none of them is a number).
    bool isDefault() const { return custom_.empty(); }

    bool isMissing(std::string_view cell) const {
        if (cell.empty()) return true;
        if (custom_.empty()) {
            // Every default marker starts with a space, a tab, 'N' or 'n'.
            const char c = cell.front();
            if (c != ' ' && c != '\t' && c != 'N' && c != 'n') return false;
            return isDefaultMissingMarker(cell);
        }
        return isCustomMarker(cell);
    }

  private:
    bool isCustomMarker(std::string_view cell) const;

    std::vector<std::string> custom_;
};

}  // namespace glassbox
