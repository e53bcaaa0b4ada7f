#include <algorithm>
#include <cmath>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/learner.h"
#include "engine/linear_design.h"
#include "engine/linear_model.h"
#include "engine/linear_solvers.h"

namespace glassbox {
namespace {

// Up to this many encoded columns the fit is direct (Gram matrix, eigen-decomposition or
// coordinate descent on it); beyond, L-BFGS / OWL-QN over the rows.
constexpr std::size_t kDirectColumns = 600;

class LinearRegressionLearner final : public Learner {
  public:
    std::string_view name() const override { return "linear_regression"; }
    std::string_view description() const override {
        return "Linear regression: least squares, ridge, lasso or elastic net";
    }
    const ParamSpecs& params() const override {
        static const ParamSpecs specs = {
            {.name = "penalty",
             .type = ParamType::Choice,
             .defaultValue = "none",
             .choices = {"none", "l2", "l1", "elasticnet"},
             .help = "none: ordinary least squares; l2: ridge; l1: lasso; elasticnet: both"},
            {.name = "alpha",
             .type = ParamType::Real,
             .defaultValue = "1",
             .min = 0,
             .max = 1e12,
             .choices = {},
             .help = "Penalty strength, as scikit-learn's Ridge (‖y−Xw‖² + alpha·‖w‖²) and "
                     "Lasso / ElasticNet (‖y−Xw‖²/(2n) + alpha·penalty)"},
            {.name = "l1_ratio",
             .type = ParamType::Real,
             .defaultValue = "0.5",
             .min = 0,
             .max = 1,
             .choices = {},
             .help = "Elastic net: share of the L1 part in the penalty"},
            {.name = "fit_intercept",
             .type = ParamType::Boolean,
             .defaultValue = "true",
             .choices = {},
             .help = "Fit an intercept (unpenalized)"},
            {.name = "max_iter",
             .type = ParamType::Integer,
             .defaultValue = "1000",
             .min = 1,
             .max = 100000,
             .choices = {},
             .help = "Maximum iterations of the iterative solvers (lasso, elastic net, many "
                     "columns)"},
            {.name = "tol",
             .type = ParamType::Real,
             .defaultValue = "1e-06",
             .min = 0,
             .max = 1,
             .minExclusive = true,
             .choices = {},
             .help = "Convergence tolerance (duality gap relative to Σ(y−ȳ)² for lasso and "
                     "elastic net; gradient size relative to the target's spread with many "
                     "columns)"},
        };
        return specs;
    }
    bool supports(TaskKind task) const override { return task == TaskKind::Regression; }

    std::unique_ptr<Model> fit(const Dataset& data, const ParamValues& params,
                               const FitOptions& options, const TaskContext& task) const override;

    std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                std::size_t classCount) const override {
        in.require(task == TaskKind::Regression, "linear regression is a regressor");
        return LinearModel::load(in, schema, task, classCount);
    }
};

// Least squares or ridge from the eigen-decomposition of the (centered) Gram matrix; the
// minimum-norm solution when columns are collinear (one-hot dummies with an intercept).
// Columns that are zero on every row (a level never seen) get weight 0.
std::vector<double> solveByEigen(const GramSums& sums, std::size_t n, double ridge,
                                 const TaskContext& task) {
    std::vector<std::size_t> used;
    for (std::size_t i = 0; i < n; ++i)
        if (sums.gram[i * n + i] > 0) used.push_back(i);
    const std::size_t m = used.size();
    std::vector<double> vectors(m * m), values;
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t j = 0; j < m; ++j) vectors[i * m + j] = sums.gram[used[i] * n + used[j]];
    symmetricEigen(vectors, m, values, task);
    const double top = values.empty() ? 0.0 : std::max(0.0, values.back());
    const double floor = top * 1e-13 * std::max<double>(100, m);
    std::vector<double> w(n, 0.0);
    for (std::size_t e = 0; e < m; ++e) {
        const double denominator = values[e] + ridge;
        if (values[e] <= floor && !(ridge > 0 && denominator > floor)) continue;
        double projection = 0;
        for (std::size_t i = 0; i < m; ++i) projection += vectors[i * m + e] * sums.xty[used[i]];
        const double scale = projection / denominator;
        for (std::size_t i = 0; i < m; ++i) w[used[i]] += scale * vectors[i * m + e];
    }
    return w;
}

