#include "engine/k_anonymity_step.h"

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/k_anonymity.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "k-anonymity";

class FittedKAnonymity final : public FittedStep {
  public:
    FittedKAnonymity(std::vector<std::string> quasiIdentifiers, std::size_t k, bool suppress)
        : quasiIdentifiers_(std::move(quasiIdentifiers)), k_(k), suppress_(suppress) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse use, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        // Predictions must line up with the rows given: nothing is suppressed there.
        if (use == StepUse::Prediction) return table;
        for (const std::string& name : quasiIdentifiers_) requireColumn(table, name, kName);
        if (!suppress_) {
            const KAnonymityReport k = kAnonymity(table, quasiIdentifiers_, k_, task);
            addDetails(report, k, k);
            return table;
        }
        Suppression done = suppressToK(table, quasiIdentifiers_, k_, task);
        report.droppedRows += done.rowsRemoved;
        addDetails(report, done.before, done.after);
        return std::move(done.table);
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putStrings(quasiIdentifiers_);
        out.put<std::uint64_t>(k_);
        out.put<std::uint8_t>(suppress_ ? 1 : 0);
    }

    static std::unique_ptr<FittedStep> load(ByteReader& in) {
        expectStepFormat(in, kName);
        std::vector<std::string> quasiIdentifiers = in.getStrings();
        const auto k = in.get<std::uint64_t>();
        const auto suppress = in.get<std::uint8_t>();
        in.require(!quasiIdentifiers.empty() && k >= 1 && suppress <= 1,
                   "k-anonymity settings out of range");
        return std::make_unique<FittedKAnonymity>(std::move(quasiIdentifiers), k, suppress == 1);
    }

  private:
    void addDetails(StepReport& report, const KAnonymityReport& before,
                    const KAnonymityReport& after) const {
        report.details.emplace_back("k", std::to_string(after.k));
        report.details.emplace_back("k before", std::to_string(before.k));
        report.details.emplace_back("target k", std::to_string(k_));
        report.details.emplace_back("rows at risk", std::to_string(before.rowsAtRisk));
        report.details.emplace_back("classes", std::to_string(after.classes));
    }

    std::vector<std::string> quasiIdentifiers_;
    std::size_t k_;
    bool suppress_;
};

class KAnonymityStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "k-anonymity over quasi-identifiers: report the smallest group of rows sharing "
               "their values, suppress the rows of groups smaller than k";
    }
    const ParamSpecs& params() const override { return specs_; }
    bool protectsData() const override { return true; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string&,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext&) const override {
        std::vector<std::string> quasiIdentifiers =
            listedColumns(training, params.text("quasi_identifiers"), "quasi_identifiers");
        if (quasiIdentifiers.empty())
            throw InvalidArgument("quasi_identifiers", "name at least one quasi-identifier column");
        return std::make_unique<FittedKAnonymity>(std::move(quasiIdentifiers),
                                                  static_cast<std::size_t>(params.integer("k")),
                                                  params.text("action") == "suppress");
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        return FittedKAnonymity::load(in);
    }

  private:
    ParamSpecs specs_ = {
        {.name = "quasi_identifiers",
         .type = ParamType::Text,
         .defaultValue = "",
         .choices = {},
         .help = "Columns that together could single a person out (';' list)"},
        {.name = "k",
         .type = ParamType::Integer,
         .defaultValue = "5",
         .min = 2,
         .max = 1e9,
         .choices = {},
         .help = "Every combination of quasi-identifier values is shared by at least k rows"},
        {.name = "action",
         .type = ParamType::Choice,
         .defaultValue = "suppress",
         .choices = {"report", "suppress"},
         .help = "report: measure only; suppress: remove the training rows of groups smaller "
                 "than k"},
    };
};

}  // namespace

const PreparationStep& kAnonymityStep() {
    static const KAnonymityStep step;
    return step;
}

}  // namespace glassbox
