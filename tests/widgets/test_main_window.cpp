// The main window end to end: opening files and samples through the engine thread, the
// column panel, errors and warnings, language switching, and settings that persist.
#include <sqlite3.h>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include "widgets/column_panel.h"
#include "widgets/data_table_model.h"
#include "widgets/data_table_view.h"
#include "widgets/main_window.h"
#include "widgets/recent_files.h"
#include "widgets/resources.h"

using namespace glassbox;
using glassbox::gui::MainWindow;

namespace {

const QString kIris = QFileInfo(GLASSBOX_SHARED_DIR "/datasets/iris.csv").absoluteFilePath();
const QString kWine = QFileInfo(GLASSBOX_SHARED_DIR "/datasets/wine.csv").absoluteFilePath();
constexpr int kTimeout = 20000;

QString statistic(const MainWindow& window, const QString& key) {
    return window.columnPanel()->statisticText(key);
}

QString panelColumnName(const MainWindow& window) {
    return window.columnPanel()->findChild<QLabel*>("columnName")->text();
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(bytes);
    return path;
}

bool waitForTable(QSignalSpy& shown) {
    return shown.count() > 0 || shown.wait(kTimeout);
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase();
    void init();
    void opensFileAndShowsFirstColumn();
    void selectingAColumnShowsItsStatistics();
    void opensEmbeddedSample();
    void headerMenuReadsColumnAsAnotherType();
    void parseErrorShowsDialogWithLocation();
    void loadWarningsAreShown();
    void cancelButtonStopsLoading();
    void dropOpensFile();
    void sqliteWithSeveralTablesAsksWhichOne();
    void languageSwitchesAndPersists();
    void recentFilesPersist();
    void recentFilesKeepTheNewestTen();
    void geometryAndDockPersist();
    void aboutNamesVersionAndQt();

  private:
    QTemporaryDir settingsDir_;
    QTemporaryDir dataDir_;
};

void TestMainWindow::initTestCase() {
    QVERIFY(settingsDir_.isValid());
    QCoreApplication::setOrganizationName("Glassbox");
    QCoreApplication::setApplicationName("Glassbox");
    // Never the user's settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir_.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    QVERIFY(QSettings().fileName().startsWith(settingsDir_.path()));
    // Never the user's model history.
    qputenv("XDG_DATA_HOME", settingsDir_.filePath("data").toLocal8Bit());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMainWindow::init() {
    QSettings settings;
    settings.clear();
    settings.setValue("language", "en");
}

void TestMainWindow::opensFileAndShowsFirstColumn() {
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    QSignalSpy stats(&window, &MainWindow::columnStatsShown);
    window.openFile(kIris);
    auto* cancel = window.findChild<QPushButton*>("cancelButton");
    auto* progress = window.findChild<QProgressBar*>("loadProgress");
    QVERIFY(cancel->isVisible());
    QVERIFY(progress->isVisible());
    QVERIFY(waitForTable(shown));
    QVERIFY(!cancel->isVisible());
    QVERIFY(!progress->isVisible());

    QCOMPARE(window.tableModel()->rowCount(), 150);
    QCOMPARE(window.tableModel()->columnCount(), 5);
    QCOMPARE(window.tableView()->model(), window.tableModel());
    QCOMPARE(window.tableModel()->index(0, 0).data().toString(), QString("5.1"));
    QCOMPARE(window.tableModel()->headerData(4, Qt::Horizontal).toString(), QString("species"));
    QCOMPARE(window.findChild<QLabel*>("sizeLabel")->text(), QString("150 rows × 5 columns"));
    QCOMPARE(window.findChild<QLabel*>("fileLabel")->text(), QString("iris.csv"));
    QVERIFY(window.windowTitle().contains("iris.csv"));

    QTRY_VERIFY_WITH_TIMEOUT(stats.count() > 0, kTimeout);
    QCOMPARE(stats.at(0).at(0).toInt(), 0);
    QCOMPARE(panelColumnName(window), QString("sepal length (cm)"));
    QCOMPARE(statistic(window, "count"), QString("150"));
    QCOMPARE(statistic(window, "missing"), QString("0 (0.0%)"));
    QCOMPARE(statistic(window, "min"), QString("4.3"));
    QCOMPARE(statistic(window, "max"), QString("7.9"));
    QCOMPARE(statistic(window, "mean"), QString("5.84333"));
}

void TestMainWindow::selectingAColumnShowsItsStatistics() {
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    window.openFile(kIris);
    QVERIFY(waitForTable(shown));
    window.tableView()->setCurrentIndex(window.tableModel()->index(3, 4));
    QTRY_COMPARE_WITH_TIMEOUT(panelColumnName(window), QString("species"), kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(statistic(window, "unique"), QString("3"), kTimeout);
    QCOMPARE(statistic(window, "top1"), QString("50 (33.3%)"));
    QVERIFY(statistic(window, "mean").isNull());
}

void TestMainWindow::opensEmbeddedSample() {
    MainWindow window;
    QSignalSpy shown(&window, &MainWindow::tableShown);
    QVERIFY(!window.openSample("no such sample"));
    QVERIFY(window.openSample("wine"));
    QVERIFY(waitForTable(shown));
    QCOMPARE(window.tableModel()->rowCount(), 178);
    QCOMPARE(window.tableModel()->columnCount(), 14);
    QVERIFY(window.recentFiles().isEmpty());

    QVERIFY(window.openSample("weather.nominal"));
    QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->rowCount(), 14, kTimeout);
    QCOMPARE(window.tableModel()->columnCount(), 5);
    QCOMPARE(window.tableModel()
                 ->headerData(0, Qt::Horizontal, gui::DataTableModel::ColumnTypeRole)
                 .toString(),
             QString("categorical"));
}

void TestMainWindow::headerMenuReadsColumnAsAnotherType() {
    const QString path =
        writeFile(dataDir_, "codes.csv", "zip,amount,flag\n007,1.5,yes\n010,2,no\n007,3,yes\n");
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    window.openFile(path);
    QVERIFY(waitForTable(shown));
    auto typeOf = [&](int column) {
        return window.tableModel()
            ->headerData(column, Qt::Horizontal, gui::DataTableModel::ColumnTypeRole)
            .toString();
    };
    QCOMPARE(typeOf(0), QString("numeric"));
    QCOMPARE(window.tableModel()->index(0, 0).data().toString(), QString("7"));

    // The header menu offers every type with the current one checked; choosing another
    // reads the file again with that column's text kept as it is.
    std::unique_ptr<QMenu> menu(window.tableView()->createColumnTypeMenu(0, nullptr));
    QVERIFY(menu);
    const QList<QAction*> actions = menu->actions();
    QCOMPARE(actions.size(), 5);
    QCOMPARE(
        std::count_if(actions.begin(), actions.end(), [](QAction* a) { return a->isChecked(); }),
        1);
    QVERIFY(actions[0]->isChecked());  // numeric
    shown.clear();
    actions[1]->trigger();  // categorical
    QVERIFY(waitForTable(shown));
    QCOMPARE(typeOf(0), QString("categorical"));
    QCOMPARE(window.tableModel()->index(0, 0).data().toString(), QString("007"));
    QCOMPARE(window.tableModel()->rowCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(panelColumnName(window), QString("zip"), kTimeout);

    // A second override keeps the first; values that do not convert become missing, counted.
    shown.clear();
    window.setColumnType(1, ColumnType::Boolean);
    QVERIFY(waitForTable(shown));
    QCOMPARE(typeOf(0), QString("categorical"));
    QCOMPARE(typeOf(1), QString("boolean"));
    QVERIFY(window.tableModel()->index(0, 1).data(gui::DataTableModel::MissingRole).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(panelColumnName(window), QString("amount"), kTimeout);
    bool counted = false;
    for (const Warning& w : window.loadedTable()->warnings)
        counted = counted || (w.message.find("amount") != std::string::npos && w.rows == 3);
    QVERIFY(counted);

    // Opening a file afresh forgets the overrides; an embedded sample can be re-read too.
    shown.clear();
    window.openFile(path);
    QVERIFY(waitForTable(shown));
    QCOMPARE(typeOf(0), QString("numeric"));
    shown.clear();
    QVERIFY(window.openSample("iris"));
    QVERIFY(waitForTable(shown));
    shown.clear();
    window.setColumnType(4, ColumnType::Text);
    QVERIFY(waitForTable(shown));
    QCOMPARE(typeOf(4), QString("text"));
    QCOMPARE(window.tableModel()->rowCount(), 150);
}

void TestMainWindow::parseErrorShowsDialogWithLocation() {
    const QString path = writeFile(dataDir_, "bad.csv", "a,b\n1,2\n3,\"unterminated\n");
    MainWindow window;
    window.show();
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openFile(path);
    QVERIFY(failed.wait(kTimeout));
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox*>("loadErrorDialog")) && box->isVisible());
    QVERIFY2(box->informativeText().contains(QRegularExpression("bad\\.csv:3:\\d+: ")),
             qPrintable(box->informativeText()));
    QVERIFY(box->text().contains("bad.csv"));
    box->close();
    QCOMPARE(window.tableModel()->rowCount(), 0);
    QVERIFY(window.recentFiles().isEmpty());
}

void TestMainWindow::loadWarningsAreShown() {
    const QString path = writeFile(dataDir_, "short.csv", "a,b,c\n1,2,3\n4,5\n6,7,8\n");
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    window.openFile(path);
    QVERIFY(waitForTable(shown));
    QCOMPARE(window.tableModel()->rowCount(), 3);
    QVERIFY(window.tableModel()->index(1, 2).data(gui::DataTableModel::MissingRole).toBool());
    auto* button = window.findChild<QToolButton*>("warningsButton");
    QVERIFY(button->isVisible());
    QCOMPARE(button->text(), QString("1 warning"));
    QVERIFY(button->toolTip().contains("fewer fields"));
    QVERIFY(window.statusBar()->currentMessage().contains("1 warning"));
    button->click();
    auto* dialog = window.findChild<QDialog*>("warningsDialog");
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(!dialog->isModal());
}

void TestMainWindow::cancelButtonStopsLoading() {
    QByteArray csv = "x,y\n";
    for (int i = 0; i < 2'000'000; ++i) csv += QByteArray::number(i) + ",7.25\n";
    const QString path = writeFile(dataDir_, "big.csv", csv);
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    QSignalSpy failed(&window, &MainWindow::loadFailed);
    window.openFile(path);
    window.findChild<QPushButton*>("cancelButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), kTimeout);
    QVERIFY(window.statusBar()->currentMessage().contains("cancelled"));
    QVERIFY(!window.findChild<QPushButton*>("cancelButton")->isVisible());
    QCOMPARE(shown.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!window.findChild<QMessageBox*>());
    QCOMPARE(window.tableModel()->rowCount(), 0);
}

void TestMainWindow::dropOpensFile() {
    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(kIris)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QVERIFY(waitForTable(shown));
    QCOMPARE(window.tableModel()->rowCount(), 150);
}

void TestMainWindow::sqliteWithSeveralTablesAsksWhichOne() {
    const QString path = dataDir_.filePath("two.sqlite");
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    const char* sql =
        "CREATE TABLE first(a INTEGER, b TEXT); INSERT INTO first VALUES (1, 'x');"
        "CREATE TABLE second(v REAL); INSERT INTO second VALUES (1.5), (2.5), (NULL);";
    QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);

    MainWindow window;
    window.show();
    QSignalSpy shown(&window, &MainWindow::tableShown);
    window.openFile(path);
    QInputDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<QInputDialog*>("sqliteTableDialog")),
                             kTimeout);
    QCOMPARE(dialog->comboBoxItems(), QStringList({"first", "second"}));
    QCOMPARE(shown.count(), 0);
    dialog->setTextValue("second");
    dialog->accept();
    QVERIFY(waitForTable(shown));
    QCOMPARE(window.tableModel()->rowCount(), 3);
    QCOMPARE(window.tableModel()->headerData(0, Qt::Horizontal).toString(), QString("v"));
    QVERIFY(window.tableModel()->index(2, 0).data(gui::DataTableModel::MissingRole).toBool());
    QVERIFY(window.findChild<QLabel*>("fileLabel")->text().contains("second"));
}

