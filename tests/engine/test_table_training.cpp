// trainOnTable (engine/table_training.h): without steps it is trainAndValidate on makeDataset;
// with steps, every fold's (and the holdout's) preparation is fitted on its training rows only
// — checked against a manual loop — and SMOTE inside the folds is not inflated the way SMOTE
// before the split is; the kept model carries its fitted steps through the model file and the
// history; rows with a missing target and classes missing from a fold are handled.
#include <QtTest>

#include <cmath>
#include <cstring>
#include <numeric>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/feature_matrix.h"
#include "engine/metrics.h"
#include "engine/model_file.h"
#include "engine/model_registry.h"
#include "engine/random.h"
#include "engine/row_selection.h"
#include "engine/table_reader.h"
#include "engine/table_training.h"
#include "learner_test_support.h"

using namespace glassbox;
using namespace glassbox::test;

namespace {

// NaN marks a missing cell.
Column numbers(const std::string& name, const std::vector<double>& values) {
    ValidityMask valid(values.size());
    for (std::size_t r = 0; r < values.size(); ++r) valid.set(r, !std::isnan(values[r]));
    return Column::numeric(name, values, std::move(valid));
}

// Levels in first-seen order; "" marks a missing cell.
Column categories(const std::string& name, const std::vector<std::string>& cells) {
    std::vector<std::string> levels;
    std::vector<std::int32_t> codes;
    ValidityMask valid(cells.size());
    for (std::size_t r = 0; r < cells.size(); ++r) {
        valid.set(r, !cells[r].empty());
        if (cells[r].empty()) {
            codes.push_back(-1);
            continue;
        }
        auto at = std::find(levels.begin(), levels.end(), cells[r]);
        if (at == levels.end()) at = levels.insert(levels.end(), cells[r]);
        codes.push_back(static_cast<std::int32_t>(at - levels.begin()));
    }
    return Column::categorical(name, std::move(codes), std::move(levels), std::move(valid));
}

Table withoutColumn(const Table& table, const std::string& name) {
    std::vector<Column> columns;
    for (const Column& c : table.columns())
        if (c.name() != name) columns.push_back(c);
    return Table(std::move(columns));
}

Table sharedTable(const std::string& file) {
    return readTable(std::string(GLASSBOX_SHARED_DIR) + "/datasets/" + file, ReadOptions{}).table;
}

// Three classes driven by x0 and x1; every numeric feature has about `missing` of its cells
// missing, and a categorical "shade" some too.
Table missingValuesTable(std::size_t rows, double missing, std::uint64_t seed) {
    Random random(seed);
    std::vector<std::vector<double>> x(4);
    std::vector<std::string> shade, cls;
    const std::vector<std::string> shades{"light", "mid", "dark"};
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t c = random.index(3);
        for (std::size_t f = 0; f < x.size(); ++f) {
            const double centre = f < 2 ? 1.2 * double(c) * (f == 0 ? 1.0 : -1.0) : 0.0;
            x[f].push_back(random.uniform() < missing ? NAN : centre + random.normal() * 1.3);
        }
        shade.push_back(random.uniform() < missing ? "" : shades[(c + random.index(2)) % 3]);
        cls.push_back("k" + std::to_string(c));
    }
    std::vector<Column> columns;
    for (std::size_t f = 0; f < x.size(); ++f)
        columns.push_back(numbers("x" + std::to_string(f), x[f]));
    columns.push_back(categories("shade", shade));
    columns.push_back(categories("class", cls));
    return Table(std::move(columns));
}