std::unique_ptr<Model> LinearRegressionLearner::fit(const Dataset& data, const ParamValues& params,
                                                    const FitOptions& options,
                                                    const TaskContext& task) const {
    if (data.task != TaskKind::Regression)
        throw InvalidArgument("--task", "linear_regression does regression only");
    const std::string& penalty = params.text("penalty");
    const double alpha = params.real("alpha");
    const double l1Ratio = penalty == "l1" ? 1.0 : params.real("l1_ratio");
    const bool fitIntercept = params.boolean("fit_intercept");
    const std::size_t maxIter = static_cast<std::size_t>(params.integer("max_iter"));
    const double tol = params.real("tol");
    const unsigned threads = std::max(1u, options.threads);
    for (double y : data.targets)
        if (!std::isfinite(y))
            throw InvalidArgument("--target", "the target has a value that is not finite");

    task.report(0.0, "encoding");
    const NumericEncoder encoder = NumericEncoder::fit(data.features, true, options.threads);
    const LinearDesign design = buildLinearDesign(encoder, data.features, fitIntercept, threads);
    const std::size_t columns = design.columns, rows = data.rows();
    std::vector<double> w(columns, 0.0);
    double intercept = 0;
    LinearFitInfo info;

    if (columns <= kDirectColumns) {
        const GramSums sums =
            gramSums(design, data.targets, fitIntercept, threads, task.sub(0.05, 0.3));
        task.report(0.3, "solving");
        if (penalty == "none" || penalty == "l2") {
            w = solveByEigen(sums, columns, penalty == "l2" ? alpha : 0.0, task);
        } else {
            const double scaled = alpha * static_cast<double>(rows);
            bool converged = false;
            info.iterations = elasticNetGram(sums.gram, sums.xty, sums.yty, columns,
                                             scaled * l1Ratio, scaled * (1 - l1Ratio), w, maxIter,
                                             tol, converged, task.sub(0.3, 1.0));
            info.converged = converged;
        }
        if (fitIntercept) {
            intercept = sums.targetMean;
            for (std::size_t i = 0; i < columns; ++i) intercept -= sums.columnMeans[i] * w[i];
        }
    } else {
        // Mean-scaled: ½·mean (z − y)² + ½·l2·‖w‖² + l1·‖w‖₁.
        double l1 = 0, l2 = 0;
        if (penalty == "l2") l2 = alpha / static_cast<double>(rows);
        if (penalty == "l1" || penalty == "elasticnet") {
            l1 = alpha * l1Ratio;
            l2 = alpha * (1 - l1Ratio);
        }
        LinearObjective objective;
        objective.design = &design;
        objective.loss = LinearLoss::Squared;
        objective.targets = data.targets;
        objective.l2 = l2;
        objective.fitIntercept = fitIntercept;
        objective.threads = threads;
        objective.task = &task;
        objective.conditionByColumns(fitIntercept);
        std::vector<double> p(objective.parameterCount(), 0.0);
        if (fitIntercept) {
            for (double y : data.targets) p[columns] += y;
            p[columns] /= static_cast<double>(rows);
        }
        std::vector<double> l1Weights;
        if (l1 > 0) {
            l1Weights.assign(p.size(), 0.0);
            for (std::size_t j = 0; j < columns; ++j) l1Weights[j] = l1 / objective.scale[j];
        }
        // The gradient scales with the target: the tolerance is relative to its spread.
        double mean = 0, spread = 0;
        for (double y : data.targets) mean += y / static_cast<double>(rows);
        for (double y : data.targets) spread += (y - mean) * (y - mean) / static_cast<double>(rows);
        QuasiNewtonOptions solver;
        solver.maxIterations = maxIter;
        solver.tolerance = tol * std::max(std::sqrt(spread), 1e-300);
        solver.relativeDecrease = tol * 1e-3;
        const QuasiNewtonResult result =
            minimizeQuasiNewton([&](std::span<const double> x,
                                    std::span<double> g) { return objective.evaluate(x, g); },
                                p, l1Weights, solver, task.sub(0.05, 1.0));
        info.iterations = result.iterations;
        info.converged = result.converged;
        p = objective.modelParameters(p);
        std::copy(p.begin(), p.begin() + columns, w.begin());
        intercept = p[columns];
    }

    std::vector<double> weights(encoder.outputCount(), 0.0);
    for (std::size_t i = 0; i < columns; ++i) weights[design.outputOf[i]] = w[i];
    task.report(1.0, "done");
    return std::make_unique<LinearModel>(data.features.schema(), TaskKind::Regression, 0, encoder,
                                         fitIntercept, std::move(weights),
                                         std::vector<double>{intercept}, info);
}

}  // namespace

const Learner& linearRegressionLearner() {
    static const LinearRegressionLearner learner;
    return learner;
}

}  // namespace glassbox
