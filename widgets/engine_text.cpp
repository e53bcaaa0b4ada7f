#include "widgets/engine_text.h"

#include <algorithm>
#include <iterator>

namespace glassbox::gui {
namespace {

struct Description {
    const char* learner;
    const char* text;
};

// Copies of Learner::description() (engine/*_learner.cpp), exactly as the engine writes them.
constexpr Description kDescriptions[] = {
    {"decision_tree", QT_TRANSLATE_NOOP("EngineText",
                                        "CART decision tree with native categorical splits and "
                                        "missing values, cost-complexity pruning")},
    {"random_forest", QT_TRANSLATE_NOOP("EngineText",
                                        "random forest: bagged CART trees with feature "
                                        "subsampling, grown in parallel, out-of-bag score")},
    {"gradient_boosting",
     QT_TRANSLATE_NOOP(
         "EngineText",
         "Histogram-based gradient boosted trees, grown leaf-wise (as LightGBM / XGBoost hist)")},
    {"logistic_regression",
     QT_TRANSLATE_NOOP(
         "EngineText",
         "Logistic regression (binary or multinomial) with L2, L1 or elastic-net penalty")},
    {"linear_regression",
     QT_TRANSLATE_NOOP("EngineText",
                       "Linear regression: least squares, ridge, lasso or elastic net")},
    {"knn", QT_TRANSLATE_NOOP(
                "EngineText",
                "k nearest neighbours: votes (or averages) over the most similar training rows")},
    {"naive_bayes",
     QT_TRANSLATE_NOOP(
         "EngineText",
         "Naive Bayes: Gaussian numeric features, smoothed category counts, class priors")},
    {"mlp",
     QT_TRANSLATE_NOOP("EngineText",
                       "Multilayer perceptron (LibTorch): dense layers trained by Adam or SGD")},
};

// Copies of every ParamSpec::help (engine/*_learner.cpp, engine/cart_model.cpp).
constexpr const char* kHelps[] = {
    QT_TRANSLATE_NOOP(
        "EngineText",
        "split quality: gini or entropy (classification); regression always uses squared_error"),
    QT_TRANSLATE_NOOP("EngineText", "deepest level a leaf may have (none: grow until pure)"),
    QT_TRANSLATE_NOOP("EngineText", "fewest rows a node needs to be split"),
    QT_TRANSLATE_NOOP("EngineText", "fewest rows in a leaf"),
    QT_TRANSLATE_NOOP("EngineText", "features drawn per split: sqrt, log2, all or a fraction"),
    QT_TRANSLATE_NOOP("EngineText", "smallest weighted impurity decrease a split must bring"),
    QT_TRANSLATE_NOOP("EngineText", "balanced: weight classes inversely to their frequency"),
    QT_TRANSLATE_NOOP("EngineText", "cost-complexity pruning strength (0: no pruning)"),
    QT_TRANSLATE_NOOP("EngineText", "value bins per numeric feature when searching thresholds"),
    QT_TRANSLATE_NOOP("EngineText", "number of trees"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "grow each tree on a bootstrap sample of the rows (gives the out-of-bag score)"),
    QT_TRANSLATE_NOOP("EngineText", "bootstrap sample size as a fraction of the rows (none: all)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "features drawn per split: sqrt, log2, all, a fraction, or auto (sqrt for "
                      "classification, all for regression)"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Boosting rounds (one tree per round, one per class and round for 3+ classes)"),
    QT_TRANSLATE_NOOP("EngineText", "Shrinkage: each tree's leaf values are multiplied by it"),
    QT_TRANSLATE_NOOP("EngineText", "Leaves per tree; trees grow best-first (leaf-wise) up to it"),
    QT_TRANSLATE_NOOP("EngineText", "Depth limit of each tree (none: only max_leaves limits it)"),
    QT_TRANSLATE_NOOP("EngineText", "L2 regularization of leaf values: leaf = -G / (H + lambda)"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Smallest hessian sum a child may have (as XGBoost; with squared error, rows)"),
    QT_TRANSLATE_NOOP("EngineText", "Smallest gain (XGBoost's loss change) a split needs"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Fraction of rows each round trains on (seeded draw per round)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Fraction of features each tree may split on (seeded draw per tree)"),
    QT_TRANSLATE_NOOP("EngineText", "Bins per feature (values are binned once before boosting)"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Hold out validation_fraction of the rows and stop when its loss stops improving"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Share of rows held out for early stopping (stratified for classification)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Early stopping: rounds without a better validation loss before stopping"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Classification: weight classes equally (balanced) or rows equally (none)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Penalty on the coefficients (the intercept is never penalized)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Inverse regularization strength: loss = C·Σ log-loss + penalty"),
    QT_TRANSLATE_NOOP("EngineText", "Elastic net: share of the L1 part in the penalty"),
    QT_TRANSLATE_NOOP("EngineText", "Maximum number of solver (L-BFGS / OWL-QN) iterations"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Stop when every gradient component of the mean loss is at most tol, or an "
                      "iteration lowers the loss by less than tol·0.0022 of it"),
    QT_TRANSLATE_NOOP("EngineText",
                      "balanced: weight classes inversely to their counts; none: every row 1"),
    QT_TRANSLATE_NOOP("EngineText", "Fit an intercept (unpenalized)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "none: ordinary least squares; l2: ridge; l1: lasso; elasticnet: both"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Penalty strength, as scikit-learn's Ridge (‖y−Xw‖² + alpha·‖w‖²) and Lasso "
                      "/ ElasticNet (‖y−Xw‖²/(2n) + alpha·penalty)"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Maximum iterations of the iterative solvers (lasso, elastic net, many columns)"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Convergence tolerance (duality gap relative to Σ(y−ȳ)² for lasso and elastic net; "
        "gradient size relative to the target's spread with many columns)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Neighbours that vote for each prediction (at most the training rows)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "uniform: every neighbour counts the same; distance: 1 / distance (exact "
                      "matches take all the weight)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Distance between rows: straight-line or sum of absolute differences"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Column scaling before distances: mean 0 and deviation 1, range [0, 1], or none"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Neighbour search (same results): auto uses a KD-tree up to 64 encoded "
                      "columns, brute force above"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Added to every Gaussian variance, as a fraction of the largest numeric feature variance"),
    QT_TRANSLATE_NOOP("EngineText", "Additive smoothing of category counts (1: Laplace)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Class priors: none uses class frequencies, balanced makes them equal"),
    QT_TRANSLATE_NOOP("EngineText", "units of each hidden layer, comma-separated (e.g. 64,64)"),
    QT_TRANSLATE_NOOP("EngineText", "activation of the hidden units"),
    QT_TRANSLATE_NOOP("EngineText",
                      "fraction of hidden units dropped at random in each training batch"),
    QT_TRANSLATE_NOOP("EngineText", "L2 penalty on the weights (scikit-learn's alpha)"),
    QT_TRANSLATE_NOOP("EngineText", "Adam, or stochastic gradient descent with Nesterov momentum"),
    QT_TRANSLATE_NOOP("EngineText", "initial step size of the optimizer"),
    QT_TRANSLATE_NOOP("EngineText", "momentum of SGD (unused by Adam)"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "learning rate over the epochs: constant, step (x0.1 at 50% and 75%), or cosine"),
    QT_TRANSLATE_NOOP("EngineText", "rows per minibatch (auto: min(200, rows))"),
    QT_TRANSLATE_NOOP("EngineText", "maximum number of passes over the training rows"),
    QT_TRANSLATE_NOOP("EngineText",
                      "hold out validation_fraction of the rows and stop when their score stalls"),
    QT_TRANSLATE_NOOP("EngineText", "fraction of the rows held out for early stopping"),
    QT_TRANSLATE_NOOP("EngineText",
                      "epochs without an improvement of at least tol before stopping"),
    QT_TRANSLATE_NOOP("EngineText",
                      "smallest improvement of the loss (or validation score) that counts"),
};

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace

const char* EngineText::sourceDescription(std::string_view learnerName) {
    for (const Description& d : kDescriptions)
        if (learnerName == d.learner) return d.text;
    return nullptr;
}

bool EngineText::hasHelp(const std::string& help) {
    return std::any_of(std::begin(kHelps), std::end(kHelps),
                       [&](const char* h) { return help == h; }) ||
           hasStepHelp(help);
}

QString EngineText::learnerDescription(const Learner& learner) {
    const char* source = sourceDescription(learner.name());
    // A stale copy would translate an outdated text: show the engine's own then.
    if (!source || learner.description() != source) return fromView(learner.description());
    return tr(source);
}

QString EngineText::paramHelp(const ParamSpec& spec) {
    if (!hasHelp(spec.help)) return QString::fromStdString(spec.help);
    return tr(spec.help.c_str());
}

QString EngineText::taskText(TaskKind task) {
    return task == TaskKind::Classification ? tr("classification") : tr("regression");
}

QString EngineText::validationText(const ValidationPlan& plan, std::size_t testRows) {
    const QString rule = plan.rule == FoldRule::Index
                             ? tr("index", "fold rule: row i goes to fold i mod K")
                             : tr("stratified", "fold rule: classes spread evenly over the folds");
    switch (plan.kind) {
        case ValidationPlan::Kind::CrossValidation:
            return tr("%1-fold cross-validation (%2), pooled out-of-fold predictions")
                .arg(static_cast<qulonglong>(plan.folds))
                .arg(rule);
        case ValidationPlan::Kind::Holdout:
            return tr("holdout: %n test row(s) (%1)", "", static_cast<int>(testRows)).arg(rule);
        case ValidationPlan::Kind::TrainingRows:
            break;
    }
    return tr("training rows (no validation)");
}

}  // namespace glassbox::gui
