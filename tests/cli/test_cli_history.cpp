// glassbox-cli history end to end on real datasets: train -> train again with other
// parameters -> list -> compare -> stage -> export -> import into a fresh history -> predict
// --version equals predict --model of the same model; --version/--model usage; the default
// history location; refusal of a file that is not a history.
#include <QtTest>

#include "tests/cli/cli_run.h"

namespace {

const QString kShared = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/");

QJsonObject jsonOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs and requires success; the JSON document it printed.
QJsonObject ok(const QStringList& arguments) {
    const CliRun run = runCli(arguments);
    if (run.exitCode != 0)
        qWarning("%s: exit %d: %s", qPrintable(arguments.join(' ')), run.exitCode,
                 run.err.constData());
    return run.exitCode == 0 ? jsonOf(run) : QJsonObject();
}

}  // namespace

class CliHistoryTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private slots:
    void scenario_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("rows");
        QTest::newRow("iris") << "iris.csv"
                              << "species" << 150;
        QTest::newRow("breast_cancer") << "breast_cancer.csv"
                                       << "diagnosis" << 569;
        QTest::newRow("credit-g") << "credit-g.arff"
                                  << "class" << 1000;
    }

    void scenario() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(int, rows);
        const QString data = kShared + file;
        const QString registry = dir_.filePath(file + "/history.sqlite");
        const QString fresh = dir_.filePath(file + "/fresh.sqlite");
        const QString modelFile = dir_.filePath(file + "/second.gbx");
        const QStringList history = {"--registry", registry, "--json", "history"};

        const QJsonObject first =
            ok({"--registry", registry, "--json", "train", data, "--target", target, "--model",
                "decision_tree", "--param", "max_depth=3", "--cv", "5", "--name", "shallow"});
        QVERIFY(first["version"].isDouble());
        const int v1 = first["version"].toInt();
        const QJsonObject second =
            ok({"--registry", registry, "--json", "train", data, "--target", target, "--model",
                "decision_tree", "--param", "max_depth=5", "--cv", "5", "--parent",
                QString::number(v1), "--out", modelFile});
        const int v2 = second["version"].toInt();
        QVERIFY(v2 > v1);

        // list: newest first, the keys of ../shared/docs/cli.md, the metrics train printed.
        const QJsonArray versions = ok(history + QStringList{"list"})["versions"].toArray();
        QCOMPARE(versions.size(), 2);
        const QJsonObject listed = versions[0].toObject();
        for (const char* key : {"version", "name", "created", "model", "target", "dataset",
                                "metrics", "stage", "parent"})
            QVERIFY2(listed.contains(key), key);
        QCOMPARE(listed["version"].toInt(), v2);
        QCOMPARE(listed["parent"].toInt(), v1);
        QCOMPARE(listed["model"].toString(), QString("decision_tree"));
        QCOMPARE(listed["target"].toString(), target);
        QCOMPARE(listed["stage"].toString(), QString("none"));
        QCOMPARE(versions[1].toObject()["name"].toString(), QString("shallow"));
        QVERIFY(versions[1].toObject()["parent"].isNull());
        const QJsonObject dataset = listed["dataset"].toObject();
        QCOMPARE(dataset["rows"].toInt(), rows);
        QVERIFY(dataset["file"].toString().endsWith(file));
        QCOMPARE(
            dataset["sha256"].toString(),
            QString(QCryptographicHash::hash(fileBytes(data), QCryptographicHash::Sha256).toHex()));
        const QJsonObject trainedMetrics = second["metrics"].toObject();
        const QJsonObject listedMetrics = listed["metrics"].toObject();
        for (const char* name : {"accuracy", "f1", "auc", "log_loss"})
            QCOMPARE(listedMetrics[name].toDouble(), trainedMetrics[name].toDouble());

        // compare: the one parameter changed; deltas are B - A; the same dataset.
        const QJsonObject comparison =
            ok(history + QStringList{"compare", QString::number(v1), QString::number(v2)});
        QVERIFY(comparison["same_dataset"].toBool());
        QVERIFY(comparison["same_model"].toBool());
        const QJsonArray params = comparison["params"].toArray();
        QCOMPARE(params.size(), 1);
        QCOMPARE(params[0].toObject()["name"].toString(), QString("max_depth"));
        QCOMPARE(params[0].toObject()["a"].toString(), QString("3"));
        QCOMPARE(params[0].toObject()["b"].toString(), QString("5"));
        const double a = first["metrics"].toObject()["accuracy"].toDouble();
        const double b = trainedMetrics["accuracy"].toDouble();
        bool sawAccuracy = false;
        for (const auto& m : comparison["metrics"].toArray())
            if (m.toObject()["name"].toString() == "accuracy") {
                sawAccuracy = true;
                QCOMPARE(m.toObject()["delta"].toDouble(), b - a);
            }
        QVERIFY(sawAccuracy);

        // stage (checked on the imported copy below).
        QCOMPARE(
            runCli({"--registry", registry, "history", "stage", QString::number(v2), "production"})
                .exitCode,
            0);
        // export, import into a fresh history: predicts as the model file of the same model.
        const QString exported = dir_.filePath(file + "/v2.gbv");
        ok(history + QStringList{"export", QString::number(v2), exported});
        const QJsonObject imported =
            ok({"--registry", fresh, "--json", "history", "import", exported});
        const int v = imported["version"].toInt();
        QCOMPARE(imported["origin"].toObject()["version"].toInt(), v2);
        const QJsonObject shown =
            ok({"--registry", fresh, "--json", "history", "show", QString::number(v)});
        QCOMPARE(shown["stage"].toString(), QString("production"));
        QCOMPARE(shown["params"].toObject()["max_depth"].toString(), QString("5"));
        QCOMPARE(shown["dataset"].toObject()["rows"].toInt(), rows);

        const CliRun byModel = runCli({"predict", data, "--model", modelFile});
        const CliRun byImported =
            runCli({"--registry", fresh, "predict", data, "--version", QString::number(v)});
        QCOMPARE(byModel.exitCode, 0);
        QCOMPARE(byImported.exitCode, 0);
        QCOMPARE(byModel.out.count('\n'), rows + 1);
        QCOMPARE(byImported.out, byModel.out);
    }

    void notesTagsSeries() {
        const QString registry = dir_.filePath("small/history.sqlite");
        const QStringList train = {"--registry",         registry,   "--json",  "train",
                                   kShared + "iris.csv", "--target", "species", "--model",
                                   "naive_bayes"};
        const int a = ok(train)["version"].toInt();
        const int b = ok(train + QStringList{"--cv", "3"})["version"].toInt();
        const QStringList history = {"--registry", registry, "--json", "history"};
        QCOMPARE(
            ok(history + QStringList{"note", QString::number(a), "first try"})["notes"].toString(),
            QString("first try"));
        ok(history + QStringList{"tag", QString::number(a), "keep"});
        QCOMPARE(
            ok(history + QStringList{"tag", QString::number(a), "old"})["tags"].toArray().size(),
            2);
        ok(history + QStringList{"tag", QString::number(a), "old", "--remove"});
        const QJsonObject shown = ok(history + QStringList{"show", QString::number(a)});
        QCOMPARE(shown["notes"].toString(), QString("first try"));
        QCOMPARE(shown["tags"].toArray(), QJsonArray({"keep"}));
        QCOMPARE(ok(history + QStringList{"list", "--tag", "keep"})["versions"].toArray().size(),
                 1);
        const QJsonArray points = ok(history + QStringList{"series", "--metric", "log_loss",
                                                           "--target", "species"})["points"]
                                      .toArray();
        QCOMPARE(points.size(), 2);
        QCOMPARE(points[0].toObject()["version"].toInt(), a);
        QCOMPARE(points[1].toObject()["version"].toInt(), b);
        const QJsonArray sorted =
            ok(history +
               QStringList{"list", "--sort", "log_loss", "--ascending", "--limit", "1"})["versions"]
                .toArray();
        QCOMPARE(sorted.size(), 1);
        const double la = points[0].toObject()["value"].toDouble();
        const double lb = points[1].toObject()["value"].toDouble();
        QVERIFY(la != lb);
        QCOMPARE(sorted[0].toObject()["version"].toInt(), la < lb ? a : b);
        QCOMPARE(sorted[0].toObject()["metrics"].toObject()["log_loss"].toDouble(),
                 std::min(la, lb));

        // --no-save adds nothing; delete removes.
        ok(train + QStringList{"--no-save"});
        ok(history + QStringList{"delete", QString::number(a)});
        const QJsonArray left = ok(history + QStringList{"list"})["versions"].toArray();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left[0].toObject()["version"].toInt(), b);
    }

    void retrainAVersion() {
        const QString registry = dir_.filePath("retrain/history.sqlite");
        const QString credit = kShared + "credit-g.arff";
        const int base = ok({"--registry", registry, "--json", "train", credit, "--target", "class",
                             "--model", "decision_tree", "--param", "max_depth=3"})["version"]
                             .toInt();
        const QJsonObject again =
            ok({"--registry", registry, "--json", "train", credit, "--version",
                QString::number(base), "--param", "min_samples_leaf=5"});
        QCOMPARE(again["model"].toString(), QString("decision_tree"));
        QCOMPARE(again["target"].toString(), QString("class"));
        QCOMPARE(again["params"].toObject()["max_depth"].toString(), QString("3"));
        QCOMPARE(again["params"].toObject()["min_samples_leaf"].toString(), QString("5"));
        QCOMPARE(again["parent"].toInt(), base);
        QVERIFY(again["version"].toInt() > base);
        const CliRun both = runCli({"--registry", registry, "train", credit, "--version",
                                    QString::number(base), "--model", "knn"});
        QCOMPARE(both.exitCode, 2);
    }

    // tune saves its refitted best as a child version; evaluate, explain and export-tree take
    // --version; evaluate stores its scores with the version.
    void everyCommandTakesAVersion() {
        const QString registry = dir_.filePath("commands/history.sqlite");
        const QString iris = kShared + "iris.csv";
        const QStringList cli = {"--registry", registry, "--json"};
        const int base = ok(cli + QStringList{"train", iris, "--target", "species", "--model",
                                              "decision_tree", "--param", "max_depth=2"})["version"]
                             .toInt();
        const QJsonObject tuned =
            ok(cli + QStringList{"tune", iris, "--target", "species", "--model", "decision_tree",
                                 "--grid", "max_depth=1,3", "--cv", "3", "--parent",
                                 QString::number(base), "--name", "tuned"});
        const int child = tuned["version"].toInt();
        QVERIFY(child > base);
        const QJsonObject shown = ok(cli + QStringList{"history", "show", QString::number(child)});
        QCOMPARE(shown["parent"].toInt(), base);
        QCOMPARE(shown["name"].toString(), QString("tuned"));
        QCOMPARE(shown["params"].toObject()["max_depth"].toString(),
                 tuned["best"].toObject()["params"].toObject()["max_depth"].toString());
        QVERIFY(tuned["best"].toObject()["metrics"].toObject()["accuracy"].toDouble() ==
                shown["metrics"].toObject()["accuracy"].toDouble());

        const QStringList evaluate =
            cli + QStringList{"evaluate", iris, "--version", QString::number(child)};
        const CliRun passed = runCli(evaluate + QStringList{"--alert-below", "accuracy=0.5"});
        QCOMPARE(passed.exitCode, 0);
        const CliRun alerted = runCli(evaluate + QStringList{"--alert-below", "accuracy=1.01"});
        QCOMPARE(alerted.exitCode, 4);
        const QJsonArray evaluations =
            ok(cli + QStringList{"history", "show", QString::number(child)})["evaluations"]
                .toArray();
        QCOMPARE(evaluations.size(), 2);
        QCOMPARE(evaluations[0].toObject()["metrics"].toObject()["accuracy"].toDouble(),
                 jsonOf(passed)["metrics"].toObject()["accuracy"].toDouble());

        QVERIFY(!ok(cli +
                    QStringList{"explain", iris, "--version", QString::number(child)})["importance"]
                     .toArray()
                     .isEmpty());
        const CliRun tree = runCli({"--registry", registry, "export-tree", "--version",
                                    QString::number(child), "--format", "text"});
        QCOMPARE(tree.exitCode, 0);
        QVERIFY(tree.out.contains("petal"));
        const QJsonObject unsaved =
            ok(cli + QStringList{"tune", iris, "--target", "species", "--model", "naive_bayes",
                                 "--grid", "var_smoothing=1e-9,1e-6", "--no-save"});
        QVERIFY(unsaved["version"].isNull());
        QCOMPARE(runCli(cli + QStringList{"tune", iris, "--target", "species", "--model", "knn",
                                          "--grid", "k=3", "--parent", "999"})
                     .exitCode,
                 1);
    }

    void defaultLocationIsTheDataFolder() {
        const QString path = cliTestDataHome() + "/glassbox/registry.sqlite";
        const CliRun run = runCli({"--json", "train", kShared + "iris.csv", "--target", "species",
                                   "--model", "naive_bayes"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFile::exists(path));
        QCOMPARE(jsonOf(run)["registry"].toString(), path);
        const int id = jsonOf(run)["version"].toInt();
        QCOMPARE(
            runCli({"predict", kShared + "iris.csv", "--version", QString::number(id)}).exitCode,
            0);
    }

    void errors() {
        const QString registry = dir_.filePath("errors/history.sqlite");
        const QString iris = kShared + "iris.csv";
        CliRun run = runCli({"--registry", registry, "predict", iris, "--version", "7"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("glassbox-cli: error: --version: no version 7"),
                 run.err.constData());
        run = runCli({"--registry", registry, "predict", iris});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--version ID or --model FILE"), run.err.constData());
        run =
            runCli({"--registry", registry, "predict", iris, "--version", "1", "--model", "x.gbx"});
        QCOMPARE(run.exitCode, 2);
        run = runCli({"--registry", registry, "history", "show", "3"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("glassbox-cli: error: ID: no version 3"), run.err.constData());
        run = runCli({"--registry", registry, "history", "stage", "3", "prod"});
        QCOMPARE(run.exitCode, 2);
        run = runCli({"--registry", registry, "train", iris, "--target", "species", "--model",
                      "naive_bayes", "--parent", "42"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("glassbox-cli: error: --parent: no version 42"),
                 run.err.constData());
        run = runCli({"--registry", registry, "history", "import", iris});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("not a Glassbox model version export"), run.err.constData());

        // A data file given as the history: refused, untouched.
        const QByteArray before = fileBytes(iris);
        run = runCli({"--registry", iris, "history", "list"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("glassbox-cli: error: " + iris.toUtf8() +
                                    ": not a Glassbox model history"),
                 run.err.constData());
        QCOMPARE(fileBytes(iris), before);
    }
};

QTEST_APPLESS_MAIN(CliHistoryTest)
#include "test_cli_history.moc"
