// The ARFF reader: Weka's example datasets, every syntax feature, and located errors.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/arff_date_format.h"
#include "engine/arff_reader.h"
#include "engine/errors.h"
#include "engine/table_reader.h"

using namespace glassbox;

namespace {

LoadedTable readText(const QString& text, const ReadOptions& options = {}) {
    const std::string bytes = text.toStdString();
    return readArff(bytes, "test.arff", options, {});
}

// "name:type" per column, comma-separated.
QString schemaOf(const Table& table) {
    QStringList parts;
    for (const Column& column : table.columns())
        parts << QString::fromStdString(column.name()) + ":" +
                     QString::fromStdString(std::string(columnTypeName(column.type())));
    return parts.join(",");
}

// One "v1|v2|..." per row, Column::format of each cell, "<NA>" for a missing cell.
QStringList rowsOf(const Table& table) {
    QStringList rows;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        QStringList cells;
        for (const Column& column : table.columns())
            cells << (column.isMissing(r) ? QString("<NA>")
                                          : QString::fromStdString(column.format(r)));
        rows << cells.join("|");
    }
    return rows;
}

QStringList levelsOf(const Column& column) {
    QStringList levels;
    for (const std::string& level : column.levels()) levels << QString::fromStdString(level);
    return levels;
}

bool hasWarning(const LoadedTable& loaded, const QString& part, std::size_t rows) {
    for (const Warning& warning : loaded.warnings)
        if (QString::fromStdString(warning.message).contains(part) && warning.rows == rows)
            return true;
    return false;
}

double columnSum(const Column& column) {
    double sum = 0;
    for (std::size_t r = 0; r < column.size(); ++r)
        if (!column.isMissing(r)) sum += column.number(r);
    return sum;
}

std::size_t levelCount(const Column& column, const std::string& level) {
    std::size_t count = 0;
    for (std::size_t r = 0; r < column.size(); ++r)
        count += !column.isMissing(r) && column.format(r) == level;
    return count;
}

const Column& columnNamed(const Table& table, const std::string& name) {
    const std::ptrdiff_t index = table.indexOf(name);
    if (index < 0) throw std::runtime_error("no column " + name);
    return table.column(static_cast<std::size_t>(index));
}

}  // namespace

