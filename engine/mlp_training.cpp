// The MLP's training loop on LibTorch tensors and autograd. Only ATen is included (not
// <torch/torch.h>): it is all this needs and compiles in a third of the time.
#include "engine/mlp_training.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <mutex>
#include <numbers>
#include <string>

#include "engine/errors.h"
#include "engine/random.h"

namespace glassbox {
namespace {

// Independent streams of Random(seed, stream), so that e.g. switching dropout on does not
// change the initialization or the batch order.
enum Stream : std::uint64_t {
    InitStream = 0,
    ShuffleStream = 1,
    SplitStream = 2,
    DropoutStream = 3
};

at::Tensor floatTensor(const std::vector<float>& values, std::int64_t rows, std::int64_t cols) {
    return at::from_blob(const_cast<float*>(values.data()), {rows, cols}, at::kFloat).clone();
}

at::Tensor rowIndex(const std::vector<std::int64_t>& rows) {
    return at::from_blob(const_cast<std::int64_t*>(rows.data()),
                         {static_cast<std::int64_t>(rows.size())}, at::kLong);
}

std::vector<float> toVector(const at::Tensor& t) {
    const at::Tensor c = t.contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

at::Tensor activate(const at::Tensor& x, MlpActivation activation) {
    switch (activation) {
        case MlpActivation::Relu:
            return at::relu(x);
        case MlpActivation::Tanh:
            return at::tanh(x);
        case MlpActivation::Logistic:
            return at::sigmoid(x);
    }
    return x;
}

// scikit-learn's initialization (Glorot uniform; bound sqrt(2 / (in + out)) for the logistic
// activation, sqrt(6 / (in + out)) otherwise), biases too, drawn from our seeded generator so
// the initial network does not depend on LibTorch's global generator.
std::vector<MlpLayer> initialLayers(std::size_t inputs, std::size_t outputs,
                                    const MlpSettings& settings) {
    Random random(settings.seed, InitStream);
    std::vector<std::size_t> widths{inputs};
    widths.insert(widths.end(), settings.hiddenLayers.begin(), settings.hiddenLayers.end());
    widths.push_back(outputs);
    std::vector<MlpLayer> layers;
    for (std::size_t l = 0; l + 1 < widths.size(); ++l) {
        MlpLayer layer{widths[l], widths[l + 1], {}, {}};
        const double factor = settings.activation == MlpActivation::Logistic ? 2.0 : 6.0;
        const double bound = std::sqrt(factor / static_cast<double>(layer.inputs + layer.outputs));
        layer.weights.resize(layer.inputs * layer.outputs);
        for (float& w : layer.weights) w = static_cast<float>((2 * random.uniform() - 1) * bound);
        layer.biases.resize(layer.outputs);
        for (float& b : layer.biases) b = static_cast<float>((2 * random.uniform() - 1) * bound);
        layers.push_back(std::move(layer));
    }
    return layers;
}

// Splits rows into training and validation (early stopping): a seeded shuffle, stratified by
// class for classification (systematic sampling over the rows sorted by class).
void splitRows(const MlpTrainingData& data, const MlpSettings& settings,
               std::vector<std::int64_t>& train, std::vector<std::int64_t>& validation) {
    std::vector<std::int64_t> order(data.rows);
    for (std::size_t r = 0; r < data.rows; ++r) order[r] = static_cast<std::int64_t>(r);
    if (!settings.earlyStopping) {
        train = std::move(order);
        return;
    }
    if (data.rows < 2) throw InvalidArgument("early_stopping", "needs at least 2 training rows");
    Random random(settings.seed, SplitStream);
    random.shuffle(order.begin(), order.end());
    if (data.task == TaskKind::Classification)
        std::stable_sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
            return data.labels[a] < data.labels[b];
        });
    const std::size_t n = data.rows;
    const std::size_t wanted =
        static_cast<std::size_t>(std::ceil(settings.validationFraction * static_cast<double>(n)));
    const std::size_t count = std::clamp<std::size_t>(wanted, 1, n - 1);
    for (std::size_t k = 0; k < n; ++k) {
        const bool picked = (k + 1) * count / n > k * count / n;
        (picked ? validation : train).push_back(order[k]);
    }
    std::sort(train.begin(), train.end());
    std::sort(validation.begin(), validation.end());
}

double learningRateAt(const MlpSettings& settings, std::size_t epoch) {
    const double progress = static_cast<double>(epoch) / static_cast<double>(settings.epochs);
    switch (settings.schedule) {
        case MlpSchedule::Constant:
            break;
        case MlpSchedule::Step:
            return settings.learningRate * (progress < 0.5 ? 1.0 : progress < 0.75 ? 0.1 : 0.01);
        case MlpSchedule::Cosine:
            return settings.learningRate * 0.5 * (1 + std::cos(std::numbers::pi * progress));
    }
    return settings.learningRate;
}

class Trainer {
  public:
    Trainer(const MlpTrainingData& data, const MlpSettings& settings)
        : data_(data), settings_(settings) {
        const auto rows = static_cast<std::int64_t>(data.rows);
        x_ = floatTensor(data.x, rows, static_cast<std::int64_t>(data.inputs));
        if (data.task == TaskKind::Classification) {
            // One-hot targets scaled by the class weight: the weighted log-loss is then
            // -(log_softmax * targets) summed, with no scatter in the backward pass.
            std::vector<float> onehot(data.rows * data.outputs, 0.0f);
            for (std::size_t r = 0; r < data.rows; ++r) {
                const auto label = static_cast<std::size_t>(data.labels[r]);
                onehot[r * data.outputs + label] =
                    data.classWeights.empty() ? 1.0f : data.classWeights[label];
            }
            y_ = floatTensor(onehot, rows, static_cast<std::int64_t>(data.outputs));
        } else {
            y_ = floatTensor(data.targets, rows, 1);
        }
        for (const MlpLayer& layer : initialLayers(data.inputs, data.outputs, settings)) {
            const auto in = static_cast<std::int64_t>(layer.inputs);
            const auto out = static_cast<std::int64_t>(layer.outputs);
            weights_.push_back(floatTensor(layer.weights, out, in).requires_grad_(true));
            biases_.push_back(floatTensor(layer.biases, 1, out).view({out}).requires_grad_(true));
        }
        for (const at::Tensor& w : weights_) params_.push_back(w);
        for (const at::Tensor& b : biases_) params_.push_back(b);
        for (const at::Tensor& p : params_) {
            first_.push_back(at::zeros_like(p));
            if (settings.optimizer == MlpOptimizer::Adam) second_.push_back(at::zeros_like(p));
        }
    }

