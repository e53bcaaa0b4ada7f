// The preparation pipeline (engine/preparation_pipeline.h): STEP text and JSON round trips over
// every registered step, errors naming "--step" or the parameter, fitPipeline against applying
// the steps by hand, the per-step observer, save -> load -> apply, one row out per row in at
// prediction, the target kept, and splitProtection's order rule.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/preparation_pipeline.h"
#include "engine/random.h"
#include "engine/row_selection.h"

using namespace glassbox;

namespace {

// NaN marks a missing cell.
Column numbers(const std::string& name, const std::vector<double>& values) {
    ValidityMask valid(values.size());
    for (std::size_t r = 0; r < values.size(); ++r) valid.set(r, !std::isnan(values[r]));
    return Column::numeric(name, values, std::move(valid));
}

// Levels in first-seen order; "" marks a missing cell.
Column categories(const std::string& name, const std::vector<std::string>& cells) {
    std::vector<std::string> levels;
    std::vector<std::int32_t> codes;
    ValidityMask valid(cells.size());
    for (std::size_t r = 0; r < cells.size(); ++r) {
        valid.set(r, !cells[r].empty());
        if (cells[r].empty()) {
            codes.push_back(-1);
            continue;
        }
        auto at = std::find(levels.begin(), levels.end(), cells[r]);
        if (at == levels.end()) at = levels.insert(levels.end(), cells[r]);
        codes.push_back(static_cast<std::int32_t>(at - levels.begin()));
    }
    return Column::categorical(name, std::move(codes), std::move(levels), std::move(valid));
}

// Same names, types, levels, validity and cells (format() round-trips doubles exactly).
bool sameTable(const Table& a, const Table& b) {
    if (a.columnCount() != b.columnCount() || a.rowCount() != b.rowCount()) return false;
    for (std::size_t c = 0; c < a.columnCount(); ++c) {
        const Column& x = a.column(c);
        const Column& y = b.column(c);
        if (x.name() != y.name() || x.type() != y.type() || x.levels() != y.levels()) return false;
        for (std::size_t r = 0; r < x.size(); ++r)
            if (x.isMissing(r) != y.isMissing(r) || x.format(r) != y.format(r)) return false;
    }
    return true;
}

// `rows` rows: numeric a (missing cells), b (a few far outliers), c, a categorical colour
// (missing cells) and an imbalanced class ("no" / "yes"); the last 5 rows repeat earlier ones.
Table messyTable(std::size_t rows, std::uint64_t seed) {
    Random random(seed);
    std::vector<double> a, b, c;
    std::vector<std::string> colour, cls;
    const std::vector<std::string> colours{"red", "green", "blue"};
    for (std::size_t r = 0; r < rows; ++r) {
        const bool yes = random.uniform() < 0.25;
        a.push_back(random.uniform() < 0.15 ? NAN : (yes ? 1.5 : 0.0) + random.normal());
        b.push_back(r % 17 == 3 ? 60.0 + double(r) : 10.0 * random.normal());
        c.push_back(std::round(random.normal() * 100) / 100);
        colour.push_back(random.uniform() < 0.1 ? "" : colours[random.index(3)]);
        cls.push_back(yes ? "yes" : "no");
    }
    for (std::size_t k = 0; k < 5; ++k) {
        const std::size_t from = 2 * k + 1;
        a.push_back(a[from]);
        b.push_back(b[from]);
        c.push_back(c[from]);
        colour.push_back(colour[from]);
        cls.push_back(cls[from]);
    }
    return Table({numbers("a", a), numbers("b", b), numbers("c", c), categories("colour", colour),
                  categories("class", cls)});
}

PipelineSpec specOf(const std::vector<std::string>& texts) {
    PipelineSpec spec;
    for (const std::string& text : texts) spec.steps.push_back(parseStepSetting(text));
    return spec;
}

// The parameter an InvalidArgument names (and its message), or nullopt when none is thrown.
template <class Call>
std::optional<std::pair<std::string, std::string>> failure(Call call) {
    try {
        call();
    } catch (const InvalidArgument& e) {
        return std::make_pair(e.parameter(), std::string(e.what()));
    }
    return std::nullopt;
}

bool sameReport(const StepReport& x, const StepReport& y) {
    return x.step == y.step && x.changedCells == y.changedCells && x.droppedRows == y.droppedRows &&
           x.addedRows == y.addedRows && x.addedColumns == y.addedColumns &&
           x.droppedColumns == y.droppedColumns && x.details == y.details;
}

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Deterministic steps (no seed) that change cells, rows and columns: the by-hand comparison.
const std::vector<std::string> kDeterministic = {"drop-duplicates",
                                                 "impute:strategy=median",
                                                 "missing-indicator:columns=colour",
                                                 "impute:strategy=most_frequent",
                                                 "outliers:method=iqr,action=drop",
                                                 "scale:method=robust",
                                                 "encode",
                                                 "bin:method=quantile,count=4,columns=c"};

}  // namespace

