// The SQLite reader: tables, views and queries of databases the test builds, types from the
// stored values, read-only access and clear errors.
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <string>

#include "engine/errors.h"
#include "engine/sqlite_reader.h"
#include "engine/table_reader.h"

using namespace glassbox;

namespace {

// Creates (or extends) a database with sql, through the C API, outside the reader.
bool execute(const QString& path, const std::string& sql) {
    sqlite3* db = nullptr;
    const QByteArray file = path.toUtf8();
    int result =
        sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    char* message = nullptr;
    if (result == SQLITE_OK) result = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    if (result != SQLITE_OK)
        qWarning("test SQL failed: %s", message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    sqlite3_close(db);
    return result == SQLITE_OK;
}

QByteArray fileBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

QString typeName(const Column& column) {
    return QString::fromStdString(std::string(columnTypeName(column.type())));
}

// Every row of column as Column::format gives it, "<NA>" for a missing cell.
QStringList valuesOf(const Column& column) {
    QStringList values;
    for (std::size_t r = 0; r < column.size(); ++r)
        values << (column.isMissing(r) ? QString("<NA>")
                                       : QString::fromStdString(column.format(r)));
    return values;
}

QStringList namesOf(const Table& table) {
    QStringList names;
    for (const Column& column : table.columns()) names << QString::fromStdString(column.name());
    return names;
}

QStringList toQStringList(const std::vector<std::string>& items) {
    QStringList list;
    for (const std::string& item : items) list << QString::fromStdString(item);
    return list;
}

ReadOptions tableOption(const std::string& table) {
    ReadOptions options;
    options.table = table;
    return options;
}

ReadOptions queryOption(const std::string& query) {
    ReadOptions options;
    options.query = query;
    return options;
}

// The message of the InvalidArgument that reading throws, or "" when it throws none.
template <typename Call>
QString invalidArgumentOf(Call call, std::string& parameter) {
    try {
        call();
    } catch (const InvalidArgument& error) {
        parameter = error.parameter();
        return QString::fromStdString(error.what());
    }
    return {};
}

const char* const kShop =
    "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, city TEXT);"
    "CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, customer INTEGER, total REAL);"
    "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;"
    "INSERT INTO customers VALUES (1, 'Ann', 'Oslo'), (2, 'Bo', 'Rome'), (3, 'Cy', 'Oslo');"
    "INSERT INTO orders (customer, total) VALUES (1, 50.5), (1, 150), (3, 200.25), (2, NULL);";

}  // namespace

class SqliteReaderTest : public QObject {
    Q_OBJECT
  private slots:
    void init() {
        QVERIFY(dir_.isValid());
        path_ = dir_.filePath(QString("db_%1.sqlite").arg(++counter_));
    }

