#pragma once

#include <cstddef>
#include <span>

#include "engine/learner.h"
#include "engine/shap.h"

namespace glassbox {

// Sampling SHAP for any model (Štrumbelj & Kononenko's permutation sampling with antithetic
// permutations): estimates the Shapley values of the interventional value function
// v(S) = mean over background rows b of f(the row's features in S, b's elsewhere), f being the
// model's probability per class (classification) or value. A seeded sample of at most
// options.backgroundRows rows of `background` is used; every background row gets the same
// number of permutation pairs (a random permutation and its reverse), at least
// options.samples permutations in all, so the values add up exactly: base = mean of f over
// the background sample, base + sum of contributions = f(row). Each row draws its permutations
// from its own stream of the seed: the result does not depend on options.threads. Method
// "sampling".
ShapValues samplingShap(const Model& model, TaskKind kind, std::size_t classCount,
                        const FeatureMatrix& x, std::span<const std::size_t> rows,
                        const FeatureMatrix& background, const ShapOptions& options,
                        const TaskContext& task);

}  // namespace glassbox
