#include "engine/resampling.h"

#include <algorithm>
#include <cmath>

#include "engine/column.h"
#include "engine/errors.h"
#include "engine/random.h"
#include "engine/smote.h"

namespace glassbox {
namespace {

std::vector<std::vector<std::size_t>> rowsByClass(const ResampleInput& input) {
    std::vector<std::vector<std::size_t>> byClass(input.classes.size());
    for (std::size_t r = 0; r < input.rows; ++r) {
        const std::int32_t label = input.labels[r];
        if (label >= 0) byClass.at(static_cast<std::size_t>(label)).push_back(r);
    }
    return byClass;
}

// Rows per class after resampling; empty classes stay empty.
std::vector<std::size_t> targetCounts(const std::vector<std::size_t>& counts,
                                      const ResampleSettings& settings) {
    std::size_t largest = 0;
    std::size_t smallest = SIZE_MAX;
    for (const std::size_t n : counts) {
        if (n == 0) continue;
        largest = std::max(largest, n);
        smallest = std::min(smallest, n);
    }
    std::vector<std::size_t> out = counts;
    for (std::size_t& n : out) {
        if (n == 0) continue;
        if (settings.kind == ResampleKind::Undersample) {
            // The tolerance keeps 10 / 0.5 from becoming 19.999...
            const double most = std::floor(static_cast<double>(smallest) / settings.ratio + 1e-9);
            n = std::min(n, static_cast<std::size_t>(most));
        } else {
            const double least = std::ceil(settings.ratio * static_cast<double>(largest) - 1e-9);
            n = std::max(n, static_cast<std::size_t>(least));
        }
    }
    return out;
}

}  // namespace

void checkResampleInput(const ResampleInput& input, const ResampleSettings& settings) {
    if (!(settings.ratio > 0 && settings.ratio <= 1))
        throw InvalidArgument("ratio", "must be in (0, 1], not " + formatNumber(settings.ratio));
    if (settings.k < 1) throw InvalidArgument("k", "must be at least 1");
    if (input.labels.size() != input.rows) throw InvalidArgument("target", "one label per row");
    for (const std::int32_t label : input.labels)
        if (label >= static_cast<std::int32_t>(input.classes.size()))
            throw InvalidArgument("target", "a label is not one of the classes");
    if (settings.kind != ResampleKind::Smote && settings.kind != ResampleKind::SmoteNc) return;
    if (settings.kind == ResampleKind::Smote && !input.categorical.empty())
        throw InvalidArgument(input.categoricalNames.front(),
                              "is categorical; smote interpolates numeric features only "
                              "(smote-nc handles categorical ones)");
    if (input.numeric.empty())
        throw InvalidArgument("features", std::string(resampleKindName(settings.kind)) +
                                              " needs at least one numeric feature");
}

std::string_view resampleKindName(ResampleKind kind) {
    switch (kind) {
        case ResampleKind::Oversample:
            return "oversample";
        case ResampleKind::Undersample:
            return "undersample";
        case ResampleKind::Smote:
            return "smote";
        case ResampleKind::SmoteNc:
            return "smote-nc";
    }
    return "oversample";
}

ResamplePlan planResampling(const ResampleInput& input, const ResampleSettings& settings,
                            const TaskContext& task) {
    checkResampleInput(input, settings);
    const std::vector<std::vector<std::size_t>> byClass = rowsByClass(input);
    ResamplePlan plan;
    plan.classes = input.classes;
    for (const auto& members : byClass) plan.countsBefore.push_back(members.size());
    plan.countsAfter = targetCounts(plan.countsBefore, settings);
    Random random(settings.seed);
    task.report(0.0, "resampling");

    if (settings.kind == ResampleKind::Undersample) {
        std::vector<std::uint8_t> keep(input.rows, 1);
        for (std::size_t c = 0; c < byClass.size(); ++c) {
            // A seeded partial shuffle picks the rows to drop.
            std::vector<std::size_t> members = byClass[c];
            const std::size_t drop = members.size() - plan.countsAfter[c];
            for (std::size_t i = 0; i < drop; ++i) {
                std::swap(members[i], members[i + random.index(members.size() - i)]);
                keep[members[i]] = 0;
            }
        }
        for (std::size_t r = 0; r < input.rows; ++r)
            if (keep[r]) plan.rows.push_back(r);
        task.report(1.0, "resampling");
        return plan;
    }

    plan.rows.resize(input.rows);
    for (std::size_t r = 0; r < input.rows; ++r) plan.rows[r] = r;
    std::vector<std::size_t> needed(byClass.size());
    for (std::size_t c = 0; c < byClass.size(); ++c)
        needed[c] = plan.countsAfter[c] - plan.countsBefore[c];

    if (settings.kind == ResampleKind::Oversample) {
        for (std::size_t c = 0; c < byClass.size(); ++c)
            for (std::size_t i = 0; i < needed[c]; ++i)
                plan.rows.push_back(byClass[c][random.index(byClass[c].size())]);
    } else {
        SmoteRows smote =
            smoteRows(input, needed, settings.k, settings.kind == ResampleKind::SmoteNc, random,
                      settings.threads, task);
        plan.synthetic = std::move(smote.synthetic);
        plan.incompleteRows = smote.incompleteRows;
        plan.neighboursUsed = std::move(smote.neighboursUsed);
    }
    task.report(1.0, "resampling");
    return plan;
}

}  // namespace glassbox
