// Column statistics on a 1M-row numeric and a 1M-row categorical column (2% missing each):
// prints the best of 3 seconds of computeColumnStats for each as JSON. Run by bench/stats.sh.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "engine/column_stats.h"

using namespace glassbox;

namespace {

double bestSeconds(const Column& column) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const ColumnStats stats = computeColumnStats(column);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (stats.count == 0) std::abort();  // keeps the call from being optimized away
        best = std::min(best, seconds);
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    std::mt19937_64 random(2026);
    std::normal_distribution<double> normal(50.0, 20.0);
    std::uniform_int_distribution<std::int32_t> level(0, 999);
    std::bernoulli_distribution missing(0.02);

    std::vector<double> numbers(rows);
    std::vector<std::int32_t> codes(rows);
    ValidityMask numbersValid(rows, true), codesValid(rows, true);
    for (std::size_t i = 0; i < rows; ++i) {
        numbers[i] = std::round(normal(random) * 1000) / 1000;
        codes[i] = level(random);
        if (missing(random)) numbersValid.set(i, false);
        if (missing(random)) codesValid.set(i, false);
    }
    std::vector<std::string> levels;
    for (int l = 0; l < 1000; ++l) levels.push_back("level_" + std::to_string(l));
    const Column numeric = Column::numeric("x", std::move(numbers), std::move(numbersValid));
    const Column categorical =
        Column::categorical("c", std::move(codes), std::move(levels), std::move(codesValid));

    std::printf("{\"rows\": %zu, \"numeric_seconds\": %.4f, \"categorical_seconds\": %.4f}\n", rows,
                bestSeconds(numeric), bestSeconds(categorical));
}