    void infersTypesFromValues() {
        QVERIFY(execute(
            path_,
            "CREATE TABLE t (i INTEGER, r REAL, cat TEXT, day TEXT, flag BOOLEAN, empty_col,"
            " picture BLOB, mixed, numtext TEXT, words TEXT);"
            "INSERT INTO t VALUES (1, 0.5, 'red', '2024-01-02', 1, NULL, x'0102', 7,"
            " '1.5', 'the quick fox');"
            "INSERT INTO t VALUES (2, -1e3, 'red', '2024-01-03', 0, NULL, x'03', 'seven',"
            " '2', 'jumps over');"
            "INSERT INTO t VALUES (NULL, NULL, 'blue', NULL, NULL, NULL, NULL, 8.5, NULL,"
            " 'the lazy dog');"
            "INSERT INTO t VALUES (4, 2, 'blue', '2024-01-05', 1, NULL, NULL, NULL, '-3',"
            " 'again');"));
        const LoadedTable loaded = readSqlite(path_.toStdString(), {}, {});
        QCOMPARE(loaded.format, std::string("sqlite"));
        const Table& table = loaded.table;
        QCOMPARE(table.rowCount(), std::size_t(4));
        QCOMPARE(namesOf(table), (QStringList{"i", "r", "cat", "day", "flag", "empty_col",
                                              "picture", "mixed", "numtext", "words"}));
        // "mixed" holds 7, 'seven', 8.5: three distinct values in three rows is text.
        const QStringList expectedTypes{"numeric", "numeric", "categorical", "datetime", "boolean",
                                        "numeric", "numeric", "text",        "numeric",  "text"};
        for (std::size_t c = 0; c < table.columnCount(); ++c)
            QCOMPARE(typeName(table.column(c)), expectedTypes[qsizetype(c)]);
        QCOMPARE(valuesOf(table.column(0)), (QStringList{"1", "2", "<NA>", "4"}));
        QCOMPARE(valuesOf(table.column(1)), (QStringList{"0.5", "-1000", "<NA>", "2"}));
        QCOMPARE(valuesOf(table.column(2)), (QStringList{"red", "red", "blue", "blue"}));
        QCOMPARE(valuesOf(table.column(3)),
                 (QStringList{"2024-01-02", "2024-01-03", "<NA>", "2024-01-05"}));
        QCOMPARE(valuesOf(table.column(4)), (QStringList{"true", "false", "<NA>", "true"}));
        QCOMPARE(table.column(5).missingCount(), std::size_t(4));
        QCOMPARE(table.column(6).missingCount(), std::size_t(4));  // BLOBs are read as missing
        QCOMPARE(valuesOf(table.column(7)), (QStringList{"7", "seven", "8.5", "<NA>"}));
        QCOMPARE(valuesOf(table.column(8)), (QStringList{"1.5", "2", "<NA>", "-3"}));
        QCOMPARE(valuesOf(table.column(9)).at(0), QString("the quick fox"));

        QCOMPARE(loaded.warnings.size(), std::size_t(1));
        QCOMPARE(loaded.warnings[0].rows, std::size_t(2));
        QVERIFY(loaded.warnings[0].message.find("\"picture\": 2 BLOB values") != std::string::npos);
    }

    void declaredBooleanGuidesMixedValues() {
        QVERIFY(execute(path_,
                        "CREATE TABLE t (done BOOL, plain INTEGER, label BOOLEAN);"
                        "INSERT INTO t VALUES (1, 1, 'yes'), ('false', 0, 0), (0, 1, 'no');"));
        const Table table = readSqlite(path_.toStdString(), {}, {}).table;
        QCOMPARE(typeName(table.column(0)), QString("boolean"));
        QCOMPARE(valuesOf(table.column(0)), (QStringList{"true", "false", "false"}));
        QCOMPARE(typeName(table.column(1)), QString("numeric"));  // no declared BOOLEAN
        QCOMPARE(typeName(table.column(2)), QString("boolean"));
        QCOMPARE(valuesOf(table.column(2)), (QStringList{"true", "false", "false"}));
    }

    void emptyTableKeepsDeclaredTypes() {
        QVERIFY(execute(
            path_,
            "CREATE TABLE empty (a INTEGER, b VARCHAR(20), c BOOLEAN, d DATETIME, e REAL, f);"));
        const LoadedTable loaded = readSqlite(path_.toStdString(), {}, {});
        QCOMPARE(loaded.table.rowCount(), std::size_t(0));
        QStringList types;
        for (const Column& column : loaded.table.columns()) types << typeName(column);
        QCOMPARE(types,
                 (QStringList{"numeric", "text", "boolean", "datetime", "numeric", "numeric"}));
    }

    void listsTablesAndViewsSorted() {
        QVERIFY(execute(path_, kShop));
        QVERIFY(execute(path_, "CREATE TABLE \"Zeta\" (x); CREATE TABLE \"my table\" (x);"));
        // AUTOINCREMENT made the internal sqlite_sequence table, which is left out.
        QCOMPARE(toQStringList(listSqliteTables(path_.toStdString())),
                 (QStringList{"Zeta", "big_orders", "customers", "my table", "orders"}));
    }

