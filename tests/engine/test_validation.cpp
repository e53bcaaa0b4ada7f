// Cross-validation: folds fitted in parallel give the same result on any thread count, no
// test-fold row reaches its fold's model, cancel stops it quickly, repeated k-fold reshuffles.
#include <QtTest>

#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "engine/errors.h"
#include "engine/validation.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;
using namespace glassbox::test;

namespace {

// Every row's id (its feature value) and the ids each fit saw, for the leakage test.
struct FitLog {
    std::mutex mutex;
    std::vector<std::set<double>> trainIds;
};

// Remembers each training row's class by its id; predicts it with probability 1 for an id it
// was trained on and uniform probabilities otherwise. So a test row that leaked into its fold's
// training rows shows up as a certain prediction.
class MemorizingModel : public Model {
  public:
    MemorizingModel(std::map<double, std::int32_t> seen, std::size_t classes)
        : seen_(std::move(seen)), classes_(classes) {}
    Predictions predict(const FeatureMatrix& features, const TaskContext&) const override {
        Predictions p;
        p.rows = features.rows();
        p.classCount = classes_;
        p.probabilities.assign(p.rows * classes_, 1.0 / static_cast<double>(classes_));
        for (std::size_t r = 0; r < p.rows; ++r) {
            const auto it = seen_.find(features.values(0)[r]);
            if (it == seen_.end()) continue;
            for (std::size_t c = 0; c < classes_; ++c)
                p.probabilities[r * classes_ + c] = static_cast<std::size_t>(it->second) == c;
        }
        return p;
    }
    void save(ByteWriter&) const override {}

  private:
    std::map<double, std::int32_t> seen_;
    std::size_t classes_;
};

class MemorizingLearner : public Learner {
  public:
    explicit MemorizingLearner(FitLog& log) : log_(log) {}
    std::string_view name() const override { return "memorizing"; }
    std::string_view description() const override { return "test double"; }
    const ParamSpecs& params() const override { return specs_; }
    bool supports(TaskKind task) const override { return task == TaskKind::Classification; }
    std::unique_ptr<Model> fit(const Dataset& data, const ParamValues&, const FitOptions&,
                               const TaskContext& task) const override {
        task.report(0, "memorizing");
        std::map<double, std::int32_t> seen;
        std::set<double> ids;
        for (std::size_t r = 0; r < data.rows(); ++r) {
            seen[data.features.values(0)[r]] = data.labels[r];
            ids.insert(data.features.values(0)[r]);
        }
        {
            std::lock_guard lock(log_.mutex);
            log_.trainIds.push_back(std::move(ids));
        }
        return std::make_unique<MemorizingModel>(std::move(seen), data.classCount());
    }
    std::unique_ptr<Model> load(ByteReader&, const FeatureSchema&, TaskKind,
                                std::size_t) const override {
        return nullptr;
    }

