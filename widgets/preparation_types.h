#pragma once

#include <QMetaType>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/preparation_pipeline.h"
#include "engine/table.h"

namespace glassbox::gui {

// What the preparation panel asks the engine thread to preview: the pipeline fitted on the
// whole table (StepUse::Training), as fitPipeline does it.
struct PreparationRequest {
    std::shared_ptr<const Table> table;
    PipelineSpec spec;
    std::string target;
    std::uint64_t seed = 0;
};

// One step's effect: its report and the table's size before and after it.
struct StepPreview {
    StepReport report;
    std::size_t rowsBefore = 0;
    std::size_t rowsAfter = 0;
    std::size_t columnsBefore = 0;
    std::size_t columnsAfter = 0;
    std::size_t missingBefore = 0;  // missing cells over every column
    std::size_t missingAfter = 0;
};

// A previewed pipeline: every step's effect, the table after each step (tables[0] is the input,
// tables[i + 1] the table after step i) and the prepared table, ready to be shown as the data.
struct PreparationPreview {
    PipelineSpec spec;
    std::string target;
    std::vector<StepPreview> steps;
    PipelineReport report;
    std::vector<std::shared_ptr<const Table>> tables;
    std::shared_ptr<const LoadedTable> prepared;

    // The table before step `step` (0-based) / after it; step == steps.size() means the whole
    // pipeline (input -> prepared).
    const std::shared_ptr<const Table>& before(std::size_t step) const;
    const std::shared_ptr<const Table>& after(std::size_t step) const;
};

// One column's distribution before and after a step: shared bins for numbers (numeric,
// date/time), one bar per value otherwise (most frequent first, the rest folded into
// "(other)"). A column the step added or dropped has counts on one side only.
struct DistributionComparison {
    std::string column;
    ColumnType type = ColumnType::Numeric;
    bool hasTime = false;
    bool inBefore = false;
    bool inAfter = false;
    std::vector<double> edges;        // numbers: edges.size() == counts + 1
    std::vector<std::string> labels;  // values: one per bar
    std::vector<std::size_t> before;
    std::vector<std::size_t> after;
    std::size_t missingBefore = 0;
    std::size_t missingAfter = 0;
    std::size_t rowsBefore = 0;
    std::size_t rowsAfter = 0;
};

using PreparationPreviewPtr = std::shared_ptr<const PreparationPreview>;
using DistributionPtr = std::shared_ptr<const DistributionComparison>;

// Missing cells over every column of the table.
std::size_t missingCells(const Table& table);

// The label values are folded into past `maxBars`.
inline constexpr const char* kOtherValues = "(other)";
// Compares `column` in two tables (either may lack it, not both: InvalidArgument("column")).
// Numbers get at most `maxBins` bins spanning both tables' finite values.
DistributionComparison compareDistributions(const Table& before, const Table& after,
                                            const std::string& column, std::size_t maxBins = 40,
                                            std::size_t maxBars = 30);

void registerPreparationMetaTypes();

}  // namespace glassbox::gui

Q_DECLARE_METATYPE(glassbox::gui::PreparationPreviewPtr)
Q_DECLARE_METATYPE(glassbox::gui::DistributionPtr)
