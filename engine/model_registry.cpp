#include "engine/model_registry.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <set>

#include "engine/errors.h"
#include "engine/registry_schema.h"
#include "engine/sha256.h"
#include "engine/sqlite_connection.h"
#include "engine/version_export.h"
#include "engine/version_json.h"

namespace glassbox {
namespace {

// Long enough for the GUI and the CLI to take turns writing, even with large models.
constexpr int kBusyTimeoutMs = 10000;

constexpr const char* kVersionColumns =
    "v.id, v.name, v.created, v.learner, v.params, v.task, v.target, v.classes, v.features, "
    "v.metrics, v.validation, v.dataset_file, v.dataset_rows, v.dataset_columns, "
    "v.dataset_sha256, v.preparation, v.seed, v.glassbox_version, v.parent, v.stage, v.notes, "
    "v.model_bytes, v.model_sha256, v.origin";

std::string nowUtc() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

[[noreturn]] void refuse(const std::string& path, const std::string& what) {
    throw IoError(path, what + "; the file was left unchanged");
}

// Reads an existing file through a read-only connection and refuses it, untouched, when it is
// not a Glassbox history, is newer than this build, or is damaged.
void checkExistingFile(const std::string& path) {
    const SqliteConnection db(path, SqliteConnection::Mode::ReadOnly, kBusyTimeoutMs);
    std::int64_t applicationId = 0, version = 0, tables = 0;
    try {
        db.exec("PRAGMA query_only = ON");
        applicationId = db.queryInteger("PRAGMA application_id");
        version = db.queryInteger("PRAGMA user_version");
        tables = db.queryInteger("SELECT count(*) FROM sqlite_master");
    } catch (const IoError&) {
        const std::string reason = sqlite3_errmsg(db.handle());
        if ((sqlite3_errcode(db.handle()) & 0xff) == SQLITE_NOTADB)
            refuse(path, "not a Glassbox model history (not an SQLite database)");
        refuse(path, "the model history is damaged or unreadable (" + reason + ")");
    }
    if (applicationId != kRegistryApplicationId) {
        if (applicationId == 0 && version == 0 && tables == 0) return;  // an empty database
        refuse(path, "not a Glassbox model history (an SQLite database of another application)");
    }
    if (version > kRegistrySchemaVersion)
        refuse(path, "written by a newer Glassbox (model history schema version " +
                         std::to_string(version) + "; this build reads up to " +
                         std::to_string(kRegistrySchemaVersion) + ")");
    if (version < 1) refuse(path, "the model history is damaged (schema version 0)");
    std::string problems;
    try {
        SqliteQuery check(db, "PRAGMA quick_check(5)");
        while (check.step()) {
            const std::string line = check.text(0);
            if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
        }
    } catch (const IoError&) {
        problems = sqlite3_errmsg(db.handle());
    }
    if (!problems.empty())
        refuse(path, "the model history is damaged (quick_check: " + problems + ")");
}

void configure(const SqliteConnection& db) {
    int enabled = 0;
    sqlite3_db_config(db.handle(), SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
    db.exec("PRAGMA trusted_schema = OFF; PRAGMA foreign_keys = ON;");
    db.execRetrying("PRAGMA journal_mode = WAL");
    if (db.queryText("PRAGMA journal_mode") != "wal")
        throw IoError(db.path(), "cannot use write-ahead logging (is the folder read-only?)");
    // NORMAL is durable against a killed process (the log is synced at checkpoints); the size
    // limit keeps the log from staying as large as the largest model ever written.
    db.exec("PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 67108864;");
}

[[noreturn]] void unknownVersion(const SqliteConnection& db, std::int64_t id) {
    throw InvalidArgument("version",
                          "no version " + std::to_string(id) + " in the history " + db.path());
}

bool exists(const SqliteConnection& db, std::int64_t id) {
    SqliteQuery query(db, "SELECT 1 FROM versions WHERE id = ?");
    query.bind(1, id);
    return query.step();
}

void requireVersion(const SqliteConnection& db, std::int64_t id) {
    if (!exists(db, id)) unknownVersion(db, id);
}

std::vector<MetricValue> storedMetrics(const SqliteConnection& db, const char* sql,
                                       std::int64_t id) {
    SqliteQuery query(db, sql);
    query.bind(1, id);
    std::vector<MetricValue> out;
    while (query.step())
        out.emplace_back(query.text(0),
                         query.isNull(1) ? std::nullopt : std::optional<double>(query.real(1)));
    return out;
}

// The version at the query's current row (kVersionColumns), with its metrics and tags.
ModelVersion versionAt(const SqliteConnection& db, const SqliteQuery& row) {
    ModelVersion v;
    v.id = row.integer(0);
    v.name = row.text(1);
    v.created = row.text(2);
    v.learner = row.text(3);
    v.params = parseStringMapJson(row.text(4), db.path());
    v.task = parseTaskName(row.text(5)).value_or(TaskKind::Classification);
    v.target = row.text(6);
    v.classes = parseStringListJson(row.text(7), db.path());
    v.featuresJson = row.text(8);
    v.metricsJson = row.text(9);
    v.validationJson = row.text(10);
    v.dataset = {row.text(11), static_cast<std::uint64_t>(row.integer(12)),
                 static_cast<std::uint64_t>(row.integer(13)), row.text(14)};
    v.preparationJson = row.text(15);
    v.seed = std::stoull(row.text(16));
    v.glassboxVersion = row.text(17);
    if (!row.isNull(18)) v.parent = row.integer(18);
    v.stage = parseStageName(row.text(19)).value_or(Stage::None);
    v.notes = row.text(20);
    v.modelBytes = static_cast<std::uint64_t>(row.integer(21));
    v.modelSha256 = row.text(22);
    v.originJson = row.text(23);
    v.metrics = storedMetrics(
        db, "SELECT name, value FROM version_metrics WHERE version = ? ORDER BY rowid", v.id);
    SqliteQuery tags(db, "SELECT tag FROM tags WHERE version = ? ORDER BY tag");
    tags.bind(1, v.id);
    while (tags.step()) v.tags.push_back(tags.text(0));
    return v;
}

ModelVersion fetchVersion(const SqliteConnection& db, std::int64_t id) {
    SqliteQuery query(db,
                      std::string("SELECT ") + kVersionColumns + " FROM versions v WHERE id = ?");
    query.bind(1, id);
    if (!query.step()) unknownVersion(db, id);
    return versionAt(db, query);
}

std::vector<Evaluation> fetchEvaluations(const SqliteConnection& db, std::int64_t id) {
    SqliteQuery query(db,
                      "SELECT id, created, dataset_file, dataset_rows, dataset_columns, "
                      "dataset_sha256, metrics FROM evaluations WHERE version = ? ORDER BY id");
    query.bind(1, id);
    std::vector<Evaluation> out;
    while (query.step()) {
        Evaluation e;
        e.id = query.integer(0);
        e.version = id;
        e.created = query.text(1);
        e.dataset = {query.text(2), static_cast<std::uint64_t>(query.integer(3)),
                     static_cast<std::uint64_t>(query.integer(4)), query.text(5)};
        e.metricsJson = query.text(6);
        e.metrics = numericMetrics(e.metricsJson, db.path());
        out.push_back(std::move(e));
    }
    return out;
}

// Calls consume(piece) for each stored chunk of the model of version id, in order.
void forEachChunk(const SqliteConnection& db, std::int64_t id, const auto& consume) {
    SqliteQuery chunks(db, "SELECT bytes FROM model_chunks WHERE version = ? ORDER BY seq");
    chunks.bind(1, id);
    while (chunks.step()) consume(chunks.blob(0));
}

// A SHA-256 or its first characters, lower-case hex.
std::string datasetPrefix(const std::string& text) {
    std::string prefix;
    for (const char c : text) {
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!((lower >= '0' && lower <= '9') || (lower >= 'a' && lower <= 'f')) || text.size() > 64)
            throw InvalidArgument("--dataset",
                                  "\"" + text + "\" is not a SHA-256 (hex) or its start");
        prefix += lower;
    }
    if (prefix.empty()) throw InvalidArgument("--dataset", "is empty");
    return prefix;
}

void insertEvaluation(const SqliteConnection& db, std::int64_t version, const std::string& created,
                      const DatasetFingerprint& d, const std::string& metricsJson) {
    SqliteQuery insert(db,
                       "INSERT INTO evaluations(version, created, dataset_file, dataset_rows, "
                       "dataset_columns, dataset_sha256, metrics) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, version)
        .bind(2, created)
        .bind(3, d.file)
        .bind(4, static_cast<std::int64_t>(d.rows))
        .bind(5, static_cast<std::int64_t>(d.columns))
        .bind(6, d.sha256)
        .bind(7, metricsJson)
        .run();
}

// Inserts a whole version in one transaction: its row, the model in chunks, metrics, tags and
// evaluations.
std::int64_t insertVersion(const SqliteConnection& db, const ModelVersion& v,
                           std::span<const std::uint8_t> model,
                           const std::vector<Evaluation>& evaluations) {
    SqliteWriteTransaction transaction(db);
    if (v.parent && !exists(db, *v.parent))
        throw InvalidArgument(
            "parent", "no version " + std::to_string(*v.parent) + " in the history " + db.path());
    SqliteQuery insert(
        db,
        "INSERT INTO versions(name, created, learner, params, task, target, classes, features, "
        "metrics, validation, dataset_file, dataset_rows, dataset_columns, dataset_sha256, "
        "preparation, seed, glassbox_version, parent, stage, notes, model_bytes, model_sha256, "
        "origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, v.name)
        .bind(2, v.created)
        .bind(3, v.learner)
        .bind(4, stringMapJsonText(v.params))
        .bind(5, taskName(v.task))
        .bind(6, v.target)
        .bind(7, stringListJsonText(v.classes))
        .bind(8, v.featuresJson)
        .bind(9, v.metricsJson)
        .bind(10, v.validationJson)
        .bind(11, v.dataset.file)
        .bind(12, static_cast<std::int64_t>(v.dataset.rows))
        .bind(13, static_cast<std::int64_t>(v.dataset.columns))
        .bind(14, v.dataset.sha256)
        .bind(15, v.preparationJson)
        .bind(16, std::to_string(v.seed))
        .bind(17, v.glassboxVersion)
        .bind(18, v.parent)
        .bind(19, stageName(v.stage))
        .bind(20, v.notes)
        .bind(21, static_cast<std::int64_t>(model.size()))
        .bind(22, v.modelSha256)
        .bind(23, v.originJson)
        .run();
    const std::int64_t id = sqlite3_last_insert_rowid(db.handle());

    SqliteQuery chunk(db, "INSERT INTO model_chunks(version, seq, bytes) VALUES (?, ?, ?)");
    for (std::size_t at = 0, seq = 0; at < model.size(); at += kModelChunkBytes, ++seq) {
        chunk.bind(1, id)
            .bind(2, static_cast<std::int64_t>(seq))
            .bindBlob(3, model.subspan(at, std::min(kModelChunkBytes, model.size() - at)))
            .run();
        chunk.reset();
    }
    SqliteQuery metric(db, "INSERT INTO version_metrics(version, name, value) VALUES (?, ?, ?)");
    for (const auto& [name, value] : v.metrics) {
        metric.bind(1, id).bind(2, name);
        if (value)
            metric.bind(3, *value);
        else
            metric.bindNull(3);
        metric.run();
        metric.reset();
    }
    SqliteQuery tag(db, "INSERT OR IGNORE INTO tags(version, tag) VALUES (?, ?)");
    for (const std::string& t : v.tags) {
        tag.bind(1, id).bind(2, t).run();
        tag.reset();
    }
    for (const Evaluation& e : evaluations)
        insertEvaluation(db, id, e.created, e.dataset, e.metricsJson);
    transaction.commit();
    return id;
}

void requireText(const std::string& value, const char* what) {
    if (value.empty()) throw InvalidArgument(what, "is empty");
}

}  // namespace

ModelRegistry::ModelRegistry(std::unique_ptr<SqliteConnection> connection)
    : db_(std::move(connection)) {}
ModelRegistry::ModelRegistry(ModelRegistry&&) noexcept = default;
ModelRegistry& ModelRegistry::operator=(ModelRegistry&&) noexcept = default;
ModelRegistry::~ModelRegistry() = default;

const std::string& ModelRegistry::path() const {
    return db_->path();
}

ModelRegistry ModelRegistry::open(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (fs::exists(status)) {
        if (!fs::is_regular_file(status)) throw IoError(path, "not a file");
        if (fs::file_size(path, error) > 0) checkExistingFile(path);
    } else {
        const fs::path folder = fs::path(path).parent_path();
        if (!folder.empty()) {
            fs::create_directories(folder, error);
            if (error) throw IoError(path, "cannot create its folder: " + error.message());
        }
    }
    auto db = std::make_unique<SqliteConnection>(path, SqliteConnection::Mode::ReadWriteCreate,
                                                 kBusyTimeoutMs);
    configure(*db);
    prepareRegistrySchema(*db);
    return ModelRegistry(std::move(db));
}

std::int64_t ModelRegistry::addVersion(const TrainedModel& model, const NewVersion& given) {
    const std::vector<std::uint8_t> bytes = serializeModel(model);
    ModelVersion v;
    v.name = given.name;
    v.created = nowUtc();
    v.learner = model.learner;
    v.params = model.params.all();
    v.task = model.task;
    v.target = model.target;
    v.classes = model.classes;
    v.featuresJson = featuresJsonText(model.schema);
    v.metricsJson = scoresJsonText(given.metrics);
    v.metrics = numericMetrics(v.metricsJson, db_->path());
    v.validationJson = validationJsonText(given.validation, given.perFold);
    v.dataset = given.dataset;
    // The steps fitted with the model are the version's preparation.
    v.preparationJson = !model.preparation.empty()      ? pipelineJson(model.preparation.spec())
                        : given.preparationJson.empty() ? "[]"
                                                        : given.preparationJson;
    v.seed = model.seed;
    v.glassboxVersion = GLASSBOX_VERSION;
    v.parent = given.parent;
    v.notes = given.notes;
    v.tags = given.tags;
    v.modelSha256 = Sha256::hex(Sha256::of(bytes));
    return insertVersion(*db_, v, bytes, {});
}

bool ModelRegistry::contains(std::int64_t id) const {
    return exists(*db_, id);
}

std::vector<ModelVersion> ModelRegistry::list(const VersionFilter& filter) const {
    std::string sql = std::string("SELECT ") + kVersionColumns + " FROM versions v";
    if (filter.sortMetric)
        sql += " LEFT JOIN version_metrics m ON m.version = v.id AND m.name = :metric";
    sql += " WHERE 1";
    if (filter.learner) sql += " AND v.learner = :learner";
    if (filter.target) sql += " AND v.target = :target";
    std::string prefix;
    if (filter.dataset) {
        prefix = datasetPrefix(*filter.dataset);
        sql += " AND substr(v.dataset_sha256, 1, length(:dataset)) = :dataset";
    }
    if (filter.stage) sql += " AND v.stage = :stage";
    if (filter.tag)
        sql += " AND EXISTS (SELECT 1 FROM tags t WHERE t.version = v.id AND t.tag = :tag)";
    if (filter.sortMetric)
        sql += std::string(" ORDER BY m.value IS NULL, m.value ") +
               (filter.descending ? "DESC" : "ASC") + ", v.id DESC";
    else
        sql += filter.descending ? " ORDER BY v.id DESC" : " ORDER BY v.id ASC";
    if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);

    SqliteReadTransaction snapshot(*db_);
    SqliteQuery query(*db_, sql);
    if (filter.sortMetric) query.bind(query.parameter(":metric"), *filter.sortMetric);
    if (filter.learner) query.bind(query.parameter(":learner"), *filter.learner);
    if (filter.target) query.bind(query.parameter(":target"), *filter.target);
    if (filter.dataset) query.bind(query.parameter(":dataset"), prefix);
    if (filter.stage) query.bind(query.parameter(":stage"), stageName(*filter.stage));
    if (filter.tag) query.bind(query.parameter(":tag"), *filter.tag);
    std::vector<ModelVersion> out;
    while (query.step()) out.push_back(versionAt(*db_, query));
    return out;
}

ModelVersion ModelRegistry::show(std::int64_t id) const {
    SqliteReadTransaction snapshot(*db_);
    return fetchVersion(*db_, id);
}

TrainedModel ModelRegistry::loadModel(std::int64_t id) const {
    const std::string source = db_->path() + " version " + std::to_string(id);
    std::vector<std::uint8_t> bytes;
    {
        SqliteReadTransaction snapshot(*db_);
        SqliteQuery info(*db_, "SELECT model_bytes, model_sha256 FROM versions WHERE id = ?");
        info.bind(1, id);
        if (!info.step()) unknownVersion(*db_, id);
        const auto size = static_cast<std::size_t>(info.integer(0));
        const std::string sha256 = info.text(1);
        bytes.reserve(size);
        forEachChunk(*db_, id, [&](std::span<const std::uint8_t> piece) {
            if (piece.size() > size - bytes.size())
                throw ModelFormatError(source, "the stored model is longer than recorded");
            bytes.insert(bytes.end(), piece.begin(), piece.end());
        });
        if (bytes.size() != size)
            throw ModelFormatError(source, "the stored model is shorter than recorded");
        if (Sha256::hex(Sha256::of(bytes)) != sha256)
            throw ModelFormatError(source, "the stored model's checksum does not match");
    }
    return deserializeModel(bytes, source);
}

VersionComparison ModelRegistry::compare(std::int64_t a, std::int64_t b) const {
    VersionComparison c;
    {
        SqliteReadTransaction snapshot(*db_);
        c.a = fetchVersion(*db_, a);
        c.b = fetchVersion(*db_, b);
    }
    std::set<std::string> names;
    for (const auto& [name, value] : c.a.params) names.insert(name);
    for (const auto& [name, value] : c.b.params) names.insert(name);
    for (const std::string& name : names) {
        const auto ia = c.a.params.find(name);
        const auto ib = c.b.params.find(name);
        std::optional<std::string> va, vb;
        if (ia != c.a.params.end()) va = ia->second;
        if (ib != c.b.params.end()) vb = ib->second;
        if (va != vb) c.params.push_back({name, va, vb});
    }
    std::vector<std::string> metricNames;
    for (const auto& [name, value] : c.a.metrics) metricNames.push_back(name);
    for (const auto& [name, value] : c.b.metrics)
        if (std::find(metricNames.begin(), metricNames.end(), name) == metricNames.end())
            metricNames.push_back(name);
    for (const std::string& name : metricNames) {
        VersionComparison::MetricDelta d{name, c.a.metric(name), c.b.metric(name), std::nullopt};
        if (d.a && d.b) d.delta = *d.b - *d.a;
        c.metrics.push_back(std::move(d));
    }
    c.sameLearner = c.a.learner == c.b.learner;
    c.sameTarget = c.a.target == c.b.target;
    c.sameDataset = c.a.dataset.sha256 == c.b.dataset.sha256;
    return c;
}

std::vector<MetricPoint> ModelRegistry::series(const std::string& metric, const std::string& target,
                                               const std::optional<std::string>& dataset) const {
    std::string sql =
        "SELECT v.id, v.created, v.learner, v.name, v.dataset_sha256, m.value FROM versions v "
        "JOIN version_metrics m ON m.version = v.id AND m.name = ?1 WHERE v.target = ?2";
    std::string prefix;
    if (dataset) {
        prefix = datasetPrefix(*dataset);
        sql += " AND substr(v.dataset_sha256, 1, length(?3)) = ?3";
    }
    sql += " ORDER BY v.id";
    SqliteQuery query(*db_, sql);
    query.bind(1, metric).bind(2, target);
    if (dataset) query.bind(3, prefix);
    std::vector<MetricPoint> out;
    while (query.step())
        out.push_back({query.integer(0), query.text(1), query.text(2), query.text(3), query.text(4),
                       query.isNull(5) ? std::nullopt : std::optional<double>(query.real(5))});
    return out;
}

void ModelRegistry::setNotes(std::int64_t id, const std::string& notes) {
    SqliteWriteTransaction transaction(*db_);
    requireVersion(*db_, id);
    SqliteQuery(*db_, "UPDATE versions SET notes = ? WHERE id = ?")
        .bind(1, notes)
        .bind(2, id)
        .run();
    transaction.commit();
}

void ModelRegistry::addTag(std::int64_t id, const std::string& tag) {
    requireText(tag, "tag");
    SqliteWriteTransaction transaction(*db_);
    requireVersion(*db_, id);
    SqliteQuery(*db_, "INSERT OR IGNORE INTO tags(version, tag) VALUES (?, ?)")
        .bind(1, id)
        .bind(2, tag)
        .run();
    transaction.commit();
}

void ModelRegistry::removeTag(std::int64_t id, const std::string& tag) {
    SqliteWriteTransaction transaction(*db_);
    requireVersion(*db_, id);
    SqliteQuery(*db_, "DELETE FROM tags WHERE version = ? AND tag = ?")
        .bind(1, id)
        .bind(2, tag)
        .run();
    transaction.commit();
}

void ModelRegistry::setStage(std::int64_t id, Stage stage) {
    SqliteWriteTransaction transaction(*db_);
    requireVersion(*db_, id);
    SqliteQuery(*db_, "UPDATE versions SET stage = ? WHERE id = ?")
        .bind(1, stageName(stage))
        .bind(2, id)
        .run();
    transaction.commit();
}

void ModelRegistry::remove(std::int64_t id) {
    SqliteWriteTransaction transaction(*db_);
    requireVersion(*db_, id);
    // The foreign keys cascade too; the explicit deletes keep this right without them.
    for (const char* sql :
         {"DELETE FROM evaluations WHERE version = ?", "DELETE FROM tags WHERE version = ?",
          "DELETE FROM version_metrics WHERE version = ?",
          "DELETE FROM model_chunks WHERE version = ?",
          "UPDATE versions SET parent = NULL WHERE parent = ?",
          "DELETE FROM versions WHERE id = ?"})
        SqliteQuery(*db_, sql).bind(1, id).run();
    transaction.commit();
}

std::int64_t ModelRegistry::addEvaluation(std::int64_t id, const DatasetFingerprint& dataset,
                                          const Scores& scores) {
    SqliteWriteTransaction transaction(*db_);
    requireVersion(*db_, id);
    insertEvaluation(*db_, id, nowUtc(), dataset, scoresJsonText(scores));
    const std::int64_t evaluation = sqlite3_last_insert_rowid(db_->handle());
    transaction.commit();
    return evaluation;
}

std::vector<Evaluation> ModelRegistry::evaluations(std::int64_t id) const {
    SqliteReadTransaction snapshot(*db_);
    requireVersion(*db_, id);
    return fetchEvaluations(*db_, id);
}

void ModelRegistry::exportVersion(std::int64_t id, const std::string& file,
                                  const TaskContext& task) const {
    SqliteReadTransaction snapshot(*db_);
    const ModelVersion v = fetchVersion(*db_, id);
    VersionExportWriter writer(file, modelVersionJson(v, fetchEvaluations(*db_, id)), v.modelBytes);
    Sha256 hash;
    std::uint64_t written = 0;
    forEachChunk(*db_, id, [&](std::span<const std::uint8_t> piece) {
        task.report(
            v.modelBytes ? static_cast<double>(written) / static_cast<double>(v.modelBytes) : 0.0,
            "export");
        hash.update(piece);
        writer.writeModel(piece);
        written += piece.size();
    });
    if (Sha256::hex(hash.finish()) != v.modelSha256)
        throw ModelFormatError(db_->path() + " version " + std::to_string(id),
                               "the stored model's checksum does not match");
    writer.finish();
}

std::int64_t ModelRegistry::importVersion(const std::string& file, const TaskContext& task) {
    const VersionExportFile exported(file, task.sub(0.0, 0.5, "checking"));
    std::vector<Evaluation> evaluations;
    ModelVersion v = modelVersionFromJson(exported.metadataJson(), file, evaluations);
    const std::span<const std::uint8_t> bytes = exported.modelBytes();
    if (v.modelBytes != bytes.size() || Sha256::hex(Sha256::of(bytes)) != v.modelSha256)
        throw ModelFormatError(file, "the metadata does not describe the model it holds");
    task.report(0.6, "checking the model");
    const TrainedModel model = deserializeModel(bytes, file);
    if (model.learner != v.learner || model.params.all() != v.params || model.task != v.task ||
        model.target != v.target || model.classes != v.classes || model.seed != v.seed)
        throw ModelFormatError(file, "the metadata does not match the model it holds");
    v.featuresJson = featuresJsonText(model.schema);

    std::error_code error;
    const std::filesystem::path absolute = std::filesystem::absolute(file, error);
    v.originJson = originJsonText(error ? file : absolute.string(), v.id, v.parent, nowUtc());
    v.parent.reset();  // ids belong to the exporting history
    task.report(0.8, "storing");
    return insertVersion(*db_, v, bytes, evaluations);
}

std::string ModelRegistry::integrityCheck() const {
    SqliteQuery check(*db_, "PRAGMA integrity_check");
    std::string out;
    while (check.step()) out += (out.empty() ? "" : "; ") + check.text(0);
    return out;
}

}  // namespace glassbox
