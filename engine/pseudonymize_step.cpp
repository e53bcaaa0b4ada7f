#include "engine/pseudonymize_step.h"

#include <filesystem>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/pseudonym_key.h"
#include "engine/pseudonymize.h"
#include "engine/roles_step.h"
#include "engine/step_columns.h"

namespace glassbox {
namespace {

constexpr std::string_view kName = "pseudonymize";

class FittedPseudonymize final : public FittedStep {
  public:
    FittedPseudonymize(std::vector<std::string> columns, std::string target, std::string keyFile,
                       std::string keyId, PseudonymOptions options)
        : columns_(std::move(columns)),
          target_(std::move(target)),
          keyFile_(std::move(keyFile)),
          keyId_(std::move(keyId)),
          options_(std::move(options)) {}

    std::string_view name() const override { return kName; }

    Table apply(const Table& table, StepUse, StepReport& report,
                const TaskContext& task) const override {
        report.step = std::string(kName);
        std::vector<std::string> present;
        for (const std::string& name : columns_) {
            // Prediction rows come without the target.
            if (name == target_ && table.indexOf(name) < 0) continue;
            requireColumn(table, name, kName);
            present.push_back(name);
        }
        // Read again at every use: the key never travels with the pipeline.
        const PseudonymKey key = PseudonymKey::load(keyFile_);
        if (key.id() != keyId_)
            throw IoError(keyFile_, "is not the key this pipeline was fitted with (key id " +
                                        key.id() + ", fitted with " + keyId_ + ")");
        PseudonymizedTable done;
        try {
            done = pseudonymizeTable(table, present, key, options_, task);
        } catch (const InvalidArgument& e) {
            if (e.parameter() != "hexDigits") throw;
            throw InvalidArgument("hex_digits",
                                  std::string(e.what()).substr(sizeof "hexDigits: " - 1));
        }
        for (const std::string& name : present) {
            const auto index = static_cast<std::size_t>(done.table.indexOf(name));
            done.table.replaceColumn(index, textColumnOf(done.table.column(index)));
        }
        report.details.emplace_back("key id", keyId_);
        for (const PseudonymReport& column : done.reports) {
            report.changedCells += column.cellsChanged;
            report.details.emplace_back("distinct values " + column.column,
                                        std::to_string(column.distinctValues));
        }
        return std::move(done.table);
    }

    void save(ByteWriter& out) const override {
        out.put<std::uint8_t>(kStepFormatVersion);
        out.putStrings(columns_);
        out.putString(target_);
        out.putString(keyFile_);
        out.putString(keyId_);
        out.put<std::uint64_t>(options_.hexDigits);
        out.putString(options_.prefix);
    }

    static std::unique_ptr<FittedStep> load(ByteReader& in) {
        expectStepFormat(in, kName);
        std::vector<std::string> columns = in.getStrings();
        std::string target = in.getString();
        std::string keyFile = in.getString();
        std::string keyId = in.getString();
        PseudonymOptions options;
        const auto digits = in.get<std::uint64_t>();
        in.require(digits >= 8 && digits <= 64, "pseudonyms of an unknown length");
        options.hexDigits = static_cast<std::size_t>(digits);
        options.prefix = in.getString();
        in.require(!keyFile.empty() && !keyId.empty(), "pseudonyms without a key file");
        return std::make_unique<FittedPseudonymize>(std::move(columns), std::move(target),
                                                    std::move(keyFile), std::move(keyId),
                                                    std::move(options));
    }

  private:
    std::vector<std::string> columns_;
    std::string target_;
    std::string keyFile_;
    std::string keyId_;
    PseudonymOptions options_;
};

class PseudonymizeStep final : public PreparationStep {
  public:
    std::string_view name() const override { return kName; }
    std::string_view description() const override {
        return "Replace identifiers by keyed pseudonyms (HMAC-SHA256 under a secret key file), "
               "kept as text columns";
    }
    const ParamSpecs& params() const override { return specs_; }
    bool protectsData() const override { return true; }

    std::unique_ptr<FittedStep> fit(const Table& training, const std::string& target,
                                    const ParamValues& params, std::uint64_t,
                                    const TaskContext&) const override {
        std::vector<std::string> columns =
            listedColumns(training, params.text("columns"), "columns");
        if (columns.empty())
            throw InvalidArgument("columns", "name the identifier columns to pseudonymize");
        for (const std::string& name : columns)
            if (name == target)
                throw InvalidArgument("columns", "\"" + name +
                                                     "\" is the target; pseudonyms are text, "
                                                     "never learnt from");
        const std::string& given = params.text("key_file");
        if (given.empty())
            throw InvalidArgument("key_file",
                                  "name the file of the secret key (created on first use); "
                                  "unkeyed hashing is not offered");
        // Absolute, so a model applied from another working directory finds the same file.
        std::error_code error;
        const std::filesystem::path absolute = std::filesystem::absolute(given, error);
        const std::string keyFile = error ? given : absolute.string();
        const PseudonymKey key = PseudonymKey::loadOrCreate(keyFile);
        PseudonymOptions options;
        options.hexDigits = static_cast<std::size_t>(params.integer("hex_digits"));
        options.prefix = params.text("prefix");
        return std::make_unique<FittedPseudonymize>(std::move(columns), target, keyFile, key.id(),
                                                    std::move(options));
    }

    std::unique_ptr<FittedStep> load(ByteReader& in) const override {
        return FittedPseudonymize::load(in);
    }

  private:
    ParamSpecs specs_ = {
        {.name = "columns",
         .type = ParamType::Text,
         .defaultValue = "",
         .choices = {},
         .help = "Identifier columns to pseudonymize (';' list)"},
        {.name = "key_file",
         .type = ParamType::Text,
         .defaultValue = "",
         .choices = {},
         .help = "File of the secret key, kept apart from the data; created with mode 0600 on "
                 "first use"},
        {.name = "hex_digits",
         .type = ParamType::Integer,
         .defaultValue = "16",
         .min = 8,
         .max = 64,
         .choices = {},
         .help = "Hex digits of the HMAC kept in each pseudonym"},
        {.name = "prefix",
         .type = ParamType::Text,
         .defaultValue = "ps_",
         .choices = {},
         .help = "Text put before the hex digits"},
    };
};

}  // namespace

const PreparationStep& pseudonymizeStep() {
    static const PseudonymizeStep step;
    return step;
}

}  // namespace glassbox
