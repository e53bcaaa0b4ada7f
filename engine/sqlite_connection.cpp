#include "engine/sqlite_connection.h"

#include <chrono>
#include <cmath>
#include <thread>

#include <sqlite3.h>

#include "engine/errors.h"

namespace glassbox {
namespace {

bool isBusy(int code) {
    return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
}

// Calls attempt() until it returns something other than busy, for up to timeoutMs more
// (SQLite's own busy handler has usually waited already; some busy cases in WAL mode, such
// as another connection recovering the log, return at once).
int retryWhileBusy(int timeoutMs, const auto& attempt) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    int code = attempt();
    while (isBusy(code) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        code = attempt();
    }
    return code;
}

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path, Mode mode, int busyTimeoutMs)
    : path_(path), busyTimeoutMs_(busyTimeoutMs) {
    int flags = SQLITE_OPEN_NOMUTEX;
    if (mode == Mode::ReadOnly)
        flags |= SQLITE_OPEN_READONLY;
    else
        flags |= SQLITE_OPEN_READWRITE;
    if (mode == Mode::ReadWriteCreate) flags |= SQLITE_OPEN_CREATE;
    const int opened = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (opened != SQLITE_OK) {
        const std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(opened);
        sqlite3_close(db_);
        db_ = nullptr;
        throw IoError(path, "cannot open the database: " + reason);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busyTimeoutMs);
}

SqliteConnection::~SqliteConnection() {
    sqlite3_close(db_);
}

void SqliteConnection::fail(const std::string& what) const {
    throw IoError(path_, what + " (" + sqlite3_errmsg(db_) + ")");
}

SqliteStatement SqliteConnection::prepare(std::string_view sql) const {
    sqlite3_stmt* statement = nullptr;
    const int result =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (result != SQLITE_OK) {
        sqlite3_finalize(statement);
        fail("database error");
    }
    return SqliteStatement(statement);
}

void SqliteConnection::exec(std::string_view sql) const {
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
        fail("database error");
}

void SqliteConnection::execRetrying(std::string_view sql) const {
    const std::string text(sql);
    const int code = retryWhileBusy(
        busyTimeoutMs_, [&] { return sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr); });
    if (code != SQLITE_OK) fail("database error");
}

std::int64_t SqliteConnection::queryInteger(std::string_view sql) const {
    SqliteQuery query(*this, sql);
    return query.step() ? query.integer(0) : 0;
}

std::string SqliteConnection::queryText(std::string_view sql) const {
    SqliteQuery query(*this, sql);
    return query.step() ? query.text(0) : std::string();
}

SqliteQuery::SqliteQuery(const SqliteConnection& connection, std::string_view sql)
    : connection_(connection), statement_(connection.prepare(sql)) {}

SqliteQuery& SqliteQuery::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(statement_.get(), index, value) != SQLITE_OK)
        connection_.fail("database error");
    return *this;
}

SqliteQuery& SqliteQuery::bind(int index, std::string_view text) {
    if (sqlite3_bind_text64(statement_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK)
        connection_.fail("database error");
    return *this;
}

SqliteQuery& SqliteQuery::bind(int index, double value) {
    if (std::isnan(value)) return bindNull(index);
    if (sqlite3_bind_double(statement_.get(), index, value) != SQLITE_OK)
        connection_.fail("database error");
    return *this;
}

SqliteQuery& SqliteQuery::bindNull(int index) {
    if (sqlite3_bind_null(statement_.get(), index) != SQLITE_OK) connection_.fail("database error");
    return *this;
}

SqliteQuery& SqliteQuery::bind(int index, std::optional<std::int64_t> value) {
    return value ? bind(index, *value) : bindNull(index);
}

SqliteQuery& SqliteQuery::bindBlob(int index, std::span<const std::uint8_t> bytes) {
    static const std::uint8_t empty = 0;
    if (sqlite3_bind_blob64(statement_.get(), index, bytes.empty() ? &empty : bytes.data(),
                            bytes.size(), SQLITE_STATIC) != SQLITE_OK)
        connection_.fail("database error");
    return *this;
}

bool SqliteQuery::step() {
    const int code = sqlite3_step(statement_.get());
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    connection_.fail("database error");
}

int SqliteQuery::parameter(const char* name) const {
    return sqlite3_bind_parameter_index(statement_.get(), name);
}

void SqliteQuery::run() {
    if (step()) connection_.fail("a statement returned rows unexpectedly");
}

void SqliteQuery::reset() {
    sqlite3_reset(statement_.get());
    sqlite3_clear_bindings(statement_.get());
}

bool SqliteQuery::isNull(int column) const {
    return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

std::int64_t SqliteQuery::integer(int column) const {
    return sqlite3_column_int64(statement_.get(), column);
}

double SqliteQuery::real(int column) const {
    return sqlite3_column_double(statement_.get(), column);
}

std::string SqliteQuery::text(int column) const {
    const auto* p = sqlite3_column_text(statement_.get(), column);
    const int n = sqlite3_column_bytes(statement_.get(), column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string();
}

std::span<const std::uint8_t> SqliteQuery::blob(int column) const {
    const void* p = sqlite3_column_blob(statement_.get(), column);
    const int n = sqlite3_column_bytes(statement_.get(), column);
    return p ? std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(p),
                                             static_cast<std::size_t>(n))
             : std::span<const std::uint8_t>();
}

SqliteWriteTransaction::SqliteWriteTransaction(const SqliteConnection& connection)
    : connection_(connection) {
    connection_.execRetrying("BEGIN IMMEDIATE");
}

SqliteWriteTransaction::~SqliteWriteTransaction() {
    if (open_) sqlite3_exec(connection_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteWriteTransaction::commit() {
    // COMMIT can be busy in WAL mode only in rare cases; retrying it is safe.
    connection_.execRetrying("COMMIT");
    open_ = false;
}

SqliteReadTransaction::SqliteReadTransaction(const SqliteConnection& connection)
    : connection_(connection) {
    connection_.execRetrying("BEGIN");
}

SqliteReadTransaction::~SqliteReadTransaction() {
    sqlite3_exec(connection_.handle(), "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace glassbox
