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
            {"penalty",
             ParamType::Choice,
             "none",
             0,
             0,
             false,
             {"none", "l2", "l1", "elasticnet"},
             "none: ordinary least squares; l2: ridge; l1: lasso; elasticnet: both"},
            {"alpha",
             ParamType::Real,
             "1",
             0,
             1e12,
             false,
             {},
             "Penalty strength (ridge: ‖y−Xw‖² + alpha·‖w‖²; lasso, elastic net: "
             "‖y−Xw‖²/(2n) + alpha·penalty)"},
            {"l1_ratio",
             ParamType::Real,
             "0.5",
             0,
             1,
             false,
             {},
             "Elastic net: share of the L1 part in the penalty"},
            {"fit_intercept",
             ParamType::Boolean,
             "true",
             0,
             0,
             false,
             {},
             "Fit an intercept (unpenalized)"},
            {"max_iter",
             ParamType::Integer,
             "1000",
             1,
             100000,
             false,
             {},
             "Maximum iterations of the iterative solvers (lasso, elastic net, many columns)"},
            {"tol",
             ParamType::Real,
             "1e-06",
             0,
             1,
             true,
             {},
             "Convergence tolerance (relative duality gap, or gradient size for many columns)"},
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
std::vector<double> solveByEigen(const GramSums& sums, std::size_t n, double ridge) {
    std::vector<double> vectors = sums.gram;
    std::vector<double> values;
    symmetricEigen(vectors, n, values);
    const double top = values.empty() ? 0.0 : std::max(0.0, values.back());
    const double floor = top * 1e-13 * std::max<double>(100, n);
    std::vector<double> w(n, 0.0);
    for (std::size_t e = 0; e < n; ++e) {
        const double denominator = values[e] + ridge;
        if (values[e] <= floor && !(ridge > 0 && denominator > floor)) continue;
        double projection = 0;
        for (std::size_t i = 0; i < n; ++i) projection += vectors[i * n + e] * sums.xty[i];
        const double scale = projection / denominator;
        for (std::size_t i = 0; i < n; ++i) w[i] += scale * vectors[i * n + e];
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
    const NumericEncoder encoder = NumericEncoder::fit(data.features, true);
    const LinearDesign design = buildLinearDesign(encoder, data.features, fitIntercept, threads);
    const std::size_t columns = design.columns, rows = data.rows();
    std::vector<double> w(columns, 0.0);
    double intercept = 0;
    LinearFitInfo info;

    if (columns <= kDirectColumns) {
        task.report(0.05, "sums of squares");
        const GramSums sums = gramSums(design, data.targets, fitIntercept, threads);
        task.report(0.3, "solving");
        if (penalty == "none" || penalty == "l2") {
            w = solveByEigen(sums, columns, penalty == "l2" ? alpha : 0.0);
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
