#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/data_file_options.h"
#include "app/cli/exit_codes.h"
#include "app/cli/preparation_json.h"
#include "app/cli/prepare_command.h"
#include "app/cli/stats_json.h"
#include "engine/csv_writer.h"
#include "engine/errors.h"
#include "engine/table_reader.h"

namespace glassbox::cli {
namespace {

struct PrepareArguments {
    std::string file;
    DataFileOptions data;
    std::vector<std::string> steps;
    std::string out;
    std::string target;
    std::string budget;
};

void printSummary(const nlohmann::ordered_json& out) {
    std::printf("%zu rows in, %zu rows out -> %s\n", out["rows_in"].get<std::size_t>(),
                out["rows_out"].get<std::size_t>(), out["out"].get<std::string>().c_str());
    for (const auto& s : out["steps"]) {
        std::printf("  %-18s %zu cells changed, %zu rows dropped, %zu rows added\n",
                    s["step"].get<std::string>().c_str(), s["changed_cells"].get<std::size_t>(),
                    s["dropped_rows"].get<std::size_t>(), s["added_rows"].get<std::size_t>());
        for (const auto& [name, value] : s["details"].items())
            std::printf(
                "    %s: %s\n", name.c_str(),
                value.is_string() ? value.get<std::string>().c_str() : value.dump().c_str());
    }
    const auto& report = out["report"];
    if (report.contains("k"))
        std::printf("  k-anonymity: k = %s, rows at risk: %s\n", report["k"].dump().c_str(),
                    report.value("rows_at_risk", nlohmann::ordered_json()).dump().c_str());
    if (!report["ledger"].empty())
        std::printf("  privacy budget: epsilon %g of %g spent\n",
                    report["epsilon_spent"].get<double>(), report["epsilon_budget"].get<double>());
}

int runPrepare(const PrepareArguments& args, const GlobalOptions& global, const TaskContext& task) {
    const PipelineSpec spec = pipelineFromOptions(args.steps, args.budget);
    const LoadedTable loaded = readTable(args.file, args.data.toReadOptions(global.threadCount()),
                                         task.sub(0.0, 0.3, "reading"));
    if (!args.target.empty() && loaded.table.indexOf(args.target) < 0)
        throw InvalidArgument("--target",
                              "no column named \"" + args.target + "\" in " + args.file);
    const PreparedTable prepared =
        fitPipeline(spec, loaded.table, args.target, global.seed, task.sub(0.3, 0.9, "preparing"));
    // Written only once every step succeeded: a failed step leaves --out untouched.
    writeCsvFile(prepared.table, args.out);

    nlohmann::ordered_json out;
    out["rows_in"] = loaded.table.rowCount();
    out["rows_out"] = prepared.table.rowCount();
    out["columns_in"] = loaded.table.columnCount();
    out["columns_out"] = prepared.table.columnCount();
    out["steps"] = stepReportsJson(prepared.report);
    out["report"] = privacyReportJson(prepared.report, spec);
    out["out"] = args.out;
    out["warnings"] = warningsJson(loaded.warnings);
    if (global.json)
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    else
        printSummary(out);
    return kOk;
}

}  // namespace

void addPrepareCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<PrepareArguments>();
    CLI::App* command = app.add_subcommand(
        "prepare", "Clean, protect or resample a data file with preparation steps");
    command->add_option("FILE", args->file, "CSV, TSV, TXT, ARFF or SQLite file")->required();
    args->data.addTo(*command);
    command
        ->add_option("--step", args->steps,
                     "STEP = name[:key=value,...], repeatable, applied in order (e.g. "
                     "impute:strategy=median, drop-duplicates, smote:k=5)")
        ->required();
    command->add_option("--out", args->out, "Write the prepared table here (CSV)")->required();
    command->add_option("--target", args->target,
                        "The class column (resampling steps) that other steps leave alone");
    command->add_option("--privacy-budget", args->budget,
                        "EPSILON[,DELTA]: the most the dp-noise steps may spend together "
                        "(default 1,1e-05)");
    command->callback([args, &global, &action] {
        action = [args, &global](const TaskContext& task) {
            return runPrepare(*args, global, task);
        };
    });
}

}  // namespace glassbox::cli
