#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <utility>

namespace glassbox {

// A small, fast generator whose stream depends only on the seed (xoshiro256**, seeded by
// SplitMix64): the same seed gives the same model on every platform and standard library,
// which std::*_distribution does not promise.
class Random {
  public:
    explicit Random(std::uint64_t seed, std::uint64_t stream = 0) {
        std::uint64_t x = seed ^ (stream * 0x9E3779B97F4A7C15ull + 0xD1B54A32D192ED03ull);
        for (std::uint64_t& s : state_) s = splitMix(x);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform integer in [0, n), n > 0 (Lemire's nearly-divisionless method, unbiased).
    std::size_t index(std::size_t n) {
        const std::uint64_t range = n;
        unsigned __int128 m = static_cast<unsigned __int128>(next()) * range;
        std::uint64_t low = static_cast<std::uint64_t>(m);
        if (low < range) {
            const std::uint64_t threshold = (0 - range) % range;
            while (low < threshold) {
                m = static_cast<unsigned __int128>(next()) * range;
                low = static_cast<std::uint64_t>(m);
            }
        }
        return static_cast<std::size_t>(m >> 64);
    }
    // Standard normal (Box-Muller; one value per call, the twin is discarded for simplicity).
    double normal() {
        double u = uniform();
        while (u <= 0.0) u = uniform();
        return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * uniform());
    }

    // Fisher-Yates shuffle of [first, last).
    template <class It>
    void shuffle(It first, It last) {
        const std::size_t n = static_cast<std::size_t>(last - first);
        for (std::size_t i = n; i > 1; --i) std::swap(first[i - 1], first[index(i)]);
    }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitMix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    std::uint64_t state_[4];
};

}  // namespace glassbox
