#pragma once

#include <string>

namespace glassbox {

// Where the model history lives when no --registry is given: the per-user data folder that
// QStandardPaths::AppDataLocation gives the GUI (organization and application "Glassbox"),
// so the GUI and the CLI share one history: $XDG_DATA_HOME/Glassbox/Glassbox/registry.sqlite,
// or $HOME/.local/share/Glassbox/Glassbox/registry.sqlite when XDG_DATA_HOME is unset or not
// absolute. Throws IoError when neither variable is set.
std::string defaultRegistryPath();

}  // namespace glassbox
