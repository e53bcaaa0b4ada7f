// The multilayer perceptron: trained with LibTorch (mlp_training.cpp), predicted here in plain
// C++ so that predictions do not depend on LibTorch's thread count or kernels, and a reloaded
// model predicts bit-identically.
#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/learner.h"
#include "engine/mlp_training.h"
#include "engine/numeric_encoder.h"

namespace glassbox {
namespace {

constexpr std::int64_t kMaxLayerWidth = 4096;
constexpr std::size_t kMaxHiddenLayers = 32;

double activate(double x, MlpActivation activation) {
    switch (activation) {
        case MlpActivation::Relu:
            return x > 0 ? x : 0.0;
        case MlpActivation::Tanh:
            return std::tanh(x);
        case MlpActivation::Logistic:
            return 1 / (1 + std::exp(-x));
    }
    return x;
}

class MlpModel final : public Model {
  public:
    MlpModel(NumericEncoder encoder, TaskKind task, MlpActivation activation,
             std::vector<MlpLayer> layers, double targetMean, double targetScale,
             MlpTrainingResult summary)
        : encoder_(std::move(encoder)),
          task_(task),
          activation_(activation),
          layers_(std::move(layers)),
          targetMean_(targetMean),
          targetScale_(targetScale),
          epochs_(summary.epochs),
          loss_(summary.loss),
          validationScore_(summary.validationScore) {
        // Transposed double copies: inputs x outputs, so the inner loop of predict() runs
        // over contiguous outputs (vectorizable, a fixed summation order per output).
        for (const MlpLayer& layer : layers_) {
            std::vector<double> t(layer.weights.size());
            for (std::size_t o = 0; o < layer.outputs; ++o)
                for (std::size_t i = 0; i < layer.inputs; ++i)
                    t[i * layer.outputs + o] = layer.weights[o * layer.inputs + i];
            transposed_.push_back(std::move(t));
        }
    }

    Predictions predict(const FeatureMatrix& features, const TaskContext& task) const override {
        const std::size_t rows = features.rows();
        const std::size_t inputs = encoder_.outputCount();
        const std::vector<float> x = encoder_.transformFloat(features);
        const std::size_t outputs = layers_.back().outputs;
        Predictions p;
        p.task = task_;
        p.rows = rows;
        if (task_ == TaskKind::Classification) {
            p.classCount = outputs;
            p.probabilities.resize(rows * outputs);
        } else {
            p.values.resize(rows);
        }
        std::size_t widest = inputs;
        for (const MlpLayer& layer : layers_) widest = std::max(widest, layer.outputs);
        std::vector<double> a(widest);
        std::vector<double> b(widest);
        for (std::size_t r = 0; r < rows; ++r) {
            if (r % 4096 == 0) task.report(static_cast<double>(r) / rows, "predicting");
            std::copy(x.begin() + r * inputs, x.begin() + (r + 1) * inputs, a.begin());
            for (std::size_t l = 0; l < layers_.size(); ++l) {
                const MlpLayer& layer = layers_[l];
                const std::vector<double>& w = transposed_[l];
                std::copy(layer.biases.begin(), layer.biases.end(), b.begin());
                for (std::size_t i = 0; i < layer.inputs; ++i) {
                    const double xi = a[i];
                    if (xi == 0) continue;  // one-hot zeros and inactive ReLU units
                    const double* wi = w.data() + i * layer.outputs;
                    for (std::size_t o = 0; o < layer.outputs; ++o) b[o] += wi[o] * xi;
                }
                if (l + 1 < layers_.size())
                    for (std::size_t o = 0; o < layer.outputs; ++o)
                        b[o] = activate(b[o], activation_);
                std::swap(a, b);
            }
            if (task_ == TaskKind::Regression) {
                p.values[r] = a[0] * targetScale_ + targetMean_;
                continue;
            }
            const double top = *std::max_element(a.begin(), a.begin() + outputs);
            double sum = 0;
            for (std::size_t o = 0; o < outputs; ++o) sum += a[o] = std::exp(a[o] - top);
            for (std::size_t o = 0; o < outputs; ++o) p.probabilities[r * outputs + o] = a[o] / sum;
        }
        return p;
    }

