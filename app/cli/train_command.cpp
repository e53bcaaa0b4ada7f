#include <chrono>
#include <iostream>
#include <map>
#include <memory>

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
#include "engine/model_file.h"
#include "engine/table_reader.h"
#include "engine/table_training.h"

namespace glassbox::cli {
namespace {

struct TrainArguments {
    std::string file;
    DataFileOptions data;
    std::string target;
    std::string model;
    std::vector<std::string> params;
    std::string task;
    std::size_t cv = 0;
    std::string foldRule = "stratified";
    double testFraction = 0;
    std::string name;
    bool noSave = false;
    std::optional<std::int64_t> parent;
    std::optional<std::int64_t> retrain;  // --version ID
    std::string out;
    std::vector<std::string> prepare;  // STEP texts
    std::string privacyBudget;
};

std::map<std::string, std::string> givenParams(const std::vector<std::string>& assignments) {
    std::map<std::string, std::string> given;
    for (const std::string& a : assignments) {
        auto [key, value] = splitParamAssignment(a);
        if (!given.emplace(key, value).second)
            throw InvalidArgument("--param", "\"" + key + "\" is given twice");
    }
    return given;
}

void printSummary(const nlohmann::json& out) {
    std::printf("%s on %s (%s): %zu rows, %zu features, %s\n",
                out["model"].get<std::string>().c_str(), out["target"].get<std::string>().c_str(),
                out["task"].get<std::string>().c_str(), out["rows"].get<std::size_t>(),
                out["features"].get<std::size_t>(), out["validation"].get<std::string>().c_str());
    for (const auto& [name, value] : out["metrics"].items()) {
        if (name == "confusion_matrix") continue;
        if (value.is_null())
            std::printf("  %-18s -\n", name.c_str());
        else
            std::printf("  %-18s %.4f\n", name.c_str(), value.get<double>());
    }
    if (out["metrics"].contains("confusion_matrix")) {
        std::printf("  confusion matrix (rows: true %s)\n",
                    out["target"].get<std::string>().c_str());
        for (const auto& row : out["metrics"]["confusion_matrix"]) {
            std::printf("   ");
            for (const auto& cell : row) std::printf(" %8zu", cell.get<std::size_t>());
            std::printf("\n");
        }
    }
    for (const auto& [name, value] : out["fit_summary"].items())
        std::printf("  %-18s %g\n", name.c_str(), value.get<double>());
    std::printf("  fitted in %.3f s\n", out["train_seconds"].get<double>());
    if (!out["version"].is_null())
        std::printf("  saved as version %lld in %s\n", out["version"].get<long long>(),
                    out["registry"].get<std::string>().c_str());
    if (out.contains("model_file"))
        std::printf("  saved to %s\n", out["model_file"].get<std::string>().c_str());
    for (const auto& w : out["warnings"])
        std::printf("warning: %s\n", w["message"].get<std::string>().c_str());
}

int runTrain(const TrainArguments& args, const GlobalOptions& global, const TaskContext& task) {
    const auto start = std::chrono::steady_clock::now();
    if (args.cv > 0 && args.testFraction > 0)
        throw InvalidArgument("--test-fraction", "cannot be combined with --cv");
    if (args.noSave && args.parent)
        throw InvalidArgument("--parent", "cannot be combined with --no-save");
    // Opened first: a history that cannot be used is reported before the training, not after.
    std::optional<ModelRegistry> history;
    if (!args.noSave || args.retrain) history.emplace(openHistory(global));
    if (args.parent && !history->contains(*args.parent))
        throw InvalidArgument("--parent", "no version " + std::to_string(*args.parent) +
                                              " in the history " + history->path());

    // --version ID retrains a version: its learner, parameters (--param overrides some), target
    // and task, unless given; the new version's parent is ID unless --parent says otherwise.
    std::string learnerName = args.model;
    std::string target = args.target;
    std::map<std::string, std::string> given = givenParams(args.params);
    std::string taskText = args.task;
    std::optional<std::int64_t> parent = args.parent;
    PipelineSpec preparation = pipelineFromOptions(args.prepare, args.privacyBudget);
    if (args.retrain) {
        const ModelVersion base =
            namingVersion("--version", [&] { return history->show(*args.retrain); });
        learnerName = base.learner;
        if (target.empty()) target = base.target;
        if (taskText.empty()) taskText = std::string(taskName(base.task));
        for (const auto& [key, value] : base.params) given.emplace(key, value);
        if (!parent && !args.noSave) parent = base.id;
        if (args.prepare.empty()) {
            const PrivacyAllowance budget = preparation.budget;
            preparation = parsePipelineJson(base.preparationJson, "--version");
            preparation.budget = budget;
        }
    }
    if (args.noSave) history.reset();
    const Learner& learner = learnerNamed(learnerName);
    const ParamValues params = ParamValues::resolve(learner.params(), given);
    const FoldRule rule = args.foldRule == "index" ? FoldRule::Index : FoldRule::Stratified;
    const FitOptions options{global.seed, global.threadCount()};

    const TrainingData loaded = loadTrainingData(args.file, args.data, target, taskText,
                                                 options.threads, task.sub(0.0, 0.1, "reading"));
    // Right after reading, so the fingerprint describes the bytes that were read.
    NewVersion version;
    if (history)
        version.dataset = fingerprintDataFile(args.file, loaded.loaded.table.rowCount(),
                                              loaded.loaded.table.columnCount(),
                                              task.sub(0.1, 0.1, "fingerprint"));
    const Dataset& data = loaded.dataset;
    requireSupport(learner, loaded);
    const std::vector<Warning>& warnings = loaded.warnings;

    ValidationPlan plan;
    plan.rule = rule;
    if (args.cv > 0) {
        plan.folds = args.cv;
    } else if (args.testFraction > 0) {
        plan.kind = ValidationPlan::Kind::Holdout;
        plan.testFraction = args.testFraction;
    } else {
        plan.kind = ValidationPlan::Kind::TrainingRows;
    }
    // Without steps the dataset built on reading is trained on; with steps trainOnTable fits them
    // inside the validation and builds each fold's features from its prepared rows.
    TableTrainingRun tableRun;
    if (preparation.empty())
        tableRun.run = trainAndValidate(learner, data, params, plan, options, task.sub(0.1, 1.0));
    else
        tableRun = trainOnTable(learner, loaded.loaded.table, data.target, data.task, std::nullopt,
                                preparation, params, plan, options, task.sub(0.1, 1.0));
    TrainingRun& run = tableRun.run;
    TrainedModel& trained = run.trained;
    const double trainSeconds = run.trainSeconds;
    nlohmann::json out;
    out["metrics"] = scoresJson(run.metrics);
    version.metrics = run.metrics;
    std::string validation = run.validation;
    if (plan.kind == ValidationPlan::Kind::CrossValidation) {
        nlohmann::json perFold = nlohmann::json::array();
        for (const Scores& s : run.perFold) perFold.push_back(scoresJson(s));
        out["cv"] = {{"folds", args.cv}, {"fold_rule", args.foldRule}, {"per_fold", perFold}};
        version.perFold = run.perFold;
    } else if (plan.kind == ValidationPlan::Kind::Holdout) {
        out["test_rows"] = run.rows.size();
    } else {
        validation = "training rows (no validation: use --cv or --test-fraction)";
    }

    nlohmann::json summary = nlohmann::json::object();
    for (const auto& [name, value] : trained.model->fitSummary()) summary[name] = value;
    std::vector<std::string> featureNames;
    for (const FeatureInfo& f : trained.schema.features) featureNames.push_back(f.name);

    out["version"] = nullptr;
    if (history) {
        version.name = args.name;
        version.validation = validation;
        version.parent = parent;
        out["version"] = history->addVersion(trained, version);
        out["registry"] = history->path();
    }
    if (parent) out["parent"] = *parent;
    out["model"] = learner.name();
    out["params"] = params.all();
    out["task"] = taskName(data.task);
    out["target"] = data.target;
    out["classes"] = data.classes;
    out["validation"] = validation;
    out["train_seconds"] = trainSeconds;
    out["rows"] = preparation.empty() ? data.rows() : tableRun.dataset.rows();
    if (!preparation.empty()) {
        out["prepare"] = pipelineTexts(preparation);
        out["preparation"] = {{"steps", stepReportsJson(tableRun.preparation)},
                              {"report", privacyReportJson(tableRun.preparation, preparation)},
                              {"protected_rows", tableRun.protectedRows}};
    }
    out["features"] = featureNames.size();
    out["feature_names"] = featureNames;
    out["fit_summary"] = summary;
    out["seed"] = global.seed;
    out["threads"] = options.threads;
    if (!args.name.empty()) out["name"] = args.name;
    if (!args.out.empty()) {
        saveModelFile(trained, args.out);
        out["model_file"] = args.out;
    }
    out["warnings"] = warningsJson(warnings);
    out["seconds"] = secondsSince(start);
    if (global.json)
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else
        printSummary(out);
    return kOk;
}

}  // namespace

void addTrainCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<TrainArguments>();
    CLI::App* command = app.add_subcommand("train", "Fit a model, validate it and save it");
    command->add_option("FILE", args->file, "CSV, TSV, TXT, ARFF or SQLite file")->required();
    args->data.addTo(*command);
    CLI::Option* target = command->add_option(
        "--target", args->target, "The column to predict (with --version: the version's)");
    CLI::Option* model =
        command->add_option("--model", args->model,
                            "decision_tree, random_forest, gradient_boosting, logistic_regression, "
                            "linear_regression, knn, naive_bayes, mlp (see `learners`)");
    CLI::Option* retrain = command->add_option(
        "--version", args->retrain,
        "Retrain this version of the history: its model, parameters (--param overrides), "
        "target and task; it becomes the parent");
    retrain->excludes(model);
    command->parse_complete_callback([target, model, retrain] {
        if (retrain->count() > 0) return;
        if (target->count() == 0) throw CLI::RequiredError("--target");
        if (model->count() == 0) throw CLI::RequiredError("--model");
    });
    command->add_option("--param", args->params, "KEY=VALUE, repeatable (see `learners`)");
    command->add_option("--task", args->task, "Override the inferred task")
        ->check(CLI::IsMember({"classification", "regression"}));
    command->add_option("--cv", args->cv, "K-fold cross-validation")->check(CLI::Range(2, 1000));
    command
        ->add_option("--fold-rule", args->foldRule,
                     "stratified (shuffled by --seed) or index (row i in fold i mod K; "
                     "with --test-fraction: the last rows are the test set)")
        ->check(CLI::IsMember({"stratified", "index"}));
    command->add_option("--test-fraction", args->testFraction, "Holdout: the share of test rows")
        ->check(CLI::Range(0.0, 1.0));
    command->add_option("--name", args->name, "A name for the model version");
    command->add_flag("--no-save", args->noSave, "Do not add the model to the history");
    command->add_option("--parent", args->parent,
                        "The version this one derives from (retrained, tuned...)");
    command->add_option("--out", args->out, "Also write the fitted model to this file");
    command->add_option("--prepare", args->prepare,
                        "A preparation STEP (as `prepare --step`), repeatable: fitted on the "
                        "training rows of each fold and saved with the model");
    command->add_option("--privacy-budget", args->privacyBudget,
                        "EPSILON[,DELTA] the dp-noise steps may spend (default 1,1e-05)");
    command->callback([args, &global, &action] {
        action = [args, &global](const TaskContext& task) { return runTrain(*args, global, task); };
    });
}

}  // namespace glassbox::cli