// A numeric target "class": whole numbers 0 / 1 / 2 (classification, imbalanced 6:3:1) or a
// linear function of the features plus noise (regression); x0..x2 have `missing` cells missing.
Table numericTargetTable(std::size_t rows, bool regression, double missing, std::uint64_t seed) {
    Random random(seed);
    std::vector<std::vector<double>> x(3);
    std::vector<double> target;
    for (std::size_t r = 0; r < rows; ++r) {
        const double u = random.uniform();
        const double c = u < 0.6 ? 0 : u < 0.9 ? 1 : 2;
        std::vector<double> values;
        for (std::size_t f = 0; f < x.size(); ++f)
            values.push_back((regression ? 0.0 : c * (f == 0 ? 1.5 : -0.8)) + random.normal());
        target.push_back(regression ? 2 * values[0] - values[1] + 0.3 * random.normal() : c);
        for (std::size_t f = 0; f < x.size(); ++f)
            x[f].push_back(random.uniform() < missing ? NAN : values[f]);
    }
    std::vector<Column> columns;
    for (std::size_t f = 0; f < x.size(); ++f)
        columns.push_back(numbers("x" + std::to_string(f), x[f]));
    columns.push_back(numbers("class", target));
    return Table(std::move(columns));
}

// The leakage test's table: five numeric features, two informative; class "1" about 9% of
// the rows and overlapping class "0" (test_resampling_steps.cpp's data as a table).
Table imbalancedTable(std::size_t rows, std::uint64_t seed) {
    Random random(seed);
    std::vector<std::vector<double>> x(5);
    std::vector<std::string> y;
    for (std::size_t r = 0; r < rows; ++r) {
        for (auto& column : x) column.push_back(random.normal());
        const double score = x[0].back() + 0.5 * x[1].back() + 0.7 * random.normal();
        y.push_back(score > 1.75 ? "1" : "0");
    }
    std::vector<Column> columns;
    for (std::size_t f = 0; f < x.size(); ++f)
        columns.push_back(numbers("x" + std::to_string(f), x[f]));
    columns.push_back(categories("y", y));
    return Table(std::move(columns));
}

PipelineSpec specOf(const std::vector<std::string>& texts) {
    return parsePipelineTexts(texts);
}

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool sameScores(const Scores& a, const Scores& b) {
    if (a.values.size() != b.values.size() || a.confusion != b.confusion) return false;
    for (std::size_t i = 0; i < a.values.size(); ++i)
        if (a.values[i].first != b.values[i].first ||
            !sameBits(a.values[i].second, b.values[i].second))
            return false;
    return true;
}

ValidationPlan planOf(const QString& kind) {
    ValidationPlan plan;
    if (kind == "cv") {
        plan.kind = ValidationPlan::Kind::CrossValidation;
        plan.folds = 5;
    } else if (kind == "cv index") {
        plan.kind = ValidationPlan::Kind::CrossValidation;
        plan.folds = 3;
        plan.rule = FoldRule::Index;
    } else if (kind == "holdout") {
        plan.kind = ValidationPlan::Kind::Holdout;
        plan.testFraction = 0.3;
    } else {
        plan.kind = ValidationPlan::Kind::TrainingRows;
    }
    return plan;
}

FitOptions seeded(std::uint64_t seed) {
    FitOptions options;
    options.seed = seed;
    options.threads = 2;
    return options;
}

// What trainOnTable must do with learning steps, spelt out: the pipeline fitted on `trainRows`
// of `table` alone, the learner on its output, the `testRows` prepared as prediction rows.
struct ManualFit {
    PreparedTable prepared;
    Dataset data;
    std::unique_ptr<Model> model;
};

ManualFit manualFit(const Learner& learner, const Table& table, const std::string& target,
                    TaskKind task, std::span<const std::size_t> trainRows, const PipelineSpec& spec,
                    const ParamValues& params, const FitOptions& options) {
    ManualFit fit{
        fitPipeline(spec, selectRows(table, trainRows), target, options.seed, {}), {}, nullptr};
    fit.data = makeDataset(fit.prepared.table, target, task).dataset;
    fit.model = learner.fit(fit.data, params, options, {});
    return fit;
}

Predictions manualPredict(const ManualFit& fit, const Table& table,
                          std::span<const std::size_t> rows) {
    const Table prepared =
        fit.prepared.pipeline.apply(selectRows(table, rows), StepUse::Prediction, nullptr, {});
    return fit.model->predict(encodeFeatures(prepared, fit.data.features.schema(), "rows"), {});
}

