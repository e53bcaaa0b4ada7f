#include "engine/registry_location.h"

#include <cstdlib>

#include "engine/errors.h"

namespace glassbox {

std::string defaultRegistryPath() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    std::string base;
    if (xdg && xdg[0] == '/') {
        base = xdg;
    } else {
        const char* home = std::getenv("HOME");
        if (!home || !*home)
            throw IoError("--registry", "neither XDG_DATA_HOME nor HOME is set: give --registry");
        base = std::string(home) + "/.local/share";
    }
    return base + "/glassbox/registry.sqlite";
}

}  // namespace glassbox
