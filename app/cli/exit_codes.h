#pragma once

// glassbox-cli's exit codes (../shared/docs/cli.md).
namespace glassbox::cli {

enum ExitCode : int {
    kOk = 0,
    kBadInput = 1,   // the data, a value, a missing file
    kUsage = 2,      // unknown option, missing argument
    kCancelled = 3,  // SIGINT
    kAlert = 4,      // an alert threshold was crossed
};

}  // namespace glassbox::cli
