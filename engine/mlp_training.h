#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/dataset.h"
#include "engine/task.h"

// The MLP's training, done with LibTorch in mlp_training.cpp: the one translation unit that
// includes LibTorch headers. This interface is plain numbers, so nothing else sees LibTorch.
namespace glassbox {

enum class MlpActivation : std::uint8_t { Relu, Tanh, Logistic };
enum class MlpOptimizer : std::uint8_t { Adam, Sgd };
enum class MlpSchedule : std::uint8_t { Constant, Step, Cosine };

// One dense layer: outputs = weights (outputs x inputs, row-major) * inputs + biases.
struct MlpLayer {
    std::size_t inputs = 0;
    std::size_t outputs = 0;
    std::vector<float> weights;
    std::vector<float> biases;
};

struct MlpSettings {
    std::vector<std::size_t> hiddenLayers;
    MlpActivation activation = MlpActivation::Relu;
    double dropout = 0.0;
    double weightDecay = 0.0;  // scikit-learn's alpha
    MlpOptimizer optimizer = MlpOptimizer::Adam;
    double learningRate = 1e-3;
    double momentum = 0.9;
    MlpSchedule schedule = MlpSchedule::Constant;
    std::size_t batchSize = 0;  // 0: min(200, training rows)
    std::size_t epochs = 200;
    bool earlyStopping = false;
    double validationFraction = 0.1;
    std::size_t patience = 10;  // n_iter_no_change
    double tol = 1e-4;
    std::uint64_t seed = 0;
    unsigned threads = 1;
};

// Encoded training rows. Classification: `labels` in [0, outputs), `classWeights` one per class
// (empty: all 1). Regression: `targets` (standardized by the caller), outputs = 1.
struct MlpTrainingData {
    TaskKind task = TaskKind::Classification;
    std::size_t rows = 0;
    std::size_t inputs = 0;
    std::size_t outputs = 0;
    std::vector<float> x;  // rows x inputs, row-major
    std::vector<std::int32_t> labels;
    std::vector<float> classWeights;
    std::vector<float> targets;
};

struct MlpTrainingResult {
    std::vector<MlpLayer> layers;  // hidden layers, then the output layer
    std::size_t epochs = 0;        // epochs run
    double loss = 0.0;             // training loss of the last epoch (with the L2 term)
    double validationScore = 0.0;  // best validation score (early stopping only; else NaN)
};

// Trains from a seeded initialization with seeded shuffling, checking `task` for cancellation
// between batches. Throws InvalidArgument("learning_rate") when training diverges.
MlpTrainingResult trainMlp(const MlpTrainingData& data, const MlpSettings& settings,
                           const TaskContext& task);

}  // namespace glassbox
