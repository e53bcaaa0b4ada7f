#include "engine/version_json.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "engine/errors.h"

namespace glassbox {
namespace {

// Ordered: stored and exported texts keep keys in the order they were written.
using json = nlohmann::ordered_json;

// Ordered: the stored text keeps the scores in the order the engine gives them.
nlohmann::ordered_json scoresJson(const Scores& scores) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [name, value] : scores.values)
        out[name] =
            std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
    if (!scores.confusion.empty()) out["confusion_matrix"] = scores.confusion;
    return out;
}

json parseOr(const std::string& text, json fallback) {
    if (text.empty()) return fallback;
    json parsed = json::parse(text, nullptr, false);
    return parsed.is_discarded() ? fallback : parsed;
}

json datasetJson(const DatasetFingerprint& d) {
    return {{"file", d.file}, {"rows", d.rows}, {"columns", d.columns}, {"sha256", d.sha256}};
}

json metricsObject(const std::vector<MetricValue>& metrics) {
    json out = json::object();
    for (const auto& [name, value] : metrics) out[name] = value ? json(*value) : json(nullptr);
    return out;
}

// Field readers for import: each names what is missing or of the wrong type.
struct Reader {
    const std::string& source;
    [[noreturn]] void fail(const std::string& what) const {
        throw ModelFormatError(source, "invalid metadata: " + what);
    }
    const json& field(const json& object, const char* key) const {
        if (!object.is_object() || !object.contains(key))
            fail(std::string("\"") + key + "\" is missing");
        return object[key];
    }
    std::string text(const json& object, const char* key) const {
        const json& value = field(object, key);
        if (!value.is_string()) fail(std::string("\"") + key + "\" is not text");
        return value.get<std::string>();
    }
    std::uint64_t count(const json& object, const char* key) const {
        const json& value = field(object, key);
        if (!value.is_number_unsigned()) fail(std::string("\"") + key + "\" is not a count");
        return value.get<std::uint64_t>();
    }
    DatasetFingerprint dataset(const json& object) const {
        const json& d = field(object, "dataset");
        return {text(d, "file"), count(d, "rows"), count(d, "columns"), text(d, "sha256")};
    }
    std::vector<MetricValue> metrics(const json& object) const {
        const json& m = field(object, "metrics");
        if (!m.is_object()) fail("\"metrics\" is not an object");
        return numericMetrics(m.dump(), source);
    }
};

}  // namespace

std::string scoresJsonText(const Scores& scores) {
    return scoresJson(scores).dump();
}

