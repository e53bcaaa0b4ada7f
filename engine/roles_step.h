#pragma once

#include "engine/column.h"
#include "engine/preparation_step.h"

namespace glassbox {

// "roles": the privacy roles of columns, and the privacy picture they give. Acts at Training and
// Prediction.
//   identifiers        ';' list: columns that name a person (kept as text columns, so they are
//                      never model features); not the target
//   quasi_identifiers  ';' list: columns that together could single a person out
//   sensitive          ';' list: columns whose values must not be tied to a person
//   k                  the k the report measures against (>= 2, default 5)
// At least one list is given; a column has at most one role. Apart from the identifiers' type,
// the data is left unchanged. At Training the details are "identifiers" (the list), and over the
// quasi-identifiers (when given) "k" (smallest equivalence class), "target k", "rows at risk"
// (rows in classes smaller than k); with sensitive columns, "l-diversity <col>" (the fewest
// distinct values of the column within one equivalence class; the whole table is one class
// without quasi-identifiers, a missing cell is one more value) and "l-diversity" (their minimum).
// At Prediction only identifiers present in the table are converted.
const PreparationStep& rolesStep();

// The column as text: each present cell as Column::format shows it, missing cells kept missing.
// A text column is returned as it is.
Column textColumnOf(const Column& column);

}  // namespace glassbox
