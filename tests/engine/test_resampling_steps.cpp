// Class-imbalance steps: over- and under-sampling counts, SMOTE rows on segments towards
// same-class neighbours, SMOTE-NC categories from the neighbours, seeds, save / load, errors,
// and the leakage test: SMOTE before the split inflates cross-validated scores, SMOTE inside
// the folds estimates the score on new data.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "engine/byte_io.h"
#include "engine/errors.h"
#include "engine/learner.h"
#include "engine/metrics.h"
#include "engine/random.h"
#include "engine/resample_data.h"
#include "engine/resampling_steps.h"
#include "engine/validation.h"
#include "learner_test_support.h"

using namespace glassbox;
using namespace glassbox::test;

namespace {

// ---- Tables ----

Column numericColumn(const std::string& name, const std::vector<double>& values) {
    ValidityMask valid(values.size());
    for (std::size_t r = 0; r < values.size(); ++r) valid.set(r, !std::isnan(values[r]));
    return Column::numeric(name, values, std::move(valid));
}

// Cells "" are missing; levels are the distinct cells, sorted.
Column categoricalColumn(const std::string& name, const std::vector<std::string>& cells) {
    std::set<std::string> distinct(cells.begin(), cells.end());
    distinct.erase("");
    const std::vector<std::string> levels(distinct.begin(), distinct.end());
    std::vector<std::int32_t> codes;
    ValidityMask valid(cells.size());
    for (std::size_t r = 0; r < cells.size(); ++r) {
        const auto it = std::find(levels.begin(), levels.end(), cells[r]);
        codes.push_back(it == levels.end() ? -1 : static_cast<std::int32_t>(it - levels.begin()));
        valid.set(r, it != levels.end());
    }
    return Column::categorical(name, std::move(codes), levels, std::move(valid));
}

Column textColumn(const std::string& name, const std::vector<std::string>& cells) {
    std::vector<std::uint64_t> offsets{0};
    std::string data;
    for (const std::string& cell : cells) {
        data += cell;
        offsets.push_back(data.size());
    }
    return Column::text(name, std::move(offsets), std::move(data), ValidityMask(cells.size()));
}

// Ids "r0", "r1", ... so output rows can be traced back to input rows.
std::vector<std::string> ids(std::size_t rows) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < rows; ++r) out.push_back("r" + std::to_string(r));
    return out;
}

// A table of `counts[c]` rows of class "c<c>" (interleaved), an id column and a numeric x.
Table classTable(const std::vector<std::size_t>& counts, bool missingTargetRow) {
    std::vector<std::string> classes;
    for (std::size_t c = 0, left = 1; left;) {
        left = 0;
        for (std::size_t k = 0; k < counts.size(); ++k)
            if (c < counts[k]) {
                classes.push_back("c" + std::to_string(k));
                ++left;
            }
        ++c;
    }
    if (missingTargetRow) classes.push_back("");
    std::vector<double> x;
    for (std::size_t r = 0; r < classes.size(); ++r) x.push_back(static_cast<double>(r) * 1.5);
    return Table({textColumn("id", ids(classes.size())), numericColumn("x", x),
                  categoricalColumn("class", classes)});
}

std::map<std::string, std::size_t> countsOf(const Column& column) {
    std::map<std::string, std::size_t> counts;
    for (std::size_t r = 0; r < column.size(); ++r) ++counts[column.format(r)];
    return counts;
}

// The row as text, cell by cell ("" for missing).
std::vector<std::string> rowOf(const Table& table, std::size_t r) {
    std::vector<std::string> cells;
    for (const Column& column : table.columns()) cells.push_back(column.format(r));
    return cells;
}

bool sameTables(const Table& a, const Table& b) {
    if (a.rowCount() != b.rowCount() || a.columnCount() != b.columnCount()) return false;
    for (std::size_t r = 0; r < a.rowCount(); ++r)
        if (rowOf(a, r) != rowOf(b, r)) return false;
    return true;
}

const Column& classOf(const Table& table) {
    return table.column(static_cast<std::size_t>(table.indexOf("class")));
}

ParamValues defaults(const PreparationStep& step) {
    return ParamValues::resolve(step.params(), {});
}

Table applyStep(const PreparationStep& step, const Table& table, const std::string& params,
                std::uint64_t seed, StepUse use = StepUse::Training) {
    const auto fitted =
        step.fit(table, "class", ParamValues::resolve(step.params(), paramMap(params)), seed, {});
    StepReport report;
    return fitted->apply(table, use, report, {});
}

