// The cleaning steps (impute, missing-indicator, drop-missing, drop-duplicates, validate,
// types) on hand-built tables with known answers: values are learnt on the training rows and
// reused on other rows, save -> load -> apply gives the same tables, reports count what
// changed, errors name the parameter or column; imputing soybean leaves no missing cell.
#include <QtTest>

#include <map>
#include <optional>
#include <set>

#include "engine/byte_io.h"
#include "engine/drop_duplicates_step.h"
#include "engine/drop_missing_step.h"
#include "engine/errors.h"
#include "engine/impute_step.h"
#include "engine/missing_indicator_step.h"
#include "engine/random.h"
#include "engine/row_selection.h"
#include "engine/table_reader.h"
#include "engine/types_step.h"
#include "engine/validate_step.h"
#include "engine/value_parsing.h"

using namespace glassbox;

namespace {

using Cells = std::vector<std::optional<std::string>>;
const std::nullopt_t NA = std::nullopt;

Column numeric(const std::string& name, const std::vector<std::optional<double>>& values) {
    std::vector<double> v(values.size(), 0.0);
    ValidityMask valid(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        valid.set(i, values[i].has_value());
        if (values[i]) v[i] = *values[i];
    }
    return Column::numeric(name, std::move(v), std::move(valid));
}

// Levels in first-seen order.
Column categorical(const std::string& name, const Cells& values) {
    std::vector<std::string> levels;
    std::vector<std::int32_t> codes;
    ValidityMask valid(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        valid.set(i, values[i].has_value());
        if (!values[i]) {
            codes.push_back(-1);
            continue;
        }
        auto at = std::find(levels.begin(), levels.end(), *values[i]);
        if (at == levels.end()) at = levels.insert(levels.end(), *values[i]);
        codes.push_back(static_cast<std::int32_t>(at - levels.begin()));
    }
    return Column::categorical(name, std::move(codes), std::move(levels), std::move(valid));
}

Column text(const std::string& name, const Cells& values) {
    std::vector<std::uint64_t> offsets{0};
    std::string data;
    ValidityMask valid(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        valid.set(i, values[i].has_value());
        if (values[i]) data += *values[i];
        offsets.push_back(data.size());
    }
    return Column::text(name, std::move(offsets), std::move(data), std::move(valid));
}

Column flags(const std::string& name, const std::vector<std::optional<bool>>& values) {
    std::vector<std::uint8_t> v(values.size(), 0);
    ValidityMask valid(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        valid.set(i, values[i].has_value());
        if (values[i]) v[i] = *values[i];
    }
    return Column::boolean(name, std::move(v), std::move(valid));
}

Column dates(const std::string& name, const Cells& values) {
    std::vector<double> seconds(values.size(), 0.0);
    ValidityMask valid(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        valid.set(i, values[i].has_value());
        if (values[i]) seconds[i] = parseIsoDateTime(*values[i])->seconds;
    }
    return Column::dateTime(name, std::move(seconds), false, std::move(valid));
}

// Training rows: x numeric, c categorical, t text, id numeric without gaps, y the target.
Table training() {
    return Table({numeric("x", {1, NA, 4, 8, 2}), categorical("c", {"a", "b", NA, "b", "b"}),
                  text("t", {"p", NA, "q", "q", "p"}), numeric("id", {1, 2, 3, 4, 5}),
                  numeric("y", {NA, 1, 0, 1, 1})});
}

// Later rows without the target, as at prediction; "z" and "r" were never seen in training.
Table later() {
    return Table({numeric("x", {NA, 5}), categorical("c", {NA, "z"}), text("t", {NA, "r"}),
                  numeric("id", {6, 7})});
}

const PreparationStep& stepNamed(const QString& name) {
    const PreparationStep* steps[] = {&imputeStep(),      &missingIndicatorStep(),
                                      &dropMissingStep(), &dropDuplicatesStep(),
                                      &validateStep(),    &typesStep()};
    for (const PreparationStep* step : steps)
        if (step->name() == name.toStdString()) return *step;
    throw std::logic_error("no step " + name.toStdString());
}

// Fits `step` with parameters in the CLI's STEP text ("strategy=median,columns=x").
std::unique_ptr<FittedStep> fitted(const PreparationStep& step, const Table& table,
                                   const QString& params, const std::string& target = "y") {
    std::string spec(step.name());
    if (!params.isEmpty()) spec += ":" + params.toStdString();
    const auto [name, given] = parseStepText(spec);
    return step.fit(table, target, ParamValues::resolve(step.params(), given), 7, {});
}

Table applied(const FittedStep& step, const Table& table, StepUse use = StepUse::Training) {
    StepReport report;
    return step.apply(table, use, report, {});
}

// A column's cells as "1,?,3" (? = missing).
QString cells(const Table& table, const std::string& name) {
    const std::ptrdiff_t index = table.indexOf(name);
    if (index < 0) return "<no column " + QString::fromStdString(name) + ">";
    const Column& column = table.column(static_cast<std::size_t>(index));
    QStringList out;
    for (std::size_t r = 0; r < column.size(); ++r)
        out << (column.isMissing(r) ? QString("?") : QString::fromStdString(column.format(r)));
    return out.join(',');
}

QString names(const Table& table) {
    QStringList out;
    for (const Column& column : table.columns()) out << QString::fromStdString(column.name());
    return out.join(',');
}

QString detail(const StepReport& report, const std::string& key) {
    for (const auto& [name, value] : report.details)
        if (name == key) return QString::fromStdString(value);
    return "<no detail " + QString::fromStdString(key) + ">";
}

// Every column's name, type and cells.
QString dump(const Table& table) {
    QString out;
    for (const Column& column : table.columns())
        out += QString::fromStdString(column.name()) + ":" +
               QString::fromStdString(std::string(columnTypeName(column.type()))) + "=" +
               cells(table, column.name()) + "\n";
    return out;
}

std::vector<std::uint8_t> saved(const FittedStep& step) {
    ByteWriter out;
    step.save(out);
    return out.take();
}

std::unique_ptr<FittedStep> reloaded(const PreparationStep& step, const FittedStep& fittedStep) {
    const std::vector<std::uint8_t> bytes = saved(fittedStep);
    ByteReader in(bytes, "test");
    std::unique_ptr<FittedStep> loaded = step.load(in);
    in.expectEnd();
    return loaded;
}

}  // namespace

