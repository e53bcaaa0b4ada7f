// Partial dependence and ICE: scikit-learn's grid (worked by hand and from scikit-learn), a linear
// model's PDP is the line its coefficients give, a tree's PDP steps at its split, the PDP is the
// mean of the ICE curves, categorical grids, row samples, thread independence, cancel, errors.
#include <QtTest>

#include <cmath>
#include <cstring>

#include "engine/errors.h"
#include "engine/flat_tree.h"
#include "engine/linear_model.h"
#include "engine/partial_dependence.h"
#include "tests/engine/learner_test_support.h"

using namespace glassbox;

namespace {

using glassbox::test::paramMap;
using glassbox::test::paramsOf;
using glassbox::test::sharedDataset;
using glassbox::test::threadsOption;

std::unique_ptr<Model> fitted(const std::string& learner, const Dataset& data,
                              const std::string& params = "") {
    const Learner& l = learnerNamed(learner);
    return l.fit(data, paramsOf(l, paramMap(params)), threadsOption(2), {});
}

std::size_t featureNamed(const FeatureMatrix& x, const std::string& name) {
    for (std::size_t f = 0; f < x.featureCount(); ++f)
        if (x.schema().features[f].name == name) return f;
    throw std::runtime_error("no feature " + name);
}

bool close(double a, double b, double tolerance) {
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

}  // namespace

class PartialDependenceTest : public QObject {
    Q_OBJECT

  private slots:
    void gridByHand() {
        // 1..200: mquantiles with alphap = betap = 0.4 at p = 0.05: m = 0.41, n p + m = 10.41,
        // so 0.59 x[9] + 0.41 x[10] = 10.41; at 0.95: m = 0.59, 190.59 -> 190.59. Then
        // linspace(10.41, 190.59, 5). (scikit-learn 1.2.1's _grid_from_X prints the same.)
        std::vector<double> values(200);
        for (std::size_t i = 0; i < 200; ++i) values[i] = static_cast<double>(200 - i);
        const std::vector<double> grid = numericGrid(values, 5, 0.05, 0.95);
        const std::vector<double> expected = {10.41, 55.455, 100.5, 145.545, 190.59};
        QCOMPARE(grid.size(), expected.size());
        for (std::size_t i = 0; i < grid.size(); ++i)
            QVERIFY2(close(grid[i], expected[i], 1e-12), qPrintable(QString::number(grid[i])));
        QCOMPARE(grid.back(), 190.59);  // the last value is exactly the upper quantile
    }

