// `history list | show | compare | note | tag | stage | export | import | delete | series`: the
// model history (engine/model_registry.h) from the command line.
#include <cstdio>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/exit_codes.h"
#include "app/cli/history_registry.h"
#include "app/cli/model_commands.h"
#include "engine/errors.h"
#include "engine/preparation_pipeline.h"
#include "engine/version_json.h"

namespace glassbox::cli {
namespace {

using nlohmann::ordered_json;

struct HistoryArguments {
    std::int64_t id = 0;
    std::int64_t other = 0;
    std::string text;
    std::string path;
    bool remove = false;
    // list and series
    std::string learner, target, dataset, stage, tag, sort, metric;
    bool ascending = false;
    std::size_t limit = 0;
};

ordered_json optionalNumber(const std::optional<double>& value) {
    return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json metricsJson(const std::vector<MetricValue>& metrics) {
    ordered_json out = ordered_json::object();
    for (const auto& [name, value] : metrics) out[name] = optionalNumber(value);
    return out;
}

// One version as `history list` shows it (../shared/docs/cli.md).
ordered_json summaryJson(const ModelVersion& v) {
    return {{"version", v.id},
            {"name", v.name},
            {"created", v.created},
            {"model", v.learner},
            {"target", v.target},
            {"dataset",
             {{"file", v.dataset.file}, {"rows", v.dataset.rows}, {"sha256", v.dataset.sha256}}},
            {"metrics", metricsJson(v.metrics)},
            {"stage", std::string(stageName(v.stage))},
            {"parent", v.parent ? ordered_json(*v.parent) : ordered_json(nullptr)},
            {"tags", v.tags}};
}

void print(const ordered_json& out) {
    std::cout << out.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

std::string formatMetric(const std::optional<double>& value) {
    if (!value) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", *value);
    return text;
}

// The metrics a text listing shows: the first two a version has.
std::string headlineMetrics(const ModelVersion& v) {
    std::string out;
    for (std::size_t i = 0; i < v.metrics.size() && i < 2; ++i)
        out += (i ? " " : "") + v.metrics[i].first + "=" + formatMetric(v.metrics[i].second);
    return out;
}

Stage stageOption(const std::string& text, const char* option) {
    const std::optional<Stage> stage = parseStageName(text);
    if (!stage)
        throw InvalidArgument(option,
                              "\"" + text + "\" is not none, staging, production or archived");
    return *stage;
}

int runList(const HistoryArguments& args, const GlobalOptions& global) {
    VersionFilter filter;
    if (!args.learner.empty()) filter.learner = args.learner;
    if (!args.target.empty()) filter.target = args.target;
    if (!args.dataset.empty()) filter.dataset = args.dataset;
    if (!args.stage.empty()) filter.stage = stageOption(args.stage, "--stage");
    if (!args.tag.empty()) filter.tag = args.tag;
    if (!args.sort.empty()) filter.sortMetric = args.sort;
    filter.descending = !args.ascending;
    filter.limit = args.limit;
    const std::vector<ModelVersion> versions = openHistory(global).list(filter);
    if (global.json) {
        ordered_json list = ordered_json::array();
        for (const ModelVersion& v : versions) list.push_back(summaryJson(v));
        print({{"versions", list}});
        return kOk;
    }
    if (versions.empty()) std::printf("no versions\n");
    for (const ModelVersion& v : versions)
        std::printf("%5lld  %s  %-19s %-14s %-10s %s%s%s\n", static_cast<long long>(v.id),
                    v.created.c_str(), v.learner.c_str(), v.target.c_str(),
                    std::string(stageName(v.stage)).c_str(), headlineMetrics(v).c_str(),
                    v.name.empty() ? "" : "  ", v.name.c_str());
    return kOk;
}

int runShow(const HistoryArguments& args, const GlobalOptions& global) {
    ModelRegistry history = openHistory(global);
    const ModelVersion v = namingVersion("ID", [&] { return history.show(args.id); });
    const std::vector<Evaluation> evaluations = history.evaluations(args.id);
    const ordered_json out = ordered_json::parse(modelVersionJson(v, evaluations));
    if (global.json) {
        print(out);
        return kOk;
    }
    std::printf("version %lld%s%s\n", static_cast<long long>(v.id), v.name.empty() ? "" : ": ",
                v.name.c_str());
    std::printf("  created     %s (Glassbox %s)\n", v.created.c_str(), v.glassboxVersion.c_str());
    std::printf("  model       %s on %s (%s)\n", v.learner.c_str(), v.target.c_str(),
                std::string(taskName(v.task)).c_str());
    for (const auto& [name, value] : v.params)
        std::printf("    %-22s %s\n", name.c_str(), value.c_str());
    std::printf("  dataset     %s (%llu rows, %llu columns, sha256 %s)\n", v.dataset.file.c_str(),
                static_cast<unsigned long long>(v.dataset.rows),
                static_cast<unsigned long long>(v.dataset.columns), v.dataset.sha256.c_str());
    std::printf("  validation  %s\n", out["validation"].value("description", "").c_str());
    for (const auto& [name, value] : v.metrics)
        std::printf("    %-22s %s\n", name.c_str(), formatMetric(value).c_str());
    // The preparation steps as STEP text, one per line (the raw list if a step is unknown here).
    std::vector<std::string> steps;
    try {
        steps = pipelineTexts(parsePipelineJson(v.preparationJson, "preparation"));
    } catch (const InvalidArgument&) {
        steps = {out["preparation"].dump()};
    }
    for (std::size_t i = 0; i < steps.size(); ++i)
        std::printf("  %-11s %s\n", i == 0 ? "preparation" : "", steps[i].c_str());
    std::printf("  seed        %llu\n", static_cast<unsigned long long>(v.seed));
    if (v.parent) std::printf("  parent      %lld\n", static_cast<long long>(*v.parent));
    std::printf("  stage       %s\n", std::string(stageName(v.stage)).c_str());
    if (!v.tags.empty()) {
        std::string tags;
        for (const std::string& t : v.tags) tags += (tags.empty() ? "" : ", ") + t;
        std::printf("  tags        %s\n", tags.c_str());
    }
    if (!v.notes.empty()) std::printf("  notes       %s\n", v.notes.c_str());
    if (!v.originJson.empty()) std::printf("  imported    %s\n", v.originJson.c_str());
    std::printf("  model file  %llu bytes, sha256 %s\n",
                static_cast<unsigned long long>(v.modelBytes), v.modelSha256.c_str());
    for (const Evaluation& e : evaluations) {
        std::printf("  evaluated   %s on %s:", e.created.c_str(), e.dataset.file.c_str());
        for (const auto& [name, value] : e.metrics)
            std::printf(" %s=%s", name.c_str(), formatMetric(value).c_str());
        std::printf("\n");
    }
    return kOk;
}

int runCompare(const HistoryArguments& args, const GlobalOptions& global) {
    const VersionComparison c =
        namingVersion("ID", [&] { return openHistory(global).compare(args.id, args.other); });
    auto text = [](const std::optional<std::string>& value) {
        return value ? ordered_json(*value) : ordered_json(nullptr);
    };
    ordered_json params = ordered_json::array();
    for (const auto& p : c.params)
        params.push_back({{"name", p.name}, {"a", text(p.a)}, {"b", text(p.b)}});
    ordered_json metrics = ordered_json::array();
    for (const auto& m : c.metrics)
        metrics.push_back({{"name", m.name},
                           {"a", optionalNumber(m.a)},
                           {"b", optionalNumber(m.b)},
                           {"delta", optionalNumber(m.delta)}});
    if (global.json) {
        print({{"a", summaryJson(c.a)},
               {"b", summaryJson(c.b)},
               {"same_model", c.sameLearner},
               {"same_target", c.sameTarget},
               {"same_dataset", c.sameDataset},
               {"params", params},
               {"metrics", metrics}});
        return kOk;
    }
    std::printf("A = version %lld (%s), B = version %lld (%s)\n", static_cast<long long>(c.a.id),
                c.a.learner.c_str(), static_cast<long long>(c.b.id), c.b.learner.c_str());
    std::printf("dataset: %s\n", c.sameDataset ? "the same (same SHA-256)" : "different");
    if (!c.sameTarget) std::printf("target: %s vs %s\n", c.a.target.c_str(), c.b.target.c_str());
    if (c.params.empty()) std::printf("parameters: the same\n");
    for (const auto& p : c.params)
        std::printf("  %-22s %s -> %s\n", p.name.c_str(), p.a.value_or("(none)").c_str(),
                    p.b.value_or("(none)").c_str());
    for (const auto& m : c.metrics)
        std::printf("  %-22s %s -> %s (%s%s)\n", m.name.c_str(), formatMetric(m.a).c_str(),
                    formatMetric(m.b).c_str(), m.delta && *m.delta >= 0 ? "+" : "",
                    formatMetric(m.delta).c_str());
    return kOk;
}

int runNote(const HistoryArguments& args, const GlobalOptions& global) {
    namingVersion("ID", [&] { openHistory(global).setNotes(args.id, args.text); });
    if (global.json)
        print({{"version", args.id}, {"notes", args.text}});
    else
        std::printf("version %lld: notes set\n", static_cast<long long>(args.id));
    return kOk;
}

int runTag(const HistoryArguments& args, const GlobalOptions& global) {
    ModelRegistry history = openHistory(global);
    namingVersion("ID", [&] {
        if (args.remove)
            history.removeTag(args.id, args.text);
        else
            history.addTag(args.id, args.text);
    });
    const ModelVersion v = history.show(args.id);
    std::string tags;
    for (const std::string& t : v.tags) tags += (tags.empty() ? "" : ", ") + t;
    if (global.json)
        print({{"version", args.id}, {"tags", v.tags}});
    else
        std::printf("version %lld: tags %s\n", static_cast<long long>(args.id),
                    tags.empty() ? "(none)" : tags.c_str());
    return kOk;
}

int runStage(const HistoryArguments& args, const GlobalOptions& global) {
    const Stage stage = stageOption(args.text, "STAGE");
    namingVersion("ID", [&] { openHistory(global).setStage(args.id, stage); });
    if (global.json)
        print({{"version", args.id}, {"stage", args.text}});
    else
        std::printf("version %lld: stage %s\n", static_cast<long long>(args.id), args.text.c_str());
    return kOk;
}

int runExport(const HistoryArguments& args, const GlobalOptions& global, const TaskContext& task) {
    namingVersion("ID", [&] { openHistory(global).exportVersion(args.id, args.path, task); });
    if (global.json)
        print({{"version", args.id}, {"file", args.path}});
    else
        std::printf("version %lld exported to %s\n", static_cast<long long>(args.id),
                    args.path.c_str());
    return kOk;
}

int runImport(const HistoryArguments& args, const GlobalOptions& global, const TaskContext& task) {
    ModelRegistry history = openHistory(global);
    const std::int64_t id = history.importVersion(args.path, task);
    const ModelVersion v = history.show(id);
    if (global.json)
        print({{"version", id}, {"origin", ordered_json::parse(v.originJson)}});
    else
        std::printf("imported as version %lld\n", static_cast<long long>(id));
    return kOk;
}

int runDelete(const HistoryArguments& args, const GlobalOptions& global) {
    namingVersion("ID", [&] { openHistory(global).remove(args.id); });
    if (global.json)
        print({{"deleted", args.id}});
    else
        std::printf("version %lld deleted\n", static_cast<long long>(args.id));
    return kOk;
}

int runSeries(const HistoryArguments& args, const GlobalOptions& global) {
    std::optional<std::string> dataset;
    if (!args.dataset.empty()) dataset = args.dataset;
    const std::vector<MetricPoint> points =
        openHistory(global).series(args.metric, args.target, dataset);
    if (global.json) {
        ordered_json list = ordered_json::array();
        for (const MetricPoint& p : points)
            list.push_back({{"version", p.version},
                            {"created", p.created},
                            {"model", p.learner},
                            {"name", p.name},
                            {"dataset", p.datasetSha256},
                            {"value", optionalNumber(p.value)}});
        print({{"metric", args.metric}, {"target", args.target}, {"points", list}});
        return kOk;
    }
    for (const MetricPoint& p : points)
        std::printf("%5lld  %s  %-19s %s\n", static_cast<long long>(p.version), p.created.c_str(),
                    p.learner.c_str(), formatMetric(p.value).c_str());
    return kOk;
}

}  // namespace

void addHistoryCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<HistoryArguments>();
    CLI::App* history =
        app.add_subcommand("history", "The model history: every trained model a version");
    history->require_subcommand(1);
    // Registers `name` with its action; the action runs with the parsed arguments.
    auto command = [&](const char* name, const char* help, auto run) {
        CLI::App* sub = history->add_subcommand(name, help);
        sub->callback([args, &global, &action, run] {
            action = [args, &global, run](const TaskContext& task) {
                return run(*args, global, task);
            };
        });
        return sub;
    };
    auto idArgument = [&](CLI::App* sub) {
        sub->add_option("ID", args->id, "A version id (see history list)")->required();
    };

    CLI::App* list = command("list", "Versions, newest first",
                             [](auto& a, auto& g, auto&) { return runList(a, g); });
    list->add_option("--learner", args->learner, "Only this learner (decision_tree, ...)");
    list->add_option("--target", args->target, "Only models of this target column");
    list->add_option("--dataset", args->dataset, "Only this dataset: its SHA-256 or its start");
    list->add_option("--stage", args->stage, "Only this stage")
        ->check(CLI::IsMember({"none", "staging", "production", "archived"}));
    list->add_option("--tag", args->tag, "Only versions with this tag");
    list->add_option("--sort", args->sort, "Sort by this metric (best first: see --ascending)");
    list->add_flag("--ascending", args->ascending, "Smallest first (for rmse, mae, log_loss)");
    list->add_option("--limit", args->limit, "At most this many versions");

    idArgument(command("show", "Everything recorded about a version",
                       [](auto& a, auto& g, auto&) { return runShow(a, g); }));

    CLI::App* compare =
        command("compare", "Parameter differences and metric deltas of two versions",
                [](auto& a, auto& g, auto&) { return runCompare(a, g); });
    idArgument(compare);
    compare->add_option("ID2", args->other, "The version compared with ID")->required();

    CLI::App* note = command("note", "Set a version's notes",
                             [](auto& a, auto& g, auto&) { return runNote(a, g); });
    idArgument(note);
    note->add_option("TEXT", args->text, "The notes (replace the old ones)")->required();

    CLI::App* tag = command("tag", "Tag a version (or --remove the tag)",
                            [](auto& a, auto& g, auto&) { return runTag(a, g); });
    idArgument(tag);
    tag->add_option("TAG", args->text, "The tag")->required();
    tag->add_flag("--remove", args->remove, "Remove the tag instead");

    CLI::App* stage = command("stage", "Set a version's stage",
                              [](auto& a, auto& g, auto&) { return runStage(a, g); });
    idArgument(stage);
    stage->add_option("STAGE", args->text, "none, staging, production or archived")
        ->required()
        ->check(CLI::IsMember({"none", "staging", "production", "archived"}));

    CLI::App* exported = command("export", "Write a version (model + metadata) to one file",
                                 [](auto& a, auto& g, auto& t) { return runExport(a, g, t); });
    idArgument(exported);
    exported->add_option("PATH", args->path, "The file to write")->required();

    command("import", "Add a version from an export file (gets a new id)",
            [](auto& a, auto& g, auto& t) { return runImport(a, g, t); })
        ->add_option("PATH", args->path, "A file written by history export")
        ->required();

    idArgument(command("delete", "Delete a version with its model and evaluations",
                       [](auto& a, auto& g, auto&) { return runDelete(a, g); }));

    CLI::App* series = command("series", "One metric over the versions of a target (oldest first)",
                               [](auto& a, auto& g, auto&) { return runSeries(a, g); });
    series->add_option("--metric", args->metric, "The metric")->required();
    series->add_option("--target", args->target, "The target column")->required();
    series->add_option("--dataset", args->dataset, "Only this dataset: its SHA-256 or its start");
}

}  // namespace glassbox::cli