class CleaningStepsTest : public QObject {
    Q_OBJECT
  private slots:
    void impute_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("trainingCells");
        QTest::addColumn<QString>("laterCells");
        QTest::addColumn<int>("changed");
        // x's training values are 1, 4, 8, 2: mean 3.75, median (2 + 4) / 2, no mode (the
        // smallest wins). Later rows get the training value, never their own (x = 5).
        QTest::newRow("mean") << "strategy=mean"
                              << "x"
                              << "1,3.75,4,8,2"
                              << "3.75,5" << 1;
        QTest::newRow("median") << "strategy=median"
                                << "x"
                                << "1,3,4,8,2"
                                << "3,5" << 1;
        QTest::newRow("mean leaves categoricals") << "strategy=mean"
                                                  << "c"
                                                  << "a,b,?,b,b"
                                                  << "?,z" << 1;
        QTest::newRow("most frequent number") << "strategy=most_frequent,columns=x"
                                              << "x"
                                              << "1,1,4,8,2"
                                              << "1,5" << 1;
        QTest::newRow("most frequent level") << "strategy=most_frequent"
                                             << "c"
                                             << "a,b,b,b,b"
                                             << "b,z" << 3;
        QTest::newRow("most frequent text, tie to smallest") << "strategy=most_frequent"
                                                             << "t"
                                                             << "p,p,q,q,p"
                                                             << "p,r" << 3;
        QTest::newRow("target left alone") << "strategy=most_frequent"
                                           << "y"
                                           << "?,1,0,1,1"
                                           << "<no column y>" << 3;
        QTest::newRow("target when named") << "strategy=median,columns=y;x"
                                           << "y"
                                           << "1,1,0,1,1"
                                           << "<no column y>" << 2;
        QTest::newRow("constant number") << "strategy=constant,value=-1,columns=x"
                                         << "x"
                                         << "1,-1,4,8,2"
                                         << "-1,5" << 1;
        QTest::newRow("constant new level") << "strategy=constant,value=none,columns=c;t"
                                            << "c"
                                            << "a,b,none,b,b"
                                            << "none,z" << 2;
        QTest::newRow("constant text") << "strategy=constant,value=none,columns=c;t"
                                       << "t"
                                       << "p,none,q,q,p"
                                       << "none,r" << 2;
    }
    void impute() {
        QFETCH(QString, params);
        QFETCH(QString, column);
        QFETCH(QString, trainingCells);
        QFETCH(QString, laterCells);
        QFETCH(int, changed);
        const auto step = fitted(imputeStep(), training(), params);
        StepReport report;
        const Table out = step->apply(training(), StepUse::Training, report, {});
        QCOMPARE(cells(out, column.toStdString()), trainingCells);
        QCOMPARE(report.changedCells, std::size_t(changed));
        QCOMPARE(report.step, std::string("impute"));
        QCOMPARE(cells(applied(*step, later(), StepUse::Prediction), column.toStdString()),
                 laterCells);
        // The same after a round trip through the model file's bytes.
        QCOMPARE(cells(applied(*reloaded(imputeStep(), *step), later(), StepUse::Prediction),
                       column.toStdString()),
                 laterCells);
    }

    void imputeReport() {
        const auto step = fitted(imputeStep(), training(), "strategy=mean");
        StepReport report;
        step->apply(training(), StepUse::Training, report, {});
        QCOMPARE(detail(report, "column x"), QString("1 cell filled with 3.75"));
        StepReport later_;
        step->apply(later(), StepUse::Prediction, later_, {});
        QCOMPARE(detail(later_, "column x"), QString("1 cell filled with 3.75"));
        // Other types are untouched and keep their missing cells.
        QCOMPARE(cells(applied(*step, training()), "t"), QString("p,?,q,q,p"));
    }

    void imputeOtherTypes_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("flagCells");
        QTest::addColumn<QString>("dateCells");
        QTest::newRow("most frequent") << "strategy=most_frequent"
                                       << "true,false,false,false"
                                       << "2024-01-01,2024-01-01,2024-01-01,2023-01-01";
        QTest::newRow("constant flag") << "strategy=constant,value=yes,columns=f"
                                       << "true,true,false,false"
                                       << "2024-01-01,?,2024-01-01,2023-01-01";
        QTest::newRow("constant date") << "strategy=constant,value=2020-05-06,columns=w"
                                       << "true,?,false,false"
                                       << "2024-01-01,2020-05-06,2024-01-01,2023-01-01";
    }
    void imputeOtherTypes() {
        QFETCH(QString, params);
        QFETCH(QString, flagCells);
        QFETCH(QString, dateCells);
        const Table table({flags("f", {true, NA, false, false}),
                           dates("w", {"2024-01-01", NA, "2024-01-01", "2023-01-01"})});
        const auto step = fitted(imputeStep(), table, params);
        const Table out = applied(*reloaded(imputeStep(), *step), table);
        QCOMPARE(cells(out, "f"), flagCells);
        QCOMPARE(cells(out, "w"), dateCells);
        QCOMPARE(out.column(0).type(), ColumnType::Boolean);
        QCOMPARE(out.column(1).type(), ColumnType::DateTime);
    }

    void missingIndicator_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("added");
        QTest::addColumn<QString>("xFlags");
        QTest::addColumn<QString>("laterCFlags");
        QTest::newRow("auto") << ""
                              << "x_missing,c_missing,t_missing"
                              << "false,true,false,false,false"
                              << "true,false";
        QTest::newRow("chosen") << "columns=c;id"
                                << "c_missing,id_missing"
                                << "<no column x_missing>"
                                << "true,false";
    }
    void missingIndicator() {
        QFETCH(QString, params);
        QFETCH(QString, added);
        QFETCH(QString, xFlags);
        QFETCH(QString, laterCFlags);
        const auto step = fitted(missingIndicatorStep(), training(), params);
        StepReport report;
        const Table out = step->apply(training(), StepUse::Training, report, {});
        QStringList reported;
        for (const std::string& name : report.addedColumns)
            reported << QString::fromStdString(name);
        QCOMPARE(reported.join(','), added);
        QCOMPARE(names(out), "x,c,t,id,y," + added);
        QCOMPARE(cells(out, "x_missing"), xFlags);
        QCOMPARE(out.column(out.columnCount() - 1).type(), ColumnType::Boolean);
        QCOMPARE(cells(out, "c"), QString("a,b,?,b,b"));  // the original stays as it is
        QCOMPARE(cells(applied(*step, later(), StepUse::Prediction), "c_missing"), laterCFlags);
    }

    void dropMissing_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("trainingIds");
        QTest::addColumn<QString>("columns");
        QTest::addColumn<QString>("laterColumns");
        // Missing: x in row 2, c in row 3, t in row 2, y (the target) in row 1; 20% each.
        QTest::newRow("any missing cell") << ""
                                          << "4,5"
                                          << "x,c,t,id,y"
                                          << "x,c,t,id";
        QTest::newRow("chosen columns") << "columns=x;c"
                                        << "1,4,5"
                                        << "x,c,t,id,y"
                                        << "x,c,t,id";
        QTest::newRow("columns over a share") << "rows=false,max_missing=0.1"
                                              << "1,2,3,4,5"
                                              << "id,y"
                                              << "id";
        QTest::newRow("share not exceeded") << "rows=false,max_missing=0.2"
                                            << "1,2,3,4,5"
                                            << "x,c,t,id,y"
                                            << "x,c,t,id";
        QTest::newRow("both") << "max_missing=0.1"
                              << "2,3,4,5"
                              << "id,y"
                              << "id";
    }
    void dropMissing() {
        QFETCH(QString, params);
        QFETCH(QString, trainingIds);
        QFETCH(QString, columns);
        QFETCH(QString, laterColumns);
        const auto step = fitted(dropMissingStep(), training(), params);
        const auto loaded = reloaded(dropMissingStep(), *step);
        for (const FittedStep* s : {step.get(), loaded.get()}) {
            StepReport report;
            const Table out = s->apply(training(), StepUse::Training, report, {});
            QCOMPARE(cells(out, "id"), trainingIds);
            QCOMPARE(names(out), columns);
            QCOMPARE(report.droppedRows, 5 - std::size_t(trainingIds.count(',') + 1));
            QCOMPARE(report.droppedColumns.size(), std::size_t(5 - (columns.count(',') + 1)));
            // Prediction rows are never dropped; the same columns are.
            StepReport laterReport;
            const Table laterOut = s->apply(later(), StepUse::Prediction, laterReport, {});
            QCOMPARE(laterOut.rowCount(), std::size_t(2));
            QCOMPARE(laterReport.droppedRows, std::size_t(0));
            QCOMPARE(names(laterOut), laterColumns);
        }
    }

    void dropDuplicates_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("groups");
        // 0 and -0 are equal; two missing cells are equal.
        QTest::newRow("all columns") << ""
                                     << "0,2,0,?"
                                     << "x,y,z,?" << 3;
        QTest::newRow("subset a") << "columns=a"
                                  << "0,2,?"
                                  << "x,y,?" << 3;
        QTest::newRow("subset b") << "columns=b"
                                  << "0,2,0,?"
                                  << "x,y,z,?" << 3;
        QTest::newRow("subset a b") << "columns=b;a"
                                    << "0,2,0,?"
                                    << "x,y,z,?" << 3;
    }
    void dropDuplicates() {
        QFETCH(QString, params);
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, groups);
        const Table table({numeric("a", {0, -0.0, 2, 0, NA, NA, 2}),
                           categorical("b", {"x", "x", "y", "z", NA, NA, "y"}),
                           text("t", {"1", "1", "2", "3", "4", "4", "2"})});
        const auto step = fitted(dropDuplicatesStep(), table, params);
        StepReport report;
        const Table out = step->apply(table, StepUse::Training, report, {});
        QCOMPARE(cells(out, "a"), a);
        QCOMPARE(cells(out, "b"), b);
        QCOMPARE(report.droppedRows, 7 - out.rowCount());
        QCOMPARE(detail(report, "duplicate groups"), QString::number(groups));
        QCOMPARE(applied(*step, table, StepUse::Prediction).rowCount(), std::size_t(7));
    }

    // Many random rows from small domains against a plain set of the rows' text.
    void dropDuplicatesRandom() {
        Random random(42);
        std::vector<std::optional<double>> a;
        Cells b, t;
        for (int i = 0; i < 3000; ++i) {
            const auto pick = random.next() % 7;
            a.push_back(pick == 0 ? std::optional<double>() : double(pick % 4));
            const auto level = random.next() % 5;
            b.push_back(level == 0 ? std::optional<std::string>() : "l" + std::to_string(level));
            t.push_back("t" + std::to_string(random.next() % 6));
        }
        const Table table({numeric("a", a), categorical("b", b), text("t", t)});
        std::set<QString> seen;
        QStringList expected;
        for (std::size_t r = 0; r < table.rowCount(); ++r) {
            const QString key = QString::fromStdString(
                table.column(0).format(r) + "|" + std::to_string(table.column(0).isMissing(r)) +
                "|" + table.column(1).format(r) + "|" + table.column(2).format(r));
            if (seen.insert(key).second) expected << key;
        }
        const Table out = applied(*fitted(dropDuplicatesStep(), table, ""), table);
        QStringList got;
        for (std::size_t r = 0; r < out.rowCount(); ++r)
            got << QString::fromStdString(out.column(0).format(r) + "|" +
                                          std::to_string(out.column(0).isMissing(r)) + "|" +
                                          out.column(1).format(r) + "|" + out.column(2).format(r));
        QVERIFY(expected.size() < 3000);
        QCOMPARE(got, expected);
    }

    void validate_data() {
        QTest::addColumn<QString>("rules");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("rows");
        QTest::newRow(">=") << "price>=0"
                            << "rule price >= 0"
                            << "1 row: 2";
        QTest::newRow("<=") << "price<=1000"
                            << "rule price <= 1000"
                            << "1 row: 3";
        QTest::newRow(">") << "price>5"
                           << "rule price > 5"
                           << "2 rows: 1, 2";
        QTest::newRow("<") << "price<10"
                           << "rule price < 10"
                           << "2 rows: 3, 5";
        QTest::newRow("spaces") << "  price >= 0 "
                                << "rule price >= 0"
                                << "1 row: 2";
        QTest::newRow("categories") << "colour in red|green|blue"
                                    << "rule colour in red|green|blue"
                                    << "1 row: 3";
        QTest::newRow("categories spaced") << "colour in red | blue"
                                           << "rule colour in red|blue"
                                           << "2 rows: 2, 3";
        QTest::newRow("numbers by value") << "id in 1|2.0|4|5"
                                          << "rule id in 1|2.0|4|5"
                                          << "0 rows";
        QTest::newRow("numbers left out") << "id in 1|4"
                                          << "rule id in 1|4"
                                          << "2 rows: 2, 5";
        QTest::newRow("not missing") << "id not-missing"
                                     << "rule id not-missing"
                                     << "1 row: 3";
        QTest::newRow("dates") << "when>=2024-01-01"
                               << "rule when >= 2024-01-01"
                               << "1 row: 2";
        QTest::newRow("target") << "y>=1"
                                << "rule y >= 1"
                                << "1 row: 4";
    }
    void validate() {
        QFETCH(QString, rules);
        QFETCH(QString, key);
        QFETCH(QString, rows);
        const Table table = validationTable();
        const auto step = fitted(validateStep(), table, "rules=" + rules);
        StepReport report;
        const Table out = step->apply(table, StepUse::Training, report, {});
        QCOMPARE(detail(report, key.toStdString()), rows);
        QCOMPARE(out.rowCount(), table.rowCount());  // action=report keeps every row
        QCOMPARE(report.droppedRows, std::size_t(0));
    }

    void validateDrop() {
        const Table table = validationTable();
        const auto step = fitted(validateStep(), table,
                                 "rules=price>=0;price<=1000;colour in red|green|blue;"
                                 "id not-missing,action=drop,max_rows=1");
        const auto loaded = reloaded(validateStep(), *step);
        for (const FittedStep* s : {step.get(), loaded.get()}) {
            StepReport report;
            const Table out = s->apply(table, StepUse::Training, report, {});
            QCOMPARE(cells(out, "price"), QString("5,?,10"));
            QCOMPARE(report.droppedRows, std::size_t(2));
            QCOMPARE(detail(report, "rows breaking a rule"), QString("2"));
            QCOMPARE(detail(report, "rule price >= 0"), QString("1 row: 2"));
            QCOMPARE(detail(report, "rule id not-missing"), QString("1 row: 3"));
            QCOMPARE(report.details.size(), std::size_t(5));
            // At prediction the rows are reported but kept.
            StepReport laterReport;
            QCOMPARE(s->apply(table, StepUse::Prediction, laterReport, {}).rowCount(),
                     std::size_t(5));
            QCOMPARE(laterReport.droppedRows, std::size_t(0));
            QCOMPARE(detail(laterReport, "rows breaking a rule"), QString("2"));
        }
        const Table many({numeric("v", {-1, -2, -3, 4, -5})});
        StepReport report;
        fitted(validateStep(), many, "rules=v>=0,max_rows=2")
            ->apply(many, StepUse::Training, report, {});
        QCOMPARE(detail(report, "rule v >= 0"), QString("4 rows: 1, 2, ..."));
    }

    void types_data() {
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("values");
        QTest::addColumn<int>("failures");
        QTest::addColumn<QString>("columns");
        QTest::newRow("to numeric") << "cast=age=numeric"
                                    << "age"
                                    << "numeric"
                                    << "30,?,40.5" << 1 << "age,zip,d1,d2";
        QTest::newRow("to categorical") << "cast=zip=categorical"
                                        << "zip"
                                        << "categorical"
                                        << "1234,?,1234" << 0 << "age,zip,d1,d2";
        QTest::newRow("to text") << "cast=zip=text"
                                 << "zip"
                                 << "text"
                                 << "1234,?,1234" << 0 << "age,zip,d1,d2";
        QTest::newRow("two casts") << "cast=zip=text;age=numeric"
                                   << "age"
                                   << "numeric"
                                   << "30,?,40.5" << 1 << "age,zip,d1,d2";
        QTest::newRow("date pattern") << "dates=d1=%d/%m/%Y"
                                      << "d1"
                                      << "datetime"
                                      << "2024-03-01,?,?" << 2 << "age,zip,d1,d2";
        QTest::newRow("date literal")
            << "dates=d2=%Y-%m-%dT%H:%M"
            << "d2"
            << "datetime"
            << "2024-03-01T00:00:00,2024-03-02T10:30:00,?" << 1 << "age,zip,d1,d2";
        QTest::newRow("ISO dates") << "dates=d2"
                                   << "d2"
                                   << "datetime"
                                   << "2024-03-01T00:00:00,2024-03-02T10:30:00,2024-03-03T00:00:00"
                                   << 0 << "age,zip,d1,d2";
        QTest::newRow("select") << "select=zip;age"
                                << "age"
                                << "categorical"
                                << "30,forty,40.5" << 0 << "zip,age";
        QTest::newRow("drop") << "drop=d1;d2"
                              << "zip"
                              << "numeric"
                              << "1234,?,1234" << 0 << "age,zip";
        QTest::newRow("rename") << "rename=age>years;zip>age"
                                << "years"
                                << "categorical"
                                << "30,forty,40.5" << 0 << "years,age,d1,d2";
        QTest::newRow("all at once")
            << "cast=age=numeric,select=age;zip;d1,drop=d1,rename=age>years"
            << "years"
            << "numeric"
            << "30,?,40.5" << 1 << "years,zip";
    }
    void types() {
        QFETCH(QString, params);
        QFETCH(QString, column);
        QFETCH(QString, type);
        QFETCH(QString, values);
        QFETCH(int, failures);
        QFETCH(QString, columns);
        const Table table = typesTable();
        const auto step = fitted(typesStep(), table, params);
        const auto loaded = reloaded(typesStep(), *step);
        for (const FittedStep* s : {step.get(), loaded.get()}) {
            StepReport report;
            const Table out = s->apply(table, StepUse::Training, report, {});
            QCOMPARE(names(out), columns);
            const std::ptrdiff_t index = out.indexOf(column.toStdString());
            QVERIFY(index >= 0);
            QCOMPARE(QString::fromStdString(
                         std::string(columnTypeName(out.column(std::size_t(index)).type()))),
                     type);
            QCOMPARE(cells(out, column.toStdString()), values);
            QCOMPARE(report.changedCells, std::size_t(failures));
        }
    }

    void typesReport() {
        const Table table = typesTable();
        StepReport report;
        fitted(typesStep(), table, "cast=age=numeric,drop=d1,rename=zip>code")
            ->apply(table, StepUse::Training, report, {});
        QCOMPARE(detail(report, "cast age"), QString("numeric, 1 value did not convert"));
        QCOMPARE(detail(report, "rename zip"), QString("code"));
        QCOMPARE(report.droppedColumns, std::vector<std::string>{"d1"});
        // The target may be missing at prediction: steps on it are skipped.
        const auto step =
            fitted(typesStep(), table, "cast=zip=text,select=age;zip,rename=zip>z", "zip");
        const Table noTarget({categorical("age", {"1"}), text("d1", {"x"})});
        QCOMPARE(names(applied(*step, noTarget, StepUse::Prediction)), QString("age"));
        // A later table with a column named like a rename's result.
        const auto renaming = fitted(typesStep(), table, "rename=age>years");
        const Table clash({categorical("age", {"1"}), numeric("years", {1})});
        try {
            applied(*renaming, clash);
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("age"));
        }
    }

    void datePatterns_data() {
        QTest::addColumn<QString>("strftime");
        QTest::addColumn<QString>("java");
        QTest::newRow("iso date") << "%Y-%m-%d"
                                  << "yyyy-MM-dd";
        QTest::newRow("literal words") << "%d.%m.%Y at %H:%M"
                                       << "dd.MM.yyyy 'at' HH:mm";
        QTest::newRow("names") << "%d %b %y, %I %p"
                               << "dd MMM yy, hh a";
        QTest::newRow("quote and percent") << "%S's %%"
                                           << "ss'''s' %";
        QTest::newRow("unsupported") << "%Q"
                                     << "<error>";
        QTest::newRow("lone percent") << "%Y%"
                                      << "<error>";
    }
    void datePatterns() {
        QFETCH(QString, strftime);
        QFETCH(QString, java);
        std::string error;
        const std::optional<std::string> out = javaDatePattern(strftime.toStdString(), error);
        QCOMPARE(out ? QString::fromStdString(*out) : QString("<error>"), java);
        QCOMPARE(out.has_value(), error.empty());
    }

    // Errors at fit name the parameter; errors at apply name the column.
    void errors_data() {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("params");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("impute unknown column") << "impute"
                                               << "columns=x;nope"
                                               << "columns"
                                               << "\"nope\"";
        QTest::newRow("impute mean of a category") << "impute"
                                                   << "strategy=mean,columns=c"
                                                   << "columns"
                                                   << "\"c\"";
        QTest::newRow("impute constant without value") << "impute"
                                                       << "strategy=constant"
                                                       << "value"
                                                       << "constant";
        QTest::newRow("impute constant not a number") << "impute"
                                                      << "strategy=constant,value=abc,columns=x"
                                                      << "value"
                                                      << "\"x\"";
        QTest::newRow("impute bad strategy") << "impute"
                                             << "strategy=mode"
                                             << "strategy"
                                             << "most_frequent";
        QTest::newRow("impute unknown parameter") << "impute"
                                                  << "colums=x"
                                                  << "colums"
                                                  << "columns";
        QTest::newRow("indicator unknown column") << "missing-indicator"
                                                  << "columns=q"
                                                  << "columns"
                                                  << "\"q\"";
        QTest::newRow("indicator of the target") << "missing-indicator"
                                                 << "columns=x;y"
                                                 << "columns"
                                                 << "target";
        QTest::newRow("drop-missing share") << "drop-missing"
                                            << "max_missing=2"
                                            << "max_missing"
                                            << "[0, 1]";
        QTest::newRow("drop-missing dropped column") << "drop-missing"
                                                     << "max_missing=0.1,columns=x"
                                                     << "columns"
                                                     << "\"x\"";
        QTest::newRow("duplicates twice") << "drop-duplicates"
                                          << "columns=x;x"
                                          << "columns"
                                          << "twice";
        QTest::newRow("rule syntax") << "validate"
                                     << "rules=x=>1"
                                     << "rules"
                                     << "x=>1";
        QTest::newRow("rule without operator") << "validate"
                                               << "rules=x"
                                               << "rules"
                                               << "\"x\"";
        QTest::newRow("rule unknown column") << "validate"
                                             << "rules=nope>=1"
                                             << "rules"
                                             << "\"nope\"";
        QTest::newRow("rule range on category") << "validate"
                                                << "rules=c>=1"
                                                << "rules"
                                                << "categorical";
        QTest::newRow("rule bound") << "validate"
                                    << "rules=x>=ten"
                                    << "rules"
                                    << "\"ten\"";
        QTest::newRow("rule empty value") << "validate"
                                          << "rules=c in a||b"
                                          << "rules"
                                          << "empty";
        QTest::newRow("rule number list") << "validate"
                                          << "rules=x in 1|one"
                                          << "rules"
                                          << "\"one\"";
        QTest::newRow("no rules") << "validate"
                                  << ""
                                  << "rules"
                                  << "rule";
        QTest::newRow("bad action") << "validate"
                                    << "rules=x>1,action=fix"
                                    << "action"
                                    << "report";
        QTest::newRow("cast unknown column") << "types"
                                             << "cast=nope=numeric"
                                             << "cast"
                                             << "\"nope\"";
        QTest::newRow("cast unknown type") << "types"
                                           << "cast=x=number"
                                           << "cast"
                                           << "\"number\"";
        QTest::newRow("cast syntax") << "types"
                                     << "cast=x"
                                     << "cast"
                                     << "\"x\"";
        QTest::newRow("date directive") << "types"
                                        << "dates=t=%Q"
                                        << "dates"
                                        << "%Q";
        QTest::newRow("select unknown") << "types"
                                        << "select=x;nope"
                                        << "select"
                                        << "\"nope\"";
        QTest::newRow("drop everything") << "types"
                                         << "drop=x;c;t;id;y"
                                         << "drop"
                                         << "left";
        QTest::newRow("rename syntax") << "types"
                                       << "rename=x"
                                       << "rename"
                                       << "\"x\"";
        QTest::newRow("rename dropped") << "types"
                                        << "drop=x,rename=x>w"
                                        << "rename"
                                        << "\"x\"";
        QTest::newRow("rename collision") << "types"
                                          << "rename=x>c"
                                          << "rename"
                                          << "\"c\"";
    }
    void errors() {
        QFETCH(QString, step);
        QFETCH(QString, params);
        QFETCH(QString, parameter);
        QFETCH(QString, mentions);
        try {
            fitted(stepNamed(step), training(), params);
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.parameter()), parameter);
            QVERIFY2(QString(e.what()).contains(mentions), e.what());
        }
    }

    void applyErrors_data() {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("params");
        QTest::newRow("impute") << "impute"
                                << "strategy=median,columns=x";
        QTest::newRow("indicator") << "missing-indicator"
                                   << "columns=x";
        QTest::newRow("drop-missing") << "drop-missing"
                                      << "columns=x";
        QTest::newRow("duplicates") << "drop-duplicates"
                                    << "columns=x";
        QTest::newRow("validate") << "validate"
                                  << "rules=x>=0";
        QTest::newRow("types") << "types"
                               << "cast=x=text";
    }
    void applyErrors() {
        QFETCH(QString, step);
        QFETCH(QString, params);
        const auto fittedStep = fitted(stepNamed(step), training(), params);
        const Table withoutX({numeric("id", {1, 2})});
        try {
            applied(*fittedStep, withoutX, StepUse::Training);
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(QString::fromStdString(e.parameter()), QString("x"));
            QVERIFY2(QString(e.what()).contains(step), e.what());
        }
    }

    void imputeTypeChanged() {
        const auto step = fitted(imputeStep(), training(), "strategy=median,columns=x");
        const Table changed({text("x", {"1", NA})});
        try {
            applied(*step, changed);
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("x"));
        }
        const Table allMissing({numeric("x", {NA, NA}), numeric("y", {1, 2})});
        QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                                 fitted(imputeStep(), allMissing, "strategy=mean,columns=x"));
    }

    // Every step, saved and loaded, transforms training and later rows exactly as before; a
    // payload cut short is a format error, never a crash.
    void roundTrip_data() {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("params");
        QTest::newRow("impute mean") << "impute"
                                     << "strategy=mean";
        QTest::newRow("impute most frequent") << "impute"
                                              << "strategy=most_frequent";
        QTest::newRow("impute constant") << "impute"
                                         << "strategy=constant,value=0,columns=x;id";
        QTest::newRow("indicator") << "missing-indicator"
                                   << "";
        QTest::newRow("drop-missing") << "drop-missing"
                                      << "max_missing=0.1";
        QTest::newRow("drop-missing rows") << "drop-missing"
                                           << "columns=c;x";
        QTest::newRow("duplicates") << "drop-duplicates"
                                    << "columns=c";
        QTest::newRow("validate") << "validate"
                                  << "rules=x>=2;c in a|b;t not-missing,action=drop";
        QTest::newRow("types") << "types"
                               << "cast=c=text;y=categorical,drop=id,rename=x>w";
    }
    void roundTrip() {
        QFETCH(QString, step);
        QFETCH(QString, params);
        const PreparationStep& kind = stepNamed(step);
        const auto original = fitted(kind, training(), params);
        const auto loaded = reloaded(kind, *original);
        QCOMPARE(loaded->name(), original->name());
        for (const StepUse use : {StepUse::Training, StepUse::Prediction}) {
            for (const Table& table : {training(), later()}) {
                StepReport a, b;
                const Table first = original->apply(table, use, a, {});
                QCOMPARE(dump(loaded->apply(table, use, b, {})), dump(first));
                QCOMPARE(a.details, b.details);
                QCOMPARE(a.changedCells, b.changedCells);
                QCOMPARE(a.droppedRows, b.droppedRows);
            }
        }
        QCOMPARE(saved(*loaded), saved(*original));
        std::vector<std::uint8_t> bytes = saved(*original);
        bytes.pop_back();
        ByteReader in(bytes, "cut.model");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, kind.load(in));
        bytes = saved(*original);
        bytes[0] = 99;  // an unknown format
        ByteReader newer(bytes, "newer.model");
        QVERIFY_THROWS_EXCEPTION(ModelFormatError, kind.load(newer));
    }

    void paramSpecs() {
        for (const QString name : {"impute", "missing-indicator", "drop-missing", "drop-duplicates",
                                   "validate", "types"}) {
            const PreparationStep& step = stepNamed(name);
            QVERIFY(!step.description().empty());
            // Every default resolves.
            ParamValues::resolve(step.params(), {});
            for (const ParamSpec& spec : step.params()) QVERIFY(!spec.help.empty());
        }
    }

    // A real dataset with missing values: soybean (every attribute nominal).
    void soybean() {
        const Table table =
            readTable(std::string(GLASSBOX_SHARED_DIR) + "/datasets/soybean.arff", {}).table;
        QCOMPARE(table.rowCount(), std::size_t(683));
        std::vector<std::size_t> first, rest;
        for (std::size_t r = 0; r < table.rowCount(); ++r) (r < 500 ? first : rest).push_back(r);
        const Table train = selectRows(table, first);
        const Table test = selectRows(table, rest);
        const auto step = fitted(imputeStep(), train, "strategy=most_frequent", "class");

        std::size_t before = 0, columnsWithMissing = 0;
        for (const Column& column : train.columns()) {
            if (column.name() == "class") continue;
            before += column.missingCount();
            columnsWithMissing += column.missingCount() > 0;
        }
        QVERIFY(columnsWithMissing > 10);
        StepReport report;
        const Table imputedTrain = step->apply(train, StepUse::Training, report, {});
        const Table imputedTest = applied(*step, test, StepUse::Prediction);
        QCOMPARE(report.changedCells, before);
        for (const Table* t : {&imputedTrain, &imputedTest})
            for (const Column& column : t->columns())
                if (column.name() != "class") QCOMPARE(column.missingCount(), std::size_t(0));

        // Each fill is the training rows' most frequent level, counted here independently.
        for (std::size_t c = 0; c < train.columnCount(); ++c) {
            const Column& column = train.column(c);
            if (column.name() == "class" || column.missingCount() == 0) continue;
            std::map<std::string, std::size_t> counts;
            for (std::size_t r = 0; r < column.size(); ++r)
                if (!column.isMissing(r)) ++counts[column.format(r)];
            std::size_t best = 0;
            for (const auto& [level, count] : counts) best = std::max(best, count);
            for (std::size_t r = 0; r < column.size(); ++r) {
                if (!column.isMissing(r)) continue;
                const std::string fill = imputedTrain.column(c).format(r);
                QCOMPARE(counts[fill], best);
                break;
            }
        }

        // drop-missing keeps exactly the complete training rows.
        std::size_t complete = 0;
        for (std::size_t r = 0; r < train.rowCount(); ++r) {
            bool any = false;
            for (const Column& column : train.columns()) any = any || column.isMissing(r);
            complete += !any;
        }
        QVERIFY(complete < train.rowCount());
        QCOMPARE(applied(*fitted(dropMissingStep(), train, "", "class"), train).rowCount(),
                 complete);
    }

  private:
    static Table validationTable() {
        return Table({numeric("price", {5, -1, 2000, NA, 10}),
                      categorical("colour", {"red", "green", "purple", "red", NA}),
                      numeric("id", {1, 2, NA, 4, 5}),
                      dates("when", {"2024-02-01", "2023-12-31", NA, "2024-01-01", "2025-01-01"}),
                      numeric("y", {1, 2, 3, 0, 5})});
    }
    static Table typesTable() {
        return Table({categorical("age", {"30", "forty", "40.5"}), numeric("zip", {1234, NA, 1234}),
                      text("d1", {"01/03/2024", "31/02/2024", "March"}),
                      text("d2", {"2024-03-01T00:00", "2024-03-02T10:30", "2024-03-03"})});
    }
};

QTEST_APPLESS_MAIN(CleaningStepsTest)
#include "test_cleaning_steps.moc"
