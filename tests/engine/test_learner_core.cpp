// The pieces every learner stands on: parameter specs, datasets and feature encoding, feature
// bins, flat trees and their validation, bounds-checked payload reading, metrics and folds.
#include <QtTest>

#include <cmath>
#include <limits>
#include <set>

#include "engine/byte_io.h"
#include "engine/column_builder.h"
#include "engine/dataset.h"
#include "engine/errors.h"
#include "engine/feature_bins.h"
#include "engine/flat_tree.h"
#include "engine/metrics.h"
#include "engine/param_spec.h"
#include "engine/random.h"
#include "engine/validation.h"

using namespace glassbox;

namespace {

Column built(const char* name, const std::vector<const char*>& cells,
             std::optional<ColumnType> type = std::nullopt) {
    ColumnBuilder builder(name, type);
    for (const char* cell : cells) {
        if (cell)
            builder.append(cell);
        else
            builder.appendMissing();
    }
    return builder.finish();
}

ParamSpecs sampleSpecs() {
    return {
        {"max_depth", ParamType::Integer, "none", 1, 1000, false, {"none"}, "deepest level"},
        {"learning_rate", ParamType::Real, "0.1", 0, 10, true, {}, "shrinkage"},
        {"criterion", ParamType::Choice, "gini", 0, 0, false, {"gini", "entropy"}, "impurity"},
        {"bootstrap", ParamType::Boolean, "true", 0, 0, false, {}, "resample rows"},
        {"hidden_layers", ParamType::IntegerList, "100", 1, 4096, false, {}, "layer sizes"},
    };
}

Predictions probabilities(std::size_t classes, const std::vector<double>& rowMajor) {
    Predictions p;
    p.classCount = classes;
    p.rows = rowMajor.size() / classes;
    p.probabilities = rowMajor;
    return p;
}

}  // namespace

