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

class LogisticRegressionLearner final : public Learner {
  public:
    std::string_view name() const override { return "logistic_regression"; }
    std::string_view description() const override {
        return "Logistic regression (binary or multinomial) with L2, L1 or elastic-net penalty";
    }
    const ParamSpecs& params() const override {
        static const ParamSpecs specs = {
            {"penalty",
             ParamType::Choice,
             "l2",
             0,
             0,
             false,
             {"l2", "l1", "elasticnet", "none"},
             "Penalty on the coefficients (the intercept is never penalized)"},
            {"C",
             ParamType::Real,
             "1",
             0,
             1e12,
             true,
             {},
             "Inverse regularization strength: loss = C·Σ log-loss + penalty"},
            {"l1_ratio",
             ParamType::Real,
             "0.5",
             0,
             1,
             false,
             {},
             "Elastic net: share of the L1 part in the penalty"},
            {"max_iter",
             ParamType::Integer,
             "200",
             1,
             100000,
             false,
             {},
             "Maximum number of solver iterations"},
            {"tol",
             ParamType::Real,
             "1e-06",
             0,
             1,
             true,
             {},
             "Stop when every gradient component of the mean loss is at most this"},
            {"class_weight",
             ParamType::Choice,
             "none",
             0,
             0,
             false,
             {"none", "balanced"},
             "Weight classes equally (balanced) or by their counts (none)"},
            {"fit_intercept",
             ParamType::Boolean,
             "true",
             0,
             0,
             false,
             {},
             "Fit an intercept (unpenalized)"},
        };
        return specs;
    }
    bool supports(TaskKind task) const override { return task == TaskKind::Classification; }

    std::unique_ptr<Model> fit(const Dataset& data, const ParamValues& params,
                               const FitOptions& options, const TaskContext& task) const override;

    std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                std::size_t classCount) const override {
        in.require(task == TaskKind::Classification, "logistic regression is a classifier");
        return LinearModel::load(in, schema, task, classCount);
    }
};

std::unique_ptr<Model> LogisticRegressionLearner::fit(const Dataset& data,
                                                      const ParamValues& params,
                                                      const FitOptions& options,
                                                      const TaskContext& task) const {
    if (data.task != TaskKind::Classification)
        throw InvalidArgument("--task", "logistic_regression does classification only");
    if (data.classCount() < 2)
        throw InvalidArgument("--target", "logistic_regression needs at least two classes");
    const std::string& penalty = params.text("penalty");
    const double c = params.real("C");
    const double l1Ratio = params.real("l1_ratio");
    const bool fitIntercept = params.boolean("fit_intercept");
    const unsigned threads = std::max(1u, options.threads);

    task.report(0.0, "encoding");
    const NumericEncoder encoder = NumericEncoder::fit(data.features, true);
    const LinearDesign design = buildLinearDesign(encoder, data.features, fitIntercept, threads);
    const std::size_t classes = data.classCount();
    const std::size_t k = linearScoreCount(TaskKind::Classification, classes);

    std::vector<double> rowWeights;
    if (params.text("class_weight") == "balanced") {
        const std::vector<double> classWeights = balancedClassWeights(data);
        rowWeights.resize(data.rows());
        for (std::size_t r = 0; r < data.rows(); ++r) rowWeights[r] = classWeights[data.labels[r]];
    }
    std::vector<double> classWeight(classes, 0.0);
    for (std::size_t r = 0; r < data.rows(); ++r)
        classWeight[data.labels[r]] += rowWeights.empty() ? 1.0 : rowWeights[r];
    double weightSum = 0;
    for (double w : classWeight) weightSum += w;
    if (!(weightSum > 0)) throw InvalidArgument("--target", "no rows to fit on");

    // scikit-learn's objective C·Σ w·loss + penalty, divided by C·Σ w: the mean loss plus
    // penalty / (C·Σ w), whose gradient scale does not grow with the rows.
    const double strength = 1.0 / (c * weightSum);
    double l1 = 0, l2 = 0;
    if (penalty == "l2") l2 = strength;
    if (penalty == "l1") l1 = strength;
    if (penalty == "elasticnet") {
        l1 = strength * l1Ratio;
        l2 = strength * (1 - l1Ratio);
    }

    LinearObjective objective;
    objective.design = &design;
    objective.loss = k == 1 ? LinearLoss::Logistic : LinearLoss::Softmax;
    objective.scores = k;
    objective.labels = data.labels;
    objective.rowWeights = rowWeights;
    objective.l2 = l2;
    objective.fitIntercept = fitIntercept;
    objective.threads = threads;
    objective.conditionByColumns(fitIntercept);

    const std::size_t weightCount = design.columns * k;
    std::vector<double> w(objective.parameterCount(), 0.0);
    if (fitIntercept) {  // start from the class priors
        auto logShare = [&](std::size_t cls) {
            return std::log((classWeight[cls] + 0.5) / (weightSum + 0.5 * classes));
        };
        if (k == 1) {
            w[weightCount] = logShare(1) - logShare(0);
        } else {
            double mean = 0;
            for (std::size_t s = 0; s < k; ++s) mean += logShare(s) / k;
            for (std::size_t s = 0; s < k; ++s) w[weightCount + s] = logShare(s) - mean;
        }
    }
    std::vector<double> l1Weights;
    if (l1 > 0) {
        l1Weights.assign(w.size(), 0.0);
        for (std::size_t j = 0; j < design.columns; ++j)
            for (std::size_t s = 0; s < k; ++s) l1Weights[j * k + s] = l1 / objective.scale[j];
    }
    QuasiNewtonOptions solver;
    solver.maxIterations = static_cast<std::size_t>(params.integer("max_iter"));
    solver.tolerance = params.real("tol");
    const QuasiNewtonResult result = minimizeQuasiNewton(
        [&](std::span<const double> p, std::span<double> g) { return objective.evaluate(p, g); }, w,
        l1Weights, solver, task.sub(0.05, 1.0));

    w = objective.modelParameters(w);
    std::vector<double> weights(encoder.outputCount() * k, 0.0);
    for (std::size_t i = 0; i < design.columns; ++i)
        for (std::size_t s = 0; s < k; ++s) weights[design.outputOf[i] * k + s] = w[i * k + s];
    std::vector<double> intercepts(w.begin() + weightCount, w.end());
    task.report(1.0, "done");
    return std::make_unique<LinearModel>(data.features.schema(), TaskKind::Classification, classes,
                                         encoder, fitIntercept, std::move(weights),
                                         std::move(intercepts),
                                         LinearFitInfo{result.iterations, result.converged});
}

}  // namespace

const Learner& logisticRegressionLearner() {
    static const LogisticRegressionLearner learner;
    return learner;
}

}  // namespace glassbox
