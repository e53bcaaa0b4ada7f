#include "engine/table_reader.h"

#include <algorithm>
#include <cctype>

#include "engine/arff_reader.h"
#include "engine/column_builder.h"
#include "engine/delimited_reader.h"
#include "engine/errors.h"
#include "engine/mapped_file.h"
#include "engine/sqlite_reader.h"

namespace glassbox {
namespace {

std::string lowerExtension(const std::string& name) {
    const auto dot = name.find_last_of('.');
    const auto slash = name.find_last_of('/');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = name.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool startsWithArffHeader(std::string_view bytes) {
    // Skips blank lines and % comments, then looks for @relation in any case.
    std::size_t pos = 0;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    while (pos < bytes.size()) {
        const char c = bytes[pos];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++pos;
        } else if (c == '%') {
            while (pos < bytes.size() && bytes[pos] != '\n' && bytes[pos] != '\r') ++pos;
        } else {
            std::string word(bytes.substr(pos, 9));
            std::transform(word.begin(), word.end(), word.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
            return word == "@relation";
        }
    }
    return false;
}

void applyTypeOverrides(LoadedTable& loaded, const ReadOptions& options) {
    for (const auto& [name, type] : options.typeOverrides) {
        const std::ptrdiff_t index = loaded.table.indexOf(name);
        if (index < 0) throw InvalidArgument("--type", "no column named \"" + name + "\"");
        const Column& column = loaded.table.column(static_cast<std::size_t>(index));
        if (column.type() == type) continue;
        std::size_t failures = 0;
        Column converted = convertColumn(column, type, failures);
        if (failures > 0)
            loaded.warnings.push_back({"column \"" + name + "\": " + std::to_string(failures) +
                                           " values are not " + std::string(columnTypeName(type)) +
                                           " and were made missing",
                                       failures});
        loaded.table.replaceColumn(static_cast<std::size_t>(index), std::move(converted));
    }
}

// An explicit format must be one the readers know (empty = detect).
void checkFormatName(const std::string& format) {
    if (!format.empty() && format != "csv" && format != "tsv" && format != "arff" &&
        format != "sqlite")
        throw InvalidArgument(
            "--format", "unknown format \"" + format + "\" (allowed: csv, tsv, arff, sqlite)");
}

LoadedTable readText(std::string_view bytes, const std::string& name, const std::string& format,
                     const ReadOptions& options, const TaskContext& task,
                     const MappedFile* source = nullptr) {
    LoadedTable loaded;
    if (format == "arff") {
        loaded = readArff(bytes, name, options, task);
    } else {
        ReadOptions delimited = options;
        if (format == "tsv" && !delimited.delimiter) delimited.delimiter = '\t';
        loaded = readDelimited(bytes, name, delimited, task, source);
    }
    applyTypeOverrides(loaded, options);
    return loaded;
}

}  // namespace

std::string detectFormat(const std::string& fileName, std::string_view firstBytes) {
    if (firstBytes.substr(0, 16) == std::string_view("SQLite format 3\0", 16)) return "sqlite";
    const std::string ext = lowerExtension(fileName);
    if (ext == "arff" || startsWithArffHeader(firstBytes)) return "arff";
    if (ext == "tsv" || ext == "tab") return "tsv";
    return "csv";
}

LoadedTable readTable(const std::string& path, const ReadOptions& options,
                      const TaskContext& task) {
    task.checkCancelled();
    std::string format = options.format;
    checkFormatName(format);
    if (format != "sqlite") {
        MappedFile file(path);
        if (format.empty()) format = detectFormat(path, file.bytes().substr(0, 4096));
        if (format != "sqlite") {
            LoadedTable loaded = readText(file.bytes(), path, format, options, task, &file);
            loaded.format = loaded.format.empty() ? format : loaded.format;
            return loaded;
        }
    }
    // The SQLite reader opens the file itself.
    LoadedTable loaded = readSqlite(path, options, task);
    applyTypeOverrides(loaded, options);
    loaded.format = "sqlite";
    return loaded;
}

LoadedTable readTableFromMemory(std::string_view bytes, const std::string& name,
                                const ReadOptions& options, const TaskContext& task) {
    checkFormatName(options.format);
    std::string format =
        options.format.empty() ? detectFormat(name, bytes.substr(0, 4096)) : options.format;
    if (format == "sqlite")
        throw InvalidArgument("--format", "an SQLite database must be read from a file");
    LoadedTable loaded = readText(bytes, name, format, options, task);
    loaded.format = loaded.format.empty() ? format : loaded.format;
    return loaded;
}

}  // namespace glassbox