class ArffReaderTest : public QObject {
    Q_OBJECT
  private slots:
    // Expected values worked out independently of Glassbox: a throw-away Python script (csv
    // module with quotechar="'" over the @data lines, regexes over the @attribute lines) counted
    // the rows, the '?' per column and copied each declared level list; they are literals here.
    void loadsWekaDatasets_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QStringList>("columns");  // "name;type;missing[;level|level|...]"
        QTest::newRow("credit-g")
            << QString("credit-g.arff") << 1000
            << QStringList{
                   "checking_status;categorical;0;<0|0<=X<200|>=200|no checking",
                   "duration;numeric;0",
                   "credit_history;categorical;0;no credits/all paid|all paid|existing "
                   "paid|delayed previously|critical/other existing credit",
                   "purpose;categorical;0;new car|used car|furniture/equipment|radio/tv|domestic "
                   "appliance|repairs|education|vacation|retraining|business|other",
                   "credit_amount;numeric;0",
                   "savings_status;categorical;0;<100|100<=X<500|500<=X<1000|>=1000|no known "
                   "savings",
                   "employment;categorical;0;unemployed|<1|1<=X<4|4<=X<7|>=7",
                   "installment_commitment;numeric;0",
                   "personal_status;categorical;0;male div/sep|female div/dep/mar|male single|male "
                   "mar/wid|female single",
                   "other_parties;categorical;0;none|co applicant|guarantor",
                   "residence_since;numeric;0",
                   "property_magnitude;categorical;0;real estate|life insurance|car|no known "
                   "property",
                   "age;numeric;0",
                   "other_payment_plans;categorical;0;bank|stores|none",
                   "housing;categorical;0;rent|own|for free",
                   "existing_credits;numeric;0",
                   "job;categorical;0;unemp/unskilled non res|unskilled resident|skilled|high "
                   "qualif/self emp/mgmt",
                   "num_dependents;numeric;0",
                   "own_telephone;categorical;0;none|yes",
                   "foreign_worker;categorical;0;yes|no",
                   "class;categorical;0;good|bad",
               };
        QTest::newRow("diabetes") << QString("diabetes.arff") << 768
                                  << QStringList{
                                         "preg;numeric;0",
                                         "plas;numeric;0",
                                         "pres;numeric;0",
                                         "skin;numeric;0",
                                         "insu;numeric;0",
                                         "mass;numeric;0",
                                         "pedi;numeric;0",
                                         "age;numeric;0",
                                         "class;categorical;0;tested_negative|tested_positive",
                                     };
        QTest::newRow("soybean")
            << QString("soybean.arff") << 683
            << QStringList{
                   "date;categorical;1;april|may|june|july|august|september|october",
                   "plant-stand;categorical;36;normal|lt-normal",
                   "precip;categorical;38;lt-norm|norm|gt-norm",
                   "temp;categorical;30;lt-norm|norm|gt-norm",
                   "hail;categorical;121;yes|no",
                   "crop-hist;categorical;16;diff-lst-year|same-lst-yr|same-lst-two-yrs|same-lst-"
                   "sev-yrs",
                   "area-damaged;categorical;1;scattered|low-areas|upper-areas|whole-field",
                   "severity;categorical;121;minor|pot-severe|severe",
                   "seed-tmt;categorical;121;none|fungicide|other",
                   "germination;categorical;112;90-100|80-89|lt-80",
                   "plant-growth;categorical;16;norm|abnorm",
                   "leaves;categorical;0;norm|abnorm",
                   "leafspots-halo;categorical;84;absent|yellow-halos|no-yellow-halos",
                   "leafspots-marg;categorical;84;w-s-marg|no-w-s-marg|dna",
                   "leafspot-size;categorical;84;lt-1/8|gt-1/8|dna",
                   "leaf-shread;categorical;100;absent|present",
                   "leaf-malf;categorical;84;absent|present",
                   "leaf-mild;categorical;108;absent|upper-surf|lower-surf",
                   "stem;categorical;16;norm|abnorm",
                   "lodging;categorical;121;yes|no",
                   "stem-cankers;categorical;38;absent|below-soil|above-soil|above-sec-nde",
                   "canker-lesion;categorical;38;dna|brown|dk-brown-blk|tan",
                   "fruiting-bodies;categorical;106;absent|present",
                   "external-decay;categorical;38;absent|firm-and-dry|watery",
                   "mycelium;categorical;38;absent|present",
                   "int-discolor;categorical;38;none|brown|black",
                   "sclerotia;categorical;38;absent|present",
                   "fruit-pods;categorical;84;norm|diseased|few-present|dna",
                   "fruit-spots;categorical;106;absent|colored|brown-w/blk-specks|distort|dna",
                   "seed;categorical;92;norm|abnorm",
                   "mold-growth;categorical;92;absent|present",
                   "seed-discolor;categorical;106;absent|present",
                   "seed-size;categorical;92;norm|lt-norm",
                   "shriveling;categorical;106;absent|present",
                   "roots;categorical;31;norm|rotted|galls-cysts",
                   "class;categorical;0;diaporthe-stem-canker|charcoal-rot|rhizoctonia-root-rot|"
                   "phytophthora-rot|brown-stem-rot|powdery-mildew|downy-mildew|brown-spot|"
                   "bacterial-blight|bacterial-pustule|purple-seed-stain|anthracnose|phyllosticta-"
                   "leaf-spot|alternarialeaf-spot|frog-eye-leaf-spot|diaporthe-pod-&-stem-blight|"
                   "cyst-nematode|2-4-d-injury|herbicide-injury",
               };
        QTest::newRow("weather.nominal") << QString("weather.nominal.arff") << 14
                                         << QStringList{
                                                "outlook;categorical;0;sunny|overcast|rainy",
                                                "temperature;categorical;0;hot|mild|cool",
                                                "humidity;categorical;0;high|normal",
                                                "windy;categorical;0;TRUE|FALSE",
                                                "play;categorical;0;yes|no",
                                            };
        QTest::newRow("iris")
            << QString("iris.arff") << 150
            << QStringList{
                   "sepallength;numeric;0",
                   "sepalwidth;numeric;0",
                   "petallength;numeric;0",
                   "petalwidth;numeric;0",
                   "class;categorical;0;Iris-setosa|Iris-versicolor|Iris-virginica",
               };
    }
    void loadsWekaDatasets() {
        QFETCH(QString, file);
        QFETCH(int, rows);
        QFETCH(QStringList, columns);
        const std::string path =
            std::string(GLASSBOX_SHARED_DIR) + "/datasets/" + file.toStdString();
        const LoadedTable loaded = readTable(path, {});
        QCOMPARE(loaded.format, std::string("arff"));
        QCOMPARE(loaded.encoding, std::string("UTF-8"));
        QVERIFY(loaded.warnings.empty());
        const Table& table = loaded.table;
        QCOMPARE(table.rowCount(), std::size_t(rows));
        QCOMPARE(table.columnCount(), std::size_t(columns.size()));
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const QStringList spec = columns[i].split(';');
            const Column& column = table.column(std::size_t(i));
            QCOMPARE(QString::fromStdString(column.name()), spec[0]);
            QCOMPARE(QString::fromStdString(std::string(columnTypeName(column.type()))), spec[1]);
            QCOMPARE(column.missingCount(), spec[2].toULongLong());
            if (spec.size() > 3) QCOMPARE(levelsOf(column), spec[3].split('|'));
        }
    }

    // Sums and class counts from awk over the raw @data lines (awk -F, summing a field).
    void readsWekaValues() {
        const std::string dir = std::string(GLASSBOX_SHARED_DIR) + "/datasets/";
        const Table credit = readTable(dir + "credit-g.arff", {}).table;
        QCOMPARE(columnSum(columnNamed(credit, "duration")), 20903.0);
        QCOMPARE(columnSum(columnNamed(credit, "credit_amount")), 3271258.0);
        QCOMPARE(levelCount(columnNamed(credit, "class"), "good"), std::size_t(700));
        QCOMPARE(levelCount(columnNamed(credit, "class"), "bad"), std::size_t(300));
        QCOMPARE(credit.column(0).format(0), std::string("<0"));
        QCOMPARE(credit.column(2).format(0), std::string("critical/other existing credit"));

        const Table diabetes = readTable(dir + "diabetes.arff", {}).table;
        QCOMPARE(columnSum(columnNamed(diabetes, "plas")), 92847.0);
        QVERIFY(std::abs(columnSum(columnNamed(diabetes, "mass")) - 24570.3) < 1e-6);
        QCOMPARE(levelCount(columnNamed(diabetes, "class"), "tested_positive"), std::size_t(268));

        const Table iris = readTable(dir + "iris.arff", {}).table;
        QVERIFY(std::abs(columnSum(columnNamed(iris, "sepallength")) - 876.5) < 1e-9);
        QCOMPARE(levelCount(columnNamed(iris, "class"), "Iris-versicolor"), std::size_t(50));

        // soybean: values written after ", " and a '?' count of 2337 over the whole data section.
        const Table soybean = readTable(dir + "soybean.arff", {}).table;
        std::size_t missing = 0;
        for (const Column& column : soybean.columns()) missing += column.missingCount();
        QCOMPARE(missing, std::size_t(2337));
        QCOMPARE(soybean.column(0).format(0), std::string("october"));
        QCOMPARE(soybean.column(5).format(0), std::string("same-lst-yr"));
        QCOMPARE(levelCount(columnNamed(soybean, "class"), "brown-spot"), std::size_t(92));
        QCOMPARE(levelCount(columnNamed(soybean, "class"), "diaporthe-pod-&-stem-blight"),
                 std::size_t(15));
    }

    // Each syntax feature on its own: the input, the schema and every row.
    void readsSyntax_data() {
        QTest::addColumn<QByteArray>("arff");
        QTest::addColumn<QString>("schema");    // name:type,...
        QTest::addColumn<QStringList>("rows");  // v|v|..., <NA> = missing
        QTest::addColumn<QString>("warning");   // "" = no warning expected
        QTest::addColumn<int>("warningRows");

        QTest::newRow("keywords and types in any case")
            << QByteArray(
                   "@RELATION r\n@Attribute a NUMERIC\n@attribute b Real\n"
                   "@ATTRIBUTE c integer\n@DaTa\n1,2.5,-3\n1e3, .5 ,+7\n")
            << QString("a:numeric,b:numeric,c:numeric") << QStringList{"1|2.5|-3", "1000|0.5|7"}
            << QString() << 0;
        QTest::newRow("quoted nominal values")
            << QByteArray(
                   "@relation r\n"
                   "@attribute kind {a, 'c d', \"e f\", 'it\\'s', \"say \\\"hi\\\"\"}\n"
                   "@data\na\n'c d'\n\"e f\"\n'it\\'s'\n\"say \\\"hi\\\"\"\n'a'\n")
            << QString("kind:categorical")
            << QStringList{"a", "c d", "e f", "it's", "say \"hi\"", "a"} << QString() << 0;
        QTest::newRow("stray spaces and tabs")
            << QByteArray(
                   "@relation r\n@attribute\tx\t\t{ lt-norm,norm , gt-norm }\n"
                   "@attribute y numeric\n@data\n  norm ,\t 3\ngt-norm,4\t\n")
            << QString("x:categorical,y:numeric") << QStringList{"norm|3", "gt-norm|4"} << QString()
            << 0;
        QTest::newRow("missing values")
            << QByteArray(
                   "@relation r\n@attribute n numeric\n@attribute c {x, y}\n"
                   "@attribute s string\n@data\n?,?,?\n1, x , ' ? '\n'2' , ? ,'?'\n")
            << QString("n:numeric,c:categorical,s:text")
            << QStringList{"<NA>|<NA>|<NA>", "1|x| ? ", "2|<NA>|?"} << QString() << 0;
        QTest::newRow("string values")
            << QByteArray(
                   "@relation r\n@attribute s string\n@data\n'hello world'\n"
                   "plain text with spaces\n\"tab\\there\"\n'50% off'\n''\n")
            << QString("s:text")
            << QStringList{"hello world", "plain text with spaces", "tab\there", "50% off", ""}
            << QString() << 0;
        QTest::newRow("comments everywhere")
            << QByteArray(
                   "% leading comment\n@relation r % relation comment\n% between\n"
                   "@attribute a numeric % after attribute\n@attribute b {x, y} % nominal\n"
                   "%\n@data % after data\n% inside data\n1,x % trailing\n"
                   "  % indented comment\n2,'y' %another\n\n")
            << QString("a:numeric,b:categorical") << QStringList{"1|x", "2|y"} << QString() << 0;
        QTest::newRow("quoted names")
            << QByteArray(
                   "@relation 'my relation'\n@attribute 'my attr' numeric\n"
                   "@attribute \"other one\" {a,b}\n@attribute plain-name string\n"
                   "@data\n1,a,x\n")
            << QString("my attr:numeric,other one:categorical,plain-name:text")
            << QStringList{"1|a|x"} << QString() << 0;
        QTest::newRow("sparse rows")
            << QByteArray(
                   "@relation r\n@attribute n numeric\n@attribute c {first, second}\n"
                   "@attribute s string\n@attribute m numeric\n@data\n"
                   "{0 5, 1 second}\n{}\n{ 3 2.5 , 2 'some text' }\n{1 ?, 0 ?}\n")
            << QString("n:numeric,c:categorical,s:text,m:numeric")
            << QStringList{"5|second||0", "0|first||0", "0|first|some text|2.5", "<NA>|<NA>||0"}
            << QString() << 0;
        QTest::newRow("instance weights are ignored")
            << QByteArray(
                   "@relation r\n@attribute n numeric\n@attribute c {a,b}\n@data\n"
                   "1,a,{2}\n2,b, {0.5}\n{0 3}, {4}\n{1 b} {1}\n4,a\n")
            << QString("n:numeric,c:categorical") << QStringList{"1|a", "2|b", "3|a", "0|b", "4|a"}
            << QString("4 rows have an instance weight") << 4;
        QTest::newRow("date, ISO default")
            << QByteArray(
                   "@relation r\n@attribute d DATE\n@data\n2024-03-01T12:30:00\n"
                   "'1999-12-31T23:59:59'\n?\n")
            << QString("d:datetime")
            << QStringList{"2024-03-01T12:30:00", "1999-12-31T23:59:59", "<NA>"} << QString() << 0;
        QTest::newRow("dates with patterns")
            << QByteArray(
                   "@relation r\n@attribute when date \"yyyy-MM-dd HH:mm:ss\"\n"
                   "@attribute day date 'dd/MM/yyyy'\n@attribute compact date yyyyMMdd\n"
                   "@data\n\"2024-02-29 08:05:09\",01/02/2023,20240131\n"
                   "'1970-01-01 00:00:00', 31/12/1999 , 19000101\n")
            << QString("when:datetime,day:datetime,compact:datetime")
            << QStringList{"2024-02-29T08:05:09|2023-02-01|2024-01-31",
                           "1970-01-01T00:00:00|1999-12-31|1900-01-01"}
            << QString() << 0;
        QTest::newRow("month names and a 12-hour clock")
            << QByteArray(
                   "@relation r\n@attribute d date \"MMM d, yyyy h:mm a\"\n@data\n"
                   "\"Mar 5, 2024 1:07 PM\"\n\"december 25, 1999 12:00 am\"\n")
            << QString("d:datetime") << QStringList{"2024-03-05T13:07:00", "1999-12-25T00:00:00"}
            << QString() << 0;
        QTest::newRow("CRLF and a UTF-8 BOM")
            << QByteArray("\xEF\xBB\xBF@relation r\r\n@attribute a {x,y}\r\n@data\r\nx\r\ny\r\n")
            << QString("a:categorical") << QStringList{"x", "y"} << QString() << 0;
        QTest::newRow("CR line breaks")
            << QByteArray("@relation r\r@attribute a numeric\r@data\r1\r2") << QString("a:numeric")
            << QStringList{"1", "2"} << QString() << 0;
        QTest::newRow("empty data section")
            << QByteArray(
                   "@relation r\n@attribute a numeric\n@attribute b {u,v}\n"
                   "@attribute d date\n@data\n% nothing here\n")
            << QString("a:numeric,b:categorical,d:datetime") << QStringList{} << QString() << 0;
        QTest::newRow("trailing comma")
            << QByteArray("@relation r\n@attribute a numeric\n@attribute b {x}\n@data\n1,x,\n")
            << QString("a:numeric,b:categorical") << QStringList{"1|x"} << QString() << 0;
        QTest::newRow("NaN read as missing")
            << QByteArray("@relation r\n@attribute a numeric\n@data\n1\nNaN\n3\n")
            << QString("a:numeric") << QStringList{"1", "<NA>", "3"}
            << QString("1 values written as NaN") << 1;
        QTest::newRow("repeated attribute names")
            << QByteArray(
                   "@relation r\n@attribute x numeric\n@attribute x numeric\n"
                   "@attribute '' numeric\n@data\n1,2,3\n")
            << QString("x:numeric,x_2:numeric,column_3:numeric") << QStringList{"1|2|3"}
            << QString("test.arff:3:12: attribute 2 repeats the name \"x\"; renamed x_2") << 0;
        QTest::newRow("number-like and boolean-like levels stay categorical")
            << QByteArray(
                   "@relation r\n@attribute g {90-100, 80-89, 7}\n"
                   "@attribute flag {TRUE, FALSE}\n@data\n80-89,TRUE\n7,FALSE\n")
            << QString("g:categorical,flag:categorical") << QStringList{"80-89|TRUE", "7|FALSE"}
            << QString() << 0;
        QTest::newRow("UTF-8 names and values")
            << QByteArray(
                   "@relation r\n@attribute 'größe' {klein, 'groß'}\n@attribute t string\n"
                   "@data\n'groß', 日本語\nklein,'ü'\n")
            << QString("größe:categorical,t:text") << QStringList{"groß|日本語", "klein|ü"}
            << QString() << 0;
    }
    void readsSyntax() {
        QFETCH(QByteArray, arff);
        QFETCH(QString, schema);
        QFETCH(QStringList, rows);
        QFETCH(QString, warning);
        QFETCH(int, warningRows);
        const std::string bytes(arff.constData(), std::size_t(arff.size()));
        const LoadedTable loaded = readArff(bytes, "test.arff", {}, {});
        QCOMPARE(schemaOf(loaded.table), schema);
        QCOMPARE(rowsOf(loaded.table), rows);
        if (warning.isEmpty()) {
            QVERIFY(loaded.warnings.empty());
        } else {
            QVERIFY2(
                hasWarning(loaded, warning, std::size_t(warningRows)),
                loaded.warnings.empty() ? "no warning" : loaded.warnings.front().message.c_str());
        }
    }

    void keepsDeclaredLevelOrder() {
        const LoadedTable loaded = readText(
            "@relation r\n@attribute c {zeta, alpha, 'never used', mid}\n@data\nmid\nalpha\n");
        const Column& column = loaded.table.column(0);
        QCOMPARE(levelsOf(column), (QStringList{"zeta", "alpha", "never used", "mid"}));
        QCOMPARE(column.codes()[0], 3);
        QCOMPARE(column.codes()[1], 1);
    }

    void datesKnowWhetherTheyHaveTime() {
        const LoadedTable loaded = readText(
            "@relation r\n@attribute a date yyyy-MM-dd\n@attribute b date\n@data\n"
            "2024-01-02,2024-01-02T00:00:00\n");
        QVERIFY(!loaded.table.column(0).hasTime());
        QVERIFY(loaded.table.column(1).hasTime());
        QCOMPARE(loaded.table.column(0).number(0), 1704153600.0);
        QCOMPARE(loaded.table.column(1).number(0), 1704153600.0);
    }

    // Errors name the line and the column (in characters) of the problem.
    void reportsErrors_data() {
        QTest::addColumn<QByteArray>("arff");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");

        const QByteArray header = "@relation r\n@attribute a numeric\n@attribute c {x, y}\n@data\n";
        QTest::newRow("undeclared nominal value")
            << header + "1,x\n2, z\n"
            << 6 << 4 << QString("value \"z\" is not declared");
        QTest::newRow("bad number") << header + "1,x\n12x,y\n"
                                    << 6 << 1 << QString("\"12x\" is not a number");
        QTest::newRow("quoted bad number") << header + "'4,5',x\n"
                                           << 5 << 1 << QString("\"4,5\" is not a number");
        QTest::newRow("too few values") << header + "1\n"
                                        << 5 << 2 << QString("expected 2 values, found 1");
        QTest::newRow("too few values before a comment")
            << header + "1,x\n7 , % c\n"
            << 6 << 4 << QString("expected 2 values, found 1");
        QTest::newRow("too many values") << header + "1,x,3\n"
                                         << 5 << 5 << QString("more than 2 values");
        QTest::newRow("empty value") << header + "1,,x\n" << 5 << 3 << QString("empty value");
        QTest::newRow("text after a quoted value") << header + "1,'x'y\n"
                                                   << 5 << 6 << QString("unexpected text");
        QTest::newRow("unterminated quote")
            << QByteArray("@relation r\n@attribute s string\n@data\nok\n  'abc\n") << 5 << 3
            << QString("unterminated quoted value");
        QTest::newRow("unknown type") << QByteArray("@relation r\n@attribute a numbr\n@data\n") << 2
                                      << 14 << QString("unknown attribute type \"numbr\"");
        QTest::newRow("relational attribute")
            << QByteArray(
                   "@relation r\n@attribute bag relational\n  @attribute x numeric\n"
                   "@end bag\n@data\n")
            << 2 << 16 << QString("relational attribute \"bag\" is not supported");
        QTest::newRow("attribute without type")
            << QByteArray("@relation r\n@attribute a\n") << 2 << 13 << QString("has no type");
        QTest::newRow("missing @data") << QByteArray("@relation r\n@attribute a numeric\n") << 3
                                       << 1 << QString("missing @data");
        QTest::newRow("missing @data, no final line break")
            << QByteArray("@relation r\n@attribute a numeric") << 2 << 21
            << QString("missing @data");
        QTest::newRow("not ARFF") << QByteArray("a,b\n1,2\n") << 1 << 1
                                  << QString("expected @relation, found \"a,b\"");
        QTest::newRow("attribute before relation")
            << QByteArray("\n@attribute a numeric\n") << 2 << 1 << QString("expected @relation");
        QTest::newRow("second relation")
            << QByteArray("@relation r\n @relation s\n") << 2 << 2 << QString("a second @relation");
        QTest::newRow("no attributes") << QByteArray("@relation r\n@data\n") << 2 << 1
                                       << QString("@data before any @attribute");
        QTest::newRow("text after @data")
            << QByteArray("@relation r\n@attribute a numeric\n@data junk\n") << 3 << 7
            << QString("unexpected text after @data");
        QTest::newRow("unknown keyword") << QByteArray("@relation r\n@atribute a numeric\n") << 2
                                         << 1 << QString("unknown keyword \"@atribute\"");
        QTest::newRow("stray line in header")
            << QByteArray("@relation r\n@attribute a numeric\n1,2\n") << 3 << 1
            << QString("expected @attribute or @data");
        QTest::newRow("repeated nominal level")
            << QByteArray("@relation r\n@attribute c {a, b, a}\n") << 2 << 21
            << QString("\"a\" is declared twice");
        QTest::newRow("empty nominal level") << QByteArray("@relation r\n@attribute c {a,,b}\n")
                                             << 2 << 17 << QString("empty nominal value");
        QTest::newRow("missing closing brace")
            << QByteArray("@relation r\n@attribute c {a, b\n") << 2 << 19 << QString("missing }");
        QTest::newRow("text after the type")
            << QByteArray("@relation r\n@attribute c numeric extra\n") << 2 << 22
            << QString("unexpected text after the type");
        QTest::newRow("bad date")
            << QByteArray("@relation r\n@attribute d date 'yyyy-MM-dd'\n@data\n2023-02-30\n") << 4
            << 1 << QString("is not a date in the format \"yyyy-MM-dd\"");
        QTest::newRow("unsupported date pattern")
            << QByteArray("@relation r\n@attribute d date 'yyyy-ww'\n") << 2 << 19
            << QString("unsupported date pattern letter 'w'");
        QTest::newRow("sparse index out of range")
            << header + "{0 1, 5 2}\n"
            << 5 << 7 << QString("sparse index 5 is out of range");
        QTest::newRow("sparse index twice") << header + "{0 1, 0 2}\n"
                                            << 5 << 7 << QString("appears twice");
        QTest::newRow("sparse index not a number")
            << header + "{a 1}\n"
            << 5 << 2 << QString("expected an attribute index");
        QTest::newRow("sparse value missing")
            << header + "{0 1, 1}\n"
            << 5 << 8 << QString("missing value after sparse index 1");
        QTest::newRow("sparse row not closed")
            << header + "{0 1\n"
            << 5 << 5 << QString("missing } at the end of a sparse row");
        QTest::newRow("bad weight") << header + "1,x,{heavy}\n"
                                    << 5 << 5 << QString("instance weight must be a number");
        QTest::newRow("NUL byte") << QByteArray("@relation r\n@attr\0ibute", 23) << 2 << 6
                                  << QString("contains a NUL byte");
        QTest::newRow("columns count characters, not bytes")
            << QByteArray(
                   "@relation r\n@attribute s string\n@attribute c {x, y}\n@data\n"
                   "'größe', z\n")
            << 5 << 10 << QString("value \"z\" is not declared");
        QTest::newRow("BOM is not a column")
            << QByteArray("\xEF\xBB\xBF@relation r\n@attribute a numbr\n") << 2 << 14
            << QString("unknown attribute type");
    }
    void reportsErrors() {
        QFETCH(QByteArray, arff);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const std::string bytes(arff.constData(), std::size_t(arff.size()));
        try {
            readArff(bytes, "bad.arff", {}, {});
            QFAIL("no error");
        } catch (const ParseError& error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
            QCOMPARE(error.file(), std::string("bad.arff"));
            QCOMPARE(error.line(), std::size_t(line));
            QCOMPARE(error.column(), std::size_t(column));
            const std::string prefix =
                "bad.arff:" + std::to_string(line) + ":" + std::to_string(column) + ": ";
            QCOMPARE(std::string(error.what()).substr(0, prefix.size()), prefix);
        }
    }

    void parsesDatePatterns_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso");  // "" = rejected
        QTest::newRow("ISO default")
            << QString("yyyy-MM-dd'T'HH:mm:ss") << QString("2024-02-29T12:30:15")
            << QString("2024-02-29T12:30:15");
        QTest::newRow("no leap day") << QString("yyyy-MM-dd") << QString("2023-02-29") << QString();
        QTest::newRow("short fields")
            << QString("yyyy-MM-dd") << QString("2024-3-5") << QString("2024-03-05");
        QTest::newRow("two-digit year, 20xx")
            << QString("dd.MM.yy") << QString("05.03.24") << QString("2024-03-05");
        QTest::newRow("two-digit year, 19xx")
            << QString("dd.MM.yy") << QString("05.03.75") << QString("1975-03-05");
        QTest::newRow("abutting fields")
            << QString("yyyyMMddHHmm") << QString("202403051530") << QString("2024-03-05T15:30:00");
        QTest::newRow("milliseconds")
            << QString("yyyy-MM-dd HH:mm:ss.SSS") << QString("2024-01-01 00:00:01.250")
            << QString("2024-01-01T00:00:01.250");
        QTest::newRow("ISO offset")
            << QString("yyyy-MM-dd'T'HH:mm:ssXXX") << QString("2024-01-01T10:00:00+02:00")
            << QString("2024-01-01T08:00:00");
        QTest::newRow("RFC 822 offset")
            << QString("yyyy-MM-dd HH:mm Z") << QString("2024-01-01 10:00 -0130")
            << QString("2024-01-01T11:30:00");
        QTest::newRow("day and month names")
            << QString("EEE, d MMM yyyy") << QString("Tue, 5 Mar 2024") << QString("2024-03-05");
        QTest::newRow("quoted literals")
            << QString("'Day' d 'of' MMMM yyyy, ''yy") << QString("Day 5 of March 2024, '24")
            << QString("2024-03-05");
        QTest::newRow("trailing text")
            << QString("yyyy-MM-dd") << QString("2024-03-05 extra") << QString();
        QTest::newRow("hour 24") << QString("HH:mm") << QString("24:00") << QString();
        QTest::newRow("12 AM is midnight")
            << QString("hh:mm a") << QString("12:30 AM") << QString("1970-01-01T00:30:00");
        QTest::newRow("empty") << QString("yyyy-MM-dd") << QString("") << QString();
        QTest::newRow("month 13") << QString("yyyy-MM-dd") << QString("2024-13-01") << QString();
    }
    void parsesDatePatterns() {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(QString, iso);
        std::string problem;
        const auto format = ArffDateFormat::compile(pattern.toStdString(), problem);
        QVERIFY2(format.has_value(), problem.c_str());
        const auto parsed = format->parse(text.toStdString());
        QCOMPARE(parsed.has_value(), !iso.isEmpty());
        if (parsed)
            QCOMPARE(QString::fromStdString(formatIsoDateTime(parsed->seconds, parsed->hasTime)),
                     iso);
    }

    void rejectsBadDatePatterns() {
        std::string problem;
        QVERIFY(!ArffDateFormat::compile("yyyy-ww", problem));
        QVERIFY(problem.find("'w'") != std::string::npos);
        QVERIFY(!ArffDateFormat::compile("yyyy 'open", problem));
        QVERIFY(problem.find("unterminated quote") != std::string::npos);
    }

    void reportsProgressAndCancels() {
        std::string arff = "@relation big\n@attribute n numeric\n@attribute c {a, b}\n@data\n";
        for (int i = 0; i < 200000; ++i) arff += std::to_string(i) + (i % 2 ? ",a\n" : ",b\n");

        std::vector<double> fractions;
        const TaskContext watched([&](double f, std::string_view) { fractions.push_back(f); },
                                  nullptr);
        const LoadedTable loaded = readArff(arff, "big.arff", {}, watched);
        QCOMPARE(loaded.table.rowCount(), std::size_t(200000));
        QCOMPARE(loaded.table.column(0).number(199999), 199999.0);
        QVERIFY(fractions.size() >= 5);  // start, every 64K rows, end
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(fractions.back(), 1.0);

        CancelToken token;
        std::size_t calls = 0;
        const TaskContext cancelling(
            [&](double f, std::string_view) {
                ++calls;
                if (f > 0) token.cancel();
            },
            &token);
        QVERIFY_THROWS_EXCEPTION(Cancelled, readArff(arff, "big.arff", {}, cancelling));
        QCOMPARE(calls, std::size_t(2));  // the start, then the first 64K rows
    }

    void decodesOtherEncodings() {
        // Weka-era files in Latin-1 / Windows-1252 are detected, decoded and reported.
        const std::string latin1 =
            "@relation r\n@attribute name {'M\xFCller', Smith}\n@data\n'M\xFCller'\nSmith\n";
        LoadedTable loaded = readArff(latin1, "old.arff", {}, {});
        QCOMPARE(loaded.encoding, std::string("WINDOWS-1252"));
        QCOMPARE(loaded.table.column(0).format(0), std::string("M\u00FCller"));
        QVERIFY(hasWarning(loaded, "read as WINDOWS-1252", 0));

        const QString text = "@relation r\n@attribute a {x, '\u00E4'}\n@data\n'\u00E4'\nx\n";
        const std::string utf16 =
            "\xFF\xFE" +
            std::string(reinterpret_cast<const char*>(text.utf16()), std::size_t(text.size()) * 2);
        loaded = readArff(utf16, "wide.arff", {}, {});
        QCOMPARE(loaded.encoding, std::string("UTF-16LE"));
        QCOMPARE(levelsOf(loaded.table.column(0)), (QStringList{"x", "\u00E4"}));
        QCOMPARE(loaded.table.column(0).format(0), std::string("\u00E4"));

        // With UTF-8 forced, a bad byte is an error at its line and column (in characters).
        ReadOptions options;
        options.encoding = "UTF-8";
        try {
            readArff("@relation r\n@attribute s string\n@data\n'\xC3\xA9\xFF'\n", "bad.arff",
                     options, {});
            QFAIL("no error");
        } catch (const ParseError& error) {
            QCOMPARE(error.line(), std::size_t(4));
            QCOMPARE(error.column(), std::size_t(3));
            QVERIFY2(std::string(error.what()).find("not valid UTF-8") != std::string::npos,
                     error.what());
        }
        options.encoding = "no-such-encoding";
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, readArff("@relation r\n", "x.arff", options, {}));
    }

    void isDetectedByTableReader() {
        const std::string arff = "% made by hand\n@relation r\n@attribute a numeric\n@data\n1\n";
        LoadedTable loaded = readTableFromMemory(arff, "data.txt", {});
        QCOMPARE(loaded.format, std::string("arff"));
        QCOMPARE(loaded.table.rowCount(), std::size_t(1));
        loaded = readTableFromMemory("@relation r\n@attribute a {p,q}\n@data\nq\n", "x.arff", {});
        QCOMPARE(loaded.table.column(0).type(), ColumnType::Categorical);
    }
};

QTEST_APPLESS_MAIN(ArffReaderTest)
#include "test_arff_reader.moc"
