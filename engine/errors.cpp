#include "engine/errors.h"

namespace glassbox {

std::string formatLocation(const std::string& file, std::size_t line, std::size_t column) {
    std::string where = file;
    if (line > 0) {
        where.append(":").append(std::to_string(line));
        if (column > 0) where.append(":").append(std::to_string(column));
    }
    return where;
}

ParseError::ParseError(std::string file, std::size_t line, std::size_t column, std::string what)
    : Error(formatLocation(file, line, column) + ": " + what),
      file_(std::move(file)),
      line_(line),
      column_(column),
      reason_(std::move(what)) {}

InvalidArgument::InvalidArgument(std::string parameter, std::string what)
    : Error(parameter + ": " + what), parameter_(std::move(parameter)) {}

IoError::IoError(std::string file, std::string what)
    : Error(file + ": " + what), file_(std::move(file)) {}

}  // namespace glassbox
