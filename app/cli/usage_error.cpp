#include "app/cli/usage_error.h"

#include <regex>

namespace glassbox::cli {

std::string describeUsageError(const CLI::ParseError& error) {
    const std::string message = error.what();
    std::smatch match;
    // "The following argument was not expected: --foo" / "...arguments were not expected: a b"
    static const std::regex extras(R"(not expected: (\S+))");
    if (std::regex_search(message, match, extras))
        return match[1].str() + ": unknown option or unexpected argument";
    // "FILE is required", "--target is required", "--x: 1 required TEXT missing"
    static const std::regex named(R"(^(-{0,2}[A-Za-z][\w-]*)(:| is required))");
    if (std::regex_search(message, match, named)) return match[1].str() + ": " + message;
    return "usage: " + message;
}

}  // namespace glassbox::cli
