#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/data_file_options.h"
#include "app/cli/exit_codes.h"
#include "app/cli/model_commands.h"
#include "app/cli/model_json.h"
#include "app/cli/stats_json.h"
#include "app/cli/training_data.h"
#include "engine/errors.h"
#include "engine/metric_direction.h"
#include "engine/model_comparison.h"

namespace glassbox::cli {
namespace {

struct CompareArguments {
    std::string file;
    DataFileOptions data;
    std::string target;
    std::vector<std::string> models;
    std::string task;
    std::size_t cv = 10;
    std::size_t repeats = 10;
    std::string foldRule = "stratified";
    std::string metric;
    double alpha = 0.05;
};

nlohmann::json numberOrNull(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

// "knn:k=3;weights=distance": the learner and its parameters (errors name the parameter).
Configuration parseModel(const std::string& text) {
    const std::size_t colon = text.find(':');
    Configuration out;
    out.learner = &learnerNamed(text.substr(0, colon));
    std::map<std::string, std::string> given;
    if (colon != std::string::npos) {
        std::size_t begin = colon + 1;
        while (begin <= text.size()) {
            std::size_t end = text.find(';', begin);
            if (end == std::string::npos) end = text.size();
            const std::string assignment = text.substr(begin, end - begin);
            const std::size_t eq = assignment.find('=');
            if (eq == std::string::npos || eq == 0)
                throw InvalidArgument("--model",
                                      "expected KIND[:key=value;key=value], got \"" + text + "\"");
            if (!given.emplace(assignment.substr(0, eq), assignment.substr(eq + 1)).second)
                throw InvalidArgument("--model", "\"" + assignment.substr(0, eq) +
                                                     "\" is given twice in \"" + text + "\"");
            begin = end + 1;
        }
    }
    out.params = ParamValues::resolve(out.learner->params(), given);
    return out;
}

void printSummary(const nlohmann::json& out) {
    std::printf(
        "%zu models on %s (%s): %zu x %zu-fold cross-validation (%s), metric %s (%s is "
        "better)\n",
        out["models"].size(), out["target"].get<std::string>().c_str(),
        out["task"].get<std::string>().c_str(), out["repeats"].get<std::size_t>(),
        out["folds"].get<std::size_t>(), out["fold_rule"].get<std::string>().c_str(),
        out["metric"].get<std::string>().c_str(),
        out["lower_is_better"].get<bool>() ? "lower" : "higher");
    for (const auto& m : out["models"]) {
        const auto value = [](const nlohmann::json& v) {
            return v.is_null() ? NAN : v.get<double>();
        };
        std::printf("  %-40s %.4f ± %.4f  %7.3f s\n", m["label"].get<std::string>().c_str(),
                    value(m["mean"]), value(m["std"]), m["seconds"].get<double>());
    }
    std::printf("corrected resampled t-test (Nadeau & Bengio), alpha %g:\n",
                out["alpha"].get<double>());
    for (const auto& p : out["pairs"]) {
        const auto shown = [](const nlohmann::json& v) {
            char buffer[32];
            if (v.is_null()) return std::string("-");
            std::snprintf(buffer, sizeof buffer, "%.4g", v.get<double>());
            return std::string(buffer);
        };
        std::printf("  %s vs %s: difference %s, t %s, df %s, p %s: %s\n",
                    p["first"].get<std::string>().c_str(), p["second"].get<std::string>().c_str(),
                    shown(p["difference"]).c_str(), shown(p["t"]).c_str(), shown(p["df"]).c_str(),
                    shown(p["p_value"]).c_str(),
                    p["better"].is_null()
                        ? "no significant difference"
                        : (p["better"].get<std::string>() + " is better").c_str());
    }
    for (const auto& w : out["warnings"])
        std::printf("warning: %s\n", w["message"].get<std::string>().c_str());
}

int runCompare(const CompareArguments& args, const GlobalOptions& global, const TaskContext& task) {
    const auto start = std::chrono::steady_clock::now();
    if (args.models.size() < 2)
        throw InvalidArgument("--model", "give at least two models to compare");
    std::vector<Configuration> models;
    for (const std::string& m : args.models) models.push_back(parseModel(m));

    const TrainingData loaded =
        loadTrainingData(args.file, args.data, args.target, args.task, global.threadCount(),
                         task.sub(0.0, 0.05, "reading"));
    const Dataset& data = loaded.dataset;
    for (const Configuration& m : models) requireSupport(*m.learner, loaded);

    ComparisonOptions options;
    options.folds = args.cv;
    options.repeats = args.repeats;
    options.foldRule = args.foldRule == "index" ? FoldRule::Index : FoldRule::Stratified;
    options.metric = args.metric;
    options.seed = global.seed;
    options.threads = global.threadCount();
    options.alpha = args.alpha;
    const ComparisonResult result = compareModels(models, data, options, task.sub(0.05, 1.0));

    nlohmann::json modelsJson = nlohmann::json::array();
    for (std::size_t i = 0; i < models.size(); ++i) {
        const ComparedModel& m = result.models[i];
        nlohmann::json folds = nlohmann::json::array();
        for (double s : m.foldScores) folds.push_back(numberOrNull(s));
        modelsJson.push_back({{"label", args.models[i]},
                              {"model", models[i].learner->name()},
                              {"params", models[i].params.all()},
                              {"mean", numberOrNull(m.mean)},
                              {"std", numberOrNull(m.std)},
                              {"fold_scores", folds},
                              {"metrics", scoresJson(m.pooled)},
                              {"seconds", m.seconds}});
    }
    nlohmann::json pairs = nlohmann::json::array();
    for (const PairComparison& p : result.pairs)
        pairs.push_back(
            {{"first", args.models[p.first]},
             {"second", args.models[p.second]},
             {"first_index", p.first},
             {"second_index", p.second},
             {"difference", numberOrNull(p.test.meanDifference)},
             {"t", numberOrNull(p.test.t)},
             {"df", numberOrNull(p.test.df)},
             {"p_value", numberOrNull(p.test.p)},
             {"significant", p.better.has_value()},
             {"better", p.better ? nlohmann::json(args.models[*p.better]) : nlohmann::json()}});
    nlohmann::json out;
    out["models"] = modelsJson;
    out["pairs"] = pairs;
    out["metric"] = result.metric;
    out["lower_is_better"] = lowerIsBetter(result.metric);
    out["folds"] = result.folds;
    out["repeats"] = result.repeats;
    out["fold_rule"] = args.foldRule;
    out["test"] = "corrected resampled t-test (Nadeau & Bengio)";
    out["test_train_ratio"] = result.testTrainRatio;
    out["alpha"] = args.alpha;
    out["task"] = taskName(data.task);
    out["target"] = data.target;
    out["rows"] = data.rows();
    out["seed"] = global.seed;
    out["threads"] = options.threads;
    out["warnings"] = warningsJson(loaded.warnings);
    out["seconds"] = secondsSince(start);
    if (global.json)
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else
        printSummary(out);
    return kOk;
}

}  // namespace

void addCompareCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<CompareArguments>();
    CLI::App* command = app.add_subcommand(
        "compare", "Compare learners on the same repeated cross-validation folds");
    command->add_option("FILE", args->file, "CSV, TSV, TXT, ARFF or SQLite file")->required();
    args->data.addTo(*command);
    command->add_option("--target", args->target, "The column to predict")->required();
    command
        ->add_option("--model", args->models,
                     "KIND[:key=value;key=value], repeatable: at least two (see `learners`)")
        ->required();
    command->add_option("--task", args->task, "Override the inferred task")
        ->check(CLI::IsMember({"classification", "regression"}));
    command->add_option("--cv", args->cv, "Folds per repeat (default 10)")
        ->check(CLI::Range(2, 1000));
    command->add_option("--repeats", args->repeats, "Repeats of the cross-validation (default 10)")
        ->check(CLI::Range(1, 1000));
    command
        ->add_option("--fold-rule", args->foldRule,
                     "stratified (shuffled by --seed + repeat) or index (one repeat only)")
        ->check(CLI::IsMember({"stratified", "index"}));
    command->add_option("--metric", args->metric,
                        "The score compared (default accuracy, or r2 for regression)");
    command->add_option("--alpha", args->alpha, "Significance level (default 0.05)")
        ->check(CLI::Range(0.0, 1.0));
    command->callback([args, &global, &action] {
        action = [args, &global](const TaskContext& task) {
            return runCompare(*args, global, task);
        };
    });
}

}  // namespace glassbox::cli