std::vector<MetricValue> numericMetrics(const std::string& metricsJson, const std::string& source) {
    const auto parsed = nlohmann::ordered_json::parse(metricsJson, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        throw IoError(source, "stored metrics are not a JSON object");
    std::vector<MetricValue> out;
    for (const auto& [name, value] : parsed.items()) {
        if (value.is_number())
            out.emplace_back(name, value.get<double>());
        else if (value.is_null())
            out.emplace_back(name, std::nullopt);
    }
    return out;
}

std::string validationJsonText(const std::string& description, const std::vector<Scores>& perFold) {
    nlohmann::ordered_json folds = nlohmann::ordered_json::array();
    for (const Scores& s : perFold) folds.push_back(scoresJson(s));
    return nlohmann::ordered_json{{"description", description}, {"per_fold", folds}}.dump();
}

std::string featuresJsonText(const FeatureSchema& schema) {
    json features = json::array();
    for (const FeatureInfo& f : schema.features) {
        json item = {{"name", f.name}, {"type", std::string(columnTypeName(f.sourceType))}};
        if (f.isCategorical()) item["levels"] = f.levels;
        features.push_back(std::move(item));
    }
    return features.dump();
}

std::string stringMapJsonText(const std::map<std::string, std::string>& values) {
    return json(values).dump();
}

std::string stringListJsonText(const std::vector<std::string>& values) {
    return json(values).dump();
}

std::map<std::string, std::string> parseStringMapJson(const std::string& text,
                                                      const std::string& source) {
    const json parsed = json::parse(text, nullptr, false);
    std::map<std::string, std::string> out;
    if (!parsed.is_object()) throw IoError(source, "stored parameters are not a JSON object");
    for (const auto& [key, value] : parsed.items()) {
        if (!value.is_string())
            throw IoError(source, "stored parameter \"" + key + "\" is not text");
        out[key] = value.get<std::string>();
    }
    return out;
}

std::vector<std::string> parseStringListJson(const std::string& text, const std::string& source) {
    const json parsed = json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (!parsed.is_array()) throw IoError(source, "a stored list is not a JSON array");
    for (const auto& value : parsed) {
        if (!value.is_string()) throw IoError(source, "a stored list holds something not text");
        out.push_back(value.get<std::string>());
    }
    return out;
}

std::string originJsonText(const std::string& file, std::int64_t version,
                           std::optional<std::int64_t> parent, const std::string& imported) {
    return json{{"file", file},
                {"version", version},
                {"parent", parent ? json(*parent) : json(nullptr)},
                {"imported", imported}}
        .dump();
}

std::string modelVersionJson(const ModelVersion& v, const std::vector<Evaluation>& evaluations) {
    json evals = json::array();
    for (const Evaluation& e : evaluations)
        evals.push_back({{"id", e.id},
                         {"created", e.created},
                         {"dataset", datasetJson(e.dataset)},
                         {"metrics", parseOr(e.metricsJson, metricsObject(e.metrics))}});
    json out = {
        {"version", v.id},
        {"name", v.name},
        {"created", v.created},
        {"model", v.learner},
        {"params", v.params},
        {"task", std::string(taskName(v.task))},
        {"target", v.target},
        {"classes", v.classes},
        {"features", parseOr(v.featuresJson, json::array())},
        {"metrics", parseOr(v.metricsJson, metricsObject(v.metrics))},
        {"validation", parseOr(v.validationJson, json::object())},
        {"dataset", datasetJson(v.dataset)},
        {"preparation", parseOr(v.preparationJson, json::array())},
        {"seed", v.seed},
        {"glassbox_version", v.glassboxVersion},
        {"parent", v.parent ? json(*v.parent) : json(nullptr)},
        {"stage", std::string(stageName(v.stage))},
        {"notes", v.notes},
        {"tags", v.tags},
        {"model_bytes", v.modelBytes},
        {"model_sha256", v.modelSha256},
        {"origin", v.originJson.empty() ? json(nullptr) : parseOr(v.originJson, nullptr)},
        {"evaluations", std::move(evals)},
    };
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

ModelVersion modelVersionFromJson(const std::string& text, const std::string& source,
                                  std::vector<Evaluation>& evaluations) {
    const Reader r{source};
    const json h = json::parse(text, nullptr, false);
    if (h.is_discarded() || !h.is_object()) r.fail("not a JSON object");
    ModelVersion v;
    const json& id = r.field(h, "version");
    if (!id.is_number_integer()) r.fail("\"version\" is not a number");
    v.id = id.get<std::int64_t>();
    v.name = r.text(h, "name");
    v.created = r.text(h, "created");
    v.learner = r.text(h, "model");
    const json& params = r.field(h, "params");
    if (!params.is_object()) r.fail("\"params\" is not an object");
    for (const auto& [key, value] : params.items()) {
        if (!value.is_string()) r.fail("parameter \"" + key + "\" is not text");
        v.params[key] = value.get<std::string>();
    }
    const std::optional<TaskKind> task = parseTaskName(r.text(h, "task"));
    if (!task) r.fail("invalid \"task\"");
    v.task = *task;
    v.target = r.text(h, "target");
    const json& classes = r.field(h, "classes");
    if (!classes.is_array()) r.fail("\"classes\" is not a list");
    for (const auto& c : classes) {
        if (!c.is_string()) r.fail("a class is not text");
        v.classes.push_back(c.get<std::string>());
    }
    const json& features = r.field(h, "features");
    if (!features.is_array()) r.fail("\"features\" is not a list");
    v.featuresJson = features.dump();
    v.metrics = r.metrics(h);
    v.metricsJson = h["metrics"].dump();
    const json& validation = r.field(h, "validation");
    if (!validation.is_object()) r.fail("\"validation\" is not an object");
    v.validationJson = validation.dump();
    v.dataset = r.dataset(h);
    const json& preparation = r.field(h, "preparation");
    if (!preparation.is_array()) r.fail("\"preparation\" is not a list");
    v.preparationJson = preparation.dump();
    v.seed = r.count(h, "seed");
    v.glassboxVersion = r.text(h, "glassbox_version");
    const json& parent = r.field(h, "parent");
    if (!parent.is_null() && !parent.is_number_integer()) r.fail("\"parent\" is not a number");
    if (parent.is_number_integer()) v.parent = parent.get<std::int64_t>();
    const std::optional<Stage> stage = parseStageName(r.text(h, "stage"));
    if (!stage) r.fail("invalid \"stage\"");
    v.stage = *stage;
    v.notes = r.text(h, "notes");
    const json& tags = r.field(h, "tags");
    if (!tags.is_array()) r.fail("\"tags\" is not a list");
    for (const auto& t : tags) {
        if (!t.is_string()) r.fail("a tag is not text");
        v.tags.push_back(t.get<std::string>());
    }
    v.modelBytes = r.count(h, "model_bytes");
    v.modelSha256 = r.text(h, "model_sha256");
    const json& evals = r.field(h, "evaluations");
    if (!evals.is_array()) r.fail("\"evaluations\" is not a list");
    for (const auto& e : evals) {
        Evaluation evaluation;
        evaluation.created = r.text(e, "created");
        evaluation.dataset = r.dataset(e);
        evaluation.metrics = r.metrics(e);
        evaluation.metricsJson = e["metrics"].dump();
        evaluations.push_back(std::move(evaluation));
    }
    return v;
}

}  // namespace glassbox
