#pragma once
// Runs glassbox-cli for the end-to-end tests.
#include <QProcess>
#include <QStringList>

struct CliRun {
    int exitCode = -1;  // -1: crashed, killed or timed out
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList& arguments, int timeoutMs = 300000) {
    QProcess process;
    process.start(QStringLiteral(GLASSBOX_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}
