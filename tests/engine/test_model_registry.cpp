// The model history (engine/model_registry.h): versions with all their metadata, list filters
// and metric sorting, compare, series, notes/tags/stages, delete with evaluations, export and
// import, the schema migration from version 1, refusal of foreign, future, corrupt and
// truncated files (left byte-identical), two processes writing at once, and processes killed
// with SIGKILL while writing.
#include <QtTest>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <set>

#include "engine/dataset_fingerprint.h"
#include "engine/errors.h"
#include "engine/model_registry.h"
#include "engine/random.h"
#include "engine/registry_schema.h"
#include "engine/sha256.h"
#include "engine/table_reader.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;
using namespace glassbox::test;

namespace {

const std::string kIris = GLASSBOX_SHARED_DIR "/datasets/iris.csv";
const std::string kCredit = GLASSBOX_SHARED_DIR "/datasets/credit-g.arff";

struct Fixture {
    Dataset data;
    DatasetFingerprint fingerprint;
};

const Fixture& iris() {
    static const Fixture f = [] {
        const LoadedTable loaded = readTable(kIris, ReadOptions{});
        Fixture out{makeDataset(loaded.table, "species", std::nullopt).dataset, {}};
        out.fingerprint =
            fingerprintDataFile(kIris, loaded.table.rowCount(), loaded.table.columnCount(), {});
        return out;
    }();
    return f;
}

const Fixture& credit() {
    static const Fixture f = [] {
        const LoadedTable loaded = readTable(kCredit, ReadOptions{});
        Fixture out{makeDataset(loaded.table, "class", std::nullopt).dataset, {}};
        out.fingerprint =
            fingerprintDataFile(kCredit, loaded.table.rowCount(), loaded.table.columnCount(), {});
        return out;
    }();
    return f;
}

TrainedModel fitModel(const Dataset& data, const std::string& learnerName,
                      const std::map<std::string, std::string>& given = {},
                      std::uint64_t seed = 0) {
    const Learner& learner = learnerNamed(learnerName);
    TrainedModel t;
    t.learner = learnerName;
    t.params = ParamValues::resolve(learner.params(), given);
    t.task = data.task;
    t.target = data.target;
    t.classes = data.classes;
    t.schema = data.features.schema();
    t.seed = seed;
    t.model = learner.fit(data, t.params, FitOptions{seed, 2}, {});
    return t;
}

// Scores with hand-chosen values: what list sorting and compare are checked against.
Scores handScores(double accuracy, double f1) {
    Scores s;
    s.values = {{"accuracy", accuracy}, {"f1", f1}, {"auc", std::nan("")}};
    s.confusion = {{1, 0}, {0, 1}};
    return s;
}

NewVersion newVersion(const Fixture& f, double accuracy = 0.9, double f1 = 0.8) {
    NewVersion v;
    v.metrics = handScores(accuracy, f1);
    v.validation = "test";
    v.dataset = f.fingerprint;
    return v;
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// Runs sql on the file with a plain SQLite connection (what another program would do).
void rawExec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int result = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    const QString error = message ? QString(message) : QString();
    sqlite3_free(message);
    sqlite3_close(db);
    QVERIFY2(result == SQLITE_OK, qPrintable(error));
}

std::int64_t rawInteger(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    std::int64_t value = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

std::string rawText(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

// The parameters as canonical JSON text (what a version-1 Glassbox stored).
std::string paramsText(const TrainedModel& t) {
    QJsonObject object;
    for (const auto& [key, value] : t.params.all())
        object[QString::fromStdString(key)] = QString::fromStdString(value);
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

Predictions predictIris(const TrainedModel& t) {
    return t.model->predict(iris().data.features, {});
}

std::vector<std::int64_t> idsOf(const std::vector<ModelVersion>& versions) {
    std::vector<std::int64_t> ids;
    for (const ModelVersion& v : versions) ids.push_back(v.id);
    return ids;
}

}  // namespace

class ModelRegistryTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    int files_ = 0;

    std::string freshPath() {
        return dir_.filePath("h" + QString::number(++files_) + "/r.sqlite").toStdString();
    }

  private slots:
    void createsTheFileWithItsPragmas() {
        const std::string path = dir_.filePath("a/b/c/registry.sqlite").toStdString();
        {
            ModelRegistry registry = ModelRegistry::open(path);
            QVERIFY(registry.list().empty());
            QCOMPARE(rawText(path, "PRAGMA journal_mode"), std::string("wal"));
        }
        QVERIFY(QFile::exists(QString::fromStdString(path)));
        // "GBXH" as a big-endian number.
        QCOMPARE(rawInteger(path, "PRAGMA application_id"), std::int64_t{0x47425848});
        QCOMPARE(rawInteger(path, "PRAGMA user_version"), std::int64_t{2});
        // Opening again (an existing, current file) changes nothing and keeps the versions.
        {
            ModelRegistry registry = ModelRegistry::open(path);
            registry.addVersion(fitModel(iris().data, "decision_tree"), newVersion(iris()));
        }
        QCOMPARE(ModelRegistry::open(path).list().size(), std::size_t{1});
    }

    void recordsEverything() {
        ModelRegistry registry = ModelRegistry::open(freshPath());
        const TrainedModel model = fitModel(iris().data, "decision_tree", {{"max_depth", "3"}}, 7);
        NewVersion given = newVersion(iris(), 0.95, 0.94);
        given.name = "first";
        given.perFold = {handScores(0.9, 0.9), handScores(1.0, 1.0)};
        given.tags = {"baseline"};
        given.notes = "hello";
        const std::int64_t parent = registry.addVersion(model, given);
        given.parent = parent;
        given.name = "second";
        const std::int64_t id = registry.addVersion(model, given);
        QVERIFY(id > parent);

        const ModelVersion v = registry.show(id);
        QCOMPARE(v.name, std::string("second"));
        QCOMPARE(v.learner, std::string("decision_tree"));
        QCOMPARE(v.params.at("max_depth"), std::string("3"));
        QCOMPARE(v.task, TaskKind::Classification);
        QCOMPARE(v.target, std::string("species"));
        QCOMPARE(v.classes.size(), std::size_t{3});
        QVERIFY(v.featuresJson.find("\"" + iris().data.features.schema().features[0].name + "\"") !=
                std::string::npos);
        QCOMPARE(v.metric("accuracy"), std::optional<double>(0.95));
        QCOMPARE(v.metric("auc"), std::optional<double>());          // undefined: stored as NULL
        QCOMPARE(v.metrics.front().first, std::string("accuracy"));  // the order given
        QVERIFY(v.metricsJson.find("confusion_matrix") != std::string::npos);
        QVERIFY(v.validationJson.find("per_fold") != std::string::npos);
        // SHA-256 of the file computed independently (Qt's implementation).
        QFile data(QString::fromStdString(kIris));
        QVERIFY(data.open(QIODevice::ReadOnly));
        QCOMPARE(
            QString::fromStdString(v.dataset.sha256),
            QString(QCryptographicHash::hash(data.readAll(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(v.dataset.rows, std::uint64_t{150});
        QCOMPARE(v.dataset.columns, std::uint64_t{5});
        QVERIFY(QString::fromStdString(v.dataset.file).endsWith("iris.csv"));
        QCOMPARE(v.preparationJson, std::string("[]"));
        QCOMPARE(v.seed, std::uint64_t{7});
        QVERIFY(QRegularExpression("^\\d+\\.\\d+\\.\\d+")
                    .match(QString::fromStdString(v.glassboxVersion))
                    .hasMatch());
        QCOMPARE(v.parent, std::optional<std::int64_t>(parent));
        QCOMPARE(v.stage, Stage::None);
        QCOMPARE(v.notes, std::string("hello"));
        QCOMPARE(v.tags, std::vector<std::string>{"baseline"});
        QCOMPARE(v.modelBytes, std::uint64_t(serializeModel(model).size()));
        // created: UTC ISO 8601 to the second.
        QVERIFY(QDateTime::fromString(QString::fromStdString(v.created), Qt::ISODate).isValid());
        QVERIFY(QString::fromStdString(v.created).endsWith('Z'));

        QVERIFY(identical(predictIris(registry.loadModel(id)), predictIris(model)));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, registry.show(999));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, registry.loadModel(999));
        given.parent = 999;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, registry.addVersion(model, given));
        QCOMPARE(registry.list().size(), std::size_t{2});
    }

    void largeModelsAreStoredInChunks() {
        const std::string path = freshPath();
        ModelRegistry registry = ModelRegistry::open(path);
        const TrainedModel model =
            fitModel(credit().data, "random_forest", {{"n_estimators", "60"}});
        const std::size_t size = serializeModel(model).size();
        QVERIFY2(size > kModelChunkBytes, qPrintable(QString::number(size)));
        const std::int64_t id = registry.addVersion(model, newVersion(credit()));
        QCOMPARE(rawInteger(path, "SELECT count(*) FROM model_chunks"),
                 std::int64_t((size + kModelChunkBytes - 1) / kModelChunkBytes));
        const TrainedModel loaded = registry.loadModel(id);
        QVERIFY(identical(loaded.model->predict(credit().data.features, {}),
                          model.model->predict(credit().data.features, {})));
    }

    void damagedModelBytesAreRejected() {
        const std::string path = freshPath();
        std::int64_t id = 0;
        {
            ModelRegistry registry = ModelRegistry::open(path);
            id = registry.addVersion(fitModel(iris().data, "naive_bayes"), newVersion(iris()));
        }
        rawExec(path, "UPDATE model_chunks SET bytes = zeroblob(length(bytes))");
        ModelRegistry registry = ModelRegistry::open(path);
        try {
            registry.loadModel(id);
            QFAIL("a damaged model loaded");
        } catch (const ModelFormatError& e) {
            QVERIFY2(QString(e.what()).contains("checksum"), e.what());
        }
    }

    void listFiltersAndSorts() {
        ModelRegistry registry = ModelRegistry::open(freshPath());
        const TrainedModel tree = fitModel(iris().data, "decision_tree");
        const TrainedModel bayes = fitModel(iris().data, "naive_bayes");
        const TrainedModel creditTree =
            fitModel(credit().data, "decision_tree", {{"max_depth", "2"}});
        const std::int64_t a = registry.addVersion(tree, newVersion(iris(), 0.91, 0.5));
        const std::int64_t b = registry.addVersion(bayes, newVersion(iris(), 0.97, 0.6));
        const std::int64_t c = registry.addVersion(tree, newVersion(iris(), 0.93, 0.7));
        const std::int64_t d = registry.addVersion(creditTree, newVersion(credit(), 0.70, 0.4));
        registry.setStage(b, Stage::Production);
        registry.addTag(c, "candidate");
        registry.addTag(a, "candidate");

        QCOMPARE(idsOf(registry.list()), (std::vector<std::int64_t>{d, c, b, a}));  // newest first
        VersionFilter f;
        f.learner = "decision_tree";
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{d, c, a}));
        f = {};
        f.target = "class";
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{d}));
        f = {};
        f.dataset = iris().fingerprint.sha256.substr(0, 8);
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{c, b, a}));
        f.dataset = QString::fromStdString(iris().fingerprint.sha256).toUpper().toStdString();
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{c, b, a}));
        f.dataset = "xyz";
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, registry.list(f));
        f = {};
        f.stage = Stage::Production;
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{b}));
        f = {};
        f.tag = "candidate";
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{c, a}));
        f = {};
        f.sortMetric = "accuracy";
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{b, c, a, d}));
        f.descending = false;
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{d, a, c, b}));
        f.limit = 2;
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{d, a}));
        f = {};
        f.sortMetric = "f1";
        f.learner = "decision_tree";
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{c, a, d}));
        // A metric no version has (or an undefined one): the order falls back to newest first.
        f = {};
        f.sortMetric = "auc";
        QCOMPARE(idsOf(registry.list(f)), (std::vector<std::int64_t>{d, c, b, a}));
    }

    void comparesTwoVersions() {
        ModelRegistry registry = ModelRegistry::open(freshPath());
        const std::int64_t a =
            registry.addVersion(fitModel(iris().data, "decision_tree", {{"max_depth", "2"}}),
                                newVersion(iris(), 0.9, 0.5));
        const std::int64_t b = registry.addVersion(
            fitModel(iris().data, "decision_tree", {{"max_depth", "4"}, {"min_samples_leaf", "3"}}),
            newVersion(iris(), 0.95, 0.75));
        const std::int64_t c = registry.addVersion(fitModel(credit().data, "naive_bayes"),
                                                   newVersion(credit(), 0.7, 0.6));
        const VersionComparison ab = registry.compare(a, b);
        QCOMPARE(ab.params.size(), std::size_t{2});
        QCOMPARE(ab.params[0].name, std::string("max_depth"));
        QCOMPARE(ab.params[0].a, std::optional<std::string>("2"));
        QCOMPARE(ab.params[0].b, std::optional<std::string>("4"));
        QCOMPARE(ab.params[1].name, std::string("min_samples_leaf"));
        QVERIFY(ab.sameDataset && ab.sameLearner && ab.sameTarget);
        QCOMPARE(ab.metrics[0].name, std::string("accuracy"));
        QVERIFY(std::abs(*ab.metrics[0].delta - 0.05) < 1e-12);
        QCOMPARE(ab.metrics[1].name, std::string("f1"));
        QCOMPARE(*ab.metrics[1].delta, 0.25);
        QCOMPARE(ab.metrics[2].name, std::string("auc"));
        QVERIFY(!ab.metrics[2].delta);
        const VersionComparison ac = registry.compare(a, c);
        QVERIFY(!ac.sameDataset && !ac.sameLearner && !ac.sameTarget);
        for (const auto& p : ac.params) QVERIFY(p.a != p.b);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, registry.compare(a, 12345));
    }

    void seriesOfOneMetric() {
        ModelRegistry registry = ModelRegistry::open(freshPath());
        const TrainedModel tree = fitModel(iris().data, "decision_tree");
        const std::int64_t a = registry.addVersion(tree, newVersion(iris(), 0.8, 0.1));
        registry.addVersion(fitModel(credit().data, "naive_bayes"), newVersion(credit(), 0.7, 0.2));
        const std::int64_t c = registry.addVersion(tree, newVersion(iris(), 0.9, 0.3));
        const std::vector<MetricPoint> points = registry.series("accuracy", "species");
        QCOMPARE(points.size(), std::size_t{2});
        QCOMPARE(points[0].version, a);
        QCOMPARE(points[0].value, std::optional<double>(0.8));
        QCOMPARE(points[1].version, c);
        QCOMPARE(points[1].value, std::optional<double>(0.9));
        QCOMPARE(registry.series("accuracy", "species", iris().fingerprint.sha256).size(),
                 std::size_t{2});
        QCOMPARE(registry.series("accuracy", "species", credit().fingerprint.sha256).size(),
                 std::size_t{0});
        QCOMPARE(registry.series("rmse", "species").size(), std::size_t{0});
    }

    void notesTagsStages() {
        ModelRegistry registry = ModelRegistry::open(freshPath());
        const std::int64_t id =
            registry.addVersion(fitModel(iris().data, "naive_bayes"), newVersion(iris()));
        registry.setNotes(id, "retrain monthly");
        registry.addTag(id, "b");
        registry.addTag(id, "a");
        registry.addTag(id, "a");
        registry.setStage(id, Stage::Staging);
        ModelVersion v = registry.show(id);
        QCOMPARE(v.notes, std::string("retrain monthly"));
        QCOMPARE(v.tags, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(v.stage, Stage::Staging);
        registry.removeTag(id, "a");
        registry.setStage(id, Stage::Archived);
        v = registry.show(id);
        QCOMPARE(v.tags, (std::vector<std::string>{"b"}));
        QCOMPARE(v.stage, Stage::Archived);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, registry.setNotes(id + 1, "x"));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, registry.addTag(id, ""));
        QCOMPARE(parseStageName("production"), std::optional<Stage>(Stage::Production));
        QCOMPARE(parseStageName("prod"), std::optional<Stage>());
    }

    void deleteRemovesEvaluations() {
        const std::string path = freshPath();
        ModelRegistry registry = ModelRegistry::open(path);
        const TrainedModel model = fitModel(iris().data, "decision_tree");
        const std::int64_t a = registry.addVersion(model, newVersion(iris()));
        NewVersion child = newVersion(iris());
        child.parent = a;
        const std::int64_t b = registry.addVersion(model, child);
        registry.addEvaluation(a, credit().fingerprint, handScores(0.5, 0.5));
        registry.addEvaluation(a, iris().fingerprint, handScores(0.6, 0.6));
        registry.addEvaluation(b, iris().fingerprint, handScores(0.7, 0.7));
        registry.addTag(a, "t");
        const std::vector<Evaluation> evaluations = registry.evaluations(a);
        QCOMPARE(evaluations.size(), std::size_t{2});
        QCOMPARE(evaluations[0].dataset.sha256, credit().fingerprint.sha256);
        QCOMPARE(evaluations[1].metrics.front(), (MetricValue{"accuracy", 0.6}));

        registry.remove(a);
        QVERIFY(!registry.contains(a));
        QCOMPARE(rawInteger(path, "SELECT count(*) FROM evaluations"), std::int64_t{1});
        QCOMPARE(rawInteger(
                     path, "SELECT count(*) FROM evaluations WHERE version = " + std::to_string(a)),
                 std::int64_t{0});
        QCOMPARE(rawInteger(path, "SELECT count(*) FROM model_chunks WHERE version = " +
                                      std::to_string(a)),
                 std::int64_t{0});
        QCOMPARE(rawInteger(path, "SELECT count(*) FROM tags"), std::int64_t{0});
        QCOMPARE(registry.show(b).parent, std::optional<std::int64_t>());
        QVERIFY(identical(predictIris(registry.loadModel(b)), predictIris(model)));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, registry.remove(a));
        // Ids are never reused.
        QVERIFY(registry.addVersion(model, newVersion(iris())) > b);
    }

    void exportImportRoundTrip() {
        ModelRegistry source = ModelRegistry::open(freshPath());
        const TrainedModel model =
            fitModel(credit().data, "gradient_boosting", {{"n_estimators", "20"}});
        NewVersion given = newVersion(credit(), 0.75, 0.7);
        given.name = "gb";
        given.tags = {"x"};
        const std::int64_t parent = source.addVersion(model, given);
        given.parent = parent;
        const std::int64_t id = source.addVersion(model, given);
        source.setNotes(id, "exported");
        source.setStage(id, Stage::Production);
        source.addEvaluation(id, iris().fingerprint, handScores(0.5, 0.4));
        const std::string file = dir_.filePath("v.gbv").toStdString();
        source.exportVersion(id, file, {});

        ModelRegistry target = ModelRegistry::open(freshPath());
        const std::int64_t first = target.importVersion(file, {});
        const std::int64_t second = target.importVersion(file, {});
        QVERIFY(second != first);
        const ModelVersion original = source.show(id);
        const ModelVersion imported = target.show(first);
        QCOMPARE(imported.name, original.name);
        QCOMPARE(imported.created, original.created);
        QCOMPARE(imported.params, original.params);
        QCOMPARE(imported.metrics, original.metrics);
        QCOMPARE(imported.dataset.sha256, original.dataset.sha256);
        QCOMPARE(imported.notes, std::string("exported"));
        QCOMPARE(imported.stage, Stage::Production);
        QCOMPARE(imported.tags, original.tags);
        QCOMPARE(imported.modelSha256, original.modelSha256);
        QCOMPARE(imported.parent, std::optional<std::int64_t>());
        QVERIFY(imported.originJson.find("\"version\":" + std::to_string(id)) != std::string::npos);
        QVERIFY(imported.originJson.find("v.gbv") != std::string::npos);
        QVERIFY(original.originJson.empty());
        QCOMPARE(target.evaluations(first).size(), std::size_t{1});
        const TrainedModel back = target.loadModel(second);
        QVERIFY(identical(back.model->predict(credit().data.features, {}),
                          model.model->predict(credit().data.features, {})));
        QCOMPARE(serializeModel(back), serializeModel(model));

        // Damaged, truncated and foreign export files are refused; nothing is added.
        const QByteArray bytes = fileBytes(QString::fromStdString(file));
        const QString bad = dir_.filePath("bad.gbv");
        QByteArray flipped = bytes;
        flipped[flipped.size() - 100] = static_cast<char>(flipped[flipped.size() - 100] ^ 0x10);
        for (const QByteArray& content :
             {flipped, bytes.left(bytes.size() / 2), bytes.left(20), QByteArray("hello world"),
              fileBytes(QString::fromStdString(kIris))}) {
            writeBytes(bad, content);
            QVERIFY_THROWS_EXCEPTION(ModelFormatError, target.importVersion(bad.toStdString(), {}));
        }
        QCOMPARE(target.list().size(), std::size_t{2});
        QVERIFY_THROWS_EXCEPTION(IoError,
                                 target.importVersion(dir_.filePath("none").toStdString(), {}));
    }

    void migratesFromVersion1() {
        const std::string path = freshPath();
        QDir().mkpath(QFileInfo(QString::fromStdString(path)).path());
        const TrainedModel model = fitModel(iris().data, "decision_tree", {{"max_depth", "3"}});
        const std::vector<std::uint8_t> bytes = serializeModel(model);
        // A version-1 file as a version-1 Glassbox wrote it: its DDL, two versions, the model
        // of the second in two chunks.
        rawExec(path, std::string(registrySchemaSql(1)) +
                          "PRAGMA application_id = 1195530312; PRAGMA user_version = 1;");
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        const char* insert =
            "INSERT INTO versions(id, name, created, learner, params, task, target, classes, "
            "features, metrics, validation, dataset_file, dataset_rows, dataset_columns, "
            "dataset_sha256, seed, glassbox_version, parent, stage, notes, model_bytes, "
            "model_sha256) VALUES (?1, 'old', '2025-01-02T03:04:05Z', 'decision_tree', ?2, "
            "'classification', 'species', ?3, '[]', ?4, '{}', 'iris.csv', 150, 5, 'abc', '0', "
            "'0.0.1', ?5, 'staging', 'v1 note', ?6, ?7)";
        for (int id : {1, 2}) {
            sqlite3_stmt* s = nullptr;
            QCOMPARE(sqlite3_prepare_v2(db, insert, -1, &s, nullptr), SQLITE_OK);
            const std::string params = paramsText(model);
            sqlite3_bind_int(s, 1, id);
            sqlite3_bind_text(s, 2, params.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 3, "[\"setosa\",\"versicolor\",\"virginica\"]", -1,
                              SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 4,
                              id == 1 ? "{\"accuracy\":0.9,\"auc\":null,\"confusion_matrix\":[[1]]}"
                                      : "{\"accuracy\":0.95,\"f1\":0.5}",
                              -1, SQLITE_TRANSIENT);
            if (id == 2)
                sqlite3_bind_int(s, 5, 1);
            else
                sqlite3_bind_null(s, 5);
            sqlite3_bind_int64(s, 6, static_cast<sqlite3_int64>(bytes.size()));
            sqlite3_bind_text(s, 7, Sha256::hex(Sha256::of(bytes)).c_str(), -1, SQLITE_TRANSIENT);
            QCOMPARE(sqlite3_step(s), SQLITE_DONE);
            sqlite3_finalize(s);
            const std::size_t half = bytes.size() / 2;
            for (int seq : {0, 1}) {
                QCOMPARE(sqlite3_prepare_v2(db, "INSERT INTO model_chunks VALUES (?, ?, ?)", -1, &s,
                                            nullptr),
                         SQLITE_OK);
                sqlite3_bind_int(s, 1, id);
                sqlite3_bind_int(s, 2, seq);
                const std::uint8_t* start = bytes.data() + (seq == 0 ? 0 : half);
                sqlite3_bind_blob(s, 3, start,
                                  static_cast<int>(seq == 0 ? half : bytes.size() - half),
                                  SQLITE_TRANSIENT);
                QCOMPARE(sqlite3_step(s), SQLITE_DONE);
                sqlite3_finalize(s);
            }
        }
        sqlite3_close(db);

        ModelRegistry registry = ModelRegistry::open(path);
        QCOMPARE(rawInteger(path, "PRAGMA user_version"), std::int64_t{2});
        const ModelVersion v1 = registry.show(1);
        QCOMPARE(v1.name, std::string("old"));
        QCOMPARE(v1.created, std::string("2025-01-02T03:04:05Z"));
        QCOMPARE(v1.stage, Stage::Staging);
        QCOMPARE(v1.notes, std::string("v1 note"));
        QCOMPARE(v1.metrics, (std::vector<MetricValue>{{"accuracy", 0.9}, {"auc", std::nullopt}}));
        QVERIFY(v1.tags.empty());
        QVERIFY(v1.originJson.empty());
        QCOMPARE(registry.show(2).parent, std::optional<std::int64_t>(1));
        QVERIFY(identical(predictIris(registry.loadModel(2)), predictIris(model)));
        // What version 2 added works on the migrated data.
        VersionFilter byAccuracy;
        byAccuracy.sortMetric = "accuracy";
        QCOMPARE(idsOf(registry.list(byAccuracy)), (std::vector<std::int64_t>{2, 1}));
        registry.addTag(1, "migrated");
        registry.addEvaluation(1, iris().fingerprint, handScores(0.5, 0.5));
        QCOMPARE(registry.evaluations(1).size(), std::size_t{1});
        const std::int64_t added = registry.addVersion(model, newVersion(iris()));
        QCOMPARE(added, std::int64_t{3});
        registry.remove(1);
        QCOMPARE(registry.integrityCheck(), std::string("ok"));
    }

    void refusesForeignFutureAndDamagedFiles_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text file") << "text"
                                   << "not an SQLite database";
        QTest::newRow("iris csv") << "csv"
                                  << "not an SQLite database";
        QTest::newRow("another sqlite database") << "foreign"
                                                 << "another application";
        QTest::newRow("another application id") << "foreign-id"
                                                << "another application";
        QTest::newRow("future version") << "future"
                                        << "newer Glassbox";
        QTest::newRow("corrupt") << "corrupt"
                                 << "damaged";
        QTest::newRow("truncated") << "truncated"
                                   << "damaged";
    }

    void refusesForeignFutureAndDamagedFiles() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        const std::string path = freshPath();
        const QString qpath = QString::fromStdString(path);
        QDir().mkpath(QFileInfo(qpath).path());
        auto goodHistory = [&](int versions) {
            ModelRegistry registry = ModelRegistry::open(path);
            const TrainedModel model = fitModel(credit().data, "decision_tree");
            for (int i = 0; i < versions; ++i) registry.addVersion(model, newVersion(credit()));
        };
        if (kind == "text") {
            writeBytes(qpath, QByteArray("id,name\n1,a\n").repeated(200));
        } else if (kind == "csv") {
            writeBytes(qpath, fileBytes(QString::fromStdString(kIris)));
        } else if (kind == "foreign") {
            rawExec(path, "CREATE TABLE t(a); INSERT INTO t VALUES (1);");
        } else if (kind == "foreign-id") {
            rawExec(path, "PRAGMA application_id = 1234; CREATE TABLE versions(a);");
        } else if (kind == "future") {
            goodHistory(1);
            rawExec(path, "PRAGMA user_version = 3;");
        } else if (kind == "corrupt") {
            goodHistory(3);
            // Garbage over the b-tree pages after the schema page: the table roots.
            QByteArray bytes = fileBytes(qpath);
            QVERIFY(bytes.size() > 8 * 4096);
            for (int i = 4096; i < 6 * 4096; ++i) bytes[i] = static_cast<char>(0x5a ^ (i * 31));
            writeBytes(qpath, bytes);
        } else if (kind == "truncated") {
            goodHistory(3);
            QByteArray bytes = fileBytes(qpath);
            writeBytes(qpath, bytes.left(bytes.size() / 2));
        }
        const QByteArray before = fileBytes(qpath);
        QVERIFY(!before.isEmpty());
        QVERIFY(!QFile::exists(qpath + "-wal"));
        try {
            ModelRegistry::open(path);
            QFAIL("the file was opened");
        } catch (const IoError& e) {
            const QString message = e.what();
            QVERIFY2(message.startsWith(qpath + ": "), qPrintable(message));
            QVERIFY2(message.contains(expected), qPrintable(message));
            QVERIFY2(message.contains("left unchanged"), qPrintable(message));
        }
        QCOMPARE(fileBytes(qpath), before);
        QVERIFY(!QFile::exists(qpath + "-wal") || fileBytes(qpath + "-wal").isEmpty());
    }

    void twoProcessesWriteAtOnce() {
        const std::string path = freshPath();
        ModelRegistry::open(path);  // created before, so both children open an existing file
        const TrainedModel model = fitModel(iris().data, "naive_bayes");
        std::vector<pid_t> children;
        for (int child = 0; child < 2; ++child) {
            const pid_t pid = fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                int status = 0;
                try {
                    ModelRegistry registry = ModelRegistry::open(path);
                    for (int i = 0; i < 100; ++i) {
                        NewVersion v = newVersion(iris(), 0.5 + child * 0.1);
                        v.name = "child" + std::to_string(child) + "-" + std::to_string(i);
                        registry.addVersion(model, v);
                    }
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "child %d: %s\n", child, e.what());
                    status = 1;
                }
                _exit(status);
            }
            children.push_back(pid);
        }
        for (const pid_t pid : children) {
            int status = 0;
            QCOMPARE(waitpid(pid, &status, 0), pid);
            QVERIFY(WIFEXITED(status));
            QCOMPARE(WEXITSTATUS(status), 0);
        }
        ModelRegistry registry = ModelRegistry::open(path);
        const std::vector<ModelVersion> versions = registry.list();
        QCOMPARE(versions.size(), std::size_t{200});
        std::set<std::string> names;
        for (const ModelVersion& v : versions) names.insert(v.name);
        QCOMPARE(names.size(), std::size_t{200});
        QCOMPARE(registry.integrityCheck(), std::string("ok"));
    }

    void survivesSigkillWhileWriting() {
        const std::string path = freshPath();
        ModelRegistry::open(path);
        // Multi-chunk models make each transaction long enough to be cut in the middle.
        const TrainedModel model =
            fitModel(credit().data, "random_forest", {{"n_estimators", "40"}});
        const Predictions expected = model.model->predict(credit().data.features, {});
        Random random(2026);
        int killedWhileRunning = 0;
        for (int round = 0; round < 30; ++round) {
            const pid_t pid = fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                try {
                    ModelRegistry registry = ModelRegistry::open(path);
                    for (int i = 0;; ++i) {
                        const std::int64_t id = registry.addVersion(model, newVersion(credit()));
                        registry.addEvaluation(id, iris().fingerprint, handScores(0.5, 0.5));
                        registry.addTag(id, "round" + std::to_string(round));
                        if (i > 0) registry.remove(id - 1);  // keeps the file small
                    }
                } catch (const std::exception& e) {
                    std::fprintf(stderr, "writer: %s\n", e.what());
                }
                _exit(1);
            }
            ::usleep(static_cast<useconds_t>(20000 + random.index(200000)));
            ::kill(pid, SIGKILL);
            int status = 0;
            QCOMPARE(waitpid(pid, &status, 0), pid);
            if (WIFSIGNALED(status)) ++killedWhileRunning;
        }
        QCOMPARE(killedWhileRunning, 30);  // no writer stopped on an error

        ModelRegistry registry = ModelRegistry::open(path);
        QCOMPARE(registry.integrityCheck(), std::string("ok"));
        const std::vector<ModelVersion> versions = registry.list();
        // Each round leaves its last version (the writer deletes the one before as it goes), unless
        // it was killed before its first commit.
        QVERIFY2(versions.size() >= 10, qPrintable(QString::number(versions.size())));
        for (const ModelVersion& v : versions) {
            const TrainedModel loaded = registry.loadModel(v.id);
            QVERIFY(identical(loaded.model->predict(credit().data.features, {}), expected));
        }
        // Orphans would mean a half-written or half-deleted version.
        QCOMPARE(rawInteger(path,
                            "SELECT count(*) FROM model_chunks WHERE version NOT IN "
                            "(SELECT id FROM versions)"),
                 std::int64_t{0});
        QCOMPARE(rawInteger(path,
                            "SELECT count(*) FROM evaluations WHERE version NOT IN "
                            "(SELECT id FROM versions)"),
                 std::int64_t{0});
        QCOMPARE(rawInteger(path,
                            "SELECT count(*) FROM versions v WHERE model_bytes != "
                            "(SELECT sum(length(bytes)) FROM model_chunks WHERE version = v.id)"),
                 std::int64_t{0});
    }
};

QTEST_APPLESS_MAIN(ModelRegistryTest)
#include "test_model_registry.moc"
