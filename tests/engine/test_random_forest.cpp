// random_forest: bagged CART trees grown in parallel. Determinism across thread counts,
// save/load, the out-of-bag score, agreement with decision_tree without randomness, class
// weights, cancellation, parameter errors and regression on a real dataset.
#include <QtTest>

#include <cmath>
#include <cstring>

#include "engine/byte_io.h"
#include "engine/dataset.h"
#include "engine/errors.h"
#include "engine/flat_tree.h"
#include "engine/random.h"
#include "engine/table_reader.h"
#include "engine/validation.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;

namespace {

using glassbox::test::saveBytes;
using glassbox::test::sharedDataset;

// Noisy labelled rows with numeric, categorical and missing values.
Dataset mixedData(std::size_t rows, std::uint64_t seed) {
    Random random(seed);
    std::vector<double> a(rows), b(rows);
    std::vector<std::int32_t> c(rows), labels(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        a[i] = random.normal();
        b[i] = random.uniform() < 0.1 ? std::nan("") : random.uniform() * 10;
        c[i] = random.uniform() < 0.05 ? -1 : static_cast<std::int32_t>(random.index(6));
        const double score = a[i] + (std::isnan(b[i]) ? 1.0 : b[i] / 5 - 1) +
                             (c[i] == 1 || c[i] == 4 ? 1.0 : 0.0) + random.normal();
        labels[i] = score > 1.2 ? 1 : 0;
    }
    FeatureSchema schema;
    for (const char* name : {"a", "b"}) {
        FeatureInfo f;
        f.name = name;
        schema.features.push_back(f);
    }
    FeatureInfo cat;
    cat.name = "c";
    cat.sourceType = ColumnType::Categorical;
    cat.levels = {"p", "q", "r", "s", "t", "u"};
    schema.features.push_back(cat);
    Dataset d;
    d.features = FeatureMatrix(
        schema, {FeatureColumn{a, {}}, FeatureColumn{b, {}}, FeatureColumn{{}, c}}, rows);
    d.classes = {"no", "yes"};
    d.labels = labels;
    return d;
}

const Learner& forest() {
    return learnerNamed("random_forest");
}

std::unique_ptr<Model> fitForest(const Dataset& data,
                                 const std::map<std::string, std::string>& given,
                                 unsigned threads = 2, std::uint64_t seed = 0) {
    return forest().fit(data, ParamValues::resolve(forest().params(), given),
                        FitOptions{seed, threads}, {});
}

std::unique_ptr<Model> loaded(std::span<const std::uint8_t> bytes, const Dataset& data) {
    ByteReader in(bytes, "model");
    return forest().load(in, data.features.schema(), data.task, data.classCount());
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

std::optional<double> summaryValue(const Model& model, const std::string& name) {
    for (const auto& [key, value] : model.fitSummary())
        if (key == name) return value;
    return std::nullopt;
}

}  // namespace

class RandomForestTest : public QObject {
    Q_OBJECT
  private slots:
    void sameForestForAnyThreadCount_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::newRow("soybean (categorical, missing)") << "soybean.arff"
                                                        << "class";
        QTest::newRow("diabetes regression") << "diabetes_regression.csv"
                                             << "progression";
    }
    void sameForestForAnyThreadCount() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        const std::map<std::string, std::string> params = {{"n_estimators", "12"},
                                                           {"max_depth", "8"}};
        const auto one = fitForest(data, params, 1);
        const std::vector<std::uint8_t> bytes = saveBytes(*one);
        const Predictions expected = one->predict(data.features, {});
        for (unsigned threads : {2u, 3u, 5u}) {
            const auto other = fitForest(data, params, threads);
            QCOMPARE(saveBytes(*other), bytes);
            const Predictions p = other->predict(data.features, {});
            QVERIFY(sameBits(p.probabilities, expected.probabilities));
            QVERIFY(sameBits(p.values, expected.values));
        }
        // Another seed, another forest.
        QVERIFY(saveBytes(*fitForest(data, params, 2, 1)) != bytes);
    }

    void saveLoadBitIdentical_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("target");
        QTest::newRow("credit-g") << "credit-g.arff"
                                  << "class";
        QTest::newRow("wine") << "wine.csv"
                              << "cultivar";
        QTest::newRow("diabetes regression") << "diabetes_regression.csv"
                                             << "progression";
    }
    void saveLoadBitIdentical() {
        QFETCH(QString, file);
        QFETCH(QString, target);
        const Dataset data = sharedDataset(file.toStdString(), target.toStdString());
        const auto model = fitForest(data, {{"n_estimators", "20"}});
        const std::vector<std::uint8_t> bytes = saveBytes(*model);
        const auto back = loaded(bytes, data);
        QCOMPARE(saveBytes(*back), bytes);
        QCOMPARE(back->trees().size(), std::size_t(20));
        const Predictions a = model->predict(data.features, {});
        const Predictions b = back->predict(data.features, {});
        QVERIFY(sameBits(a.probabilities, b.probabilities));
        QVERIFY(sameBits(a.values, b.values));
        QCOMPARE(back->fitSummary(), model->fitSummary());
    }

    void damagedPayloadsRejected() {
        const Dataset data = sharedDataset("iris.csv", "species");
        const std::vector<std::uint8_t> bytes =
            saveBytes(*fitForest(data, {{"n_estimators", "3"}, {"max_depth", "3"}}));
        for (std::size_t n = 0; n < bytes.size(); ++n)
            QVERIFY_THROWS_EXCEPTION(ModelFormatError, loaded(std::span(bytes.data(), n), data));
        Random random(5);
        for (int i = 0; i < 300; ++i) {
            std::vector<std::uint8_t> damaged = bytes;
            damaged[random.index(damaged.size())] = static_cast<std::uint8_t>(random.next());
            try {
                const auto m = loaded(damaged, data);
                QCOMPARE(m->predict(data.features, {}).rows, data.rows());
            } catch (const ModelFormatError&) {
            }
        }
    }

    void outOfBagScore() {
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        const auto bagged = fitForest(data, {{"n_estimators", "50"}});
        const std::optional<double> oob = summaryValue(*bagged, "oob_score");
        QVERIFY(oob.has_value());
        qInfo("breast_cancer out-of-bag accuracy %.4f", *oob);
        QVERIFY(*oob > 0.92 && *oob < 1.0);
        QVERIFY(!summaryValue(*fitForest(data, {{"n_estimators", "5"}, {"bootstrap", "false"}}),
                              "oob_score"));
        // Regression: R².
        const Dataset diabetes = sharedDataset("diabetes_regression.csv", "progression");
        const std::optional<double> r2 =
            summaryValue(*fitForest(diabetes, {{"n_estimators", "50"}}), "oob_score");
        QVERIFY(r2.has_value());
        QVERIFY(*r2 > 0.3 && *r2 < 0.7);
        // A smaller bootstrap sample leaves more rows out of each tree.
        QVERIFY(summaryValue(*fitForest(data, {{"n_estimators", "20"}, {"max_samples", "0.3"}}),
                             "oob_score"));
    }

    // Without bootstrap and feature sampling every tree is the decision tree.
    void withoutRandomnessEveryTreeIsTheDecisionTree() {
        const Dataset data = mixedData(500, 3);
        const auto model = fitForest(
            data, {{"n_estimators", "3"}, {"bootstrap", "false"}, {"max_features", "all"}});
        const Learner& tree = learnerNamed("decision_tree");
        const auto single =
            tree.fit(data, ParamValues::resolve(tree.params(), {}), FitOptions{0, 1}, {});
        ByteWriter a, b;
        single->trees()[0].save(a);
        for (const FlatTree& t : model->trees()) {
            ByteWriter w;
            t.save(w);
            QCOMPARE(w.bytes(), a.bytes());
        }
        QVERIFY(sameBits(model->predict(data.features, {}).probabilities,
                         single->predict(data.features, {}).probabilities));
    }

    void featureSubsamplingDiversifiesTrees() {
        const Dataset data = sharedDataset("wine.csv", "cultivar");
        const auto model = fitForest(data, {{"n_estimators", "10"}, {"bootstrap", "false"}});
        ByteWriter first;
        model->trees()[0].save(first);
        bool differ = false;
        for (std::size_t t = 1; t < model->trees().size(); ++t) {
            ByteWriter w;
            model->trees()[t].save(w);
            differ = differ || w.bytes() != first.bytes();
        }
        QVERIFY(differ);
    }

    void balancedClassWeightsChangeTheForest() {
        const Dataset data = mixedData(400, 6);
        const auto plain = fitForest(data, {{"n_estimators", "10"}, {"max_depth", "3"}});
        const auto balanced = fitForest(
            data, {{"n_estimators", "10"}, {"max_depth", "3"}, {"class_weight", "balanced"}});
        const Predictions a = plain->predict(data.features, {});
        const Predictions b = balanced->predict(data.features, {});
        // The minority class (1) gets more probability everywhere on average.
        double meanA = 0, meanB = 0;
        for (std::size_t i = 0; i < a.rows; ++i) {
            meanA += a.probabilitiesOf(i)[1];
            meanB += b.probabilitiesOf(i)[1];
        }
        QVERIFY(meanB > meanA + 0.05 * a.rows);
    }

    void cancelDuringFit_data() {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("3 threads") << 3;
    }
    void cancelDuringFit() {
        QFETCH(int, threads);
        const Dataset data = mixedData(3000, 2);
        CancelToken token;
        int reports = 0;
        bool sawTree = false;
        const TaskContext task(
            [&](double, std::string_view stage) {
                sawTree = sawTree || stage.starts_with("tree ");
                if (++reports == 5) token.cancel();
            },
            &token);
        const ParamValues params = ParamValues::resolve(forest().params(), {});
        QVERIFY_THROWS_EXCEPTION(
            Cancelled, forest().fit(data, params, FitOptions{0, unsigned(threads)}, task));
        QCOMPARE(reports, 5);
        QVERIFY(sawTree);
    }

    void progressReachesTheEnd() {
        const Dataset data = mixedData(500, 2);
        double last = -1;
        std::string lastTree;
        const TaskContext task(
            [&](double f, std::string_view stage) {
                last = f;
                if (stage.starts_with("tree ")) lastTree = stage;
            },
            nullptr);
        forest().fit(data, ParamValues::resolve(forest().params(), {{"n_estimators", "7"}}),
                     FitOptions{0, 2}, task);
        QCOMPARE(last, 1.0);
        QCOMPARE(lastTree, std::string("tree 7 of 7"));
    }

    void parameterErrors_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("bootstrap");
        QTest::newRow("max_samples without bootstrap") << "max_samples"
                                                       << "0.5"
                                                       << "false";
        QTest::newRow("no trees") << "n_estimators"
                                  << "0"
                                  << "true";
        QTest::newRow("max_samples 0") << "max_samples"
                                       << "0"
                                       << "true";
        QTest::newRow("squared_error for classes") << "criterion"
                                                   << "squared_error"
                                                   << "true";
    }
    void parameterErrors() {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, bootstrap);
        try {
            fitForest(mixedData(60, 1), {{name.toStdString(), value.toStdString()},
                                         {"bootstrap", bootstrap.toStdString()}});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.parameter()), name);
        }
    }

    void regressionOnDiabetes() {
        const Dataset data = sharedDataset("diabetes_regression.csv", "progression");
        const ParamValues params = ParamValues::resolve(forest().params(), {});
        const ValidationResult cv =
            crossValidate(forest(), data, params, FitOptions{0, 2}, 5, FoldRule::Index, {});
        const double r2 = *cv.pooled.get("r2");
        qInfo("diabetes regression: R2 %.4f", r2);
        QVERIFY(r2 > 0.38);
    }
};

QTEST_APPLESS_MAIN(RandomForestTest)
#include "test_random_forest.moc"
