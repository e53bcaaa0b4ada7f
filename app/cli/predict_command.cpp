#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli/data_file_options.h"
#include "app/cli/exit_codes.h"
#include "app/cli/model_commands.h"
#include "app/cli/model_source.h"
#include "engine/csv_writer.h"
#include "engine/errors.h"
#include "engine/model_file.h"
#include "engine/table_reader.h"

namespace glassbox::cli {
namespace {

struct PredictArguments {
    std::string file;
    DataFileOptions data;
    ModelSource model;
    std::string out;
};

void writePredictions(std::ostream& out, const Table& table, const TrainedModel& model,
                      const Predictions& predictions) {
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        writeCsvField(out, table.column(c).name());
        out << ',';
    }
    writeCsvField(out, "prediction");
    for (const std::string& name : model.classes) {
        out << ',';
        writeCsvField(out, "proba_" + name);
    }
    out << '\n';
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            writeCsvField(out, table.column(c).format(r));
            out << ',';
        }
        if (model.task == TaskKind::Classification) {
            writeCsvField(out, model.classes[predictions.predictedClass(r)]);
            for (double p : predictions.probabilitiesOf(r)) out << ',' << formatNumber(p);
        } else {
            out << formatNumber(predictions.values[r]);
        }
        out << '\n';
    }
}

int runPredict(const PredictArguments& args, const GlobalOptions& global, const TaskContext& task) {
    const TrainedModel model = args.model.load(global);
    const LoadedTable loaded = readTable(args.file, args.data.toReadOptions(global.threadCount()),
                                         task.sub(0.0, 0.5, "reading"));
    const Predictions predictions = model.predict(loaded.table, args.file, task.sub(0.5, 0.9));
    if (args.out.empty()) {
        writePredictions(std::cout, loaded.table, model, predictions);
        std::cout.flush();
        return kOk;
    }
    // Through a temporary file, so a failure never leaves half a CSV at --out.
    const std::string temporary = args.out + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError(args.out, "cannot write");
        writePredictions(out, loaded.table, model, predictions);
        out.flush();
        if (!out) {
            std::remove(temporary.c_str());
            throw IoError(args.out, "cannot write");
        }
    }
    if (std::rename(temporary.c_str(), args.out.c_str()) != 0) {
        std::remove(temporary.c_str());
        throw IoError(args.out, "cannot write");
    }
    if (global.json) {
        const nlohmann::json summary = {{"rows", loaded.table.rowCount()},
                                        {"out", args.out},
                                        {"model", model.learner},
                                        {"task", std::string(taskName(model.task))}};
        std::cout << summary.dump(2) << '\n';
    }
    return kOk;
}

}  // namespace

void addPredictCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<PredictArguments>();
    CLI::App* command =
        app.add_subcommand("predict", "Predictions for the rows of a data file, as CSV");
    command->add_option("FILE", args->file, "CSV, TSV, TXT, ARFF or SQLite file")->required();
    args->data.addTo(*command);
    args->model.addTo(*command);
    command->add_option("--out", args->out, "Write the CSV here instead of standard output");
    command->callback([args, &global, &action] {
        action = [args, &global](const TaskContext& task) {
            return runPredict(*args, global, task);
        };
    });
}

}  // namespace glassbox::cli
