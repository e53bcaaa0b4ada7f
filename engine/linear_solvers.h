#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

#include "engine/task.h"

namespace glassbox {

// A smooth function: returns f(w) and writes its gradient into `gradient` (same size as w).
using SmoothObjective =
    std::function<double(std::span<const double> w, std::span<double> gradient)>;

struct QuasiNewtonOptions {
    std::size_t maxIterations = 100;
    // Converged when the largest component of the (pseudo-)gradient is at most this.
    double tolerance = 1e-6;
    // Also converged when an iteration lowers the objective by at most this fraction of it
    // (scipy's L-BFGS-B default, factr = 1e7, which scikit-learn's lbfgs solver uses).
    double relativeDecrease = 2.220446049250313e-09;
    std::size_t history = 10;
};

struct QuasiNewtonResult {
    std::size_t iterations = 0;
    bool converged = false;
    double value = 0;  // f(w) + the L1 term at the returned w
};

// Minimizes f(w) + Σ l1[i]·|w[i]| starting from `w`: L-BFGS with a backtracking (Armijo) line
// search, or OWL-QN (Andrew & Gao 2007) when some l1[i] > 0; `l1` is empty or has w's size.
// Reports "iteration i of n" through `task` once per iteration (and throws Cancelled).
QuasiNewtonResult minimizeQuasiNewton(const SmoothObjective& f, std::vector<double>& w,
                                      std::span<const double> l1, const QuasiNewtonOptions& options,
                                      const TaskContext& task);

// Eigen-decomposition of the symmetric n x n row-major matrix `a` (Householder
// tridiagonalization and implicit QL, as EISPACK tred2/tql2): on return `a` holds the
// eigenvectors as columns and `values` the eigenvalues in ascending order.
void symmetricEigen(std::vector<double>& a, std::size_t n, std::vector<double>& values);

// Elastic net by cyclic coordinate descent on a Gram matrix (scikit-learn's
// enet_coordinate_descent_gram): minimizes ½·(yty − 2·btw + wᵀGw) + l1·‖w‖₁ + ½·l2·‖w‖², with
// G = XᵀX (n x n row-major), b = Xᵀy, yty = yᵀy. Stops when the duality gap is at most
// tolerance·yty or after maxSweeps sweeps. Returns the sweeps run; `converged` tells which.
std::size_t elasticNetGram(std::span<const double> gram, std::span<const double> xty, double yty,
                           std::size_t n, double l1, double l2, std::vector<double>& w,
                           std::size_t maxSweeps, double tolerance, bool& converged,
                           const TaskContext& task);

}  // namespace glassbox
