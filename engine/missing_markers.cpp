#include "engine/missing_markers.h"

#include <algorithm>

namespace glassbox {

MissingMarkers::MissingMarkers(std::vector<std::string> markers) {
    for (std::string& m : markers) custom_.emplace_back(trimSpaces(m));
}

bool MissingMarkers::isCustomMarker(std::string_view cell) const {
    cell = trimSpaces(cell);
    return cell.empty() || std::find(custom_.begin(), custom_.end(), cell) != custom_.end();
}

}  // namespace glassbox
