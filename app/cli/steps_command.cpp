#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/exit_codes.h"
#include "app/cli/model_json.h"
#include "app/cli/prepare_command.h"
#include "engine/preparation_pipeline.h"

namespace glassbox::cli {

void addStepsCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    CLI::App* command = app.add_subcommand(
        "steps", "The preparation steps and their parameters (prepare --step, train --prepare)");
    command->callback([&global, &action] {
        action = [&global](const TaskContext&) {
            if (global.json) {
                nlohmann::json out = nlohmann::json::array();
                for (const PreparationStep* step : allPreparationSteps())
                    out.push_back({{"name", step->name()},
                                   {"description", step->description()},
                                   {"protects_data", step->protectsData()},
                                   {"params", paramSpecsJson(step->params())}});
                std::cout << nlohmann::json{{"steps", out}}.dump(2) << '\n';
                return kOk;
            }
            for (const PreparationStep* step : allPreparationSteps()) {
                std::cout << step->name() << " — " << step->description() << '\n';
                for (const ParamSpec& p : step->params())
                    std::cout << "  " << p.name << " = " << p.defaultValue << "  ("
                              << p.describeAllowed() << ") " << p.help << '\n';
            }
            return kOk;
        };
    });
}

}  // namespace glassbox::cli
