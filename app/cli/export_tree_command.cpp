#include <iostream>
#include <memory>

#include "app/cli/exit_codes.h"
#include "app/cli/model_commands.h"
#include "app/cli/model_source.h"
#include "engine/errors.h"
#include "engine/model_file.h"
#include "engine/tree_export.h"

namespace glassbox::cli {
namespace {

struct ExportTreeArguments {
    ModelSource model;
    std::size_t tree = 0;
    std::string format = "json";
};

int runExportTree(const ExportTreeArguments& args, const GlobalOptions& global) {
    const TrainedModel model = args.model.load(global);
    const auto trees = model.model->trees();
    if (trees.empty()) throw InvalidArgument("--model", model.learner + " is not a tree model");
    if (args.tree >= trees.size())
        throw InvalidArgument("--tree", "must be below " + std::to_string(trees.size()) +
                                            " (the model's tree count)");
    const FlatTree& tree = trees[args.tree];
    // Class names label a tree's values only when it holds class fractions.
    static const std::vector<std::string> none;
    const TreeLabels labels{model.schema,
                            tree.valueSize == model.classes.size() ? model.classes : none};
    if (args.format == "dot")
        std::cout << exportTreeDot(tree, labels);
    else if (args.format == "text")
        std::cout << exportTreeText(tree, labels);
    else
        std::cout << exportTreeJson(tree, labels) << '\n';
    return kOk;
}

}  // namespace

void addExportTreeCommand(CLI::App& app, const GlobalOptions& global, CommandAction& action) {
    auto args = std::make_shared<ExportTreeArguments>();
    CLI::App* command = app.add_subcommand("export-tree", "One tree of a tree model");
    args->model.addTo(*command);
    command->add_option("--tree", args->tree, "Which tree of a forest or boosting (from 0)");
    command->add_option("--format", args->format, "json, dot or text")
        ->check(CLI::IsMember({"json", "dot", "text"}));
    command->callback([args, &global, &action] {
        action = [args, &global](const TaskContext&) { return runExportTree(*args, global); };
    });
}

}  // namespace glassbox::cli
