#include "engine/model_file.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/mapped_file.h"
#include "engine/sha256.h"

namespace glassbox {
namespace {

// PNG-style: a high byte and CR LF / SUB / LF catch files mangled by text-mode transfers.
constexpr std::uint8_t kMagic[8] = {0x89, 'G', 'B', 'X', '\r', '\n', 0x1a, '\n'};
constexpr std::size_t kPreambleBytes = 8 + 4 + 4 + 8 + 32;
constexpr const char* kGlassboxVersion = GLASSBOX_VERSION;

nlohmann::json headerOf(const TrainedModel& t) {
    nlohmann::json features = nlohmann::json::array();
    for (const FeatureInfo& f : t.schema.features) {
        nlohmann::json item = {{"name", f.name},
                               {"type", std::string(columnTypeName(f.sourceType))}};
        if (f.isCategorical()) item["levels"] = f.levels;
        features.push_back(std::move(item));
    }
    return {
        {"learner", t.learner},
        {"params", t.params.all()},
        {"task", std::string(taskName(t.task))},
        {"target", t.target},
        {"classes", t.classes},
        {"features", std::move(features)},
        {"seed", t.seed},
        {"glassbox_version", kGlassboxVersion},
    };
}

// Version 2 headers list the preparation steps; version 1 has none.
nlohmann::json headerWithPreparation(const TrainedModel& t) {
    nlohmann::json h = headerOf(t);
    if (!t.preparation.empty())
        h["preparation"] = nlohmann::json::parse(pipelineJson(t.preparation.spec()));
    return h;
}

// Reads the header's metadata into `t`, checking every field's type and meaning.
void readHeader(const nlohmann::json& h, TrainedModel& t, const std::string& source) {
    auto fail = [&](const std::string& what) { throw ModelFormatError(source, what); };
    if (!h.is_object()) fail("the header is not a JSON object");
    auto text = [&](const char* key) -> std::string {
        if (!h.contains(key) || !h[key].is_string())
            fail(std::string("the header lacks \"") + key + "\"");
        return h[key].get<std::string>();
    };
    t.learner = text("learner");
    const Learner* learner = nullptr;
    for (const Learner* l : allLearners())
        if (l->name() == t.learner) learner = l;
    if (!learner) fail("unknown learner \"" + t.learner + "\" (made by a newer Glassbox?)");

    if (!h.contains("params") || !h["params"].is_object()) fail("the header lacks \"params\"");
    std::map<std::string, std::string> given;
    for (const auto& [key, value] : h["params"].items()) {
        if (!value.is_string()) fail("parameter \"" + key + "\" is not text");
        given[key] = value.get<std::string>();
    }
    try {
        t.params = ParamValues::resolve(learner->params(), given);
    } catch (const InvalidArgument& e) {
        fail(std::string("invalid parameter: ") + e.what());
    }

    const std::optional<TaskKind> task = parseTaskName(text("task"));
    if (!task || !learner->supports(*task)) fail("invalid task");
    t.task = *task;
    t.target = text("target");

    if (!h.contains("classes") || !h["classes"].is_array()) fail("the header lacks \"classes\"");
    for (const auto& c : h["classes"]) {
        if (!c.is_string()) fail("a class name is not text");
        t.classes.push_back(c.get<std::string>());
    }
    const std::set<std::string> distinctClasses(t.classes.begin(), t.classes.end());
    if (distinctClasses.size() != t.classes.size()) fail("class names repeat");
    if (t.task == TaskKind::Classification ? t.classes.size() < 2 : !t.classes.empty())
        fail("the classes do not match the task");

    if (!h.contains("features") || !h["features"].is_array()) fail("the header lacks \"features\"");
    std::set<std::string> names;
    for (const auto& f : h["features"]) {
        if (!f.is_object() || !f.contains("name") || !f["name"].is_string() ||
            !f.contains("type") || !f["type"].is_string())
            fail("a feature lacks its name or type");
        FeatureInfo info;
        info.name = f["name"].get<std::string>();
        const std::optional<ColumnType> type = parseColumnTypeName(f["type"].get<std::string>());
        if (!type || *type == ColumnType::Text)
            fail("feature \"" + info.name + "\" has an invalid type");
        info.sourceType = *type;
        if (info.isCategorical()) {
            if (!f.contains("levels") || !f["levels"].is_array())
                fail("categorical feature \"" + info.name + "\" lacks its levels");
            for (const auto& level : f["levels"]) {
                if (!level.is_string()) fail("a level of \"" + info.name + "\" is not text");
                info.levels.push_back(level.get<std::string>());
            }
        }
        if (!names.insert(info.name).second) fail("feature \"" + info.name + "\" repeats");
        t.schema.features.push_back(std::move(info));
    }
    if (!h.contains("seed") || !h["seed"].is_number_unsigned()) fail("the header lacks \"seed\"");
    t.seed = h["seed"].get<std::uint64_t>();
}

}  // namespace

FeatureMatrix TrainedModel::features(const Table& table, const std::string& source,
                                     const TaskContext& task) const {
    if (preparation.empty()) return encodeFeatures(table, schema, source);
    return encodeFeatures(preparation.apply(table, StepUse::Prediction, nullptr, task), schema,
                          source);
}

Predictions TrainedModel::predict(const Table& table, const std::string& source,
                                  const TaskContext& task) const {
    return model->predict(features(table, source, task.sub(0.0, 0.2)), task.sub(0.2, 1.0));
}

std::vector<std::uint8_t> serializeModel(const TrainedModel& trained) {
    const std::string header = headerWithPreparation(trained).dump();
    ByteWriter payload;
    if (!trained.preparation.empty()) trained.preparation.save(payload);
    trained.model->save(payload);
    const std::vector<std::uint8_t>& body = payload.bytes();
    if (header.size() > kMaxModelHeaderBytes)
        throw InvalidArgument("model",
                              "the model's metadata exceeds the format's 1 MiB header limit "
                              "(too many features or levels)");

    Sha256 hash;
    hash.update(header);
    hash.update(body);
    const Sha256::Digest digest = hash.finish();

    std::vector<std::uint8_t> out(kPreambleBytes + header.size() + body.size());
    std::uint8_t* p = out.data();
    std::memcpy(p, kMagic, 8);
    putLittle<std::uint32_t>(p + 8, trained.preparation.empty() ? 1 : kModelFormatVersion);
    putLittle<std::uint32_t>(p + 12, static_cast<std::uint32_t>(header.size()));
    putLittle<std::uint64_t>(p + 16, body.size());
    std::memcpy(p + 24, digest.data(), digest.size());
    std::memcpy(p + kPreambleBytes, header.data(), header.size());
    if (!body.empty()) std::memcpy(p + kPreambleBytes + header.size(), body.data(), body.size());
    return out;
}

TrainedModel deserializeModel(std::span<const std::uint8_t> bytes, const std::string& source) {
    auto fail = [&](const std::string& what) { throw ModelFormatError(source, what); };
    if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 8) != 0)
        fail("not a Glassbox model file");
    if (bytes.size() < kPreambleBytes) fail("the file is truncated");
    const auto version = getLittle<std::uint32_t>(bytes.data() + 8);
    if (version > kModelFormatVersion)
        fail("model format version " + std::to_string(version) +
             " is newer than this Glassbox reads (" + std::to_string(kModelFormatVersion) + ")");
    if (version == 0) fail("invalid model format version 0");
    const auto headerBytes = getLittle<std::uint32_t>(bytes.data() + 12);
    const auto payloadBytes = getLittle<std::uint64_t>(bytes.data() + 16);
    if (headerBytes > kMaxModelHeaderBytes) fail("the header length exceeds the format's limit");
    const std::uint64_t available = bytes.size() - kPreambleBytes;
    if (headerBytes > available || payloadBytes > available - headerBytes)
        fail("the file is truncated");
    if (headerBytes + payloadBytes != available) fail("unexpected bytes after the model");

    const std::span<const std::uint8_t> header = bytes.subspan(kPreambleBytes, headerBytes);
    const std::span<const std::uint8_t> body =
        bytes.subspan(kPreambleBytes + headerBytes, payloadBytes);
    Sha256 hash;
    hash.update(header);
    hash.update(body);
    if (hash.finish() != *reinterpret_cast<const Sha256::Digest*>(bytes.data() + 24))
        fail("checksum mismatch: the file is damaged");

    TrainedModel t;
    const nlohmann::json h = nlohmann::json::parse(header.begin(), header.end(), nullptr, false);
    if (h.is_discarded()) fail("the header is not valid JSON");
    readHeader(h, t, source);
    ByteReader in(body, source);
    if (version >= 2 && h.contains("preparation")) {
        PipelineSpec spec;
        try {
            spec = parsePipelineJson(h["preparation"].dump(), source);
        } catch (const InvalidArgument& e) {
            fail(e.what());
        }
        if (!spec.empty()) t.preparation = FittedPipeline::load(in, spec, source);
    }
    t.model = t.learnerInfo().load(in, t.schema, t.task, t.classes.size());
    in.expectEnd();
    return t;
}

void saveModelFile(const TrainedModel& trained, const std::string& path) {
    const std::vector<std::uint8_t> bytes = serializeModel(trained);
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError(path, "cannot write: " + std::string(std::strerror(errno)));
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::remove(temporary.c_str());
            throw IoError(path, "cannot write: " + std::string(std::strerror(errno)));
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary.c_str());
        throw IoError(path, "cannot write: " + reason);
    }
}

TrainedModel loadModelFile(const std::string& path) {
    const MappedFile file(path);
    const std::string_view bytes = file.bytes();
    return deserializeModel(std::span<const std::uint8_t>(
                                reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()),
                            path);
}

}  // namespace glassbox
