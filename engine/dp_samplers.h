#pragma once

#include <cstdint>

#include "engine/dp_random.h"

namespace glassbox {

// A non-negative rational number num / den, den >= 1.
struct Fraction {
    std::uint64_t num = 0;
    std::uint64_t den = 1;
};

// Exact samplers of Canonne, Kamath & Steinke, "The Discrete Gaussian for Differential Privacy"
// (NeurIPS 2020), Algorithms 1-3. They use integer arithmetic only (64 and 128 bits) and uniform
// random words, so the output distribution is exactly the stated one: there is no floating-point
// rounding that could make some outputs unreachable or over-likely (Mironov, CCS 2012).
// Parameters that would overflow the arithmetic are refused with InvalidArgument naming them.

// True with probability p (p.num <= p.den); parameter "p".
bool sampleBernoulli(RandomBits& bits, Fraction p);

// True with probability exp(-gamma), gamma >= 0; parameter "gamma".
bool sampleBernoulliExp(RandomBits& bits, Fraction gamma);

// The discrete Laplace distribution on the integers: P(x) proportional to exp(-|x| / scale),
// 0 < scale <= 2^52; parameter "scale". Outputs beyond +-2^62 (probability below exp(-1024)) are
// resampled.
std::int64_t sampleDiscreteLaplace(RandomBits& bits, Fraction scale);

// The discrete Gaussian on the integers: P(x) proportional to exp(-x^2 / (2 variance)); parameter
// "variance". It needs 64 * den * (floor(sigma) + 1)^2 + num < 2^64. A candidate more than 64
// Laplace scales out is rejected instead of being tested exactly (its acceptance probability
// would be below exp(-1984)), which keeps every product within 128 bits.
std::int64_t sampleDiscreteGaussian(RandomBits& bits, Fraction variance);

}  // namespace glassbox
