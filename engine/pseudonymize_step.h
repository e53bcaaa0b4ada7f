#pragma once

#include "engine/preparation_step.h"

namespace glassbox {

// "pseudonymize": keyed pseudonyms (engine/pseudonymize.h, HMAC-SHA256) in place of identifier
// values, the same at Training and Prediction.
//   columns     ';' list, required
//   key_file    required: the secret key's file, created (mode 0600) on first use
//   hex_digits  hex digits kept, 8 to 64 (default 16)
//   prefix      put before the digits (default "ps_")
// The columns become text columns (never model features). The fitted step keeps the key file's
// path and the key's id, never the key: every apply reads the file again and fails with IoError
// naming it when it is missing or holds another key. Report: changedCells = present cells,
// details "key id" and "distinct values <col>".
const PreparationStep& pseudonymizeStep();

}  // namespace glassbox