    void save(ByteWriter& out) const override {
        encoder_.save(out);
        out.put<std::uint8_t>(static_cast<std::uint8_t>(task_));
        out.put<std::uint8_t>(static_cast<std::uint8_t>(activation_));
        out.put<std::uint64_t>(layers_.size());
        for (const MlpLayer& layer : layers_) {
            out.put<std::uint64_t>(layer.inputs);
            out.put<std::uint64_t>(layer.outputs);
            out.putVector(layer.weights);
            out.putVector(layer.biases);
        }
        out.put(targetMean_);
        out.put(targetScale_);
        out.put<std::uint64_t>(epochs_);
        out.put(loss_);
        out.put(validationScore_);
    }

    std::vector<std::pair<std::string, double>> fitSummary() const override {
        std::vector<std::pair<std::string, double>> s{{"epochs", static_cast<double>(epochs_)},
                                                      {"training_loss", loss_}};
        if (!std::isnan(validationScore_)) s.emplace_back("validation_score", validationScore_);
        return s;
    }

  private:
    NumericEncoder encoder_;
    TaskKind task_;
    MlpActivation activation_;
    std::vector<MlpLayer> layers_;
    double targetMean_;
    double targetScale_;
    std::size_t epochs_;
    double loss_;
    double validationScore_;
    std::vector<std::vector<double>> transposed_;
};

template <class E>
E choiceOf(const ParamValues& params, const std::string& name,
           std::initializer_list<std::pair<const char*, E>> choices) {
    for (const auto& [word, value] : choices)
        if (params.text(name) == word) return value;
    throw InvalidArgument(name, "unknown choice \"" + params.text(name) + "\"");
}

MlpSettings settingsFrom(const ParamValues& params, const FitOptions& options) {
    MlpSettings s;
    for (std::int64_t width : params.integerList("hidden_layers"))
        s.hiddenLayers.push_back(static_cast<std::size_t>(width));
    if (s.hiddenLayers.size() > kMaxHiddenLayers)
        throw InvalidArgument("hidden_layers", "at most " + std::to_string(kMaxHiddenLayers) +
                                                   " hidden layers are supported");
    s.activation = choiceOf<MlpActivation>(params, "activation",
                                           {{"relu", MlpActivation::Relu},
                                            {"tanh", MlpActivation::Tanh},
                                            {"logistic", MlpActivation::Logistic}});
    s.dropout = params.real("dropout");
    s.weightDecay = params.real("weight_decay");
    s.optimizer = choiceOf<MlpOptimizer>(
        params, "optimizer", {{"adam", MlpOptimizer::Adam}, {"sgd", MlpOptimizer::Sgd}});
    s.learningRate = params.real("learning_rate");
    s.momentum = params.real("momentum");
    s.schedule = choiceOf<MlpSchedule>(params, "lr_schedule",
                                       {{"constant", MlpSchedule::Constant},
                                        {"step", MlpSchedule::Step},
                                        {"cosine", MlpSchedule::Cosine}});
    const std::optional<std::int64_t> batch = params.optionalInteger("batch_size");
    s.batchSize = batch ? static_cast<std::size_t>(*batch) : 0;
    s.epochs = static_cast<std::size_t>(params.integer("epochs"));
    s.earlyStopping = params.boolean("early_stopping");
    s.validationFraction = params.real("validation_fraction");
    s.patience = static_cast<std::size_t>(params.integer("n_iter_no_change"));
    s.tol = params.real("tol");
    s.seed = options.seed;
    s.threads = options.threads;
    return s;
}

class MlpLearner final : public Learner {
  public:
    std::string_view name() const override { return "mlp"; }
    std::string_view description() const override {
        return "Multilayer perceptron (LibTorch): dense layers trained by Adam or SGD";
    }
    bool supports(TaskKind) const override { return true; }

