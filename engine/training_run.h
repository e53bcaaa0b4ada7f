#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/learner.h"
#include "engine/metrics.h"
#include "engine/model_file.h"
#include "engine/validation.h"

namespace glassbox {

// How a training run measures its model.
struct ValidationPlan {
    enum class Kind : std::uint8_t {
        TrainingRows,  // no validation: scores on the rows the model was fitted on
        Holdout,       // testFraction of the rows held out; the model is the one fitted on the rest
        CrossValidation,  // `folds`-fold CV scores, then the model fitted on all rows
    };
    Kind kind = Kind::CrossValidation;
    std::size_t folds = 5;
    double testFraction = 0.25;
    FoldRule rule = FoldRule::Stratified;
};

// What train (CLI and GUI) produces: the model, how it scored and on which rows.
struct TrainingRun {
    TrainedModel trained;
    Scores metrics;               // pooled over `predictions`
    std::vector<Scores> perFold;  // cross-validation only
    std::string validation;       // one English line: "5-fold cross-validation (stratified), ..."
    // The scored predictions, one per entry of `rows` (dataset rows): out-of-fold predictions
    // for CV, the test rows for a holdout, every row for TrainingRows.
    Predictions predictions;
    std::vector<std::size_t> rows;
    double trainSeconds = 0;  // fitting the returned model
};

// Validates `learner` with `params` on `data` by `plan`, then fits the model that is kept.
// Progress: validation first ("fold 2 of 5: ..."), then "final model". Throws
// InvalidArgument("--cv" / "--test-fraction") for a plan that does not fit the data, and
// Cancelled.
TrainingRun trainAndValidate(const Learner& learner, const Dataset& data, const ParamValues& params,
                             const ValidationPlan& plan, const FitOptions& options,
                             const TaskContext& task);

}  // namespace glassbox
