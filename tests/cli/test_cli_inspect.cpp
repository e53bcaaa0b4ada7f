// glassbox-cli inspect end to end: real datasets against a peer's numbers, the JSON contract,
// exit codes and the error line of ../shared/docs/cli.md, and cancel by SIGINT.
#include <QtTest>

#include <cmath>
#include <csignal>

#include "tests/cli/cli_run.h"

namespace {

QJsonObject readJsonFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool closeTo(double actual, double expected) {
    return std::fabs(actual - expected) <= 1e-9 * std::max(1.0, std::fabs(expected));
}

const QString kRealDir = QStringLiteral(GLASSBOX_TEST_DATA_DIR "/real/");

}  // namespace

class CliInspectTest : public QObject {
    Q_OBJECT
  private slots:
    void matchesPeerOnRealDatasets_data() {
        QTest::addColumn<QString>("file");
        const QStringList references =
            QDir(kRealDir).entryList({QStringLiteral("*.reference.json")}, QDir::Files);
        QVERIFY(references.size() >= 8);
        for (const QString& reference : references) {
            const QString file = reference.chopped(QStringLiteral(".reference.json").size());
            QTest::newRow(qPrintable(file)) << file;
        }
    }
    void matchesPeerOnRealDatasets() {
        QFETCH(QString, file);
        const QJsonObject expected = readJsonFile(kRealDir + file + ".reference.json");
        const CliRun run = runCli({"inspect", kRealDir + file, "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject actual = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(actual.value("rows").toInteger(), expected.value("rows").toInteger());
        const QJsonArray want = expected.value("columns").toArray();
        const QJsonArray got = actual.value("columns").toArray();
        QCOMPARE(got.size(), want.size());
        for (qsizetype c = 0; c < want.size(); ++c) {
            const QJsonObject w = want[c].toObject(), g = got[c].toObject();
            const QString where = file + " column " + QString::number(c + 1);
            // pandas names unnamed columns "Unnamed: N"; Glassbox "column_N" (with a warning).
            if (!w.value("name").toString().startsWith("Unnamed:"))
                QCOMPARE(g.value("name").toString(), w.value("name").toString());
            QVERIFY2(
                g.value("missing").toInteger() == w.value("missing").toInteger(),
                qPrintable(where + ": missing " + QString::number(g.value("missing").toInteger())));
            QCOMPARE(g.value("count").toInteger(), w.value("count").toInteger());
            QVERIFY2(
                g.value("unique").toInteger() == w.value("unique").toInteger(),
                qPrintable(where + ": unique " + QString::number(g.value("unique").toInteger())));
            const bool numeric = g.value("type").toString() == "numeric";
            QVERIFY2(numeric == w.value("numeric").toBool() || w.value("count").toInteger() == 0,
                     qPrintable(where + ": type " + g.value("type").toString()));
            for (const char* key : {"mean", "std", "min", "max"}) {
                if (!w.contains(key)) continue;
                QVERIFY2(closeTo(g.value(key).toDouble(), w.value(key).toDouble()),
                         qPrintable(where + ": " + key + " " +
                                    QString::number(g.value(key).toDouble(), 'g', 17)));
            }
        }
    }

    void jsonFollowsTheContract() {
        const CliRun run =
            runCli({"inspect", QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/iris.csv"), "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);  // exactly one document
        const QJsonObject root = doc.object();
        for (const char* key : {"file", "format", "rows", "columns", "warnings", "seconds"})
            QVERIFY2(root.contains(key), key);
        QCOMPARE(root.value("format").toString(), QString("csv"));
        QCOMPARE(root.value("rows").toInteger(), 150);
        for (const QJsonValue& value : root.value("columns").toArray()) {
            const QJsonObject column = value.toObject();
            const bool numeric = column.value("type").toString() == "numeric";
            for (const char* key : {"name", "type", "missing", "unique", "top", "histogram"})
                QVERIFY2(column.contains(key), key);
            for (const char* key : {"mean", "std", "min", "q1", "median", "q3", "max"})
                QCOMPARE(column.contains(key), numeric);
            const QJsonObject histogram = column.value("histogram").toObject();
            qint64 total = 0;
            for (const QJsonValue& count : histogram.value("counts").toArray())
                total += count.toInteger();
            QCOMPARE(total, column.value("count").toInteger());
            if (numeric)
                QCOMPARE(histogram.value("edges").toArray().size(),
                         histogram.value("counts").toArray().size() + 1);
        }
        const QJsonObject species = root.value("columns").toArray().last().toObject();
        QCOMPARE(species.value("type").toString(), QString("categorical"));
        QCOMPARE(species.value("unique").toInteger(), 3);
        QCOMPARE(species.value("top").toArray().first().toObject().value("count").toInteger(), 50);
    }

    void readableSummaryWithoutJson() {
        const CliRun run =
            runCli({"inspect", QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/soybean.arff")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("683 rows x 36 columns"), run.out.constData());
        QVERIFY(run.out.contains("categorical"));
    }

    void errorsFollowTheContract_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("pattern");  // regular expression the one stderr line matches
        const QString iris = QStringLiteral(GLASSBOX_SHARED_DIR "/datasets/iris.csv");
        QTest::newRow("missing file") << QStringList{"inspect", "/no/such/file.csv"} << 1
                                      << QString("^glassbox-cli: error: /no/such/file\\.csv: .+$");
        QTest::newRow("folder") << QStringList{"inspect", "/tmp"} << 1
                                << QString("^glassbox-cli: error: /tmp: .+$");
        QTest::newRow("unknown option") << QStringList{"inspect", iris, "--bogus"} << 2
                                        << QString("^glassbox-cli: error: --bogus: .+$");
        QTest::newRow("no file") << QStringList{"inspect"} << 2
                                 << QString("^glassbox-cli: error: FILE: .+$");
        QTest::newRow("unknown command")
            << QStringList{"frobnicate"} << 2
            << QString(
                   "^glassbox-cli: error: frobnicate: "
                   "unknown command \\(commands: inspect, prepare, train, tune, "
                   "compare, predict, evaluate, explain, "
                   "export-tree, learners, steps, history\\)$");
        QTest::newRow("bad type name") << QStringList{"inspect", iris, "--type", "species=color"}
                                       << 1 << QString("^glassbox-cli: error: --type: .+$");
        QTest::newRow("unknown type column")
            << QStringList{"inspect", iris, "--type", "nope=numeric"} << 1
            << QString("^glassbox-cli: error: --type: no column named \"nope\"$");
        QTest::newRow("long delimiter") << QStringList{"inspect", iris, "--delimiter", "ab"} << 1
                                        << QString("^glassbox-cli: error: --delimiter: .+$");
        QTest::newRow("bad format") << QStringList{"inspect", iris, "--format", "xls"} << 1
                                    << QString("^glassbox-cli: error: --format: .+$");
    }
    void errorsFollowTheContract() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, pattern);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(!err.contains('\n'), qPrintable(err));
        QVERIFY2(QRegularExpression(pattern).match(err).hasMatch(), qPrintable(err));
    }

    void dataErrorNamesFileLineAndColumn() {
        QTemporaryDir dir;
        const QString path = dir.filePath("broken.csv");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a,b\n1,2\n3,\"open\n4,5\n");
        file.close();
        const CliRun run = runCli({"inspect", path, "--json"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(err.startsWith("glassbox-cli: error: " + path + ":3:3: "), qPrintable(err));
    }

    void sigintCancels() {
        QTemporaryDir dir;
        const QString path = dir.filePath("big.csv");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray chunk;
            for (int i = 0; i < 100000; ++i)
                chunk += QByteArray::number(i * 0.37, 'g', 8) + ",label" +
                         QByteArray::number(i % 13) + "," + QByteArray::number(i) + "\n";
            file.write("x,label,id\n");
            for (int r = 0; r < 40; ++r) file.write(chunk);  // 4 M rows, about 110 MB
        }
        const InterruptedRun run =
            interruptCli({"inspect", path, "--json", "--progress"}, "progress:", 30000);
        QVERIFY2(run.interrupted, "finished before it could be interrupted");
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(CliInspectTest)
#include "test_cli_inspect.moc"