    const ParamSpecs& params() const override {
        // Defaults as scikit-learn's MLPClassifier / MLPRegressor (one hidden layer of 100).
        static const ParamSpecs specs = {
            {"hidden_layers",
             ParamType::IntegerList,
             "100",
             1,
             kMaxLayerWidth,
             false,
             {},
             "units of each hidden layer, comma-separated (e.g. 64,64)"},
            {"activation",
             ParamType::Choice,
             "relu",
             0,
             0,
             false,
             {"relu", "tanh", "logistic"},
             "activation of the hidden units"},
            {"dropout",
             ParamType::Real,
             "0",
             0,
             0.95,
             false,
             {},
             "fraction of hidden units dropped at random in each training batch"},
            {"weight_decay",
             ParamType::Real,
             "0.0001",
             0,
             1e6,
             false,
             {},
             "L2 penalty on the weights (scikit-learn's alpha)"},
            {"optimizer",
             ParamType::Choice,
             "adam",
             0,
             0,
             false,
             {"adam", "sgd"},
             "Adam, or stochastic gradient descent with Nesterov momentum"},
            {"learning_rate",
             ParamType::Real,
             "0.001",
             0,
             10,
             true,
             {},
             "initial step size of the optimizer"},
            {"momentum",
             ParamType::Real,
             "0.9",
             0,
             0.999,
             false,
             {},
             "momentum of SGD (unused by Adam)"},
            {"lr_schedule",
             ParamType::Choice,
             "constant",
             0,
             0,
             false,
             {"constant", "step", "cosine"},
             "learning rate over the epochs: constant, step (x0.1 at 50% and 75%), or cosine"},
            {"batch_size",
             ParamType::Integer,
             "auto",
             1,
             1e7,
             false,
             {"auto"},
             "rows per minibatch (auto: min(200, rows))"},
            {"epochs",
             ParamType::Integer,
             "200",
             1,
             100000,
             false,
             {},
             "maximum number of passes over the training rows"},
            {"early_stopping",
             ParamType::Boolean,
             "false",
             0,
             0,
             false,
             {},
             "hold out validation_fraction of the rows and stop when their score stalls"},
            {"validation_fraction",
             ParamType::Real,
             "0.1",
             0,
             0.9,
             true,
             {},
             "fraction of the rows held out for early stopping"},
            {"n_iter_no_change",
             ParamType::Integer,
             "10",
             1,
             100000,
             false,
             {},
             "epochs without an improvement of at least tol before stopping"},
            {"tol",
             ParamType::Real,
             "0.0001",
             0,
             1,
             false,
             {},
             "smallest improvement of the loss (or validation score) that counts"},
            {"class_weight",
             ParamType::Choice,
             "none",
             0,
             0,
             false,
             {"none", "balanced"},
             "balanced: weight classes inversely to their frequency"},
        };
        return specs;
    }

