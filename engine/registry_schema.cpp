#include "engine/registry_schema.h"

#include <string>

#include "engine/errors.h"
#include "engine/sqlite_connection.h"
#include "engine/version_json.h"

namespace glassbox {
namespace {

// Version 1: versions and their model bytes.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    learner TEXT NOT NULL,
    params TEXT NOT NULL,
    task TEXT NOT NULL CHECK (task IN ('classification', 'regression')),
    target TEXT NOT NULL,
    classes TEXT NOT NULL,
    features TEXT NOT NULL,
    metrics TEXT NOT NULL,
    validation TEXT NOT NULL,
    dataset_file TEXT NOT NULL,
    dataset_rows INTEGER NOT NULL,
    dataset_columns INTEGER NOT NULL,
    dataset_sha256 TEXT NOT NULL,
    preparation TEXT NOT NULL DEFAULT '[]',
    seed TEXT NOT NULL,
    glassbox_version TEXT NOT NULL,
    parent INTEGER REFERENCES versions(id) ON DELETE SET NULL,
    stage TEXT NOT NULL DEFAULT 'none'
        CHECK (stage IN ('none', 'staging', 'production', 'archived')),
    notes TEXT NOT NULL DEFAULT '',
    model_bytes INTEGER NOT NULL,
    model_sha256 TEXT NOT NULL
);
CREATE TABLE model_chunks (
    version INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (version, seq)
);
CREATE INDEX versions_by_target ON versions(target, dataset_sha256);
CREATE INDEX versions_by_parent ON versions(parent);
)sql";

// What version 2 adds to version 1 (the migration runs exactly this, then fills
// version_metrics from versions.metrics).
constexpr std::string_view kV1ToV2 = R"sql(
ALTER TABLE versions ADD COLUMN origin TEXT NOT NULL DEFAULT '';
CREATE TABLE version_metrics (
    version INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value REAL,
    PRIMARY KEY (version, name)
);
CREATE INDEX version_metrics_by_name ON version_metrics(name, value);
CREATE TABLE tags (
    version INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (version, tag)
);
CREATE INDEX tags_by_tag ON tags(tag);
CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version INTEGER NOT NULL REFERENCES versions(id) ON DELETE CASCADE,
    created TEXT NOT NULL,
    dataset_file TEXT NOT NULL,
    dataset_rows INTEGER NOT NULL,
    dataset_columns INTEGER NOT NULL,
    dataset_sha256 TEXT NOT NULL,
    metrics TEXT NOT NULL
);
CREATE INDEX evaluations_by_version ON evaluations(version);
)sql";

const std::string& schemaV2() {
    static const std::string sql = std::string(kSchemaV1) + std::string(kV1ToV2);
    return sql;
}

void setVersionPragmas(const SqliteConnection& db, int version) {
    db.exec("PRAGMA application_id = " + std::to_string(kRegistryApplicationId) +
            "; PRAGMA user_version = " + std::to_string(version) + ";");
}

void migrateV1ToV2(const SqliteConnection& db) {
    db.exec(kV1ToV2);
    SqliteQuery read(db, "SELECT id, metrics FROM versions");
    SqliteQuery insert(db, "INSERT INTO version_metrics(version, name, value) VALUES (?, ?, ?)");
    while (read.step()) {
        const std::int64_t id = read.integer(0);
        for (const auto& [name, value] : numericMetrics(read.text(1), db.path())) {
            insert.bind(1, id).bind(2, name);
            if (value)
                insert.bind(3, *value);
            else
                insert.bindNull(3);
            insert.run();
            insert.reset();
        }
    }
}

}  // namespace

std::string_view registrySchemaSql(int version) {
    if (version == 1) return kSchemaV1;
    if (version == 2) return schemaV2();
    throw InvalidArgument("version", "no registry schema version " + std::to_string(version));
}

void prepareRegistrySchema(const SqliteConnection& db) {
    for (;;) {
        SqliteWriteTransaction transaction(db);
        const auto applicationId = db.queryInteger("PRAGMA application_id");
        const auto version = db.queryInteger("PRAGMA user_version");
        if (applicationId == 0 && version == 0) {
            if (db.queryInteger("SELECT count(*) FROM sqlite_master") != 0)
                throw IoError(db.path(),
                              "not a Glassbox model history (an SQLite database of another "
                              "application); it was left unchanged");
            db.exec(schemaV2());
            setVersionPragmas(db, kRegistrySchemaVersion);
            transaction.commit();
            return;
        }
        if (applicationId != kRegistryApplicationId)
            throw IoError(db.path(),
                          "not a Glassbox model history (an SQLite database of another "
                          "application); it was left unchanged");
        if (version > kRegistrySchemaVersion || version < 1)
            throw IoError(db.path(), "model history schema version " + std::to_string(version) +
                                         " is not one this Glassbox reads (1 to " +
                                         std::to_string(kRegistrySchemaVersion) + ")");
        if (version == kRegistrySchemaVersion) {
            transaction.commit();
            return;
        }
        if (version == 1) migrateV1ToV2(db);
        setVersionPragmas(db, static_cast<int>(version) + 1);
        transaction.commit();
    }
}

}  // namespace glassbox
