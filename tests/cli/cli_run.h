#pragma once
// Runs glassbox-cli for the end-to-end tests.
#include <csignal>

#include <QDeadlineTimer>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

struct CliRun {
    int exitCode = -1;  // -1: crashed, killed or timed out
    QByteArray out;
    QByteArray err;
};

// The data folder the children see (XDG_DATA_HOME), so the model history that train writes
// by default lands in a temporary folder of the test run, never in the user's home.
inline QString cliTestDataHome() {
    static QTemporaryDir dir;
    return dir.path();
}

// The environment every glassbox-cli child of the tests runs in (QProcess::
// setProcessEnvironment), with XDG_DATA_HOME set to cliTestDataHome().
inline QProcessEnvironment cliTestEnvironment() {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), cliTestDataHome());
    return environment;
}

inline CliRun runCli(const QStringList& arguments, int timeoutMs = 300000) {
    QProcess process;
    process.setProcessEnvironment(cliTestEnvironment());
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

// A run interrupted by SIGINT once its standard error showed `ready` (a progress line);
// `interrupted` is false when it ended, or never showed `ready`, within `readyMs`.
struct InterruptedRun : CliRun {
    bool interrupted = false;
};

inline InterruptedRun interruptCli(const QStringList& arguments, const QByteArray& ready,
                                   int readyMs = 60000) {
    QProcess process;
    process.setProcessEnvironment(cliTestEnvironment());
    process.setReadChannel(QProcess::StandardError);
    process.start(QStringLiteral(GLASSBOX_CLI_PATH), arguments);
    InterruptedRun run;
    if (!process.waitForStarted()) return run;
    const QDeadlineTimer deadline(readyMs);
    while (!run.err.contains(ready) && process.state() == QProcess::Running &&
           !deadline.hasExpired()) {
        process.waitForReadyRead(100);
        run.err += process.readAllStandardError();
        run.out += process.readAllStandardOutput();
    }
    run.interrupted = process.state() == QProcess::Running && run.err.contains(ready);
    if (run.interrupted) ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out += process.readAllStandardOutput();
    run.err += process.readAllStandardError();
    return run;
}
