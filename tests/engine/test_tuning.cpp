// Tuning: search spaces (grid order and size, validated values, random sampling by seed and
// range), cross-validated candidates on shared folds (best = the argmax recomputed with
// crossValidateOnFolds), the refit, thread-count independence, progress and cancel.
#include <QtTest>

#include <chrono>
#include <cmath>
#include <mutex>
#include <set>
#include <thread>

#include "engine/errors.h"
#include "engine/metric_direction.h"
#include "engine/search_space.h"
#include "engine/tuning.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;
using namespace glassbox::test;

namespace {

std::map<std::string, std::string> subsetOf(const ParamValues& values,
                                            const std::vector<std::string>& names) {
    std::map<std::string, std::string> out;
    for (const std::string& n : names) out[n] = values.text(n);
    return out;
}

std::size_t threadsOfThisProcess() {
    return static_cast<std::size_t>(
        QDir("/proc/self/task").entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

}  // namespace

class TuningTest : public QObject {
    Q_OBJECT

  private slots:
    void gridOrderAndSize() {
        SearchSpace space(learnerNamed("decision_tree").params());
        space.addValues("max_depth=2,4,none");
        space.addValues("criterion=gini,entropy");
        QCOMPARE(space.gridSize(), std::size_t(6));
        const std::vector<ParamValues> grid = space.grid();
        QCOMPARE(grid.size(), std::size_t(6));
        // The first parameter varies slowest.
        const std::vector<std::map<std::string, std::string>> expected = {
            {{"max_depth", "2"}, {"criterion", "gini"}},
            {{"max_depth", "2"}, {"criterion", "entropy"}},
            {{"max_depth", "4"}, {"criterion", "gini"}},
            {{"max_depth", "4"}, {"criterion", "entropy"}},
            {{"max_depth", "none"}, {"criterion", "gini"}},
            {{"max_depth", "none"}, {"criterion", "entropy"}},
        };
        for (std::size_t i = 0; i < grid.size(); ++i) {
            QVERIFY(subsetOf(grid[i], {"max_depth", "criterion"}) == expected[i]);
            QCOMPARE(grid[i].text("min_samples_leaf"), std::string("1"));  // the default
        }
        // No dimensions: the defaults alone.
        const SearchSpace empty(learnerNamed("knn").params());
        QCOMPARE(empty.grid().size(), std::size_t(1));
        QCOMPARE(empty.grid()[0].text("k"), std::string("5"));
    }

    void gridValuesAreCanonical() {
        SearchSpace space(learnerNamed("mlp").params());
        space.addValues("hidden_layers=8;16,016");
        space.addValues("learning_rate=0.010,1e-1");
        space.addValues("early_stopping=1,no");
        const std::vector<ParamValues> grid = space.grid();
        QCOMPARE(grid.size(), std::size_t(8));
        QCOMPARE(grid[0].text("hidden_layers"), std::string("8"));
        QCOMPARE(grid[4].text("hidden_layers"), std::string("16,16"));
        QCOMPARE(grid[0].text("learning_rate"), std::string("0.01"));
        QCOMPARE(grid[2].text("learning_rate"), std::string("0.1"));
        QCOMPARE(grid[0].text("early_stopping"), std::string("true"));
        QCOMPARE(grid[1].text("early_stopping"), std::string("false"));
    }

    void badSpaces_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QStringList>("grids");
        QTest::addColumn<QStringList>("ranges");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("message");
        const QStringList none;
        QTest::newRow("bad value")
            << "decision_tree" << QStringList{"max_depth=2,x"} << none << "max_depth"
            << "got \"x\"";
        QTest::newRow("empty value")
            << "decision_tree" << QStringList{"max_depth=2,"} << none << "max_depth"
            << "got \"\"";
        QTest::newRow("out of range") << "knn" << QStringList{"k=0,3"} << none << "k"
                                      << "must be an integer in [1, ";
        QTest::newRow("unknown parameter") << "knn" << QStringList{"depth=2"} << none << "depth"
                                           << "unknown parameter";
        QTest::newRow("no =") << "knn" << QStringList{"k"} << none << "--grid"
                              << "expected KEY=V1,V2,...";
        QTest::newRow("twice") << "knn" << QStringList{"k=1", "k=3"} << none << "--grid"
                               << "\"k\" is given twice";
        QTest::newRow("repeated value") << "knn" << QStringList{"k=3,3.0"} << none << "k"
                                        << "listed twice";
        QTest::newRow("grid and range")
            << "knn" << QStringList{"k=3"} << QStringList{"k=1:9"} << "--range"
            << "\"k\" is given twice";
        QTest::newRow("range of a choice")
            << "knn" << none << QStringList{"weights=1:2"} << "weights"
            << "a range needs";
        QTest::newRow("range backwards")
            << "logistic_regression" << none << QStringList{"C=5:1"} << "C"
            << "above its high end";
        QTest::newRow("range end invalid")
            << "logistic_regression" << none << QStringList{"C=1:x"} << "C"
            << "got \"x\"";
        QTest::newRow("range end a word")
            << "decision_tree" << none << QStringList{"max_depth=1:none"} << "max_depth"
            << "must be numbers";
        QTest::newRow("range malformed")
            << "logistic_regression" << none << QStringList{"C=1"} << "--range"
            << "expected";
        QTest::newRow("range scale")
            << "logistic_regression" << none << QStringList{"C=1:2:cubic"} << "--range"
            << "log or linear";
        QTest::newRow("log from 0")
            << "decision_tree" << none << QStringList{"ccp_alpha=0:1:log"} << "ccp_alpha"
            << "above 0";
    }
    void badSpaces() {
        QFETCH(QString, learner);
        QFETCH(QStringList, grids);
        QFETCH(QStringList, ranges);
        QFETCH(QString, parameter);
        QFETCH(QString, message);
        SearchSpace space(learnerNamed(learner.toStdString()).params());
        try {
            for (const QString& g : grids) space.addValues(g.toStdString());
            for (const QString& r : ranges) space.addRange(r.toStdString());
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.parameter()), parameter);
            QVERIFY2(QString(e.what()).contains(message), e.what());
            QVERIFY2(QString(e.what()).startsWith(parameter + ": "), e.what());
        }
    }

    void gridRefusesRanges() {
        SearchSpace space(learnerNamed("knn").params());
        space.addRange("k=1:9");
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, space.grid());
    }

    void randomSampling() {
        SearchSpace space(learnerNamed("logistic_regression").params());
        space.addRange("C=0.001:1000");  // spans six decades: log-uniform
        space.addRange("max_iter=50:60");
        space.addValues("penalty=l1,l2");
        const std::vector<ParamValues> a = space.sample(300, 5);
        const std::vector<ParamValues> b = space.sample(300, 5);
        const std::vector<ParamValues> c = space.sample(300, 6);
        QCOMPARE(a.size(), std::size_t(300));
        std::size_t belowOne = 0, differentFromC = 0;
        std::set<std::int64_t> iterations;
        std::set<std::string> penalties;
        for (std::size_t i = 0; i < a.size(); ++i) {
            QVERIFY(a[i].all() == b[i].all());  // same seed, same candidates
            differentFromC += a[i].all() != c[i].all();
            const double C = a[i].real("C");
            QVERIFY(C >= 0.001 && C <= 1000);
            belowOne += C < 1;
            const std::int64_t it = a[i].integer("max_iter");
            QVERIFY(it >= 50 && it <= 60);
            iterations.insert(it);
            penalties.insert(a[i].text("penalty"));
            QCOMPARE(a[i].text("tol"), std::string("1e-06"));  // not searched: the default
        }
        QVERIFY(differentFromC > 250);
        // Log-uniform over [1e-3, 1e3]: half the draws below 1 (uniform would give 0.0001%).
        QVERIFY2(belowOne > 110 && belowOne < 190, qPrintable(QString::number(belowOne)));
        QCOMPARE(iterations.size(), std::size_t(11));  // every integer of the range, ends included
        QCOMPARE(penalties.size(), std::size_t(2));
    }

    void linearScaleOnRequest() {
        SearchSpace space(learnerNamed("logistic_regression").params());
        space.addRange("C=0.001:1000:linear");
        std::size_t belowOne = 0;
        for (const ParamValues& p : space.sample(200, 1)) belowOne += p.real("C") < 1;
        QVERIFY(belowOne < 10);  // uniform: 0.1% expected
        SearchSpace narrow(learnerNamed("logistic_regression").params());
        narrow.addRange("C=1:10");  // one decade: uniform
        std::size_t aboveHalf = 0;
        for (const ParamValues& p : narrow.sample(200, 1)) aboveHalf += p.real("C") > 5.5;
        QVERIFY2(aboveHalf > 70 && aboveHalf < 130, qPrintable(QString::number(aboveHalf)));
    }

    void smallSpacesAreNotOversampled() {
        SearchSpace integers(learnerNamed("knn").params());
        integers.addRange("k=1:3");
        const std::vector<ParamValues> few = integers.sample(10, 0);
        QCOMPARE(few.size(), std::size_t(3));  // only three distinct settings exist
        std::set<std::string> ks;
        for (const ParamValues& p : few) ks.insert(p.text("k"));
        QCOMPARE(ks, (std::set<std::string>{"1", "2", "3"}));
        SearchSpace lists(learnerNamed("knn").params());
        lists.addValues("k=1,3,5");
        lists.addValues("weights=uniform,distance");
        QCOMPARE(lists.sample(6, 0).size(), std::size_t(6));
        QVERIFY(lists.sample(6, 0)[1].all() == lists.grid()[1].all());  // the whole grid
        QCOMPARE(lists.sample(4, 0).size(), std::size_t(4));
    }

    // tune()'s numbers recomputed candidate by candidate with crossValidateOnFolds on the same
    // folds, and the best found independently.
    void bestIsTheArgmax_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QStringList>("grids");
        QTest::addColumn<QString>("metric");
        QTest::newRow("tree accuracy")
            << "wine.csv"
            << "cultivar"
            << "decision_tree" << QStringList{"max_depth=1,2,none", "criterion=gini,entropy"}
            << "accuracy";
        QTest::newRow("knn log_loss (lower is better)")
            << "iris.csv"
            << "species"
            << "knn" << QStringList{"k=1,5,15,40"} << "log_loss";
        QTest::newRow("regression rmse")
            << "diabetes_regression.csv"
            << "progression"
            << "knn" << QStringList{"k=1,10,30", "weights=uniform,distance"} << "rmse";
    }
    void bestIsTheArgmax() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        QFETCH(QString, learner);
        QFETCH(QStringList, grids);
        QFETCH(QString, metric);
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        const Learner& l = learnerNamed(learner.toStdString());
        SearchSpace space(l.params());
        for (const QString& g : grids) space.addValues(g.toStdString());
        const std::vector<ParamValues> candidates = space.grid();
        TuningOptions options;
        options.folds = 4;
        options.seed = 3;
        options.metric = metric.toStdString();
        options.threads = 2;
        const TuningResult result = tune(l, data, candidates, options, {});
        QCOMPARE(result.metric, metric.toStdString());
        QCOMPARE(result.candidates.size(), candidates.size());

        const std::vector<std::size_t> folds = assignFolds(data, 4, FoldRule::Stratified, 3);
        std::size_t best = 0;
        std::vector<double> means;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            const TuningCandidate& got = result.candidates[c];
            QVERIFY(got.params.all() == candidates[c].all());
            const ValidationResult cv =
                crossValidateOnFolds(l, data, candidates[c], FitOptions{3, 1}, folds, 4, {});
            double sum = 0;
            QCOMPARE(got.foldScores.size(), std::size_t(4));
            for (std::size_t k = 0; k < 4; ++k) {
                const double score = *cv.perFold[k].get(metric.toStdString());
                QCOMPARE(got.foldScores[k], score);
                sum += score;
            }
            const double mean = sum / 4;
            double squares = 0;
            for (double s : got.foldScores) squares += (s - mean) * (s - mean);
            QVERIFY(std::fabs(got.mean - mean) < 1e-12);
            QVERIFY(std::fabs(got.std - std::sqrt(squares / 3)) < 1e-12);
            QCOMPARE(got.pooled.values, cv.pooled.values);
            QVERIFY(got.seconds > 0);
            means.push_back(mean);
            const bool lower = metric == "log_loss" || metric == "rmse";
            if (lower ? mean < means[best] : mean > means[best]) best = c;
        }
        QCOMPARE(result.best, best);
        // Several candidates really differ, so the argmax means something.
        QVERIFY(*std::max_element(means.begin(), means.end()) >
                *std::min_element(means.begin(), means.end()));
    }

    void refitEqualsDirectFit() {
        const Dataset data = sharedDataset("iris.csv", "species");
        const Learner& l = learnerNamed("random_forest");
        SearchSpace space(l.params());
        space.addValues("n_estimators=5,15");
        space.addValues("max_depth=2,none");
        TuningOptions options;
        options.folds = 3;
        options.seed = 9;
        options.threads = 3;
        const TuningResult result = tune(l, data, space.grid(), options, {});
        QVERIFY(result.bestModel);
        const std::unique_ptr<Model> direct =
            l.fit(data, result.candidates[result.best].params, FitOptions{9, 1}, {});
        QVERIFY(identical(result.bestModel->predict(data.features, {}),
                          direct->predict(data.features, {})));
        QCOMPARE(saveBytes(*result.bestModel), saveBytes(*direct));

        options.refit = false;
        QVERIFY(!tune(l, data, space.grid(), options, {}).bestModel);
    }

    void resultsDoNotDependOnThreads() {
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        const Learner& l = learnerNamed("gradient_boosting");
        SearchSpace space(l.params());
        space.addValues("n_estimators=10,20");
        space.addValues("learning_rate=0.1,0.3");
        space.addValues("subsample=0.7");
        const std::vector<ParamValues> candidates = space.grid();
        std::vector<TuningResult> results;
        for (unsigned threads : {1u, 2u, 5u, 16u}) {
            TuningOptions options;
            options.folds = 3;
            options.seed = 4;
            options.metric = "auc";
            options.threads = threads;
            results.push_back(tune(l, data, candidates, options, {}));
        }
        for (std::size_t r = 1; r < results.size(); ++r) {
            QCOMPARE(results[r].best, results[0].best);
            for (std::size_t c = 0; c < candidates.size(); ++c) {
                QCOMPARE(results[r].candidates[c].foldScores, results[0].candidates[c].foldScores);
                QCOMPARE(results[r].candidates[c].pooled.values,
                         results[0].candidates[c].pooled.values);
            }
            QCOMPARE(saveBytes(*results[r].bestModel), saveBytes(*results[0].bestModel));
        }
    }

    void progressNamesCandidateAndFold_data() {
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("1 thread") << 1u;
        QTest::newRow("3 threads") << 3u;
    }
    void progressNamesCandidateAndFold() {
        QFETCH(unsigned, threads);
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        const Learner& l = learnerNamed("random_forest");  // reports while fitting and predicting
        SearchSpace space(l.params());
        space.addValues("n_estimators=10,20,30");
        std::vector<std::pair<double, std::string>> reports;
        std::set<std::thread::id> reporters;
        std::mutex mutex;
        const TaskContext task(
            [&](double fraction, std::string_view stage) {
                const std::lock_guard lock(mutex);
                reports.emplace_back(fraction, std::string(stage));
                reporters.insert(std::this_thread::get_id());
            },
            nullptr);
        TuningOptions options;
        options.folds = 4;
        options.threads = threads;
        tune(l, data, space.grid(), options, task);
        // Only the calling thread reports (the callback need not be thread-safe).
        QCOMPARE(reporters, (std::set<std::thread::id>{std::this_thread::get_id()}));
        QStringList stages;
        double last = 0;
        for (const auto& [fraction, text] : reports) {
            const QString stage = QString::fromStdString(text);
            const QString unit = stage.section(": ", 0, 0);
            if (unit.startsWith("candidate") && (stages.isEmpty() || stages.last() != unit))
                stages << unit;
            QVERIFY2(fraction >= last - 1e-12, text.c_str());
            last = fraction;
        }
        QVERIFY(reports.size() > 1 &&
                reports[reports.size() - 2].second.starts_with("refitting the best"));
        QCOMPARE(reports.back().first, 1.0);
        if (threads == 1) {
            // One thread does every fit, in order.
            QStringList expected;
            for (int c = 1; c <= 3; ++c)
                for (int k = 1; k <= 4; ++k)
                    expected << QString("candidate %1 of 3, fold %2 of 4").arg(c).arg(k);
            QCOMPARE(stages, expected);
        }
    }

    void cancelStopsEveryThread() {
        const Dataset data = sharedDataset("credit-g.arff", "class");
        const Learner& l = learnerNamed("random_forest");
        SearchSpace space(l.params());
        space.addValues("n_estimators=100000");
        space.addValues("max_depth=4,6");
        CancelToken cancel;
        const TaskContext task(nullptr, &cancel);
        TuningOptions options;
        options.folds = 3;
        options.threads = 4;
        const std::size_t threadsBefore = threadsOfThisProcess();
        std::chrono::steady_clock::time_point cancelledAt;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancelledAt = std::chrono::steady_clock::now();
            cancel.cancel();
        });
        bool thrown = false;
        try {
            tune(l, data, space.grid(), options, task);
        } catch (const Cancelled&) {
            thrown = true;
        }
        const auto stoppedAt = std::chrono::steady_clock::now();
        canceller.join();
        QVERIFY(thrown);
        const double seconds = std::chrono::duration<double>(stoppedAt - cancelledAt).count();
        qInfo("stopped %.3f s after the cancel", seconds);
        QVERIFY2(seconds < 1.0, qPrintable(QString::number(seconds)));
        // Every worker was joined before Cancelled reached us.
        QCOMPARE(threadsOfThisProcess(), threadsBefore);
    }

    void badOptions() {
        const Dataset data = sharedDataset("iris.csv", "species");
        const Learner& l = learnerNamed("knn");
        const std::vector<ParamValues> one = {paramsOf(l)};
        auto parameterOf = [&](const TuningOptions& options,
                               std::span<const ParamValues> candidates) -> std::string {
            try {
                tune(l, data, candidates, options, {});
            } catch (const InvalidArgument& e) {
                return e.parameter();
            }
            return "no error";
        };
        TuningOptions options;
        QCOMPARE(parameterOf(options, {}), std::string("--grid"));
        options.folds = 1;
        QCOMPARE(parameterOf(options, one), std::string("--cv"));
        options.folds = 151;
        QCOMPARE(parameterOf(options, one), std::string("--cv"));
        options.folds = 3;
        options.metric = "r2";
        QCOMPARE(parameterOf(options, one), std::string("--metric"));
        QVERIFY(lowerIsBetter("log_loss") && lowerIsBetter("rmse") && lowerIsBetter("mae"));
        QVERIFY(!lowerIsBetter("accuracy") && !lowerIsBetter("r2") && !lowerIsBetter("auc"));
    }
};

QTEST_APPLESS_MAIN(TuningTest)
#include "test_tuning.moc"