void TestMainWindow::languageSwitchesAndPersists() {
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::tableShown);
        window.openFile(kIris);
        QVERIFY(waitForTable(shown));
        auto* fileMenu = window.findChild<QMenu*>("fileMenu");
        QCOMPARE(fileMenu->title(), QString("&File"));
        QCOMPARE(window.language(), QString("en"));

        window.setLanguage("zh_CN");
        QTRY_COMPARE(fileMenu->title(), QString("文件(&F)"));
        QCOMPARE(window.findChild<QMenu*>("viewMenu")->title(), QString("视图(&V)"));
        QCOMPARE(window.tableModel()
                     ->headerData(0, Qt::Horizontal, gui::DataTableModel::ColumnTypeRole)
                     .toString(),
                 QString("数值"));
        QCOMPARE(window.findChild<QLabel*>("sizeLabel")->text(), QString("150 行 × 5 列"));
        QCOMPARE(QSettings().value("language").toString(), QString("zh_CN"));
        // Qt's own texts (standard dialog buttons) when Qt's translations are installed.
        if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_zh_CN.qm"))
            QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QString("取消"));
    }
    {
        MainWindow window;  // starts in the persisted language
        QCOMPARE(window.language(), QString("zh_CN"));
        auto* fileMenu = window.findChild<QMenu*>("fileMenu");
        QTRY_COMPARE(fileMenu->title(), QString("文件(&F)"));
        window.setLanguage("en");
        QTRY_COMPARE(fileMenu->title(), QString("&File"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QString("Cancel"));
        QCOMPARE(QSettings().value("language").toString(), QString("en"));
    }
}