// A table for SMOTE: numeric x, y (and a categorical colour and a boolean-like flag for
// SMOTE-NC), 24 rows of "major" and `minority` rows of "minor"; minority row 3 has a missing x.
Table smoteTable(std::size_t minority, bool categorical, std::uint64_t seed) {
    Random random(seed);
    std::vector<double> x, y;
    std::vector<std::string> cls, colour, flag;
    const std::vector<std::string> colours{"red", "green", "blue"};
    for (std::size_t r = 0; r < 24 + minority; ++r) {
        const bool minor = r >= 24;
        x.push_back((minor ? 2.0 : 0.0) + random.normal());
        y.push_back(10.0 * random.normal());  // another scale: standardising matters
        cls.push_back(minor ? "minor" : "major");
        colour.push_back(colours[random.index(minor ? 2 : 3)]);
        flag.push_back(random.uniform() < 0.3 ? "yes" : "no");
    }
    x[24 + 3] = NAN;
    std::vector<Column> columns{textColumn("id", ids(x.size())), numericColumn("x", x),
                                numericColumn("y", y)};
    if (categorical) {
        columns.push_back(categoricalColumn("colour", colour));
        columns.push_back(categoricalColumn("flag", flag));
    }
    columns.push_back(categoricalColumn("class", cls));
    return Table(std::move(columns));
}

// ---- The test's own SMOTE geometry (brute force) ----

struct Geometry {
    std::vector<std::vector<double>> numeric;  // per feature
    std::vector<std::vector<std::int32_t>> categorical;
    std::vector<double> scale;  // per numeric feature
};

Geometry geometryOf(const ResampleInput& input, const std::vector<std::size_t>& complete) {
    Geometry g{input.numeric, input.categorical, {}};
    for (const auto& values : input.numeric) {
        double mean = 0, squares = 0;
        for (const std::size_t r : complete) mean += values[r];
        mean /= static_cast<double>(complete.size());
        for (const std::size_t r : complete) squares += (values[r] - mean) * (values[r] - mean);
        g.scale.push_back(std::sqrt(squares / static_cast<double>(complete.size())));
    }
    return g;
}

// The median over numeric features of their standard deviation within `members`, standardised.
double medianDeviation(const Geometry& g, const std::vector<std::size_t>& members) {
    std::vector<double> deviations;
    for (std::size_t f = 0; f < g.numeric.size(); ++f) {
        double mean = 0, squares = 0;
        for (const std::size_t r : members) mean += g.numeric[f][r] / g.scale[f];
        mean /= static_cast<double>(members.size());
        for (const std::size_t r : members) {
            const double d = g.numeric[f][r] / g.scale[f] - mean;
            squares += d * d;
        }
        deviations.push_back(std::sqrt(squares / static_cast<double>(members.size())));
    }
    std::sort(deviations.begin(), deviations.end());
    const std::size_t n = deviations.size();
    return n % 2 ? deviations[n / 2] : (deviations[n / 2 - 1] + deviations[n / 2]) / 2;
}

// The k nearest other members of `row` (squared standardised distance + med^2 per differing
// category).
std::vector<std::size_t> nearest(const Geometry& g, const std::vector<std::size_t>& members,
                                 std::size_t row, std::size_t k, double med) {
    std::vector<std::pair<double, std::size_t>> byDistance;
    for (const std::size_t other : members) {
        if (other == row) continue;
        double d = 0;
        for (std::size_t f = 0; f < g.numeric.size(); ++f) {
            const double diff = (g.numeric[f][row] - g.numeric[f][other]) / g.scale[f];
            d += diff * diff;
        }
        for (const auto& codes : g.categorical)
            if (codes[row] != codes[other]) d += med * med;
        byDistance.emplace_back(d, other);
    }
    std::sort(byDistance.begin(), byDistance.end());
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < k && i < byDistance.size(); ++i)
        out.push_back(byDistance[i].second);
    return out;
}

