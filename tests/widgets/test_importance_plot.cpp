// The feature-importance bars against the engine's importance (impurity, gain, permutation):
// same features, order and values, whiskers for permutation only, top N.
#include <qcustomplot.h>
#include <QSpinBox>
#include <QtTest>

#include "engine/importance.h"
#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/importance_plot.h"

using namespace glassbox;
using glassbox::gui::ImportancePlot;

class TestImportancePlot : public QObject {
    Q_OBJECT

  private slots:
    void matchesEngine_data();
    void matchesEngine();
    void topCount();
};

void TestImportancePlot::matchesEngine_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("learner");
    QTest::addColumn<bool>("permutation");
    QTest::addColumn<QString>("method");
    QTest::newRow("tree impurity, breast_cancer") << "breast_cancer.csv"
                                                  << "diagnosis"
                                                  << "decision_tree" << false << "impurity";
    QTest::newRow("forest impurity, wine") << "wine.csv"
                                           << "cultivar"
                                           << "random_forest" << false << "impurity";
    QTest::newRow("boosting gain, iris") << "iris.csv"
                                         << "species"
                                         << "gradient_boosting" << false << "gain";
    QTest::newRow("permutation, breast_cancer logistic")
        << "breast_cancer.csv"
        << "diagnosis"
        << "logistic_regression" << true << "permutation";
}

void TestImportancePlot::matchesEngine() {
    QFETCH(QString, file);
    QFETCH(QString, target);
    QFETCH(QString, learner);
    QFETCH(bool, permutation);
    QFETCH(QString, method);
    const testing::TrainedFixture f =
        testing::trainFixture(testing::readSharedDataset(file.toStdString()), target.toStdString(),
                              learner.toStdString());
    const TrainedModel& trained = f.outcome->run.trained;
    ImportanceResult result;
    if (permutation) {
        PermutationOptions options;
        options.repeats = 4;
        options.seed = 3;
        result = permutationImportance(*trained.model, f.data.dataset, options, TaskContext{});
    } else {
        result = impurityImportance(trained);
    }
    QCOMPARE(QString::fromStdString(result.method), method);

    ImportancePlot plot;
    plot.setImportance(result);
    plot.resize(720, 600);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const std::size_t shown = std::min<std::size_t>(20, result.features.size());
    QCOMPARE(plot.shownFeatures().size(), qsizetype(shown));
    const std::vector<double> values = plot.shownValues();
    QCOMPARE(values.size(), shown);
    for (std::size_t i = 0; i < shown; ++i) {
        QCOMPARE(plot.shownFeatures()[qsizetype(i)],
                 QString::fromStdString(result.features[i].name));
        QCOMPARE(values[i], result.features[i].value);
        if (i > 0) QVERIFY(values[i] <= values[i - 1]);  // most important on top
    }
    QCOMPARE(plot.hasErrorBars(), permutation);
    if (permutation) {
        const std::vector<double> errors = plot.shownErrors();
        QCOMPARE(errors.size(), shown);
        bool anySpread = false;
        for (std::size_t i = 0; i < shown; ++i) {
            QCOMPARE(errors[i], result.features[i].std);
            anySpread = anySpread || errors[i] > 0;
        }
        QVERIFY(anySpread);
        QVERIFY(plot.plot()->xAxis->label().contains(QString::fromStdString(result.metric)));
    }
    // Hovering a bar names the feature in full with its value.
    const QCustomPlot* qcp = plot.plot();
    for (std::size_t rank : {std::size_t{0}, shown - 1}) {
        const QPointF over(qcp->xAxis->coordToPixel(result.features[rank].value / 2),
                           qcp->yAxis->coordToPixel(double(shown - rank)));
        const QString tip = plot.toolTipAt(over);
        QVERIFY2(tip.contains(QString::fromStdString(result.features[rank].name).toHtmlEscaped()),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Rank %1 of").arg(rank + 1)), qPrintable(tip));
    }
    QVERIFY(
        plot.toolTipAt(QPointF(qcp->xAxis->coordToPixel(0), qcp->axisRect()->top() - 5)).isEmpty());
    QVERIFY2(plot.caption().contains(QString::number(result.features.size())),
             qPrintable(plot.caption()));
    const QString shots = qEnvironmentVariable("GLASSBOX_PLOT_SHOTS");
    if (!shots.isEmpty())
        plot.grab().save(
            QDir(shots).filePath(QStringLiteral("importance_%1_%2.png").arg(learner, method)));
}

void TestImportancePlot::topCount() {
    const testing::TrainedFixture f = testing::trainFixture(
        testing::readSharedDataset("breast_cancer.csv"), "diagnosis", "random_forest");
    const ImportanceResult result = impurityImportance(f.outcome->run.trained);
    QCOMPARE(result.features.size(), std::size_t{30});
    ImportancePlot plot;
    plot.setImportance(result, QStringLiteral("Mean decrease in impurity"));
    QCOMPARE(plot.topCount(), 20);
    QVERIFY2(plot.caption().contains(QStringLiteral("20")) &&
                 plot.caption().contains(QStringLiteral("30")),
             qPrintable(plot.caption()));
    plot.topCountBox()->setValue(5);
    QCOMPARE(plot.shownValues().size(), std::size_t{5});
    QCOMPARE(plot.shownFeatures().first(), QString::fromStdString(result.features[0].name));
    plot.setTopCount(500);  // more than there are: every feature
    QCOMPARE(plot.topCount(), 30);
    QCOMPARE(plot.shownValues().size(), std::size_t{30});
    QCOMPARE(plot.shownValues().back(), result.features.back().value);
    QCOMPARE(plot.plot()->xAxis->label(), QStringLiteral("Mean decrease in impurity"));
    plot.clear();
    QVERIFY(plot.shownValues().empty());
}

QTEST_MAIN(TestImportancePlot)
#include "test_importance_plot.moc"
