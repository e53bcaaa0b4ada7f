// glassbox-cli explain end to end: importance, permutation and pdp on the shared datasets
// (numeric, categorical, binary, multiclass, regression), the JSON keys of ../shared/docs/cli.md
// and their extensions, --rows, the error lines and exit codes, determinism, cancel by SIGINT.
#include <QtTest>

#include <cmath>
#include <csignal>

#include "tests/cli/cli_run.h"

namespace {

const QString kShared = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/");

QJsonObject jsonOf(const CliRun& run) {
    return QJsonDocument::fromJson(run.out).object();
}

QStringList names(const QJsonArray& importance) {
    QStringList out;
    for (const auto& e : importance) out << e.toObject()["feature"].toString();
    return out;
}

}  // namespace

class CliExplainTest : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString model(const QString& name) const { return dir_.filePath(name + ".gbx"); }

    void train(const QString& name, const QString& file, const QString& target, const QString& kind,
               const QStringList& params = {}) {
        QStringList args = {"train",     kShared + file, "--target",  target,      "--model", kind,
                            "--no-save", "--out",        model(name), "--threads", "2"};
        for (const QString& p : params) args << "--param" << p;
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    CliRun explain(const QString& file, const QString& name, const QStringList& more) {
        return runCli(QStringList{"--json", "--threads", "2", "explain", kShared + file, "--model",
                                  model(name)} +
                      more);
    }

  private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        train("iris_forest", "iris.csv", "species", "random_forest", {"n_estimators=20"});
        train("iris_logistic", "iris.csv", "species", "logistic_regression");
        train("cancer_boost", "breast_cancer.csv", "diagnosis", "gradient_boosting",
              {"n_estimators=20"});
        train("credit_tree", "credit-g.arff", "class", "decision_tree", {"max_depth=4"});
        train("diabetes_linear", "diabetes_regression.csv", "progression", "linear_regression");
        train("iris_knn", "iris.csv", "species", "knn");
    }

    // Every row: base value + contributions = prediction, per class for classifiers, for each
    // SHAP method and output kind.
    void shapAddsUp_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("output");
        QTest::addColumn<int>("features");
        QTest::newRow("forest") << "iris.csv"
                                << "iris_forest"
                                << "tree"
                                << "probability" << 4;
        QTest::newRow("boosting") << "breast_cancer.csv"
                                  << "cancer_boost"
                                  << "tree"
                                  << "log-odds" << 30;
        QTest::newRow("tree, categorical") << "credit-g.arff"
                                           << "credit_tree"
                                           << "tree"
                                           << "probability" << 20;
        QTest::newRow("logistic") << "iris.csv"
                                  << "iris_logistic"
                                  << "linear"
                                  << "log-odds" << 4;
        QTest::newRow("linear") << "diabetes_regression.csv"
                                << "diabetes_linear"
                                << "linear"
                                << "value" << 10;
        QTest::newRow("knn") << "iris.csv"
                             << "iris_knn"
                             << "sampling"
                             << "probability" << 4;
    }
    void shapAddsUp() {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(QString, method);
        QFETCH(QString, output);
        QFETCH(int, features);
        const CliRun run = explain(file, name, {"--method", "shap", "--rows", "0,7,42"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        QCOMPARE(out["method"].toString(), method);
        QCOMPARE(out["output"].toString(), output);
        const QJsonArray rows = out["rows"].toArray();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[1].toObject()["row"].toInt(), 7);
        for (const auto& r : rows) {
            const QJsonObject row = r.toObject();
            if (out["base_value"].isObject()) {
                const QJsonObject base = out["base_value"].toObject();
                const QJsonObject contributions = row["contributions"].toObject();
                QCOMPARE(contributions.keys(), base.keys());
                for (const QString& cls : base.keys()) {
                    const QJsonObject c = contributions[cls].toObject();
                    QCOMPARE(c.size(), features);
                    double sum = base[cls].toDouble();
                    for (const auto& v : c) sum += v.toDouble();
                    QVERIFY(std::abs(sum - row["prediction"].toObject()[cls].toDouble()) < 1e-6);
                }
            } else {
                const QJsonObject c = row["contributions"].toObject();
                QCOMPARE(c.size(), features);
                double sum = out["base_value"].toDouble();
                for (const auto& v : c) sum += v.toDouble();
                QVERIFY(std::abs(sum - row["prediction"].toDouble()) < 1e-6);
            }
        }
    }

    // Every method on every shared dataset (numeric, categorical, missing values, binary,
    // multiclass, regression), through a boosted model: the JSON of each is complete.
    void everyMethodOnEverySharedDataset_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("feature");
        QTest::newRow("iris") << "iris.csv"
                              << "species"
                              << "sepal length (cm)";
        QTest::newRow("iris.arff") << "iris.arff"
                                   << "class"
                                   << "petallength";
        QTest::newRow("wine") << "wine.csv"
                              << "cultivar"
                              << "alcohol";
        QTest::newRow("breast_cancer") << "breast_cancer.csv"
                                       << "diagnosis"
                                       << "mean radius";
        QTest::newRow("credit-g") << "credit-g.arff"
                                  << "class"
                                  << "purpose";
        QTest::newRow("diabetes") << "diabetes.arff"
                                  << "class"
                                  << "plas";
        QTest::newRow("soybean") << "soybean.arff"
                                 << "class"
                                 << "date";
        QTest::newRow("weather") << "weather.nominal.arff"
                                 << "play"
                                 << "outlook";
        QTest::newRow("diabetes_regression") << "diabetes_regression.csv"
                                             << "progression"
                                             << "bmi";
    }
    void everyMethodOnEverySharedDataset() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(QString, feature);
        const QString name = "every_" + QString(QTest::currentDataTag());
        train(name, file, target, "gradient_boosting", {"n_estimators=10"});
        const QJsonArray importance = jsonOf(explain(file, name, {}))["importance"].toArray();
        QVERIFY(!importance.isEmpty());
        const CliRun permutation =
            explain(file, name, {"--method", "permutation", "--repeats", "2"});
        QVERIFY2(permutation.exitCode == 0, permutation.err.constData());
        QCOMPARE(jsonOf(permutation)["importance"].toArray().size(), importance.size());
        const CliRun shap = explain(file, name, {"--method", "shap", "--rows", "0,1,2"});
        QVERIFY2(shap.exitCode == 0, shap.err.constData());
        QCOMPARE(jsonOf(shap)["rows"].toArray().size(), 3);
        const CliRun pdp =
            explain(file, name, {"--method", "pdp", "--feature", feature, "--points", "5"});
        QVERIFY2(pdp.exitCode == 0, pdp.err.constData());
        QVERIFY(!jsonOf(pdp)["grid"].toArray().isEmpty());
        QCOMPARE(jsonOf(pdp)["feature"].toString(), feature);
    }

    // Without --rows every row is explained; the readable output ranks the contributions.
    void shapEveryRowAndReadable() {
        CliRun run = explain("iris.csv", "iris_forest", {"--method", "shap"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(jsonOf(run)["rows"].toArray().size(), 150);
        run = runCli({"explain", kShared + "iris.csv", "--model", model("iris_forest"), "--method",
                      "shap", "--rows", "100"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("row 100: virginica"), run.out.constData());
    }

    void importanceOfTreeModels_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("method");
        QTest::addColumn<int>("features");
        QTest::newRow("iris forest") << "iris.csv"
                                     << "iris_forest"
                                     << "impurity" << 4;
        QTest::newRow("cancer boosting") << "breast_cancer.csv"
                                         << "cancer_boost"
                                         << "gain" << 30;
        QTest::newRow("credit tree") << "credit-g.arff"
                                     << "credit_tree"
                                     << "impurity" << 20;
    }
    void importanceOfTreeModels() {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(QString, method);
        QFETCH(int, features);
        const CliRun run = explain(file, name, {});  // importance is the default method
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        QCOMPARE(out["method"].toString(), method);
        const QJsonArray importance = out["importance"].toArray();
        QCOMPARE(importance.size(), features);
        double sum = 0, previous = 2;
        for (const auto& e : importance) {
            const QJsonObject entry = e.toObject();
            QVERIFY(!entry["feature"].toString().isEmpty());
            const double value = entry["value"].toDouble();
            QVERIFY(value >= 0 && value <= previous);
            previous = value;
            sum += value;
            QCOMPARE(entry.contains("total_gain"), method == "gain");
            QVERIFY(!entry.contains("std"));
        }
        QVERIFY(std::abs(sum - 1) < 1e-9);
        QCOMPARE(names(importance).removeDuplicates(), 0);
    }

    void permutation_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("expectedMetric");
        QTest::newRow("iris logistic") << "iris.csv"
                                       << "iris_logistic"
                                       << ""
                                       << "accuracy";
        QTest::newRow("credit tree categorical") << "credit-g.arff"
                                                 << "credit_tree"
                                                 << "auc"
                                                 << "auc";
        QTest::newRow("diabetes rmse") << "diabetes_regression.csv"
                                       << "diabetes_linear"
                                       << "rmse"
                                       << "rmse";
    }
    void permutation() {
        QFETCH(QString, file);
        QFETCH(QString, name);
        QFETCH(QString, metric);
        QFETCH(QString, expectedMetric);
        QStringList more = {"--method", "permutation", "--repeats", "3"};
        if (!metric.isEmpty()) more << "--metric" << metric;
        const CliRun run = explain(file, name, more);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        QCOMPARE(out["method"].toString(), QString("permutation"));
        QCOMPARE(out["metric"].toString(), expectedMetric);
        QCOMPARE(out["repeats"].toInt(), 3);
        QVERIFY(out["rows"].toInt() > 100);
        QVERIFY(out.contains("baseline"));
        const QJsonArray importance = out["importance"].toArray();
        QVERIFY(!importance.isEmpty());
        double previous = 1e300;
        for (const auto& e : importance) {
            const QJsonObject entry = e.toObject();
            QVERIFY(entry.contains("std") && entry["std"].toDouble() >= 0);
            QVERIFY(entry["value"].toDouble() <= previous);
            previous = entry["value"].toDouble();
        }
        // The most important feature matters (positive for losses too).
        QVERIFY(importance[0].toObject()["value"].toDouble() > 0.01);
    }

    void permutationOnChosenRows() {
        const CliRun run = explain("iris.csv", "iris_logistic",
                                   {"--method", "permutation", "--rows", "0, 50,100,149"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(jsonOf(run)["rows"].toInt(), 4);
    }

    void sameOutputForEveryThreadCount() {
        const QStringList args = {"explain",  kShared + "credit-g.arff",
                                  "--model",  model("credit_tree"),
                                  "--method", "permutation",
                                  "--seed",   "9"};
        const CliRun one = runCli(QStringList{"--json", "--threads", "1"} + args);
        const CliRun two = runCli(QStringList{"--json", "--threads", "2"} + args);
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.out, two.out);
    }

    void pdpMulticlass() {
        const CliRun run = explain("iris.csv", "iris_logistic",
                                   {"--method", "pdp", "--feature", "petal width (cm)", "--points",
                                    "7", "--ice", "--rows", "0,75,149"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        QCOMPARE(out["feature"].toString(), QString("petal width (cm)"));
        QCOMPARE(out["kind"].toString(), QString("numeric"));
        QCOMPARE(out["output"].toString(), QString("probability"));
        const QJsonArray grid = out["grid"].toArray();
        QCOMPARE(grid.size(), 7);
        for (int g = 1; g < grid.size(); ++g) QVERIFY(grid[g].toDouble() > grid[g - 1].toDouble());
        // One curve per class, in class order.
        const QJsonObject average = out["average"].toObject();
        QCOMPARE(average.keys(), (QStringList{"setosa", "versicolor", "virginica"}));
        QVERIFY(run.out.indexOf("\"setosa\"") < run.out.indexOf("\"versicolor\""));
        for (int g = 0; g < grid.size(); ++g) {
            double sum = 0;
            for (const QString& c : average.keys()) sum += average[c].toArray()[g].toDouble();
            QVERIFY(std::abs(sum - 1) < 1e-9);
        }
        // More petal width, more virginica.
        const QJsonArray virginica = average["virginica"].toArray();
        QVERIFY(virginica[6].toDouble() > virginica[0].toDouble());
        QCOMPARE(out["rows"].toInt(), 3);
        QCOMPARE(out["ice_rows"].toArray(), (QJsonArray{0, 75, 149}));
        const QJsonArray ice = out["ice"].toObject()["setosa"].toArray();
        QCOMPARE(ice.size(), 3);
        for (int g = 0; g < grid.size(); ++g) {
            double sum = 0;
            for (const auto& curve : ice) sum += curve.toArray()[g].toDouble();
            QVERIFY(std::abs(sum / 3 - average["setosa"].toArray()[g].toDouble()) < 1e-12);
        }
    }

    void pdpBinaryIsThePositiveClass() {
        const CliRun run = explain("breast_cancer.csv", "cancer_boost",
                                   {"--method", "pdp", "--feature", "worst radius"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        QCOMPARE(out["class"].toString(), QString("malignant"));
        QCOMPARE(out["grid"].toArray().size(), 100);
        QCOMPARE(out["average"].toArray().size(), 100);
        QCOMPARE(out["rows"].toInt(), 569);
        QVERIFY(!out.contains("ice"));
        // Larger tumours, more malignant (a little: the other size features carry most of it).
        const QJsonArray average = out["average"].toArray();
        QVERIFY(average[99].toDouble() > average[0].toDouble());
    }

    void pdpCategorical() {
        const CliRun run =
            explain("credit-g.arff", "credit_tree", {"--method", "pdp", "--feature", "purpose"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        QCOMPARE(out["kind"].toString(), QString("categorical"));
        const QJsonArray grid = out["grid"].toArray();
        QCOMPARE(grid.size(), 11);  // the levels the ARFF header declares
        QCOMPARE(grid[0].toString(), QString("new car"));
        QCOMPARE(grid[10].toString(), QString("other"));
        QCOMPARE(out["class"].toString(), QString("good"));
        QCOMPARE(out["average"].toArray().size(), 11);
    }

    void pdpRegression() {
        const CliRun run = explain("diabetes_regression.csv", "diabetes_linear",
                                   {"--method", "pdp", "--feature", "bmi", "--points", "3"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject out = jsonOf(run);
        QCOMPARE(out["output"].toString(), QString("prediction"));
        QVERIFY(!out.contains("class"));
        const QJsonArray grid = out["grid"].toArray();
        const QJsonArray average = out["average"].toArray();
        QCOMPARE(average.size(), 3);
        // A line: equal steps on an evenly spaced grid.
        const double d1 = average[1].toDouble() - average[0].toDouble();
        const double d2 = average[2].toDouble() - average[1].toDouble();
        QVERIFY(std::abs(d1 - d2) < 1e-9 * std::abs(d1));
        QVERIFY(std::abs(grid[1].toDouble() - grid[0].toDouble() -
                         (grid[2].toDouble() - grid[1].toDouble())) < 1e-9);
    }

    void readableSummaries() {
        for (const QStringList& more :
             {QStringList{"--method", "permutation"},
              QStringList{"--method", "pdp", "--feature", "petal length (cm)", "--points", "4"}}) {
            const CliRun run = runCli(
                QStringList{"explain", kShared + "iris.csv", "--model", model("iris_forest")} +
                more);
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QVERIFY2(run.out.contains("petal length (cm)"), run.out.constData());
            QVERIFY(!run.out.startsWith("{"));
        }
    }

    void errors_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("more");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("error");
        const QString e = "glassbox-cli: error: ";
        QTest::newRow("not a tree model") << "iris_logistic" << QStringList{} << 1
                                          << e + "--method: importance needs a tree model";
        QTest::newRow("unknown method")
            << "iris_forest" << QStringList{"--method", "lime"} << 2 << e + "--method: ";
        QTest::newRow("samples without shap")
            << "iris_forest" << QStringList{"--samples", "10"} << 1
            << e + "--samples: is only used by --method shap (not importance)";
        QTest::newRow("rows not numbers")
            << "iris_forest"
            << QStringList{"--method", "pdp", "--feature", "petal width (cm)", "--rows", "1,x"} << 1
            << e + "--rows: \"x\" is not a row index";
        QTest::newRow("rows past the end")
            << "iris_forest" << QStringList{"--method", "permutation", "--rows", "3,150"} << 1
            << e + "--rows: row 150 is past the end of " + kShared + "iris.csv (150 rows";
        QTest::newRow("rows twice")
            << "iris_forest" << QStringList{"--method", "permutation", "--rows", "3,3"} << 1
            << e + "--rows: row 3 is given twice";
        QTest::newRow("pdp without feature")
            << "iris_forest" << QStringList{"--method", "pdp"} << 1 << e + "--feature: ";
        QTest::newRow("unknown feature")
            << "iris_forest" << QStringList{"--method", "pdp", "--feature", "petal"} << 1
            << e + "--feature: \"petal\" is not a feature of the model (features: \"sepal "
                   "length (cm)\"";
        QTest::newRow("feature with permutation")
            << "iris_forest"
            << QStringList{"--method", "permutation", "--feature", "petal width (cm)"} << 1
            << e + "--feature: is only used by --method pdp";
        QTest::newRow("unknown metric")
            << "iris_forest" << QStringList{"--method", "permutation", "--metric", "rmse"} << 1
            << e + "--metric: \"rmse\" is not a classification metric (known: accuracy";
        QTest::newRow("one point")
            << "iris_forest"
            << QStringList{"--method", "pdp", "--feature", "petal width (cm)", "--points", "1"} << 2
            << e + "--points: ";
    }
    void errors() {
        QFETCH(QString, name);
        QFETCH(QStringList, more);
        QFETCH(int, exitCode);
        QFETCH(QString, error);
        const CliRun run = explain("iris.csv", name, more);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.startsWith(error.toUtf8()), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }

    void permutationNeedsTheTarget() {
        const QString file = dir_.filePath("no_target.csv");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)\n"
            "5.1,3.5,1.4,0.2\n6.2,2.9,4.3,1.3\n");
        f.close();
        const CliRun run =
            runCli({"explain", file, "--model", model("iris_logistic"), "--method", "permutation"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.startsWith(("glassbox-cli: error: " + file + ": column \"species\"").toUtf8()),
            run.err.constData());
    }

    void cancelledBySigint() {
        const InterruptedRun run = interruptCli(
            {"--threads", "2", "--progress", "explain", kShared + "credit-g.arff", "--model",
             model("credit_tree"), "--method", "permutation", "--repeats", "100000"},
            "feature");
        QVERIFY2(run.interrupted, run.err.constData());
        QCOMPARE(run.exitCode, 3);
    }
};

QTEST_GUILESS_MAIN(CliExplainTest)
#include "test_cli_explain.moc"
