#include "app/cli/inspect_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "app/cli/data_file_options.h"
#include "app/cli/exit_codes.h"
#include "app/cli/stats_json.h"
#include "engine/column_stats.h"
#include "engine/errors.h"
#include "engine/parallel_for.h"
#include "engine/table_reader.h"
#include "engine/value_parsing.h"

namespace glassbox::cli {
namespace {

struct InspectArguments {
    std::string file;
    DataFileOptions data;
};

// Statistics of every column, columns spread over the worker threads.
std::vector<ColumnStats> statsOfAllColumns(const Table& table, unsigned threads,
                                           const TaskContext& task) {
    std::vector<ColumnStats> stats(table.columnCount());
    parallelFor(stats.size(), threads, [&](std::size_t c, bool) {
        stats[c] = computeColumnStats(table.column(c), {}, TaskContext({}, task.cancelToken()));
        return true;
    });
    task.report(1.0, "statistics");
    return stats;
}

void printSummary(const std::string& file, const LoadedTable& loaded,
                  const std::vector<ColumnStats>& stats, double seconds) {
    std::printf("%s: %s, %s, %zu rows x %zu columns (%.2f s)\n", file.c_str(),
                loaded.format.c_str(), loaded.encoding.empty() ? "-" : loaded.encoding.c_str(),
                loaded.table.rowCount(), loaded.table.columnCount(), seconds);
    for (std::size_t c = 0; c < stats.size(); ++c) {
        const ColumnStats& s = stats[c];
        const Column& column = loaded.table.column(c);
        std::printf("  %-24s %-12s missing %-8zu unique %-8zu", s.name.c_str(),
                    std::string(columnTypeName(s.type)).c_str(), s.missing, s.unique);
        if (s.type == ColumnType::Numeric && s.mean) {
            std::printf("mean %-12g std %-12g min %-12g max %g", *s.mean, s.std.value_or(0.0),
                        *s.min, *s.max);
        } else if (s.type == ColumnType::DateTime && s.min) {
            std::printf("from %s to %s", formatIsoDateTime(*s.min, column.hasTime()).c_str(),
                        formatIsoDateTime(*s.max, column.hasTime()).c_str());
        } else if (!s.top.empty()) {
            std::printf("top \"%s\" (%zu)", s.top.front().value.c_str(), s.top.front().count);
        }
        std::printf("\n");
    }
    for (const Warning& w : loaded.warnings) std::printf("warning: %s\n", w.message.c_str());
}

}  // namespace

void addInspectCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<InspectArguments>();
    CLI::App* command = app.add_subcommand("inspect", "Schema and statistics of a data file");
    command->add_option("FILE", args->file, "CSV, TSV, TXT, ARFF or SQLite file")->required();
    args->data.addTo(*command);
    command->callback([args, &global, &action] {
        action = [args, &global](const TaskContext& task) {
            const auto start = std::chrono::steady_clock::now();
            const unsigned threads =
                global.threads ? global.threads : std::max(1u, std::thread::hardware_concurrency());
            const ReadOptions options = args->data.toReadOptions(threads);
            const LoadedTable loaded = readTable(args->file, options, task.sub(0.0, 0.8));
            const std::vector<ColumnStats> stats =
                statsOfAllColumns(loaded.table, threads, task.sub(0.8, 1.0));
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (!global.json) {
                printSummary(args->file, loaded, stats, seconds);
                return kOk;
            }
            nlohmann::json out = {{"file", args->file},
                                  {"format", loaded.format},
                                  {"encoding", loaded.encoding},
                                  {"rows", loaded.table.rowCount()},
                                  {"columns", nlohmann::json::array()},
                                  {"warnings", warningsJson(loaded.warnings)},
                                  {"seconds", seconds}};
            for (std::size_t c = 0; c < stats.size(); ++c)
                out["columns"].push_back(
                    columnStatsJson(stats[c], loaded.table.column(c).hasTime()));
            std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            return kOk;
        };
    });
}

}  // namespace glassbox::cli