    void readsChosenTableAndView() {
        QVERIFY(execute(path_, kShop));
        const Table customers = readSqlite(path_.toStdString(), tableOption("customers"), {}).table;
        QCOMPARE(namesOf(customers), (QStringList{"id", "name", "city"}));
        QCOMPARE(valuesOf(customers.column(1)), (QStringList{"Ann", "Bo", "Cy"}));

        const Table view = readSqlite(path_.toStdString(), tableOption("big_orders"), {}).table;
        QCOMPARE(valuesOf(view.column(2)), (QStringList{"150", "200.25"}));

        // SQLite matches names regardless of ASCII case.
        const Table upper = readSqlite(path_.toStdString(), tableOption("CUSTOMERS"), {}).table;
        QCOMPARE(upper.rowCount(), std::size_t(3));
    }

    void readsJoinQuery() {
        QVERIFY(execute(path_, kShop));
        const LoadedTable loaded =
            readSqlite(path_.toStdString(),
                       queryOption("SELECT c.name, c.city, o.total FROM orders o JOIN customers c "
                                   "ON c.id = o.customer ORDER BY o.id;  -- newest last\n"),
                       {});
        QCOMPARE(namesOf(loaded.table), (QStringList{"name", "city", "total"}));
        QCOMPARE(valuesOf(loaded.table.column(0)), (QStringList{"Ann", "Ann", "Cy", "Bo"}));
        QCOMPARE(valuesOf(loaded.table.column(2)), (QStringList{"50.5", "150", "200.25", "<NA>"}));
    }

    void renamesRepeatedQueryColumns() {
        QVERIFY(execute(path_, kShop));
        const LoadedTable loaded = readSqlite(
            path_.toStdString(),
            queryOption("SELECT o.id, c.id FROM orders o JOIN customers c ON c.id = o.customer"),
            {});
        QCOMPARE(namesOf(loaded.table), (QStringList{"id", "id_2"}));
        QCOMPARE(loaded.warnings.size(), std::size_t(1));
    }

    void quotesNames() {
        QVERIFY(execute(path_,
                        "CREATE TABLE \"order\" (\"select\" INTEGER, \"my col\" TEXT);"
                        "INSERT INTO \"order\" VALUES (1, 'a');"
                        "CREATE TABLE \"my table\" (x);"
                        "INSERT INTO \"my table\" VALUES (10), (20);"
                        "CREATE TABLE \"we\"\"ird\" (y);"
                        "INSERT INTO \"we\"\"ird\" VALUES ('q');"));
        const Table order = readSqlite(path_.toStdString(), tableOption("order"), {}).table;
        QCOMPARE(namesOf(order), (QStringList{"select", "my col"}));
        QCOMPARE(valuesOf(order.column(1)), QStringList{"a"});
        const Table spaced = readSqlite(path_.toStdString(), tableOption("my table"), {}).table;
        QCOMPARE(valuesOf(spaced.column(0)), (QStringList{"10", "20"}));
        const Table weird = readSqlite(path_.toStdString(), tableOption("we\"ird"), {}).table;
        QCOMPARE(valuesOf(weird.column(0)), QStringList{"q"});
    }

    void choosesTheOnlyTable() {
        QVERIFY(
            execute(path_, "CREATE TABLE only_one (v INTEGER); INSERT INTO only_one VALUES (3);"));
        const LoadedTable loaded = readTable(path_.toStdString(), {});
        QCOMPARE(loaded.format, std::string("sqlite"));
        QCOMPARE(valuesOf(loaded.table.column(0)), QStringList{"3"});
    }

