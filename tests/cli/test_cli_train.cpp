// glassbox-cli train / predict / export-tree / learners end to end: every learner trains,
// saves, reloads and predicts on every shared dataset and on other real datasets; same seed,
// same model file; the error lines and exit codes of ../shared/docs/cli.md; cancel by SIGINT.
#include <QtTest>

#include <cmath>
#include <csignal>

#include "engine/table_reader.h"
#include "tests/cli/cli_run.h"

using namespace glassbox;

namespace {

const QString kShared = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/");
const QString kReal = QStringLiteral(GLASSBOX_TEST_DATA_DIR "/real/");

struct DataFile {
    QString path;
    QString target;
    bool regression;
};

const QList<DataFile>& dataFiles() {
    static const QList<DataFile> files = {
        {kShared + "iris.csv", "species", false},
        {kShared + "iris.arff", "class", false},
        {kShared + "wine.csv", "cultivar", false},
        {kShared + "breast_cancer.csv", "diagnosis", false},
        {kShared + "credit-g.arff", "class", false},
        {kShared + "diabetes.arff", "class", false},
        {kShared + "soybean.arff", "class", false},
        {kShared + "weather.nominal.arff", "play", false},
        {kShared + "diabetes_regression.csv", "progression", true},
        {kReal + "breast-cancer.arff", "Class", false},
        {kReal + "vote.arff", "Class", false},
        {kReal + "labor.arff", "class", false},
        {kReal + "anes96.csv", "'vote'", false},
        {kReal + "statecrime.csv", "violent", true},
        {kReal + "macrodata.csv", "infl", true},
    };
    return files;
}

QJsonObject learnersJson() {
    const CliRun run = runCli({"learners", "--json"});
    return QJsonDocument::fromJson(run.out).object();
}

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class CliTrainTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private slots:
    void learnersDescribeThemselves() {
        const QJsonArray learners = learnersJson()["learners"].toArray();
        QStringList names;
        for (const auto& l : learners) {
            const QJsonObject learner = l.toObject();
            names << learner["name"].toString();
            QVERIFY(!learner["description"].toString().isEmpty());
            QVERIFY(!learner["tasks"].toArray().isEmpty());
            for (const auto& p : learner["params"].toArray()) {
                const QJsonObject param = p.toObject();
                QVERIFY2(!param["help"].toString().isEmpty(), qPrintable(param["name"].toString()));
                QVERIFY(param.contains("default"));
            }
        }
        QCOMPARE(names, (QStringList{"decision_tree", "random_forest", "gradient_boosting",
                                     "logistic_regression", "linear_regression", "knn",
                                     "naive_bayes", "mlp"}));
    }