// What resampleTable read from smoteTable: its numeric and categorical features and classes.
ResampleInput inputOf(const Table& table) {
    ResampleInput input;
    input.rows = table.rowCount();
    const Column& y = table.column(static_cast<std::size_t>(table.indexOf("class")));
    input.classes = y.levels();
    for (std::size_t r = 0; r < input.rows; ++r) input.labels.push_back(y.codes()[r]);
    for (const Column& column : table.columns()) {
        if (column.name() == "class" || column.type() == ColumnType::Text) continue;
        if (column.type() == ColumnType::Numeric) {
            std::vector<double> values;
            for (std::size_t r = 0; r < input.rows; ++r)
                values.push_back(column.isMissing(r) ? NAN : column.numbers()[r]);
            input.numeric.push_back(std::move(values));
        } else {
            input.categorical.emplace_back(column.codes().begin(), column.codes().end());
        }
    }
    return input;
}

// ---- The leakage test's data and learner ----

// Five features, two informative; the minority class (about 9%) overlaps the majority, so
// no model recalls all of it: y = 1 when x0 + x1 / 2 + 0.7 noise > 1.75.
Dataset imbalanced(std::size_t rows, std::uint64_t seed) {
    Random random(seed);
    const std::size_t dims = 5;
    FeatureSchema schema;
    std::vector<FeatureColumn> columns(dims);
    for (std::size_t d = 0; d < dims; ++d)
        schema.features.push_back({"x" + std::to_string(d), ColumnType::Numeric, {}});
    Dataset data;
    data.task = TaskKind::Classification;
    data.target = "y";
    data.classes = {"0", "1"};
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t d = 0; d < dims; ++d) columns[d].values.push_back(random.normal());
        const double score =
            columns[0].values.back() + 0.5 * columns[1].values.back() + 0.7 * random.normal();
        data.labels.push_back(score > 1.75 ? 1 : 0);
    }
    data.features = FeatureMatrix(std::move(schema), std::move(columns), rows);
    return data;
}

// A learner that resamples the rows it is fitted on first: SMOTE inside each fold.
class ResampleThenFit final : public Learner {
  public:
    ResampleThenFit(const Learner& inner, ResampleSettings settings)
        : inner_(inner), settings_(settings) {}
    std::string_view name() const override { return "resample_then_fit"; }
    std::string_view description() const override { return "resampling, then the learner"; }
    const ParamSpecs& params() const override { return inner_.params(); }
    bool supports(TaskKind task) const override { return inner_.supports(task); }
    std::unique_ptr<Model> fit(const Dataset& data, const ParamValues& params,
                               const FitOptions& options, const TaskContext& task) const override {
        const ResampledDataset resampled = resampleDataset(data, settings_, task.sub(0, 0.5));
        return inner_.fit(resampled.data, params, options, task.sub(0.5, 1));
    }
    std::unique_ptr<Model> load(ByteReader& in, const FeatureSchema& schema, TaskKind task,
                                std::size_t classCount) const override {
        return inner_.load(in, schema, task, classCount);
    }

  private:
    const Learner& inner_;
    ResampleSettings settings_;
};

struct MinorityScores {
    double recall = 0;
    double f1 = 0;
    double auc = 0;
};

MinorityScores minorityScores(const Scores& scores) {
    return {scores.perClass.at(1).recall, scores.perClass.at(1).f1, *scores.get("auc")};
}

}  // namespace

class TestResamplingSteps : public QObject {
    Q_OBJECT

  private slots:
    void oversampleCounts_data() {
        QTest::addColumn<double>("ratio");
        QTest::addColumn<std::vector<std::size_t>>("expected");
        // Classes of 6, 3 and 1 rows; every smaller class up to ceil(ratio x 6).
        QTest::newRow("balanced") << 1.0 << std::vector<std::size_t>{6, 6, 6};
        QTest::newRow("half") << 0.5 << std::vector<std::size_t>{6, 3, 3};
        QTest::newRow("0.4 rounds up") << 0.4 << std::vector<std::size_t>{6, 3, 3};
        QTest::newRow("0.7 rounds up") << 0.7 << std::vector<std::size_t>{6, 5, 5};
    }
    void oversampleCounts() {
        QFETCH(double, ratio);
        QFETCH(std::vector<std::size_t>, expected);
        const Table input = classTable({6, 3, 1}, true);
        const Table out = applyStep(oversampleStep(), input, "ratio=" + formatNumber(ratio), 7);
        const auto counts = countsOf(out.column(2));
        QCOMPARE(counts.at("c0"), expected[0]);
        QCOMPARE(counts.at("c1"), expected[1]);
        QCOMPARE(counts.at("c2"), expected[2]);
        QCOMPARE(counts.at(""), std::size_t{1});  // the row without a class is kept
        // The input rows come first, unchanged; each added row copies an input row whole.
        for (std::size_t r = 0; r < input.rowCount(); ++r) QCOMPARE(rowOf(out, r), rowOf(input, r));
        for (std::size_t r = input.rowCount(); r < out.rowCount(); ++r) {
            const std::size_t source = std::stoul(out.column(0).format(r).substr(1));
            QCOMPARE(rowOf(out, r), rowOf(input, source));
            QVERIFY(!out.column(2).format(r).empty());
        }
    }

