#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// "validate": checks rows against rules and reports the rows that break them; with
// action=drop it also drops those rows, at StepUse::Training only (prediction rows are
// reported, never dropped).
//   rules     ';' list in the syntax of engine/data_rules.h, e.g.
//             "price>=0;price<=1000;colour in red|green|blue;id not-missing"
//   action    report | drop
//   max_rows  how many row numbers each rule lists in the report (default 10)
// A rule on the target is skipped where the table has no target (prediction).
// Report: details "rule TEXT" -> "N rows: 3, 17, ..." (1-based rows of the table given to
// apply), then "rows breaking a rule" -> N; droppedRows with action=drop.
const PreparationStep& validateStep();

}  // namespace glassbox
