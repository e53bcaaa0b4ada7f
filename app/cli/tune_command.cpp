#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "app/cli/data_file_options.h"
#include "app/cli/exit_codes.h"
#include "app/cli/history_registry.h"
#include "app/cli/model_commands.h"
#include "app/cli/model_json.h"
#include "app/cli/preparation_json.h"
#include "app/cli/stats_json.h"
#include "app/cli/training_data.h"
#include "engine/dataset_fingerprint.h"
#include "engine/errors.h"
#include "engine/metric_direction.h"
#include "engine/model_file.h"
#include "engine/search_space.h"
#include "engine/table_tuning.h"
#include "engine/tuning.h"

namespace glassbox::cli {
namespace {

struct TuneArguments {
    std::string file;
    DataFileOptions data;
    std::string target;
    std::string model;
    std::vector<std::string> grids;
    std::vector<std::string> ranges;
    std::size_t random = 0;
    std::string task;
    std::size_t cv = 5;
    std::string foldRule = "stratified";
    std::string metric;
    std::string out;
    std::string name;
    bool noSave = false;
    std::optional<std::int64_t> parent;
    std::vector<std::string> prepare;
    std::string privacyBudget;
};

nlohmann::json numberOrNull(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

std::string searchedText(const ParamValues& params, const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& n : names) text += (text.empty() ? "" : " ") + n + "=" + params.text(n);
    return text.empty() ? "(defaults)" : text;
}

void printSummary(const nlohmann::json& out, const TuningResult& result,
                  const std::vector<std::string>& searched) {
    std::printf(
        "%s on %s (%s): %zu candidates (%s search), %zu-fold cross-validation (%s), "
        "metric %s (%s is better)\n",
        out["model"].get<std::string>().c_str(), out["target"].get<std::string>().c_str(),
        out["task"].get<std::string>().c_str(), result.candidates.size(),
        out["search"].get<std::string>().c_str(), out["cv"]["folds"].get<std::size_t>(),
        out["cv"]["fold_rule"].get<std::string>().c_str(), result.metric.c_str(),
        lowerIsBetter(result.metric) ? "lower" : "higher");
    for (std::size_t i = 0; i < result.candidates.size(); ++i) {
        const TuningCandidate& c = result.candidates[i];
        std::printf("%s %3zu  %.4f ± %.4f  %7.3f s  %s\n", i == result.best ? "*" : " ", i + 1,
                    c.mean, c.std, c.seconds, searchedText(c.params, searched).c_str());
    }
    const TuningCandidate& best = result.candidates[result.best];
    std::printf("best: %s (%s %.4f)\n", searchedText(best.params, searched).c_str(),
                result.metric.c_str(), best.mean);
    if (!out["version"].is_null())
        std::printf("  refitted on all rows, saved as version %lld in %s\n",
                    out["version"].get<long long>(), out["registry"].get<std::string>().c_str());
    if (out.contains("model_file"))
        std::printf("  refitted on all rows and saved to %s\n",
                    out["model_file"].get<std::string>().c_str());
    for (const auto& w : out["warnings"])
        std::printf("warning: %s\n", w["message"].get<std::string>().c_str());
}

int runTune(const TuneArguments& args, const GlobalOptions& global, const TaskContext& task) {
    const auto start = std::chrono::steady_clock::now();
    const Learner& learner = learnerNamed(args.model);
    // The whole search space is checked before the file is read.
    SearchSpace space(learner.params());
    for (const std::string& g : args.grids) space.addValues(g);
    for (const std::string& r : args.ranges) space.addRange(r);
    if (space.empty())
        throw InvalidArgument("--grid", "give at least one --grid KEY=V1,V2,... or --range");
    if (space.hasRanges() && args.random == 0)
        throw InvalidArgument("--range", "ranges are for random search (give --random N)");
    const std::vector<ParamValues> candidates =
        args.random > 0 ? space.sample(args.random, global.seed) : space.grid();
    const PipelineSpec preparation = pipelineFromOptions(args.prepare, args.privacyBudget);

    if (args.noSave && args.parent)
        throw InvalidArgument("--parent", "cannot be combined with --no-save");
    // Opened first: a history that cannot be used is reported before the search, not after.
    std::optional<ModelRegistry> history;
    if (!args.noSave) history.emplace(openHistory(global));
    if (args.parent && !history->contains(*args.parent))
        throw InvalidArgument("--parent", "no version " + std::to_string(*args.parent) +
                                              " in the history " + history->path());

    const TrainingData loaded =
        loadTrainingData(args.file, args.data, args.target, args.task, global.threadCount(),
                         task.sub(0.0, 0.05, "reading"));
    NewVersion version;
    if (history)
        version.dataset = fingerprintDataFile(args.file, loaded.loaded.table.rowCount(),
                                              loaded.loaded.table.columnCount(),
                                              task.sub(0.05, 0.05, "fingerprint"));
    const Dataset& data = loaded.dataset;
    requireSupport(learner, loaded);

    TuningOptions options;
    options.folds = args.cv;
    options.foldRule = args.foldRule == "index" ? FoldRule::Index : FoldRule::Stratified;
    options.metric = args.metric;
    options.seed = global.seed;
    options.threads = global.threadCount();
    // With steps, each fold fits them on its training rows once for every candidate.
    TableTuningRun run;
    if (preparation.empty())
        run.result = tune(learner, data, candidates, options, task.sub(0.05, 1.0));
    else
        run = tuneOnTable(learner, loaded.loaded.table, data.target, data.task, std::nullopt,
                          preparation, candidates, options, task.sub(0.05, 1.0));
    TuningResult& result = run.result;

    const std::vector<std::string> searched = space.names();
    nlohmann::json results = nlohmann::json::array();
    for (const TuningCandidate& c : result.candidates) {
        nlohmann::json folds = nlohmann::json::array();
        for (double s : c.foldScores) folds.push_back(numberOrNull(s));
        results.push_back({{"params", c.params.all()},
                           {"metrics", scoresJson(c.pooled)},
                           {"mean", numberOrNull(c.mean)},
                           {"std", numberOrNull(c.std)},
                           {"fold_scores", folds},
                           {"seconds", c.seconds}});
    }
    const TuningCandidate& best = result.candidates[result.best];
    nlohmann::json out;
    out["results"] = results;
    out["best"] = {{"params", best.params.all()},
                   {"metrics", scoresJson(best.pooled)},
                   {"mean", numberOrNull(best.mean)},
                   {"std", numberOrNull(best.std)},
                   {"index", result.best}};
    out["version"] = nullptr;
    out["metric"] = result.metric;
    out["lower_is_better"] = lowerIsBetter(result.metric);
    out["model"] = learner.name();
    out["searched"] = searched;
    out["search"] = args.random > 0 ? "random" : "grid";
    out["task"] = taskName(data.task);
    out["target"] = data.target;
    out["classes"] = data.classes;
    out["cv"] = {{"folds", args.cv}, {"fold_rule", args.foldRule}};
    out["rows"] = data.rows();
    if (!preparation.empty()) {
        out["prepare"] = pipelineTexts(preparation);
        out["rows"] = run.rows;
    }
    out["features"] =
        run.best ? run.best->schema.features.size() : data.features.schema().features.size();
    out["refit_seconds"] = result.refitSeconds;
    out["seed"] = global.seed;
    out["threads"] = options.threads;
    TrainedModel trained = run.best ? std::move(*run.best)
                                    : TrainedModel{std::string(learner.name()),
                                                   best.params,
                                                   data.task,
                                                   data.target,
                                                   data.classes,
                                                   data.features.schema(),
                                                   global.seed,
                                                   std::move(result.bestModel),
                                                   {}};
    if (history) {
        version.name = args.name;
        version.metrics = best.pooled;
        version.validation = "tuned: best of " + std::to_string(result.candidates.size()) +
                             " candidates by the mean " + result.metric + " of " +
                             std::to_string(args.cv) + "-fold cross-validation (" + args.foldRule +
                             "); metrics: its pooled out-of-fold predictions";
        version.parent = args.parent;
        out["version"] = history->addVersion(trained, version);
        out["registry"] = history->path();
    }
    if (args.parent) out["parent"] = *args.parent;
    if (!args.name.empty()) out["name"] = args.name;
    if (!args.out.empty()) {
        saveModelFile(trained, args.out);
        out["model_file"] = args.out;
    }
    out["warnings"] = warningsJson(loaded.warnings);
    out["seconds"] = secondsSince(start);
    if (global.json)
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else
        printSummary(out, result, searched);
    return kOk;
}

}  // namespace

void addTuneCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<TuneArguments>();
    CLI::App* command = app.add_subcommand(
        "tune", "Grid or random search over a learner's parameters, cross-validated");
    command->add_option("FILE", args->file, "CSV, TSV, TXT, ARFF or SQLite file")->required();
    args->data.addTo(*command);
    command->add_option("--target", args->target, "The column to predict")->required();
    command->add_option("--model", args->model, "The learner kind (see `learners`)")->required();
    command->add_option("--grid", args->grids,
                        "KEY=V1,V2,... values to try, repeatable (list-valued parameters: "
                        "hidden_layers=32;64,64)");
    command
        ->add_option("--random", args->random,
                     "Random search: N candidates drawn by --seed from the --grid lists and "
                     "--range ranges")
        ->check(CLI::Range(1, 1000000));
    command->add_option("--range", args->ranges,
                        "KEY=LO:HI[:log|:linear] for random search, repeatable (reals spanning "
                        "two decades or more are drawn log-uniformly)");
    command->add_option("--task", args->task, "Override the inferred task")
        ->check(CLI::IsMember({"classification", "regression"}));
    command->add_option("--cv", args->cv, "K-fold cross-validation (default 5)")
        ->check(CLI::Range(2, 1000));
    command
        ->add_option("--fold-rule", args->foldRule,
                     "stratified (shuffled by --seed) or index (row i in fold i mod K)")
        ->check(CLI::IsMember({"stratified", "index"}));
    command->add_option("--metric", args->metric,
                        "What to optimize (default accuracy, or r2 for regression)");
    command->add_option("--out", args->out, "Write the best model, refitted on all rows");
    command->add_option("--prepare", args->prepare,
                        "A preparation STEP (as `prepare --step`), repeatable: fitted on each "
                        "fold's training rows and saved with the best model");
    command->add_option("--privacy-budget", args->privacyBudget,
                        "EPSILON[,DELTA] the dp-noise steps may spend (default 1,1e-05)");
    command->add_option("--name", args->name, "A name for the best model's version");
    command->add_flag("--no-save", args->noSave, "Do not add the best model to the history");
    command->add_option("--parent", args->parent,
                        "The version the tuned model derives from (e.g. the one it improves)");
    command->callback([args, &global, &action] {
        action = [args, &global](const TaskContext& task) { return runTune(*args, global, task); };
    });
}

}  // namespace glassbox::cli
