// `evaluate FILE --model PATH [--alert-below METRIC=VALUE]... [--threshold T] [--bins N]`:
// scores a saved model on labelled rows, with its curves, and exits 4 when an alert fires.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "app/cli/data_file_options.h"
#include "app/cli/exit_codes.h"
#include "app/cli/history_registry.h"
#include "app/cli/model_commands.h"
#include "app/cli/model_json.h"
#include "app/cli/model_source.h"
#include "engine/curves.h"
#include "engine/dataset_fingerprint.h"
#include "engine/errors.h"
#include "engine/importance.h"
#include "engine/metrics.h"
#include "engine/model_file.h"
#include "engine/table_reader.h"

namespace glassbox::cli {
namespace {

struct EvaluateArguments {
    std::string file;
    DataFileOptions data;
    ModelSource model;
    std::vector<std::string> alertBelow;
    std::optional<double> threshold;
    std::size_t bins = 10;
    std::string calibration = "uniform";
};

struct Alert {
    std::string metric;
    double threshold = 0;
};

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// "accuracy=0.9" -> {accuracy, 0.9}; the metric must be one `task` reports.
Alert parseAlert(const std::string& text, TaskKind task) {
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
        throw InvalidArgument("--alert-below", "\"" + text + "\" is not METRIC=VALUE");
    Alert alert{text.substr(0, eq), 0};
    const std::vector<std::string> known = scoreNames(task);
    if (std::find(known.begin(), known.end(), alert.metric) == known.end())
        throw InvalidArgument("--alert-below", "unknown metric \"" + alert.metric + "\" for " +
                                                   std::string(taskName(task)) +
                                                   " (known: " + joined(known) + ")");
    const std::string value = text.substr(eq + 1);
    char* end = nullptr;
    alert.threshold = std::strtod(value.c_str(), &end);
    if (end != value.c_str() + value.size() || !std::isfinite(alert.threshold))
        throw InvalidArgument("--alert-below", "\"" + value + "\" is not a number");
    return alert;
}

// Non-finite numbers (the +inf first ROC threshold, NaN rates) as null: JSON has neither.
nlohmann::json numbers(const std::vector<double>& values) {
    nlohmann::json out = nlohmann::json::array();
    for (double v : values) out.push_back(std::isfinite(v) ? nlohmann::json(v) : nlohmann::json());
    return out;
}

nlohmann::json number(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json();
}

nlohmann::json rocJson(const RocCurve& roc) {
    return {{"fpr", numbers(roc.fpr)},
            {"tpr", numbers(roc.tpr)},
            {"thresholds", numbers(roc.thresholds)}};
}

void addCurves(nlohmann::json& out, const TrainedModel& model, const Dataset& truth,
               const Predictions& predictions, const EvaluateArguments& args) {
    CurveOptions options;
    options.calibrationBins = args.bins;
    options.calibrationStrategy = args.calibration == "quantile" ? CalibrationStrategy::Quantile
                                                                 : CalibrationStrategy::Uniform;
    const ClassificationCurves curves = classificationCurves(truth.labels, predictions, options);
    nlohmann::json roc = nlohmann::json::object(), pr = nlohmann::json::object(),
                   auc = nlohmann::json::object(), ap = nlohmann::json::object(),
                   calibration = nlohmann::json::object();
    for (std::size_t c = 0; c < curves.perClass.size(); ++c) {
        const ClassCurves& curve = curves.perClass[c];
        const std::string& name = model.classes[c];
        roc[name] = rocJson(curve.roc);
        pr[name] = {{"precision", numbers(curve.pr.precision)},
                    {"recall", numbers(curve.pr.recall)},
                    {"thresholds", numbers(curve.pr.thresholds)}};
        auc[name] = number(curve.auc);
        ap[name] = number(curve.averagePrecision);
        calibration[name] = {{"fraction_positive", numbers(curve.calibration.fractionPositive)},
                             {"mean_predicted", numbers(curve.calibration.meanScore)},
                             {"edges", numbers(curve.calibration.edges)},
                             {"counts", curve.calibration.counts}};
    }
    if (curves.averaged) {
        roc["micro"] = rocJson(curves.microRoc);
        roc["macro"] = rocJson(curves.macroRoc);
        auc["micro"] = number(curves.microAuc);
        auc["macro"] = number(curves.macroAuc);
    }
    out["roc"] = std::move(roc);
    out["pr"] = std::move(pr);
    out["auc"] = std::move(auc);
    out["average_precision"] = std::move(ap);
    out["calibration"] = std::move(calibration);
    out["calibration_strategy"] = args.calibration;
    if (model.classes.size() == 2) out["positive_class"] = model.classes[1];
}

std::string formatted(const nlohmann::json& value) {
    if (value.is_null()) return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value.get<double>());
    return text;
}

void printSummary(const nlohmann::json& out, const TrainedModel& model) {
    std::printf("%s (%s, target %s) on %zu rows", out["model"].get<std::string>().c_str(),
                out["task"].get<std::string>().c_str(), model.target.c_str(),
                out["rows"].get<std::size_t>());
    if (out["skipped_rows"].get<std::size_t>() > 0)
        std::printf(" (%zu skipped: target missing or a class the model does not know)",
                    out["skipped_rows"].get<std::size_t>());
    std::printf("\n");
    if (out.contains("threshold"))
        std::printf("  predicted %s when its probability >= %g\n",
                    out["positive_class"].get<std::string>().c_str(),
                    out["threshold"].get<double>());
    for (const std::string& name : scoreNames(model.task))
        std::printf("  %-18s %s\n", name.c_str(), formatted(out["metrics"][name]).c_str());
    if (model.task == TaskKind::Classification) {
        std::printf("  %-18s %9s %9s %9s %9s %9s %9s\n", "class", "precision", "recall", "f1",
                    "support", "auc", "avg prec");
        for (const std::string& c : model.classes) {
            const nlohmann::json& s = out["per_class"][c];
            std::printf("  %-18s %9s %9s %9s %9zu %9s %9s\n", c.c_str(),
                        formatted(s["precision"]).c_str(), formatted(s["recall"]).c_str(),
                        formatted(s["f1"]).c_str(), s["support"].get<std::size_t>(),
                        formatted(out["auc"][c]).c_str(),
                        formatted(out["average_precision"][c]).c_str());
        }
        if (out["auc"].contains("micro"))
            std::printf("  auc micro %s, macro %s\n", formatted(out["auc"]["micro"]).c_str(),
                        formatted(out["auc"]["macro"]).c_str());
        std::printf(
            "  confusion matrix (rows: true class, columns: predicted, in the order "
            "above)\n");
        for (const auto& row : out["confusion_matrix"]) {
            std::printf("   ");
            for (const auto& cell : row) std::printf(" %8zu", cell.get<std::size_t>());
            std::printf("\n");
        }
    }
    for (const auto& a : out["alerts"])
        std::printf("ALERT: %s = %s is below %g\n", a["metric"].get<std::string>().c_str(),
                    formatted(a["value"]).c_str(), a["threshold"].get<double>());
}

int runEvaluate(const EvaluateArguments& args, const GlobalOptions& global,
                const TaskContext& task) {
    const TrainedModel model = args.model.load(global);
    std::vector<Alert> alerts;
    for (const std::string& text : args.alertBelow) alerts.push_back(parseAlert(text, model.task));
    if (args.threshold && model.classes.size() != 2)
        throw InvalidArgument("--threshold", "applies to binary classification models only");
    if (args.bins < 1 || args.bins > 1000)
        throw InvalidArgument("--bins", "must be between 1 and 1000");
    if (args.threshold && !(*args.threshold >= 0 && *args.threshold <= 1))
        throw InvalidArgument("--threshold", "must be a probability in [0, 1]");

    const LoadedTable loaded = readTable(args.file, args.data.toReadOptions(global.threadCount()),
                                         task.sub(0.0, 0.4, "reading"));
    // The rows with a known target (others are counted, not scored), encoded for the model.
    const DatasetResult labelled = labelledRows(model, loaded.table, args.file);
    const Dataset& truth = labelled.dataset;
    if (truth.rows() == 0)
        throw ParseError(
            args.file, 0, 0,
            "no row has a target value the model knows (column \"" + model.target + "\")");
    const Predictions predictions = model.model->predict(truth.features, task.sub(0.4, 0.9));
    task.report(0.9, "scoring");

    nlohmann::json out = {{"model", model.learner},
                          {"task", std::string(taskName(model.task))},
                          {"target", model.target},
                          {"rows", truth.rows()},
                          {"skipped_rows", labelled.droppedRows}};
    Scores scores;
    if (model.task == TaskKind::Classification) {
        out["classes"] = model.classes;
        scores = args.threshold ? classificationScoresAt(truth.labels, predictions, *args.threshold)
                                : classificationScores(truth.labels, predictions);
        if (args.threshold) out["threshold"] = *args.threshold;
        nlohmann::json perClass = nlohmann::json::object();
        for (std::size_t c = 0; c < scores.perClass.size(); ++c)
            perClass[model.classes[c]] = {{"precision", scores.perClass[c].precision},
                                          {"recall", scores.perClass[c].recall},
                                          {"f1", scores.perClass[c].f1},
                                          {"support", scores.perClass[c].support}};
        out["per_class"] = std::move(perClass);
        out["confusion_matrix"] = scores.confusion;
        addCurves(out, model, truth, predictions, args);
    } else {
        scores = regressionScores(truth.targets, predictions.values);
    }
    out["metrics"] = scoresJson(scores);

    nlohmann::json fired = nlohmann::json::array();
    for (const Alert& alert : alerts) {
        const double value = scores.get(alert.metric).value_or(std::nan(""));
        if (value < alert.threshold)
            fired.push_back(
                {{"metric", alert.metric}, {"value", value}, {"threshold", alert.threshold}});
    }
    out["alert"] = !fired.empty();
    out["alerts"] = std::move(fired);
    // A version's evaluations on new data are kept with it in the history.
    if (args.model.version) {
        const DatasetFingerprint dataset =
            fingerprintDataFile(args.file, loaded.table.rowCount(), loaded.table.columnCount(),
                                task.sub(0.9, 1.0, "fingerprint"));
        out["version"] = *args.model.version;
        out["evaluation"] = openHistory(global).addEvaluation(*args.model.version, dataset, scores);
    }
    task.report(1.0, "done");

    if (global.json)
        std::cout << out.dump(2) << '\n';
    else
        printSummary(out, model);
    std::cout.flush();
    return out["alert"].get<bool>() ? kAlert : kOk;
}

}  // namespace

void addEvaluateCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<EvaluateArguments>();
    CLI::App* command = app.add_subcommand(
        "evaluate", "Scores a saved model on labelled rows: metrics, ROC, PR and calibration");
    command->add_option("FILE", args->file, "CSV, TSV, TXT, ARFF or SQLite file with the target")
        ->required();
    args->data.addTo(*command);
    args->model.addTo(*command);
    command->add_option("--alert-below", args->alertBelow,
                        "METRIC=VALUE: exit 4 when the metric is below VALUE (repeatable)");
    command->add_option("--threshold", args->threshold,
                        "Binary models: predict the second class when its probability >= T");
    command->add_option("--bins", args->bins, "Calibration curve bins (default 10)");
    command
        ->add_option("--calibration", args->calibration,
                     "Calibration bins: uniform (equal width) or quantile (equal counts)")
        ->check(CLI::IsMember({"uniform", "quantile"}));
    command->callback([args, &global, &action] {
        action = [args, &global](const TaskContext& task) {
            return runEvaluate(*args, global, task);
        };
    });
}

}  // namespace glassbox::cli
