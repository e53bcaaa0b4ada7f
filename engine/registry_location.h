#pragma once

#include <string>

namespace glassbox {

// Where the model history lives when no --registry is given (../shared/docs/cli.md):
// $XDG_DATA_HOME/glassbox/registry.sqlite, or $HOME/.local/share/glassbox/registry.sqlite when
// XDG_DATA_HOME is unset or not absolute. The GUI uses this function too, so both share one
// history. Throws IoError when neither variable is set.
std::string defaultRegistryPath();

}  // namespace glassbox