    void undersampleCounts_data() {
        QTest::addColumn<double>("ratio");
        QTest::addColumn<std::vector<std::size_t>>("expected");
        // Classes of 6, 3 and 2 rows; every larger class down to floor(2 / ratio).
        QTest::newRow("balanced") << 1.0 << std::vector<std::size_t>{2, 2, 2};
        QTest::newRow("half") << 0.5 << std::vector<std::size_t>{4, 3, 2};
        QTest::newRow("0.3") << 0.3 << std::vector<std::size_t>{6, 3, 2};
    }
    void undersampleCounts() {
        QFETCH(double, ratio);
        QFETCH(std::vector<std::size_t>, expected);
        const Table input = classTable({6, 3, 2}, true);
        const Table out = applyStep(undersampleStep(), input, "ratio=" + formatNumber(ratio), 7);
        const auto counts = countsOf(out.column(2));
        QCOMPARE(counts.at("c0"), expected[0]);
        QCOMPARE(counts.at("c1"), expected[1]);
        QCOMPARE(counts.at("c2"), expected[2]);
        QCOMPARE(counts.at(""), std::size_t{1});
        // Kept rows are input rows, whole, once each, in input order.
        std::size_t previous = 0;
        for (std::size_t r = 0; r < out.rowCount(); ++r) {
            const std::size_t source = std::stoul(out.column(0).format(r).substr(1));
            QVERIFY(r == 0 || source > previous);
            QCOMPARE(rowOf(out, r), rowOf(input, source));
            previous = source;
        }
    }

    void undersampleDrawsDifferentRowsPerSeed() {
        const Table input = classTable({40, 5}, false);
        QVERIFY(sameTables(applyStep(undersampleStep(), input, "", 3),
                           applyStep(undersampleStep(), input, "", 3)));
        QVERIFY(!sameTables(applyStep(undersampleStep(), input, "", 3),
                            applyStep(undersampleStep(), input, "", 4)));
    }

    void smoteRowsLieOnSegmentsToNeighbours_data() {
        QTest::addColumn<std::size_t>("minority");
        QTest::addColumn<std::size_t>("k");
        QTest::newRow("k=5") << std::size_t{9} << std::size_t{5};
        QTest::newRow("k=2") << std::size_t{9} << std::size_t{2};
        QTest::newRow("k above the class") << std::size_t{4} << std::size_t{5};
    }
    void smoteRowsLieOnSegmentsToNeighbours() {
        QFETCH(std::size_t, minority);
        QFETCH(std::size_t, k);
        const Table input = smoteTable(minority, false, 11);
        ResampleSettings settings;
        settings.kind = ResampleKind::Smote;
        settings.k = k;
        settings.seed = 5;
        const ResampledTable out = resampleTable(input, "class", settings, {});
        const ResamplePlan& plan = out.plan;
        QCOMPARE(countsOf(classOf(out.table)).at("minor"), std::size_t{24});
        QCOMPARE(plan.synthetic.size(), 24 - minority);
        QCOMPARE(plan.incompleteRows, std::size_t{1});

        const ResampleInput in = inputOf(input);
        std::vector<std::size_t> complete, minor;
        for (std::size_t r = 0; r < in.rows; ++r) {
            if (std::isnan(in.numeric[0][r])) continue;
            complete.push_back(r);
            if (in.labels[r] == 1) minor.push_back(r);
        }
        const Geometry g = geometryOf(in, complete);
        const std::size_t used = std::min(k, minor.size() - 1);
        QCOMPARE(plan.neighboursUsed.at(1), used);
        for (std::size_t s = 0; s < plan.synthetic.size(); ++s) {
            const SyntheticRow& row = plan.synthetic[s];
            const std::size_t r = input.rowCount() + s;
            // Seed and neighbour: complete rows of the minority class, the neighbour among the
            // seed's k nearest.
            QVERIFY(std::find(minor.begin(), minor.end(), row.seed) != minor.end());
            const auto near = nearest(g, minor, row.seed, used, 0);
            QVERIFY(std::find(near.begin(), near.end(), row.neighbour) != near.end());
            QVERIFY(row.gap >= 0 && row.gap < 1);
            // The row: on the segment, the same gap for every feature; class "minor"; no id.
            for (std::size_t f = 0; f < 2; ++f) {
                const double a = in.numeric[f][row.seed], b = in.numeric[f][row.neighbour];
                const double v = out.table.column(1 + f).numbers()[r];
                QVERIFY(std::abs(v - (a + row.gap * (b - a))) <= 1e-12 * (1 + std::abs(v)));
                QVERIFY(v >= std::min(a, b) && v <= std::max(a, b));
            }
            QCOMPARE(classOf(out.table).format(r), std::string("minor"));
            QVERIFY(out.table.column(0).isMissing(r));
        }
        // Synthetic rows spread over several seeds (not all made from one row).
        std::set<std::size_t> seeds;
        for (const SyntheticRow& row : plan.synthetic) seeds.insert(row.seed);
        QVERIFY(seeds.size() >= std::min<std::size_t>(3, minor.size()));
    }

