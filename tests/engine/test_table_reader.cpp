// The reader entry point: format detection, dispatch, and per-column type overrides.
#include <QtTest>

#include "engine/errors.h"
#include "engine/table_reader.h"

using namespace glassbox;

class TableReaderTest : public QObject {
    Q_OBJECT
  private slots:
    void detectsFormat_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << QString("a.csv") << QByteArray("a,b\n1,2\n") << QString("csv");
        QTest::newRow("tsv") << QString("a.TSV") << QByteArray("a\tb\n") << QString("tsv");
        QTest::newRow("txt") << QString("a.txt") << QByteArray("a\tb\n") << QString("csv");
        QTest::newRow("arff by extension")
            << QString("a.arff") << QByteArray("") << QString("arff");
        QTest::newRow("arff by content")
            << QString("weather.data") << QByteArray("% comment\n\n@RELATION w\n")
            << QString("arff");
        QTest::newRow("sqlite by magic")
            << QString("a.csv") << QByteArray("SQLite format 3\0rest", 20) << QString("sqlite");
        QTest::newRow("folder dot")
            << QString("dir.v2/data") << QByteArray("x\n") << QString("csv");
    }
    void detectsFormat() {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, format);
        QCOMPARE(QString::fromStdString(detectFormat(name.toStdString(),
                                                     std::string_view(bytes.data(), bytes.size()))),
                 format);
    }

    void overridesTypes() {
        ReadOptions options;
        options.typeOverrides["zip"] = ColumnType::Categorical;
        options.typeOverrides["flag"] = ColumnType::Numeric;
        options.typeOverrides["amount"] = ColumnType::Numeric;
        const std::string csv = "zip,flag,amount\n007,true,1.5\n010,false,n/a-ish\n007,true,3\n";
        const LoadedTable loaded = readTableFromMemory(csv, "memory.csv", options);
        const Table& t = loaded.table;
        QCOMPARE(t.column(0).type(), ColumnType::Categorical);
        QCOMPARE(t.column(0).format(0), std::string("007"));
        QCOMPARE(t.column(1).type(), ColumnType::Numeric);
        QCOMPARE(t.column(1).number(0), 1.0);
        QCOMPARE(t.column(2).type(), ColumnType::Numeric);
        QVERIFY(t.column(2).isMissing(1));
        // The value that did not convert is counted in a warning, not dropped silently.
        bool warned = false;
        for (const Warning& w : loaded.warnings)
            warned = warned || (w.message.find("amount") != std::string::npos && w.rows == 1);
        QVERIFY(warned);
    }

    void overrideOfUnknownColumnNamesTheOption() {
        ReadOptions options;
        options.typeOverrides["nope"] = ColumnType::Text;
        try {
            readTableFromMemory("a\n1\n", "memory.csv", options);
            QFAIL("no error");
        } catch (const InvalidArgument& e) {
            QCOMPARE(e.parameter(), std::string("--type"));
        }
    }

    void missingFileIsAnIoError() {
        QVERIFY_THROWS_EXCEPTION(IoError, readTable("/no/such/file.csv", {}));
    }

    void unknownFormatNamesTheOption() {
        ReadOptions options;
        options.format = "xls";
        for (const bool fromMemory : {false, true}) {
            try {
                if (fromMemory)
                    readTableFromMemory("a\n1\n", "memory.csv", options);
                else
                    readTable("/no/such/file.csv", options);
                QFAIL("no error");
            } catch (const InvalidArgument& e) {
                QCOMPARE(e.parameter(), std::string("--format"));
            }
        }
    }

    void sqliteFromMemoryIsRefused() {
        ReadOptions options;
        options.format = "sqlite";
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, readTableFromMemory("x", "x.db", options));
    }
};

QTEST_APPLESS_MAIN(TableReaderTest)
#include "test_table_reader.moc"
