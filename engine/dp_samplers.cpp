#include "engine/dp_samplers.h"

#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "engine/errors.h"

namespace glassbox {

namespace {

using U128 = unsigned __int128;

U128 uniformBelow128(RandomBits& bits, U128 n) {
    if (n <= 1) return 0;
    if (n <= U128(std::numeric_limits<std::uint64_t>::max()))
        return uniformBelow(bits, static_cast<std::uint64_t>(n));
    if (n == U128(1) << 64) return bits.next64();
    const U128 top = n - 1;
    const int highBits = 64 - __builtin_clzll(static_cast<std::uint64_t>(top >> 64));
    const std::uint64_t highMask =
        highBits == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << highBits) - 1;
    for (;;) {
        const U128 x = (U128(bits.next64() & highMask) << 64) | bits.next64();
        if (x < n) return x;
    }
}

bool bernoulli(RandomBits& bits, U128 num, U128 den) {
    return uniformBelow128(bits, den) < num;
}

// Algorithm 1 for gamma = num / den in [0, 1]: Bernoulli(gamma / K) is drawn as the product of
// Bernoulli(gamma) and Bernoulli(1 / K), so den * K never has to be formed.
bool bernoulliExpUnit(RandomBits& bits, U128 num, U128 den) {
    std::uint64_t k = 1;
    while (bernoulli(bits, num, den) && bernoulli(bits, 1, k)) ++k;
    return k % 2 == 1;
}

bool bernoulliExp(RandomBits& bits, U128 num, U128 den) {
    for (U128 whole = num / den; whole > 0; --whole)
        if (!bernoulliExpUnit(bits, 1, 1)) return false;
    return bernoulliExpUnit(bits, num % den, den);
}

void checkFraction(const Fraction& f, const char* parameter) {
    if (f.den == 0) throw InvalidArgument(parameter, "the denominator is 0");
}

Fraction reduced(Fraction f) {
    const std::uint64_t g = std::gcd(f.num, f.den);
    return g > 1 ? Fraction{f.num / g, f.den / g} : f;
}

std::uint64_t isqrt(std::uint64_t n) {
    std::uint64_t r = static_cast<std::uint64_t>(std::sqrt(static_cast<long double>(n)));
    while (U128(r) * r > n) --r;
    while (U128(r + 1) * (r + 1) <= n) ++r;
    return r;
}

// Algorithm 2 with scale t / s.
std::int64_t discreteLaplace(RandomBits& bits, std::uint64_t t, std::uint64_t s) {
    constexpr U128 kLimit = U128(1) << 62;
    for (;;) {
        const std::uint64_t u = uniformBelow(bits, t);
        if (!bernoulliExpUnit(bits, u, t)) continue;
        U128 v = 0;
        while (bernoulliExpUnit(bits, 1, 1)) ++v;
        const U128 x = U128(u) + U128(t) * v;  // v < 2^64 in any run that ends
        const U128 y = x / s;
        const bool negative = (bits.next64() & 1) != 0;
        if (negative && y == 0) continue;
        if (y >= kLimit) continue;
        return negative ? -static_cast<std::int64_t>(y) : static_cast<std::int64_t>(y);
    }
}

}  // namespace

bool sampleBernoulli(RandomBits& bits, Fraction p) {
    checkFraction(p, "p");
    if (p.num > p.den) throw InvalidArgument("p", "a probability cannot exceed 1");
    return bernoulli(bits, p.num, p.den);
}

bool sampleBernoulliExp(RandomBits& bits, Fraction gamma) {
    checkFraction(gamma, "gamma");
    return bernoulliExp(bits, gamma.num, gamma.den);
}

std::int64_t sampleDiscreteLaplace(RandomBits& bits, Fraction scale) {
    checkFraction(scale, "scale");
    if (scale.num == 0) throw InvalidArgument("scale", "must be greater than 0");
    if (U128(scale.num) > (U128(scale.den) << 52))
        throw InvalidArgument("scale", "must be at most 2^52");
    scale = reduced(scale);
    return discreteLaplace(bits, scale.num, scale.den);
}

std::int64_t sampleDiscreteGaussian(RandomBits& bits, Fraction variance) {
    checkFraction(variance, "variance");
    if (variance.num == 0) throw InvalidArgument("variance", "must be greater than 0");
    variance = reduced(variance);
    const U128 num = variance.num, den = variance.den;
    const U128 t = isqrt(variance.num / variance.den) + 1;  // floor(sigma) + 1
    if (64 * den * t * t + num >= U128(1) << 64)
        throw InvalidArgument("variance", std::to_string(variance.num) + "/" +
                                              std::to_string(variance.den) +
                                              " is too large or too finely divided for 64 bits");
    // Accept a Laplace(t) candidate y with probability exp(-(|y| - sigma^2/t)^2 / (2 sigma^2))
    // = exp(-(|y| t den - num)^2 / (2 num den t^2)).
    const U128 acceptDen = 2 * num * den * t * t;
    const U128 step = den * t;
    for (;;) {
        const std::int64_t y = discreteLaplace(bits, static_cast<std::uint64_t>(t), 1);
        const std::uint64_t magnitude =
            y < 0 ? 0 - static_cast<std::uint64_t>(y) : static_cast<std::uint64_t>(y);
        const U128 m = magnitude * step;
        const U128 diff = m > num ? m - num : num - m;
        if (diff >> 64) continue;  // |y| > 64 t: see the header
        if (bernoulliExp(bits, diff * diff, acceptDen)) return y;
    }
}

}  // namespace glassbox