    // Without the plan: every synthetic row is collinear with and between two complete rows of
    // its class.
    void smoteRowsAreBetweenTwoClassRows() {
        const Table input = smoteTable(7, false, 21);
        const Table out = applyStep(smoteStep(), input, "k=3", 9);
        QCOMPARE(out.rowCount(), std::size_t{48});
        const auto& x = out.column(1);
        const auto& y = out.column(2);
        for (std::size_t r = input.rowCount(); r < out.rowCount(); ++r) {
            bool found = false;
            for (std::size_t a = 24; a < input.rowCount() && !found; ++a)
                for (std::size_t b = 24; b < input.rowCount() && !found; ++b) {
                    if (a == b || x.isMissing(a) || x.isMissing(b)) continue;
                    const double dx = x.number(b) - x.number(a), dy = y.number(b) - y.number(a);
                    const double px = x.number(r) - x.number(a), py = y.number(r) - y.number(a);
                    const double t = (px * dx + py * dy) / (dx * dx + dy * dy);
                    const double off = std::hypot(px - t * dx, py - t * dy);
                    found = t >= -1e-12 && t <= 1 + 1e-12 && off < 1e-9;
                }
            QVERIFY2(found, ("row " + std::to_string(r) + " is on no segment").c_str());
        }
    }

    void smoteNcCategoriesComeFromTheNeighbours() {
        const Table input = smoteTable(10, true, 31);
        ResampleSettings settings;
        settings.kind = ResampleKind::SmoteNc;
        settings.seed = 17;
        const ResampledTable out = resampleTable(input, "class", settings, {});
        const ResampleInput in = inputOf(input);
        QCOMPARE(in.categorical.size(), std::size_t{2});
        std::vector<std::size_t> complete, minor;
        for (std::size_t r = 0; r < in.rows; ++r) {
            if (std::isnan(in.numeric[0][r])) continue;
            complete.push_back(r);
            if (in.labels[r] == 1) minor.push_back(r);
        }
        const Geometry g = geometryOf(in, complete);
        const double med = medianDeviation(g, minor);
        QVERIFY(med > 0);
        QCOMPARE(out.plan.synthetic.size(), std::size_t{14});
        std::size_t differsFromSeed = 0;
        for (std::size_t s = 0; s < out.plan.synthetic.size(); ++s) {
            const SyntheticRow& row = out.plan.synthetic[s];
            const auto near = nearest(g, minor, row.seed, 5, med);
            QVERIFY(std::find(near.begin(), near.end(), row.neighbour) != near.end());
            for (std::size_t f = 0; f < 2; ++f) {
                // The most frequent value among the 5 neighbours, lowest code on ties.
                std::map<std::int32_t, int> votes;
                for (const std::size_t n : near) ++votes[in.categorical[f][n]];
                const auto best = std::max_element(
                    votes.begin(), votes.end(),
                    [](const auto& a, const auto& b) { return a.second < b.second; });
                const Column& column = out.table.column(3 + f);
                const std::size_t r = input.rowCount() + s;
                QCOMPARE(column.codes()[r], best->first);
                QCOMPARE(row.categories[f], best->first);
                differsFromSeed += best->first != in.categorical[f][row.seed];
            }
        }
        // The vote is not just the seed's own value everywhere (the test could not tell).
        QVERIFY(differsFromSeed > 0);
    }

