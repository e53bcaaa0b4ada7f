#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cli/exit_codes.h"
#include "app/cli/model_commands.h"
#include "app/cli/model_json.h"
#include "engine/learner.h"

namespace glassbox::cli {

void addLearnersCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    CLI::App* command =
        app.add_subcommand("learners", "The model kinds and their parameters (--param)");
    command->callback([&global, &action] {
        action = [&global](const TaskContext&) {
            nlohmann::json out = nlohmann::json::array();
            for (const Learner* learner : allLearners()) {
                nlohmann::json tasks = nlohmann::json::array();
                for (TaskKind t : {TaskKind::Classification, TaskKind::Regression})
                    if (learner->supports(t)) tasks.push_back(std::string(taskName(t)));
                out.push_back({{"name", learner->name()},
                               {"description", learner->description()},
                               {"tasks", tasks},
                               {"params", paramSpecsJson(learner->params())}});
            }
            if (global.json) {
                std::cout << nlohmann::json{{"learners", out}}.dump(2) << '\n';
                return kOk;
            }
            for (const auto& l : out) {
                std::cout << l["name"].get<std::string>() << " — "
                          << l["description"].get<std::string>() << '\n';
                for (const ParamSpec& p : learnerNamed(l["name"].get<std::string>()).params())
                    std::cout << "  " << p.name << " = " << p.defaultValue << "  ("
                              << p.describeAllowed() << ") " << p.help << '\n';
            }
            return kOk;
        };
    });
}

}  // namespace glassbox::cli
