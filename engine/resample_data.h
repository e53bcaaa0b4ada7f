#pragma once

#include <string>

#include "engine/dataset.h"
#include "engine/resampling.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

struct ResampledDataset {
    Dataset data;
    ResamplePlan plan;
};

// Resamples a classification dataset's rows by its class labels: what a learner trains on
// inside a cross-validation fold (fit the resampling on the fold's training rows only, never
// on rows that are scored). Numeric and date-time features are interpolated by SMOTE;
// categorical and boolean features are SMOTE-NC's categorical ones. Throws
// InvalidArgument("target") for a regression dataset, and what planResampling throws.
ResampledDataset resampleDataset(const Dataset& data, const ResampleSettings& settings,
                                 const TaskContext& task);

struct ResampledTable {
    Table table;
    ResamplePlan plan;
};

// Resamples `table`'s rows by the classes of column `target`, which must be a classification
// target (categorical, boolean, text, or numeric with few whole values: inferTask); rows with
// a missing target are kept as they are. For SMOTE every other column is a feature: numeric and
// date-time ones are interpolated (dates without time rounded to whole days), categorical and
// boolean ones are SMOTE-NC's categorical ones, text columns (identifiers, not features) are
// missing in synthetic rows; the target of a synthetic row is its seed row's. Throws
// InvalidArgument("target") for a missing or non-classification target, and what
// planResampling throws.
ResampledTable resampleTable(const Table& table, const std::string& target,
                             const ResampleSettings& settings, const TaskContext& task);

// The checks resampleTable makes before resampling (the target; for SMOTE the feature types),
// without resampling: what fitting a step verifies.
void checkResampleTable(const Table& table, const std::string& target, ResampleKind kind);

}  // namespace glassbox