std::vector<std::size_t> allRows(std::size_t n) {
    std::vector<std::size_t> rows(n);
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    return rows;
}

struct MinorityScores {
    double recall = 0;
    double f1 = 0;
};

MinorityScores minority(const Scores& scores) {
    return {scores.perClass.at(1).recall, scores.perClass.at(1).f1};
}

}  // namespace

class TestTableTraining : public QObject {
    Q_OBJECT

  private slots:
    // Without steps trainOnTable is trainAndValidate on makeDataset's dataset, bit for bit.
    void emptyPipelineIsTrainAndValidate_data() {
        QTest::addColumn<QString>("plan");
        QTest::newRow("5-fold stratified") << "cv";
        QTest::newRow("3-fold index") << "cv index";
        QTest::newRow("holdout") << "holdout";
        QTest::newRow("training rows") << "training";
    }
    void emptyPipelineIsTrainAndValidate() {
        QFETCH(QString, plan);
        // soybean: missing cells; one target cell removed so a row is left out.
        const Table table = sharedTable("soybean.arff");
        const Learner& learner = learnerNamed("decision_tree");
        const ParamValues params = paramsOf(learner, {{"max_depth", "6"}});
        const FitOptions options = seeded(17);
        const TableTrainingRun got =
            trainOnTable(learner, table, "class", std::nullopt, std::nullopt, PipelineSpec{},
                         params, planOf(plan), options, {});
        const DatasetResult built = makeDataset(table, "class", std::nullopt);
        const TrainingRun expected =
            trainAndValidate(learner, built.dataset, params, planOf(plan), options, {});
        QVERIFY(sameScores(got.run.metrics, expected.metrics));
        QCOMPARE(got.run.perFold.size(), expected.perFold.size());
        for (std::size_t k = 0; k < expected.perFold.size(); ++k)
            QVERIFY(sameScores(got.run.perFold[k], expected.perFold[k]));
        QVERIFY(identical(got.run.predictions, expected.predictions));
        QCOMPARE(got.run.rows, expected.rows);
        QCOMPARE(got.run.validation, expected.validation);
        QCOMPARE(got.tableRows, built.tableRows);
        QCOMPARE(got.droppedRows, built.droppedRows);
        QCOMPARE(got.dataset.rows(), built.dataset.rows());
        QVERIFY(got.run.trained.preparation.empty());
        QVERIFY(identical(got.run.trained.predict(table, "soybean", {}),
                          expected.trained.predict(table, "soybean", {})));
    }

