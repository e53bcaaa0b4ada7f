#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace glassbox {

// Base of every engine error. what() is a complete, user-facing message.
class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Bad data in a file. The message reads "FILE:LINE:COLUMN: what is wrong" (1-based, as an
// editor shows it); line or column 0 means "not known" and is left out of the message.
class ParseError : public Error {
  public:
    ParseError(std::string file, std::size_t line, std::size_t column, std::string what);

    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }
    std::size_t column() const { return column_; }
    const std::string& reason() const { return reason_; }

  private:
    std::string file_;
    std::size_t line_;
    std::size_t column_;
    std::string reason_;
};

// A parameter or option with a value out of its allowed range. Message: "NAME: what is wrong".
class InvalidArgument : public Error {
  public:
    InvalidArgument(std::string parameter, std::string what);
    const std::string& parameter() const { return parameter_; }

  private:
    std::string parameter_;
};

// A file that cannot be opened or read, or a database error. Message: "FILE: what is wrong".
class IoError : public Error {
  public:
    IoError(std::string file, std::string what);
    const std::string& file() const { return file_; }

  private:
    std::string file_;
};

// A model file (or model payload) that is not a valid Glassbox model: wrong magic, a newer
// format, a checksum mismatch, truncation, or values that break the model's invariants.
// Message: "FILE: what is wrong".
class ModelFormatError : public Error {
  public:
    ModelFormatError(const std::string& file, const std::string& what)
        : Error(file + ": " + what) {}
};

// Thrown when the cancel token of an operation was set.
class Cancelled : public Error {
  public:
    Cancelled() : Error("cancelled") {}
};

// "FILE:LINE:COLUMN" with unknown parts left out.
std::string formatLocation(const std::string& file, std::size_t line, std::size_t column);

}  // namespace glassbox
