#pragma once

#include <string>
#include <string_view>

#include "engine/read_options.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

// CSV / TSV / delimited text (RFC 4180 quoting, LF / CRLF / CR, BOMs, legacy encodings,
// delimiter and header detection). fileName is used in messages only. Errors are ParseError
// with the line and column of the problem.
LoadedTable readDelimited(std::string_view bytes, const std::string& fileName,
                          const ReadOptions& options, const TaskContext& task);

}  // namespace glassbox