    // Imputation inside the validation: each fold's (or the holdout's) means come from its
    // training rows only — exactly the manual loop — and imputing before the split gives other
    // predictions (so the comparison can fail).
    void preparationFittedOnTrainingRowsOnly_data() {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QString>("plan");
        for (const char* data : {"classes", "numeric classes", "regression"}) {
            const std::string d = data;
            QTest::addRow("%s, 5-fold stratified", data) << d.c_str() << "cv";
            QTest::addRow("%s, 3-fold index", data) << d.c_str() << "cv index";
            QTest::addRow("%s, holdout", data) << d.c_str() << "holdout";
            QTest::addRow("%s, training rows", data) << d.c_str() << "training";
        }
    }
    void preparationFittedOnTrainingRowsOnly() {
        QFETCH(QString, data);
        QFETCH(QString, plan);
        // Categorical classes with a categorical feature; numeric class labels 0 / 1 / 2 with
        // over-sampling (labels of the resampled rows against the run's classes); regression.
        const Table table = data == "classes"
                                ? missingValuesTable(240, 0.2, 21)
                                : numericTargetTable(240, data == "regression", 0.2, 22);
        const Learner& learner =
            learnerNamed(data == "regression" ? "linear_regression" : "logistic_regression");
        const ParamValues params = paramsOf(learner);
        const FitOptions options = seeded(5);
        const PipelineSpec spec =
            data == "classes" ? specOf({"impute:strategy=mean", "impute:strategy=most_frequent",
                                        "scale", "encode"})
            : data == "regression" ? specOf({"impute:strategy=mean", "scale:method=robust"})
                                   : specOf({"impute:strategy=median", "oversample", "scale"});
        const ValidationPlan validation = planOf(plan);
        const TableTrainingRun got =
            trainOnTable(learner, table, "class", std::nullopt, std::nullopt, spec, params,
                         validation, options, {});
        const Dataset base = makeDataset(table, "class", std::nullopt).dataset;
        const std::size_t n = base.rows();
        QCOMPARE(n, table.rowCount());
        QCOMPARE(base.task, data == "regression" ? TaskKind::Regression : TaskKind::Classification);

        // The scored rows and their training rows, as trainOnTable must choose them.
        std::vector<std::vector<std::size_t>> tests;
        if (validation.kind == ValidationPlan::Kind::CrossValidation) {
            const std::vector<std::size_t> fold =
                assignFolds(base, validation.folds, validation.rule, options.seed);
            tests.resize(validation.folds);
            for (std::size_t r = 0; r < n; ++r) tests[fold[r]].push_back(r);
        } else if (validation.kind == ValidationPlan::Kind::Holdout) {
            tests.push_back(
                holdoutTestRows(base, validation.testFraction, validation.rule, options.seed));
        } else {
            tests.push_back(allRows(n));
        }
        const bool cv = validation.kind == ValidationPlan::Kind::CrossValidation;
        Predictions manual = emptyPredictions(base, cv ? n : tests[0].size());
        Predictions leaky = manual;
        // Imputation (and scaling) fitted on every row, before the split: the leak (compared
        // when the steps keep the rows, so the split still applies).
        const PreparedTable before = fitPipeline(spec, table, "class", options.seed, {});
        const bool sameRows = before.table.rowCount() == n;
        for (const std::vector<std::size_t>& testRows : tests) {
            const std::vector<std::size_t> trainRows =
                validation.kind == ValidationPlan::Kind::TrainingRows ? allRows(n)
                                                                      : otherRows(n, testRows);
            const ManualFit fit =
                manualFit(learner, table, "class", base.task, trainRows, spec, params, options);
            QCOMPARE(fit.data.classes, base.classes);
            const Predictions predicted = manualPredict(fit, table, testRows);
            if (cv)
                placePredictions(predicted, testRows, manual);
            else
                manual = predicted;
            if (!sameRows) continue;
            const Dataset leakyData =
                makeDataset(selectRows(before.table, trainRows), "class", std::nullopt).dataset;
            const auto leakyModel = learner.fit(leakyData, params, options, {});
            const Predictions leaked =
                leakyModel->predict(encodeFeatures(selectRows(before.table, testRows),
                                                   leakyData.features.schema(), "rows"),
                                    {});
            if (cv)
                placePredictions(leaked, testRows, leaky);
            else
                leaky = leaked;
        }
        QVERIFY(identical(got.run.predictions, manual));
        QCOMPARE(got.run.rows, cv ? allRows(n) : tests[0]);
        QCOMPARE(got.run.perFold.size(), cv ? validation.folds
                                         : validation.kind == ValidationPlan::Kind::Holdout ? 1
                                                                                            : 0);
        if (sameRows && validation.kind != ValidationPlan::Kind::TrainingRows)
            QVERIFY(!identical(got.run.predictions, leaky));
        else if (sameRows)
            QVERIFY(identical(got.run.predictions, leaky));  // no split: nothing to leak

        // The kept model: fitted on all rows (cross-validation, training rows) or the holdout's
        // training rows, its steps included; it predicts the raw table like the manual fit.
        const std::vector<std::size_t> keptRows =
            validation.kind == ValidationPlan::Kind::Holdout ? otherRows(n, tests[0]) : allRows(n);
        const ManualFit kept =
            manualFit(learner, table, "class", base.task, keptRows, spec, params, options);
        QCOMPARE(pipelineJson(got.run.trained.preparation.spec()), pipelineJson(spec));
        QVERIFY(identical(got.run.trained.predict(table, "table", {}),
                          manualPredict(kept, table, allRows(n))));
        QCOMPARE(got.preparation.steps.size(), spec.steps.size());
        QCOMPARE(got.run.trained.classes, base.classes);
    }

