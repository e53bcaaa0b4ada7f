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
        const std::size_t equals = rest.find('=');
        if (equals == std::string_view::npos || equals == 0 || comma < equals)
            throw InvalidArgument("--step", "\"" + std::string(rest.substr(0, comma)) +
                                                "\" in step \"" + name + "\" is not KEY=VALUE");
        const std::string key(rest.substr(0, equals));
        rest = rest.substr(equals + 1);
        std::string value;
        if (!rest.empty() && rest.front() == '"') {
            // A quoted value holds commas; "" inside stands for one quote.
            std::size_t i = 1;
            for (;; ++i) {
                if (i >= rest.size())
                    throw InvalidArgument("--step", "the value of \"" + key + "\" in step \"" +
                                                        name + "\" lacks its closing quote");
                if (rest[i] != '"') {
                    value += rest[i];
                } else if (i + 1 < rest.size() && rest[i + 1] == '"') {
                    value += '"';
                    ++i;
                } else {
                    break;
                }
            }
            rest = rest.substr(i + 1);
            if (!rest.empty() && rest.front() != ',')
                throw InvalidArgument("--step", "text follows the quoted value of \"" + key +
                                                    "\" in step \"" + name + "\"");
        } else {
            value = std::string(rest.substr(0, rest.find(',')));
            rest = rest.substr(value.size());
        }
        if (!params.emplace(key, std::move(value)).second)
            throw InvalidArgument("--step",
                                  "\"" + key + "\" is given twice in step \"" + name + "\"");
        if (!rest.empty()) rest = rest.substr(1);  // the comma
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