    void smoteKeepsDatesWholeDays() {
        std::vector<double> days, x;
        std::vector<std::string> cls;
        for (std::size_t r = 0; r < 20; ++r) {
            days.push_back(86400.0 * static_cast<double>(r * r));
            x.push_back(static_cast<double>(r % 5));
            cls.push_back(r % 4 == 0 ? "minor" : "major");
        }
        const Table input({Column::dateTime("day", days, false, ValidityMask(20)),
                           numericColumn("x", x), categoricalColumn("class", cls)});
        const Table out = applyStep(smoteStep(), input, "k=2", 4);
        QCOMPARE(out.rowCount(), std::size_t{30});
        const Column& day = out.column(0);
        QCOMPARE(day.type(), ColumnType::DateTime);
        for (std::size_t r = 20; r < 30; ++r) {
            QCOMPARE(std::fmod(day.number(r), 86400.0), 0.0);
            QVERIFY(day.number(r) >= 0 && day.number(r) <= 86400.0 * 16 * 16);
        }
    }

    void smoteNcMatchesSmoteWithoutCategories() {
        const Table input = smoteTable(8, false, 41);
        QVERIFY(sameTables(applyStep(smoteStep(), input, "", 2),
                           applyStep(smoteNcStep(), input, "", 2)));
    }

    void sameSeedSameRows_data() {
        QTest::addColumn<QString>("step");
        QTest::newRow("oversample") << "oversample";
        QTest::newRow("smote") << "smote";
        QTest::newRow("smote-nc") << "smote-nc";
    }
    void sameSeedSameRows() {
        QFETCH(QString, step);
        const PreparationStep& s = step == "oversample" ? oversampleStep()
                                   : step == "smote"    ? smoteStep()
                                                        : smoteNcStep();
        const Table input = smoteTable(6, step == "smote-nc", 51);
        const Table a = applyStep(s, input, "", 100);
        QCOMPARE(a.rowCount(), std::size_t{48});
        QVERIFY(sameTables(a, applyStep(s, input, "", 100)));
        QVERIFY(!sameTables(a, applyStep(s, input, "", 101)));
    }

    void datasetAndTableAgree() {
        // resampleDataset on the dataset of a table makes the rows resampleTable makes.
        const Table input = smoteTable(8, true, 61);
        ResampleSettings settings;
        settings.kind = ResampleKind::SmoteNc;
        settings.seed = 3;
        const ResampledTable table = resampleTable(input, "class", settings, {});
        const Dataset data = makeDataset(input, "class", TaskKind::Classification).dataset;
        const ResampledDataset viaData = resampleDataset(data, settings, {});
        const Dataset expected =
            makeDataset(table.table, "class", TaskKind::Classification).dataset;
        QCOMPARE(viaData.data.rows(), expected.rows());
        QCOMPARE(viaData.data.labels, expected.labels);
        for (std::size_t f = 0; f < expected.features.featureCount(); ++f) {
            QCOMPARE(viaData.data.features.codes(f).size(), expected.features.codes(f).size());
            QVERIFY(std::equal(viaData.data.features.codes(f).begin(),
                               viaData.data.features.codes(f).end(),
                               expected.features.codes(f).begin()));
            const auto a = viaData.data.features.values(f), b = expected.features.values(f);
            QCOMPARE(a.size(), b.size());
            for (std::size_t r = 0; r < a.size(); ++r)
                QVERIFY((std::isnan(a[r]) && std::isnan(b[r])) || a[r] == b[r]);
        }
    }

    void predictionPassesRowsThrough() {
        const Table input = smoteTable(6, false, 71);
        const Table out = applyStep(smoteStep(), input, "", 1, StepUse::Prediction);
        QVERIFY(sameTables(out, input));
        // At prediction the target column may be absent.
        const auto fitted = smoteStep().fit(input, "class", defaults(smoteStep()), 1, {});
        const Table noTarget({input.column(1), input.column(2)});
        StepReport report;
        QVERIFY(sameTables(fitted->apply(noTarget, StepUse::Prediction, report, {}), noTarget));
    }

