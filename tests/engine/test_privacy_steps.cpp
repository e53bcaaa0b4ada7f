// The privacy preparation steps (pseudonymize, generalize, k-anonymity, dp-noise, roles): each
// applies what its building block computes, reloads to apply identically, treats prediction rows
// as promised, and names the parameter or file of every error. Expectations come from the
// building blocks themselves (engine/pseudonymize.h, generalize.h, k_anonymity.h,
// dp_mechanisms.h), never from hard-coded results.
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "engine/dp_mechanisms.h"
#include "engine/dp_noise_step.h"
#include "engine/feature_matrix.h"
#include "engine/generalize.h"
#include "engine/generalize_step.h"
#include "engine/k_anonymity.h"
#include "engine/k_anonymity_step.h"
#include "engine/pseudonym_key.h"
#include "engine/pseudonymize.h"
#include "engine/pseudonymize_step.h"
#include "engine/roles_step.h"
#include "engine/row_selection.h"
#include "engine/step_columns.h"
#include "engine/table_reader.h"
#include "engine/value_parsing.h"
#include "step_test_support.h"

using namespace glassbox;
using namespace steptest;

namespace {

using Params = std::map<std::string, std::string>;

Column dates(const std::string& name, const std::vector<std::string>& cells) {
    std::vector<double> seconds;
    ValidityMask valid(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::optional<ParsedDateTime> parsed = parseIsoDateTime(cells[i]);
        seconds.push_back(parsed ? parsed->seconds : 0.0);
        valid.set(i, parsed.has_value());
    }
    return Column::dateTime(name, seconds, false, valid);
}

// Twelve people: an identifier, quasi-identifiers of each kind, a sensitive column, a target.
Table people() {
    return Table(
        {categories("id", {"ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal", "ivy", "jo",
                           "kim", "lu"}),
         numbers("age", {34, 37, 41, 45, 33, 38, 52, 57, 36, 44, 49, 31}),
         numbers("income", {21.5, 40, 33.25, 18, 52.75, 29, 61, 45.5, 38, 27, 33, 24}),
         categories("zip", {"SW1A 1AA", "SW1A 2BB", "EC1 4AB", "EC1 9ZZ", "SW1A 1AA", "N1 7GU",
                            "EC1 4AB", "N1 7GU", "SW1A 2BB", "EC1 9ZZ", "N1 8QR", "SW1A 3CC"}),
         dates("visit",
               {"2024-01-05", "2024-01-20", "2024-02-11", "2024-03-03", "2023-12-30", "2024-02-28",
                "", "2024-01-01", "2024-03-31", "2023-11-15", "2024-02-29", "2024-01-19"}),
         categories("sex", {"f", "m", "f", "m", "f", "f", "m", "m", "f", "m", "f", "m"}),
         categories("diagnosis", {"flu", "cold", "flu", "asthma", "cold", "flu", "flu", "cold",
                                  "asthma", "flu", "cold", "flu"}),
         numbers("target", {0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0})});
}

Table dataset(const std::string& file) {
    return readTable(std::string(GLASSBOX_SHARED_DIR) + "/datasets/" + file, ReadOptions{}).table;
}

std::vector<std::string> list(const QString& text) {
    return splitList(text.toStdString());
}

const Column& columnOf(const Table& table, const std::string& name) {
    return table.column(static_cast<std::size_t>(table.indexOf(name)));
}

// The columns of `a` and `b` other than `except` are the same.
bool sameOtherColumns(const Table& a, const Table& b, const std::vector<std::string>& except) {
    if (namesOf(a) != namesOf(b)) return false;
    for (const Column& column : a.columns()) {
        if (std::find(except.begin(), except.end(), column.name()) != except.end()) continue;
        if (!sameTable(Table({column}), Table({columnOf(b, column.name())}))) return false;
    }
    return true;
}

std::unique_ptr<FittedStep> fitted(const PreparationStep& step, const Table& table,
                                   const Params& params) {
    return fitWith(step, table, "target", params);
}

// Applies the step as saved and loaded again, and as fitted: nullopt unless both give the same
// table and report (dp-noise is random: its tables are not compared, its plans are, in the
// report).
std::optional<Table> appliedTwice(const PreparationStep& step, const FittedStep& fit,
                                  const Table& table, StepUse use, StepReport& report) {
    const auto loaded = roundTrip(step, fit);
    Table out = applied(*loaded, table, use, &report);
    StepReport direct;
    const Table expected = applied(fit, table, use, &direct);
    const bool random = step.name() == "dp-noise";
    if (!random && !sameTable(out, expected)) return std::nullopt;
    if (direct.changedCells != report.changedCells || direct.droppedRows != report.droppedRows)
        return std::nullopt;
    if (direct.details != report.details) return std::nullopt;
    if (random && direct.changedCells == 0 && use == StepUse::Training) return std::nullopt;
    return out;
}

Table orEmpty(const std::optional<Table>& table) {
    return table.value_or(Table());
}

std::string keyHexOf(const std::string& path) {
    std::ifstream in(path);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty() && line[0] != '#') last = line;
    return last;
}

bool contains(const std::vector<std::uint8_t>& bytes, const std::string& text) {
    return std::search(bytes.begin(), bytes.end(), text.begin(), text.end()) != bytes.end();
}

