#include "engine/arff_reader.h"

#include <algorithm>
#include <limits>

#include "engine/arff_column.h"
#include "engine/arff_header.h"
#include "engine/arff_tokenizer.h"
#include "engine/errors.h"
#include "engine/text_decoding.h"
#include "engine/value_parsing.h"

namespace glassbox {
namespace {

constexpr std::size_t kRowsPerProgress = 64 * 1024;
constexpr std::string_view kStage = "reading ARFF data";

// Reads the @data rows into one builder per attribute.
class ArffDataReader {
  public:
    ArffDataReader(const ArffHeader& header, const std::string& fileName)
        : fileName_(fileName), written_(header.attributes.size(), kNeverWritten) {
        columns_.reserve(header.attributes.size());
        for (const ArffAttribute& attribute : header.attributes) columns_.emplace_back(attribute);
    }

    void readRow(const ArffLine& line) {
        ArffCursor cursor(line, fileName_);
        const bool sparse = cursor.peek() == '{';
        if (sparse)
            readSparse(cursor);
        else
            readDense(cursor);
        // An optional instance weight {w} ends the row, after a comma or a space.
        const bool comma = cursor.accept(',');
        if (cursor.peek() == '{') readWeight(cursor);
        if (!cursor.atEnd()) {
            const std::string declared = std::to_string(columns_.size());
            throw cursor.errorAt(cursor.offset(),
                                 !sparse && comma
                                     ? "more than " + declared + " values (the file declares " +
                                           declared + " attributes)"
                                     : std::string("unexpected text after the last value"));
        }
        ++rows_;
    }

    std::size_t rows() const { return rows_; }
    std::size_t weightedRows() const { return weightedRows_; }
    std::vector<ArffColumnBuilder>& columns() { return columns_; }

  private:
    static constexpr std::size_t kNeverWritten = std::numeric_limits<std::size_t>::max();

    void appendValue(ArffCursor& cursor, std::size_t index, const ArffCursor::Value& value) {
        ArffColumnBuilder& column = columns_[index];
        if (!value.quoted && value.text == "?") {
            column.appendMissing();
        } else if (!column.append(value.text)) {
            throw cursor.errorAt(value.offset, column.rejection(value.text));
        }
    }

    void readDense(ArffCursor& cursor) {
        const std::size_t count = columns_.size();
        for (std::size_t i = 0; i < count; ++i) {
            if (i > 0 && !cursor.accept(',')) {
                if (cursor.atEnd()) throw tooFewValues(cursor, i);
                throw cursor.errorAt(cursor.offset(),
                                     "expected a comma after value " + std::to_string(i));
            }
            const ArffCursor::Value value = cursor.readValue(",{}");
            if (!value.quoted && value.text.empty()) {
                if (cursor.atEnd()) throw tooFewValues(cursor, i);
                throw cursor.errorAt(value.offset, "empty value (write ? for a missing value)");
            }
            appendValue(cursor, i, value);
        }
    }

    ParseError tooFewValues(const ArffCursor& cursor, std::size_t found) const {
        return cursor.errorAt(cursor.contentEnd(), "expected " + std::to_string(columns_.size()) +
                                                       " values, found " + std::to_string(found));
    }

    void readSparse(ArffCursor& cursor) {
        cursor.accept('{');
        if (!cursor.accept('}')) {
            for (;;) {
                const ArffCursor::Value indexText = cursor.readWord(",{}");
                const std::size_t index = sparseIndex(cursor, indexText);
                const ArffCursor::Value value = cursor.readValue(",{}");
                if (!value.quoted && value.text.empty())
                    throw cursor.errorAt(
                        value.offset, "missing value after sparse index " + std::to_string(index));
                appendValue(cursor, index, value);
                written_[index] = rows_;
                if (cursor.accept(',')) continue;
                if (cursor.accept('}')) break;
                if (cursor.atEnd())
                    throw cursor.errorAt(cursor.contentEnd(),
                                         "missing } at the end of a sparse row");
                throw cursor.errorAt(cursor.offset(), "expected , or } in a sparse row");
            }
        }
        for (std::size_t i = 0; i < columns_.size(); ++i)
            if (written_[i] != rows_) columns_[i].appendSparseDefault();
    }

    std::size_t sparseIndex(const ArffCursor& cursor, const ArffCursor::Value& text) const {
        const std::string range = " (0 to " + std::to_string(columns_.size() - 1) + ")";
        const bool digits = !text.quoted && !text.text.empty() && text.text.size() <= 9 &&
                            std::all_of(text.text.begin(), text.text.end(),
                                        [](char c) { return c >= '0' && c <= '9'; });
        if (!digits)
            throw cursor.errorAt(text.offset, "expected an attribute index" + range +
                                                  " in a sparse row, found \"" +
                                                  std::string(text.text) + "\"");
        const std::size_t index = std::stoul(std::string(text.text));
        if (index >= columns_.size())
            throw cursor.errorAt(
                text.offset, "sparse index " + std::to_string(index) + " is out of range" + range);
        if (written_[index] == rows_)
            throw cursor.errorAt(text.offset, "sparse index " + std::to_string(index) +
                                                  " appears twice in this row");
        return index;
    }

    void readWeight(ArffCursor& cursor) {
        const std::size_t start = cursor.offset();
        cursor.accept('{');
        const ArffCursor::Value weight = cursor.readValue("}");
        if (!parseNumber(weight.text) || !cursor.accept('}'))
            throw cursor.errorAt(start,
                                 "an instance weight must be a number in braces, like {2.5}");
        ++weightedRows_;
    }

    const std::string& fileName_;
    std::vector<ArffColumnBuilder> columns_;
    std::vector<std::size_t> written_;  // per attribute: the last sparse row that gave it a value
    std::size_t rows_ = 0;
    std::size_t weightedRows_ = 0;
};

}  // namespace

LoadedTable readArff(std::string_view bytes, const std::string& fileName,
                     const ReadOptions& options, const TaskContext& task) {
    task.report(0.0, kStage);
    LoadedTable loaded;
    loaded.format = "arff";
    // ARFF is UTF-8 (Weka writes it so); other encodings are detected or given as for CSV.
    const DecodedText decoded = decodeText(bytes, options.encoding, fileName);
    checkLooksLikeText(decoded.text(), fileName);
    loaded.encoding = decoded.encoding;
    if (!decoded.warning.empty()) loaded.warnings.push_back({decoded.warning, 0});
    ArffLineReader lines(decoded.text());
    const ArffHeader header = readArffHeader(lines, fileName, loaded.warnings);

    ArffDataReader data(header, fileName);
    ArffLine line;
    while (lines.next(line)) {
        if (ArffCursor(line, fileName).atEnd()) continue;  // blank or comment
        data.readRow(line);
        if (data.rows() % kRowsPerProgress == 0) task.report(lines.fraction(), kStage);
    }

    std::vector<Column> columns;
    for (ArffColumnBuilder& builder : data.columns()) {
        if (builder.nanCount() > 0)
            loaded.warnings.push_back({"attribute \"" + header.attributes[columns.size()].name +
                                           "\": " + std::to_string(builder.nanCount()) +
                                           " values written as NaN were read as missing",
                                       builder.nanCount()});
        columns.push_back(builder.finish());
    }
    if (data.weightedRows() > 0)
        loaded.warnings.push_back({std::to_string(data.weightedRows()) +
                                       " rows have an instance weight {w}; weights are ignored",
                                   data.weightedRows()});
    loaded.table = Table(std::move(columns));
    task.report(1.0, kStage);
    return loaded;
}

}  // namespace glassbox