    // The test through the real training path: SMOTE as a --prepare step is fitted on
    // each fold's training rows, so with 1-nearest-neighbour the minority scores are far below
    // those of cross-validating a table SMOTEd before the split, and close to new data's.
    void smoteInsideTheFoldsIsNotInflated() {
        const Table train = imbalancedTable(3000, 1);
        const Table fresh = imbalancedTable(10000, 2);
        const Learner& knn = learnerNamed("knn");
        const ParamValues params = paramsOf(knn, {{"k", "1"}});
        const FitOptions options = seeded(3);
        const PipelineSpec smote = specOf({"smote"});
        ValidationPlan plan;
        plan.folds = 5;

        const TableTrainingRun inside = trainOnTable(knn, train, "y", std::nullopt, std::nullopt,
                                                     smote, params, plan, options, {});
        // Before the split: the whole table SMOTEd, then cross-validated on the same folds rule.
        const PreparedTable everything = fitPipeline(smote, train, "y", options.seed, {});
        QVERIFY(everything.table.rowCount() > train.rowCount() + 2000);
        const Dataset resampled = makeDataset(everything.table, "y", std::nullopt).dataset;
        const ValidationResult before = crossValidateOnFolds(
            knn, resampled, params, options,
            assignFolds(resampled, plan.folds, plan.rule, options.seed), plan.folds, {});
        // New data, predicted by the kept model (SMOTE passes its rows through).
        const Dataset freshData = makeDataset(fresh, "y", std::nullopt).dataset;
        const Scores held = scoresFor(freshData, inside.run.trained.predict(fresh, "fresh", {}));

        const MinorityScores b = minority(before.pooled);
        const MinorityScores w = minority(inside.run.metrics);
        const MinorityScores h = minority(held);
        qInfo(
            "minority recall / F1: SMOTE before the split %.3f / %.3f, trainOnTable with smote "
            "%.3f / %.3f, new data %.3f / %.3f",
            b.recall, b.f1, w.recall, w.f1, h.recall, h.f1);
        QVERIFY(b.recall > w.recall + 0.2);
        QVERIFY(b.f1 > w.f1 + 0.2);
        // About 270 minority rows: a recall's standard error is about 0.03.
        QVERIFY(std::abs(w.recall - h.recall) < 0.1);
        QVERIFY(std::abs(w.f1 - h.f1) < 0.08);
        // The scored rows are the input's: synthetic rows are never scored.
        QCOMPARE(inside.run.predictions.rows, train.rowCount());
        QCOMPARE(inside.dataset.rows(), train.rowCount());
    }

    // The kept model with its steps goes through the model file (format version 2) and predicts
    // bit-identically, also on a table without the target column.
    void keptModelSerialises() {
        const Table table = missingValuesTable(200, 0.15, 31);
        const Learner& learner = learnerNamed("logistic_regression");
        const PipelineSpec spec =
            specOf({"drop-duplicates", "impute:strategy=median", "impute:strategy=most_frequent",
                    "outliers:method=iqr,action=drop", "scale", "encode", "smote"});
        ValidationPlan plan;
        plan.kind = ValidationPlan::Kind::TrainingRows;
        const TableTrainingRun run =
            trainOnTable(learner, table, "class", std::nullopt, std::nullopt, spec,
                         paramsOf(learner), plan, seeded(9), {});
        const TrainedModel& trained = run.run.trained;
        QCOMPARE(trained.preparation.size(), spec.steps.size());
        const std::vector<std::uint8_t> bytes = serializeModel(trained);
        QCOMPARE(getLittle<std::uint32_t>(bytes.data() + 8), std::uint32_t{2});
        const TrainedModel loaded = deserializeModel(bytes, "model.gbm");
        QCOMPARE(pipelineJson(loaded.preparation.spec()), pipelineJson(spec));
        QCOMPARE(serializeModel(loaded), bytes);
        const Predictions expected = trained.predict(table, "table", {});
        QCOMPARE(expected.rows, table.rowCount());
        QVERIFY(identical(loaded.predict(table, "table", {}), expected));
        QVERIFY(identical(loaded.predict(withoutColumn(table, "class"), "table", {}), expected));
        // The features the learner saw are the prepared ones (one-hot shade columns).
        QCOMPARE(loaded.features(table, "table").rows(), table.rowCount());
        QVERIFY(trained.schema.features.size() > 5);
        // A table lacking a column the steps need is refused naming it.
        try {
            trained.predict(withoutColumn(table, "x1"), "table", {});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QVERIFY2(std::string(e.what()).find("x1") != std::string::npos, e.what());
        }
        // A model without steps is still written as version 1.
        const TableTrainingRun plain =
            trainOnTable(learner, table, "class", std::nullopt, std::nullopt, PipelineSpec{},
                         paramsOf(learner), plan, seeded(9), {});
        QCOMPARE(getLittle<std::uint32_t>(serializeModel(plain.run.trained).data() + 8),
                 std::uint32_t{1});
    }

