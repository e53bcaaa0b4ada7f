#include "engine/student_t.h"

#include <cmath>
#include <limits>

namespace glassbox {
namespace {

// The continued fraction of I_x(a, b) (Abramowitz & Stegun 26.5.8), evaluated with the modified
// Lentz method; converges quickly for x < (a + 1) / (a + b + 2).
double incompleteBetaFraction(double a, double b, double x) {
    constexpr double kTiny = 1e-300;
    constexpr double kEpsilon = 1e-16;
    constexpr int kMaxTerms = 100000;
    auto guard = [](double v) { return std::fabs(v) < kTiny ? kTiny : v; };
    // The first term d_1 = -(a + b) x / (a + 1), then pairs d_{2m}, d_{2m+1}.
    double c = 1.0;
    double d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
    double fraction = d;
    for (int m = 1; m <= kMaxTerms; ++m) {
        const double twoM = 2.0 * m;
        const double even = m * (b - m) * x / ((a + twoM - 1.0) * (a + twoM));
        d = 1.0 / guard(1.0 + even * d);
        c = guard(1.0 + even / c);
        fraction *= d * c;
        const double odd = -(a + m) * (a + b + m) * x / ((a + twoM) * (a + twoM + 1.0));
        d = 1.0 / guard(1.0 + odd * d);
        c = guard(1.0 + odd / c);
        const double step = d * c;
        fraction *= step;
        if (std::fabs(step - 1.0) < kEpsilon) break;
    }
    return fraction;
}

}  // namespace

double regularizedIncompleteBeta(double a, double b, double x) {
    if (!(a > 0) || !(b > 0) || std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
    if (x <= 0) return 0.0;
    if (x >= 1) return 1.0;
    // x^a (1-x)^b / B(a, b), in logarithms so large a and b do not overflow.
    const double logFront =
        a * std::log(x) + b * std::log1p(-x) + std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b);
    const double front = std::exp(logFront);
    // The fraction converges fast on one side of the mean; the symmetry
    // I_x(a, b) = 1 - I_{1-x}(b, a) covers the other.
    if (x < (a + 1.0) / (a + b + 2.0)) return front * incompleteBetaFraction(a, b, x) / a;
    return 1.0 - front * incompleteBetaFraction(b, a, 1.0 - x) / b;
}

double studentTTwoSidedP(double t, double df) {
    if (std::isnan(t) || !(df > 0)) return std::numeric_limits<double>::quiet_NaN();
    if (std::isinf(t)) return 0.0;
    // P(|T| >= |t|) = I_{df / (df + t^2)}(df / 2, 1 / 2).
    return regularizedIncompleteBeta(0.5 * df, 0.5, df / (df + t * t));
}

}  // namespace glassbox