    void reportSaysWhatChanged() {
        const Table input = smoteTable(6, false, 81);
        const auto fitted = smoteStep().fit(input, "class", defaults(smoteStep()), 1, {});
        StepReport report;
        const Table out = fitted->apply(input, StepUse::Training, report, {});
        QCOMPARE(report.step, std::string("smote"));
        QCOMPARE(report.addedRows, out.rowCount() - input.rowCount());
        QCOMPARE(report.addedRows, std::size_t{18});
        const std::map<std::string, std::string> details(report.details.begin(),
                                                         report.details.end());
        QCOMPARE(details.at("rows per class before"), std::string("major: 24, minor: 6"));
        QCOMPARE(details.at("rows per class after"), std::string("major: 24, minor: 24"));
        QCOMPARE(details.at("rows with missing values (not used by SMOTE)"), std::string("1"));
        // 5 complete minority rows: each interpolates towards its 4 others.
        QCOMPARE(details.at("k used (small classes)"), std::string("minor: 4"));
        StepReport under;
        const auto cut = undersampleStep().fit(input, "class", defaults(undersampleStep()), 1, {});
        QCOMPARE(cut->apply(input, StepUse::Training, under, {}).rowCount(), std::size_t{12});
        QCOMPARE(under.droppedRows, std::size_t{18});
    }