    // Rows with a missing target are left out before any step is fitted; tableRows maps the
    // scored rows back to the input table.
    void missingTargetRowsLeftOut_data() {
        QTest::addColumn<QString>("plan");
        QTest::newRow("5-fold stratified") << "cv";
        QTest::newRow("training rows") << "training";
    }
    void missingTargetRowsLeftOut() {
        QFETCH(QString, plan);
        Table table = missingValuesTable(150, 0.2, 41);
        // Rows 3, 10, 11 and 77 lose their class and get a huge x0, which would move x0's mean
        // if those rows were imputed from.
        const std::vector<std::size_t> unlabelled{3, 10, 11, 77};
        std::vector<double> x0;
        std::vector<std::string> cls;
        const Column& oldX = table.column(0);
        const Column& oldClass = table.column(std::size_t(table.indexOf("class")));
        for (std::size_t r = 0; r < table.rowCount(); ++r) {
            const bool drop =
                std::find(unlabelled.begin(), unlabelled.end(), r) != unlabelled.end();
            x0.push_back(drop ? 1000.0 : oldX.isMissing(r) ? NAN : oldX.number(r));
            cls.push_back(drop ? "" : oldClass.format(r));
        }
        table.replaceColumn(0, numbers("x0", x0));
        table.replaceColumn(std::size_t(table.indexOf("class")), categories("class", cls));

        const Learner& learner = learnerNamed("decision_tree");
        const TableTrainingRun run = trainOnTable(learner, table, "class", std::nullopt,
                                                  std::nullopt, specOf({"impute:strategy=mean"}),
                                                  paramsOf(learner), planOf(plan), seeded(2), {});
        const DatasetResult built = makeDataset(table, "class", std::nullopt);
        QCOMPARE(run.droppedRows, unlabelled.size());
        QCOMPARE(run.droppedRows, built.droppedRows);
        QCOMPARE(run.tableRows, built.tableRows);
        QCOMPARE(run.dataset.rows(), table.rowCount() - unlabelled.size());
        QCOMPARE(run.run.rows.size(), run.dataset.rows());
        QCOMPARE(run.dataset.labels, built.dataset.labels);
        // The kept model's mean of x0 is over the labelled rows.
        double sum = 0;
        std::size_t count = 0;
        for (std::size_t r : built.tableRows)
            if (!std::isnan(x0[r])) {
                sum += x0[r];
                ++count;
            }
        const Table one({numbers("x0", {NAN}), numbers("x1", {0}), numbers("x2", {0}),
                         numbers("x3", {0}), categories("shade", {"mid"})});
        const Table filled =
            run.run.trained.preparation.apply(one, StepUse::Prediction, nullptr, {});
        QCOMPARE(filled.column(0).number(0), sum / double(count));
        // The out-of-fold predictions line up with the labelled rows.
        QCOMPARE(run.run.predictions.rows, run.dataset.rows());
    }

