#pragma once

#include <cstdint>
#include <string_view>

namespace glassbox {

class SqliteConnection;

// PRAGMA application_id of a Glassbox model history: "GBXH" read as a big-endian 32-bit
// number (0x47425848), so hex dumps show it at offset 68 of the file.
inline constexpr std::int32_t kRegistryApplicationId = 0x47425848;
// PRAGMA user_version: the schema version this build writes. Version 1 lacked tags,
// evaluations, the metric table (sorting and filtering by metric) and the origin of imports.
inline constexpr int kRegistrySchemaVersion = 2;

// The tables of schema version `version` (1 or 2) as created in a new file.
std::string_view registrySchemaSql(int version);

// Brings the database's schema to kRegistrySchemaVersion: creates it in an empty database,
// or migrates an older one step by step, each step one transaction (another process may do
// the same at once: each step re-reads the version inside its transaction). Throws IoError for
// a database that is not a Glassbox history or is newer than this build.
void prepareRegistrySchema(const SqliteConnection& db);

}  // namespace glassbox
