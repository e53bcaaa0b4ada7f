#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/dataset.h"
#include "engine/param_spec.h"
#include "engine/task.h"

namespace glassbox {

class ByteReader;
class ByteWriter;
struct FlatTree;

// What a model outputs for some rows. Classification: `probabilities` is row-major
// rows x classCount; regression: `values` has one number per row.
struct Predictions {
    TaskKind task = TaskKind::Classification;
    std::size_t rows = 0;
    std::size_t classCount = 0;
    std::vector<double> probabilities;
    std::vector<double> values;

    std::span<const double> probabilitiesOf(std::size_t row) const {
        return std::span<const double>(probabilities).subspan(row * classCount, classCount);
    }
    // The class with the highest probability (the first on ties).
    std::int32_t predictedClass(std::size_t row) const;
};

// Settings that are not model parameters: they change how, not what, is fitted.
struct FitOptions {
    std::uint64_t seed = 0;
    unsigned threads = 1;  // >= 1
};

// How a tree model turns its trees' leaf values into its output (read by TreeSHAP): output o
// of a row is base[o] + scale * (sum of the leaf values its trees give it), where tree t's
// valueSize leaf values go to outputs firstOutput[t], firstOutput[t] + 1, ...
struct TreeEnsembleLayout {
    // "probability" (class fractions, one output per class), "log-odds" (raw boosting scores:
    // one output, the second class's log-odds, for two classes; one per class for more), or
    // "value" (regression).
    std::string output;
    std::size_t outputs = 1;
    std::vector<double> base;  // per output
    double scale = 1.0;
    std::vector<std::size_t> firstOutput;  // per tree
};

// A fitted model. Immutable; predict() may be called from several threads at once.
class Model {
  public:
    virtual ~Model() = default;

    // `features` is encoded with the schema the model was fitted on.
    virtual Predictions predict(const FeatureMatrix& features, const TaskContext& task) const = 0;
    // Writes everything predict() needs; the learner's load() reads it back. Saving twice gives
    // identical bytes, and a reloaded model predicts bit-identically.
    virtual void save(ByteWriter& out) const = 0;

    // Tree models: their trees (one for a decision tree; a forest's; boosting's in round order,
    // class by class). Empty for other models.
    virtual std::span<const FlatTree> trees() const { return {}; }
    // Tree models: how trees() combine into the output. None for other models.
    virtual std::optional<TreeEnsembleLayout> treeLayout() const { return std::nullopt; }
    // Numbers worth reporting after fitting (out-of-bag score, rounds kept by early stopping,
    // epochs run, coefficients count, ...), as name/value pairs.
    virtual std::vector<std::pair<std::string, double>> fitSummary() const { return {}; }
};

// A family of models: its parameters and how to fit and load one.
class Learner {
  public:
    virtual ~Learner() = default;

    // The CLI's KIND: "decision_tree", "random_forest", ...
    virtual std::string_view name() const = 0;
    // One line for help texts and the GUI.
    virtual std::string_view description() const = 0;
    virtual const ParamSpecs& params() const = 0;
    virtual bool supports(TaskKind task) const = 0;

    // Fits on all rows of `data`. Reports progress and throws Cancelled through `task`;
    // throws InvalidArgument(parameter) for parameter values that do not fit the data.
    virtual std::unique_ptr<Model> fit(const Dataset& data, const ParamValues& params,
                                       const FitOptions& options,
                                       const TaskContext& task) const = 0;
    // Reads a model written by Model::save for a dataset with `schema`, `task` and
    // `classCount` classes; throws ModelFormatError on anything inconsistent.
    virtual std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                        std::size_t classCount) const = 0;
};

// Every learner, in the order the GUI lists them.
std::span<const Learner* const> allLearners();
// Throws InvalidArgument("--model") naming the known kinds when there is none called `name`.
const Learner& learnerNamed(std::string_view name);

}  // namespace glassbox
