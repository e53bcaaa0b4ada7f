// glassbox-cli evaluate end to end: its metrics and curves equal the engine's on the same model
// and rows, --alert-below exits 4 below the value and 0 above it, errors name what is wrong,
// and it works on every shared dataset.
#include <QtTest>

#include <cmath>

#include "engine/curves.h"
#include "engine/dataset.h"
#include "engine/metrics.h"
#include "engine/model_file.h"
#include "engine/table_reader.h"
#include "tests/cli/cli_run.h"

using namespace glassbox;

namespace {

const QString kShared = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/");

bool near(double a, double b) {
    return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(b));
}

// The JSON array `values` against `expected`; non-finite expected values are null.
QString differs(const QJsonArray& values, const std::vector<double>& expected) {
    if (values.size() != static_cast<qsizetype>(expected.size()))
        return QString("size %1, expected %2").arg(values.size()).arg(expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const QJsonValue v = values[static_cast<qsizetype>(i)];
        const bool ok = std::isfinite(expected[i]) ? v.isDouble() && near(v.toDouble(), expected[i])
                                                   : v.isNull();
        if (!ok) return QString("[%1] = %2, expected %3").arg(i).arg(v.toDouble()).arg(expected[i]);
    }
    return {};
}

// What the engine computes for the model file on the data file.
struct EngineResult {
    TrainedModel model;
    Scores scores;
    std::optional<ClassificationCurves> curves;
    std::vector<std::int32_t> labels;
    Predictions predictions;
};

EngineResult engineEvaluate(const QString& modelFile, const QString& dataFile) {
    EngineResult out;
    out.model = loadModelFile(modelFile.toStdString());
    const LoadedTable loaded = readTable(dataFile.toStdString(), ReadOptions{});
    const Column& target =
        loaded.table.column(static_cast<std::size_t>(loaded.table.indexOf(out.model.target)));
    out.predictions = out.model.predict(loaded.table, dataFile.toStdString(), {});
    if (out.model.task == TaskKind::Classification) {
        out.labels = labelsFor(target, out.model.classes);
        out.scores = classificationScores(out.labels, out.predictions);
        out.curves = classificationCurves(out.labels, out.predictions);
    } else {
        std::vector<double> truth, predicted;
        for (std::size_t r = 0; r < target.size(); ++r)
            if (!target.isMissing(r)) {
                truth.push_back(target.number(r));
                predicted.push_back(out.predictions.values[r]);
            }
        out.scores = regressionScores(truth, predicted);
    }
    return out;
}

}  // namespace

class CliEvaluateTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    // Trains `learner` on `file` into a model file (once per file and learner: every
    // glassbox-cli start costs most of a second); returns its path.
    QString trained(const QString& file, const QString& target, const QString& learner,
                    const QStringList& params = {}) {
        const QString path = dir_.filePath(QFileInfo(file).fileName() + "-" + learner + ".gbx");
        if (QFileInfo::exists(path)) return path;
        QStringList args{"train", file,    "--target", target,     "--model",
                         learner, "--out", path,       "--no-save"};
        for (const QString& p : params) args << "--param" << p;
        const CliRun run = runCli(args);
        if (run.exitCode != 0) qWarning() << run.err;
        return run.exitCode == 0 ? path : QString();
    }

  private slots:
    void metricsEqualTheEngines_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QStringList>("params");
        QTest::newRow("iris, multiclass") << kShared + "iris.csv"
                                          << "species"
                                          << "random_forest" << QStringList{"n_estimators=20"};
        QTest::newRow("breast_cancer, binary") << kShared + "breast_cancer.csv"
                                               << "diagnosis"
                                               << "logistic_regression" << QStringList{};
        QTest::newRow("diabetes, regression")
            << kShared + "diabetes_regression.csv"
            << "progression"
            << "gradient_boosting" << QStringList{"n_estimators=20"};
    }
    void metricsEqualTheEngines() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(QString, learner);
        QFETCH(QStringList, params);
        const QString model = trained(file, target, learner, params);
        QVERIFY(!model.isEmpty());
        const CliRun run = runCli({"--json", "evaluate", file, "--model", model});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject out = QJsonDocument::fromJson(run.out).object();
        const EngineResult engine = engineEvaluate(model, file);

        const QJsonObject metrics = out["metrics"].toObject();
        for (const std::string& name : scoreNames(engine.model.task)) {
            const QString key = QString::fromStdString(name);
            QVERIFY2(metrics.contains(key), qPrintable(key));
            QVERIFY2(near(metrics[key].toDouble(), *engine.scores.get(name)), qPrintable(key));
        }
        QCOMPARE(out["alert"].toBool(), false);
        QCOMPARE(out["alerts"].toArray().size(), 0);
        QCOMPARE(out["model"].toString(), learner);
        if (engine.model.task == TaskKind::Regression) {
            QVERIFY(!out.contains("roc"));
            QVERIFY(!out.contains("pr"));
            return;
        }
        QCOMPARE(out["rows"].toInt(), static_cast<int>(engine.labels.size()));
        const QJsonArray confusion = out["confusion_matrix"].toArray();
        for (std::size_t t = 0; t < engine.scores.confusion.size(); ++t)
            for (std::size_t p = 0; p < engine.scores.confusion.size(); ++p)
                QCOMPARE(confusion[t].toArray()[p].toInteger(),
                         static_cast<qint64>(engine.scores.confusion[t][p]));
        const QJsonObject roc = out["roc"].toObject(), pr = out["pr"].toObject();
        for (std::size_t c = 0; c < engine.model.classes.size(); ++c) {
            const QString name = QString::fromStdString(engine.model.classes[c]);
            const ClassCurves& curve = engine.curves->perClass[c];
            const QJsonObject r = roc[name].toObject(), p = pr[name].toObject();
            QCOMPARE(differs(r["fpr"].toArray(), curve.roc.fpr), QString());
            QCOMPARE(differs(r["tpr"].toArray(), curve.roc.tpr), QString());
            // The first threshold, +infinity, is written as null.
            QVERIFY(r["thresholds"].toArray()[0].isNull());
            QCOMPARE(differs(r["thresholds"].toArray(), curve.roc.thresholds), QString());
            QCOMPARE(differs(p["precision"].toArray(), curve.pr.precision), QString());
            QCOMPARE(differs(p["recall"].toArray(), curve.pr.recall), QString());
            QCOMPARE(differs(p["thresholds"].toArray(), curve.pr.thresholds), QString());
            QVERIFY(near(out["auc"].toObject()[name].toDouble(), curve.auc));
            QVERIFY(
                near(out["average_precision"].toObject()[name].toDouble(), curve.averagePrecision));
            const QJsonObject perClass = out["per_class"].toObject()[name].toObject();
            QVERIFY(near(perClass["f1"].toDouble(), engine.scores.perClass[c].f1));
            QCOMPARE(perClass["support"].toInt(),
                     static_cast<int>(engine.scores.perClass[c].support));
            const QJsonObject calibration = out["calibration"].toObject()[name].toObject();
            qint64 counted = 0;
            for (const auto& n : calibration["counts"].toArray()) counted += n.toInteger();
            QCOMPARE(counted, static_cast<qint64>(engine.labels.size()));
        }
        if (engine.model.classes.size() > 2) {
            QVERIFY(roc.contains("micro"));
            QVERIFY(roc.contains("macro"));
            QVERIFY(near(out["auc"].toObject()["macro"].toDouble(), *engine.scores.get("auc")));
        } else {
            QCOMPARE(out["positive_class"].toString(),
                     QString::fromStdString(engine.model.classes[1]));
            QVERIFY(near(out["auc"].toObject()[out["positive_class"].toString()].toDouble(),
                         *engine.scores.get("auc")));
        }
    }

    void thresholdMovesTheConfusionMatrix() {
        const QString file = kShared + "breast_cancer.csv";
        const QString model = trained(file, "diagnosis", "naive_bayes");
        QVERIFY(!model.isEmpty());
        const EngineResult engine = engineEvaluate(model, file);
        for (const double threshold : {0.05, 0.5, 0.95}) {
            const CliRun run = runCli({"--json", "evaluate", file, "--model", model, "--threshold",
                                       QString::number(threshold)});
            QCOMPARE(run.exitCode, 0);
            const QJsonObject out = QJsonDocument::fromJson(run.out).object();
            qint64 counts[2][2] = {{0, 0}, {0, 0}};
            for (std::size_t r = 0; r < engine.labels.size(); ++r)
                ++counts[engine.labels[r]][engine.predictions.probabilitiesOf(r)[1] >= threshold];
            const QJsonArray confusion = out["confusion_matrix"].toArray();
            for (int t = 0; t < 2; ++t)
                for (int p = 0; p < 2; ++p)
                    QCOMPARE(confusion[t].toArray()[p].toInteger(), counts[t][p]);
            QCOMPARE(out["threshold"].toDouble(), threshold);
        }
    }

    void alertExitCodes() {
        const QString file = kShared + "iris.csv";
        const QString model = trained(file, "species", "decision_tree", {"max_depth=2"});
        QVERIFY(!model.isEmpty());
        const CliRun plain = runCli({"--json", "evaluate", file, "--model", model});
        QCOMPARE(plain.exitCode, 0);
        const double accuracy = QJsonDocument::fromJson(plain.out)
                                    .object()["metrics"]
                                    .toObject()["accuracy"]
                                    .toDouble();
        QVERIFY(accuracy > 0.9 && accuracy < 1.0);

        const QString above = "accuracy=" + QString::number(accuracy + 0.01);
        const QString below = "accuracy=" + QString::number(accuracy - 0.01);
        const CliRun fired = runCli({"--json", "evaluate", file, "--model", model, "--alert-below",
                                     above, "--alert-below", "f1=0.1"});
        QCOMPARE(fired.exitCode, 4);
        const QJsonObject out = QJsonDocument::fromJson(fired.out).object();  // printed first
        QCOMPARE(out["alert"].toBool(), true);
        const QJsonArray alerts = out["alerts"].toArray();
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts[0].toObject()["metric"].toString(), QString("accuracy"));
        QCOMPARE(alerts[0].toObject()["value"].toDouble(), accuracy);
        QVERIFY(near(alerts[0].toObject()["threshold"].toDouble(), accuracy + 0.01));

        const CliRun quiet =
            runCli({"--json", "evaluate", file, "--model", model, "--alert-below", below});
        QCOMPARE(quiet.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(quiet.out).object()["alert"].toBool(), false);
        // Exactly at the value is not below it.
        const CliRun equal = runCli({"--json", "evaluate", file, "--model", model, "--alert-below",
                                     "accuracy=" + QString::number(accuracy, 'g', 17)});
        QCOMPARE(equal.exitCode, 0);

        const CliRun summary = runCli({"evaluate", file, "--model", model, "--alert-below", above});
        QCOMPARE(summary.exitCode, 4);
        QVERIFY(summary.out.contains("ALERT: accuracy"));
        QVERIFY(summary.out.contains("confusion matrix"));
    }

    void errors_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("mentions");
        QTest::newRow("missing target column")
            << "target" << 1 << QStringList{"iris.csv", "\"diagnosis\""};
        QTest::newRow("unknown metric")
            << "metric" << 1 << QStringList{"--alert-below", "nope", "accuracy", "brier"};
        QTest::newRow("no value") << "malformed" << 1
                                  << QStringList{"--alert-below", "METRIC=VALUE"};
        QTest::newRow("value not a number") << "nan" << 1 << QStringList{"--alert-below", "high"};
        QTest::newRow("damaged model file") << "damaged" << 1 << QStringList{"damaged.gbx"};
        QTest::newRow("no model") << "nomodel" << 1 << QStringList{"missing.gbx"};
        QTest::newRow("threshold on multiclass") << "threshold" << 1 << QStringList{"--threshold"};
        QTest::newRow("threshold not a number")
            << "badthreshold" << 2 << QStringList{"--threshold"};
    }
    void errors() {
        QFETCH(QString, kind);
        QFETCH(int, exitCode);
        QFETCH(QStringList, mentions);
        const QString binary = trained(kShared + "breast_cancer.csv", "diagnosis", "naive_bayes");
        const QString iris = trained(kShared + "iris.csv", "species", "naive_bayes");
        QVERIFY(!binary.isEmpty() && !iris.isEmpty());
        const QString damaged = dir_.filePath("damaged.gbx");
        {
            QFile in(binary);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray bytes = in.readAll();
            bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
            QFile out(damaged);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        const QString file = kShared + "breast_cancer.csv";
        QStringList args;
        if (kind == "target") args = {"evaluate", kShared + "iris.csv", "--model", binary};
        if (kind == "metric")
            args = {"evaluate", file, "--model", binary, "--alert-below", "nope=1"};
        if (kind == "malformed")
            args = {"evaluate", file, "--model", binary, "--alert-below", "accuracy"};
        if (kind == "nan")
            args = {"evaluate", file, "--model", binary, "--alert-below", "accuracy=high"};
        if (kind == "damaged") args = {"evaluate", file, "--model", damaged};
        if (kind == "nomodel") args = {"evaluate", file, "--model", dir_.filePath("missing.gbx")};
        if (kind == "threshold")
            args = {"evaluate", kShared + "iris.csv", "--model", iris, "--threshold", "0.5"};
        if (kind == "badthreshold")
            args = {"evaluate", file, "--model", binary, "--threshold", "half"};
        const CliRun run = runCli(args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(err.startsWith("glassbox-cli: error: ") && !err.contains('\n'), qPrintable(err));
        for (const QString& m : mentions) QVERIFY2(err.contains(m), qPrintable(err));
    }

    void everySharedDataset_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("regression");
        QTest::newRow("iris.csv") << "iris.csv"
                                  << "species" << false;
        QTest::newRow("iris.arff") << "iris.arff"
                                   << "class" << false;
        QTest::newRow("wine") << "wine.csv"
                              << "cultivar" << false;
        QTest::newRow("breast_cancer") << "breast_cancer.csv"
                                       << "diagnosis" << false;
        QTest::newRow("credit-g") << "credit-g.arff"
                                  << "class" << false;
        QTest::newRow("diabetes") << "diabetes.arff"
                                  << "class" << false;
        QTest::newRow("soybean") << "soybean.arff"
                                 << "class" << false;
        QTest::newRow("weather.nominal") << "weather.nominal.arff"
                                         << "play" << false;
        QTest::newRow("diabetes_regression") << "diabetes_regression.csv"
                                             << "progression" << true;
    }
    void everySharedDataset() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(bool, regression);
        const QString model = trained(kShared + file, target, "decision_tree", {"max_depth=5"});
        QVERIFY(!model.isEmpty());
        // Half the files with each binning, to keep the number of runs down.
        const QString strategy = QTest::currentDataTag()[0] < 'd' ? "uniform" : "quantile";
        const CliRun run = runCli({"--json", "evaluate", kShared + file, "--model", model,
                                   "--calibration", strategy, "--bins", "5"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = QJsonDocument::fromJson(run.out).object();
        QVERIFY(out["metrics"].toObject().size() >= 4);
        QCOMPARE(out.contains("roc"), !regression);
        QCOMPARE(out.contains("pr"), !regression);
        if (regression) {
            const CliRun summary = runCli({"evaluate", kShared + file, "--model", model});
            QCOMPARE(summary.exitCode, 0);
            QVERIFY(summary.out.contains("mape"));
            return;
        }
        QCOMPARE(out["calibration_strategy"].toString(), strategy);
        const QJsonArray classes = out["classes"].toArray();
        for (const auto& c : classes) {
            const QJsonObject roc = out["roc"].toObject()[c.toString()].toObject();
            QVERIFY2(!roc["fpr"].toArray().isEmpty(), qPrintable(c.toString()));
            QCOMPARE(roc["fpr"].toArray().size(), roc["thresholds"].toArray().size());
            const QJsonObject pr = out["pr"].toObject()[c.toString()].toObject();
            QCOMPARE(pr["precision"].toArray().size(), pr["thresholds"].toArray().size() + 1);
            QCOMPARE(
                out["calibration"].toObject()[c.toString()].toObject()["counts"].toArray().size(),
                5);
        }
    }
};

QTEST_APPLESS_MAIN(CliEvaluateTest)
#include "test_cli_evaluate.moc"
