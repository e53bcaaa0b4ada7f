#pragma once

namespace glassbox {

// The regularized incomplete beta function I_x(a, b) for a, b > 0 and x in [0, 1]: the
// cumulative distribution of the Beta(a, b) distribution at x.
double regularizedIncompleteBeta(double a, double b, double x);

// P(|T| >= |t|) for Student's t distribution with `df` > 0 degrees of freedom: the two-sided
// p-value of a t statistic. 1 for t = 0, 0 for an infinite t.
double studentTTwoSidedP(double t, double df);

}  // namespace glassbox
