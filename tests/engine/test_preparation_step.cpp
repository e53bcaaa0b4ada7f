// The STEP text of `prepare --step` / `train --prepare`: name, KEY=VALUE parameters, ';' lists.
#include <QtTest>

#include "engine/errors.h"
#include "engine/preparation_step.h"

using namespace glassbox;

using Params = std::map<std::string, std::string>;
Q_DECLARE_METATYPE(Params)
Q_DECLARE_METATYPE(std::vector<std::string>)

class TestPreparationStep : public QObject {
    Q_OBJECT

  private slots:
    void parsesStepText_data();
    void parsesStepText();
    void refusesMalformedStepText_data();
    void refusesMalformedStepText();
    void splitsLists_data();
    void splitsLists();
};

void TestPreparationStep::parsesStepText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<Params>("params");
    QTest::newRow("bare") << "drop-duplicates"
                          << "drop-duplicates" << Params{};
    QTest::newRow("one") << "impute:strategy=median"
                         << "impute" << Params{{"strategy", "median"}};
    QTest::newRow("several") << "outliers:method=iqr,factor=1.5,action=drop"
                             << "outliers"
                             << Params{{"method", "iqr"}, {"factor", "1.5"}, {"action", "drop"}};
    QTest::newRow("list") << "pseudonymize:columns=email;name"
                          << "pseudonymize" << Params{{"columns", "email;name"}};
    QTest::newRow("empty value") << "impute:strategy=constant,value="
                                 << "impute" << Params{{"strategy", "constant"}, {"value", ""}};
    QTest::newRow("value with =") << "validate:rules=price>=0"
                                  << "validate" << Params{{"rules", "price>=0"}};
}

void TestPreparationStep::parsesStepText() {
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(Params, params);
    const auto [parsedName, parsedParams] = parseStepText(text.toStdString());
    QCOMPARE(parsedName, name.toStdString());
    QCOMPARE(parsedParams, params);
}

void TestPreparationStep::refusesMalformedStepText_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("no name") << ":strategy=median";
    QTest::newRow("no equals") << "impute:median";
    QTest::newRow("no key") << "impute:=median";
    QTest::newRow("twice") << "impute:strategy=mean,strategy=median";
}

void TestPreparationStep::refusesMalformedStepText() {
    QFETCH(QString, text);
    try {
        parseStepText(text.toStdString());
        QFAIL("accepted");
    } catch (const InvalidArgument& e) {
        QCOMPARE(e.parameter(), std::string("--step"));
    }
}

void TestPreparationStep::splitsLists_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::vector<std::string>>("items");
    QTest::newRow("empty") << "" << std::vector<std::string>{};
    QTest::newRow("one") << "a" << std::vector<std::string>{"a"};
    QTest::newRow("two") << "email;name" << std::vector<std::string>{"email", "name"};
    QTest::newRow("empty item") << "a;;b" << std::vector<std::string>{"a", "", "b"};
}

void TestPreparationStep::splitsLists() {
    QFETCH(QString, text);
    QFETCH(std::vector<std::string>, items);
    QCOMPARE(splitList(text.toStdString()), items);
}

QTEST_MAIN(TestPreparationStep)
#include "test_preparation_step.moc"
