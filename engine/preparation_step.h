#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/param_spec.h"
#include "engine/privacy_budget.h"
#include "engine/table.h"
#include "engine/task.h"

namespace glassbox {

class ByteReader;
class ByteWriter;

// What one preparation step did to a table: shown by `prepare`, the GUI's preview and the
// privacy report.
struct StepReport {
    std::string step;              // the step's name ("impute")
    std::size_t changedCells = 0;  // cells whose value the step changed
    std::size_t droppedRows = 0;
    std::size_t addedRows = 0;  // resampling
    std::vector<std::string> addedColumns;
    std::vector<std::string> droppedColumns;
    // Step-specific facts as name/value text ("k" = "5", "epsilon spent" = "1.0",
    // "rule price >= 0" = "3 rows: 17, 52, 90"), in a stable order.
    std::vector<std::pair<std::string, std::string>> details;
};

// Where a fitted step is applied. Row-changing steps that exist to shape the training data
// (resampling, dropping outliers or duplicates) act on Training only and pass rows through at
// Prediction; transformations (imputation, scaling, encoding, pseudonyms) act the same on both.
enum class StepUse : std::uint8_t { Training, Prediction };

// A step fitted on training rows: what it learnt (means, bounds, levels, keys) is fixed, so
// it transforms any later table the same way. Immutable; apply() may run on several threads.
class FittedStep {
  public:
    virtual ~FittedStep() = default;
    virtual std::string_view name() const = 0;
    // Returns the transformed table; `report` receives what changed. Throws InvalidArgument
    // naming the column when the table lacks one the step needs.
    virtual Table apply(const Table& table, StepUse use, StepReport& report,
                        const TaskContext& task) const = 0;
    // Everything apply() needs; the step's load() reads it back.
    virtual void save(ByteWriter& out) const = 0;
    // Differentially private releases: what one apply() at StepUse::Training spends, charged to
    // the pipeline's budget before it runs. Other steps spend nothing.
    virtual std::optional<PrivacyLoss> privacyLoss() const { return std::nullopt; }
};

// A kind of preparation step: its parameters and how to fit one.
class PreparationStep {
  public:
    virtual ~PreparationStep() = default;
    // The CLI's STEP name: "impute", "drop-duplicates", "outliers", "smote", ...
    virtual std::string_view name() const = 0;
    virtual std::string_view description() const = 0;
    virtual const ParamSpecs& params() const = 0;
    // Fits on `training` (the target column named so steps can leave it alone or use it, e.g.
    // SMOTE's classes). `seed` makes randomised steps reproducible.
    virtual std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                            const ParamValues& params, std::uint64_t seed,
                                            const TaskContext& task) const = 0;
    virtual std::unique_ptr<FittedStep> load(ByteReader& in) const = 0;
    // Data-protection steps (pseudonyms, generalisation, k-anonymity, DP noise) release a
    // protected table: a training pipeline applies them once to the whole table before rows are
    // split for validation, so a release is never repeated per fold.
    virtual bool protectsData() const { return false; }
};

// "impute:strategy=median,columns=a;b" -> {"impute", {{"strategy","median"},{"columns","a;b"}}}.
// Throws InvalidArgument("--step") for malformed text. List values inside a parameter are
// separated by ';' (',' separates parameters), as ../shared/docs/cli.md writes them. A value
// that holds a comma is quoted: value="a,b" ("" inside for a quote).
std::pair<std::string, std::map<std::string, std::string>> parseStepText(std::string_view text);
// The parameter's ';'-separated list ("a;b" -> {"a","b"}); empty text gives an empty list.
std::vector<std::string> splitList(const std::string& text);

}  // namespace glassbox