    // A fold whose training rows lack a class: labels still follow the run's classes (the
    // class names of the whole table), so class "b" missing from a fold does not shift "c".
    void foldLackingAClassKeepsTheClasses() {
        const std::size_t n = 60;
        Random random(3);
        std::vector<double> x;
        std::vector<std::string> cls;
        for (std::size_t r = 0; r < n; ++r) {
            // Index rule, 5 folds: rows 2 and 7 are both in fold 2, the only "b" rows.
            const bool b = r == 2 || r == 7;
            const bool c = !b && r % 2 == 0;
            cls.push_back(b ? "b" : c ? "c" : "a");
            x.push_back((b ? 20.0 : c ? 10.0 : 0.0) + random.uniform());
            if (r % 9 == 4) x.back() = NAN;
        }
        const Table table({numbers("x", x), categories("class", cls)});
        const Learner& tree = learnerNamed("decision_tree");
        ValidationPlan plan;
        plan.folds = 5;
        plan.rule = FoldRule::Index;
        const TableTrainingRun run =
            trainOnTable(tree, table, "class", std::nullopt, std::nullopt,
                         specOf({"impute:strategy=median"}), paramsOf(tree), plan, seeded(1), {});
        const std::vector<std::string> classes{"a", "b", "c"};
        QCOMPARE(run.dataset.classes, classes);
        QCOMPARE(run.run.trained.classes, classes);
        QCOMPARE(run.run.predictions.classCount, classes.size());
        QCOMPARE(run.run.perFold.size(), std::size_t{5});
        // Fold 2 was fitted without "b": it gives "b" no probability, and its "c" rows "c".
        for (std::size_t r = 2; r < n; r += 5) {
            const auto p = run.run.predictions.probabilitiesOf(r);
            QCOMPARE(p[1], 0.0);
            if (cls[r] == "c" && !std::isnan(x[r]))
                QCOMPARE(run.run.predictions.predictedClass(r), 2);
            if (cls[r] == "a" && !std::isnan(x[r]))
                QCOMPARE(run.run.predictions.predictedClass(r), 0);
        }
        // The other folds learnt "b".
        QCOMPARE(run.run.trained.predict(table, "table", {}).predictedClass(7), 1);
    }

