#include "app/cli/data_file_options.h"

#include "engine/errors.h"

namespace glassbox::cli {

void DataFileOptions::addTo(CLI::App& command) {
    command.add_option("--delimiter", delimiter_,
                       "Field delimiter of delimited text: one character, or 'tab' (default: "
                       "detected among , ; tab |)");
    command.add_option("--encoding", encoding_,
                       "Text encoding, e.g. UTF-8, UTF-16, GB18030, LATIN1 (default: detected)");
    auto* header = command.add_flag("--header", header_, "The first row holds column names");
    command.add_flag("--no-header", noHeader_, "The first row is data (default: detected)")
        ->excludes(header);
    command.add_option("--format", format_, "csv, tsv, arff or sqlite (default: detected)");
    command.add_option("--table", table_, "SQLite: the table to import");
    command.add_option("--query", query_, "SQLite: a SELECT whose rows are imported");
    command.add_option("--type", types_,
                       "COL=TYPE: read column COL as numeric, categorical, boolean, text or "
                       "datetime (repeatable)");
    command.add_option("--missing", missing_,
                       "A cell text read as missing (repeatable; replaces the defaults: empty, "
                       "NA, N/A, NaN, null)");
}

ReadOptions DataFileOptions::toReadOptions(unsigned threads) const {
    ReadOptions options;
    options.threads = threads;
    options.encoding = encoding_;
    options.format = format_;
    options.table = table_;
    options.query = query_;
    options.missingMarkers = missing_;
    if (header_) options.header = true;
    if (noHeader_) options.header = false;
    if (!delimiter_.empty()) {
        if (delimiter_ == "tab" || delimiter_ == "\\t")
            options.delimiter = '\t';
        else if (delimiter_.size() == 1 && delimiter_ != "\"" && delimiter_ != "\n" &&
                 delimiter_ != "\r")
            options.delimiter = delimiter_[0];
        else
            throw InvalidArgument("--delimiter",
                                  "\"" + delimiter_ + "\" is not one character (or 'tab')");
    }
    if (!table_.empty() && !query_.empty())
        throw InvalidArgument("--query", "give either --table or --query, not both");
    for (const std::string& entry : types_) {
        const auto eq = entry.rfind('=');
        if (eq == std::string::npos || eq == 0)
            throw InvalidArgument("--type", "\"" + entry + "\" is not COL=TYPE");
        const std::string name = entry.substr(0, eq);
        const auto type = parseColumnTypeName(entry.substr(eq + 1));
        if (!type)
            throw InvalidArgument("--type", "\"" + entry.substr(eq + 1) +
                                                "\" is not one of numeric, categorical, "
                                                "boolean, text, datetime");
        options.typeOverrides[name] = *type;
    }
    return options;
}

}  // namespace glassbox::cli
