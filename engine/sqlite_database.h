#pragma once

#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace glassbox {

struct SqliteStatementDeleter {
    void operator()(sqlite3_stmt* statement) const;
};
// A compiled statement, finalized when it goes out of scope.
using SqliteStatement = std::unique_ptr<sqlite3_stmt, SqliteStatementDeleter>;

// An SQLite database file opened read-only (SQLITE_OPEN_READONLY and PRAGMA query_only), so
// nothing done through it can change the file. Closed when it goes out of scope.
class SqliteDatabase {
  public:
    // Throws IoError naming path when the file cannot be opened or is not an SQLite database.
    explicit SqliteDatabase(const std::string& path);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    // Compiles the first statement of sql. Returns null when sql has an error (see
    // errorMessage) or holds no statement (errorCode() is then 0). tail receives the rest.
    SqliteStatement prepare(std::string_view sql, std::string_view* tail = nullptr) const;
    // The result code and message of the last failed call on this connection.
    int errorCode() const;
    std::string errorMessage() const;
    // Whether the last error means the file is damaged or not a database (not a bad query).
    bool lastErrorIsFileDamage() const;

  private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

// name in double quotes, inner quotes doubled: a safe SQL identifier.
std::string quoteSqlIdentifier(std::string_view name);

}  // namespace glassbox