    // `features` picks the input columns before any step: the steps never see the others, and
    // the model's features all come from the chosen ones.
    void featuresChooseTheInputColumns() {
        const Table table = missingValuesTable(150, 0.1, 51);
        const Learner& learner = learnerNamed("logistic_regression");
        const PipelineSpec spec =
            specOf({"impute:strategy=mean", "impute:strategy=most_frequent", "encode"});
        ValidationPlan plan;
        plan.kind = ValidationPlan::Kind::TrainingRows;
        const std::vector<std::string> chosen{"shade", "x2"};
        const TableTrainingRun run = trainOnTable(learner, table, "class", std::nullopt, chosen,
                                                  spec, paramsOf(learner), plan, seeded(1), {});
        std::vector<std::string> names;
        for (const FeatureInfo& f : run.run.trained.schema.features) names.push_back(f.name);
        QVERIFY(names.size() >= 3);  // x2 and one column per shade
        for (const std::string& name : names)
            QVERIFY2(name == "x2" || name.rfind("shade=", 0) == 0, name.c_str());
        // The imputation saw x2 only: a table without x0, x1 and x3 predicts the same.
        Table fewer = withoutColumn(withoutColumn(withoutColumn(table, "x0"), "x1"), "x3");
        QVERIFY(identical(run.run.trained.predict(fewer, "fewer", {}),
                          run.run.trained.predict(table, "table", {})));
        // The same run on the table cut to those columns by hand.
        const TableTrainingRun cut =
            trainOnTable(learner, fewer, "class", std::nullopt, std::nullopt, spec,
                         paramsOf(learner), plan, seeded(1), {});
        QVERIFY(identical(cut.run.predictions, run.run.predictions));
        // An unknown feature is refused naming "features".
        try {
            trainOnTable(learner, table, "class", std::nullopt, std::vector<std::string>{"nope"},
                         spec, paramsOf(learner), plan, seeded(1), {});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("features"));
        }
    }

    // Protection steps run once on the whole table before the split: k-anonymity suppression
    // removes exactly kAnonymity's rows at risk, the scored rows map back to the input's rows,
    // and a protection step after a learning step is refused.
    void protectionRunsOnceBeforeTheSplit() {
        const Table table = sharedTable("diabetes_regression.csv");
        const Learner& learner = learnerNamed("decision_tree");
        const PipelineSpec spec = specOf({"generalize:columns=age,width=10",
                                          "k-anonymity:quasi_identifiers=age;sex,k=20", "scale"});
        ValidationPlan plan;
        plan.folds = 3;
        const TableTrainingRun run =
            trainOnTable(learner, table, "progression", std::nullopt, std::nullopt, spec,
                         paramsOf(learner, paramMap("max_depth=3")), plan, seeded(4), {});
        // What the protection alone does to the table.
        const PreparedTable released =
            fitPipeline(specOf({"generalize:columns=age,width=10",
                                "k-anonymity:quasi_identifiers=age;sex,k=20"}),
                        table, "progression", 4, {});
        const std::size_t removed = table.rowCount() - released.table.rowCount();
        QVERIFY(removed > 0);
        QCOMPARE(run.protectedRows, removed);
        QCOMPARE(run.dataset.rows(), released.table.rowCount());
        QCOMPARE(run.tableRows.size(), released.table.rowCount());
        // Each kept row is the input row it says it is (progression is unique enough to tell).
        const Column& target = table.column(std::size_t(table.indexOf("progression")));
        for (std::size_t i = 0; i < run.tableRows.size(); ++i)
            QCOMPARE(run.dataset.targets[i], target.number(run.tableRows[i]));
        // The kept model carries every step; prediction passes all input rows through.
        QCOMPARE(run.run.trained.preparation.size(), std::size_t(3));
        QCOMPARE(run.run.trained.predict(table, "diabetes", {}).rows, table.rowCount());

        try {
            trainOnTable(learner, table, "progression", std::nullopt, std::nullopt,
                         specOf({"scale", "k-anonymity:quasi_identifiers=age;sex,k=20"}),
                         paramsOf(learner), plan, seeded(4), {});
            QFAIL("a protection step after a learning step was accepted");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("--step"));
        }
    }

    // The history stores the steps as the version's preparation; its model predicts the same.
    void historyVersionCarriesTheSteps() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Table table = sharedTable("credit-g.arff");
        const Learner& learner = learnerNamed("logistic_regression");
        const PipelineSpec spec = specOf({"scale:method=minmax", "encode", "smote"});
        ValidationPlan plan;
        plan.kind = ValidationPlan::Kind::Holdout;
        const TableTrainingRun run =
            trainOnTable(learner, table, "class", std::nullopt, std::nullopt, spec,
                         paramsOf(learner), plan, seeded(4), {});
        ModelRegistry registry = ModelRegistry::open(dir.filePath("history.sqlite").toStdString());
        NewVersion version;
        version.metrics = run.run.metrics;
        version.validation = run.run.validation;
        const std::int64_t id = registry.addVersion(run.run.trained, version);
        const ModelVersion shown = registry.show(id);
        QCOMPARE(shown.preparationJson, pipelineJson(spec));
        QCOMPARE(parsePipelineJson(shown.preparationJson, "history").steps.size(), std::size_t{3});
        const TrainedModel loaded = registry.loadModel(id);
        QCOMPARE(pipelineJson(loaded.preparation.spec()), pipelineJson(spec));
        QVERIFY(identical(loaded.predict(table, "credit-g", {}),
                          run.run.trained.predict(table, "credit-g", {})));
        // A model without steps keeps what the caller gave (the default empty list).
        const TableTrainingRun plain =
            trainOnTable(learner, table, "class", std::nullopt, std::nullopt, PipelineSpec{},
                         paramsOf(learner), plan, seeded(4), {});
        QCOMPARE(
            registry.show(registry.addVersion(plain.run.trained, NewVersion{})).preparationJson,
            std::string("[]"));
    }
};

QTEST_GUILESS_MAIN(TestTableTraining)
#include "test_table_training.moc"