// Smallest number of distinct `sensitive` values within one class of `quasi` (brute force over
// the formatted cells; the whole table one class without quasi-identifiers).
std::size_t bruteLDiversity(const Table& table, const std::vector<std::string>& quasi,
                            const std::string& sensitive) {
    std::map<std::string, std::set<std::string>> values;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        std::string key;
        for (const std::string& name : quasi) {
            const Column& c = columnOf(table, name);
            key += (c.isMissing(r) ? std::string("\x01") : c.format(r)) + '\x00';
        }
        const Column& s = columnOf(table, sensitive);
        values[key].insert(s.isMissing(r) ? std::string("\x01") : s.format(r));
    }
    std::size_t least = SIZE_MAX;
    for (const auto& [key, set] : values) least = std::min(least, set.size());
    return values.empty() ? 0 : least;
}

// The label generalizeToRanges gives `value` among the training values.
std::string labelAmong(std::vector<double> training, double value, const ParamValues& params) {
    training.push_back(value);
    return generalizeToRanges(numbers("x", training), params.real("width"), params.real("origin"))
        .column.format(training.size() - 1);
}

double number(const std::string& text) {
    return parseNumber(text).value_or(std::nan(""));
}

}  // namespace

class PrivacyStepsTest : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    std::string keyPath(const std::string& name) const {
        return dir_.filePath(QString::fromStdString(name)).toStdString();
    }

  private slots:
    // ---- every step ----

    void stepsProtectDataAndSaveTheirFormat_data() {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("params");
        QTest::newRow("pseudonymize") << "pseudonymize"
                                      << "columns=id,key_file=KEY";
        QTest::newRow("generalize") << "generalize"
                                    << "columns=age";
        QTest::newRow("k-anonymity") << "k-anonymity"
                                     << "quasi_identifiers=sex";
        QTest::newRow("dp-noise") << "dp-noise"
                                  << "columns=income";
        QTest::newRow("roles") << "roles"
                               << "identifiers=id";
    }
    void stepsProtectDataAndSaveTheirFormat() {
        QFETCH(QString, step);
        QFETCH(QString, params);
        const std::map<std::string, const PreparationStep*> steps{
            {"pseudonymize", &pseudonymizeStep()},
            {"generalize", &generalizeStep()},
            {"k-anonymity", &kAnonymityStep()},
            {"dp-noise", &dpNoiseStep()},
            {"roles", &rolesStep()}};
        const PreparationStep& s = *steps.at(step.toStdString());
        QCOMPARE(s.name(), std::string_view(step.toStdString()));
        QVERIFY(s.protectsData());
        auto [name, given] = parseStepText((step + ":" + params).toStdString());
        for (auto& [key, value] : given)
            if (value == "KEY") value = keyPath("format.key");
        const auto fit = fitted(s, people(), given);
        QCOMPARE(fit->name(), s.name());
        std::vector<std::uint8_t> bytes = bytesOf(*fit);
        QCOMPARE(bytes.at(0), kStepFormatVersion);
        bytes[0] = kStepFormatVersion + 1;
        ByteReader in(bytes, "model.gbx");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, s.load(in));
        // Only dp-noise spends privacy budget.
        QCOMPARE(fit->privacyLoss().has_value(), step == "dp-noise");
    }

    void badParametersAreNamed_data() {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("pseudonymize no columns") << "pseudonymize"
                                                 << "key_file=KEY"
                                                 << "columns";
        QTest::newRow("pseudonymize unknown column") << "pseudonymize"
                                                     << "columns=id;nobody,key_file=KEY"
                                                     << "columns";
        QTest::newRow("pseudonymize the target") << "pseudonymize"
                                                 << "columns=target,key_file=KEY"
                                                 << "columns";
        QTest::newRow("pseudonymize no key") << "pseudonymize"
                                             << "columns=id"
                                             << "key_file";
        QTest::newRow("pseudonymize hex_digits 7") << "pseudonymize"
                                                   << "columns=id,key_file=KEY,hex_digits=7"
                                                   << "hex_digits";
        QTest::newRow("pseudonymize hex_digits 65") << "pseudonymize"
                                                    << "columns=id,key_file=KEY,hex_digits=65"
                                                    << "hex_digits";
        QTest::newRow("pseudonymize unkeyed hash") << "pseudonymize"
                                                   << "columns=id,method=sha256"
                                                   << "method";
        QTest::newRow("generalize no columns") << "generalize"
                                               << ""
                                               << "columns";
        QTest::newRow("generalize method") << "generalize"
                                           << "columns=age,method=decade"
                                           << "method";
        QTest::newRow("generalize width 0") << "generalize"
                                            << "columns=age,width=0"
                                            << "width";
        QTest::newRow("generalize width too narrow") << "generalize"
                                                     << "columns=income,width=1e-300"
                                                     << "width";
        QTest::newRow("generalize keep 0") << "generalize"
                                           << "columns=zip,method=truncate,keep=0"
                                           << "keep";
        QTest::newRow("generalize ranges of text") << "generalize"
                                                   << "columns=zip"
                                                   << "columns";
        QTest::newRow("generalize months of numbers") << "generalize"
                                                      << "columns=age,method=month"
                                                      << "columns";
        QTest::newRow("generalize truncate numbers") << "generalize"
                                                     << "columns=age,method=truncate"
                                                     << "columns";
        QTest::newRow("k-anonymity no columns") << "k-anonymity"
                                                << ""
                                                << "quasi_identifiers";
        QTest::newRow("k-anonymity unknown") << "k-anonymity"
                                             << "quasi_identifiers=age;nobody"
                                             << "quasi_identifiers";
        QTest::newRow("k-anonymity k 1") << "k-anonymity"
                                         << "quasi_identifiers=age,k=1"
                                         << "k";
        QTest::newRow("k-anonymity action") << "k-anonymity"
                                            << "quasi_identifiers=age,action=drop"
                                            << "action";
        QTest::newRow("dp-noise no columns") << "dp-noise"
                                             << ""
                                             << "columns";
        QTest::newRow("dp-noise categorical") << "dp-noise"
                                              << "columns=zip"
                                              << "columns";
        QTest::newRow("dp-noise epsilon 0") << "dp-noise"
                                            << "columns=age,epsilon=0"
                                            << "epsilon";
        QTest::newRow("dp-noise mechanism") << "dp-noise"
                                            << "columns=age,mechanism=exponential"
                                            << "mechanism";
        QTest::newRow("dp-noise delta 0") << "dp-noise"
                                          << "columns=age,mechanism=gaussian,delta=0"
                                          << "delta";
        QTest::newRow("dp-noise delta 1") << "dp-noise"
                                          << "columns=age,mechanism=gaussian,delta=1"
                                          << "delta";
        QTest::newRow("dp-noise laplace delta 1") << "dp-noise"
                                                  << "columns=age,delta=1"
                                                  << "delta";
        QTest::newRow("dp-noise lower text") << "dp-noise"
                                             << "columns=age,lower=low"
                                             << "lower";
        QTest::newRow("dp-noise upper count") << "dp-noise"
                                              << "columns=age;income,upper=1;2;3"
                                              << "upper";
        QTest::newRow("dp-noise lower above upper") << "dp-noise"
                                                    << "columns=age,lower=50,upper=40"
                                                    << "lower";
        QTest::newRow("roles nothing") << "roles"
                                       << ""
                                       << "identifiers";
        QTest::newRow("roles two roles") << "roles"
                                         << "identifiers=id,sensitive=diagnosis;id"
                                         << "sensitive";
        QTest::newRow("roles target identifier") << "roles"
                                                 << "identifiers=target"
                                                 << "identifiers";
        QTest::newRow("roles unknown") << "roles"
                                       << "quasi_identifiers=nobody"
                                       << "quasi_identifiers";
        QTest::newRow("roles k") << "roles"
                                 << "identifiers=id,k=1"
                                 << "k";
    }
    void badParametersAreNamed() {
        QFETCH(QString, step);
        QFETCH(QString, params);
        QFETCH(QString, parameter);
        const std::map<std::string, const PreparationStep*> steps{
            {"pseudonymize", &pseudonymizeStep()},
            {"generalize", &generalizeStep()},
            {"k-anonymity", &kAnonymityStep()},
            {"dp-noise", &dpNoiseStep()},
            {"roles", &rolesStep()}};
        const PreparationStep& s = *steps.at(step.toStdString());
        auto given =
            parseStepText((step + (params.isEmpty() ? "" : ":" + params)).toStdString()).second;
        for (auto& [key, value] : given)
            if (value == "KEY") value = keyPath("bad.key");
        QCOMPARE(failingParameter([&] { fitted(s, people(), given); }), parameter.toStdString());
    }

    // ---- pseudonymize ----

    void pseudonymizeAppliesTheBuildingBlock_data() {
        QTest::addColumn<QString>("columns");
        QTest::addColumn<int>("digits");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("identifier") << "id" << 16 << "ps_";
        QTest::newRow("two columns, 8 digits") << "id;zip" << 8 << "p";
        QTest::newRow("numbers and dates, 64 digits") << "age;visit" << 64 << "";
    }
    void pseudonymizeAppliesTheBuildingBlock() {
        QFETCH(QString, columns);
        QFETCH(int, digits);
        QFETCH(QString, prefix);
        const std::string path = keyPath("block.key");
        const auto fit = fitted(pseudonymizeStep(), people(),
                                {{"columns", columns.toStdString()},
                                 {"key_file", path},
                                 {"hex_digits", std::to_string(digits)},
                                 {"prefix", prefix.toStdString()}});
        StepReport report;
        const std::optional<Table> outTwice =
            appliedTwice(pseudonymizeStep(), *fit, people(), StepUse::Training, report);
        QVERIFY2(outTwice, "the reloaded step applies otherwise");
        const Table& out = *outTwice;

        const PseudonymKey key = PseudonymKey::load(path);
        PseudonymOptions options;
        options.hexDigits = static_cast<std::size_t>(digits);
        options.prefix = prefix.toStdString();
        const std::vector<std::string> names = list(columns);
        const PseudonymizedTable expected = pseudonymizeTable(people(), names, key, options);
        std::size_t changed = 0;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const Column& column = columnOf(out, names[i]);
            QCOMPARE(column.type(), ColumnType::Text);
            QCOMPARE(textsOf(out, names[i]), textsOf(expected.table, names[i]));
            QCOMPARE(detail(report, "distinct values " + names[i]),
                     std::to_string(expected.reports[i].distinctValues));
            changed += expected.reports[i].cellsChanged;
        }
        QVERIFY(sameOtherColumns(out, people(), names));
        QCOMPARE(report.changedCells, changed);
        QCOMPARE(detail(report, "key id"), key.id());
        // Text columns are never model features.
        for (const FeatureInfo& feature : featureSchemaOf(out, "target").features)
            QVERIFY(std::find(names.begin(), names.end(), feature.name) == names.end());
    }

    void pseudonymsAtPredictionEqualThoseAtTraining() {
        const std::string path = keyPath("predict.key");
        const auto fit =
            fitted(pseudonymizeStep(), people(), {{"columns", "id;zip"}, {"key_file", path}});
        const Table trained = applied(*fit, people(), StepUse::Training);
        // Later rows, reordered, one unseen value, no target.
        const std::vector<std::size_t> rows{5, 0, 5, 11};
        Table later = selectRows(people(), rows);
        later = Table({categories("zip", textsOf(later, "zip")),
                       categories("id", {"fay", "ann", "fay", "zed"}), columnOf(later, "age")});
        StepReport report;
        const std::optional<Table> predictedTwice =
            appliedTwice(pseudonymizeStep(), *fit, later, StepUse::Prediction, report);
        QVERIFY2(predictedTwice, "the reloaded step applies otherwise");
        const Table& predicted = *predictedTwice;
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(columnOf(predicted, "id").format(i), columnOf(trained, "id").format(rows[i]));
            QCOMPARE(columnOf(predicted, "zip").format(i),
                     columnOf(trained, "zip").format(rows[i]));
        }
        QCOMPARE(columnOf(predicted, "zip").format(3), columnOf(trained, "zip").format(11));
        const std::vector<std::string> pseudonymsOfId = textsOf(trained, "id");
        QVERIFY(std::find(pseudonymsOfId.begin(), pseudonymsOfId.end(),
                          columnOf(predicted, "id").format(3)) == pseudonymsOfId.end());
    }

    void keyFileIsCreatedPrivate() {
        const std::string path = keyPath("created.key");
        QVERIFY(!QFile::exists(QString::fromStdString(path)));
        fitted(pseudonymizeStep(), people(), {{"columns", "id"}, {"key_file", path}});
        struct stat info {};
        QCOMPARE(::stat(path.c_str(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t{0600});
    }

    void fittedStepHoldsTheKeyIdNotTheKey() {
        const std::string path = keyPath("secret.key");
        const auto fit =
            fitted(pseudonymizeStep(), people(), {{"columns", "id"}, {"key_file", path}});
        const std::vector<std::uint8_t> bytes = bytesOf(*fit);
        const PseudonymKey key = PseudonymKey::load(path);
        const std::string hex = keyHexOf(path);
        QCOMPARE(hex.size(), std::size_t{64});
        QVERIFY(!contains(bytes, hex));
        const std::string raw(key.bytes().begin(), key.bytes().end());
        QVERIFY(!contains(bytes, raw));
        QVERIFY(contains(bytes, key.id()));
        QVERIFY(contains(bytes, path));
    }

    void wrongOrMissingKeyIsAnIoErrorNamingTheFile_data() {
        QTest::addColumn<bool>("replace");
        QTest::newRow("missing") << false;
        QTest::newRow("another key") << true;
    }
    void wrongOrMissingKeyIsAnIoErrorNamingTheFile() {
        QFETCH(bool, replace);
        const std::string path = keyPath(replace ? "replaced.key" : "removed.key");
        const auto fit =
            fitted(pseudonymizeStep(), people(), {{"columns", "id"}, {"key_file", path}});
        const auto loaded = roundTrip(pseudonymizeStep(), *fit);
        QVERIFY(QFile::remove(QString::fromStdString(path)));
        if (replace) QVERIFY(PseudonymKey::loadOrCreate(path).created());
        for (const StepUse use : {StepUse::Training, StepUse::Prediction}) {
            try {
                applied(*loaded, people(), use);
                QFAIL("applied without the key it was fitted with");
            } catch (const IoError& e) {
                QCOMPARE(e.file(), path);
                if (replace)
                    QVERIFY(std::string(e.what()).find(
                                "is not the key this pipeline was fitted with") !=
                            std::string::npos);
            }
        }
    }

    // ---- generalize ----

    void generalizeAppliesTheBuildingBlock_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("column");
        QTest::newRow("ages by 10") << "columns=age"
                                    << "age";
        QTest::newRow("ages by 5 from 3") << "columns=age,width=5,origin=3"
                                          << "age";
        QTest::newRow("income by 2.5") << "columns=income,width=2.5,origin=0.5"
                                       << "income";
        QTest::newRow("months") << "columns=visit,method=month"
                                << "visit";
        QTest::newRow("years") << "columns=visit,method=year"
                               << "visit";
        QTest::newRow("postcodes") << "columns=zip,method=truncate,keep=4"
                                   << "zip";
        QTest::newRow("postcodes, marker") << "columns=zip,method=truncate,keep=2,marker=~"
                                           << "zip";
    }
    void generalizeAppliesTheBuildingBlock() {
        QFETCH(QString, params);
        QFETCH(QString, column);
        const std::string name = column.toStdString();
        const auto given = parseStepText(("generalize:" + params).toStdString()).second;
        const ParamValues values = ParamValues::resolve(generalizeStep().params(), given);
        const auto fit = fitted(generalizeStep(), people(), given);
        StepReport report;
        const std::optional<Table> outTwice =
            appliedTwice(generalizeStep(), *fit, people(), StepUse::Training, report);
        QVERIFY2(outTwice, "the reloaded step applies otherwise");
        const Table& out = *outTwice;

        const Table table = people();
        const Column& original = columnOf(table, name);
        const std::string& method = values.text("method");
        const GeneralizedColumn expected =
            method == "ranges"
                ? generalizeToRanges(original, values.real("width"), values.real("origin"))
            : method == "truncate"
                ? truncateStrings(original, static_cast<std::size_t>(values.integer("keep")),
                                  values.text("marker"))
                : generalizeDates(original,
                                  method == "year" ? DatePrecision::Year : DatePrecision::Month);
        QVERIFY(sameTable(Table({columnOf(out, name)}), Table({expected.column})));
        QVERIFY(sameOtherColumns(out, people(), {name}));
        QCOMPARE(report.changedCells, expected.report.cellsChanged);
        QCOMPARE(detail(report, "rule " + name), expected.report.rule);
        QCOMPARE(detail(report, "distinct before " + name),
                 std::to_string(expected.report.distinctBefore));
        QCOMPARE(detail(report, "distinct after " + name),
                 std::to_string(expected.report.distinctAfter));
    }

    // A value gets its training label at Prediction whatever else the later table holds, though
    // generalizeToRanges' label style depends on the whole column (whole numbers or not, a range
    // below 0 or not).
    void generalizeLabelsAValueAsAtTraining_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<std::vector<double>>("training");
        QTest::addColumn<std::vector<double>>("later");
        const QString byTen = "columns=x";
        QTest::newRow("same values")
            << byTen << std::vector<double>{3, 17, 25, 41} << std::vector<double>{41, 3, 3};
        QTest::newRow("a fraction among whole numbers")
            << byTen << std::vector<double>{3, 17, 25, 41} << std::vector<double>{17, 37.5, 3};
        QTest::newRow("a value below 0 where training had none")
            << byTen << std::vector<double>{3, 17, 25, 41} << std::vector<double>{25, -3, 41};
        QTest::newRow("whole numbers where training had fractions")
            << byTen << std::vector<double>{3.5, 17, 25} << std::vector<double>{17, 25, 30};
        QTest::newRow("no value below 0 where training had one")
            << byTen << std::vector<double>{-3, 17, 25} << std::vector<double>{17, 25, 60};
        QTest::newRow("fraction and negative, training had a negative")
            << byTen << std::vector<double>{-3, 17, 25} << std::vector<double>{17, 2.5, -3};
        QTest::newRow("width 1") << "columns=x,width=1" << std::vector<double>{3, 4, 5}
                                 << std::vector<double>{5, 4.5, -1, kMissing};
        QTest::newRow("origin 5") << "columns=x,origin=5" << std::vector<double>{7, 18, 33}
                                  << std::vector<double>{18, 1, 7, 0.25};
        QTest::newRow("missing and infinite")
            << byTen << std::vector<double>{3, kMissing, INFINITY, 17}
            << std::vector<double>{INFINITY, 3, -2.5, 17};
    }
    void generalizeLabelsAValueAsAtTraining() {
        QFETCH(QString, params);
        QFETCH(std::vector<double>, training);
        QFETCH(std::vector<double>, later);
        const Table train(
            {numbers("x", training), numbers("target", std::vector<double>(training.size(), 0))});
        const auto given = parseStepText(("generalize:" + params).toStdString()).second;
        const ParamValues values = ParamValues::resolve(generalizeStep().params(), given);
        const auto fit = fitted(generalizeStep(), train, given);
        const Table trained = applied(*fit, train, StepUse::Training);
        std::map<double, std::string> labelAtTraining;
        for (std::size_t r = 0; r < training.size(); ++r)
            if (!std::isnan(training[r]))
                labelAtTraining[training[r]] = columnOf(trained, "x").format(r);

        StepReport report;
        const std::optional<Table> predictedTwice = appliedTwice(
            generalizeStep(), *fit, Table({numbers("x", later)}), StepUse::Prediction, report);
        QVERIFY2(predictedTwice, "the reloaded step applies otherwise");
        const Table& predicted = *predictedTwice;
        const Column& out = columnOf(predicted, "x");
        QCOMPARE(out.type(), ColumnType::Categorical);
        std::set<std::string> used;
        for (std::size_t r = 0; r < later.size(); ++r) {
            QCOMPARE(out.isMissing(r), std::isnan(later[r]));
            if (out.isMissing(r)) continue;
            used.insert(out.format(r));
            if (labelAtTraining.contains(later[r]))
                QCOMPARE(out.format(r), labelAtTraining.at(later[r]));
            else  // a new value: its label had it been among the training rows
                QCOMPARE(out.format(r), labelAmong(training, later[r], values));
        }
        // Every level is a label some row has (no helper values left behind).
        QCOMPARE(std::set<std::string>(out.levels().begin(), out.levels().end()), used);
        QCOMPARE(out.levels().size(), used.size());
    }

    // ---- k-anonymity ----

    void suppressionReachesK_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("quasi");
        QTest::addColumn<int>("k");
        QTest::newRow("sex, k 2") << "people"
                                  << "sex" << 2;
        QTest::newRow("sex, k 7") << "people"
                                  << "sex" << 7;
        QTest::newRow("zip and sex, k 2") << "people"
                                          << "zip;sex" << 2;
        QTest::newRow("already 3-anonymous") << "people"
                                             << "diagnosis" << 3;
        QTest::newRow("diabetes age and sex, k 5") << "diabetes_regression.csv"
                                                   << "age;sex" << 5;
        QTest::newRow("diabetes age, k 10") << "diabetes_regression.csv"
                                            << "age" << 10;
    }
    void suppressionReachesK() {
        QFETCH(QString, source);
        QFETCH(QString, quasi);
        QFETCH(int, k);
        const Table table = source == "people" ? people() : dataset(source.toStdString());
        const std::vector<std::string> qi = list(quasi);
        const auto target = static_cast<std::size_t>(k);
        const KAnonymityReport before = kAnonymity(table, qi, target);
        const auto fit =
            fitWith(kAnonymityStep(), table, "",
                    {{"quasi_identifiers", quasi.toStdString()}, {"k", std::to_string(k)}});
        StepReport report;
        const std::optional<Table> outTwice =
            appliedTwice(kAnonymityStep(), *fit, table, StepUse::Training, report);
        QVERIFY2(outTwice, "the reloaded step applies otherwise");
        const Table& out = *outTwice;
        QVERIFY(sameTable(out, suppressToK(table, qi, target).table));
        QCOMPARE(report.droppedRows, before.rowsAtRisk);
        QCOMPARE(out.rowCount(), table.rowCount() - before.rowsAtRisk);
        const KAnonymityReport after = kAnonymity(out, qi, target);
        QCOMPARE(after.rowsAtRisk, std::size_t{0});
        const EquivalenceClasses classes = equivalenceClasses(out, qi);
        for (const std::size_t size : classes.sizes) QVERIFY(size >= target);
        QCOMPARE(detail(report, "k"), std::to_string(after.k));
        QCOMPARE(detail(report, "k before"), std::to_string(before.k));
        QCOMPARE(detail(report, "target k"), std::to_string(k));
        QCOMPARE(detail(report, "rows at risk"), std::to_string(before.rowsAtRisk));
        QCOMPARE(detail(report, "classes"), std::to_string(after.classes));

        // report only: the same measures, no row removed.
        const auto measure = fitWith(kAnonymityStep(), table, "",
                                     {{"quasi_identifiers", quasi.toStdString()},
                                      {"k", std::to_string(k)},
                                      {"action", "report"}});
        StepReport measured;
        QVERIFY(sameTable(
            orEmpty(appliedTwice(kAnonymityStep(), *measure, table, StepUse::Training, measured)),
            table));
        QCOMPARE(measured.droppedRows, std::size_t{0});
        QCOMPARE(detail(measured, "k"), std::to_string(before.k));
        QCOMPARE(detail(measured, "k before"), std::to_string(before.k));
        QCOMPARE(detail(measured, "rows at risk"), std::to_string(before.rowsAtRisk));
        QCOMPARE(detail(measured, "classes"), std::to_string(before.classes));

        // Prediction rows pass one for one.
        for (const auto* f : {fit.get(), measure.get()}) {
            StepReport predicted;
            QVERIFY(sameTable(
                orEmpty(appliedTwice(kAnonymityStep(), *f, table, StepUse::Prediction, predicted)),
                table));
            QCOMPARE(predicted.droppedRows, std::size_t{0});
        }
    }

    void kAnonymityNeedsItsColumnsAtTraining() {
        const auto fit = fitted(kAnonymityStep(), people(), {{"quasi_identifiers", "zip;sex"}});
        const Table without({columnOf(people(), "zip")});
        QCOMPARE(failingParameter([&] { applied(*fit, without, StepUse::Training); }),
                 std::string("sex"));
    }

    // ---- dp-noise ----

    void dpNoiseReleasesOnTheGrid_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<double>("epsilon");
        QTest::addColumn<double>("delta");  // 0: Laplace
        QTest::newRow("laplace, one column, auto") << "columns=income" << 1.0 << 0.0;
        QTest::newRow("laplace, two columns, declared")
            << "columns=age;income,epsilon=0.5,lower=0,upper=100" << 0.5 << 0.0;
        QTest::newRow("laplace, per-column bounds")
            << "columns=age;income,epsilon=2,lower=18;0,upper=90;auto" << 2.0 << 0.0;
        QTest::newRow("gaussian, one column")
            << "columns=age,mechanism=gaussian,delta=1e-5,lower=0,upper=120" << 1.0 << 1e-5;
        QTest::newRow("gaussian, two columns, auto")
            << "columns=age;income,mechanism=gaussian,epsilon=3" << 3.0 << 1e-6;
    }
    void dpNoiseReleasesOnTheGrid() {
        QFETCH(QString, params);
        QFETCH(double, epsilon);
        QFETCH(double, delta);
        const auto given = parseStepText(("dp-noise:" + params).toStdString()).second;
        const auto fit = fitted(dpNoiseStep(), people(), given);
        const PrivacyLoss loss = PrivacyLoss::of(epsilon, delta);
        QVERIFY(fit->privacyLoss().has_value());
        QCOMPARE(fit->privacyLoss()->epsilonUnits, loss.epsilonUnits);
        QCOMPARE(fit->privacyLoss()->deltaUnits, loss.deltaUnits);

        StepReport report;
        const std::optional<Table> outTwice =
            appliedTwice(dpNoiseStep(), *fit, people(), StepUse::Training, report);
        QVERIFY2(outTwice, "the reloaded step applies otherwise");
        const Table& out = *outTwice;
        const std::vector<std::string> names = splitList(given.at("columns"));
        QVERIFY(sameOtherColumns(out, people(), names));
        const ParamValues values = ParamValues::resolve(dpNoiseStep().params(), given);
        const std::vector<std::string> lowers = splitList(values.text("lower"));
        const std::vector<std::string> uppers = splitList(values.text("upper"));
        // The even split, as the building block is asked for it.
        const std::uint64_t n = names.size();
        const PrivacyLoss share{loss.epsilonUnits / n, loss.deltaUnits / n};
        for (std::size_t i = 0; i < n; ++i) {
            const std::string& name = names[i];
            const std::vector<double> sorted = sortedFinite(columnOf(people(), name));
            const std::string lower = lowers.size() == 1 ? lowers[0] : lowers[i];
            const std::string upper = uppers.size() == 1 ? uppers[0] : uppers[i];
            DpRequest request;
            request.noise = delta > 0 ? DpNoise::Gaussian : DpNoise::Laplace;
            request.epsilon = share.epsilon();
            request.delta = share.delta();
            request.lower = lower == "auto" ? sorted.front() : number(lower);
            request.upper = upper == "auto" ? sorted.back() : number(upper);
            const DpPlan plan = planDpRelease(DpQuery::Values, request);
            QCOMPARE(detail(report, "noise sd " + name),
                     formatNumber(plan.noiseStandardDeviation()));
            QCOMPARE(detail(report, "grid step " + name), formatNumber(plan.gridStep()));
            const Column& released = columnOf(out, name);
            QCOMPARE(released.type(), ColumnType::Numeric);
            QCOMPARE(released.missingCount(), std::size_t{0});
            for (std::size_t r = 0; r < released.size(); ++r) {
                const double steps = released.number(r) / plan.gridStep();
                QCOMPARE(steps, std::floor(steps));
            }
        }
        QCOMPARE(detail(report, "epsilon spent"),
                 formatNumber(PrivacyLoss{share.epsilonUnits * n, 0}.epsilon()));
        QCOMPARE(detail(report, "delta spent"),
                 formatNumber(PrivacyLoss{0, share.deltaUnits * n}.delta()));
        QVERIFY(report.changedCells > 0);

        // Rows to predict are not released: they pass unchanged.
        StepReport predicted;
        QVERIFY(sameTable(
            orEmpty(appliedTwice(dpNoiseStep(), *fit, people(), StepUse::Prediction, predicted)),
            people()));
        QCOMPARE(predicted.changedCells, std::size_t{0});
    }

    void dpNoiseSplitsEpsilonOverColumns() {
        const Params bounds{{"lower", "0"}, {"upper", "100"}};
        Params two = bounds, one = bounds;
        two["columns"] = "age;income";
        two["epsilon"] = "1";
        one["columns"] = "age";
        one["epsilon"] = "0.5";
        StepReport splitReport, singleReport;
        applied(*fitted(dpNoiseStep(), people(), two), people(), StepUse::Training, &splitReport);
        applied(*fitted(dpNoiseStep(), people(), one), people(), StepUse::Training, &singleReport);
        QVERIFY(detail(singleReport, "noise sd age") != "(none)");
        QCOMPARE(detail(splitReport, "noise sd age"), detail(singleReport, "noise sd age"));
        QCOMPARE(detail(splitReport, "noise sd income"), detail(singleReport, "noise sd age"));
        QCOMPARE(detail(splitReport, "epsilon spent"), std::string("1"));
        QCOMPARE(detail(singleReport, "epsilon spent"), std::string("0.5"));
        QCOMPARE(detail(splitReport, "delta spent"), std::string("0"));
    }

    // The noise the step adds has the planned spread (the building block's distribution): over
    // 4000 rows the sample standard deviation is within 15% of the plan's (the estimate's own
    // standard error is under 3%).
    void dpNoiseHasThePlannedSpread_data() {
        QTest::addColumn<QString>("mechanism");
        QTest::newRow("laplace") << "laplace";
        QTest::newRow("gaussian") << "gaussian";
    }
    void dpNoiseHasThePlannedSpread() {
        QFETCH(QString, mechanism);
        std::vector<double> x(4000);
        for (std::size_t i = 0; i < x.size(); ++i) x[i] = double(i % 100);
        const Table table({numbers("x", x)});
        const auto fit = fitWith(dpNoiseStep(), table, "",
                                 {{"columns", "x"},
                                  {"lower", "0"},
                                  {"upper", "100"},
                                  {"epsilon", "2"},
                                  {"mechanism", mechanism.toStdString()}});
        StepReport report;
        const Table out = applied(*fit, table, StepUse::Training, &report);
        double sum = 0, squares = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double noise = columnOf(out, "x").number(i) - x[i];
            sum += noise;
            squares += noise * noise;
        }
        const double n = double(x.size());
        const double sd = std::sqrt((squares - sum * sum / n) / (n - 1));
        const double planned = number(detail(report, "noise sd x"));
        QVERIFY2(std::fabs(sd / planned - 1) < 0.15,
                 qPrintable(QString("sd %1, planned %2").arg(sd).arg(planned)));
    }

    void dpNoiseRefusesMissingValues() {
        Table table = people();
        table.replaceColumn(static_cast<std::size_t>(table.indexOf("income")),
                            numbers("income", {1, 2, kMissing, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
        try {
            fitted(dpNoiseStep(), table, {{"columns", "age;income"}});
            QFAIL("missing values accepted");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("columns"));
            const std::string message = e.what();
            QVERIFY(message.find("\"income\"") != std::string::npos);
            QVERIFY(message.find("impute or drop missing values before dp-noise") !=
                    std::string::npos);
        }
        // Fitted on complete rows, then given missing ones.
        const auto fit = fitted(dpNoiseStep(), people(), {{"columns", "age;income"}});
        QCOMPARE(failingParameter([&] { applied(*fit, table, StepUse::Training); }),
                 std::string("income"));
    }

    void dpNoiseWarnsOfBoundsFromTheData_data() {
        QTest::addColumn<QString>("lower");
        QTest::addColumn<QString>("upper");
        QTest::addColumn<bool>("warns");
        QTest::newRow("auto") << "auto"
                              << "auto" << true;
        QTest::newRow("lower declared") << "0"
                                        << "auto" << true;
        QTest::newRow("both declared") << "0"
                                       << "80" << false;
    }
    void dpNoiseWarnsOfBoundsFromTheData() {
        QFETCH(QString, lower);
        QFETCH(QString, upper);
        QFETCH(bool, warns);
        const auto fit = fitted(
            dpNoiseStep(), people(),
            {{"columns", "age"}, {"lower", lower.toStdString()}, {"upper", upper.toStdString()}});
        StepReport report;
        applied(*fit, people(), StepUse::Training, &report);
        QCOMPARE(detail(report, "warning"),
                 warns ? std::string("bounds of age taken from the data; declare lower/upper for "
                                     "a fully private release")
                       : std::string("(none)"));
    }

    // ---- roles ----

    void rolesReportThePrivacyPicture_data() {
        QTest::addColumn<QString>("identifiers");
        QTest::addColumn<QString>("quasi");
        QTest::addColumn<QString>("sensitive");
        QTest::addColumn<int>("k");
        QTest::newRow("all roles") << "id"
                                   << "sex;zip"
                                   << "diagnosis" << 2;
        QTest::newRow("two identifiers, k 3") << "id;age"
                                              << "sex"
                                              << "diagnosis;target" << 3;
        QTest::newRow("identifiers only") << "id"
                                          << ""
                                          << "" << 5;
        QTest::newRow("sensitive without quasi-identifiers") << ""
                                                             << ""
                                                             << "diagnosis" << 5;
        QTest::newRow("quasi-identifiers only") << ""
                                                << "zip"
                                                << "" << 2;
        QTest::newRow("dates as identifiers") << "visit"
                                              << "sex;diagnosis"
                                              << "zip" << 2;
    }
    void rolesReportThePrivacyPicture() {
        QFETCH(QString, identifiers);
        QFETCH(QString, quasi);
        QFETCH(QString, sensitive);
        QFETCH(int, k);
        const auto fit = fitted(rolesStep(), people(),
                                {{"identifiers", identifiers.toStdString()},
                                 {"quasi_identifiers", quasi.toStdString()},
                                 {"sensitive", sensitive.toStdString()},
                                 {"k", std::to_string(k)}});
        StepReport report;
        const std::optional<Table> outTwice =
            appliedTwice(rolesStep(), *fit, people(), StepUse::Training, report);
        QVERIFY2(outTwice, "the reloaded step applies otherwise");
        const Table& out = *outTwice;
        const std::vector<std::string> ids = list(identifiers);
        for (const std::string& id : ids) {
            QCOMPARE(columnOf(out, id).type(), ColumnType::Text);
            QCOMPARE(textsOf(out, id), textsOf(people(), id));
            QCOMPARE(columnOf(out, id).missingCount(), columnOf(people(), id).missingCount());
        }
        QVERIFY(sameOtherColumns(out, people(), ids));
        QCOMPARE(report.changedCells, std::size_t{0});
        QCOMPARE(report.droppedRows, std::size_t{0});
        QCOMPARE(detail(report, "identifiers"), identifiers.toStdString());
        for (const FeatureInfo& feature : featureSchemaOf(out, "target").features)
            QVERIFY(std::find(ids.begin(), ids.end(), feature.name) == ids.end());

        const std::vector<std::string> qi = list(quasi);
        if (qi.empty()) {
            QCOMPARE(detail(report, "k"), std::string("(none)"));
        } else {
            const KAnonymityReport expected = kAnonymity(people(), qi, static_cast<std::size_t>(k));
            QCOMPARE(detail(report, "k"), std::to_string(expected.k));
            QCOMPARE(detail(report, "target k"), std::to_string(k));
            QCOMPARE(detail(report, "rows at risk"), std::to_string(expected.rowsAtRisk));
        }
        std::size_t least = SIZE_MAX;
        for (const std::string& name : list(sensitive)) {
            const std::size_t l = bruteLDiversity(people(), qi, name);
            least = std::min(least, l);
            QCOMPARE(detail(report, "l-diversity " + name), std::to_string(l));
        }
        QCOMPARE(detail(report, "l-diversity"),
                 sensitive.isEmpty() ? std::string("(none)") : std::to_string(least));

        // Prediction: the identifiers' conversion only, and rows without them are fine.
        StepReport predicted;
        const std::optional<Table> laterTwice =
            appliedTwice(rolesStep(), *fit, people(), StepUse::Prediction, predicted);
        QVERIFY2(laterTwice, "the reloaded step applies otherwise");
        const Table& later = *laterTwice;
        QVERIFY(sameTable(later, out));
        QCOMPARE(detail(predicted, "k"), std::string("(none)"));
        QCOMPARE(detail(predicted, "l-diversity"), std::string("(none)"));
        const Table withoutIds({columnOf(people(), "zip"), columnOf(people(), "sex")});
        QVERIFY(sameTable(applied(*fit, withoutIds, StepUse::Prediction), withoutIds));
    }
};

QTEST_GUILESS_MAIN(PrivacyStepsTest)
#include "test_privacy_steps.moc"
