#include "engine/smote.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/errors.h"
#include "engine/neighbour_index.h"

namespace glassbox {
namespace {

// Rows with a class and every feature present (and finite): the only seeds and neighbours.
std::vector<std::uint8_t> completeRows(const ResampleInput& input) {
    std::vector<std::uint8_t> complete(input.rows, 0);
    for (std::size_t r = 0; r < input.rows; ++r) {
        bool ok = input.labels[r] >= 0;
        for (const auto& values : input.numeric) ok = ok && std::isfinite(values[r]);
        for (const auto& codes : input.categorical) ok = ok && codes[r] >= 0;
        complete[r] = ok;
    }
    return complete;
}

// Population standard deviation of values[rows]; 0 for fewer than 2 rows.
double deviation(const std::vector<double>& values, std::span<const std::size_t> rows,
                 double scale) {
    if (rows.size() < 2) return 0;
    double sum = 0;
    for (const std::size_t r : rows) sum += values[r] / scale;
    const double mean = sum / static_cast<double>(rows.size());
    double squares = 0;
    for (const std::size_t r : rows)
        squares += (values[r] / scale - mean) * (values[r] / scale - mean);
    return std::sqrt(squares / static_cast<double>(rows.size()));
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The class's rows as points: numeric features standardised; for SMOTE-NC each categorical
// feature one-hot with value Med / sqrt(2), so that a differing category adds exactly
// 2 (Med / sqrt(2))^2 = Med^2 to the squared distance.
std::vector<double> classPoints(const ResampleInput& input, std::span<const std::size_t> members,
                                const std::vector<double>& scale, bool nominal, std::size_t& dims) {
    double oneHot = 0;
    std::vector<std::vector<std::int32_t>> slotOf;  // per categorical feature: code -> slot
    std::size_t slots = 0;
    if (nominal) {
        std::vector<double> deviations;
        for (std::size_t f = 0; f < input.numeric.size(); ++f)
            deviations.push_back(deviation(input.numeric[f], members, scale[f]));
        oneHot = median(deviations) / std::sqrt(2.0);
        for (const auto& codes : input.categorical) {
            std::vector<std::int32_t> slot;
            for (const std::size_t r : members) {
                const auto code = static_cast<std::size_t>(codes[r]);
                if (code >= slot.size()) slot.resize(code + 1, -1);
                if (slot[code] < 0) slot[code] = static_cast<std::int32_t>(slots++);
            }
            slotOf.push_back(std::move(slot));
        }
    }
    dims = input.numeric.size() + slots;
    std::vector<double> points(members.size() * dims, 0.0);
    for (std::size_t i = 0; i < members.size(); ++i) {
        double* point = points.data() + i * dims;
        for (std::size_t f = 0; f < input.numeric.size(); ++f)
            point[f] = input.numeric[f][members[i]] / scale[f];
        for (std::size_t f = 0; f < slotOf.size(); ++f)
            point[input.numeric.size() + slotOf[f][input.categorical[f][members[i]]]] = oneHot;
    }
    return points;
}

// The most frequent code of a categorical feature among `rows` (the lowest on ties).
std::int32_t mostFrequent(const std::vector<std::int32_t>& codes,
                          std::span<const std::size_t> rows) {
    std::vector<std::size_t> counts;
    for (const std::size_t r : rows) {
        const auto code = static_cast<std::size_t>(codes[r]);
        if (code >= counts.size()) counts.resize(code + 1, 0);
        ++counts[code];
    }
    return static_cast<std::int32_t>(std::max_element(counts.begin(), counts.end()) -
                                     counts.begin());
}

}  // namespace

SmoteRows smoteRows(const ResampleInput& input, const std::vector<std::size_t>& needed,
                    std::size_t k, bool nominal, Random& random, unsigned threads,
                    const TaskContext& task) {
    const std::vector<std::uint8_t> complete = completeRows(input);
    SmoteRows out;
    out.neighboursUsed.assign(input.classes.size(), 0);
    std::vector<std::vector<std::size_t>> byClass(input.classes.size());
    std::vector<std::size_t> all;
    for (std::size_t r = 0; r < input.rows; ++r) {
        if (input.labels[r] < 0) continue;
        if (!complete[r]) {
            ++out.incompleteRows;
            continue;
        }
        byClass[static_cast<std::size_t>(input.labels[r])].push_back(r);
        all.push_back(r);
    }
    std::vector<double> scale;
    for (const auto& values : input.numeric) {
        const double s = deviation(values, all, 1.0);
        scale.push_back(s > 0 && std::isfinite(s) ? s : 1.0);
    }

    const double classes = static_cast<double>(std::max<std::size_t>(byClass.size(), 1));
    for (std::size_t c = 0; c < byClass.size(); ++c) {
        if (needed[c] == 0) continue;
        const std::vector<std::size_t>& members = byClass[c];
        if (members.size() < 2)
            throw InvalidArgument("target",
                                  "class \"" + input.classes[c] + "\" has " +
                                      std::to_string(members.size()) +
                                      " row(s) without missing values; SMOTE needs at least 2 to "
                                      "interpolate between");
        const std::size_t used = std::min(k, members.size() - 1);
        out.neighboursUsed[c] = used;
        std::size_t dims = 0;
        const std::vector<double> points = classPoints(input, members, scale, nominal, dims);
        const NeighbourIndex index(points, members.size(), dims, DistanceMetric::Euclidean,
                                   NeighbourSearch::Auto);
        const std::vector<Neighbour> found =
            index.search(points, members.size(), used + 1, threads,
                         task.sub(c / classes, (c + 1) / classes, "class " + input.classes[c]));
        // Each row's `used` nearest other rows (a row is not its own neighbour; an identical
        // row can be).
        std::vector<std::size_t> neighbours(members.size() * used);
        for (std::size_t i = 0; i < members.size(); ++i) {
            std::size_t taken = 0;
            for (std::size_t j = 0; j <= used && taken < used; ++j) {
                const std::size_t local = found[i * (used + 1) + j].index;
                if (local == i) continue;
                neighbours[i * used + taken++] = members[local];
            }
        }
        for (std::size_t n = 0; n < needed[c]; ++n) {
            task.checkCancelled();
            SyntheticRow row;
            const std::size_t seed = random.index(members.size());
            const std::span<const std::size_t> near(neighbours.data() + seed * used, used);
            row.seed = members[seed];
            row.neighbour = near[random.index(used)];
            row.gap = random.uniform();
            if (nominal)
                for (const auto& codes : input.categorical)
                    row.categories.push_back(mostFrequent(codes, near));
            out.synthetic.push_back(std::move(row));
        }
    }
    return out;
}

}  // namespace glassbox
