// Builds TrainingOutcomes the way the training queue does, by calling the engine directly, for
// the runs and confusion-matrix tests.
#pragma once

#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "engine/dataset.h"
#include "engine/learner.h"
#include "engine/table_reader.h"
#include "engine/training_run.h"
#include "widgets/job_types.h"

namespace glassbox::testing {

struct TrainedFixture {
    std::shared_ptr<const LoadedTable> loaded;
    DatasetResult data;
    std::shared_ptr<gui::TrainingOutcome> outcome;  // still open to changes by the test
};

inline std::shared_ptr<const LoadedTable> readSharedDataset(const std::string& file) {
    return std::make_shared<const LoadedTable>(
        readTable(std::string(GLASSBOX_SHARED_DIR) + "/datasets/" + file, ReadOptions{}));
}

// `learner` with `params` on `target` of `loaded`, validated by `plan`.
inline TrainedFixture trainFixture(std::shared_ptr<const LoadedTable> loaded,
                                   const std::string& target, const std::string& learner,
                                   const std::map<std::string, std::string>& params = {},
                                   ValidationPlan plan = {},
                                   std::optional<TaskKind> task = std::nullopt) {
    TrainedFixture fixture;
    fixture.loaded = std::move(loaded);
    fixture.data = makeDataset(fixture.loaded->table, target, task);
    const Learner& kind = learnerNamed(learner);
    auto outcome = std::make_shared<gui::TrainingOutcome>();
    outcome->request.learner = learner;
    outcome->request.params = params;
    outcome->request.target = target;
    outcome->request.validation = plan;
    outcome->request.saveToHistory = false;
    outcome->request.source.displayName = QString::fromStdString(target) + " data";
    outcome->run =
        trainAndValidate(kind, fixture.data.dataset, ParamValues::resolve(kind.params(), params),
                         plan, FitOptions{}, TaskContext{});
    const Dataset& dataset = fixture.data.dataset;
    outcome->truth.assign(outcome->run.rows.size(), -1);
    if (dataset.task == TaskKind::Classification)
        for (std::size_t i = 0; i < outcome->run.rows.size(); ++i)
            outcome->truth[i] = dataset.labels[outcome->run.rows[i]];
    outcome->tableRows = fixture.data.tableRows;
    for (const FeatureInfo& f : dataset.features.schema().features)
        outcome->featureNames.push_back(f.name);
    fixture.outcome = std::move(outcome);
    return fixture;
}

}  // namespace glassbox::testing