class TestPreparationPipeline : public QObject {
    Q_OBJECT

  private slots:
    void registryNamesAreUniqueAndFound() {
        std::set<std::string> names;
        QVERIFY(!allPreparationSteps().empty());
        for (const PreparationStep* step : allPreparationSteps()) {
            QVERIFY(names.insert(std::string(step->name())).second);
            QCOMPARE(&preparationStepNamed(step->name()), step);
            QVERIFY(!step->description().empty());
        }
    }

    // Every registered step with its defaults: the text is the bare name, read back the same.
    void defaultSettingRoundTrip_data() {
        QTest::addColumn<QString>("step");
        for (const PreparationStep* step : allPreparationSteps())
            QTest::newRow(std::string(step->name()).c_str()) << qs(step->name());
    }
    void defaultSettingRoundTrip() {
        QFETCH(QString, step);
        const PreparationStep& kind = preparationStepNamed(step.toStdString());
        const StepSetting setting = makeStepSetting(step.toStdString(), {});
        QCOMPARE(setting.step, std::string(kind.name()));
        QCOMPARE(setting.params.all(), ParamValues::resolve(kind.params(), {}).all());
        QCOMPARE(setting.params.all().size(), kind.params().size());
        const std::string text = stepSettingText(setting);
        QCOMPARE(text, setting.step);
        const StepSetting back = parseStepSetting(text);
        QCOMPARE(back.step, setting.step);
        QCOMPARE(back.params.all(), setting.params.all());
        // Every default written out explicitly still reads back to the defaults, and prints as
        // the bare name.
        std::string explicitText = setting.step;
        char separator = ':';
        for (const ParamSpec& spec : kind.params()) {
            explicitText += separator + spec.name + "=" + spec.defaultValue;
            separator = ',';
        }
        const StepSetting explicitDefaults = parseStepSetting(explicitText);
        QCOMPARE(explicitDefaults.params.all(), setting.params.all());
        QCOMPARE(stepSettingText(explicitDefaults), setting.step);
    }