void TestMainWindow::recentFilesPersist() {
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::tableShown);
        window.openFile(kIris);
        QVERIFY(waitForTable(shown));
        shown.clear();
        window.openFile(kWine);
        QVERIFY(waitForTable(shown));
        QCOMPARE(window.recentFiles(), QStringList({kWine, kIris}));
    }
    MainWindow window;
    QCOMPARE(window.recentFiles(), QStringList({kWine, kIris}));
    auto* recentMenu = window.findChild<QMenu*>("recentMenu");
    QStringList shownPaths;
    for (QAction* action : recentMenu->actions())
        if (!action->data().toString().isEmpty()) shownPaths << action->data().toString();
    QCOMPARE(shownPaths, QStringList({kWine, kIris}));

    // Opening from the menu.
    QSignalSpy shown(&window, &MainWindow::tableShown);
    recentMenu->actions().at(1)->trigger();
    QVERIFY(waitForTable(shown));
    QCOMPARE(window.tableModel()->columnCount(), 5);
    QCOMPARE(window.recentFiles().first(), kIris);

    auto* clear = window.findChild<QAction*>("clearRecentAction");
    QVERIFY(clear && clear->isEnabled());
    clear->trigger();
    QVERIFY(window.recentFiles().isEmpty());
    QTRY_COMPARE(recentMenu->actions().size(), 1);  // only "Clear", disabled
    QVERIFY(!recentMenu->actions().first()->isEnabled());
    MainWindow later;
    QVERIFY(later.recentFiles().isEmpty());
}