    void rejectsBadChoices_data() {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("message");
        QTest::newRow("no table chosen")
            << QString() << QString() << QString("--table")
            << QString(
                   "--table: the database has 3 tables: big_orders, customers, orders; "
                   "choose one");
        QTest::newRow("unknown table")
            << QString("clients") << QString() << QString("--table")
            << QString("--table: no table named clients; tables: big_orders, customers, orders");
        QTest::newRow("internal table")
            << QString("sqlite_sequence") << QString() << QString("--table")
            << QString("no table named sqlite_sequence");
        QTest::newRow("table and query") << QString("orders") << QString("SELECT 1")
                                         << QString("--query") << QString("not both");
        QTest::newRow("delete") << QString() << QString("DELETE FROM orders") << QString("--query")
                                << QString("read-only statement");
        QTest::newRow("insert") << QString() << QString("INSERT INTO orders (total) VALUES (1)")
                                << QString("--query") << QString("read-only statement");
        QTest::newRow("create") << QString() << QString("CREATE TABLE x (a)") << QString("--query")
                                << QString("read-only statement");
        QTest::newRow("drop after select")
            << QString() << QString("SELECT 1; DROP TABLE orders") << QString("--query")
            << QString("only one SQL statement");
        QTest::newRow("syntax error") << QString() << QString("SELEC * FROM orders")
                                      << QString("--query") << QString("syntax error");
        QTest::newRow("unknown column") << QString() << QString("SELECT nope FROM orders")
                                        << QString("--query") << QString("no such column: nope");
        QTest::newRow("empty query") << QString() << QString("  -- nothing\n") << QString("--query")
                                     << QString("the query is empty");
        QTest::newRow("no columns")
            << QString() << QString("BEGIN") << QString("--query") << QString("returns no columns");
    }
    void rejectsBadChoices() {
        QFETCH(QString, table);
        QFETCH(QString, query);
        QFETCH(QString, parameter);
        QFETCH(QString, message);
        QVERIFY(execute(path_, kShop));
        const QByteArray before = fileBytes(path_);
        ReadOptions options;
        options.table = table.toStdString();
        options.query = query.toStdString();
        std::string thrownParameter;
        const QString error = invalidArgumentOf(
            [&] { readSqlite(path_.toStdString(), options, {}); }, thrownParameter);
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(QString::fromStdString(thrownParameter), parameter);
        QCOMPARE(fileBytes(path_), before);
        QCOMPARE(readSqlite(path_.toStdString(), tableOption("orders"), {}).table.rowCount(),
                 std::size_t(4));
    }

    void neverChangesTheFile() {
        QVERIFY(execute(path_, kShop));
        const QByteArray before = fileBytes(path_);
        const QFileInfo info(path_);
        const QDateTime modified = info.lastModified();
        listSqliteTables(path_.toStdString());
        readSqlite(path_.toStdString(), tableOption("orders"), {});
        readSqlite(path_.toStdString(), tableOption("big_orders"), {});
        readSqlite(path_.toStdString(), queryOption("SELECT count(*) FROM customers"), {});
        std::string parameter;
        invalidArgumentOf(
            [&] {
                readSqlite(path_.toStdString(), queryOption("UPDATE orders SET total = 0"), {});
            },
            parameter);
        QCOMPARE(fileBytes(path_), before);
        QCOMPARE(QFileInfo(path_).lastModified(), modified);
        QVERIFY(!QFile::exists(path_ + "-journal"));
    }