    void settingRoundTrip_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("allDefaults");  // every given value equals its default
        QTest::newRow("impute median") << "impute:strategy=median" << false;
        QTest::newRow("impute constant") << "impute:strategy=constant,value=0,columns=a;b" << false;
        QTest::newRow("outliers iqr drop")
            << "outliers:method=iqr,factor=1.50,action=drop" << false;
        QTest::newRow("isolation forest")
            << "outliers:method=isolation_forest,contamination=0.05,trees=50,sample_size=64"
            << false;
        QTest::newRow("contamination 0.10 is the default") << "outliers:contamination=0.10" << true;
        QTest::newRow("factor auto is the default") << "outliers:factor=auto" << true;
        QTest::newRow("scale robust, columns") << "scale:method=robust,columns=a;b" << false;
        QTest::newRow("scale columns empty") << "scale:columns=" << false;
        QTest::newRow("encode ordinal") << "encode:method=ordinal,order=c;a;b" << false;
        QTest::newRow("encode drop_first yes") << "encode:drop_first=yes" << false;
        QTest::newRow("bin quantile") << "bin:method=quantile,count=4,columns=x" << false;
        QTest::newRow("smote") << "smote:k=3,ratio=0.5" << false;
        QTest::newRow("smote-nc") << "smote-nc:k=7" << false;
        QTest::newRow("undersample") << "undersample:ratio=0.25" << false;
        QTest::newRow("oversample ratio 1") << "oversample:ratio=1.0" << true;
        QTest::newRow("drop-missing") << "drop-missing:max_missing=0.5,rows=false" << false;
        QTest::newRow("validate") << "validate:rules=x>=0;y in A|B;z not-missing,action=drop,"
                                     "max_rows=3"
                                  << false;
        QTest::newRow("types") << "types:cast=age=numeric;zip=categorical,rename=a>b,drop=c"
                               << false;
        QTest::newRow("drop-duplicates subset") << "drop-duplicates:columns=a;b" << false;
    }
    void settingRoundTrip() {
        QFETCH(QString, text);
        QFETCH(bool, allDefaults);
        const StepSetting setting = parseStepSetting(text.toStdString());
        const auto [name, given] = parseStepText(text.toStdString());
        const PreparationStep& kind = preparationStepNamed(name);
        // Every parameter present, the given ones in canonical form.
        QCOMPARE(setting.params.all(), ParamValues::resolve(kind.params(), given).all());
        QCOMPARE(setting.params.all().size(), kind.params().size());
        const std::string written = stepSettingText(setting);
        QCOMPARE(written == setting.step, allDefaults);
        const StepSetting back = parseStepSetting(written);
        QCOMPARE(back.step, setting.step);
        QCOMPARE(back.params.all(), setting.params.all());
        QCOMPARE(stepSettingText(back), written);
        // Only the parameters that differ from their defaults are written.
        const ParamValues defaults = ParamValues::resolve(kind.params(), {});
        const auto [writtenName, writtenGiven] = parseStepText(written);
        QCOMPARE(writtenName, setting.step);
        for (const auto& [key, value] : writtenGiven) QVERIFY(value != defaults.text(key));
    }

    // Settings made from form fields (makeStepSetting, as the GUI does) hold any text: values
    // with commas or quotes survive stepSettingText -> parseStepSetting too.
    void valuesWithCommasRoundTrip_data() {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("value");
        QTest::newRow("constant with a comma") << "impute"
                                               << "value"
                                               << "unknown, n/a";
        QTest::newRow("would read as another parameter") << "impute"
                                                         << "value"
                                                         << "x,columns=y";
        QTest::newRow("category with a comma") << "validate"
                                               << "rules"
                                               << "city in Paris, France|Lyon;age>=0";
        QTest::newRow("date pattern") << "types"
                                      << "dates"
                                      << "when=%b %d, %Y";
        QTest::newRow("leading quote") << "impute"
                                       << "value"
                                       << "\"quoted\" text";
        QTest::newRow("only a quote") << "impute"
                                      << "value"
                                      << "\"";
        QTest::newRow("trailing comma") << "impute"
                                        << "value"
                                        << "a,";
    }
    void valuesWithCommasRoundTrip() {
        QFETCH(QString, step);
        QFETCH(QString, parameter);
        QFETCH(QString, value);
        std::map<std::string, std::string> given{{parameter.toStdString(), value.toStdString()}};
        if (step == "impute") given["strategy"] = "constant";
        const StepSetting setting = makeStepSetting(step.toStdString(), given);
        QCOMPARE(setting.params.text(parameter.toStdString()), value.toStdString());
        const std::string text = stepSettingText(setting);
        const StepSetting back = parseStepSetting(text);
        QCOMPARE(back.params.all(), setting.params.all());
        QCOMPARE(stepSettingText(back), text);
    }

    // STEP text may quote a value ("..." with "" for a quote) to hold commas; an unclosed quote
    // or text after the closing one is refused naming --step.
    void quotedValues_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("value");  // of "value"; "!" for refused
        QTest::newRow("comma") << "impute:strategy=constant,value=\"a,b\""
                               << "a,b";
        QTest::newRow("quote inside") << "impute:value=\"say \"\"hi\"\", ok\",strategy=constant"
                                      << "say \"hi\", ok";
        QTest::newRow("empty quoted") << "impute:value=\"\""
                                      << "";
        QTest::newRow("quote not first is literal") << "impute:value=a\"b"
                                                    << "a\"b";
        QTest::newRow("unclosed") << "impute:value=\"a,b"
                                  << "!";
        QTest::newRow("text after the quote") << "impute:value=\"a\"b"
                                              << "!";
    }
    void quotedValues() {
        QFETCH(QString, text);
        QFETCH(QString, value);
        if (value == "!") {
            const auto error = failure([&] { parseStepText(text.toStdString()); });
            QVERIFY2(error, "accepted");
            QCOMPARE(error->first, std::string("--step"));
            return;
        }
        const auto [name, given] = parseStepText(text.toStdString());
        QCOMPARE(name, std::string("impute"));
        QCOMPARE(given.at("value"), value.toStdString());
    }

    void settingErrorsNameTheParameter_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("mentions");  // a word the message must hold
        QTest::newRow("unknown step") << "no-such-step"
                                      << "--step"
                                      << "impute";  // the known steps are listed
        QTest::newRow("unknown step with params") << "nosuch:a=1"
                                                  << "--step"
                                                  << "nosuch";
        QTest::newRow("no name") << ":strategy=mean"
                                 << "--step"
                                 << "name";
        QTest::newRow("not key=value") << "impute:strategy"
                                       << "--step"
                                       << "KEY=VALUE";
        QTest::newRow("empty key") << "impute:=mean"
                                   << "--step"
                                   << "KEY=VALUE";
        QTest::newRow("given twice") << "impute:strategy=mean,strategy=median"
                                     << "--step"
                                     << "twice";
        QTest::newRow("bad choice") << "impute:strategy=average"
                                    << "strategy"
                                    << "impute";
        QTest::newRow("unknown parameter") << "impute:colour=red"
                                           << "colour"
                                           << "impute";
        QTest::newRow("factor not positive") << "outliers:factor=0"
                                             << "factor"
                                             << "outliers";
        QTest::newRow("k zero") << "smote:k=0"
                                << "k"
                                << "smote";
        QTest::newRow("ratio above 1") << "oversample:ratio=1.5"
                                       << "ratio"
                                       << "oversample";
        QTest::newRow("count not a number") << "bin:count=many"
                                            << "count"
                                            << "bin";
        QTest::newRow("boolean") << "drop-missing:rows=perhaps"
                                 << "rows"
                                 << "drop-missing";
    }
    void settingErrorsNameTheParameter() {
        QFETCH(QString, text);
        QFETCH(QString, parameter);
        QFETCH(QString, mentions);
        const auto error = failure([&] { parseStepSetting(text.toStdString()); });
        QVERIFY2(error, "no InvalidArgument");
        QCOMPARE(qs(error->first), parameter);
        QVERIFY2(qs(error->second).contains(mentions), error->second.c_str());
        // makeStepSetting refuses the same way.
        if (parameter != "--step") {
            const auto [name, given] = parseStepText(text.toStdString());
            QCOMPARE(qs(failure([&] { makeStepSetting(name, given); })->first), parameter);
        }
    }

    void pipelineJsonRoundTrip() {
        PipelineSpec spec = specOf({"drop-duplicates", "impute:strategy=constant,value=say \"hi\"",
                                    "validate:rules=x in A|B;y<=3", "outliers:method=iqr",
                                    "types:rename=a>b", "smote-nc:k=2"});
        spec.budget = {0.5, 1e-7};
        const std::string json = pipelineJson(spec);
        const PipelineSpec back = parsePipelineJson(json, "model.gbm");
        QCOMPARE(back.steps.size(), spec.steps.size());
        for (std::size_t i = 0; i < spec.steps.size(); ++i) {
            QCOMPARE(back.steps[i].step, spec.steps[i].step);
            QCOMPARE(back.steps[i].params.all(), spec.steps[i].params.all());
        }
        QCOMPARE(pipelineJson(back), json);
        // The budget is not in the JSON: the default allowance on reading.
        QCOMPARE(back.budget.epsilon, PrivacyAllowance{}.epsilon);
        QCOMPARE(back.budget.delta, PrivacyAllowance{}.delta);
        // An empty pipeline is an empty list; a step without params takes the defaults.
        QCOMPARE(pipelineJson(PipelineSpec{}), std::string("[]"));
        QVERIFY(parsePipelineJson("[]", "x").empty());
        const PipelineSpec bare = parsePipelineJson(R"([{"step":"scale"}])", "x");
        QCOMPARE(bare.steps.size(), std::size_t{1});
        QCOMPARE(bare.steps[0].params.all(), makeStepSetting("scale", {}).params.all());
    }

    void malformedJsonRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::newRow("empty") << "";
        QTest::newRow("truncated") << R"([{"step":"impute")";
        QTest::newRow("object") << R"({"step":"impute"})";
        QTest::newRow("number entry") << "[1]";
        QTest::newRow("no step") << R"([{"params":{}}])";
        QTest::newRow("step not text") << R"([{"step":5}])";
        QTest::newRow("params a list") << R"([{"step":"impute","params":["mean"]}])";
        QTest::newRow("param a number") << R"([{"step":"bin","params":{"count":4}}])";
        QTest::newRow("unknown step") << R"([{"step":"nosuch"}])";
        QTest::newRow("bad value") << R"([{"step":"impute","params":{"strategy":"average"}}])";
        QTest::newRow("unknown param") << R"([{"step":"impute","params":{"colour":"red"}}])";
    }
    void malformedJsonRefused() {
        QFETCH(QString, json);
        const auto error = failure([&] { parsePipelineJson(json.toStdString(), "model.gbm"); });
        QVERIFY2(error, "accepted");
        QCOMPARE(error->first, std::string("model.gbm"));
    }

    // fitPipeline is exactly: each step fitted on what the steps before it left for training,
    // then applied to it (StepUse::Training); its reports are the steps' own reports.
    void fitEqualsStepsByHand() {
        const Table input = messyTable(90, 4);
        const PipelineSpec spec = specOf(kDeterministic);
        std::vector<Table> seen;
        std::vector<std::size_t> order;
        const PreparedTable prepared =
            fitPipeline(spec, input, "class", 7, {}, [&](std::size_t step, const Table& after) {
                order.push_back(step);
                seen.push_back(after);
            });

        Table current = input;
        std::vector<StepReport> reports;
        std::vector<Table> byHand;
        for (const StepSetting& setting : spec.steps) {
            const auto fitted =
                preparationStepNamed(setting.step).fit(current, "class", setting.params, 12345, {});
            StepReport report;
            report.step = setting.step;
            current = fitted->apply(current, StepUse::Training, report, {});
            reports.push_back(report);
            byHand.push_back(current);
        }
        QVERIFY(sameTable(prepared.table, current));
        QCOMPARE(prepared.report.steps.size(), reports.size());
        for (std::size_t i = 0; i < reports.size(); ++i)
            QVERIFY2(sameReport(prepared.report.steps[i], reports[i]), reports[i].step.c_str());
        // The steps did something: rows dropped, columns added, cells changed.
        QVERIFY(current.rowCount() < input.rowCount());
        QVERIFY(current.columnCount() > input.columnCount());
        QVERIFY(prepared.report.steps[0].droppedRows >= 5);
        QVERIFY(prepared.report.steps[1].changedCells > 0);
        // The observer saw every step once, in order, with the table that step left.
        QCOMPARE(order.size(), spec.steps.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            QCOMPARE(order[i], i);
            QVERIFY2(sameTable(seen[i], byHand[i]), spec.steps[i].step.c_str());
        }
        // The fitted pipeline holds the spec and reproduces the training table.
        QCOMPARE(prepared.pipeline.size(), spec.steps.size());
        QCOMPARE(pipelineJson(prepared.pipeline.spec()), pipelineJson(spec));
        PipelineReport again;
        QVERIFY(sameTable(prepared.pipeline.apply(input, StepUse::Training, &again, {}), current));
        QCOMPARE(again.steps.size(), reports.size());
        for (std::size_t i = 0; i < reports.size(); ++i)
            QVERIFY(sameReport(again.steps[i], reports[i]));
        // An empty pipeline returns its input.
        const PreparedTable none = fitPipeline(PipelineSpec{}, input, "class", 7, {});
        QVERIFY(none.pipeline.empty());
        QVERIFY(sameTable(none.table, input));
    }

    // Randomised steps: the same seed gives the same table, another seed another; the fitted
    // pipeline keeps its seeds (applying it again at Training reproduces the fit's table).
    void randomisedStepsFollowTheSeed() {
        const Table input = messyTable(90, 5);
        const PipelineSpec spec =
            specOf({"impute:strategy=median", "impute:strategy=most_frequent",
                    "outliers:method=isolation_forest,trees=20,sample_size=32", "smote-nc:k=3"});
        const PreparedTable a = fitPipeline(spec, input, "class", 11, {});
        const PreparedTable b = fitPipeline(spec, input, "class", 11, {});
        const PreparedTable c = fitPipeline(spec, input, "class", 12, {});
        QVERIFY(sameTable(a.table, b.table));
        QVERIFY(!sameTable(a.table, c.table));
        QVERIFY(a.table.rowCount() > input.rowCount());
        QVERIFY(sameTable(a.pipeline.apply(input, StepUse::Training, nullptr, {}), a.table));
    }

    // save -> load gives a pipeline that prepares new rows exactly as the original, and saves
    // to the same bytes; a spec that does not match the bytes is refused.
    void saveLoadApplyPrediction() {
        const Table all = messyTable(140, 6);
        std::vector<std::size_t> trainRows, newRows;
        for (std::size_t r = 0; r < all.rowCount(); ++r) (r % 4 ? trainRows : newRows).push_back(r);
        const Table training = selectRows(all, trainRows);
        const Table fresh = selectRows(all, newRows);
        std::vector<std::string> texts = kDeterministic;
        texts.push_back("outliers:method=isolation_forest,trees=25,sample_size=40");
        texts.push_back("scale:method=minmax,columns=b");
        texts.push_back("oversample");
        const PipelineSpec spec = specOf(texts);
        const PreparedTable prepared = fitPipeline(spec, training, "class", 3, {});

        ByteWriter out;
        prepared.pipeline.save(out);
        ByteReader in(out.bytes(), "pipeline");
        const FittedPipeline loaded = FittedPipeline::load(in, spec, "pipeline");
        in.expectEnd();
        QCOMPARE(loaded.size(), spec.steps.size());
        ByteWriter again;
        loaded.save(again);
        QCOMPARE(again.bytes(), out.bytes());

        PipelineReport originalReport, loadedReport;
        const Table expected =
            prepared.pipeline.apply(fresh, StepUse::Prediction, &originalReport, {});
        const Table got = loaded.apply(fresh, StepUse::Prediction, &loadedReport, {});
        QVERIFY(sameTable(got, expected));
        QCOMPARE(got.rowCount(), fresh.rowCount());
        QCOMPARE(loadedReport.steps.size(), originalReport.steps.size());
        for (std::size_t i = 0; i < originalReport.steps.size(); ++i)
            QVERIFY(sameReport(loadedReport.steps[i], originalReport.steps[i]));
        // The new rows' missing cells are filled with what the training rows gave.
        const Column& a = got.column(std::size_t(got.indexOf("a")));
        for (std::size_t r = 0; r < a.size(); ++r) QVERIFY(!a.isMissing(r));

        // A spec with another step list, one step fewer, or truncated bytes: ModelFormatError.
        PipelineSpec other = spec;
        std::swap(other.steps[1], other.steps[2]);
        ByteReader wrongOrder(out.bytes(), "pipeline");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, FittedPipeline::load(wrongOrder, other, "p"));
        PipelineSpec shorter = spec;
        shorter.steps.pop_back();
        ByteReader fewer(out.bytes(), "pipeline");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, FittedPipeline::load(fewer, shorter, "p"));
        const std::vector<std::uint8_t> cut(out.bytes().begin(), out.bytes().end() - 5);
        ByteReader truncated(cut, "pipeline");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, FittedPipeline::load(truncated, spec, "p"));
    }

    // append: the later pipeline's steps run after this one's, as if fitted as one list.
    void appendRunsBothInOrder() {
        const Table input = messyTable(80, 8);
        const PipelineSpec first = specOf({"drop-duplicates", "impute:strategy=mean"});
        const PipelineSpec second = specOf({"impute:strategy=most_frequent", "encode"});
        PreparedTable a = fitPipeline(first, input, "class", 1, {});
        PreparedTable b = fitPipeline(second, a.table, "class", 1, {});
        const Table expected =
            b.pipeline.apply(a.pipeline.apply(input, StepUse::Prediction, nullptr, {}),
                             StepUse::Prediction, nullptr, {});
        a.pipeline.append(std::move(b.pipeline));
        QVERIFY(b.pipeline.empty());
        QCOMPARE(a.pipeline.size(), std::size_t{4});
        std::vector<std::string> names;
        for (const StepSetting& s : a.pipeline.spec().steps) names.push_back(s.step);
        QCOMPARE(names,
                 (std::vector<std::string>{"drop-duplicates", "impute", "impute", "encode"}));
        QVERIFY(sameTable(a.pipeline.apply(input, StepUse::Prediction, nullptr, {}), expected));
    }

    // Row-shaping steps change the training rows but pass every row through at prediction, so
    // predictions line up with the input's rows.
    void predictionKeepsEveryRow_data() {
        QTest::addColumn<QString>("step");
        QTest::newRow("drop-duplicates") << "drop-duplicates";
        QTest::newRow("outliers drop") << "outliers:method=iqr,action=drop";
        QTest::newRow("isolation forest drop")
            << "outliers:method=isolation_forest,trees=20,action=drop";
        QTest::newRow("drop-missing rows") << "drop-missing";
        QTest::newRow("validate drop") << "validate:rules=c>=0,action=drop";
        QTest::newRow("oversample") << "oversample";
        QTest::newRow("undersample") << "undersample";
        QTest::newRow("smote-nc") << "smote-nc";
    }
    void predictionKeepsEveryRow() {
        QFETCH(QString, step);
        const Table input = messyTable(100, 9);
        const PipelineSpec spec = specOf({step.toStdString()});
        const PreparedTable prepared = fitPipeline(spec, input, "class", 5, {});
        QVERIFY(prepared.table.rowCount() != input.rowCount());
        PipelineReport report;
        const Table out = prepared.pipeline.apply(input, StepUse::Prediction, &report, {});
        QCOMPARE(out.rowCount(), input.rowCount());
        QCOMPARE(report.steps.size(), std::size_t{1});
        QCOMPARE(report.steps[0].droppedRows, std::size_t{0});
        QCOMPARE(report.steps[0].addedRows, std::size_t{0});
        // The input columns come through unchanged.
        for (const Column& column : input.columns()) {
            const std::ptrdiff_t at = out.indexOf(column.name());
            QVERIFY(at >= 0);
            const Column& same = out.column(std::size_t(at));
            for (std::size_t r = 0; r < column.size(); ++r)
                QCOMPARE(same.format(r), column.format(r));
        }
    }

    void targetRemovalRefused_data() {
        QTest::addColumn<QString>("step");
        QTest::newRow("drop") << "types:drop=class";
        QTest::newRow("select") << "types:select=a;b";
        QTest::newRow("rename") << "types:rename=class>label";
    }
    void targetRemovalRefused() {
        QFETCH(QString, step);
        const Table input = messyTable(40, 10);
        const PipelineSpec spec = specOf({"impute:strategy=mean", step.toStdString()});
        const auto error = failure([&] { fitPipeline(spec, input, "class", 1, {}); });
        QVERIFY2(error, "the target was removed silently");
        QCOMPARE(error->first, std::string("--step"));
        QVERIFY(qs(error->second).contains("class"));
        // Without a target the same steps are fine (`prepare` without --target).
        QCOMPARE(fitPipeline(spec, input, "", 1, {}).pipeline.size(), std::size_t{2});
    }

    // Protection steps (if registered) must come first; they form the first part, the learning
    // steps the second; the budget goes to both.
    void splitProtectionOrderRule() {
        PipelineSpec learning = specOf({"impute", "scale", "smote"});
        learning.budget = {0.3, 1e-6};
        const auto [protect, learn] = splitProtection(learning);
        QVERIFY(protect.empty());
        QCOMPARE(pipelineJson(learn), pipelineJson(learning));
        QCOMPARE(protect.budget.epsilon, 0.3);
        QCOMPARE(learn.budget.delta, 1e-6);

        const PreparationStep* protecting = nullptr;
        for (const PreparationStep* step : allPreparationSteps())
            if (step->protectsData()) {
                protecting = step;
                break;
            }
        if (!protecting) {
            qInfo("no data-protection step registered yet: only the learning-only split checked");
            return;
        }
        // splitProtection reads the names only: the protection step with empty params.
        const StepSetting guard{std::string(protecting->name()), {}};
        PipelineSpec ordered;
        ordered.steps = {guard, learning.steps[0], learning.steps[1]};
        const auto [first, second] = splitProtection(ordered);
        QCOMPARE(first.steps.size(), std::size_t{1});
        QCOMPARE(first.steps[0].step, guard.step);
        QCOMPARE(second.steps.size(), std::size_t{2});
        QCOMPARE(second.steps[0].step, std::string("impute"));

        PipelineSpec late;
        late.steps = {learning.steps[0], guard};
        const auto error = failure([&] { splitProtection(late); });
        QVERIFY(error);
        QCOMPARE(error->first, std::string("--step"));
        QVERIFY(qs(error->second).contains(qs(guard.step)));
    }
};

QTEST_GUILESS_MAIN(TestPreparationPipeline)
#include "test_preparation_pipeline.moc"