    void saveLoadRoundTrip_data() {
        QTest::addColumn<QString>("step");
        QTest::newRow("oversample") << "oversample";
        QTest::newRow("undersample") << "undersample";
        QTest::newRow("smote") << "smote";
        QTest::newRow("smote-nc") << "smote-nc";
    }
    void saveLoadRoundTrip() {
        QFETCH(QString, step);
        const PreparationStep& s = step == "oversample"    ? oversampleStep()
                                   : step == "undersample" ? undersampleStep()
                                   : step == "smote"       ? smoteStep()
                                                           : smoteNcStep();
        QCOMPARE(QString::fromUtf8(s.name().data(), static_cast<int>(s.name().size())), step);
        const Table input = smoteTable(7, step == "smote-nc", 91);
        const auto fitted =
            s.fit(input, "class", ParamValues::resolve(s.params(), {{"ratio", "0.8"}}), 12, {});
        ByteWriter out;
        fitted->save(out);
        ByteReader in(out.bytes(), "pipeline");
        const auto loaded = s.load(in);
        in.expectEnd();
        ByteWriter again;
        loaded->save(again);
        QCOMPARE(again.bytes(), out.bytes());
        StepReport a, b;
        QVERIFY(sameTables(fitted->apply(input, StepUse::Training, a, {}),
                           loaded->apply(input, StepUse::Training, b, {})));
        QCOMPARE(a.details, b.details);
        // Another kind's load refuses the bytes; so does a truncated payload.
        const PreparationStep& other = step == "oversample" ? smoteStep() : oversampleStep();
        ByteReader wrongKind(out.bytes(), "pipeline");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, other.load(wrongKind));
        const std::vector<std::uint8_t> cut(out.bytes().begin(), out.bytes().end() - 3);
        ByteReader truncated(cut, "pipeline");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, s.load(truncated));
    }

    void errorsNameTheParameter_data() {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("no such target") << "no target"
                                        << "target";
        QTest::newRow("regression target") << "regression"
                                           << "target";
        QTest::newRow("smote with a categorical") << "categorical"
                                                  << "colour";
        QTest::newRow("one complete minority row") << "one row"
                                                   << "target";
        QTest::newRow("ratio 0") << "ratio"
                                 << "ratio";
        QTest::newRow("k 0") << "k"
                             << "k";
        QTest::newRow("no numeric feature") << "no numeric"
                                            << "features";
    }
    void errorsNameTheParameter() {
        QFETCH(QString, what);
        QFETCH(QString, parameter);
        const Table mixed = smoteTable(6, true, 5);
        try {
            if (what == "no target") {
                smoteStep().fit(mixed, "label", defaults(smoteStep()), 0, {});
            } else if (what == "regression") {
                const Table t({numericColumn("x", {1, 2, 3, 4}),
                               numericColumn("class", {0.5, 1.5, 2.25, 3.125})});
                oversampleStep().fit(t, "class", defaults(oversampleStep()), 0, {});
            } else if (what == "categorical") {
                smoteStep().fit(mixed, "class", defaults(smoteStep()), 0, {});
            } else if (what == "one row") {
                // Two minority rows, one with a missing x: no segment to interpolate on.
                const Table t({numericColumn("x", {1, 2, 3, 4, NAN, 6}),
                               categoricalColumn("class", {"a", "a", "a", "a", "b", "b"})});
                applyStep(smoteStep(), t, "", 0);
            } else if (what == "ratio") {
                ParamValues::resolve(oversampleStep().params(), {{"ratio", "0"}});
            } else if (what == "k") {
                ParamValues::resolve(smoteStep().params(), {{"k", "0"}});
            } else {
                const Table t({categoricalColumn("colour", {"r", "g", "b", "r"}),
                               categoricalColumn("class", {"a", "a", "a", "b"})});
                smoteNcStep().fit(t, "class", defaults(smoteNcStep()), 0, {});
            }
            QFAIL("no error");
        } catch (const InvalidArgument& error) {
            QCOMPARE(QString::fromStdString(error.parameter()), parameter);
        }
    }

    // The test: 1-nearest-neighbour and a fully grown tree memorise their training
    // rows, so SMOTE before the split puts synthetic rows into the scored folds whose seeds and
    // neighbours are in the training folds, and recall / F1 soar. SMOTE inside the folds
    // (resampling only the fold's training rows) estimates what an independent test set shows.
    void smoteInsideFoldsIsNotInflated_data() {
        QTest::addColumn<QString>("learner");
        QTest::addColumn<QString>("params");
        QTest::newRow("1-nn") << "knn"
                              << "k=1";
        QTest::newRow("deep tree") << "decision_tree"
                                   << "";
    }
    void smoteInsideFoldsIsNotInflated() {
        QFETCH(QString, learner);
        QFETCH(QString, params);
        const Learner& inner = learnerNamed(learner.toStdString());
        const ParamValues values = paramsOf(inner, paramMap(params.toStdString()));
        const Dataset train = imbalanced(4000, 1);
        const Dataset test = imbalanced(20000, 2);
        ResampleSettings smote;
        smote.kind = ResampleKind::Smote;
        smote.seed = 7;
        const FitOptions options = threadsOption(2);
        const std::size_t folds = 5;

        // Before the split: resample everything, then cross-validate on the resampled rows.
        const ResampledDataset everything = resampleDataset(train, smote, {});
        QVERIFY(everything.data.rows() > 3000);
        const ValidationResult before = crossValidateOnFolds(
            inner, everything.data, values, options,
            assignFolds(everything.data, folds, FoldRule::Stratified, 3), folds, {});
        // Inside the folds: the same folds of the original rows, each fold's training rows
        // resampled.
        const ResampleThenFit inside(inner, smote);
        const ValidationResult within =
            crossValidateOnFolds(inside, train, values, options,
                                 assignFolds(train, folds, FoldRule::Stratified, 3), folds, {});
        // New data from the same distribution, the model fitted on all the training rows.
        const auto model = inside.fit(train, values, options, {});
        const Scores held = classificationScores(test.labels, model->predict(test.features, {}));

        const MinorityScores b = minorityScores(before.pooled);
        const MinorityScores w = minorityScores(within.pooled);
        const MinorityScores h = minorityScores(held);
        qInfo(
            "%s minority recall / F1 / AUC: SMOTE before the split %.3f / %.3f / %.3f, inside "
            "the folds %.3f / %.3f / %.3f, held-out %.3f / %.3f / %.3f",
            qPrintable(learner), b.recall, b.f1, b.auc, w.recall, w.f1, w.auc, h.recall, h.f1,
            h.auc);
        QVERIFY(b.recall > w.recall + 0.2);
        QVERIFY(b.f1 > w.f1 + 0.2);
        QVERIFY(b.auc > w.auc + 0.1);
        // About 360 minority rows: a recall estimate's standard error is about 0.03, so these
        // are about 3 standard errors (the inflation above is over 0.4).
        QVERIFY(std::abs(w.recall - h.recall) < 0.1);
        QVERIFY(std::abs(w.f1 - h.f1) < 0.07);
        QVERIFY(std::abs(w.auc - h.auc) < 0.05);
        // Before-the-split is far from what new data shows.
        QVERIFY(b.f1 > h.f1 + 0.2);
    }
};

QTEST_GUILESS_MAIN(TestResamplingSteps)
#include "test_resampling_steps.moc"
