#pragma once

#include <QMetaType>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/curves.h"
#include "engine/feature_matrix.h"
#include "engine/importance.h"
#include "engine/learner.h"
#include "engine/model_file.h"
#include "engine/partial_dependence.h"
#include "engine/shap.h"
#include "engine/table.h"
#include "widgets/job_types.h"

namespace glassbox::gui {

// What is explained: a model and the data to explain it on (the table may hold the target
// column; curves and permutation importance need it). For a run of this session, `outcome`
// lets curves use the run's own scored (out-of-fold) predictions instead of predicting again.
struct ExplanationSubject {
    std::shared_ptr<const TrainedModel> model;
    std::shared_ptr<const Table> table;
    QString source;                                  // names the table in messages
    std::shared_ptr<const TrainingOutcome> outcome;  // optional; its model is `model`

    // A session run's model (sharing the outcome's ownership) on `table`.
    static ExplanationSubject ofRun(const std::shared_ptr<const TrainingOutcome>& outcome,
                                    std::shared_ptr<const Table> table, const QString& source);
    // A history version's (or any other) model on `table`.
    static ExplanationSubject ofModel(std::shared_ptr<const TrainedModel> model,
                                      std::shared_ptr<const Table> table, const QString& source);
};

// The table inside a LoadedTable, sharing its ownership.
std::shared_ptr<const Table> tableOf(const std::shared_ptr<const LoadedTable>& loaded);

enum class ExplanationKind { Curves, Importance, Shap, Dependence, DecisionPath, NodeRows };

struct CurvesRequest {
    CurveOptions options;
    // With an outcome: the run's scored predictions (false: predict the table's labelled rows).
    bool useRunPredictions = true;
};

// Impurity and Gain both give the importance the model's trees carry (mean decrease in
// impurity for trees and forests, total gain for boosting: ImportanceResult::method tells).
enum class ImportanceKind { Impurity, Gain, Permutation };

struct ImportanceRequest {
    ImportanceKind kind = ImportanceKind::Permutation;
    // Permutation only (engine/importance.h PermutationOptions); empty metric: the task's default.
    std::string metric;
    std::size_t repeats = 5;
    std::uint64_t seed = 0;
    std::size_t sampleRows = 0;  // score at most this many rows (a seeded sample); 0: all
};

struct ShapRequest {
    std::vector<std::size_t> rows;  // table rows to explain; empty: a seeded sample
    std::size_t sampleRows = 2000;  // the sample's size (all rows when the table has fewer)
    std::uint64_t seed = 0;
    // Sampling SHAP (models without trees or coefficients), as ShapOptions.
    std::size_t samples = 256;
    std::size_t backgroundRows = 100;
};

struct DependenceRequest {
    std::string feature;  // a schema feature's name
    std::size_t points = 100;
    double lowerPercentile = 0.05;
    double upperPercentile = 0.95;
    std::vector<std::size_t> rows;  // the ICE rows; empty: a seeded sample of iceRows
    std::size_t iceRows = 500;      // 0: every row
    std::uint64_t seed = 0;
};

struct CurvesExplanation {
    ClassificationCurves curves;
    std::vector<std::string> classes;
    bool fromRun = false;         // the run's scored predictions, not the table predicted anew
    std::string validation;       // fromRun: how the run scored them (TrainingRun::validation)
    std::size_t rows = 0;         // scored rows with a known class
    std::size_t droppedRows = 0;  // table rows left out (target missing or an unknown class)
    std::vector<std::size_t> classCounts;  // scored rows of each true class
    // What the curves are made of, one entry per scored row: the prediction, the true class
    // (-1 unknown) and the row of the table (fromRun: of the table the run was trained on).
    std::shared_ptr<const Predictions> predictions;
    std::vector<std::int32_t> truth;
    std::vector<std::size_t> tableRows;
};

struct ImportanceExplanation {
    ImportanceResult result;
    std::size_t droppedRows = 0;  // permutation: table rows without a usable target
};

struct ShapExplanation {
    ShapValues shap;         // one explained row per entry of tableRows
    FeatureMatrix features;  // those rows' encoded features (for colouring by value)
    std::vector<std::size_t> tableRows;
    Predictions predictions;  // the model's predictions for those rows
    bool sampled = false;     // the rows are a sample of the table
    std::size_t tableRowCount = 0;
};

struct DependenceExplanation {
    PartialDependence dependence;  // its rows are table rows
    std::string feature;
    TaskKind task = TaskKind::Classification;
    std::vector<std::string> classes;  // classification: one output per class
    std::size_t tableRowCount = 0;
};

// One row's way through one tree: the nodes from the root to its leaf.
struct DecisionPath {
    std::size_t tree = 0;
    std::size_t tableRow = 0;
    std::vector<std::int32_t> nodes;
    std::size_t leaf = 0;
};

// The table rows whose way through one tree passes a node, in increasing order.
struct NodeRows {
    std::size_t tree = 0;
    std::size_t node = 0;
    std::vector<std::size_t> rows;
    std::size_t tableRowCount = 0;
};

using CurvesExplanationPtr = std::shared_ptr<const CurvesExplanation>;
using ImportanceExplanationPtr = std::shared_ptr<const ImportanceExplanation>;
using ShapExplanationPtr = std::shared_ptr<const ShapExplanation>;
using DependenceExplanationPtr = std::shared_ptr<const DependenceExplanation>;
using DecisionPathPtr = std::shared_ptr<const DecisionPath>;
using NodeRowsPtr = std::shared_ptr<const NodeRows>;

// Registers the types above (and the engine's table types) for queued connections. Safe to
// call more than once.
void registerExplanationMetaTypes();

}  // namespace glassbox::gui

Q_DECLARE_METATYPE(glassbox::gui::ExplanationKind)
Q_DECLARE_METATYPE(glassbox::gui::CurvesExplanationPtr)
Q_DECLARE_METATYPE(glassbox::gui::ImportanceExplanationPtr)
Q_DECLARE_METATYPE(glassbox::gui::ShapExplanationPtr)
Q_DECLARE_METATYPE(glassbox::gui::DependenceExplanationPtr)
Q_DECLARE_METATYPE(glassbox::gui::DecisionPathPtr)
Q_DECLARE_METATYPE(glassbox::gui::NodeRowsPtr)
