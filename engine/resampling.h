#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/task.h"

namespace glassbox {

// Class-imbalance resampling of training rows (never of rows that are scored).
enum class ResampleKind : std::uint8_t { Oversample, Undersample, Smote, SmoteNc };

// "oversample", "undersample", "smote", "smote-nc": the steps' names.
std::string_view resampleKindName(ResampleKind kind);

struct ResampleSettings {
    ResampleKind kind = ResampleKind::Oversample;
    // Over-sampling and SMOTE raise every smaller class to ceil(ratio x the largest class's
    // rows); under-sampling cuts every larger class to floor(the smallest class's rows / ratio).
    // In (0, 1]; 1 balances the classes.
    double ratio = 1.0;
    std::size_t k = 5;  // SMOTE: nearest neighbours of the same class to interpolate towards
    std::uint64_t seed = 0;
    unsigned threads = 1;  // the neighbour search's; the result does not depend on it
};

// The rows to resample, encoded: what resampleDataset and resampleTable hand to the planner.
// SMOTE reads the features; random over- and under-sampling only the labels.
struct ResampleInput {
    std::size_t rows = 0;
    std::vector<std::string> classes;  // class names, for messages and reports
    std::vector<std::int32_t> labels;  // per row; -1 = no class (the row is kept as it is)
    std::vector<std::string> numericNames;
    std::vector<std::vector<double>> numeric;  // per numeric feature, per row; NaN = missing
    std::vector<std::string> categoricalNames;
    std::vector<std::vector<std::int32_t>> categorical;  // per categorical feature; -1 = missing
};

// A row SMOTE makes: on the segment from `seed` towards `neighbour`, both complete rows of the
// same class, the neighbour one of the seed's k nearest.
struct SyntheticRow {
    std::size_t seed = 0;
    std::size_t neighbour = 0;
    // Numeric feature f = seed's + gap x (neighbour's - seed's): one gap for all features, so
    // the row lies on the segment. In [0, 1).
    double gap = 0;
    // SMOTE-NC: per categorical feature, the code most frequent among the seed's k neighbours
    // (the lowest code on ties).
    std::vector<std::int32_t> categories;
};

// What resampling does: the output is rows[0], rows[1], ... (input rows, repeats allowed)
// followed by the synthetic rows.
//   oversample: every input row in order, then the drawn copies, class by class;
//   undersample: the kept rows in input order;
//   smote, smote-nc: every input row in order, then the synthetic rows, class by class.
struct ResamplePlan {
    std::vector<std::size_t> rows;
    std::vector<SyntheticRow> synthetic;
    std::vector<std::string> classes;       // the input's
    std::vector<std::size_t> countsBefore;  // rows per class
    std::vector<std::size_t> countsAfter;
    // SMOTE: class rows with a missing feature value; they are kept but are neither seeds nor
    // neighbours.
    std::size_t incompleteRows = 0;
    // SMOTE: the neighbours used per class (k, or fewer for a class with at most k complete
    // rows); 0 for a class that needed no synthetic rows.
    std::vector<std::size_t> neighboursUsed;
};

// The checks planResampling makes first (settings, labels, SMOTE's feature types).
void checkResampleInput(const ResampleInput& input, const ResampleSettings& settings);

// Plans the resampling of `input`, seeded by settings.seed (same input and settings, same
// plan). Classes without rows stay empty. Throws InvalidArgument("ratio") / ("k") for values
// out of range; for SMOTE, InvalidArgument naming a categorical feature (plain SMOTE
// interpolates numbers only: use smote-nc), InvalidArgument("features") without numeric
// features, InvalidArgument("target") when a class that needs synthetic rows has fewer than 2
// complete rows. Reports progress and throws Cancelled through `task`.
ResamplePlan planResampling(const ResampleInput& input, const ResampleSettings& settings,
                            const TaskContext& task);

}  // namespace glassbox
