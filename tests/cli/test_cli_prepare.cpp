// glassbox-cli prepare and train --prepare end to end on real data: prepare writes what the
// engine's fitPipeline makes of the same file; protection steps pseudonymize, generalize,
// suppress and add DP noise within the privacy budget; a failing step leaves --out untouched; a
// model trained with steps reports them, keeps them in its history version, predicts one row per
// raw input row (as the engine's copy of the version does) and passes them on when retrained.
#include <QtTest>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <sstream>

#include "engine/csv_writer.h"
#include "engine/model_registry.h"
#include "engine/preparation_pipeline.h"
#include "engine/table_reader.h"
#include "tests/cli/cli_run.h"

using namespace glassbox;

namespace {

const QString kShared = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/");

QJsonObject jsonOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}

// Runs and requires success; the JSON document it printed.
QJsonObject ok(const QStringList& arguments) {
    const CliRun run = runCli(arguments);
    if (run.exitCode != 0)
        qWarning("%s: exit %d: %s", qPrintable(arguments.join(' ')), run.exitCode,
                 run.err.constData());
    return run.exitCode == 0 ? jsonOf(run) : QJsonObject();
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Table readShared(const QString& path) {
    return readTable(path.toStdString(), ReadOptions{}).table;
}

PipelineSpec specOf(const QStringList& texts) {
    PipelineSpec spec;
    for (const QString& text : texts) spec.steps.push_back(parseStepSetting(text.toStdString()));
    return spec;
}

// The last `n` comma-separated fields of a CSV line (the prediction columns, which never hold
// commas; the input's fields before them might).
QStringList lastFields(const QByteArray& line, int n) {
    const QStringList fields = QString::fromUtf8(line).split(',');
    return fields.mid(fields.size() - n);
}

}  // namespace

class CliPrepareTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private slots:
    // soybean: missing cells, duplicate rows, only categoricals.
    void prepareWritesWhatTheEngineMakes() {
        const QString data = kShared + "soybean.arff";
        const QString out = dir_.filePath("soybean-prepared.csv");
        const QStringList steps = {"drop-duplicates", "impute:strategy=most_frequent"};
        QStringList arguments = {"--json", "prepare", data, "--out", out};
        for (const QString& s : steps) arguments << "--step" << s;
        const QJsonObject result = ok(arguments);
        QVERIFY(!result.isEmpty());

        const Table input = readShared(data);
        const PreparedTable expected = fitPipeline(specOf(steps), input, "", 0, {});
        QCOMPARE(result["rows_in"].toInteger(), qint64(input.rowCount()));
        QCOMPARE(result["rows_out"].toInteger(), qint64(expected.table.rowCount()));
        QVERIFY(expected.table.rowCount() < input.rowCount());  // soybean has duplicates
        const QJsonArray reported = result["steps"].toArray();
        QCOMPARE(reported.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject step = reported[i].toObject();
            const StepReport& engine = expected.report.steps[std::size_t(i)];
            QCOMPARE(step["step"].toString().toStdString(), engine.step);
            QCOMPARE(step["changed_cells"].toInteger(), qint64(engine.changedCells));
            QCOMPARE(step["dropped_rows"].toInteger(), qint64(engine.droppedRows));
        }
        QCOMPARE(reported[0].toObject()["dropped_rows"].toInteger(),
                 qint64(input.rowCount() - expected.table.rowCount()));
        QVERIFY(reported[1].toObject()["changed_cells"].toInteger() > 0);
        QVERIFY(result["report"].isObject());

        // The CSV: a header and rows_out rows, byte for byte the engine's table as CSV; read
        // back, no cell is missing any more.
        const QByteArray csv = fileBytes(out);
        QCOMPARE(csv.count('\n'), qsizetype(expected.table.rowCount() + 1));
        std::ostringstream engineCsv;
        writeCsv(engineCsv, expected.table);
        QCOMPARE(csv, QByteArray::fromStdString(engineCsv.str()));
        const Table written = readShared(out);
        QCOMPARE(written.rowCount(), expected.table.rowCount());
        QCOMPARE(written.columnCount(), expected.table.columnCount());
        for (const Column& column : written.columns())
            for (std::size_t r = 0; r < column.size(); ++r) QVERIFY(!column.isMissing(r));
    }

    // Protection from the command line: roles, keyed pseudonyms, generalisation, k-anonymity
    // and a differentially private column, as the engine makes them with the same key file;
    // the budget is reported, and a release over it is refused before anything is written.
    void protectWithinThePrivacyBudget() {
        QString csv = "email,age,zip,sex,income,label\n";
        for (int i = 0; i < 300; ++i)
            csv += QString("user%1@example.org,%2,%3,%4,%5,%6\n")
                       .arg(i)
                       .arg(18 + (i * 37) % 70)
                       .arg(QStringList{"10115", "10117", "20095", "20097"}[i % 4])
                       .arg(i % 3 ? "F" : "M")
                       .arg(20000 + (i * 7919) % 100000)
                       .arg(i % 5 ? "no" : "yes");
        const QString data = dir_.filePath("people.csv");
        {
            QFile f(data);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(csv.toUtf8());
        }
        const QString key = dir_.filePath("people.key");
        const QString out = dir_.filePath("people-protected.csv");
        const QStringList steps = {
            "roles:identifiers=email,quasi_identifiers=age;zip;sex,sensitive=label,k=3",
            "pseudonymize:columns=email,key_file=" + key, "generalize:columns=age,width=10",
            "k-anonymity:quasi_identifiers=age;zip;sex,k=3",
            "dp-noise:columns=income,epsilon=0.5,lower=0,upper=200000"};
        QStringList arguments = {"--json", "prepare", data, "--out", out, "--target", "label"};
        for (const QString& step : steps) arguments << "--step" << step;
        const QJsonObject result = ok(arguments);
        QVERIFY(!result.isEmpty());
        QCOMPARE(QFile::permissions(key) &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());

        // The engine, with the key the CLI created: the same rows, pseudonyms and k.
        const PreparedTable expected = fitPipeline(specOf(steps), readShared(data), "label", 0, {});
        QCOMPARE(result["rows_out"].toInteger(), qint64(expected.table.rowCount()));
        const Table written = readShared(out);
        QCOMPARE(written.rowCount(), expected.table.rowCount());
        const Column& emails = written.column(std::size_t(written.indexOf("email")));
        const Column& engineEmails =
            expected.table.column(std::size_t(expected.table.indexOf("email")));
        for (std::size_t r = 0; r < written.rowCount(); ++r) {
            QCOMPARE(emails.format(r), engineEmails.format(r));
            QVERIFY(emails.format(r).rfind("ps_", 0) == 0);
        }
        const QJsonObject report = result["report"].toObject();
        const StepReport& kStep = expected.report.steps[3];
        auto detail = [&](const StepReport& r, const std::string& name) {
            for (const auto& [key, value] : r.details)
                if (key == name) return std::stod(value);
            return -1.0;
        };
        QCOMPARE(report["k"].toDouble(), detail(kStep, "k"));
        QVERIFY(report["k"].toInteger() >= 3);
        QCOMPARE(report["rows_at_risk"].toDouble(), detail(kStep, "rows at risk"));
        QCOMPARE(report["epsilon_spent"].toDouble(), 0.5);
        QCOMPARE(report["ledger"].toArray().size(), 1);

        // The released incomes lie on the grid the step reports.
        const double step = result["steps"]
                                .toArray()[4]
                                .toObject()["details"]
                                .toObject()["grid step income"]
                                .toDouble();
        QVERIFY(step > 0);
        const Column& income = written.column(std::size_t(written.indexOf("income")));
        for (std::size_t r = 0; r < written.rowCount(); ++r) {
            const double units = income.number(r) / step;
            QCOMPARE(units, std::round(units));
        }

        // Over the default budget (epsilon 1): refused, naming epsilon, --out as it was.
        const QByteArray before = fileBytes(out);
        QStringList greedy = {"prepare", data,
                              "--out",   out,
                              "--step",  "dp-noise:columns=income,epsilon=2,lower=0,upper=200000"};
        const CliRun refused = runCli(greedy);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("epsilon"), refused.err.constData());
        QCOMPARE(fileBytes(out), before);
        // Allowed with a budget that covers it.
        greedy.prepend("--json");
        greedy << "--privacy-budget"
               << "3";
        const QJsonObject allowed = ok(greedy);
        QCOMPARE(allowed["report"].toObject()["epsilon_spent"].toDouble(), 2.0);
        QCOMPARE(allowed["report"].toObject()["epsilon_budget"].toDouble(), 3.0);
    }

    // A step that fails (while fitting, or on its parameter) leaves an existing --out file as
    // it was, writes no temporary file, and names the parameter on stderr.
    void failingStepLeavesOutUntouched_data() {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("fit fails") << "outliers:columns=no_such_column"
                                   << "columns";
        QTest::newRow("bad value") << "impute:strategy=average"
                                   << "strategy";
    }
    void failingStepLeavesOutUntouched() {
        QFETCH(QString, step);
        QFETCH(QString, parameter);
        const QString folder = dir_.filePath("failing-" + parameter);
        QVERIFY(QDir().mkpath(folder));
        const QString out = folder + "/out.csv";
        const QByteArray before = "kept,as,it,was\n1,2,3,4\n";
        {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(before);
        }
        const CliRun run = runCli({"prepare", kShared + "credit-g.arff", "--step",
                                   "drop-duplicates", "--step", step, "--out", out});
        QVERIFY(run.exitCode != 0);
        QVERIFY(run.exitCode != -1);
        QVERIFY2(run.err.contains(parameter.toUtf8()), run.err.constData());
        QCOMPARE(fileBytes(out), before);
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{"out.csv"});
    }

    // credit-g: class imbalance (700 / 300) and categoricals. train --prepare with SMOTE-NC and
    // scaling, then predict and history show of the version, then a retrain that inherits the
    // steps.
    void trainPredictHistoryWithSteps() {
        const QString data = kShared + "credit-g.arff";
        const QString registry = dir_.filePath("credit/history.sqlite");
        const QStringList steps = {"smote-nc", "scale"};
        const QJsonObject trained =
            ok({"--registry", registry, "--json", "train", data, "--target", "class", "--model",
                "logistic_regression", "--prepare", steps[0], "--prepare", steps[1], "--cv", "5"});
        QVERIFY(!trained.isEmpty());
        QCOMPARE(trained["prepare"].toArray(), QJsonArray::fromStringList(steps));
        const QJsonObject preparation = trained["preparation"].toObject();
        const QJsonArray reports = preparation["steps"].toArray();
        QCOMPARE(reports.size(), 2);
        QCOMPARE(reports[0].toObject()["step"].toString(), QString("smote-nc"));
        QCOMPARE(reports[1].toObject()["step"].toString(), QString("scale"));
        // The kept model's SMOTE-NC raised "bad" (300) to "good"'s 700 rows.
        QCOMPARE(reports[0].toObject()["added_rows"].toInt(), 400);
        QCOMPARE(preparation["protected_rows"].toInt(), 0);
        QCOMPARE(trained["rows"].toInt(), 1000);  // scored rows are the file's, never synthetic
        const QJsonArray perFold = trained["cv"].toObject()["per_fold"].toArray();
        QCOMPARE(perFold.size(), 5);
        for (const auto& fold : perFold) QVERIFY(fold.toObject().contains("accuracy"));
        QVERIFY(trained["metrics"].toObject().contains("f1"));
        const int version = trained["version"].toInt();
        QVERIFY(version > 0);

        // history show: the version's preparation is the steps with all their parameters.
        const QJsonObject shown =
            ok({"--registry", registry, "--json", "history", "show", QString::number(version)});
        const QJsonArray stored = shown["preparation"].toArray();
        QCOMPARE(stored,
                 QJsonDocument::fromJson(QByteArray::fromStdString(pipelineJson(specOf(steps))))
                     .array());
        // The text listing shows them too, one STEP text per line, in order.
        const CliRun text =
            runCli({"--registry", registry, "history", "show", QString::number(version)});
        QCOMPARE(text.exitCode, 0);
        const qsizetype first = text.out.indexOf("preparation smote-nc\n");
        QVERIFY2(first >= 0, text.out.constData());
        QVERIFY(text.out.indexOf(QByteArray(" scale\n"), first) > first);

        // predict on the raw file: one row per input row, the engine's predictions of the
        // version (the steps prepare the rows, SMOTE-NC passes them through).
        const CliRun predicted = runCli(
            {"--registry", registry, "predict", data, "--version", QString::number(version)});
        QCOMPARE(predicted.exitCode, 0);
        const Table input = readShared(data);
        QList<QByteArray> lines = predicted.out.split('\n');
        if (lines.last().isEmpty()) lines.removeLast();
        QCOMPARE(lines.size(), qsizetype(input.rowCount() + 1));
        const TrainedModel model = ModelRegistry::open(registry.toStdString()).loadModel(version);
        QCOMPARE(model.preparation.size(), std::size_t{2});
        const Predictions expected = model.predict(input, "credit-g", {});
        QCOMPARE(lastFields(lines[0], 3), (QStringList{"prediction", "proba_bad", "proba_good"}));
        for (std::size_t r = 0; r < input.rowCount(); ++r) {
            const QString want =
                QString::fromStdString(model.classes[std::size_t(expected.predictedClass(r))]);
            QCOMPARE(lastFields(lines[qsizetype(r + 1)], 3)[0], want);
        }

        // Retraining the version without --prepare keeps its steps.
        const QJsonObject retrained =
            ok({"--registry", registry, "--json", "train", data, "--version",
                QString::number(version), "--test-fraction", "0.25"});
        QCOMPARE(retrained["prepare"].toArray(), QJsonArray::fromStringList(steps));
        QCOMPARE(retrained["parent"].toInt(), version);
    }
};

QTEST_GUILESS_MAIN(CliPrepareTest)
#include "test_cli_prepare.moc"
