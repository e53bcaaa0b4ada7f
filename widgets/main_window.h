#pragma once

#include <QMainWindow>
#include <QString>
#include <memory>

#include "widgets/engine_types.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace glassbox::gui {

class ColumnPanel;
class DataTableModel;
class DataTableView;
class EngineController;
class LanguageManager;
class RecentFiles;
class WarningsDialog;

// Glassbox's main window: the data table in the middle, the column panel in a dock, loading
// on the engine thread with progress and cancel in the status bar. Settings (geometry, dock
// layout, recent files, language) persist through QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT

  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    DataTableModel* tableModel() const { return model_; }
    DataTableView* tableView() const { return view_; }
    ColumnPanel* columnPanel() const { return columnPanel_; }
    QDockWidget* columnDock() const { return columnDock_; }
    // The table shown, or null.
    const std::shared_ptr<const LoadedTable>& loadedTable() const { return loaded_; }
    QStringList recentFiles() const;
    QString language() const;
    bool isLoading() const;

  public slots:
    // Opens a data file (CSV, TSV, ARFF, SQLite) on the engine thread.
    void openFile(const QString& path);
    // Opens one table of an SQLite database.
    void openSqliteTable(const QString& path, const QString& table);
    // Opens an embedded sample ("iris"); false when there is no such sample.
    bool openSample(const QString& name);
    void cancelLoading();
    // Switches the user-interface language ("en", "zh_CN"); persist keeps the choice.
    void setLanguage(const QString& language, bool persist = true);
    // Shows the statistics of a column in the column panel.
    void showColumn(int column);
    // Reads the shown table again with this column read as type (values that do not convert
    // become missing, counted in a warning); the other columns keep their types.
    void setColumnType(int column, glassbox::ColumnType type);

  signals:
    // A load finished and its table is shown.
    void tableShown();
    void loadFailed(const QString& message);
    // The statistics of this column are shown in the column panel.
    void columnStatsShown(int column);

  protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    // What to load, and so what the shown table was loaded from (to read it again).
    struct PendingLoad {
        QString displayName = {};
        QString path = {};  // empty for a sample
        QString sqliteTable = {};
        QString sample = {};  // the embedded sample's name, for a sample
        TypeOverrides types = {};
        int column = 0;  // the column to show once loaded
    };

    void createActions();
    void createMenus();
    void createStatusBar();
    void retranslateUi();
    void rebuildSampleMenu();
    void rebuildRecentMenu();
    void updateTableLabels();
    void setLoadingUi(bool loading);
    void startLoad(const PendingLoad& load);
    void chooseOpenFile();
    void showAbout();
    void showWarnings();

    void onLoaded(std::shared_ptr<const LoadedTable> loaded);
    void onLoadFailed(const QString& message);
    void onLoadCancelled();
    void onSqliteTableNeeded(const QString& path, const QStringList& tables);
    void onStatsReady(int column, std::shared_ptr<const ColumnStats> stats);
    void onStatsFailed(int column, const QString& message);

    LanguageManager* languageManager_;
    RecentFiles* recent_;
    EngineController* engine_;
    DataTableModel* model_;
    DataTableView* view_;
    QDockWidget* columnDock_;
    ColumnPanel* columnPanel_;
    WarningsDialog* warningsDialog_ = nullptr;

    QMenu* fileMenu_ = nullptr;
    QMenu* sampleMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QActionGroup* languageGroup_ = nullptr;

    QLabel* fileLabel_ = nullptr;
    QLabel* sizeLabel_ = nullptr;
    QToolButton* warningsButton_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QPushButton* cancelButton_ = nullptr;

    std::shared_ptr<const LoadedTable> loaded_;
    QString shownName_;
    PendingLoad pending_;
    PendingLoad shown_;
    int shownColumn_ = -1;
};

}  // namespace glassbox::gui
