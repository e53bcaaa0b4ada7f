#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/column.h"

namespace glassbox {

// How a file becomes a table. Every field left empty is detected from the data.
struct ReadOptions {
    // "csv", "tsv", "arff" or "sqlite"; empty = from the extension and the content.
    std::string format;
    // Delimited text: the field delimiter; detected among , ; tab | when empty.
    std::optional<char> delimiter;
    // Text encoding as iconv names it ("UTF-8", "UTF-16", "GB18030", "LATIN1", ...); empty =
    // detected (BOM, then valid UTF-8, then GB18030, then Latin-1).
    std::string encoding;
    // Delimited text: whether the first row holds the column names; detected when empty.
    std::optional<bool> header;
    // Delimited text: cells read as missing. Empty = "", NA, N/A, NaN, null
    // (isDefaultMissingMarker).
    std::vector<std::string> missingMarkers;
    // Column name -> the type it must have (instead of the inferred one).
    std::map<std::string, ColumnType> typeOverrides;
    // SQLite: the table to import, or a SELECT query (exactly one of them).
    std::string table;
    std::string query;
    // Worker threads for parsing; 0 = all cores.
    unsigned threads = 0;
};

}  // namespace glassbox
