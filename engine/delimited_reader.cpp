#include "engine/delimited_reader.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <optional>
#include <thread>

#include "engine/chunked_parse.h"
#include "engine/column_assembly.h"
#include "engine/column_builder.h"
#include "engine/delimited_dialect.h"
#include "engine/delimited_tokenizer.h"
#include "engine/errors.h"
#include "engine/missing_markers.h"
#include "engine/parallel_for.h"
#include "engine/text_decoding.h"
#include "engine/text_position.h"
#include "engine/value_parsing.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace glassbox {
namespace {

unsigned threadCount(const ReadOptions& options) {
    // More threads than this would only cost memory (one set of column pieces each).
    constexpr unsigned kMaxThreads = 64;
    if (options.threads > 0) return std::min(options.threads, kMaxThreads);
    return std::clamp(std::thread::hardware_concurrency(), 1u, kMaxThreads);
}

std::size_t lineOf(std::string_view text, std::size_t offset) {
    return locateOffset(text, offset).line;
}

// The first record after any blank lines (filled in place: its views may point into it);
// throws for an empty file or a malformed record.
void readFirstRecord(std::string_view text, char delimiter, const std::string& fileName,
                     RecordFields& record, std::size_t& next) {
    DelimitedTokenizer tokenizer(text, delimiter);
    while (true) {
        const RecordStatus status = tokenizer.next(record);
        if (status == RecordStatus::BlankLine) continue;
        if (status == RecordStatus::End) throw ParseError(fileName, 0, 0, "the file is empty");
        if (status == RecordStatus::Error) {
            const TextPosition p = locateOffset(text, tokenizer.errorOffset());
            throw ParseError(fileName, p.line, p.column, tokenizer.errorReason());
        }
        next = tokenizer.position();
        return;
    }
}

// Average record length over the first records, to size the column arrays.
double bytesPerRecord(std::string_view text, std::size_t begin, char delimiter) {
    DelimitedTokenizer tokenizer(text, delimiter, begin);
    RecordFields record;
    std::size_t records = 0;
    while (records < 1000 && tokenizer.position() < begin + 1024 * 1024) {
        const RecordStatus status = tokenizer.next(record);
        if (status == RecordStatus::End || status == RecordStatus::Error) break;
        records += status == RecordStatus::Record;
    }
    if (records == 0) return 64;
    return std::max(
        2.0, static_cast<double>(tokenizer.position() - begin) / static_cast<double>(records));
}

// The pieces just copied into a column were freed, but malloc keeps freed memory of worker
// threads' arenas; hand it back so that the chunks and the table are not held twice.
void returnFreedMemory() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Warnings for what the chunks tolerated, with the line of the first case.
void addChunkWarnings(std::string_view text, const std::vector<ChunkResult>& chunks,
                      std::size_t columns, std::vector<Warning>& warnings) {
    ChunkIssue shortRows, extraFields, strayQuotes, innerBlanks, pendingBlanks;
    for (const ChunkResult& chunk : chunks) {
        shortRows.add(chunk.shortRows);
        extraFields.add(chunk.emptyExtraFields);
        strayQuotes.add(chunk.strayQuotes);
        if (chunk.rows == 0) {
            pendingBlanks.add(chunk.leadingBlanks);
            continue;
        }
        innerBlanks.add(pendingBlanks);
        innerBlanks.add(chunk.leadingBlanks);
        innerBlanks.add(chunk.innerBlanks);
        pendingBlanks = chunk.trailingBlanks;
    }
    // "N rows have <what> (first at line L)<consequence>", when there is at least one.
    const auto warn = [&](const ChunkIssue& issue, const char* one, const char* many,
                          const std::string& what, const char* consequence) {
        if (issue.count == 0) return;
        warnings.push_back({plural(issue.count, one, many) + what + " (first at line " +
                                std::to_string(lineOf(text, issue.firstOffset)) + ")" + consequence,
                            issue.count});
    };
    const std::string cols = plural(columns, "column", "columns");
    warn(shortRows, "row has", "rows have", " fewer fields than the " + cols,
         "; the absent fields were read as missing");
    warn(extraFields, "row has", "rows have", " empty fields after the " + cols,
         "; they were ignored");
    warn(strayQuotes, "row has", "rows have", " a quote inside an unquoted field",
         "; it was kept as a character");
    warn(innerBlanks, "blank line", "blank lines", " between rows were skipped", "");
}

// Thrown when bytes read as UTF-8 without a BOM turn out not to be UTF-8 past the first ones
// checked: the file is then decoded again with its encoding detected from all of it.
struct NotUtf8After {};

constexpr std::size_t kUpfrontCheck = 64 * 1024;

// NUL bytes (and UTF-8 validity where still unchecked) of the text before the chunks: at least
// the first 64 KB, so that the dialect is sniffed from checked text, and the header.
void checkLeadingBytes(const DecodedText& decoded, std::size_t upTo, const std::string& fileName) {
    const std::string_view text = decoded.text();
    const std::string_view lead = text.substr(0, std::max(upTo, kUpfrontCheck));
    if (lead.empty()) return;
    if (const void* nul = std::memchr(lead.data(), 0, lead.size()))
        throw nulByteError(
            text, static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()), fileName);
    if (decoded.uncheckedFrom < lead.size()) {
        const std::size_t bad = findInvalidUtf8(lead.substr(decoded.uncheckedFrom));
        if (bad != std::string_view::npos) {
            if (decoded.utf8Declared)
                throw invalidUtf8Error(text, decoded.uncheckedFrom + bad, fileName);
            throw NotUtf8After();
        }
    }
}

