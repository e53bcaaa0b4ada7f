#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/sqlite_database.h"

namespace glassbox {

// A read-write (or read-only) SQLite connection for databases Glassbox owns (the model
// history): statements that throw IoError naming the file on failure, and a busy timeout so
// several processes can write the same file. SqliteDatabase is the read-only reader of users'
// data files; this is its writing sibling.
class SqliteConnection {
  public:
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };

    // Throws IoError naming path when the file cannot be opened.
    SqliteConnection(const std::string& path, Mode mode, int busyTimeoutMs);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }

    // Compiles one statement; throws IoError on errors.
    SqliteStatement prepare(std::string_view sql) const;
    // Runs every statement of sql; throws IoError on errors.
    void exec(std::string_view sql) const;
    // Runs exec, retrying while the database is busy (locked by another process) for up to
    // the busy timeout again: for statements that take locks outside a transaction.
    void execRetrying(std::string_view sql) const;
    // The first column of the first row of sql as an integer (0 without rows).
    std::int64_t queryInteger(std::string_view sql) const;
    std::string queryText(std::string_view sql) const;

    // Throws IoError("path: what (sqlite message)").
    [[noreturn]] void fail(const std::string& what) const;
    int busyTimeoutMs() const { return busyTimeoutMs_; }

  private:
    std::string path_;
    sqlite3* db_ = nullptr;
    int busyTimeoutMs_;
};

// One statement run step by step, with bind and column helpers. Throws IoError on failure.
class SqliteQuery {
  public:
    SqliteQuery(const SqliteConnection& connection, std::string_view sql);

    SqliteQuery& bind(int index, std::int64_t value);
    SqliteQuery& bind(int index, std::string_view text);
    SqliteQuery& bind(int index, double value);  // NaN is stored as NULL
    SqliteQuery& bindNull(int index);
    SqliteQuery& bind(int index, std::optional<std::int64_t> value);
    // The bytes must stay alive until the statement is stepped (no copy is made).
    SqliteQuery& bindBlob(int index, std::span<const std::uint8_t> bytes);

    // Advances to the next row; false when done.
    bool step();
    // The index of a named parameter (":name") for bind.
    int parameter(const char* name) const;
    // step(), requiring that the statement returns no row (INSERT, UPDATE, DELETE).
    void run();
    void reset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::span<const std::uint8_t> blob(int column) const;

  private:
    const SqliteConnection& connection_;
    SqliteStatement statement_;
};

// BEGIN IMMEDIATE ... COMMIT: the write lock is taken at the start, so a transaction never
// fails half-way because another process wrote meanwhile. BEGIN is retried while the database
// is busy. Rolled back when destroyed without commit().
class SqliteWriteTransaction {
  public:
    explicit SqliteWriteTransaction(const SqliteConnection& connection);
    ~SqliteWriteTransaction();
    SqliteWriteTransaction(const SqliteWriteTransaction&) = delete;
    SqliteWriteTransaction& operator=(const SqliteWriteTransaction&) = delete;
    void commit();

  private:
    const SqliteConnection& connection_;
    bool open_ = true;
};

// BEGIN ... COMMIT around several reads, so they see one snapshot of the database.
class SqliteReadTransaction {
  public:
    explicit SqliteReadTransaction(const SqliteConnection& connection);
    ~SqliteReadTransaction();
    SqliteReadTransaction(const SqliteReadTransaction&) = delete;
    SqliteReadTransaction& operator=(const SqliteReadTransaction&) = delete;

  private:
    const SqliteConnection& connection_;
};

}  // namespace glassbox