void TestMainWindow::recentFilesKeepTheNewestTen() {
    gui::RecentFiles recent;
    for (int i = 0; i < 12; ++i) recent.add(QStringLiteral("/data/file%1.csv").arg(i));
    recent.add("/data/file5.csv");
    QCOMPARE(recent.files().size(), gui::RecentFiles::kMaxCount);
    QCOMPARE(recent.files().first(), QString("/data/file5.csv"));
    QCOMPARE(recent.files().at(1), QString("/data/file11.csv"));
    QCOMPARE(recent.files().count("/data/file5.csv"), 1);
    QVERIFY(!recent.files().contains("/data/file0.csv"));
    QCOMPARE(gui::RecentFiles().files(), recent.files());
}

void TestMainWindow::geometryAndDockPersist() {
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1280, 760);
        window.columnDock()->hide();
        QTRY_COMPARE(window.size(), QSize(1280, 760));
        window.close();
    }
    MainWindow window;
    QCOMPARE(window.size(), QSize(1280, 760));
    window.show();
    QVERIFY(window.columnDock()->isHidden());
    // The View menu brings it back.
    window.columnDock()->toggleViewAction()->trigger();
    QVERIFY(window.columnDock()->isVisible());
}

void TestMainWindow::aboutNamesVersionAndQt() {
    MainWindow window;
    window.show();
    QAction* about = nullptr;
    for (QAction* action : window.findChild<QMenu*>("helpMenu")->actions())
        if (action->menuRole() == QAction::AboutRole) about = action;
    QVERIFY(about);
    about->trigger();
    auto* box = window.findChild<QMessageBox*>("aboutDialog");
    QVERIFY(box && box->isVisible());
    QVERIFY(QRegularExpression("^\\d+\\.\\d+\\.\\d+$").match(gui::applicationVersion()).hasMatch());
    QVERIFY(box->text().contains("Glassbox " + gui::applicationVersion()));
    QVERIFY(box->text().contains(qVersion()));
    box->close();
}

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
