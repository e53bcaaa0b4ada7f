// The hostile-input corpus: every tests/data/corpus/<name>.expected.json says what
// glassbox::readTable(<name>, options) must give:
//   {"options": {"delimiter", "encoding", "header", "format", "table", "query",
//                "missingMarkers": [..], "types": {"column": "type"}, "threads"},
//    "error": {"line", "column", "contains"}}                       -- a failed load, or
//   {"rows", "encoding", "format",
//    "columns": [{"name", "type", "missing", "values": [Column::format per row, "" = missing]}],
//    "warnings": [{"contains", "rows"}]}                              -- a successful load.
// Listed columns are all the columns, in order; listed warnings must all be present (an empty
// list means no warning at all). Every field but "error" / "rows" is optional.
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>

#include "engine/errors.h"
#include "engine/table_reader.h"

using namespace glassbox;
using Json = nlohmann::json;

namespace {

const std::filesystem::path kCorpus = std::filesystem::path(GLASSBOX_TEST_DATA_DIR) / "corpus";
constexpr std::string_view kSuffix = ".expected.json";

ReadOptions optionsFrom(const Json& json) {
    ReadOptions options;
    if (!json.is_object()) return options;
    if (json.contains("delimiter")) {
        const std::string d = json["delimiter"].get<std::string>();
        if (d.size() != 1) throw std::runtime_error("options.delimiter must be one character");
        options.delimiter = d[0];
    }
    options.encoding = json.value("encoding", "");
    if (json.contains("header")) options.header = json["header"].get<bool>();
    options.format = json.value("format", "");
    options.table = json.value("table", "");
    options.query = json.value("query", "");
    if (json.contains("missingMarkers"))
        options.missingMarkers = json["missingMarkers"].get<std::vector<std::string>>();
    if (json.contains("types")) {
        for (const auto& [name, type] : json["types"].items()) {
            const auto parsed = parseColumnTypeName(type.get<std::string>());
            if (!parsed) throw std::runtime_error("unknown type in options.types: " + type.dump());
            options.typeOverrides[name] = *parsed;
        }
    }
    options.threads = json.value("threads", 0u);
    return options;
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

std::string warningList(const LoadedTable& loaded) {
    std::string out;
    for (const Warning& w : loaded.warnings)
        out += "\n  \"" + w.message + "\" (rows " + std::to_string(w.rows) + ")";
    return out.empty() ? "\n  (none)" : out;
}

}  // namespace

class CorpusTest : public QObject {
    Q_OBJECT
  private slots:
    void loadsAsExpected_data() {
        QTest::addColumn<QString>("file");
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
            const std::string name = entry.path().filename().string();
            if (name.size() > kSuffix.size() && name.ends_with(kSuffix))
                files.push_back(name.substr(0, name.size() - kSuffix.size()));
        }
        std::sort(files.begin(), files.end());
        QVERIFY2(files.size() >= 30, "the corpus is missing");
        for (const std::string& f : files) QTest::newRow(f.c_str()) << qs(f);
    }

    void loadsAsExpected() {
        QFETCH(QString, file);
        const std::filesystem::path data = kCorpus / file.toStdString();
        QVERIFY2(std::filesystem::exists(data),
                 "the data file beside the .expected.json is missing");
        std::ifstream in(data.string() + std::string(kSuffix));
        const Json expected = Json::parse(in);
        const ReadOptions options = optionsFrom(expected.value("options", Json::object()));

        std::optional<LoadedTable> loaded;
        try {
            loaded = readTable(data.string(), options);
        } catch (const Error& e) {
            if (!expected.contains("error")) QFAIL(qPrintable("unexpected error: " + qs(e.what())));
            const Json& want = expected["error"];
            const std::string what = e.what();
            if (want.contains("contains"))
                QVERIFY2(what.find(want["contains"].get<std::string>()) != std::string::npos,
                         qPrintable("the message is: " + qs(what)));
            const auto* parse = dynamic_cast<const ParseError*>(&e);
            if (want.contains("line")) {
                QVERIFY2(parse, qPrintable("not a ParseError: " + qs(what)));
                QCOMPARE(parse->line(), want["line"].get<std::size_t>());
            }
            if (want.contains("column")) {
                QVERIFY2(parse, qPrintable("not a ParseError: " + qs(what)));
                QCOMPARE(parse->column(), want["column"].get<std::size_t>());
            }
            // The message names the file it is about.
            QVERIFY2(what.find(file.toStdString()) != std::string::npos || !parse, e.what());
            return;
        }
        if (expected.contains("error"))
            QFAIL(qPrintable("loaded, but expected the error " + qs(expected["error"].dump())));

        const Table& table = loaded->table;
        QCOMPARE(table.rowCount(), expected.at("rows").get<std::size_t>());
        if (expected.contains("encoding"))
            QCOMPARE(loaded->encoding, expected["encoding"].get<std::string>());
        if (expected.contains("format"))
            QCOMPARE(loaded->format, expected["format"].get<std::string>());
        if (expected.contains("columns")) {
            const Json& columns = expected["columns"];
            QCOMPARE(table.columnCount(), columns.size());
            for (std::size_t c = 0; c < columns.size(); ++c) {
                const Json& want = columns[c];
                const Column& got = table.column(c);
                if (want.contains("name")) QCOMPARE(got.name(), want["name"].get<std::string>());
                if (want.contains("type"))
                    QCOMPARE(std::string(columnTypeName(got.type())),
                             want["type"].get<std::string>());
                if (want.contains("missing"))
                    QCOMPARE(got.missingCount(), want["missing"].get<std::size_t>());
                if (want.contains("values")) {
                    const auto values = want["values"].get<std::vector<std::string>>();
                    QCOMPARE(got.size(), values.size());
                    for (std::size_t r = 0; r < values.size(); ++r) {
                        if (got.format(r) == values[r]) continue;
                        QFAIL(qPrintable(QString("column %1 row %2: got \"%3\", expected \"%4\"")
                                             .arg(qs(got.name()))
                                             .arg(r)
                                             .arg(qs(got.format(r)))
                                             .arg(qs(values[r]))));
                    }
                }
            }
        }
        if (expected.contains("warnings")) {
            const Json& warnings = expected["warnings"];
            if (warnings.empty())
                QVERIFY2(loaded->warnings.empty(),
                         qPrintable("warnings:" + qs(warningList(*loaded))));
            for (const Json& want : warnings) {
                const std::string part = want.at("contains").get<std::string>();
                const bool found = std::any_of(
                    loaded->warnings.begin(), loaded->warnings.end(), [&](const Warning& w) {
                        return w.message.find(part) != std::string::npos &&
                               (!want.contains("rows") ||
                                w.rows == want["rows"].get<std::size_t>());
                    });
                QVERIFY2(found,
                         qPrintable("no warning with \"" + qs(part) + "\"" +
                                    (want.contains("rows") ? " and rows " + qs(want["rows"].dump())
                                                           : QString()) +
                                    "; warnings:" + qs(warningList(*loaded))));
            }
        }
    }
};

QTEST_APPLESS_MAIN(CorpusTest)
#include "test_corpus.moc"