class LearnerCoreTest : public QObject {
    Q_OBJECT
  private slots:
    void paramsAccepted_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("integer") << QString("max_depth") << QString("8") << QString("8");
        QTest::newRow("integer as 8.0") << QString("max_depth") << QString("8.0") << QString("8");
        QTest::newRow("word") << QString("max_depth") << QString("none") << QString("none");
        QTest::newRow("real") << QString("learning_rate") << QString("0.50") << QString("0.5");
        QTest::newRow("upper bound") << QString("learning_rate") << QString("10") << QString("10");
        QTest::newRow("choice") << QString("criterion") << QString("entropy") << QString("entropy");
        QTest::newRow("boolean yes") << QString("bootstrap") << QString("yes") << QString("true");
        QTest::newRow("boolean 0") << QString("bootstrap") << QString("0") << QString("false");
        QTest::newRow("list") << QString("hidden_layers") << QString("64,32") << QString("64,32");
    }
    void paramsAccepted() {
        QFETCH(QString, name);
        QFETCH(QString, given);
        QFETCH(QString, canonical);
        const ParamValues v =
            ParamValues::resolve(sampleSpecs(), {{name.toStdString(), given.toStdString()}});
        QCOMPARE(QString::fromStdString(v.text(name.toStdString())), canonical);
        // Everything not given has its default.
        QCOMPARE(v.all().size(), sampleSpecs().size());
    }

    void paramsRejected_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown") << QString("depth") << QString("3")
                                 << QString(
                                        "depth: unknown parameter (known: max_depth, "
                                        "learning_rate, criterion, bootstrap, hidden_layers)");
        QTest::newRow("below range") << QString("max_depth") << QString("0")
                                     << QString(
                                            "max_depth: must be an integer in [1, 1000] or "
                                            "none, got \"0\"");
        QTest::newRow("fraction for integer") << QString("max_depth") << QString("2.5")
                                              << QString(
                                                     "max_depth: must be an integer in "
                                                     "[1, 1000] or none, got \"2.5\"");
        QTest::newRow("exclusive minimum") << QString("learning_rate") << QString("0")
                                           << QString(
                                                  "learning_rate: must be a number in (0, "
                                                  "10], got \"0\"");
        QTest::newRow("not a number") << QString("learning_rate") << QString("fast")
                                      << QString(
                                             "learning_rate: must be a number in (0, 10], "
                                             "got \"fast\"");
        QTest::newRow("nan") << QString("learning_rate") << QString("nan")
                             << QString("learning_rate: must be a number in (0, 10], got \"nan\"");
        QTest::newRow("bad choice") << QString("criterion") << QString("gain")
                                    << QString(
                                           "criterion: must be one of gini, entropy, got "
                                           "\"gain\"");
        QTest::newRow("bad boolean") << QString("bootstrap") << QString("maybe")
                                     << QString("bootstrap: must be true or false, got \"maybe\"");
        QTest::newRow("list item") << QString("hidden_layers") << QString("64,0")
                                   << QString(
                                          "hidden_layers: must be comma-separated integers "
                                          "in [1, 4096], got \"64,0\"");
        QTest::newRow("empty list") << QString("hidden_layers") << QString("")
                                    << QString(
                                           "hidden_layers: must be comma-separated integers "
                                           "in [1, 4096], got \"\"");
    }
    void paramsRejected() {
        QFETCH(QString, name);
        QFETCH(QString, given);
        QFETCH(QString, expected);
        try {
            ParamValues::resolve(sampleSpecs(), {{name.toStdString(), given.toStdString()}});
            QFAIL("accepted");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.what()), expected);
            QCOMPARE(QString::fromStdString(e.parameter()), name);
        }
    }

    void paramGetters() {
        const ParamValues v = ParamValues::resolve(sampleSpecs(), {{"hidden_layers", "64,64,8"}});
        QVERIFY(!v.optionalInteger("max_depth"));
        QVERIFY(v.isWord("max_depth"));
        QCOMPARE(v.real("learning_rate"), 0.1);
        QVERIFY(v.boolean("bootstrap"));
        QCOMPARE(v.integerList("hidden_layers"), (std::vector<std::int64_t>{64, 64, 8}));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, splitParamAssignment("k"));
        QCOMPARE(splitParamAssignment("k=a=b").second, std::string("a=b"));
    }

    void datasetClassesSortedAndMissingTargetsDropped() {
        // Numeric class names sort numerically ("10" after "9"); the missing target is dropped.
        Table table(
            {built("x", {"1", "2", "3", "4", "5"}),
             built("color", {"red", "blue", nullptr, "red", "green"}, ColumnType::Categorical),
             built("note", {"a b", "c d", "e f", "g h", "i j"}),
             built("y", {"10", "9", nullptr, "9", "10"})});
        const DatasetResult r = makeDataset(table, "y", std::nullopt);
        const Dataset& d = r.dataset;
        QCOMPARE(r.droppedRows, std::size_t{1});
        QCOMPARE(d.task, TaskKind::Classification);
        QCOMPARE(d.classes, (std::vector<std::string>{"9", "10"}));
        QCOMPARE(d.labels, (std::vector<std::int32_t>{1, 0, 0, 1}));
        // The text column "note" is not a feature; "color" is categorical.
        QCOMPARE(d.features.featureCount(), std::size_t{2});
        QVERIFY(d.features.isCategorical(1));
        QCOMPARE(d.features.values(0)[2], 4.0);
        QCOMPARE(d.features.codes(1)[2], d.features.codes(1)[0]);
        QCOMPARE(balancedClassWeights(d), (std::vector<double>{1.0, 1.0}));
    }

    void taskInference_data() {
        QTest::addColumn<QStringList>("cells");
        QTest::addColumn<bool>("classification");
        QTest::newRow("flags") << QStringList{"0", "1", "1", "0"} << true;
        QTest::newRow("fractions") << QStringList{"0.5", "1", "1", "0"} << false;
        QTest::newRow("labels") << QStringList{"a", "b", "a", "c"} << true;
        QStringList many;
        for (int i = 0; i < 11; ++i) many << QString::number(i);
        QTest::newRow("eleven integers") << many << false;
    }
    void taskInference() {
        QFETCH(QStringList, cells);
        QFETCH(bool, classification);
        std::vector<std::string> storage;
        for (const QString& c : cells) storage.push_back(c.toStdString());
        std::vector<const char*> raw;
        for (const std::string& s : storage) raw.push_back(s.c_str());
        QCOMPARE(inferTask(built("y", raw)) == TaskKind::Classification, classification);
    }

    void datasetErrors() {
        Table table({built("x", {"1", "2", "3"}), built("y", {"a", "a", "a"}),
                     built("t", {"p q", "r s", "u v"})});
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeDataset(table, "nope", std::nullopt));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeDataset(table, "y", std::nullopt));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, makeDataset(table, "t", TaskKind::Regression));
    }

    void predictTimeEncoding() {
        Table train({built("n", {"1", "2", "3"}),
                     built("c", {"a", "b", "c"}, ColumnType::Categorical),
                     built("y", {"u", "v", "u"})});
        const FeatureSchema schema =
            makeDataset(train, "y", std::nullopt).dataset.features.schema();
        // Levels are matched by name: another order, an unknown level, no target column.
        Table later({built("c", {"c", "zzz", "a"}), built("n", {"7", nullptr, "9"})});
        const FeatureMatrix x = encodeFeatures(later, schema, "later.csv");
        QCOMPARE(x.codes(1)[0], 2);
        QCOMPARE(x.codes(1)[1], -1);
        QCOMPARE(x.codes(1)[2], 0);
        QVERIFY(std::isnan(x.values(0)[1]));
        Table missing({built("n", {"1"})});
        try {
            encodeFeatures(missing, schema, "later.csv");
            QFAIL("accepted");
        } catch (const InvalidArgument& e) {
            QVERIFY(QString(e.what()).startsWith("later.csv: column \"c\" is missing"));
        }
        Table mistyped({built("n", {"x y", "p q"}), built("c", {"a", "b"})});
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, encodeFeatures(mistyped, schema, "later.csv"));
    }

    void binsFewDistinctValuesAreExact() {
        Table t({built("x", {"3", "1", "2", nullptr, "3"}), built("y", {"a", "b", "a", "b", "a"})});
        const Dataset d = makeDataset(t, "y", std::nullopt).dataset;
        const FeatureBins bins = FeatureBins::fit(d.features, 255, 2, {});
        const auto& f = bins.feature(0);
        QCOMPARE(f.binCount, std::size_t{3});
        QCOMPARE(f.upperBounds[0], 1.5);
        QCOMPARE(f.upperBounds[1], 2.5);
        QVERIFY(std::isinf(f.upperBounds[2]));
        const auto column = bins.column(0);
        QCOMPARE(std::vector<std::uint8_t>(column.begin(), column.end()),
                 (std::vector<std::uint8_t>{2, 0, 1, FeatureBins::kMissingBin, 2}));
    }

    void binsManyDistinctValuesAreQuantiles() {
        std::vector<double> values(10000);
        for (std::size_t i = 0; i < values.size(); ++i) values[i] = std::sin(i * 0.37) * 1000;
        FeatureSchema schema{{{"x", ColumnType::Numeric, {}}}};
        std::vector<FeatureColumn> columns(1);
        columns[0].values = values;
        const FeatureMatrix x(schema, columns, values.size());
        const FeatureBins bins = FeatureBins::fit(x, 64, 1, {});
        const auto& f = bins.feature(0);
        QVERIFY(f.binCount <= 64 && f.binCount >= 60);
        // Bins are roughly even and every value respects its bin's bounds.
        std::vector<std::size_t> counts(f.binCount, 0);
        for (std::size_t r = 0; r < values.size(); ++r) {
            const std::uint8_t b = bins.column(0)[r];
            ++counts[b];
            QVERIFY(values[r] <= f.upperBounds[b]);
            if (b > 0) QVERIFY(values[r] > f.upperBounds[b - 1]);
        }
        for (std::size_t c : counts) QVERIFY2(c < 2 * values.size() / 64, "uneven bins");
    }

    void flatTreeRoundTripAndRouting() {
        FeatureSchema schema{
            {{"n", ColumnType::Numeric, {}}, {"c", ColumnType::Categorical, {"a", "b", "c"}}}};
        FlatTree t;
        t.valueSize = 1;
        const double v0[] = {0.0}, v1[] = {1.0}, v2[] = {2.0}, v3[] = {3.0}, v4[] = {4.0};
        t.addNode(10, 1, v0);
        const auto l = t.addNode(6, 1, v1), r = t.addNode(4, 1, v2);
        t.setNumericSplit(0, 0, 0.5, true, 0.3, l, r);
        const auto rl = t.addNode(2, 0, v3), rr = t.addNode(2, 0, v4);
        const std::int32_t leftSet[] = {0, 2};
        t.setCategoricalSplit(static_cast<std::size_t>(r), 1, leftSet, false, 0.2, rl, rr);
        QCOMPARE(t.depth(), std::size_t{2});
        QCOMPARE(t.leafCount(), std::size_t{3});

        std::vector<FeatureColumn> cols(2);
        cols[0].values = {0.0, std::nan(""), 1.0, 1.0, 1.0};
        cols[1].codes = {0, 0, 2, 1, -1};
        const FeatureMatrix x(schema, cols, 5);
        const std::size_t expected[] = {1, 1, 3, 4, 4};
        for (std::size_t row = 0; row < 5; ++row) QCOMPARE(t.leafFor(x, row), expected[row]);

        ByteWriter w;
        t.save(w);
        ByteReader in(w.bytes(), "tree");
        const FlatTree back = FlatTree::load(in, schema, 1);
        in.expectEnd();
        for (std::size_t row = 0; row < 5; ++row) QCOMPARE(back.leafFor(x, row), expected[row]);
        QCOMPARE(back.gain, t.gain);
    }

    void flatTreeLoadRejectsBrokenTrees_data() {
        QTest::addColumn<int>("breakage");
        QTest::newRow("child before parent") << 0;
        QTest::newRow("child out of range") << 1;
        QTest::newRow("unknown feature") << 2;
        QTest::newRow("category set on numeric split") << 3;
        QTest::newRow("wrong value size") << 4;
        QTest::newRow("truncated") << 5;
    }
    void flatTreeLoadRejectsBrokenTrees() {
        QFETCH(int, breakage);
        FeatureSchema schema{{{"n", ColumnType::Numeric, {}}}};
        FlatTree t;
        const double v[] = {0.0};
        t.addNode(2, 0, v);
        const auto l = t.addNode(1, 0, v), r = t.addNode(1, 0, v);
        t.setNumericSplit(0, 0, 0.5, false, 0, l, r);
        std::size_t valueSize = 1;
        switch (breakage) {
            case 0:
                t.left[0] = 0;
                break;
            case 1:
                t.right[0] = 7;
                break;
            case 2:
                t.feature[0] = 3;
                break;
            case 3:
                t.categoryWords[0] = 1;
                t.categoryBits.push_back(1);
                break;
            case 4:
                valueSize = 2;
                break;
            default:
                break;
        }
        ByteWriter w;
        t.save(w);
        std::vector<std::uint8_t> bytes = w.bytes();
        if (breakage == 5) bytes.resize(bytes.size() - 3);
        ByteReader in(bytes, "model.gbx");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, FlatTree::load(in, schema, valueSize));
    }

    void byteReaderRefusesHugeCounts() {
        ByteWriter w;
        w.put<std::uint64_t>(std::uint64_t{1} << 60);  // a list "longer than the file"
        ByteReader in(w.bytes(), "m");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, in.getVector<double>());
        ByteReader strings(w.bytes(), "m");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, strings.getStrings());
    }

    void aucCountsTiesHalf() {
        // Scores 0.1(n) 0.4(p) 0.4(n) 0.8(p): pairs (p,n): 0.4>0.1 1, 0.4=0.4 0.5, 0.8>0.1 1,
        // 0.8>0.4 1 -> 3.5 / 4.
        const double scores[] = {0.1, 0.4, 0.4, 0.8};
        const std::uint8_t positive[] = {0, 1, 0, 1};
        QCOMPARE(rocAuc(scores, positive), 0.875);
        const std::uint8_t none[] = {0, 0, 0, 0};
        QVERIFY(std::isnan(rocAuc(scores, none)));
    }

    void classificationMetricsByHand() {
        // truth 0 0 1 1 2, predicted 0 1 1 1 0 (argmax of the rows below).
        const std::int32_t truth[] = {0, 0, 1, 1, 2};
        const Predictions p = probabilities(
            3, {0.7, 0.2, 0.1, 0.3, 0.6, 0.1, 0.1, 0.8, 0.1, 0.2, 0.5, 0.3, 0.5, 0.2, 0.3});
        const Scores s = classificationScores(truth, p);
        QCOMPARE(*s.get("accuracy"), 3.0 / 5);
        // Recall per class 1/2, 1, 0; precision 1/2, 2/3, 0; F1 1/2, 4/5, 0.
        QCOMPARE(*s.get("balanced_accuracy"), 0.5);
        QCOMPARE(*s.get("recall"), 0.5);
        QCOMPARE(*s.get("precision"), (0.5 + 2.0 / 3) / 3);
        QCOMPARE(*s.get("f1"), (0.5 + 0.8) / 3);
        QCOMPARE(
            *s.get("log_loss"),
            -(std::log(0.7) + std::log(0.3) + std::log(0.8) + std::log(0.5) + std::log(0.3)) / 5);
        QCOMPARE(s.confusion,
                 (std::vector<std::vector<std::size_t>>{{1, 1, 0}, {0, 2, 0}, {1, 0, 0}}));
        // Macro one-vs-rest AUC: class 0 scores .7 .3 | .1 .2 .5 -> (1+1+1 + 1+1+0)/6 = 5/6;
        // class 1 scores .8 .5 | .2 .6 .2 -> (1+1+1 + 1+0+1)/6 = 5/6; class 2: .3 vs
        // .1 .1 .1 .3 -> (1+1+1+0.5)/4 = 7/8.
        QCOMPARE(*s.get("auc"), (5.0 / 6 + 5.0 / 6 + 7.0 / 8) / 3);
    }

    void regressionMetricsByHand() {
        const double truth[] = {1, 2, 3, 4};
        const double predicted[] = {1, 3, 3, 2};
        const Scores s = regressionScores(truth, predicted);
        QCOMPARE(*s.get("r2"), 1 - 5.0 / 5.0);
        QCOMPARE(*s.get("rmse"), std::sqrt(5.0 / 4));
        QCOMPARE(*s.get("mae"), 3.0 / 4);
    }

    void stratifiedFoldsKeepClassShares() {
        Dataset d;
        d.classes = {"a", "b"};
        for (int i = 0; i < 100; ++i) d.labels.push_back(i < 80 ? 0 : 1);
        std::vector<FeatureColumn> cols(1);
        cols[0].values.assign(100, 1.0);
        d.features = FeatureMatrix(FeatureSchema{{{"x", ColumnType::Numeric, {}}}}, cols, 100);
        const auto folds = assignFolds(d, 5, FoldRule::Stratified, 42);
        std::vector<int> perFoldB(5, 0), perFold(5, 0);
        for (int i = 0; i < 100; ++i) {
            ++perFold[folds[i]];
            if (d.labels[i] == 1) ++perFoldB[folds[i]];
        }
        for (int k = 0; k < 5; ++k) {
            QCOMPARE(perFold[k], 20);
            QCOMPARE(perFoldB[k], 4);
        }
        QCOMPARE(assignFolds(d, 5, FoldRule::Stratified, 42), folds);
        QVERIFY(assignFolds(d, 5, FoldRule::Stratified, 43) != folds);
        QCOMPARE(assignFolds(d, 5, FoldRule::Index, 0)[7], std::size_t{2});
    }

    void randomIsSeededAndUniform() {
        Random a(7), b(7), c(8);
        QCOMPARE(a.next(), b.next());
        QVERIFY(a.next() != c.next());
        std::vector<int> counts(6, 0);
        Random r(1);
        for (int i = 0; i < 60000; ++i) ++counts[r.index(6)];
        for (int n : counts) QVERIFY(std::abs(n - 10000) < 400);  // about 4 standard deviations
    }
};

QTEST_APPLESS_MAIN(LearnerCoreTest)
#include "test_learner_core.moc"
