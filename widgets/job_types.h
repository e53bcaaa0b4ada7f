#pragma once

#include <QMetaType>
#include <QString>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/dataset.h"
#include "engine/preparation_pipeline.h"
#include "engine/training_run.h"
#include "engine/tuning.h"

namespace glassbox::gui {

// Where the data of a training came from: for the runs table and the version's fingerprint.
struct DataSource {
    QString displayName;  // "iris (sample)", "sales.csv"
    QString path;         // the file read; empty for an embedded sample
    QString sample;       // the sample's name, for a sample
};

// What the training panel asks for. Parameters are given as text and resolved against the
// learner's spec on the engine thread (errors come back as a failed job naming the parameter).
struct TrainingRequest {
    std::string learner;
    std::map<std::string, std::string> params;
    std::string target;
    std::optional<TaskKind> task;                      // nullopt: inferred from the target
    std::optional<std::vector<std::string>> features;  // nullopt: every usable column
    // Preparation steps as STEP text ("impute:strategy=median"), fitted inside validation and
    // stored with the model; empty: none. `privacyBudget` bounds their DP releases.
    std::vector<std::string> preparation;
    PrivacyAllowance privacyBudget;
    ValidationPlan validation;
    std::uint64_t seed = 0;
    bool saveToHistory = true;
    std::string versionName;
    std::optional<std::int64_t> parent;
    DataSource source;
};

// A finished training as the GUI keeps it: immutable, shared by the views.
struct TrainingOutcome {
    int job = 0;
    TrainingRequest request;
    TrainingRun run;  // the model, its scores, the scored predictions and their dataset rows
    // Classification: the true class of each scored prediction (run.rows order), -1 where
    // unknown; with run.predictions this gives the confusion matrix's rows of each cell.
    std::vector<std::int32_t> truth;
    std::vector<std::size_t> tableRows;  // dataset row -> row of the table trained on
    std::vector<std::string> featureNames;
    std::optional<std::int64_t> version;  // the history version, when saved
    QString historyError;                 // why saving failed (the run itself is kept)
    std::vector<Warning> warnings;
    double seconds = 0;  // the whole job

    // The table rows whose true class is `truthClass` and predicted class `predictedClass`.
    std::vector<std::size_t> tableRowsIn(int truthClass, int predictedClass) const;
};

// What the tuning dialog asks for: a search space as the CLI writes it ("max_depth=2,4,none";
// ranges "C=0.001:100" need random search).
struct TuningRequest {
    std::string learner;
    std::map<std::string, std::string> fixedParams;  // parameters not searched
    std::vector<std::string> values;                 // "NAME=V1,V2,..."
    std::vector<std::string> ranges;                 // "NAME=LO:HI[:log|linear]"
    std::size_t randomCount = 0;                     // 0: the whole grid
    std::string metric;                              // empty: the task's default
    std::size_t folds = 5;
    FoldRule rule = FoldRule::Stratified;
    std::string target;
    std::optional<TaskKind> task;
    std::optional<std::vector<std::string>> features;
    std::vector<std::string> preparation;  // as TrainingRequest's
    PrivacyAllowance privacyBudget;
    std::uint64_t seed = 0;
    DataSource source;
};

struct TuningOutcome {
    int job = 0;
    TuningRequest request;
    std::string metric;
    bool lowerIsBetter = false;
    std::vector<std::string> searched;  // the searched parameters, in request order
    // Candidates without models (TuningResult::bestModel is not kept: "keep the best" trains
    // the best parameters as a normal run, validated the same way).
    std::vector<TuningCandidate> candidates;
    std::size_t best = 0;
    double seconds = 0;
};

}  // namespace glassbox::gui

Q_DECLARE_METATYPE(std::shared_ptr<const glassbox::gui::TrainingOutcome>)
Q_DECLARE_METATYPE(std::shared_ptr<const glassbox::gui::TuningOutcome>)
