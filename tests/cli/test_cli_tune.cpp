// glassbox-cli tune and compare end to end: the JSON of ../shared/docs/cli.md (and its
// extensions) on the shared datasets, the best candidate recomputed from the results, the
// --out model equal to `train` with the best parameters, errors and exit codes, cancel.
#include <QtTest>

#include <cmath>
#include <csignal>

#include "tests/cli/cli_run.h"

namespace {

const QString kShared = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/");

QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject jsonOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}

}  // namespace

class CliTuneTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

  private slots:
    void tuneEverySharedDataset_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("metric");
        QTest::newRow("iris") << "iris.csv"
                              << "species"
                              << "accuracy";
        QTest::newRow("iris.arff") << "iris.arff"
                                   << "class"
                                   << "f1";
        QTest::newRow("wine") << "wine.csv"
                              << "cultivar"
                              << "accuracy";
        QTest::newRow("breast_cancer") << "breast_cancer.csv"
                                       << "diagnosis"
                                       << "auc";
        QTest::newRow("credit-g") << "credit-g.arff"
                                  << "class"
                                  << "log_loss";
        QTest::newRow("diabetes") << "diabetes.arff"
                                  << "class"
                                  << "balanced_accuracy";
        QTest::newRow("soybean") << "soybean.arff"
                                 << "class"
                                 << "accuracy";
        QTest::newRow("weather") << "weather.nominal.arff"
                                 << "play"
                                 << "accuracy";
        QTest::newRow("diabetes_regression") << "diabetes_regression.csv"
                                             << "progression"
                                             << "rmse";
    }
    void tuneEverySharedDataset() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(QString, metric);
        const CliRun run =
            runCli({"tune", kShared + file, "--target", target, "--model", "decision_tree",
                    "--grid", "max_depth=1,3,none", "--grid", "min_samples_leaf=1,5", "--cv", "3",
                    "--metric", metric, "--threads", "2", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        for (const char* key : {"results", "best", "version", "metric", "lower_is_better", "cv",
                                "model", "task", "seconds"})
            QVERIFY2(out.contains(key), key);
        QVERIFY(out["version"].toInt() >= 1);  // the refitted best, saved in the history
        QCOMPARE(out["metric"].toString(), metric);
        const QJsonArray results = out["results"].toArray();
        QCOMPARE(results.size(), 6);
        const bool lower = metric == "log_loss" || metric == "rmse";
        QCOMPARE(out["lower_is_better"].toBool(), lower);
        int best = -1;
        double bestMean = 0;
        for (int i = 0; i < results.size(); ++i) {
            const QJsonObject r = results[i].toObject();
            for (const char* key : {"params", "metrics", "mean", "std", "fold_scores", "seconds"})
                QVERIFY2(r.contains(key), key);
            QVERIFY(r["metrics"].toObject().contains(metric));
            const QJsonArray folds = r["fold_scores"].toArray();
            QCOMPARE(folds.size(), 3);
            double sum = 0;
            for (const auto& f : folds) sum += f.toDouble();
            QVERIFY(std::fabs(sum / 3 - r["mean"].toDouble()) < 1e-9);
            // Grid order: max_depth slowest, min_samples_leaf fastest.
            const QJsonObject params = r["params"].toObject();
            QCOMPARE(params["max_depth"].toString(), QStringList({"1", "3", "none"})[i / 2]);
            QCOMPARE(params["min_samples_leaf"].toString(), QStringList({"1", "5"})[i % 2]);
            const double mean = r["mean"].toDouble();
            if (best < 0 || (lower ? mean < bestMean : mean > bestMean)) {
                best = i;
                bestMean = mean;
            }
        }
        const QJsonObject chosen = out["best"].toObject();
        QCOMPARE(chosen["index"].toInt(), best);
        QCOMPARE(chosen["params"].toObject(), results[best].toObject()["params"].toObject());
        QCOMPARE(chosen["metrics"].toObject(), results[best].toObject()["metrics"].toObject());
    }

    // The refitted best written by --out is the model `train` fits with the best parameters.
    void outIsTheBestRefitted() {
        const QString tuned = dir_.filePath("tuned.gbx"), trained = dir_.filePath("trained.gbx");
        const CliRun run =
            runCli({"tune", kShared + "wine.csv", "--target", "cultivar", "--model",
                    "random_forest", "--grid", "n_estimators=5,20", "--grid", "max_depth=2,none",
                    "--cv", "3", "--seed", "4", "--out", tuned, "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        QCOMPARE(out["model_file"].toString(), tuned);
        QStringList train{"train",    kShared + "wine.csv",
                          "--target", "cultivar",
                          "--model",  "random_forest",
                          "--seed",   "4",
                          "--out",    trained};
        const QJsonObject best = out["best"].toObject()["params"].toObject();
        for (auto it = best.begin(); it != best.end(); ++it)
            train << "--param" << it.key() + "=" + it.value().toString();
        QCOMPARE(runCli(train).exitCode, 0);
        QVERIFY(!fileBytes(tuned).isEmpty());
        QVERIFY2(fileBytes(tuned) == fileBytes(trained), "tune --out differs from train --out");

        const QString predictions = dir_.filePath("predictions.csv");
        const CliRun predict =
            runCli({"predict", kShared + "wine.csv", "--model", tuned, "--out", predictions});
        QVERIFY2(predict.exitCode == 0, predict.err.constData());
        QCOMPARE(fileBytes(predictions).count('\n'), 179);  // header + 178 rows
    }

    void randomSearchIsSeeded() {
        const QStringList args{"tune",     kShared + "iris.csv",
                               "--target", "species",
                               "--model",  "knn",
                               "--random", "5",
                               "--range",  "k=1:40",
                               "--grid",   "weights=uniform,distance",
                               "--cv",     "3",
                               "--json"};
        const CliRun a = runCli(args + QStringList{"--seed", "1"});
        const CliRun b = runCli(args + QStringList{"--seed", "1"});
        const CliRun c = runCli(args + QStringList{"--seed", "2"});
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const auto paramsOf = [](const CliRun& run) {
            QJsonArray params;
            for (const auto& r : jsonOf(run)["results"].toArray())
                params << r.toObject()["params"].toObject();
            return params;
        };
        QCOMPARE(jsonOf(a)["search"].toString(), QString("random"));
        QCOMPARE(paramsOf(a).size(), 5);
        QCOMPARE(paramsOf(a), paramsOf(b));
        QVERIFY(paramsOf(a) != paramsOf(c));
        for (const auto& p : paramsOf(a)) {
            const int k = p.toObject()["k"].toString().toInt();
            QVERIFY(k >= 1 && k <= 40);
        }
    }

    void compareJson() {
        const QStringList models{"logistic_regression", "decision_tree:max_depth=1",
                                 "knn:k=7;weights=distance"};
        QStringList args{"compare",   kShared + "breast_cancer.csv",
                         "--target",  "diagnosis",
                         "--cv",      "5",
                         "--repeats", "2",
                         "--threads", "2",
                         "--json"};
        for (const QString& m : models) args << "--model" << m;
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        for (const char* key :
             {"models", "pairs", "metric", "folds", "repeats", "alpha", "test_train_ratio", "test"})
            QVERIFY2(out.contains(key), key);
        QCOMPARE(out["metric"].toString(), QString("accuracy"));
        QCOMPARE(out["test_train_ratio"].toDouble(), 0.25);
        const QJsonArray modelsOut = out["models"].toArray();
        QCOMPARE(modelsOut.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject m = modelsOut[i].toObject();
            QCOMPARE(m["label"].toString(), models[i]);
            QCOMPARE(m["fold_scores"].toArray().size(), 10);
            for (const char* key : {"model", "params", "mean", "std", "metrics", "seconds"})
                QVERIFY2(m.contains(key), key);
        }
        QCOMPARE(modelsOut[2].toObject()["params"].toObject()["k"].toString(), QString("7"));
        const QJsonArray pairs = out["pairs"].toArray();
        QCOMPARE(pairs.size(), 3);
        for (const auto& p : pairs) {
            const QJsonObject pair = p.toObject();
            for (const char* key :
                 {"first", "second", "difference", "t", "df", "p_value", "significant", "better"})
                QVERIFY2(pair.contains(key), key);
            QCOMPARE(pair["df"].toDouble(), 9.0);
            QVERIFY(pair["p_value"].toDouble() >= 0 && pair["p_value"].toDouble() <= 1);
            QCOMPARE(pair["significant"].toBool(), !pair["better"].isNull());
        }
        // Logistic regression against a one-split tree: clearly better.
        const QJsonObject first = pairs[0].toObject();
        QCOMPARE(first["second"].toString(), models[1]);
        QCOMPARE(first["better"].toString(), models[0]);
        QVERIFY(first["p_value"].toDouble() < 0.05);
    }

    void compareWithItself() {
        const CliRun run = runCli({"compare", kShared + "iris.csv", "--target", "species",
                                   "--model", "naive_bayes", "--model", "naive_bayes", "--cv", "3",
                                   "--repeats", "2", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject pair = jsonOf(run)["pairs"].toArray()[0].toObject();
        QCOMPARE(pair["t"].toDouble(), 0.0);
        QCOMPARE(pair["p_value"].toDouble(), 1.0);
        QVERIFY(pair["better"].isNull());
        QVERIFY(!pair["significant"].toBool());
    }

    void compareRegression() {
        const CliRun run = runCli({"compare", kShared + "diabetes_regression.csv", "--target",
                                   "progression", "--model", "linear_regression", "--model",
                                   "knn:k=1", "--cv", "3", "--repeats", "2", "--metric", "mae"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("linear_regression is better"), run.out.constData());
        QVERIFY(run.out.contains("lower is better"));
    }

    // (Each search-space error is also checked in engine_test_tuning; these are the CLI's lines.)
    void errors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString iris = kShared + "iris.csv";
        const QStringList tune{"tune", iris, "--target", "species", "--model", "decision_tree"};
        const QStringList compare{"compare", iris, "--target", "species"};
        QTest::newRow("bad grid value")
            << tune + QStringList{"--grid", "max_depth=2,x"} << 1
            << "glassbox-cli: error: max_depth: must be an integer in [1, 10000] or none, got "
               "\"x\"";
        QTest::newRow("no grid") << tune << 1 << "glassbox-cli: error: --grid: ";
        QTest::newRow("range without random")
            << tune + QStringList{"--range", "max_depth=1:9"} << 1
            << "glassbox-cli: error: --range: ranges are for random search";
        QTest::newRow("metric of the other task")
            << tune + QStringList{"--grid", "max_depth=1,2", "--metric", "rmse"} << 1
            << "glassbox-cli: error: --metric: \"rmse\" is not a classification metric";
        QTest::newRow("cv 1") << tune + QStringList{"--grid", "max_depth=1", "--cv", "1"} << 2
                              << "glassbox-cli: error: --cv: ";
        QTest::newRow("one model") << compare + QStringList{"--model", "knn"} << 1
                                   << "glassbox-cli: error: --model: give at least two models";
        QTest::newRow("model parameter")
            << compare + QStringList{"--model", "knn:k=0", "--model", "naive_bayes"} << 1
            << "glassbox-cli: error: k: must be an integer in [1, ";
        QTest::newRow("model text")
            << compare + QStringList{"--model", "knn:k", "--model", "naive_bayes"} << 1
            << "glassbox-cli: error: --model: expected KIND[:key=value;key=value]";
        QTest::newRow("regression learner")
            << compare + QStringList{"--model", "linear_regression", "--model", "knn"} << 1
            << "glassbox-cli: error: --model: linear_regression does not do classification";
        QTest::newRow("index repeated")
            << compare + QStringList{"--model",     "knn",   "--model",   "naive_bayes",
                                     "--fold-rule", "index", "--repeats", "2"}
            << 1 << "glassbox-cli: error: --repeats: the index fold rule";
        QTest::newRow("no target") << QStringList{"compare", iris, "--model", "knn"} << 2
                                   << "glassbox-cli: error: --target";
    }
    void errors() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).startsWith(message), run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }

    void cancelledBySigint() {
        const InterruptedRun run = interruptCli(
            {"tune", kShared + "credit-g.arff", "--target", "class", "--model", "random_forest",
             "--grid", "n_estimators=20000", "--grid", "max_depth=3,4,5,6", "--cv", "3",
             "--progress", "--out", dir_.filePath("never.gbx")},
            "candidate 1 of");
        QVERIFY2(run.interrupted, run.err.constData());
        QCOMPARE(run.exitCode, 3);
        QVERIFY(!QFile::exists(dir_.filePath("never.gbx")));
    }
};

QTEST_GUILESS_MAIN(CliTuneTest)
#include "test_cli_tune.moc"
