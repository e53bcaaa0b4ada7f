// glassbox-cli: the Glassbox engine without a window (../shared/docs/cli.md).
#include <csignal>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "app/cli/exit_codes.h"
#include "app/cli/global_options.h"
#include "app/cli/inspect_command.h"
#include "app/cli/model_commands.h"
#include "app/cli/prepare_command.h"
#include "app/cli/usage_error.h"
#include "engine/errors.h"
#include "engine/task.h"

namespace {

glassbox::CancelToken g_cancel;

extern "C" void onInterrupt(int) {
    g_cancel.cancel();
}

void printError(const std::string& message) {
    std::fprintf(stderr, "glassbox-cli: error: %s\n", message.c_str());
}

// "progress: 42% reading" on stderr whenever the whole percentage changes.
glassbox::ProgressCallback progressPrinter() {
    auto last = std::make_shared<int>(-1);
    return [last](double fraction, std::string_view stage) {
        const int percent = static_cast<int>(fraction * 100);
        if (percent == *last) return;
        *last = percent;
        std::fprintf(stderr, "progress: %d%% %.*s\n", percent, static_cast<int>(stage.size()),
                     stage.data());
    };
}

}  // namespace

int main(int argc, char** argv) {
    using namespace glassbox::cli;
    CLI::App app("Glassbox: inspect data, train and explain models (engine without a window)",
                 "glassbox-cli");
    app.set_version_flag("--version-info", std::string(GLASSBOX_VERSION));
    app.require_subcommand(1);
    app.fallthrough();

    GlobalOptions global;
    app.add_flag("--json", global.json, "Exactly one JSON document on stdout");
    app.add_flag("--progress", global.progress, "Progress lines on stderr");
    app.add_option("--threads", global.threads, "Worker threads (default: all cores)")
        ->check(CLI::Range(0u, 1024u));
    app.add_option("--seed", global.seed, "Random seed (default 0)");
    app.add_option("--registry", global.registry, "Model history database");

    CommandAction action;
    addInspectCommand(app, global, action);
    addPrepareCommand(app, global, action);
    addTrainCommand(app, global, action);
    addTuneCommand(app, global, action);
    addCompareCommand(app, global, action);
    addPredictCommand(app, global, action);
    addEvaluateCommand(app, global, action);
    addExplainCommand(app, global, action);
    addExportTreeCommand(app, global, action);
    addLearnersCommand(app, global, action);
    addStepsCommand(app, global, action);
    addHistoryCommand(app, global, action);

    // CLI11 would only say "a subcommand is required" for a mistyped command name.
    if (argc > 1 && argv[1][0] != '-') {
        try {
            app.get_subcommand(argv[1]);
        } catch (const CLI::OptionNotFound&) {
            std::string known;
            for (const CLI::App* command : app.get_subcommands({}))
                known += (known.empty() ? "" : ", ") + command->get_name();
            printError(std::string(argv[1]) + ": unknown command (commands: " + known + ")");
            return kUsage;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const glassbox::Error& e) {
        printError(e.what());
        return kBadInput;
    } catch (const CLI::ParseError& e) {
        printError(describeUsageError(e));
        return kUsage;
    }

    std::signal(SIGINT, onInterrupt);
    const glassbox::TaskContext task(global.progress ? progressPrinter() : nullptr, &g_cancel);
    try {
        return action(task);
    } catch (const glassbox::Cancelled&) {
        printError("cancelled");
        return kCancelled;
    } catch (const glassbox::Error& e) {
        printError(e.what());
        return kBadInput;
    } catch (const std::bad_alloc&) {
        printError("out of memory");
        return kBadInput;
    } catch (const std::exception& e) {
        printError(std::string("internal: ") + e.what());
        return kBadInput;
    }
}