    std::unique_ptr<Model> fit(const Dataset& data, const ParamValues& params,
                               const FitOptions& options, const TaskContext& task) const override {
        const MlpSettings settings = settingsFrom(params, options);
        if (data.rows() == 0) throw InvalidArgument("--target", "no rows to train on");
        NumericEncoder encoder = NumericEncoder::fit(data.features, true);
        MlpTrainingData training;
        training.task = data.task;
        training.rows = data.rows();
        training.inputs = encoder.outputCount();
        training.x = encoder.transformFloat(data.features);
        double targetMean = 0;
        double targetScale = 1;
        if (data.task == TaskKind::Classification) {
            training.outputs = data.classCount();
            training.labels = data.labels;
            if (params.text("class_weight") == "balanced")
                for (double w : balancedClassWeights(data))
                    training.classWeights.push_back(static_cast<float>(w));
        } else {
            training.outputs = 1;
            if (!std::all_of(data.targets.begin(), data.targets.end(),
                             [](double t) { return std::isfinite(t); }))
                throw InvalidArgument("--target", "the mlp needs finite target values");
            double sum = 0;
            for (double t : data.targets) sum += t;
            targetMean = sum / std::max<std::size_t>(1, data.rows());
            double squares = 0;
            for (double t : data.targets) squares += (t - targetMean) * (t - targetMean);
            const double sd = std::sqrt(squares / std::max<std::size_t>(1, data.rows()));
            targetScale = sd > 0 && std::isfinite(sd) ? sd : 1.0;
            for (double t : data.targets)
                training.targets.push_back(static_cast<float>((t - targetMean) / targetScale));
        }
        MlpTrainingResult result = trainMlp(training, settings, task);
        std::vector<MlpLayer> layers = std::move(result.layers);
        return std::make_unique<MlpModel>(std::move(encoder), data.task, settings.activation,
                                          std::move(layers), targetMean, targetScale,
                                          std::move(result));
    }

    std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                std::size_t classCount) const override {
        NumericEncoder encoder = NumericEncoder::load(in, schema);
        in.require(in.get<std::uint8_t>() == static_cast<std::uint8_t>(task),
                   "the model was fitted for another task");
        const std::uint8_t activation = in.get<std::uint8_t>();
        in.require(activation <= static_cast<std::uint8_t>(MlpActivation::Logistic),
                   "unknown activation");
        const std::uint64_t count = in.get<std::uint64_t>();
        in.require(count >= 2 && count <= kMaxHiddenLayers + 1, "invalid number of layers");
        if (task == TaskKind::Classification)
            in.require(classCount >= 2, "a classifier needs at least 2 classes");
        std::vector<MlpLayer> layers;
        for (std::uint64_t l = 0; l < count; ++l) {
            MlpLayer layer;
            layer.inputs = in.get<std::uint64_t>();
            layer.outputs = in.get<std::uint64_t>();
            const std::size_t expectedInputs =
                l == 0 ? encoder.outputCount() : layers.back().outputs;
            in.require(layer.inputs == expectedInputs, "a layer's inputs do not match");
            if (l + 1 < count)
                in.require(layer.outputs >= 1 &&
                               layer.outputs <= static_cast<std::uint64_t>(kMaxLayerWidth),
                           "invalid hidden layer width");
            else
                in.require(layer.outputs ==
                               (task == TaskKind::Classification ? classCount : std::size_t{1}),
                           "the output layer does not match the classes");
            layer.weights = in.getVector<float>();
            layer.biases = in.getVector<float>();
            in.require(layer.weights.size() == layer.inputs * layer.outputs &&
                           layer.biases.size() == layer.outputs,
                       "a layer's weights do not match its shape");
            const auto finite = [](float v) { return std::isfinite(v); };
            in.require(std::all_of(layer.weights.begin(), layer.weights.end(), finite) &&
                           std::all_of(layer.biases.begin(), layer.biases.end(), finite),
                       "a weight is not a finite number");
            layers.push_back(std::move(layer));
        }
        const double targetMean = in.get<double>();
        const double targetScale = in.get<double>();
        in.require(std::isfinite(targetMean) && std::isfinite(targetScale) && targetScale > 0,
                   "invalid target scaling");
        MlpTrainingResult summary;
        summary.epochs = in.get<std::uint64_t>();
        summary.loss = in.get<double>();
        summary.validationScore = in.get<double>();
        return std::make_unique<MlpModel>(std::move(encoder), task,
                                          static_cast<MlpActivation>(activation), std::move(layers),
                                          targetMean, targetScale, summary);
    }
};

}  // namespace

const Learner& mlpLearner() {
    static const MlpLearner learner;
    return learner;
}

}  // namespace glassbox
