// Picture export (widgets/plot_export) of every plot kind to PNG, SVG and PDF: the files are
// valid pictures of the plot (a PNG QImage loads at twice the plot's size, the SVG is an <svg>
// document with the title as text, the PDF starts with %PDF); also whole widgets and bad names.
#include <qcustomplot.h>
#include <QAction>
#include <QClipboard>
#include <QLabel>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>
#include <memory>

#include "engine/curves.h"
#include "engine/importance.h"
#include "tests/widgets/training_outcome_fixture.h"
#include "widgets/calibration_plot.h"
#include "widgets/importance_plot.h"
#include "widgets/plot_export.h"
#include "widgets/pr_plot.h"
#include "widgets/roc_plot.h"

using namespace glassbox;
using namespace glassbox::gui;

namespace {

const testing::TrainedFixture& irisTree() {
    static const testing::TrainedFixture f =
        testing::trainFixture(testing::readSharedDataset("iris.csv"), "species", "decision_tree");
    return f;
}

// A plot of `kind` drawn from a decision tree's out-of-fold predictions on iris.
std::unique_ptr<PlotWidget> makePlot(const QString& kind) {
    const TrainingOutcome& o = *irisTree().outcome;
    QStringList classes;
    for (const std::string& c : o.run.trained.classes) classes << QString::fromStdString(c);
    const auto curves = std::make_shared<const ClassificationCurves>(
        classificationCurves(o.truth, o.run.predictions));
    std::unique_ptr<PlotWidget> plot;
    if (kind == QLatin1String("importance")) {
        auto importance = std::make_unique<ImportancePlot>();
        importance->setImportance(impurityImportance(o.run.trained));
        plot = std::move(importance);
    } else {
        std::unique_ptr<CurveRunsPlot> runs;
        if (kind == QLatin1String("roc")) runs = std::make_unique<RocPlot>();
        if (kind == QLatin1String("pr")) runs = std::make_unique<PrPlot>();
        if (kind == QLatin1String("calibration")) runs = std::make_unique<CalibrationPlot>();
        runs->setClassNames(classes);
        runs->addRun(QStringLiteral("tree #1"), curves);
        plot = std::move(runs);
    }
    plot->resize(640, 480);
    plot->show();
    return plot;
}

}  // namespace

class TestPlotExport : public QObject {
    Q_OBJECT

  private slots:
    void exportsEveryKind_data();
    void exportsEveryKind();
    void exportsWholeWidget_data();
    void exportsWholeWidget();
    void refusesUnknownFormat();
    void copiesToClipboard();

  private:
    QTemporaryDir dir_;
};

void TestPlotExport::exportsEveryKind_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("format");
    for (const char* kind : {"importance", "roc", "pr", "calibration"})
        for (const char* format : {"png", "svg", "pdf"})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(kind, format)))
                << QString::fromLatin1(kind) << QString::fromLatin1(format);
}

void TestPlotExport::exportsEveryKind() {
    QFETCH(QString, kind);
    QFETCH(QString, format);
    QVERIFY(dir_.isValid());
    auto plot = makePlot(kind);
    QVERIFY(QTest::qWaitForWindowExposed(plot.get()));
    const QString file = dir_.filePath(kind + QStringLiteral(".") + format);
    QFile::remove(file);
    const QString error = plot->exportTo(file);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QVERIFY(bytes.size() > 1000);
    const QString shots = qEnvironmentVariable("GLASSBOX_PLOT_SHOTS");
    if (!shots.isEmpty()) {
        const QString copy =
            QDir(shots).filePath(QStringLiteral("export_") + kind + QLatin1Char('.') + format);
        QFile::remove(copy);
        QFile::copy(file, copy);
    }
    if (format == QLatin1String("png")) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), plot->plot()->size() * 2);
        // Not a blank page: the curves and text leave many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 5);
    } else if (format == QLatin1String("svg")) {
        QVERIFY(bytes.contains("<svg"));
        // Vector output keeps the title as text.
        const QString firstWord = plot->title().section(QLatin1Char(' '), 0, 0);
        QVERIFY2(QString::fromUtf8(bytes).contains(firstWord), qPrintable(firstWord));
    } else {
        QVERIFY(bytes.startsWith("%PDF"));
    }
}

void TestPlotExport::exportsWholeWidget_data() {
    QTest::addColumn<QString>("format");
    QTest::newRow("png") << "png";
    QTest::newRow("svg") << "svg";
    QTest::newRow("pdf") << "pdf";
}

// exportWidget on an ordinary widget (as the tree explorer uses it).
void TestPlotExport::exportsWholeWidget() {
    QFETCH(QString, format);
    QWidget widget;
    auto* layout = new QVBoxLayout(&widget);
    layout->addWidget(new QLabel(QStringLiteral("Glassbox export check"), &widget));
    widget.resize(300, 120);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    const QString file = dir_.filePath(QStringLiteral("widget.") + format);
    const QString error = exportWidget(&widget, file);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    if (format == QLatin1String("png")) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), widget.size() * 2);
    } else if (format == QLatin1String("svg")) {
        QVERIFY(bytes.contains("<svg"));
    } else {
        QVERIFY(bytes.startsWith("%PDF"));
    }
}

void TestPlotExport::refusesUnknownFormat() {
    auto plot = makePlot(QStringLiteral("roc"));
    const QString file = dir_.filePath(QStringLiteral("roc.bmpx"));
    const QString error = plot->exportTo(file);
    QVERIFY(!error.isEmpty());
    QVERIFY(error.contains(file));
    QVERIFY(!QFile::exists(file));
    // A folder that does not exist: a message naming the file, not a crash.
    const QString missing = dir_.filePath(QStringLiteral("no/such/folder/roc.png"));
    QVERIFY(!plot->exportTo(missing).isEmpty());
}

void TestPlotExport::copiesToClipboard() {
    auto plot = makePlot(QStringLiteral("calibration"));
    QVERIFY(QTest::qWaitForWindowExposed(plot.get()));
    QApplication::clipboard()->clear();
    plot->copyAction()->trigger();
    const QImage image = QApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), plot->plot()->size() * 2);
    // The actions are offered in the plot's context menu too.
    QVERIFY(plot->plot()->actions().contains(plot->exportAction()));
    QVERIFY(plot->plot()->actions().contains(plot->copyAction()));
}

QTEST_MAIN(TestPlotExport)
#include "test_plot_export.moc"