    MlpTrainingResult run(const TaskContext& task) {
        std::vector<std::int64_t> train;
        std::vector<std::int64_t> validation;
        splitRows(data_, settings_, train, validation);
        const std::size_t batch = settings_.batchSize == 0
                                      ? std::min<std::size_t>(200, train.size())
                                      : std::min(settings_.batchSize, train.size());
        Random shuffle(settings_.seed, ShuffleStream);
        Random dropout(settings_.seed, DropoutStream);

        MlpTrainingResult result;
        result.validationScore = std::numeric_limits<double>::quiet_NaN();
        double bestLoss = std::numeric_limits<double>::infinity();
        double bestScore = -std::numeric_limits<double>::infinity();
        std::vector<at::Tensor> bestParams;
        std::size_t noImprovement = 0;
        const std::size_t epochs = settings_.epochs;
        auto lastReport = std::chrono::steady_clock::now();
        for (std::size_t epoch = 0; epoch < epochs; ++epoch) {
            const std::string stage =
                "epoch " + std::to_string(epoch + 1) + " of " + std::to_string(epochs);
            const double lr = learningRateAt(settings_, epoch);
            shuffle.shuffle(train.begin(), train.end());
            double lossSum = 0;
            for (std::size_t begin = 0; begin < train.size(); begin += batch) {
                task.checkCancelled();
                const std::size_t end = std::min(train.size(), begin + batch);
                const std::vector<std::int64_t> rows(train.begin() + begin, train.begin() + end);
                lossSum += step(rows, lr, dropout) * static_cast<double>(rows.size());
                const auto now = std::chrono::steady_clock::now();
                if (now - lastReport > std::chrono::milliseconds(100)) {
                    lastReport = now;
                    task.report((epoch + static_cast<double>(end) / train.size()) / epochs, stage);
                }
            }
            const double loss = lossSum / static_cast<double>(train.size());
            if (!std::isfinite(loss))
                throw InvalidArgument("learning_rate",
                                      "training diverged (the loss is not finite); try a "
                                      "smaller learning rate");
            result.epochs = epoch + 1;
            result.loss = loss;
            task.report(static_cast<double>(epoch + 1) / epochs, stage);

            // scikit-learn's stopping rule: no improvement by at least tol for more than
            // n_iter_no_change epochs, on the validation score or else the training loss.
            if (settings_.earlyStopping) {
                const double score = validationScore(validation);
                noImprovement = score < bestScore + settings_.tol ? noImprovement + 1 : 0;
                if (score > bestScore) {
                    bestScore = score;
                    bestParams.clear();
                    for (const at::Tensor& p : params_) bestParams.push_back(p.detach().clone());
                }
            } else {
                noImprovement = loss > bestLoss - settings_.tol ? noImprovement + 1 : 0;
                bestLoss = std::min(bestLoss, loss);
            }
            if (noImprovement > settings_.patience) break;
        }
        if (settings_.earlyStopping) {
            result.validationScore = bestScore;
            at::NoGradGuard noGrad;
            for (std::size_t i = 0; i < params_.size(); ++i) params_[i].copy_(bestParams[i]);
        }
        for (std::size_t l = 0; l < weights_.size(); ++l) {
            MlpLayer layer;
            layer.inputs = static_cast<std::size_t>(weights_[l].size(1));
            layer.outputs = static_cast<std::size_t>(weights_[l].size(0));
            layer.weights = toVector(weights_[l].detach());
            layer.biases = toVector(biases_[l].detach());
            result.layers.push_back(std::move(layer));
        }
        return result;
    }

