// The delimited-text reader: quoting, line endings, encodings, dialect detection, missing
// markers, type inference (against ColumnBuilder), overrides, hostile input, cancel, progress.
#include <QtTest>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine/column_builder.h"
#include "engine/delimited_dialect.h"
#include "engine/delimited_reader.h"
#include "engine/errors.h"
#include "engine/fast_number.h"
#include "engine/missing_markers.h"
#include "engine/table_reader.h"
#include "engine/text_position.h"

using namespace glassbox;

namespace {

using Rows = std::vector<std::vector<std::string>>;

LoadedTable load(const std::string& text, ReadOptions options = {}) {
    return readDelimited(text, "test.csv", options, TaskContext());
}

// Every cell as Column::format gives it, row by row.
Rows cells(const Table& table) {
    Rows rows(table.rowCount());
    for (std::size_t r = 0; r < table.rowCount(); ++r)
        for (const Column& c : table.columns()) rows[r].push_back(c.format(r));
    return rows;
}

std::vector<std::string> names(const Table& table) {
    std::vector<std::string> out;
    for (const Column& c : table.columns()) out.push_back(c.name());
    return out;
}

// Reads with every column forced to text, so cells come back exactly as written.
Rows textCells(const std::string& text, std::size_t columns, bool header,
               ReadOptions options = {}) {
    options.header = header;
    if (!header)
        for (std::size_t c = 0; c < columns; ++c)
            options.typeOverrides["column_" + std::to_string(c + 1)] = ColumnType::Text;
    const LoadedTable loaded = load(text, options);
    return cells(loaded.table);
}

QString typeOf(const Column& c) {
    return QString::fromLatin1(columnTypeName(c.type()).data());
}

bool hasWarning(const LoadedTable& loaded, const std::string& part, std::size_t rows) {
    for (const Warning& w : loaded.warnings)
        if (w.message.find(part) != std::string::npos && w.rows == rows) return true;
    return false;
}

std::string warningsText(const LoadedTable& loaded) {
    std::string out;
    for (const Warning& w : loaded.warnings)
        out += w.message + " [" + std::to_string(w.rows) + "]; ";
    return out;
}

// The ParseError loading text gives, if any.
std::optional<ParseError> parseError(const std::string& text, ReadOptions options = {}) {
    try {
        load(text, options);
    } catch (const ParseError& e) {
        return e;
    }
    return std::nullopt;
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

class DelimitedReaderTest : public QObject {
    Q_OBJECT
  private slots:
    void quoting_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");  // column 2 of the only row
        QTest::newRow("delimiter in quotes") << QString("1,\"a,b\"\n") << QString("a,b");
        QTest::newRow("doubled quotes")
            << QString("1,\"say \"\"hi\"\"\"\n") << QString("say \"hi\"");
        QTest::newRow("LF in quotes") << QString("1,\"two\nlines\"\n") << QString("two\nlines");
        QTest::newRow("CRLF in quotes")
            << QString("1,\"two\r\nlines\"\r\n") << QString("two\r\nlines");
        QTest::newRow("CR in quotes") << QString("1,\"two\rlines\"\r") << QString("two\rlines");
        QTest::newRow("empty quoted") << QString("1,\"\"\n") << QString("");
        QTest::newRow("only doubled quotes") << QString("1,\"\"\"\"\n") << QString("\"");
        QTest::newRow("spaces after closing quote") << QString("1,\"x\"  \n") << QString("x");
        QTest::newRow("quoted at end of file") << QString("1,\"end\"") << QString("end");
        QTest::newRow("delimiter at end of file") << QString("1,") << QString("");
    }
    void quoting() {
        QFETCH(QString, text);
        QFETCH(QString, cell);
        const Rows rows = textCells(text.toStdString(), 2, false, [] {
            ReadOptions o;
            o.delimiter = ',';
            return o;
        }());
        QCOMPARE(rows.size(), std::size_t{1});
        QCOMPARE(rows[0].size(), std::size_t{2});
        QCOMPARE(qs(rows[0][1]), cell);
    }

    void lineEndings_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("LF") << QString("a,b\n1,x\n2,y\n");
        QTest::newRow("CRLF") << QString("a,b\r\n1,x\r\n2,y\r\n");
        QTest::newRow("CR") << QString("a,b\r1,x\r2,y\r");
        QTest::newRow("mixed") << QString("a,b\r\n1,x\r2,y\n");
        QTest::newRow("no final newline") << QString("a,b\n1,x\n2,y");
        QTest::newRow("trailing blank lines") << QString("a,b\n1,x\n2,y\n\n\r\n  \n");
    }
    void lineEndings() {
        QFETCH(QString, text);
        const LoadedTable loaded = load(text.toStdString());
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"a", "b"}));
        QCOMPARE(cells(loaded.table), (Rows{{"1", "x"}, {"2", "y"}}));
        QVERIFY2(loaded.warnings.empty(), warningsText(loaded).c_str());
    }

    void utf8Bom() {
        const LoadedTable loaded = load("\xEF\xBB\xBFname,n\nx,1\ny,2\n");
        QCOMPARE(loaded.encoding, std::string("UTF-8"));
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"name", "n"}));
    }

    void utf16_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        const QString text = QString::fromUtf8("city,n\nZürich,1\n東京,2\n");
        QByteArray le("\xFF\xFE", 2), be("\xFE\xFF", 2), bare;
        for (QChar ch : text) {
            const char lo = static_cast<char>(ch.unicode() & 0xFF);
            const char hi = static_cast<char>(ch.unicode() >> 8);
            le.append(lo).append(hi);
            be.append(hi).append(lo);
            bare.append(lo).append(hi);
        }
        QTest::newRow("LE with BOM") << le << QString("UTF-16LE");
        QTest::newRow("BE with BOM") << be << QString("UTF-16BE");
        QTest::newRow("LE without BOM") << bare << QString("UTF-16LE");
    }
    void utf16() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        const LoadedTable loaded = load(bytes.toStdString());
        QCOMPARE(qs(loaded.encoding), encoding);
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"city", "n"}));
        QCOMPARE(cells(loaded.table), (Rows{{"Zürich", "1"}, {"東京", "2"}}));
    }

    void detectsGb18030() {
        // "名字,城市\n张三,北京\n李四,上海\n" in GBK.
        const std::string gbk =
            "\xC3\xFB\xD7\xD6,\xB3\xC7\xCA\xD0\n\xD5\xC5\xC8\xFD,\xB1\xB1\xBE\xA9\n"
            "\xC0\xEE\xCB\xC4,\xC9\xCF\xBA\xA3\n";
        const LoadedTable loaded = load(gbk);
        QCOMPARE(loaded.encoding, std::string("GB18030"));
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"名字", "城市"}));
        QCOMPARE(cells(loaded.table), (Rows{{"张三", "北京"}, {"李四", "上海"}}));
        QVERIFY(hasWarning(loaded, "read as GB18030", 0));
    }

    void detectsLatin1() {
        // "Müller" pairs a high byte with an ASCII byte, which GBK would also accept.
        const std::string latin1 = "name,city\nJos\xE9,Z\xFCrich\nM\xFCller,K\xF6ln\n";
        const LoadedTable loaded = load(latin1);
        QCOMPARE(loaded.encoding, std::string("WINDOWS-1252"));
        QCOMPARE(cells(loaded.table), (Rows{{"José", "Zürich"}, {"Müller", "Köln"}}));
        QVERIFY(hasWarning(loaded, "line 2, column 4", 0));
    }

    void latin1BytesUndefinedInWindows1252() {
        const LoadedTable loaded = load("a,b\nx\x81y,1\n");
        QCOMPARE(loaded.encoding, std::string("ISO-8859-1"));
        QCOMPARE(cells(loaded.table)[0][0], std::string("x\xC2\x81y"));
    }

    void forcedEncoding() {
        ReadOptions options;
        options.encoding = "latin1";
        // UTF-8 "é" read as Latin-1.
        const LoadedTable loaded = load("a,b\n\xC3\xA9,1\n", options);
        QCOMPARE(loaded.encoding, std::string("LATIN1"));
        QCOMPARE(cells(loaded.table)[0][0], std::string("Ã©"));
        QVERIFY(loaded.warnings.empty());
    }

    void forcedEncodingWithInvalidBytes_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("latin-1 read as UTF-8")
            << QByteArray("a,b\nok,1\nn\xE9,2\n") << QString("UTF-8") << 3 << 2;
        QTest::newRow("UTF-8 with BOM")
            << QByteArray("\xEF\xBB\xBFh\n\xFF\n") << QString() << 2 << 1;
        QTest::newRow("bad GB18030 trail byte")
            << QByteArray("a\n\xD6\xD0x\xD6\x20\n") << QString("GB18030") << 2 << 3;
        QTest::newRow("odd UTF-16 length")
            << QByteArray("a\0\n\0b", 5) << QString("UTF-16LE") << 2 << 1;
    }
    void forcedEncodingWithInvalidBytes() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, encoding);
        QFETCH(int, line);
        QFETCH(int, column);
        ReadOptions options;
        options.encoding = encoding.toStdString();
        const std::optional<ParseError> e = parseError(bytes.toStdString(), options);
        QVERIFY(e);
        QCOMPARE(e->line(), static_cast<std::size_t>(line));
        QCOMPARE(e->column(), static_cast<std::size_t>(column));
        QVERIFY2(std::string(e->what()).find("test.csv:") == 0, e->what());
    }

    // Past the first 64 KB, bytes are checked while parsing: a late Latin-1 byte makes the
    // whole file be read again as Windows-1252; under a declared UTF-8 it is an error.
    void lateBadBytes_data() {
        QTest::addColumn<QByteArray>("prefix");  // before the rows
        QTest::addColumn<QString>("encoding");   // forced
        QTest::addColumn<QByteArray>("bad");     // the cell of row 20000
        QTest::addColumn<QString>("expected");   // encoding read, or "error"
        QTest::newRow("Latin-1 byte, detected")
            << QByteArray() << QString() << QByteArray("caf\xE9") << QString("WINDOWS-1252");
        QTest::newRow("Latin-1 byte after a BOM")
            << QByteArray("\xEF\xBB\xBF") << QString() << QByteArray("caf\xE9") << QString("error");
        QTest::newRow("Latin-1 byte, UTF-8 forced")
            << QByteArray() << QString("UTF-8") << QByteArray("caf\xE9") << QString("error");
        QTest::newRow("NUL byte") << QByteArray() << QString() << QByteArray("ca\0f", 4)
                                  << QString("error");
    }
    void lateBadBytes() {
        QFETCH(QByteArray, prefix);
        QFETCH(QString, encoding);
        QFETCH(QByteArray, bad);
        QFETCH(QString, expected);
        std::string text = prefix.toStdString() + "id,word\n";
        for (int i = 1; i <= 40000; ++i)
            text += std::to_string(i) + "," + (i == 20000 ? bad.toStdString() : "word") + "\n";
        ReadOptions options;
        options.encoding = encoding.toStdString();
        options.threads = 2;
        if (expected == "error") {
            const std::optional<ParseError> e = parseError(text, options);
            QVERIFY(e);
            QCOMPARE(e->line(), std::size_t{20001});
            QCOMPARE(e->column(), static_cast<std::size_t>(bad.contains('\0') ? 9 : 10));
            return;
        }
        const LoadedTable loaded = load(text, options);
        QCOMPARE(qs(loaded.encoding), expected);
        QCOMPARE(loaded.table.rowCount(), std::size_t{40000});
        QCOMPARE(loaded.table.column(1).format(19999), std::string("café"));
        QVERIFY2(hasWarning(loaded, "at line 20001, column 10", 0), warningsText(loaded).c_str());
    }

    void unknownEncoding() {
        ReadOptions options;
        options.encoding = "NO-SUCH-ENCODING";
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, load("a\n1\n", options));
    }

    void sniffsDelimiter_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("delimiter");
        QTest::newRow("comma") << QString("a,b,c\n1,2,3\n4,5,6\n") << QString(",");
        QTest::newRow("semicolon") << QString("a;b;c\n1;2;3\n4;5;6\n") << QString(";");
        QTest::newRow("tab") << QString("a\tb\n1\t2\n") << QString("\t");
        QTest::newRow("pipe") << QString("a|b\n1|2\n") << QString("|");
        QTest::newRow("decimal commas") << QString("x;y\n1,5;2,25\n3,5;4\n") << QString(";");
        QTest::newRow("quoted commas in a semicolon file")
            << QString("name;n\n\"a, b\";1\n\"c, d, e\";2\n") << QString(";");
        QTest::newRow("commas in tab-separated text")
            << QString("title\tyear\nHello, world\t1999\nOne, two, three\t2001\n") << QString("\t");
        QTest::newRow("single column") << QString("x\n1\n2\n") << QString(",");
    }
    void sniffsDelimiter() {
        QFETCH(QString, text);
        QFETCH(QString, delimiter);
        QCOMPARE(QString(QChar(sniffDelimiter(text.toStdString()))), delimiter);
    }

    void decimalCommasStayText() {
        const LoadedTable loaded = load("x;y\n1,5;a\n2,5;b\n1,5;a\n");
        QCOMPARE(loaded.table.columnCount(), std::size_t{2});
        QCOMPARE(typeOf(loaded.table.column(0)), QString("categorical"));
        QCOMPARE(loaded.table.column(0).format(1), std::string("2,5"));
    }

    void delimiterOverride() {
        ReadOptions options;
        options.delimiter = ';';
        const LoadedTable loaded = load("a,b;c\n1,2;3\n", options);
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"a,b", "c"}));
        options.delimiter = '"';
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, load("a\n", options));
    }

    void detectsHeader_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("header");
        QTest::newRow("names over numbers") << QString("x,y\n1,2\n3,4\n") << true;
        QTest::newRow("all numbers") << QString("1,2\n3,4\n5,6\n") << false;
        QTest::newRow("names over dates") << QString("day\n2024-01-01\n2024-01-02\n") << true;
        QTest::newRow("names over booleans") << QString("ok,n\ntrue,1\nfalse,2\n") << true;
        QTest::newRow("text, first row not repeated")
            << QString("colour,size\nred,S\nblue,M\nred,M\n") << true;
        QTest::newRow("text, first row repeated")
            << QString("red,S\nblue,M\nred,S\nblue,S\n") << false;
        QTest::newRow("numbers in the first row of text columns")
            << QString("1,2\na,b\nc,d\n") << true;
        QTest::newRow("one row of names") << QString("a,b,c\n") << true;
        QTest::newRow("one row with a number") << QString("a,2,c\n") << false;
        QTest::newRow("missing first cell over numbers") << QString(",y\n1,2\n3,4\n") << true;
        QTest::newRow("years over rates")
            << QString("country,1960,1961\nAruba,4.82,4.655\nAndorra,,1.25\nChad,6.5,6\n") << true;
        QTest::newRow("integers over integers") << QString("1960,7\n1961,8\n1962,9\n") << false;
    }
    void detectsHeader() {
        QFETCH(QString, text);
        QFETCH(bool, header);
        const MissingMarkers missing;
        QCOMPARE(sniffHeader(sampleRecords(text.toStdString(), ','), missing), header);
    }

    void headerOverride() {
        ReadOptions options;
        options.header = false;
        LoadedTable loaded = load("x,y\n1,2\n", options);
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"column_1", "column_2"}));
        QCOMPARE(loaded.table.rowCount(), std::size_t{2});
        QCOMPARE(typeOf(loaded.table.column(0)), QString("categorical"));
        options.header = true;
        loaded = load("1,2\n3,4\n", options);
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"1", "2"}));
        QCOMPARE(loaded.table.rowCount(), std::size_t{1});
    }

    void headerNamesAreTrimmedAndQuoted() {
        const LoadedTable loaded =
            load("\" first \", second ,\"th,ird\",\"say \"\"hi\"\"\"\n1,2,3,4\n");
        QCOMPARE(names(loaded.table),
                 (std::vector<std::string>{"first", "second", "th,ird", "say \"hi\""}));
    }

    void missingMarkers_data() {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<bool>("missing");
        QTest::newRow("empty") << QString("") << true;
        QTest::newRow("spaces") << QString("   ") << true;
        QTest::newRow("NA") << QString("NA") << true;
        QTest::newRow("na padded") << QString(" na ") << true;
        QTest::newRow("N/A") << QString("N/A") << true;
        QTest::newRow("NaN") << QString("NaN") << true;
        QTest::newRow("null") << QString("NULL") << true;
        QTest::newRow("quoted NA") << QString("\"NA\"") << true;
        QTest::newRow("dash") << QString("-") << false;
        QTest::newRow("None") << QString("None") << false;
        QTest::newRow("zero") << QString("0") << false;
    }
    void missingMarkers() {
        QFETCH(QString, cell);
        QFETCH(bool, missing);
        const LoadedTable loaded = load("n,c\n1," + cell.toStdString() + "\n2,x\n");
        QCOMPARE(loaded.table.column(1).isMissing(0), missing);
        QVERIFY(!loaded.table.column(1).isMissing(1));
    }

    void customMissingMarkers() {
        ReadOptions options;
        options.missingMarkers = {"-", "-999"};
        const LoadedTable loaded = load("a,b\n-,NA\n-999,x\n3,\n", options);
        const Column& a = loaded.table.column(0);
        QCOMPARE(typeOf(a), QString("numeric"));
        QCOMPARE(a.missingCount(), std::size_t{2});
        QCOMPARE(a.number(2), 3.0);
        const Column& b = loaded.table.column(1);
        QCOMPARE(b.format(0), std::string("NA"));  // no longer a marker
        QVERIFY(b.isMissing(2));                   // empty always is
    }

    void infersTypes_data() {
        QTest::addColumn<QString>("cells");  // one column, cells separated by '|'
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("missing");
        QTest::newRow("numbers") << QString("1|2.5|-3e2|NA| 4 ") << QString("numeric") << 1;
        QTest::newRow("infinities") << QString("inf|-Infinity|1") << QString("numeric") << 0;
        QTest::newRow("booleans") << QString("true|No|YES|null") << QString("boolean") << 1;
        QTest::newRow("dates") << QString("2024-01-01|2024-02-29|null") << QString("datetime") << 1;
        QTest::newRow("datetimes")
            << QString("2024-01-01 10:00|2024-01-02T11:30:15Z") << QString("datetime") << 0;
        QTest::newRow("labels") << QString("a|b|a|b|a") << QString("categorical") << 0;
        QTest::newRow("distinct words")
            << QString("alpha|beta|gamma|delta") << QString("text") << 0;
        QTest::newRow("numbers then a word")
            << QString("1|2|1|2|x|1") << QString("categorical") << 0;
        QTest::newRow("all missing") << QString("NA|null|N/A") << QString("numeric") << 3;
        QTest::newRow("spaced thousands")
            << QString("1 000|2 000|1 000|2 000") << QString("categorical") << 0;
    }
    void infersTypes() {
        QFETCH(QString, cells);
        QFETCH(QString, type);
        QFETCH(int, missing);
        std::string text = "head\n";
        for (const QString& c : cells.split('|')) text += c.toStdString() + "\n";
        ReadOptions options;
        options.header = true;
        options.delimiter = ',';
        const LoadedTable loaded = load(text, options);
        QCOMPARE(loaded.table.rowCount(), static_cast<std::size_t>(cells.split('|').size()));
        QCOMPARE(typeOf(loaded.table.column(0)), type);
        QCOMPARE(loaded.table.column(0).missingCount(), static_cast<std::size_t>(missing));
    }

    // A file of several chunks, read on 1 and 2 threads, must give exactly what ColumnBuilder
    // gives for the same cells.
    void matchesColumnBuilderOnLargeFile() {
        std::mt19937 rng(42);
        const std::size_t rows = 60000;
        const std::vector<std::string> header = {"num", "late_text", "cat",      "uniq",  "flag",
                                                 "day", "mixed",     "na_heavy", "quoted"};
        std::vector<std::vector<std::string>> columns(header.size());
        const char* colours[] = {"red", "green", "blue", "NA", ""};
        for (std::size_t r = 0; r < rows; ++r) {
            columns[0].push_back(rng() % 50 == 0 ? ""
                                                 : std::to_string(int(rng() % 100000) - 50000) +
                                                       "." + std::to_string(rng() % 1000));
            columns[1].push_back(r == rows - 7 ? "oops" : std::to_string(rng() % 10));
            columns[2].push_back(colours[rng() % 5]);
            columns[3].push_back("id" + std::to_string(r));
            columns[4].push_back(rng() % 2 ? "true" : (rng() % 2 ? "FALSE" : "N/A"));
            columns[5].push_back("2024-0" + std::to_string(1 + rng() % 9) + "-1" +
                                 std::to_string(rng() % 10));
            columns[6].push_back(r > rows / 2 && rng() % 1000 == 0 ? "n/a?"
                                                                   : std::to_string(rng() % 7));
            columns[7].push_back(rng() % 100 == 0 ? "5" : "NaN");
            columns[8].push_back(r % 3 ? "line\nbreak, \"q\"" : "plain");
        }
        std::string text;
        for (std::size_t c = 0; c < header.size(); ++c) text += (c ? "," : "") + header[c];
        text += "\n";
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t c = 0; c < header.size(); ++c) {
                if (c) text += ',';
                const std::string& v = columns[c][r];
                if (c == 8) {
                    text += '"';
                    for (char ch : v) text += ch == '"' ? std::string("\"\"") : std::string(1, ch);
                    text += '"';
                } else {
                    text += v;
                }
            }
            text += r % 2 ? "\r\n" : "\n";
        }
        QVERIFY(text.size() > 2 * 1024 * 1024);

        const MissingMarkers missing;
        std::vector<Column> expected;
        for (std::size_t c = 0; c < header.size(); ++c) {
            ColumnBuilder builder(header[c]);
            for (const std::string& v : columns[c]) {
                if (missing.isMissing(v))
                    builder.appendMissing();
                else
                    builder.append(v);
            }
            expected.push_back(builder.finish());
        }
        for (unsigned threads : {1u, 2u, 3u}) {
            ReadOptions options;
            options.threads = threads;
            const LoadedTable loaded = load(text, options);
            QCOMPARE(loaded.table.rowCount(), rows);
            QVERIFY2(loaded.warnings.empty(), warningsText(loaded).c_str());
            for (std::size_t c = 0; c < header.size(); ++c) {
                const Column& got = loaded.table.column(c);
                QCOMPARE(got.name(), header[c]);
                QCOMPARE(typeOf(got), typeOf(expected[c]));
                QCOMPARE(got.missingCount(), expected[c].missingCount());
                QCOMPARE(got.levels(), expected[c].levels());
                for (std::size_t r = 0; r < rows; ++r)
                    if (got.format(r) != expected[c].format(r))
                        QFAIL(qPrintable(QString("column %1 row %2: %3 != %4")
                                             .arg(qs(header[c]))
                                             .arg(r)
                                             .arg(qs(got.format(r)))
                                             .arg(qs(expected[c].format(r)))));
            }
        }
        QCOMPARE(typeOf(expected[0]), QString("numeric"));
        QCOMPARE(typeOf(expected[1]), QString("categorical"));
        QCOMPARE(typeOf(expected[3]), QString("text"));
        QCOMPARE(typeOf(expected[4]), QString("boolean"));
        QCOMPARE(typeOf(expected[5]), QString("datetime"));
    }

    void overridesKeepText() {
        ReadOptions options;
        options.typeOverrides["zip"] = ColumnType::Categorical;
        options.typeOverrides["code"] = ColumnType::Text;
        const LoadedTable loaded = load("zip,code,n\n007,0010,1\n010,12,2\n007,0010,3\n", options);
        QCOMPARE(typeOf(loaded.table.column(0)), QString("categorical"));
        QCOMPARE(loaded.table.column(0).levels(), (std::vector<std::string>{"007", "010"}));
        QCOMPARE(typeOf(loaded.table.column(1)), QString("text"));
        QCOMPARE(loaded.table.column(1).format(0), std::string("0010"));
        QVERIFY(loaded.warnings.empty());
    }

    void overridesCountFailures() {
        ReadOptions options;
        options.typeOverrides["n"] = ColumnType::Numeric;
        options.typeOverrides["b"] = ColumnType::Boolean;
        options.typeOverrides["d"] = ColumnType::DateTime;
        const LoadedTable loaded = readTableFromMemory(
            "n,b,d\n1,yes,2024-01-01\nx,0,2024-13-01\n3,maybe,\n", "o.csv", options);
        const Column& n = loaded.table.column(0);
        QCOMPARE(typeOf(n), QString("numeric"));
        QVERIFY(n.isMissing(1));
        QCOMPARE(n.number(2), 3.0);
        QCOMPARE(loaded.table.column(1).format(1), std::string("false"));
        QVERIFY(loaded.table.column(1).isMissing(2));
        QCOMPARE(typeOf(loaded.table.column(2)), QString("datetime"));
        QVERIFY(hasWarning(loaded, "column \"n\": 1 values are not numeric", 1));
        QVERIFY(hasWarning(loaded, "column \"b\": 1 values are not boolean", 1));
        QVERIFY(hasWarning(loaded, "column \"d\": 1 values are not datetime", 1));
        QCOMPARE(loaded.warnings.size(), std::size_t{3});
    }

    void overrideOfUnknownColumn() {
        ReadOptions options;
        options.typeOverrides["nope"] = ColumnType::Text;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, readTableFromMemory("a\n1\n", "u.csv", options));
    }

    void raggedShortRows() {
        const LoadedTable loaded = load("a,b,c\n1,2,3\n4,5\n6\n7,8,9\n");
        QCOMPARE(loaded.table.rowCount(), std::size_t{4});
        QCOMPARE(cells(loaded.table),
                 (Rows{{"1", "2", "3"}, {"4", "5", ""}, {"6", "", ""}, {"7", "8", "9"}}));
        QVERIFY2(
            hasWarning(loaded, "2 rows have fewer fields than the 3 columns (first at line 3)", 2),
            warningsText(loaded).c_str());
    }

    void tooManyFields() {
        const std::optional<ParseError> e = parseError("a,b\n1,2\n3,4,5\n");
        QVERIFY(e);
        QCOMPARE(e->line(), std::size_t{3});
        QCOMPARE(e->column(), std::size_t{5});
        QVERIFY(std::string(e->what()).find("too many fields") != std::string::npos);
    }

    void emptyExtraFieldsAreIgnored() {
        const LoadedTable loaded = load("a,b\n1,2,\n3,4\n5,6, ,\n");
        QCOMPARE(cells(loaded.table), (Rows{{"1", "2"}, {"3", "4"}, {"5", "6"}}));
        QVERIFY2(
            hasWarning(loaded, "2 rows have empty fields after the 2 columns (first at line 2)", 2),
            warningsText(loaded).c_str());
    }

    void trailingDelimiterEverywhereIsAnEmptyColumn() {
        const LoadedTable loaded = load("a,b,\n1,2,\n3,4,\n");
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"a", "b", "column_3"}));
        QCOMPARE(loaded.table.column(2).missingCount(), std::size_t{2});
        QVERIFY(hasWarning(loaded, "column 3 has no name", 0));
    }

    void unterminatedQuote() {
        const std::optional<ParseError> e = parseError("a,b\n1,2\n3,\"open\n4,5\n");
        QVERIFY(e);
        QCOMPARE(e->line(), std::size_t{3});
        QCOMPARE(e->column(), std::size_t{3});
        QVERIFY(std::string(e->what()).find("unterminated") != std::string::npos);
        QCOMPARE(std::string(e->what()).substr(0, 13), std::string("test.csv:3:3:"));
    }

    void textAfterClosingQuote() {
        const std::optional<ParseError> e = parseError("a,b\n\"x\"y,2\n");
        QVERIFY(e);
        QCOMPARE(e->line(), std::size_t{2});
        QCOMPARE(e->column(), std::size_t{4});
    }

    void strayQuoteIsKept() {
        const LoadedTable loaded = load("size,n\n5\" screen,1\n6,2\nab\"c\"d,3\n");
        QCOMPARE(loaded.table.column(0).format(0), std::string("5\" screen"));
        QCOMPARE(loaded.table.column(0).format(2), std::string("ab\"c\"d"));
        QVERIFY2(
            hasWarning(loaded, "2 rows have a quote inside an unquoted field (first at line 2)", 2),
            warningsText(loaded).c_str());
    }

    void notText_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("NUL byte") << QByteArray("a,b\n1,2\n3,\0,4\n", 14) << 3 << 3;
        QByteArray garbage;
        std::mt19937 rng(7);
        for (int i = 0; i < 4096; ++i) garbage.append(static_cast<char>(1 + rng() % 255));
        const int firstControl = [&] {
            for (int i = 0; i < garbage.size(); ++i) {
                const unsigned char c = static_cast<unsigned char>(garbage[i]);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
                    return i;
            }
            return -1;
        }();
        const QByteArray before = garbage.left(firstControl);
        // Lines and columns of the first control character, counted on the Latin-1 reading.
        int line = 1, column = 1;
        for (int i = 0; i < before.size(); ++i) {
            if (before[i] == '\n' ||
                (before[i] == '\r' && (i + 1 >= garbage.size() || garbage[i + 1] != '\n'))) {
                ++line;
                column = 1;
            } else if (before[i] != '\r') {
                ++column;
            }
        }
        QTest::newRow("binary garbage") << garbage << line << column;
    }
    void notText() {
        QFETCH(QByteArray, bytes);
        QFETCH(int, line);
        QFETCH(int, column);
        const std::optional<ParseError> e = parseError(bytes.toStdString());
        QVERIFY(e);
        QVERIFY2(std::string(e->what()).find("does not look like text") != std::string::npos,
                 e->what());
        QCOMPARE(e->line(), static_cast<std::size_t>(line));
        QCOMPARE(e->column(), static_cast<std::size_t>(column));
    }

    void emptyFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("no bytes") << QByteArray();
        QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF");
        QTest::newRow("only blank lines") << QByteArray("\n  \r\n\t\n");
    }
    void emptyFiles() {
        QFETCH(QByteArray, bytes);
        const std::optional<ParseError> e = parseError(bytes.toStdString());
        QVERIFY(e);
        QCOMPARE(std::string(e->what()), std::string("test.csv: the file is empty"));
    }

    void headerOnly() {
        const LoadedTable loaded = load("a,b,c\r\n");
        QCOMPARE(loaded.table.rowCount(), std::size_t{0});
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"a", "b", "c"}));
        QVERIFY(hasWarning(loaded, "no data rows", 0));
    }

    void duplicateAndEmptyNames() {
        const LoadedTable loaded = load("x,x,,y\n1,2,3,4\n");
        QCOMPARE(names(loaded.table), (std::vector<std::string>{"x", "x_2", "column_3", "y"}));
        QCOMPARE(loaded.warnings.size(), std::size_t{2});
    }

    void blankLinesInsideAreSkippedWithWarning() {
        const LoadedTable loaded = load("\n\na,b\n1,2\n\n   \n3,4\n\n5,6\n\n\n");
        QCOMPARE(cells(loaded.table), (Rows{{"1", "2"}, {"3", "4"}, {"5", "6"}}));
        QVERIFY2(hasWarning(loaded, "3 blank lines between rows were skipped (first at line 5)", 3),
                 warningsText(loaded).c_str());
        QCOMPARE(loaded.warnings.size(), std::size_t{1});
    }

    void tabLinesAreNotBlankInTabFiles() {
        ReadOptions options;
        options.delimiter = '\t';
        const LoadedTable loaded = load("a\tb\n1\t2\n\t\n3\t4\n", options);
        QCOMPARE(loaded.table.rowCount(), std::size_t{3});
        QVERIFY(loaded.table.column(0).isMissing(1));
    }

    void fiftyMegabyteField() {
        const std::size_t size = 50u * 1024 * 1024;
        std::string text = "id,blob,n\n1,\"";
        text.reserve(size + 64);
        for (std::size_t i = 0; i < size; ++i) text += static_cast<char>('a' + i % 26);
        text += "\",7\n2,short,8\n";
        const LoadedTable loaded = load(text);
        QCOMPARE(loaded.table.rowCount(), std::size_t{2});
        const Column& blob = loaded.table.column(1);
        QCOMPARE(typeOf(blob), QString("categorical"));
        QCOMPARE(blob.format(0).size(), size);
        QCOMPARE(blob.format(1), std::string("short"));
        QCOMPARE(loaded.table.column(2).number(0), 7.0);
    }

    void errorLineInLargeFile() {
        std::string text = "a,b\n";
        for (int i = 0; i < 200000; ++i) text += std::to_string(i) + ",\"x\ny\"\n";
        text += "1,2,3\n";
        ReadOptions options;
        options.threads = 2;
        const std::optional<ParseError> e = parseError(text, options);
        QVERIFY(e);
        QCOMPARE(e->line(), std::size_t{2 + 200000 * 2});
        QCOMPARE(e->column(), std::size_t{5});
    }

    void quotedLineBreaksAcrossChunks() {
        // Every record spans many lines, so guessed chunk starts fall inside quoted fields.
        std::string text = "k,v\n";
        for (int i = 0; i < 40000; ++i) {
            text += std::to_string(i) + ",\"";
            for (int l = 0; l < 5; ++l) text += "a,b\n" + std::string(i % 3 ? "\"\"" : "") + "\n";
            text += "\"\n";
        }
        ReadOptions one, two;
        one.threads = 1;
        two.threads = 2;
        const LoadedTable a = load(text, one), b = load(text, two);
        QCOMPARE(a.table.rowCount(), std::size_t{40000});
        QCOMPARE(b.table.rowCount(), std::size_t{40000});
        for (std::size_t r = 0; r < 40000; r += 997) {
            QCOMPARE(b.table.column(0).number(r), static_cast<double>(r));
            QCOMPARE(b.table.column(1).format(r), a.table.column(1).format(r));
        }
    }

    void cancelFromProgress() {
        std::string text = "a,b\n";
        for (int i = 0; i < 300000; ++i) text += std::to_string(i) + ",x\n";
        CancelToken token;
        int calls = 0;
        const TaskContext task(
            [&](double, std::string_view) {
                ++calls;
                token.cancel();
            },
            &token);
        QVERIFY_THROWS_EXCEPTION(Cancelled, readDelimited(text, "c.csv", {}, task));
        QCOMPARE(calls, 1);
    }

    void progressReachesOne() {
        std::string text = "a,b\n";
        for (int i = 0; i < 300000; ++i) text += std::to_string(i) + ",x\n";
        std::vector<double> fractions;
        const TaskContext task([&](double f, std::string_view) { fractions.push_back(f); },
                               nullptr);
        ReadOptions options;
        options.threads = 1;
        readDelimited(text, "p.csv", options, task);
        QVERIFY(fractions.size() > 3);
        QCOMPARE(fractions.back(), 1.0);
        for (std::size_t i = 1; i < fractions.size(); ++i)
            QVERIFY(fractions[i] >= fractions[i - 1]);
    }

    void fastNumbersMatchParseNumber() {
        std::vector<std::string> cases = {"0",
                                          "-0",
                                          "+0",
                                          "5.",
                                          ".5",
                                          "-.5",
                                          ".",
                                          "-",
                                          "+",
                                          "",
                                          "1e5",
                                          "1.5E-3",
                                          " 1",
                                          "1 ",
                                          "0x10",
                                          "nan",
                                          "inf",
                                          "-Infinity",
                                          "00012",
                                          "9007199254740992",
                                          "9007199254740993",
                                          "12345678901234567890",
                                          "0.1",
                                          "0.3",
                                          "123456.789012",
                                          "1.0000000000000000000001",
                                          "3.14159265358979323846",
                                          "1,5",
                                          "1..2",
                                          "--1",
                                          "+-1",
                                          "1e",
                                          "1e+",
                                          "1e400",
                                          "-1e-400"};
        std::mt19937 rng(3);
        const std::string alphabet = "0123456789.-+eE ";
        for (int i = 0; i < 200000; ++i) {
            std::string s;
            const int length = 1 + static_cast<int>(rng() % 24);
            for (int k = 0; k < length; ++k)
                s += rng() % 4 ? static_cast<char>('0' + rng() % 10)
                               : alphabet[rng() % alphabet.size()];
            cases.push_back(s);
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "%.*f", static_cast<int>(rng() % 12),
                          (static_cast<double>(rng()) - 2e9) / std::pow(10.0, rng() % 8));
            cases.emplace_back(buffer);
        }
        for (const std::string& c : cases) {
            const auto fast = parseNumberFast(c), reference = parseNumber(c);
            QVERIFY2(fast.has_value() == reference.has_value(), c.c_str());
            if (!fast) continue;
            // Same bits, so -0 and 0 differ.
            QVERIFY2(std::memcmp(&*fast, &*reference, sizeof(double)) == 0, c.c_str());
        }
    }

    void readingAMappedFileGivesTheSameTable() {
        std::string text = "id,x,label\n";
        for (int i = 0; i < 150000; ++i)
            text += std::to_string(i) + "," + std::to_string(i * 0.25) + "," +
                    (i % 3 ? "\"a\nb\"" : "c") + "\n";
        const std::filesystem::path path =
            std::filesystem::temp_directory_path() / "glassbox_mapped_file_test.csv";
        {
            std::ofstream out(path, std::ios::binary);
            out << text;
        }
        ReadOptions options;
        options.threads = 2;
        const LoadedTable fromFile = readTable(path.string(), options);
        std::filesystem::remove(path);
        const LoadedTable fromMemory = readTableFromMemory(text, "m.csv", options);
        QCOMPARE(fromFile.table.rowCount(), std::size_t{150000});
        QCOMPARE(cells(fromFile.table), cells(fromMemory.table));
    }

    void locatesOffsets() {
        const std::string text = "ab\r\ncé\rx\ny";
        QCOMPARE(locateOffset(text, 0).line, std::size_t{1});
        QCOMPARE(locateOffset(text, 3).line, std::size_t{1});  // the LF of the CRLF
        QCOMPARE(locateOffset(text, 4).line, std::size_t{2});
        QCOMPARE(locateOffset(text, 7).column, std::size_t{3});  // after "cé"
        QCOMPARE(locateOffset(text, 8).line, std::size_t{3});
        QCOMPARE(locateOffset(text, 10).line, std::size_t{4});
    }
};

QTEST_APPLESS_MAIN(DelimitedReaderTest)
#include "test_delimited_reader.moc"
