#include "engine/linear_solvers.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/errors.h"

namespace glassbox {
namespace {

double dot(std::span<const double> a, std::span<const double> b) {
    // Four partial sums: a fixed order the compiler can vectorize.
    double s[4] = {0, 0, 0, 0};
    const std::size_t n = a.size(), n4 = n & ~std::size_t{3};
    for (std::size_t i = 0; i < n4; i += 4)
        for (std::size_t k = 0; k < 4; ++k) s[k] += a[i + k] * b[i + k];
    for (std::size_t i = n4; i < n; ++i) s[0] += a[i] * b[i];
    return (s[0] + s[1]) + (s[2] + s[3]);
}

double maxAbs(std::span<const double> a) {
    double m = 0;
    for (double v : a) m = std::max(m, std::fabs(v));
    return m;
}

double sign(double v) {
    return v > 0 ? 1.0 : (v < 0 ? -1.0 : 0.0);
}

// OWL-QN's pseudo-gradient of f + Σ l1|w|: the gradient where w is not zero, the smallest
// one-sided derivative (or 0) where it is.
void pseudoGradient(std::span<const double> w, std::span<const double> g,
                    std::span<const double> l1, std::span<double> pg) {
    if (l1.empty()) {
        std::copy(g.begin(), g.end(), pg.begin());
        return;
    }
    for (std::size_t i = 0; i < w.size(); ++i) {
        const double c = l1[i];
        if (w[i] > 0)
            pg[i] = g[i] + c;
        else if (w[i] < 0)
            pg[i] = g[i] - c;
        else if (g[i] + c < 0)
            pg[i] = g[i] + c;
        else if (g[i] - c > 0)
            pg[i] = g[i] - c;
        else
            pg[i] = 0;
    }
}

double l1Term(std::span<const double> w, std::span<const double> l1) {
    double s = 0;
    for (std::size_t i = 0; i < l1.size(); ++i) s += l1[i] * std::fabs(w[i]);
    return s;
}

}  // namespace

QuasiNewtonResult minimizeQuasiNewton(const SmoothObjective& f, std::vector<double>& w,
                                      std::span<const double> l1, const QuasiNewtonOptions& options,
                                      const TaskContext& task) {
    const std::size_t n = w.size();
    const std::size_t m = std::max<std::size_t>(1, options.history);
    bool anyL1 = false;
    for (double c : l1) anyL1 = anyL1 || c > 0;
    if (!anyL1) l1 = {};

    std::vector<double> g(n), pg(n), d(n), wNew(n), gNew(n), sNew(n), yNew(n), alpha(m);
    std::vector<std::vector<double>> s(m, std::vector<double>(n)), y(m, std::vector<double>(n));
    std::vector<double> rho(m);
    std::size_t stored = 0, newest = 0;  // ring buffer of the last `stored` pairs

    double value = f(w, g) + l1Term(w, l1);
    QuasiNewtonResult result;
    const std::string total = std::to_string(options.maxIterations);
    for (;;) {
        pseudoGradient(w, g, l1, pg);
        if (!std::isfinite(value)) throw Error("the optimization diverged (non-finite loss)");
        if (maxAbs(pg) <= options.tolerance) {
            result.converged = true;
            break;
        }
        if (result.iterations >= options.maxIterations) break;
        task.report(static_cast<double>(result.iterations) / options.maxIterations,
                    "iteration " + std::to_string(result.iterations + 1) + " of " + total);

        // Two-loop recursion: d = -H·pg.
        for (std::size_t i = 0; i < n; ++i) d[i] = -pg[i];
        for (std::size_t k = 0; k < stored; ++k) {
            const std::size_t j = (newest + m - k) % m;
            alpha[j] = rho[j] * dot(s[j], d);
            for (std::size_t i = 0; i < n; ++i) d[i] -= alpha[j] * y[j][i];
        }
        if (stored > 0) {
            const double gamma = 1.0 / (rho[newest] * dot(y[newest], y[newest]));
            for (double& v : d) v *= gamma;
        }
        for (std::size_t k = stored; k-- > 0;) {
            const std::size_t j = (newest + m - k) % m;
            const double beta = rho[j] * dot(y[j], d);
            for (std::size_t i = 0; i < n; ++i) d[i] += (alpha[j] - beta) * s[j][i];
        }
        if (anyL1)  // keep to the orthant the pseudo-gradient points into
            for (std::size_t i = 0; i < n; ++i)
                if (l1[i] > 0 && d[i] * pg[i] >= 0) d[i] = 0;
        if (dot(d, pg) >= 0) {  // not a descent direction: restart from steepest descent
            stored = 0;
            for (std::size_t i = 0; i < n; ++i) d[i] = -pg[i];
        }

        // Backtracking line search along d (projected onto the orthant for OWL-QN).
        double step = 1.0;
        if (stored == 0) step = 1.0 / std::max(std::sqrt(dot(d, d)), 1e-300);
        step = std::min(step, 1.0e10);
        bool accepted = false;
        double valueNew = 0;
        for (int tries = 0; tries < 60; ++tries) {
            for (std::size_t i = 0; i < n; ++i) wNew[i] = w[i] + step * d[i];
            if (anyL1)
                for (std::size_t i = 0; i < n; ++i) {
                    if (l1[i] <= 0) continue;
                    const double orthant = w[i] != 0 ? sign(w[i]) : -sign(pg[i]);
                    if (sign(wNew[i]) != orthant) wNew[i] = 0;
                }
            valueNew = f(wNew, gNew) + l1Term(wNew, l1);
            double decrease = 0;
            for (std::size_t i = 0; i < n; ++i) decrease += pg[i] * (wNew[i] - w[i]);
            if (std::isfinite(valueNew) && valueNew <= value + 1e-4 * decrease) {
                accepted = valueNew < value;
                break;
            }
            step *= 0.5;
        }
        if (!accepted) {
            if (stored == 0) break;  // no progress even along steepest descent: precision floor
            stored = 0;
            continue;
        }

        for (std::size_t i = 0; i < n; ++i) {
            sNew[i] = wNew[i] - w[i];
            yNew[i] = gNew[i] - g[i];
        }
        const double sy = dot(sNew, yNew);
        if (sy > 0 && sy > 1e-12 * dot(yNew, yNew)) {  // keep H positive definite
            const std::size_t slot = stored == 0 ? 0 : (newest + 1) % m;
            s[slot].swap(sNew);
            y[slot].swap(yNew);
            rho[slot] = 1.0 / sy;
            newest = slot;
            stored = std::min(stored + 1, m);
        }
        w.swap(wNew);
        g.swap(gNew);
        const double decrease = value - valueNew;
        value = valueNew;
        ++result.iterations;
        if (decrease <= options.relativeDecrease *
                            std::max({std::fabs(value), std::fabs(value + decrease), 1.0})) {
            result.converged = true;
            break;
        }
    }
    result.value = value;
    return result;
}

void symmetricEigen(std::vector<double>& a, std::size_t n, std::vector<double>& values) {
    // A port of JAMA's EigenvalueDecomposition (public domain), symmetric case.
    values.assign(n, 0.0);
    if (n == 0) return;
    std::vector<double> e(n, 0.0);
    std::vector<double>& d = values;
    auto V = [&](std::size_t i, std::size_t j) -> double& { return a[i * n + j]; };

    // tred2: Householder reduction to tridiagonal form.
    for (std::size_t j = 0; j < n; ++j) d[j] = V(n - 1, j);
    for (std::size_t i = n - 1; i > 0; --i) {
        double scale = 0.0, h = 0.0;
        for (std::size_t k = 0; k < i; ++k) scale += std::fabs(d[k]);
        if (scale == 0.0) {
            e[i] = d[i - 1];
            for (std::size_t j = 0; j < i; ++j) {
                d[j] = V(i - 1, j);
                V(i, j) = 0.0;
                V(j, i) = 0.0;
            }
        } else {
            for (std::size_t k = 0; k < i; ++k) {
                d[k] /= scale;
                h += d[k] * d[k];
            }
            double f = d[i - 1];
            double g = std::sqrt(h);
            if (f > 0) g = -g;
            e[i] = scale * g;
            h -= f * g;
            d[i - 1] = f - g;
            for (std::size_t j = 0; j < i; ++j) e[j] = 0.0;
            for (std::size_t j = 0; j < i; ++j) {
                f = d[j];
                V(j, i) = f;
                g = e[j] + V(j, j) * f;
                for (std::size_t k = j + 1; k + 1 <= i; ++k) {
                    g += V(k, j) * d[k];
                    e[k] += V(k, j) * f;
                }
                e[j] = g;
            }
            f = 0.0;
            for (std::size_t j = 0; j < i; ++j) {
                e[j] /= h;
                f += e[j] * d[j];
            }
            const double hh = f / (h + h);
            for (std::size_t j = 0; j < i; ++j) e[j] -= hh * d[j];
            for (std::size_t j = 0; j < i; ++j) {
                f = d[j];
                g = e[j];
                for (std::size_t k = j; k + 1 <= i; ++k) V(k, j) -= (f * e[k] + g * d[k]);
                d[j] = V(i - 1, j);
                V(i, j) = 0.0;
            }
        }
        d[i] = h;
    }
    for (std::size_t i = 0; i + 1 < n; ++i) {
        V(n - 1, i) = V(i, i);
        V(i, i) = 1.0;
        const double h = d[i + 1];
        if (h != 0.0) {
            for (std::size_t k = 0; k <= i; ++k) d[k] = V(k, i + 1) / h;
            for (std::size_t j = 0; j <= i; ++j) {
                double g = 0.0;
                for (std::size_t k = 0; k <= i; ++k) g += V(k, i + 1) * V(k, j);
                for (std::size_t k = 0; k <= i; ++k) V(k, j) -= g * d[k];
            }
        }
        for (std::size_t k = 0; k <= i; ++k) V(k, i + 1) = 0.0;
    }
    for (std::size_t j = 0; j < n; ++j) {
        d[j] = V(n - 1, j);
        V(n - 1, j) = 0.0;
    }
    V(n - 1, n - 1) = 1.0;
    e[0] = 0.0;

    // tql2: implicit QL iterations on the tridiagonal matrix.
    for (std::size_t i = 1; i < n; ++i) e[i - 1] = e[i];
    e[n - 1] = 0.0;
    double f = 0.0, tst1 = 0.0;
    const double eps = std::ldexp(1.0, -52);
    for (std::size_t l = 0; l < n; ++l) {
        tst1 = std::max(tst1, std::fabs(d[l]) + std::fabs(e[l]));
        std::size_t m = l;
        while (m < n) {
            if (std::fabs(e[m]) <= eps * tst1) break;
            ++m;
        }
        if (m == n) m = n - 1;  // e[n-1] is 0, so this only happens with NaN input
        if (m > l) {
            int iterations = 0;
            do {
                if (++iterations > 100 || !std::isfinite(tst1))
                    throw Error("the eigen-decomposition did not converge");
                double g = d[l];
                double p = (d[l + 1] - g) / (2.0 * e[l]);
                double r = std::hypot(p, 1.0);
                if (p < 0) r = -r;
                d[l] = e[l] / (p + r);
                d[l + 1] = e[l] * (p + r);
                const double dl1 = d[l + 1];
                double h = g - d[l];
                for (std::size_t i = l + 2; i < n; ++i) d[i] -= h;
                f += h;
                p = d[m];
                double c = 1.0, c2 = c, c3 = c;
                const double el1 = e[l + 1];
                double s = 0.0, s2 = 0.0;
                for (std::size_t i = m; i-- > l;) {
                    c3 = c2;
                    c2 = c;
                    s2 = s;
                    g = c * e[i];
                    h = c * p;
                    r = std::hypot(p, e[i]);
                    e[i + 1] = s * r;
                    s = e[i] / r;
                    c = p / r;
                    p = c * d[i] - s * g;
                    d[i + 1] = h + s * (c * g + s * d[i]);
                    for (std::size_t k = 0; k < n; ++k) {
                        h = V(k, i + 1);
                        V(k, i + 1) = s * V(k, i) + c * h;
                        V(k, i) = c * V(k, i) - s * h;
                    }
                }
                p = -s * s2 * c3 * el1 * e[l] / dl1;
                e[l] = s * p;
                d[l] = c * p;
            } while (std::fabs(e[l]) > eps * tst1);
        }
        d[l] += f;
        e[l] = 0.0;
    }

    // Ascending eigenvalues (selection sort, swapping eigenvector columns along).
    for (std::size_t i = 0; i + 1 < n; ++i) {
        std::size_t k = i;
        for (std::size_t j = i + 1; j < n; ++j)
            if (d[j] < d[k]) k = j;
        if (k == i) continue;
        std::swap(d[k], d[i]);
        for (std::size_t j = 0; j < n; ++j) std::swap(V(j, i), V(j, k));
    }
}

std::size_t elasticNetGram(std::span<const double> gram, std::span<const double> xty, double yty,
                           std::size_t n, double l1, double l2, std::vector<double>& w,
                           std::size_t maxSweeps, double tolerance, bool& converged,
                           const TaskContext& task) {
    converged = false;
    std::vector<double> hw(n, 0.0);  // G·w
    for (std::size_t i = 0; i < n; ++i)
        if (w[i] != 0)
            for (std::size_t j = 0; j < n; ++j) hw[j] += w[i] * gram[i * n + j];
    const double gapTolerance = tolerance * yty;
    const std::string total = std::to_string(maxSweeps);
    std::size_t sweep = 0;
    while (sweep < maxSweeps) {
        if (sweep % 16 == 0)
            task.report(static_cast<double>(sweep) / maxSweeps,
                        "sweep " + std::to_string(sweep + 1) + " of " + total);
        ++sweep;
        double wMax = 0, dwMax = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double gii = gram[i * n + i];
            if (gii <= 0) continue;
            const double old = w[i];
            const std::span<const double> row = gram.subspan(i * n, n);
            if (old != 0)
                for (std::size_t j = 0; j < n; ++j) hw[j] -= old * row[j];
            const double t = xty[i] - hw[i];
            w[i] = sign(t) * std::max(std::fabs(t) - l1, 0.0) / (gii + l2);
            if (w[i] != 0)
                for (std::size_t j = 0; j < n; ++j) hw[j] += w[i] * row[j];
            dwMax = std::max(dwMax, std::fabs(w[i] - old));
            wMax = std::max(wMax, std::fabs(w[i]));
        }
        if (wMax == 0 || dwMax / wMax < tolerance || sweep == maxSweeps) {
            // Duality gap, as scikit-learn computes it.
            double qw = 0, whw = 0, wNorm2 = 0, l1Norm = 0, dualNorm = 0;
            for (std::size_t i = 0; i < n; ++i) {
                qw += xty[i] * w[i];
                whw += w[i] * hw[i];
                wNorm2 += w[i] * w[i];
                l1Norm += std::fabs(w[i]);
                dualNorm = std::max(dualNorm, std::fabs(xty[i] - hw[i] - l2 * w[i]));
            }
            const double rNorm2 = yty + whw - 2 * qw;
            double c = 1.0, gap = rNorm2;
            if (dualNorm > l1) {
                c = l1 / dualNorm;
                gap = 0.5 * (rNorm2 + rNorm2 * c * c);
            }
            gap += l1 * l1Norm - c * (yty - qw) + 0.5 * l2 * (1 + c * c) * wNorm2;
            if (gap <= gapTolerance) {
                converged = true;
                break;
            }
        }
    }
    return sweep;
}

}  // namespace glassbox