  private:
    FitLog& log_;
    ParamSpecs specs_;
};

// Fits until cancelled, reporting every millisecond.
class EndlessLearner : public MemorizingLearner {
  public:
    using MemorizingLearner::MemorizingLearner;
    std::unique_ptr<Model> fit(const Dataset&, const ParamValues&, const FitOptions&,
                               const TaskContext& task) const override {
        for (int i = 0;; ++i) {
            task.report(0.5, "waiting");
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
};

// `rows` rows, one numeric feature "id" = row number, three classes.
Dataset idDataset(std::size_t rows) {
    FeatureSchema schema;
    schema.features.push_back({"id", ColumnType::Numeric, {}});
    std::vector<FeatureColumn> columns(1);
    Dataset data;
    for (std::size_t r = 0; r < rows; ++r) {
        columns[0].values.push_back(static_cast<double>(r));
        data.labels.push_back(static_cast<std::int32_t>((r * 7 + r / 5) % 3));
    }
    data.features = FeatureMatrix(schema, std::move(columns), rows);
    data.classes = {"a", "b", "c"};
    data.target = "class";
    return data;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    // memcmp may not be given the null data() of empty vectors.
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

}  // namespace

class ValidationTest : public QObject {
    Q_OBJECT

  private slots:
    void sameResultOnAnyThreadCount_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::newRow("forest, iris") << "random_forest"
                                      << "n_estimators=20"
                                      << "iris.csv"
                                      << "species";
        QTest::newRow("boosting, breast_cancer") << "gradient_boosting"
                                                 << "n_estimators=15"
                                                 << "breast_cancer.csv"
                                                 << "diagnosis";
        QTest::newRow("mlp, wine") << "mlp"
                                   << "hidden_layers=8 epochs=20"
                                   << "wine.csv"
                                   << "cultivar";
        QTest::newRow("tree, regression") << "decision_tree"
                                          << "max_depth=4"
                                          << "diabetes_regression.csv"
                                          << "progression";
    }
    void sameResultOnAnyThreadCount() {
        QFETCH(QString, learner);
        QFETCH(QString, params);
        QFETCH(QString, file);
        QFETCH(QString, target);
        const Learner& l = learnerNamed(learner.toStdString());
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        const ParamValues values = paramsOf(l, paramMap(params.toStdString()));
        std::vector<ValidationResult> results;
        for (unsigned threads : {1u, 2u, 3u, 5u}) {
            FitOptions options = threadsOption(threads);
            options.seed = 7;
            results.push_back(crossValidate(l, data, values, options, 5, FoldRule::Stratified, {}));
        }
        for (const ValidationResult& r : results) {
            QVERIFY(sameBits(r.predictions.probabilities, results[0].predictions.probabilities));
            QVERIFY(sameBits(r.predictions.values, results[0].predictions.values));
            QCOMPARE(r.perFold.size(), std::size_t(5));
            for (std::size_t k = 0; k < 5; ++k)
                QCOMPARE(r.perFold[k].values, results[0].perFold[k].values);
        }
    }

    void noTestRowReachesItsModel_data() {
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("1 thread") << 1u;
        QTest::newRow("4 threads") << 4u;
    }
    void noTestRowReachesItsModel() {
        QFETCH(unsigned, threads);
        const Dataset data = idDataset(60);
        FitLog log;
        const MemorizingLearner learner(log);
        const std::vector<std::size_t> fold = assignFolds(data, 4, FoldRule::Stratified, 3);
        const ValidationResult result =
            crossValidateOnFolds(learner, data, {}, threadsOption(threads), fold, 4, {});
        // Every out-of-fold prediction is the uniform "never seen" one.
        for (double p : result.predictions.probabilities) QCOMPARE(p, 1.0 / 3);
        // And each fit saw exactly the rows of the other three folds.
        QCOMPARE(log.trainIds.size(), std::size_t(4));
        std::set<std::size_t> foldsSeen;
        for (const std::set<double>& ids : log.trainIds) {
            std::set<std::size_t> missing;
            for (std::size_t r = 0; r < data.rows(); ++r)
                if (!ids.count(static_cast<double>(r))) missing.insert(fold[r]);
            QCOMPARE(missing.size(), std::size_t(1));  // the held-out rows are one whole fold
            const std::size_t k = *missing.begin();
            foldsSeen.insert(k);
            for (std::size_t r = 0; r < data.rows(); ++r)
                QCOMPARE(ids.count(static_cast<double>(r)) == 1, fold[r] != k);
        }
        QCOMPARE(foldsSeen.size(), std::size_t(4));
        // The memorizer is right about every training row: the test double works.
        FitLog unused;
        const MemorizingLearner check(unused);
        const Predictions onTrain = check.fit(data, {}, {}, {})->predict(data.features, {});
        QCOMPARE(classificationScores(data.labels, onTrain).get("accuracy").value(), 1.0);
    }

    void cancelStopsQuickly_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("endless, 1 thread") << "endless" << 1u;
        QTest::newRow("endless, 3 threads") << "endless" << 3u;
        QTest::newRow("boosting, 2 threads") << "gradient_boosting" << 2u;
    }
    void cancelStopsQuickly() {
        QFETCH(QString, learner);
        QFETCH(unsigned, threads);
        FitLog log;
        const EndlessLearner endless(log);
        const bool real = learner != "endless";
        const Learner& l = real ? learnerNamed(learner.toStdString()) : endless;
        const Dataset data = real ? sharedDataset("breast_cancer.csv", "diagnosis") : idDataset(50);
        const ParamValues values = real ? paramsOf(l, {{"n_estimators", "100000"}}) : ParamValues{};
        CancelToken token;
        const TaskContext task({}, &token);
        using Clock = std::chrono::steady_clock;
        Clock::time_point cancelledAt;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            cancelledAt = Clock::now();
            token.cancel();
        });
        bool threw = false;
        try {
            crossValidate(l, data, values, threadsOption(threads), 5, FoldRule::Stratified, task);
        } catch (const Cancelled&) {
            threw = true;
        }
        const Clock::time_point stopped = Clock::now();
        canceller.join();
        QVERIFY(threw);
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(stopped - cancelledAt).count();
        QVERIFY2(ms < 2000, qPrintable(QString("stopped %1 ms after cancel").arg(ms)));
    }

    void repeatedFoldsAreReshuffled() {
        const Dataset data = sharedDataset("iris.csv", "species");
        const Learner& l = learnerNamed("naive_bayes");
        const ParamValues values = paramsOf(l);
        FitOptions options = threadsOption(2);
        options.seed = 11;
        const std::vector<ValidationResult> repeats =
            repeatedCrossValidate(l, data, values, options, 5, 3, FoldRule::Stratified, {});
        QCOMPARE(repeats.size(), std::size_t(3));
        // Repeat 0 is plain cross-validation.
        const ValidationResult once =
            crossValidate(l, data, values, options, 5, FoldRule::Stratified, {});
        QVERIFY(sameBits(repeats[0].predictions.probabilities, once.predictions.probabilities));
        for (std::size_t r = 0; r < 3; ++r) {
            QCOMPARE(repeats[r].perFold.size(), std::size_t(5));
            QCOMPARE(repeats[r].pooled.values, scoresFor(data, repeats[r].predictions).values);
            // Each repeat's folds: stratified (each class 10 rows per fold) and different.
            const std::vector<std::size_t> fold = assignFolds(data, 5, FoldRule::Stratified, 11, r);
            std::vector<std::vector<int>> perClass(5, std::vector<int>(3, 0));
            for (std::size_t i = 0; i < data.rows(); ++i) ++perClass[fold[i]][data.labels[i]];
            for (const auto& counts : perClass)
                for (int c : counts) QCOMPARE(c, 10);
            for (std::size_t q = 0; q < r; ++q)
                QVERIFY(fold != assignFolds(data, 5, FoldRule::Stratified, 11, q));
        }
        QVERIFY(
            !sameBits(repeats[1].predictions.probabilities, repeats[2].predictions.probabilities));
        QVERIFY_THROWS_EXCEPTION(
            InvalidArgument,
            repeatedCrossValidate(l, data, values, options, 5, 0, FoldRule::Stratified, {}));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, repeatedCrossValidate(l, data, values, options, 5,
                                                                        2, FoldRule::Index, {}));
    }

    void progressComesFromTheCallingThread() {
        const Dataset data = sharedDataset("iris.csv", "species");
        const Learner& l = learnerNamed("random_forest");
        const std::thread::id caller = std::this_thread::get_id();
        std::atomic<int> foreign{0}, calls{0};
        double last = 0;
        bool monotone = true;
        const TaskContext task(
            [&](double fraction, std::string_view) {
                ++calls;
                if (std::this_thread::get_id() != caller) ++foreign;
                if (fraction + 1e-12 < last) monotone = false;
                last = fraction;
            },
            nullptr);
        crossValidate(l, data, paramsOf(l, {{"n_estimators", "30"}}), threadsOption(3), 5,
                      FoldRule::Stratified, task);
        QVERIFY(calls > 5);
        QCOMPARE(foreign.load(), 0);
        QVERIFY(monotone);
        QCOMPARE(last, 1.0);
    }
};

QTEST_APPLESS_MAIN(ValidationTest)
#include "test_validation.moc"
