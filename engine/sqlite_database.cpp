#include "engine/sqlite_database.h"

#include <sqlite3.h>

#include "engine/errors.h"

namespace glassbox {

void SqliteStatementDeleter::operator()(sqlite3_stmt* statement) const {
    sqlite3_finalize(statement);
}

SqliteDatabase::SqliteDatabase(const std::string& path) : path_(path) {
    const int opened = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
    if (opened != SQLITE_OK) {
        const std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(opened);
        sqlite3_close(db_);
        db_ = nullptr;
        throw IoError(path, "cannot open the SQLite database: " + reason);
    }
    sqlite3_extended_result_codes(db_, 0);
    // SQLite reads the file lazily: reading the schema is what tells whether it is a database.
    const int checked =
        sqlite3_exec(db_, "PRAGMA query_only = ON; SELECT count(*) FROM sqlite_master;", nullptr,
                     nullptr, nullptr);
    if (checked != SQLITE_OK) {
        const std::string reason = sqlite3_errmsg(db_);
        sqlite3_close(db_);
        db_ = nullptr;
        throw IoError(path, "not a readable SQLite database (" + reason + ")");
    }
}

SqliteDatabase::~SqliteDatabase() {
    sqlite3_close(db_);
}

SqliteStatement SqliteDatabase::prepare(std::string_view sql, std::string_view* tail) const {
    sqlite3_stmt* statement = nullptr;
    const char* rest = nullptr;
    const int result =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, &rest);
    if (tail)
        *tail =
            rest ? sql.substr(static_cast<std::size_t>(rest - sql.data())) : sql.substr(sql.size());
    if (result != SQLITE_OK) {
        sqlite3_finalize(statement);
        return nullptr;
    }
    return SqliteStatement(statement);
}

int SqliteDatabase::errorCode() const {
    return sqlite3_errcode(db_);
}

std::string SqliteDatabase::errorMessage() const {
    return sqlite3_errmsg(db_);
}

bool SqliteDatabase::lastErrorIsFileDamage() const {
    const int code = sqlite3_errcode(db_);
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB || code == SQLITE_IOERR ||
           code == SQLITE_CANTOPEN;
}

std::string quoteSqlIdentifier(std::string_view name) {
    std::string quoted = "\"";
    for (const char c : name) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace glassbox
