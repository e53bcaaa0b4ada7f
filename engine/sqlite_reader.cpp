#include "engine/sqlite_reader.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>

#include "engine/column_builder.h"
#include "engine/errors.h"
#include "engine/sqlite_column.h"
#include "engine/sqlite_database.h"

namespace glassbox {
namespace {

constexpr std::size_t kRowsPerProgress = 16 * 1024;
// SQLite virtual-machine steps between two looks at the cancel token (a few milliseconds).
constexpr int kInstructionsPerCancelCheck = 100000;

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

bool equalsIgnoreAsciiCase(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

std::vector<std::string> tableNames(const SqliteDatabase& db) {
    SqliteStatement statement = db.prepare(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    if (!statement)
        throw IoError(db.path(), "cannot read the list of tables: " + db.errorMessage());
    std::vector<std::string> names;
    for (;;) {
        const int result = sqlite3_step(statement.get());
        if (result == SQLITE_DONE) break;
        if (result != SQLITE_ROW)
            throw IoError(db.path(), "cannot read the list of tables: " + db.errorMessage());
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), 0));
        names.emplace_back(text ? text : "");
    }
    std::sort(names.begin(), names.end());
    return names;
}

// The stored name of the table or view to import (SQLite matches names without ASCII case).
std::string chooseTable(const SqliteDatabase& db, const ReadOptions& options) {
    const std::vector<std::string> names = tableNames(db);
    if (options.table.empty()) {
        if (names.size() == 1) return names.front();
        if (names.empty()) throw IoError(db.path(), "the database has no tables");
        throw InvalidArgument("--table", "the database has " + std::to_string(names.size()) +
                                             " tables: " + joined(names) + "; choose one");
    }
    if (std::find(names.begin(), names.end(), options.table) != names.end()) return options.table;
    for (const std::string& name : names)
        if (equalsIgnoreAsciiCase(name, options.table)) return name;
    throw InvalidArgument("--table", "no table named " + options.table + "; " +
                                         (names.empty() ? std::string("the database has no tables")
                                                        : "tables: " + joined(names)));
}

// Rows of a table, for progress; nullopt for a view (counting would run it twice).
std::optional<std::size_t> tableRowCount(const SqliteDatabase& db, const std::string& table) {
    SqliteStatement type =
        db.prepare("SELECT type FROM sqlite_master WHERE name = ?1 AND type = 'table'");
    if (!type) return std::nullopt;
    sqlite3_bind_text(type.get(), 1, table.c_str(), static_cast<int>(table.size()),
                      SQLITE_TRANSIENT);
    if (sqlite3_step(type.get()) != SQLITE_ROW) return std::nullopt;
    SqliteStatement count = db.prepare("SELECT count(*) FROM " + quoteSqlIdentifier(table));
    if (!count || sqlite3_step(count.get()) != SQLITE_ROW) return std::nullopt;
    return static_cast<std::size_t>(sqlite3_column_int64(count.get(), 0));
}

// Compiles options.query, which must be one read-only statement that returns columns.
SqliteStatement prepareQuery(const SqliteDatabase& db, const std::string& query) {
    std::string_view tail;
    SqliteStatement statement = db.prepare(query, &tail);
    if (!statement) {
        if (db.errorCode() == SQLITE_OK) throw InvalidArgument("--query", "the query is empty");
        if (db.lastErrorIsFileDamage()) throw IoError(db.path(), db.errorMessage());
        throw InvalidArgument("--query", db.errorMessage());
    }
    if (!sqlite3_stmt_readonly(statement.get()))
        throw InvalidArgument("--query",
                              "only a read-only statement (SELECT) is allowed; the database is "
                              "opened read-only");
    if (sqlite3_column_count(statement.get()) == 0)
        throw InvalidArgument("--query", "the statement returns no columns; use a SELECT");
    std::string_view rest;
    if (db.prepare(tail, &rest) || db.errorCode() != SQLITE_OK)
        throw InvalidArgument("--query", "only one SQL statement is allowed");
    return statement;
}

// SQLite's progress callback: non-zero interrupts the running statement (SQLITE_INTERRUPT).
int cancelRequested(void* token) {
    return static_cast<const CancelToken*>(token)->isCancelled() ? 1 : 0;
}

}  // namespace

