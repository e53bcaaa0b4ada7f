#pragma once

#include <optional>
#include <string>

#include "engine/preparation_step.h"

namespace glassbox {

// "types": casts columns, parses dates, and selects, drops and renames columns, in that order
// (cast and dates name the table's columns, rename the ones left after select and drop).
//   cast    "age=numeric;zip=categorical": types numeric | categorical | boolean | text |
//           datetime (ISO 8601)
//   dates   "when=%Y-%m-%d;stamp": a column's cells read as dates in a strftime-style pattern
//           (%Y %y %m %d %H %I %p %M %S %b %B %z %%; other characters literal); a column
//           without a pattern is read as ISO 8601
//   select  "a;b": keep only these columns, in this order
//   drop    "c;d": drop these columns
//   rename  "old>new;..."
// Values that do not convert become missing. The target may be absent (prediction): steps on
// it are skipped then. Report: changedCells = values that did not convert; details
// "cast NAME" / "dates NAME" -> "TYPE, N values did not convert"; droppedColumns; details
// "rename OLD" -> NEW.
const PreparationStep& typesStep();

// The ArffDateFormat (Java SimpleDateFormat) pattern of a strftime-style one ("%Y-%m-%d" ->
// "yyyy-MM-dd"); nullopt, with `error` set, for an unsupported directive.
std::optional<std::string> javaDatePattern(const std::string& strftimePattern, std::string& error);

}  // namespace glassbox
