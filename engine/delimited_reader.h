#pragma once

#include <string>
#include <string_view>

#include "engine/mapped_file.h"
#include "engine/read_options.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

// CSV / TSV / delimited text (RFC 4180 quoting, LF / CRLF / CR, BOMs, legacy encodings,
// delimiter and header detection). fileName is used in messages only. Errors are ParseError
// with the line and column of the problem. Type overrides other than numeric are applied
// while reading (a categorical "007" keeps its text); readTable converts the numeric ones.
// When the bytes are those of source, the pages already parsed are released as reading goes,
// so a large file is not resident in full.
LoadedTable readDelimited(std::string_view bytes, const std::string& fileName,
                          const ReadOptions& options, const TaskContext& task,
                          const MappedFile* source = nullptr);

}  // namespace glassbox
