#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/missing_markers.h"

namespace glassbox {

using SampleRecords = std::vector<std::vector<std::string>>;

// The first records of text (at most maxRecords, read from at most maxBytes), blank lines
// skipped. A record cut by the byte limit is left out unless it is the only one; reading stops
// quietly at a malformed record (the full parse reports it).
SampleRecords sampleRecords(std::string_view text, char delimiter, std::size_t maxRecords = 50,
                            std::size_t maxBytes = 64 * 1024);

// The delimiter among , tab ; | that splits the first records into the same number (> 1) of
// fields; the most fields wins, ties go in that order. ',' when none does.
char sniffDelimiter(std::string_view text);

// Whether the first sampled record holds column names (in the spirit of Python's
// csv.Sniffer.has_header). Each column votes: where the cells below are all numbers (or all
// booleans, or all dates), a first cell of another kind votes header (an integer over numbers
// with decimals counts as another kind, like a year over rates); in a text column, a
// first cell that is not repeated below votes header. A tie, or a single record, is a header
// when every first-row cell is present and not a number.
bool sniffHeader(const SampleRecords& records, const MissingMarkers& missing);

}  // namespace glassbox
