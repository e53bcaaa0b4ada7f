#pragma once

#include <string>
#include <string_view>

#include "engine/read_options.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

// Weka ARFF: numeric/real/integer → numeric, nominal → categorical (declared levels in declared
// order, also unused ones), string → text, date [pattern] → datetime; relational is refused.
// '?' (unquoted) is missing; % comments; quoted names and values with backslash escapes;
// keywords in any case; dense rows and sparse {index value, ...} rows (left-out entries read as
// Weka reads them: 0, the first level, "" or 1970-01-01). Instance weights {w} are checked and
// ignored, with one warning. Values are separated by commas (Weka also takes spaces). The text is
// UTF-8 unless options.encoding says otherwise or it is not valid UTF-8 (see decodeText).
// Errors are ParseError at the line and column (in characters) of the problem; a repeated
// attribute name is renamed with a warning.
LoadedTable readArff(std::string_view bytes, const std::string& fileName,
                     const ReadOptions& options, const TaskContext& task);

}  // namespace glassbox
