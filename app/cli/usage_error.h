#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace glassbox::cli {

// CLI11's parse error as "WHERE: WHAT", WHERE being the option or argument concerned when
// CLI11's message names it, else "usage".
std::string describeUsageError(const CLI::ParseError& error);

}  // namespace glassbox::cli
