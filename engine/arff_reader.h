#pragma once

#include <string>
#include <string_view>

#include "engine/read_options.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

// Weka ARFF: numeric/real/integer, nominal (declared level order kept), string, date, '?'
// missing, comments, quoted names, dense and sparse {index value} rows.
LoadedTable readArff(std::string_view bytes, const std::string& fileName,
                     const ReadOptions& options, const TaskContext& task);

}  // namespace glassbox
