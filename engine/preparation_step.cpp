#include "engine/preparation_step.h"

#include "engine/errors.h"

namespace glassbox {

std::pair<std::string, std::map<std::string, std::string>> parseStepText(std::string_view text) {
    const std::size_t colon = text.find(':');
    std::string name(text.substr(0, colon));
    if (name.empty())
        throw InvalidArgument("--step", "a step needs a name: \"" + std::string(text) + "\"");
    std::map<std::string, std::string> params;
    if (colon == std::string_view::npos) return {name, params};
    std::string_view rest = text.substr(colon + 1);
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        const std::size_t equals = item.find('=');
        if (equals == std::string_view::npos || equals == 0)
            throw InvalidArgument("--step", "\"" + std::string(item) + "\" in step \"" + name +
                                                "\" is not KEY=VALUE");
        const std::string key(item.substr(0, equals));
        if (!params.emplace(key, std::string(item.substr(equals + 1))).second)
            throw InvalidArgument("--step",
                                  "\"" + key + "\" is given twice in step \"" + name + "\"");
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    return {name, params};
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t semicolon = text.find(';', start);
        items.push_back(text.substr(start, semicolon - start));
        if (semicolon == std::string::npos) break;
        start = semicolon + 1;
    }
    return items;
}

}  // namespace glassbox