  private:
    at::Tensor forward(const at::Tensor& x, Random* dropout) const {
        at::Tensor h = x;
        const std::size_t hidden = weights_.size() - 1;
        for (std::size_t l = 0; l < hidden; ++l) {
            h = activate(at::addmm(biases_[l], h, weights_[l].t()), settings_.activation);
            if (dropout && settings_.dropout > 0) {
                const float keep = static_cast<float>(1.0 - settings_.dropout);
                std::vector<float> mask(static_cast<std::size_t>(h.numel()));
                for (float& m : mask) m = dropout->uniform() < settings_.dropout ? 0.0f : 1 / keep;
                h = h * floatTensor(mask, h.size(0), h.size(1));
            }
        }
        return at::addmm(biases_[hidden], h, weights_[hidden].t());
    }

    // One minibatch: the loss as scikit-learn defines it (mean log-loss, or half the mean
    // squared error, plus alpha * sum(W^2) / (2 * batch rows)), backpropagated, one update.
    double step(const std::vector<std::int64_t>& rows, double lr, Random& dropout) {
        const at::Tensor index = rowIndex(rows);
        const at::Tensor x = x_.index_select(0, index);
        const at::Tensor y = y_.index_select(0, index);
        const double n = static_cast<double>(rows.size());
        const at::Tensor out = forward(x, &dropout);
        at::Tensor loss = data_.task == TaskKind::Classification
                              ? -(at::log_softmax(out, 1) * y).sum() / n
                              : (out - y).pow(2).sum() / (2 * n);
        if (settings_.weightDecay > 0) {
            at::Tensor squares = at::zeros({}, at::kFloat);
            for (const at::Tensor& w : weights_) squares = squares + w.pow(2).sum();
            loss = loss + squares * (settings_.weightDecay / (2 * n));
        }
        loss.backward();
        update(lr);
        return loss.item<double>();
    }

    // scikit-learn's optimizers: Adam (beta1 0.9, beta2 0.999, eps 1e-8, bias correction folded
    // into the step size) and SGD with Nesterov momentum.
    void update(double lr) {
        at::NoGradGuard noGrad;
        ++steps_;
        const double t = static_cast<double>(steps_);
        const double lrT = lr * std::sqrt(1 - std::pow(0.999, t)) / (1 - std::pow(0.9, t));
        for (std::size_t i = 0; i < params_.size(); ++i) {
            at::Tensor& p = params_[i];
            at::Tensor& grad = p.mutable_grad();
            if (settings_.optimizer == MlpOptimizer::Adam) {
                first_[i].mul_(0.9).add_(grad, 0.1);
                second_[i].mul_(0.999).addcmul_(grad, grad, 0.001);
                p.addcdiv_(first_[i], second_[i].sqrt().add_(1e-8), -lrT);
            } else {
                const double m = settings_.momentum;
                first_[i].mul_(m).sub_(grad, lr);
                p.add_(first_[i], m).sub_(grad, lr);
            }
            grad.zero_();
        }
    }

    // Accuracy (classification) or R^2 (regression) on the validation rows.
    double validationScore(const std::vector<std::int64_t>& rows) const {
        at::NoGradGuard noGrad;
        const at::Tensor index = rowIndex(rows);
        const at::Tensor out = forward(x_.index_select(0, index), nullptr);
        const at::Tensor y = y_.index_select(0, index);
        if (data_.task == TaskKind::Classification)
            return out.argmax(1).eq(y.argmax(1)).to(at::kDouble).mean().item<double>();
        const at::Tensor yd = y.to(at::kDouble);
        const double residual = (out.to(at::kDouble) - yd).pow(2).sum().item<double>();
        const double total = (yd - yd.mean()).pow(2).sum().item<double>();
        return total > 0 ? 1 - residual / total : (residual > 0 ? 0.0 : 1.0);
    }

    const MlpTrainingData& data_;
    const MlpSettings& settings_;
    at::Tensor x_;
    at::Tensor y_;
    std::vector<at::Tensor> weights_;
    std::vector<at::Tensor> biases_;
    std::vector<at::Tensor> params_;  // weights_, then biases_ (sharing their storage)
    std::vector<at::Tensor> first_;   // Adam's first moments, or SGD's velocities
    std::vector<at::Tensor> second_;  // Adam's second moments
    std::size_t steps_ = 0;
};

}  // namespace

MlpTrainingResult trainMlp(const MlpTrainingData& data, const MlpSettings& settings,
                           const TaskContext& task) {
    // LibTorch's thread count is process-wide (its reductions split work by it), so two trainings
    // at once (parallel cross-validation folds) would change each other's summation order and
    // results. One training at a time keeps every model reproducible from its seed.
    static std::mutex oneTrainingAtATime;
    const std::lock_guard<std::mutex> lock(oneTrainingAtATime);
    // Inter-op threads are left alone: they can be set only once per process and nothing here
    // uses them.
    at::set_num_threads(static_cast<int>(std::max(1u, settings.threads)));
    at::AutoGradMode gradients(true);
    Trainer trainer(data, settings);
    return trainer.run(task);
}

}  // namespace glassbox