std::vector<std::string> listSqliteTables(const std::string& path) {
    const SqliteDatabase db(path);
    return tableNames(db);
}

LoadedTable readSqlite(const std::string& path, const ReadOptions& options,
                       const TaskContext& task) {
    task.report(0.0, "opening the database");
    if (!options.table.empty() && !options.query.empty())
        throw InvalidArgument("--query", "give either --table or --query, not both");
    const SqliteDatabase db(path);
    // Lets a long query (a big JOIN or sort before its first row) stop on cancel.
    if (const CancelToken* token = task.cancelToken())
        sqlite3_progress_handler(db.handle(), kInstructionsPerCancelCheck, cancelRequested,
                                 const_cast<CancelToken*>(token));  // only read by the callback

    const bool fromQuery = !options.query.empty();
    std::optional<std::size_t> expectedRows;
    std::string stage = "reading the query result";
    SqliteStatement statement;
    if (fromQuery) {
        statement = prepareQuery(db, options.query);
    } else {
        const std::string table = chooseTable(db, options);
        expectedRows = tableRowCount(db, table);
        stage = "reading table " + table;
        statement = db.prepare("SELECT * FROM " + quoteSqlIdentifier(table));
        if (!statement) {
            task.checkCancelled();
            throw IoError(path, "cannot read table " + table + ": " + db.errorMessage());
        }
    }

    sqlite3_stmt* rows = statement.get();
    const int columnCount = sqlite3_column_count(rows);
    LoadedTable loaded;
    loaded.format = "sqlite";
    loaded.encoding = "UTF-8";
    std::vector<std::string> names;
    for (int c = 0; c < columnCount; ++c) {
        const char* name = sqlite3_column_name(rows, c);
        names.emplace_back(name ? name : "");
    }
    names = makeUniqueColumnNames(std::move(names), loaded.warnings);
    std::vector<SqliteColumnBuilder> builders;
    for (int c = 0; c < columnCount; ++c) {
        const char* declared = sqlite3_column_decltype(rows, c);
        builders.emplace_back(names[static_cast<std::size_t>(c)], declared ? declared : "");
    }

    std::size_t rowCount = 0;
    for (;;) {
        const int result = sqlite3_step(rows);
        if (result == SQLITE_DONE) break;
        if (result != SQLITE_ROW) {
            task.checkCancelled();  // SQLITE_INTERRUPT from the progress handler
            if (fromQuery && !db.lastErrorIsFileDamage())
                throw InvalidArgument("--query", db.errorMessage());
            throw IoError(path, "cannot read the database: " + db.errorMessage());
        }
        for (int c = 0; c < columnCount; ++c) {
            SqliteColumnBuilder& builder = builders[static_cast<std::size_t>(c)];
            switch (sqlite3_column_type(rows, c)) {
                case SQLITE_INTEGER:
                    builder.appendInteger(sqlite3_column_int64(rows, c));
                    break;
                case SQLITE_FLOAT:
                    builder.appendReal(sqlite3_column_double(rows, c));
                    break;
                case SQLITE_TEXT: {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(rows, c));
                    const int bytes = sqlite3_column_bytes(rows, c);
                    builder.appendText(
                        std::string_view(text ? text : "", static_cast<std::size_t>(bytes)));
                    break;
                }
                case SQLITE_BLOB:
                    builder.appendBlob();
                    break;
                default:
                    builder.appendNull();
                    break;
            }
        }
        if (++rowCount % kRowsPerProgress == 0) {
            const double fraction =
                expectedRows && *expectedRows > 0
                    ? static_cast<double>(rowCount) / static_cast<double>(*expectedRows)
                    : 0.0;
            task.report(std::min(fraction, 1.0) * 0.9, stage);
        }
    }

    task.report(0.9, "building columns");
    std::vector<Column> columns;
    for (SqliteColumnBuilder& builder : builders)
        columns.push_back(builder.finish(loaded.warnings));
    loaded.table = Table(std::move(columns));
    task.report(1.0, "building columns");
    return loaded;
}

}  // namespace glassbox
