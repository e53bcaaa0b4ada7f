#include <cstdio>
#include <iostream>
#include <memory>
#include <numeric>
#include <span>

#include <nlohmann/json.hpp>

#include "app/cli/data_file_options.h"
#include "app/cli/exit_codes.h"
#include "app/cli/model_commands.h"
#include "app/cli/model_source.h"
#include "app/cli/row_list.h"
#include "app/cli/shap_json.h"
#include "engine/errors.h"
#include "engine/importance.h"
#include "engine/model_file.h"
#include "engine/partial_dependence.h"
#include "engine/shap.h"
#include "engine/table_reader.h"

namespace glassbox::cli {
namespace {

// Keys in the order they are written (class names in the model's class order).
using Json = nlohmann::ordered_json;

struct ExplainArguments {
    std::string file;
    DataFileOptions data;
    ModelSource model;
    std::string method = "importance";
    std::string rows;
    std::string feature;
    std::size_t repeats = 5;
    std::string metric;
    std::size_t points = 100;
    std::size_t samples = 256;
    bool ice = false;
    // Which of the method-specific options were given (checked against --method).
    bool rowsGiven = false;
    bool featureGiven = false;
    bool repeatsGiven = false;
    bool metricGiven = false;
    bool pointsGiven = false;
    bool samplesGiven = false;
};

// Options that only some methods read: naming one with another method is an error rather than
// silently ignored.
void checkOptionsFit(const ExplainArguments& args) {
    auto only = [&](bool given, const char* option, const char* methods) {
        if (given)
            throw InvalidArgument(option, std::string("is only used by --method ") + methods +
                                              " (not " + args.method + ")");
    };
    const bool permutation = args.method == "permutation";
    const bool pdp = args.method == "pdp";
    only(args.rowsGiven && args.method == "importance", "--rows", "permutation, shap or pdp");
    only(args.featureGiven && !pdp, "--feature", "pdp");
    only(args.repeatsGiven && !permutation, "--repeats", "permutation");
    only(args.metricGiven && !permutation, "--metric", "permutation");
    only(args.pointsGiven && !pdp, "--points", "pdp");
    only(args.ice && !pdp, "--ice", "pdp");
    only(args.samplesGiven && args.method != "shap", "--samples", "shap");
}

std::size_t featureIndex(const FeatureSchema& schema, const std::string& name,
                         const std::string& target) {
    for (std::size_t f = 0; f < schema.size(); ++f)
        if (schema.features[f].name == name) return f;
    constexpr std::size_t kListed = 8;
    std::string known;
    for (std::size_t f = 0; f < std::min(schema.size(), kListed); ++f)
        known += (f ? ", \"" : "\"") + schema.features[f].name + "\"";
    if (schema.size() > kListed)
        known += ", ... and " + std::to_string(schema.size() - kListed) + " more";
    throw InvalidArgument("--feature", "\"" + name + "\" is not a feature of the model" +
                                           (name == target ? " (it is the target)" : "") +
                                           " (features: " + known + ")");
}

Json importanceJson(const ImportanceResult& result) {
    Json entries = Json::array();
    for (const FeatureImportance& f : result.features) {
        Json entry = {{"feature", f.name}, {"value", f.value}};
        if (result.method == "permutation") entry["std"] = f.std;
        if (result.method == "gain") entry["total_gain"] = f.totalGain;
        entries.push_back(std::move(entry));
    }
    Json out = {{"importance", std::move(entries)}, {"method", result.method}};
    if (result.method == "permutation") {
        out["metric"] = result.metric;
        out["baseline"] = result.baseline;
        out["repeats"] = result.repeats;
        out["rows"] = result.rows;
    }
    return out;
}

void printImportance(const Json& out) {
    if (out["method"] == "permutation")
        std::printf(
            "permutation importance: drop in %s over %zu repeats on %zu rows "
            "(baseline %.4f)\n",
            out["metric"].get<std::string>().c_str(), out["repeats"].get<std::size_t>(),
            out["rows"].get<std::size_t>(), out["baseline"].get<double>());
    else
        std::printf("%s importance (normalized to sum 1)\n",
                    out["method"] == "gain" ? "total gain" : "mean decrease in impurity");
    for (const Json& entry : out["importance"]) {
        std::printf("  %-24s %10.6f", entry["feature"].get<std::string>().c_str(),
                    entry["value"].get<double>());
        if (entry.contains("std")) std::printf(" +- %.6f", entry["std"].get<double>());
        std::printf("\n");
    }
}

// One output's curve(s): the average over the grid, or each row's ICE curve.
Json averageCurve(const PartialDependence& pd, std::size_t output) {
    Json curve = Json::array();
    for (std::size_t g = 0; g < pd.grid.size(); ++g) curve.push_back(pd.averageAt(g, output));
    return curve;
}

Json iceCurves(const PartialDependence& pd, std::size_t output) {
    Json curves = Json::array();
    for (std::size_t i = 0; i < pd.rows.size(); ++i) {
        Json curve = Json::array();
        for (std::size_t g = 0; g < pd.grid.size(); ++g) curve.push_back(pd.iceAt(i, g, output));
        curves.push_back(std::move(curve));
    }
    return curves;
}

// Regression: the predicted value. Binary classification: the probability of the second
// (positive) class, as scikit-learn reports it. Multiclass: an object with one curve per class.
Json pdpJson(const PartialDependence& pd, const TrainedModel& model, bool withIce) {
    Json out = {{"feature", model.schema.features[pd.feature].name},
                {"kind", pd.categorical ? "categorical" : "numeric"}};
    if (pd.categorical)
        out["grid"] = pd.levels;
    else
        out["grid"] = pd.grid;
    const bool multiclass = model.task == TaskKind::Classification && model.classes.size() > 2;
    const std::size_t positive = model.task == TaskKind::Classification ? 1 : 0;
    out["output"] = model.task == TaskKind::Regression ? "prediction" : "probability";
    if (model.task == TaskKind::Classification && !multiclass)
        out["class"] = model.classes[positive];
    auto perOutput = [&](auto curveOf) {
        if (!multiclass) return curveOf(pd, positive);
        Json byClass = Json::object();
        for (std::size_t k = 0; k < model.classes.size(); ++k)
            byClass[model.classes[k]] = curveOf(pd, k);
        return byClass;
    };
    out["average"] = perOutput(averageCurve);
    out["rows"] = pd.rows.size();
    if (withIce) {
        out["ice"] = perOutput(iceCurves);
        out["ice_rows"] = pd.rows;
    }
    return out;
}

void printPdp(const Json& out) {
    std::printf("partial dependence of %s (%s%s), average over %zu rows\n",
                out["feature"].get<std::string>().c_str(), out["output"].get<std::string>().c_str(),
                out.contains("class") ? (" of " + out["class"].get<std::string>()).c_str() : "",
                out["rows"].get<std::size_t>());
    const Json& average = out["average"];
    std::printf("  %-16s", out["feature"].get<std::string>().c_str());
    if (average.is_object())
        for (const auto& [name, curve] : average.items()) std::printf(" %12s", name.c_str());
    else
        std::printf(" %12s", out.contains("class") ? out["class"].get<std::string>().c_str()
                                                   : out["output"].get<std::string>().c_str());
    std::printf("\n");
    const Json& grid = out["grid"];
    for (std::size_t g = 0; g < grid.size(); ++g) {
        if (grid[g].is_string())
            std::printf("  %-16s", grid[g].get<std::string>().c_str());
        else
            std::printf("  %-16.6g", grid[g].get<double>());
        if (average.is_object())
            for (const auto& [name, curve] : average.items())
                std::printf(" %12.6f", curve[g].get<double>());
        else
            std::printf(" %12.6f", average[g].get<double>());
        std::printf("\n");
    }
}

// Each row's contributions to its predicted class (or value), largest first: the per-row
// explanation an analyst reads.
void printShap(const TrainedModel& model, const ShapValues& shap,
               std::span<const std::size_t> rows) {
    constexpr std::size_t kShown = 10;
    std::printf("SHAP (%s, %s output)\n", shap.method.c_str(), shap.output.c_str());
    for (std::size_t i = 0; i < shap.rows; ++i) {
        std::size_t output = 0;
        for (std::size_t o = 1; o < shap.outputs; ++o)
            if (shap.prediction[i * shap.outputs + o] > shap.prediction[i * shap.outputs + output])
                output = o;
        const std::string label =
            model.task == TaskKind::Classification ? " " + model.classes[output] : "";
        std::printf("row %zu:%s %.6g = base %.6g", rows[i], label.c_str(),
                    shap.prediction[i * shap.outputs + output], shap.base[output]);
        const std::vector<FeatureContribution> ranked = sortedContributions(shap, i, output);
        for (std::size_t k = 0; k < std::min(kShown, ranked.size()); ++k)
            std::printf("\n  %+.6g  %s", ranked[k].value,
                        model.schema.features[ranked[k].feature].name.c_str());
        if (ranked.size() > kShown)
            std::printf("\n  ... %zu more features", ranked.size() - kShown);
        std::printf("\n");
    }
}

int runExplain(const ExplainArguments& args, const GlobalOptions& global, const TaskContext& task) {
    checkOptionsFit(args);
    const TrainedModel model = args.model.load(global);
    if (args.method == "importance") {
        const Json out = importanceJson(impurityImportance(model));
        if (global.json)
            std::cout << out.dump(2) << '\n';
        else
            printImportance(out);
        return kOk;
    }

    const unsigned threads = global.threadCount();
    const LoadedTable loaded =
        readTable(args.file, args.data.toReadOptions(threads), task.sub(0.0, 0.1, "reading"));
    const std::vector<std::size_t> rows =
        args.rows.empty() ? std::vector<std::size_t>{}
                          : parseRowList(args.rows, loaded.table.rowCount(), args.file);

    if (args.method == "shap") {
        const FeatureMatrix features = model.features(loaded.table, args.file);
        std::vector<std::size_t> explained = rows;
        if (explained.empty()) {
            explained.resize(features.rows());
            std::iota(explained.begin(), explained.end(), std::size_t{0});
        }
        ShapOptions options;
        options.samples = args.samples;
        options.seed = global.seed;
        options.threads = threads;
        // The file's rows are the background sampling and linear SHAP average over.
        const ShapValues shap =
            explainShap(model, features, explained, features, options, task.sub(0.1, 1.0));
        if (global.json)
            std::cout << shapJson(model, shap, explained).dump(2) << '\n';
        else
            printShap(model, shap, explained);
        return kOk;
    }

    Json out;
    if (args.method == "permutation") {
        const DatasetResult labelled = labelledRows(model, loaded.table, args.file, rows);
        PermutationOptions options;
        options.metric = args.metric;
        options.repeats = args.repeats;
        options.seed = global.seed;
        options.threads = threads;
        out = importanceJson(
            permutationImportance(*model.model, labelled.dataset, options, task.sub(0.1, 1.0)));
        if (labelled.droppedRows > 0) out["dropped_rows"] = labelled.droppedRows;
    } else {
        if (args.feature.empty())
            throw InvalidArgument("--feature", "--method pdp needs the feature to vary");
        const std::size_t feature = featureIndex(model.schema, args.feature, model.target);
        PartialDependenceOptions options;
        options.points = args.points;
        options.rows = rows;
        options.seed = global.seed;
        options.threads = threads;
        const FeatureMatrix features = model.features(loaded.table, args.file);
        out =
            pdpJson(partialDependence(*model.model, features, feature, options, task.sub(0.1, 1.0)),
                    model, args.ice);
    }
    if (global.json)
        std::cout << out.dump(2) << '\n';
    else if (args.method == "permutation")
        printImportance(out);
    else
        printPdp(out);
    return kOk;
}

}  // namespace

void addExplainCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<ExplainArguments>();
    CLI::App* command = app.add_subcommand(
        "explain", "Feature importance, permutation importance, SHAP values or partial dependence");
    command->add_option("FILE", args->file, "CSV, TSV, TXT, ARFF or SQLite file")->required();
    args->data.addTo(*command);
    args->model.addTo(*command);
    command
        ->add_option("--method", args->method,
                     "importance (tree models), permutation, shap or pdp (default importance)")
        ->check(CLI::IsMember({"importance", "permutation", "shap", "pdp"}));
    command->add_option("--rows", args->rows, "Only these rows of FILE: 0-based, e.g. 0,5,17");
    command->add_option("--feature", args->feature, "pdp: the feature to vary");
    command->add_option("--repeats", args->repeats, "permutation: shuffles per feature (5)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    command->add_option("--metric", args->metric,
                        "permutation: the score (default accuracy, or r2 for regression)");
    command->add_option("--points", args->points, "pdp: grid values of a numeric feature (100)")
        ->check(CLI::Range(std::size_t{2}, std::size_t{100000}));
    command->add_flag("--ice", args->ice, "pdp: also each row's curve (ICE)");
    command
        ->add_option("--samples", args->samples,
                     "shap, models without trees or coefficients: permutations per row (256)")
        ->check(CLI::Range(std::size_t{2}, std::size_t{1000000}));
    command->callback([args, command, &global, &action] {
        args->rowsGiven = command->count("--rows") > 0;
        args->featureGiven = command->count("--feature") > 0;
        args->repeatsGiven = command->count("--repeats") > 0;
        args->metricGiven = command->count("--metric") > 0;
        args->pointsGiven = command->count("--points") > 0;
        args->samplesGiven = command->count("--samples") > 0;
        action = [args, &global](const TaskContext& task) {
            return runExplain(*args, global, task);
        };
    });
}

}  // namespace glassbox::cli