LoadedTable readDecoded(std::string_view bytes, const std::string& fileName,
                        const ReadOptions& options, const TaskContext& task,
                        const ReleaseBytes& release, bool deferUtf8Check) {
    LoadedTable loaded;
    const unsigned threads = threadCount(options);
    const DecodedText decoded =
        decodeText(bytes, options.encoding, fileName, {release, threads, deferUtf8Check});
    const std::string_view text = decoded.text();
    loaded.encoding = decoded.encoding;
    if (!decoded.warning.empty()) loaded.warnings.push_back({decoded.warning, 0});
    checkLeadingBytes(decoded, 0, fileName);
    checkControlCharacters(text, fileName);

    const MissingMarkers missing(options.missingMarkers);
    const char delimiter = options.delimiter ? *options.delimiter : sniffDelimiter(text);
    std::size_t afterFirst = 0;
    RecordFields first;
    readFirstRecord(text, delimiter, fileName, first, afterFirst);
    const SampleRecords sample = sampleRecords(text, delimiter);
    const bool hasHeader = options.header ? *options.header : sniffHeader(sample, missing);

    std::vector<std::string> names;
    std::size_t dataStart = first.begin;
    if (hasHeader) {
        for (std::string_view name : first.values) names.emplace_back(trimSpaces(name));
        dataStart = afterFirst;
    } else {
        std::size_t columns = first.values.size();
        for (const auto& record : sample) columns = std::max(columns, record.size());
        for (std::size_t c = 0; c < columns; ++c)
            names.push_back("column_" + std::to_string(c + 1));
    }
    // A header longer than the first 64 KB.
    if (dataStart > kUpfrontCheck) checkLeadingBytes(decoded, dataStart, fileName);
    names = makeUniqueColumnNames(std::move(names), loaded.warnings);

    ChunkLayout layout;
    layout.delimiter = delimiter;
    layout.columns = names.size();
    layout.missing = &missing;
    layout.forced.resize(names.size());
    // Non-numeric overrides are applied while reading, so a categorical "007" keeps its text.
    // A numeric override is left to readTable, which converts the inferred column (booleans
    // become 0 and 1 there, as for every format).
    for (std::size_t c = 0; c < names.size(); ++c)
        if (auto it = options.typeOverrides.find(names[c]);
            it != options.typeOverrides.end() && it->second != ColumnType::Numeric)
            layout.forced[c] = it->second;
    layout.bytesPerRecord = bytesPerRecord(text, dataStart, delimiter);
    layout.dataStart = dataStart;
    layout.release = release;
    layout.checkNul = true;
    layout.checkUtf8 = decoded.uncheckedFrom < text.size();

    ChunkedText parsed =
        parseInChunks(text, dataStart, layout, threads, fileName, task.sub(0.0, 0.9));
    if (parsed.badByteOffset != kNoBadByte) {
        if (parsed.badByteIsNul) throw nulByteError(text, parsed.badByteOffset, fileName);
        if (decoded.utf8Declared) throw invalidUtf8Error(text, parsed.badByteOffset, fileName);
        throw NotUtf8After();
    }
    std::vector<ChunkResult>& chunks = parsed.chunks;
    harmonizePieces(text, chunks, layout, threads);
    task.checkCancelled();

    std::size_t rows = 0;
    for (const ChunkResult& chunk : chunks) rows += chunk.rows;
    if (rows == 0 && hasHeader)
        loaded.warnings.push_back({"the file has column names but no data rows", 0});
    addChunkWarnings(text, chunks, names.size(), loaded.warnings);

    // Columns are assembled on the worker threads too; warnings keep the column order.
    std::vector<std::optional<Column>> built(names.size());
    std::vector<std::size_t> failures(names.size(), 0);
    std::atomic<std::size_t> done{0};
    parallelFor(names.size(), threads, [&](std::size_t c, bool onCaller) {
        std::vector<ColumnPiece*> pieces;
        for (ChunkResult& chunk : chunks)
            if (chunk.rows > 0) pieces.push_back(&chunk.pieces[c]);
        built[c] = assembleColumn(names[c], pieces, layout.forced[c], failures[c]);
        const std::size_t finished = ++done;
        if (finished % 4 == 0) returnFreedMemory();
        const double fraction = static_cast<double>(finished) / static_cast<double>(names.size());
        if (onCaller) task.report(0.9 + 0.1 * fraction, "building columns");
        return !task.isCancelled();
    });
    task.checkCancelled();
    std::vector<Column> columns;
    columns.reserve(names.size());
    for (std::size_t c = 0; c < names.size(); ++c) {
        columns.push_back(std::move(*built[c]));
        if (failures[c] > 0)
            loaded.warnings.push_back(
                {"column \"" + names[c] + "\": " + std::to_string(failures[c]) +
                     " values are not " + std::string(columnTypeName(*layout.forced[c])) +
                     " and were made missing",
                 failures[c]});
    }
    chunks.clear();
    loaded.table = Table(std::move(columns));
    return loaded;
}

}  // namespace

LoadedTable readDelimited(std::string_view bytes, const std::string& fileName,
                          const ReadOptions& options, const TaskContext& task,
                          const MappedFile* source) {
    task.report(0.0, "reading");
    if (options.delimiter &&
        (*options.delimiter == '"' || *options.delimiter == '\r' || *options.delimiter == '\n'))
        throw InvalidArgument("--delimiter", "a quote or a line break cannot be the delimiter");
    ReleaseBytes release;
    if (source) release = [source](std::string_view part) { source->release(part); };
    LoadedTable loaded;
    try {
        // UTF-8 is checked while parsing, so each page of a large file is read once.
        loaded = readDecoded(bytes, fileName, options, task, release, true);
    } catch (const NotUtf8After&) {
        loaded = readDecoded(bytes, fileName, options, task, release, false);
    }
    task.report(1.0, "done");
    return loaded;
}

}  // namespace glassbox
