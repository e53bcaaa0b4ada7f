#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "engine/read_options.h"

namespace glassbox::cli {

// The options every command that reads a data file shares: --delimiter, --encoding,
// --header / --no-header, --format, --table, --query, --type COL=TYPE, --missing.
class DataFileOptions {
  public:
    void addTo(CLI::App& command);
    // Validated engine options; throws InvalidArgument naming the option.
    ReadOptions toReadOptions(unsigned threads) const;

  private:
    std::string delimiter_;
    std::string encoding_;
    bool header_ = false;
    bool noHeader_ = false;
    std::string format_;
    std::string table_;
    std::string query_;
    std::vector<std::string> types_;
    std::vector<std::string> missing_;
};

}  // namespace glassbox::cli