    void rejectsFilesThatAreNotDatabases_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("text file") << QByteArray("a,b\n1,2\n" + QByteArray(200, 'x'))
                                   << QString("not a readable SQLite database");
        QTest::newRow("header only") << QByteArray("SQLite format 3", 16) + QByteArray(84, '\xFF')
                                     << QString("not a readable SQLite database");
    }
    void rejectsFilesThatAreNotDatabases() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QFile file(path_);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        try {
            readSqlite(path_.toStdString(), {}, {});
            QFAIL("no error");
        } catch (const IoError& error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
            QCOMPARE(error.file(), path_.toStdString());
        }
        QVERIFY_THROWS_EXCEPTION(IoError, listSqliteTables(path_.toStdString()));
        QCOMPARE(fileBytes(path_), bytes);
    }

    void rejectsDamagedDatabases_data() {
        QTest::addColumn<int>("keptBytes");    // the file cut to this size; 0 = not cut
        QTest::addColumn<int>("damagedPage");  // 1-based page overwritten with 0xFF; 0 = none
        QTest::newRow("cut after two pages") << 8192 << 0;
        QTest::newRow("cut in half") << -2 << 0;
        QTest::newRow("overwritten data page") << 0 << 3;
    }
    void rejectsDamagedDatabases() {
        QFETCH(int, keptBytes);
        QFETCH(int, damagedPage);
        std::string sql =
            "PRAGMA page_size = 4096; CREATE TABLE t (a INTEGER, b TEXT);"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            "WHERE i < 3000) INSERT INTO t SELECT i, printf('%050d', i) FROM n;";
        QVERIFY(execute(path_, sql));
        QByteArray bytes = fileBytes(path_);
        QVERIFY(bytes.size() > 100000);
        if (keptBytes == -2) bytes.truncate(bytes.size() / 2);
        if (keptBytes > 0) bytes.truncate(keptBytes);
        if (damagedPage > 0) bytes.replace((damagedPage - 1) * 4096, 512, QByteArray(512, '\xFF'));
        QFile file(path_);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        try {
            readSqlite(path_.toStdString(), tableOption("t"), {});
            QFAIL("no error");
        } catch (const IoError& error) {
            QVERIFY2(QString::fromStdString(error.what()).contains("malformed"), error.what());
        }
        QCOMPARE(fileBytes(path_), bytes);
    }

    void missingFileIsAnIoError() {
        QVERIFY_THROWS_EXCEPTION(IoError,
                                 readSqlite(dir_.filePath("absent.db").toStdString(), {}, {}));
        QVERIFY(!QFile::exists(dir_.filePath("absent.db")));
    }

    void emptyDatabaseHasNoTables() {
        QFile file(path_);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(listSqliteTables(path_.toStdString()).empty());
        try {
            readSqlite(path_.toStdString(), {}, {});
            QFAIL("no error");
        } catch (const IoError& error) {
            QVERIFY(std::string(error.what()).find("no tables") != std::string::npos);
        }
    }

    void reportsProgressAndCancels() {
        QVERIFY(execute(
            path_,
            "CREATE TABLE big (a INTEGER, b REAL, c TEXT);"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)"
            " INSERT INTO big SELECT i, i / 2.0, 'v' || (i % 7) FROM n;"));
        std::vector<double> fractions;
        const TaskContext watched([&](double f, std::string_view) { fractions.push_back(f); },
                                  nullptr);
        const LoadedTable loaded = readSqlite(path_.toStdString(), {}, watched);
        QCOMPARE(loaded.table.rowCount(), std::size_t(50000));
        QCOMPARE(typeName(loaded.table.column(2)), QString("categorical"));
        QVERIFY(fractions.size() >= 5);  // open, every 16K rows, columns, end
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        CancelToken token;
        const TaskContext cancelling(
            [&](double f, std::string_view) {
                if (f > 0) token.cancel();
            },
            &token);
        QVERIFY_THROWS_EXCEPTION(Cancelled, readSqlite(path_.toStdString(), {}, cancelling));
    }

    void cancelStopsALongQuery() {
        QVERIFY(execute(path_, "CREATE TABLE one (x); INSERT INTO one VALUES (1);"));
        CancelToken token;
        // Cancelled at the first progress report, before the query runs; only SQLite's progress
        // handler can then stop it.
        const TaskContext cancelling([&](double, std::string_view) { token.cancel(); }, &token);
        // A query that runs for many seconds before its first row.
        const std::string slow =
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000)"
            " SELECT count(*) FROM n";
        QElapsedTimer timer;
        timer.start();
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 readSqlite(path_.toStdString(), queryOption(slow), cancelling));
        QVERIFY(timer.elapsed() < 5000);
    }

  private:
    QTemporaryDir dir_;
    QString path_;
    int counter_ = 0;
};

QTEST_APPLESS_MAIN(SqliteReaderTest)
#include "test_sqlite_reader.moc"
