#include "app/cli/usage_error.h"

#include <cctype>

namespace glassbox::cli {
namespace {

// The option or argument a message starts with ("--target: ...", "FILE is required"), or "".
std::string leadingName(const std::string& message) {
    std::size_t end = 0;
    while (end < message.size() && message[end] == '-' && end < 2) ++end;
    const std::size_t nameStart = end;
    while (end < message.size() && (std::isalnum(static_cast<unsigned char>(message[end])) ||
                                    message[end] == '_' || message[end] == '-'))
        ++end;
    if (end == nameStart || !std::isalpha(static_cast<unsigned char>(message[nameStart])))
        return {};
    const std::string_view rest = std::string_view(message).substr(end);
    if (rest.starts_with(":") || rest.starts_with(" is required")) return message.substr(0, end);
    return {};
}

}  // namespace

std::string describeUsageError(const CLI::ParseError& error) {
    const std::string message = error.what();
    // "The following argument was not expected: --foo" / "...arguments were not expected: a b"
    const std::string extras = "not expected: ";
    if (const auto at = message.find(extras); at != std::string::npos) {
        const std::size_t start = at + extras.size();
        const std::size_t end = message.find(' ', start);
        return message.substr(start, end == std::string::npos ? end : end - start) +
               ": unknown option or unexpected argument";
    }
    if (const std::string name = leadingName(message); !name.empty()) return name + ": " + message;
    return "usage: " + message;
}

}  // namespace glassbox::cli