    void fewDistinctValuesAreTheGrid() {
        const std::vector<double> values = {3, 1, std::nan(""), 2, 3, 1};
        QCOMPARE(numericGrid(values, 5, 0.05, 0.95), (std::vector<double>{1, 2, 3}));
        QCOMPARE(numericGrid(values, 3, 0.05, 0.95).size(), std::size_t{3});  // 3 is not < 3
        const std::vector<double> missing = {std::nan(""), std::nan("")};
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, numericGrid(missing, 5, 0.05, 0.95));
        // Three distinct values but both quantiles 1: no grid (as scikit-learn).
        std::vector<double> flat(98, 1.0);
        flat.push_back(0);
        flat.push_back(5);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, numericGrid(flat, 2, 0.05, 0.95));
    }

    void gridMatchesScikitLearn() {
        // scikit-learn 1.2.1: _grid_from_X(diabetes_regression[["bmi"]].values, (0.05, 0.95),
        // [False], 100) -> 100 values, 20.151000000000003, 20.295404040404044, ...,
        // 34.44699999999999.
        const Dataset data = sharedDataset("diabetes_regression.csv", "progression");
        const std::vector<double> grid =
            numericGrid(data.features.values(featureNamed(data.features, "bmi")), 100, 0.05, 0.95);
        QCOMPARE(grid.size(), std::size_t{100});
        QVERIFY(close(grid[0], 20.151000000000003, 1e-13));
        QVERIFY(close(grid[1], 20.295404040404044, 1e-13));
        QVERIFY(close(grid[99], 34.44699999999999, 1e-13));
    }

    void linearModelIsItsCoefficientLine() {
        // For a linear model, brute-force partial dependence (scikit-learn's method='brute')
        // at g is intercept + w_f g + sum over the other features of w_c mean(x_c): a line with
        // slope w_f. The coefficients are our model's own.
        const Dataset data = sharedDataset("diabetes_regression.csv", "progression");
        const std::unique_ptr<Model> model = fitted("linear_regression", data);
        const LinearCoefficients c = dynamic_cast<const LinearModel&>(*model).coefficients();
        const std::size_t bmi = featureNamed(data.features, "bmi");
        PartialDependenceOptions options;
        options.threads = 2;
        const PartialDependence pd = partialDependence(*model, data.features, bmi, options, {});
        QCOMPARE(pd.outputs, std::size_t{1});
        QCOMPARE(pd.rows.size(), data.rows());
        QCOMPARE(pd.grid.size(), std::size_t{100});
        double offset = c.intercepts[0];
        double slope = 0;
        for (std::size_t col = 0; col < c.columns.size(); ++col) {
            const std::size_t f = featureNamed(data.features, c.columns[col]);
            if (f == bmi) {
                slope = c.weights[col];
                continue;
            }
            double mean = 0;
            for (double v : data.features.values(f)) mean += v;
            offset += c.weights[col] * mean / static_cast<double>(data.rows());
        }
        QVERIFY(std::abs(slope) > 1);  // bmi matters in this dataset
        for (std::size_t g = 0; g < pd.grid.size(); ++g)
            QVERIFY2(close(pd.averageAt(g, 0), offset + slope * pd.grid[g], 1e-9),
                     qPrintable(QString::number(g)));
    }

    void treeStepsAtItsSplit() {
        const Dataset data = sharedDataset("diabetes_regression.csv", "progression");
        const std::unique_ptr<Model> model = fitted("decision_tree", data, "max_depth=1");
        const FlatTree& tree = model->trees()[0];
        QVERIFY(!tree.isLeaf(0));
        const auto f = static_cast<std::size_t>(tree.feature[0]);
        const double left = tree.valueOf(static_cast<std::size_t>(tree.left[0]))[0];
        const double right = tree.valueOf(static_cast<std::size_t>(tree.right[0]))[0];
        PartialDependenceOptions options;
        options.points = 50;
        const PartialDependence pd = partialDependence(*model, data.features, f, options, {});
        std::size_t below = 0;
        for (std::size_t g = 0; g < pd.grid.size(); ++g) {
            const double expected = pd.grid[g] <= tree.threshold[0] ? left : right;
            below += pd.grid[g] <= tree.threshold[0];
            QVERIFY(close(pd.averageAt(g, 0), expected, 1e-12));
        }
        QVERIFY(below > 0 && below < pd.grid.size());  // the step is inside the grid
    }

    void averageIsTheMeanOfIce() {
        const Dataset data = sharedDataset("iris.csv", "species");
        const std::unique_ptr<Model> model = fitted("random_forest", data, "n_estimators=10");
        PartialDependenceOptions options;
        options.points = 20;
        options.sampleRows = 40;
        options.seed = 3;
        const PartialDependence pd = partialDependence(*model, data.features, 2, options, {});
        QCOMPARE(pd.outputs, std::size_t{3});
        QCOMPARE(pd.rows.size(), std::size_t{40});
        QVERIFY(std::is_sorted(pd.rows.begin(), pd.rows.end()));
        QVERIFY(std::adjacent_find(pd.rows.begin(), pd.rows.end()) == pd.rows.end());
        QVERIFY(pd.rows.back() < data.rows());
        QCOMPARE(pd.ice.size(), 40 * pd.grid.size() * 3);
        for (std::size_t g = 0; g < pd.grid.size(); ++g) {
            double probabilities = 0;
            for (std::size_t k = 0; k < 3; ++k) {
                double sum = 0;
                for (std::size_t i = 0; i < pd.rows.size(); ++i) sum += pd.iceAt(i, g, k);
                QVERIFY(close(pd.averageAt(g, k), sum / 40, 1e-12));
                probabilities += pd.averageAt(g, k);
            }
            QVERIFY(close(probabilities, 1, 1e-12));
        }
        // Another seed, another sample; explicit rows are taken as given (sorted, once each).
        options.seed = 4;
        QVERIFY(partialDependence(*model, data.features, 2, options, {}).rows != pd.rows);
        options.rows = {7, 3, 7};
        QCOMPARE(partialDependence(*model, data.features, 2, options, {}).rows,
                 (std::vector<std::size_t>{3, 7}));
    }

    void iceIsThePredictionOfTheChangedRow() {
        // Each ICE value is the model's prediction for the row with the feature changed.
        const Dataset data = sharedDataset("iris.csv", "species");
        const std::unique_ptr<Model> model = fitted("logistic_regression", data);
        PartialDependenceOptions options;
        options.points = 4;
        options.rows = {0, 60, 149};
        const PartialDependence pd = partialDependence(*model, data.features, 3, options, {});
        for (std::size_t i = 0; i < pd.rows.size(); ++i)
            for (std::size_t g = 0; g < pd.grid.size(); ++g) {
                std::vector<FeatureColumn> columns(4);
                for (std::size_t f = 0; f < 4; ++f)
                    columns[f].values = {f == 3 ? pd.grid[g] : data.features.values(f)[pd.rows[i]]};
                const Predictions p = model->predict(
                    FeatureMatrix(data.features.schema(), std::move(columns), 1), {});
                for (std::size_t k = 0; k < 3; ++k) QCOMPARE(pd.iceAt(i, g, k), p.probabilities[k]);
            }
    }

    void categoricalGridIsTheLevels() {
        const Dataset data = sharedDataset("credit-g.arff", "class");
        const std::unique_ptr<Model> model =
            fitted("gradient_boosting", data, "n_estimators=20 max_leaves=7");
        const std::size_t purpose = featureNamed(data.features, "purpose");
        QVERIFY(data.features.isCategorical(purpose));
        PartialDependenceOptions options;
        options.sampleRows = 50;
        const PartialDependence pd = partialDependence(*model, data.features, purpose, options, {});
        QVERIFY(pd.categorical);
        const std::vector<std::string>& levels = data.features.schema().features[purpose].levels;
        QCOMPARE(pd.levels, levels);
        QCOMPARE(pd.grid.size(), levels.size());
        for (std::size_t g = 0; g < pd.grid.size(); ++g) QCOMPARE(pd.grid[g], double(g));
        // At the row's own level the ICE value is the row's prediction.
        const Predictions own = model->predict(data.features, {});
        const auto codes = data.features.codes(purpose);
        for (std::size_t i = 0; i < pd.rows.size(); ++i) {
            const std::int32_t code = codes[pd.rows[i]];
            if (code < 0) continue;
            for (std::size_t k = 0; k < 2; ++k)
                QCOMPARE(pd.iceAt(i, static_cast<std::size_t>(code), k),
                         own.probabilitiesOf(pd.rows[i])[k]);
        }
    }

    void sameForEveryThreadCount() {
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        const std::unique_ptr<Model> model = fitted("knn", data);
        PartialDependenceOptions options;
        options.points = 30;
        options.sampleRows = 100;
        options.threads = 1;
        const PartialDependence one = partialDependence(*model, data.features, 0, options, {});
        options.threads = 3;
        const PartialDependence three = partialDependence(*model, data.features, 0, options, {});
        QCOMPARE(one.ice.size(), three.ice.size());
        QVERIFY(std::memcmp(one.ice.data(), three.ice.data(), one.ice.size() * sizeof(double)) ==
                0);
        QVERIFY(std::memcmp(one.average.data(), three.average.data(),
                            one.average.size() * sizeof(double)) == 0);
    }

    void cancelStopsIt() {
        const Dataset data = sharedDataset("breast_cancer.csv", "diagnosis");
        const std::unique_ptr<Model> model = fitted("knn", data);
        CancelToken cancel;
        int reports = 0;
        const TaskContext task(
            [&](double, std::string_view) {
                if (++reports == 2) cancel.cancel();
            },
            &cancel);
        PartialDependenceOptions options;
        options.threads = 2;
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 partialDependence(*model, data.features, 0, options, task));
    }

    void badOptions() {
        const Dataset data = sharedDataset("iris.csv", "species");
        const std::unique_ptr<Model> model = fitted("decision_tree", data);
        PartialDependenceOptions options;
        options.points = 1;
        try {
            partialDependence(*model, data.features, 0, options, {});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("--points"));
        }
        options.points = 10;
        options.rows = {150};
        try {
            partialDependence(*model, data.features, 0, options, {});
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("--rows"));
        }
    }
};

QTEST_APPLESS_MAIN(PartialDependenceTest)
#include "test_partial_dependence.moc"