    void trainSavePredict_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        const QJsonArray learners = learnersJson()["learners"].toArray();
        QVERIFY(!learners.isEmpty());
        for (const auto& l : learners) {
            const QJsonObject learner = l.toObject();
            const QJsonArray tasks = learner["tasks"].toArray();
            for (const DataFile& f : dataFiles()) {
                if (!tasks.contains(f.regression ? "regression" : "classification")) continue;
                QTest::addRow("%s %s", qPrintable(learner["name"].toString()),
                              qPrintable(QFileInfo(f.path).fileName()))
                    << learner["name"].toString() << f.path << f.target;
            }
        }
    }
    void trainSavePredict() {
        QFETCH(QString, learner);
        QFETCH(QString, file);
        QFETCH(QString, target);
        const QString model = dir_.filePath("model.gbx");
        const QString predictions = dir_.filePath("predictions.csv");
        QFile::remove(model);
        // Small settings keep the suite quick; the reference floors are checked elsewhere.
        QStringList args{"train", file,  "--target", target,      "--model", learner,
                         "--out", model, "--json",   "--threads", "2"};
        if (learner == "random_forest")
            args << "--param"
                 << "n_estimators=20";
        if (learner == "mlp")
            args << "--param"
                 << "epochs=30";
        const CliRun train = runCli(args);
        QVERIFY2(train.exitCode == 0, train.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(train.out).object();
        for (const char* key : {"version", "model", "params", "task", "target", "classes",
                                "metrics", "train_seconds", "rows", "features"})
            QVERIFY2(out.contains(key), key);
        QCOMPARE(out["model"].toString(), learner);
        const bool classification = out["task"].toString() == "classification";

        const CliRun predict = runCli({"predict", file, "--model", model, "--out", predictions});
        QVERIFY2(predict.exitCode == 0, predict.err.constData());
        // The reloaded model predicts what the trained one scored on the training rows.
        const LoadedTable table = readTable(predictions.toStdString(), {}, {});
        const std::ptrdiff_t predicted = table.table.indexOf("prediction");
        const std::ptrdiff_t truth = table.table.indexOf(target.toStdString());
        QVERIFY(predicted >= 0 && truth >= 0);
        const Column& p = table.table.column(predicted);
        const Column& t = table.table.column(truth);
        std::size_t counted = 0, correct = 0;
        double squared = 0;
        for (std::size_t r = 0; r < table.table.rowCount(); ++r) {
            QVERIFY(!p.isMissing(r));
            if (t.isMissing(r)) continue;
            ++counted;
            if (classification) {
                correct += p.format(r) == t.format(r);
                double sum = 0;
                for (const QJsonValue& c : out["classes"].toArray()) {
                    const std::ptrdiff_t column =
                        table.table.indexOf("proba_" + c.toString().toStdString());
                    QVERIFY(column >= 0);
                    sum += table.table.column(column).number(r);
                }
                QVERIFY2(std::fabs(sum - 1) < 1e-9, "probabilities do not sum to 1");
            } else {
                const double e = p.number(r) - t.number(r);
                squared += e * e;
            }
        }
        QCOMPARE(qint64(counted), out["rows"].toInteger());
        const QJsonObject metrics = out["metrics"].toObject();
        if (classification)
            QCOMPARE(double(correct) / counted, metrics["accuracy"].toDouble());
        else
            QVERIFY(std::fabs(std::sqrt(squared / counted) - metrics["rmse"].toDouble()) <=
                    1e-9 * std::max(1.0, metrics["rmse"].toDouble()));
    }

    void sameSeedSameModelFile_data() {
        QTest::addColumn<QString>("learner");
        for (const auto& l : learnersJson()["learners"].toArray())
            QTest::newRow(qPrintable(l.toObject()["name"].toString()))
                << l.toObject()["name"].toString();
    }
    void sameSeedSameModelFile() {
        QFETCH(QString, learner);
        const bool regression = learner == "linear_regression";
        const QString file = kShared + (regression ? "diabetes_regression.csv" : "credit-g.arff");
        const QString target = regression ? "progression" : "class";
        QStringList args{"train", file,     "--target", target,      "--model",
                         learner, "--seed", "7",        "--threads", "2"};
        if (learner == "mlp")
            args << "--param"
                 << "epochs=20";
        const QString a = dir_.filePath("a.gbx"), b = dir_.filePath("b.gbx");
        QCOMPARE(runCli(args + QStringList{"--out", a}).exitCode, 0);
        QCOMPARE(runCli(args + QStringList{"--out", b}).exitCode, 0);
        QVERIFY(!fileBytes(a).isEmpty());
        QVERIFY2(fileBytes(a) == fileBytes(b), "same seed, different model files");
    }

    void crossValidationReport() {
        const CliRun run = runCli({"train", kShared + "iris.csv", "--target", "species", "--model",
                                   "decision_tree", "--cv", "5", "--fold-rule", "index", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(out["cv"].toObject()["folds"].toInt(), 5);
        QCOMPARE(out["cv"].toObject()["per_fold"].toArray().size(), 5);
        const QJsonArray confusion = out["metrics"].toObject()["confusion_matrix"].toArray();
        QCOMPARE(confusion.size(), 3);
        int total = 0;
        for (const auto& row : confusion)
            for (const auto& cell : row.toArray()) total += cell.toInt();
        QCOMPARE(total, 150);  // every row predicted once, out of fold
        for (const char* key :
             {"accuracy", "balanced_accuracy", "precision", "recall", "f1", "auc", "log_loss"})
            QVERIFY2(out["metrics"].toObject().contains(key), key);
    }

    void exportTreeFormats() {
        const QString model = dir_.filePath("tree.gbx");
        QCOMPARE(runCli({"train", kShared + "iris.csv", "--target", "species", "--model",
                         "decision_tree", "--param", "max_depth=3", "--out", model})
                     .exitCode,
                 0);
        const CliRun json = runCli({"export-tree", "--model", model});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray nodes = QJsonDocument::fromJson(json.out).object()["nodes"].toArray();
        QVERIFY(nodes.size() >= 3 && nodes.size() <= 15);
        const QJsonObject root = nodes[0].toObject();
        QCOMPARE(root["samples"].toDouble(), 150.0);
        for (const char* key :
             {"id", "feature", "threshold", "left", "right", "missing_goes", "value", "impurity"})
            QVERIFY2(root.contains(key), key);
        for (const auto& n : nodes) {
            const QJsonObject node = n.toObject();
            if (!node.contains("feature")) QVERIFY(!node.contains("left"));
        }
        const CliRun dot = runCli({"export-tree", "--model", model, "--format", "dot"});
        QVERIFY(dot.out.startsWith("digraph tree {"));
        const CliRun text = runCli({"export-tree", "--model", model, "--format", "text"});
        QVERIFY(text.out.startsWith("|--- "));
        QCOMPARE(runCli({"export-tree", "--model", model, "--tree", "1"}).exitCode, 1);
    }

    void errors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString iris = kShared + "iris.csv";
        QTest::newRow("unknown model")
            << QStringList{"train", iris, "--target", "species", "--model", "svm"} << 1
            << "glassbox-cli: error: --model: unknown model kind \"svm\" (known: decision_tree, ";
        QTest::newRow("out of range")
            << QStringList{"train",         iris,      "--target",   "species", "--model",
                           "decision_tree", "--param", "max_depth=0"}
            << 1 << "glassbox-cli: error: max_depth: must be an integer in [1, ";
        QTest::newRow("unknown parameter")
            << QStringList{"train",   iris,  "--target", "species",
                           "--model", "knn", "--param",  "depth=3"}
            << 1 << "glassbox-cli: error: depth: unknown parameter (known: ";
        QTest::newRow("no =") << QStringList{"train",   iris,  "--target", "species",
                                             "--model", "knn", "--param",  "k"}
                              << 1 << "glassbox-cli: error: --param: expected KEY=VALUE";
        QTest::newRow("unknown target")
            << QStringList{"train", iris, "--target", "kind", "--model", "knn"} << 1
            << "glassbox-cli: error: --target: no column named \"kind\"";
        QTest::newRow("classifier for regression")
            << QStringList{"train",    kShared + "diabetes_regression.csv",
                           "--target", "progression",
                           "--model",  "naive_bayes"}
            << 1 << "glassbox-cli: error: --model: naive_bayes does not do regression";
        QTest::newRow("cv 1") << QStringList{"train",   iris,  "--target", "species",
                                             "--model", "knn", "--cv",     "1"}
                              << 2 << "glassbox-cli: error: --cv: ";
        QTest::newRow("cv and holdout")
            << QStringList{"train", iris,   "--target", "species",         "--model",
                           "knn",   "--cv", "5",        "--test-fraction", "0.2"}
            << 1 << "glassbox-cli: error: --test-fraction: cannot be combined with --cv";
        QTest::newRow("missing model file")
            << QStringList{"predict", iris, "--model", "/nonexistent/m.gbx"} << 1
            << "glassbox-cli: error: /nonexistent/m.gbx: ";
        QTest::newRow("not a model")
            << QStringList{"predict", iris, "--model", iris} << 1
            << "glassbox-cli: error: " + iris + ": not a Glassbox model file";
        QTest::newRow("no target option")
            << QStringList{"train", iris, "--model", "knn"} << 2 << "glassbox-cli: error: --target";
    }
    void errors() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).startsWith(message), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);  // one line
    }

    void damagedModelFilesAreRejected() {
        const QString model = dir_.filePath("good.gbx");
        QCOMPARE(runCli({"train", kShared + "iris.csv", "--target", "species", "--model",
                         "decision_tree", "--out", model})
                     .exitCode,
                 0);
        const QByteArray good = fileBytes(model);
        const QString bad = dir_.filePath("bad.gbx");
        const QList<QPair<QString, QByteArray>> cases = {
            {"checksum mismatch", QByteArray(good).replace(good.size() - 5, 1, "\x7f")},
            {"the file is truncated", good.left(good.size() / 2)},
            {"unexpected bytes after the model", good + "x"},
            {"newer than this Glassbox reads", QByteArray(good).replace(8, 1, "\x09")},
        };
        for (const auto& [expected, bytes] : cases) {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
            f.close();
            const CliRun run = runCli({"predict", kShared + "iris.csv", "--model", bad});
            QCOMPARE(run.exitCode, 1);
            QVERIFY2(run.err.contains(expected.toUtf8()), run.err.constData());
        }
    }

    void predictNeedsTheModelsColumns() {
        const QString model = dir_.filePath("wine.gbx");
        QCOMPARE(runCli({"train", kShared + "wine.csv", "--target", "cultivar", "--model",
                         "decision_tree", "--out", model})
                     .exitCode,
                 0);
        const CliRun run = runCli({"predict", kShared + "iris.csv", "--model", model});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("glassbox-cli: error: " + (kShared + "iris.csv").toUtf8() +
                                    ": column \""),
                 run.err.constData());
    }

    void cancelledBySigint() {
        const InterruptedRun run = interruptCli(
            {"train", kShared + "credit-g.arff", "--target", "class", "--model", "random_forest",
             "--param", "n_estimators=100000", "--progress", "--out", dir_.filePath("never.gbx")},
            "tree");
        QVERIFY2(run.interrupted, run.err.constData());
        QCOMPARE(run.exitCode, 3);
        QVERIFY(!QFile::exists(dir_.filePath("never.gbx")));
    }
};

QTEST_GUILESS_MAIN(CliTrainTest)
#include "test_cli_train.moc"
