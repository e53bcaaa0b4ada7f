#include "widgets/job_types.h"

#include <algorithm>

namespace glassbox::gui {

std::vector<std::size_t> TrainingOutcome::tableRowsIn(int truthClass, int predictedClass) const {
    std::vector<std::size_t> rows;
    if (run.predictions.task != TaskKind::Classification) return rows;
    const std::size_t scored = std::min({truth.size(), run.rows.size(), run.predictions.rows});
    for (std::size_t i = 0; i < scored; ++i) {
        if (truth[i] != truthClass || run.predictions.predictedClass(i) != predictedClass) continue;
        const std::size_t datasetRow = run.rows[i];
        rows.push_back(datasetRow < tableRows.size() ? tableRows[datasetRow] : datasetRow);
    }
    // Cross-validation scores rows fold by fold: table order is what a selection wants.
    std::sort(rows.begin(), rows.end());
    return rows;
}

}  // namespace glassbox::gui
