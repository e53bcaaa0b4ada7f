#pragma once

#include <QMainWindow>
#include <QString>
#include <map>
#include <memory>
#include <vector>

#include "widgets/engine_types.h"
#include "widgets/job_types.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QToolButton;

namespace glassbox::gui {

class ColumnPanel;
class DataTableModel;
class DataTableView;
class EngineController;
class ExplainView;
class HistoryView;
class LanguageManager;
class PredictView;
class PreparationPanel;
class RecentFiles;
class RunsView;
class TrainingPanel;
class TrainingQueue;
class WarningsDialog;

// Glassbox's main window: the workspace tabs in the middle (the data table, the session's
// runs, the model history, predict), the column panel and the training panel in docks, loading
// on the engine thread with progress and cancel in the status bar, training on the training
// queue's thread. Settings (geometry, dock layout, tab, recent files, language) persist through
// QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT

  public:
    enum class Workspace { Data, Runs, Explain, History, Predict };
    Q_ENUM(Workspace)

    // registryPath: the model history; empty for the default one (defaultRegistryPath()).
    explicit MainWindow(QWidget* parent = nullptr, const QString& registryPath = {});
    ~MainWindow() override;

    DataTableModel* tableModel() const { return model_; }
    DataTableView* tableView() const { return view_; }
    ColumnPanel* columnPanel() const { return columnPanel_; }
    QDockWidget* columnDock() const { return columnDock_; }
    QDockWidget* trainingDock() const { return trainingDock_; }
    TrainingPanel* trainingPanel() const { return trainingPanel_; }
    QDockWidget* preparationDock() const { return preparationDock_; }
    PreparationPanel* preparationPanel() const { return preparationPanel_; }
    // The data view shows the table the preparation steps produced ("Apply to table").
    bool showsPreparedTable() const { return original_ != nullptr; }
    TrainingQueue* trainingQueue() const { return queue_; }
    RunsView* runsView() const { return runsView_; }
    HistoryView* historyView() const { return historyView_; }
    PredictView* predictView() const { return predictView_; }
    ExplainView* explainView() const { return explainView_; }
    QTabWidget* workspaceTabs() const { return workspace_; }
    Workspace workspace() const;
    const QString& registryPath() const { return registryPath_; }
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
    void showWorkspace(glassbox::gui::MainWindow::Workspace workspace);
    // Selects these rows (of the shown table) in the data table and shows it.
    void selectTableRows(const std::vector<std::size_t>& rows);

  signals:
    // A load finished and its table is shown.
    void tableShown();
    void loadFailed(const QString& message);
    // The statistics of this column are shown in the column panel.
    void columnStatsShown(int column);
    // A training finished and its run is in the runs table.
    void runShown(std::shared_ptr<const glassbox::gui::TrainingOutcome> outcome);
    // A training or tuning job failed; its message was shown.
    void trainingFailed(const QString& message);
    // Rows of a run's confusion-matrix cell were selected in the data table (count).
    void tableRowsSelected(int count);

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

    void createWorkspace();
    void connectTraining();
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
    // Shows loaded_ in the data view, the column panel and the training panel.
    void showTableContents(const DataSource& source);
    void showPreparedTable(std::shared_ptr<const LoadedTable> prepared, const QString& steps);
    void revertToFile();
    void onLoadFailed(const QString& message);
    void onLoadCancelled();
    void onSqliteTableNeeded(const QString& path, const QStringList& tables);
    void onStatsReady(int column, std::shared_ptr<const ColumnStats> stats);
    void onStatsFailed(int column, const QString& message);
    void onTrainingFinished(std::shared_ptr<const TrainingOutcome> outcome);
    void onTrainingFailed(const QString& message);
    // Gives the Explain view the current run, the selected runs and the run's table.
    void updateExplainedRuns();
    // The table a run was trained on, while it is still open or kept.
    std::shared_ptr<const Table> tableOfRun(const TrainingOutcome& run) const;
    void showError(const QString& objectName, const QString& title, const QString& text,
                   const QString& details);

    QString registryPath_;
    LanguageManager* languageManager_;
    RecentFiles* recent_;
    EngineController* engine_;
    TrainingQueue* queue_;
    DataTableModel* model_;
    DataTableView* view_;
    QTabWidget* workspace_;
    RunsView* runsView_;
    HistoryView* historyView_;
    PredictView* predictView_;
    ExplainView* explainView_;
    QDockWidget* columnDock_;
    ColumnPanel* columnPanel_;
    QDockWidget* trainingDock_;
    TrainingPanel* trainingPanel_;
    QDockWidget* preparationDock_;
    PreparationPanel* preparationPanel_;
    WarningsDialog* warningsDialog_ = nullptr;

    QMenu* fileMenu_ = nullptr;
    QMenu* sampleMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* modelMenu_ = nullptr;
    QMenu* languageMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* trainAction_ = nullptr;
    QAction* tuneAction_ = nullptr;
    QAction* cancelTrainingAction_ = nullptr;
    std::vector<QAction*> workspaceActions_;  // one per Workspace, in order
    QActionGroup* languageGroup_ = nullptr;

    QLabel* fileLabel_ = nullptr;
    QLabel* sizeLabel_ = nullptr;
    QToolButton* warningsButton_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QPushButton* cancelButton_ = nullptr;

    std::shared_ptr<const LoadedTable> loaded_;
    // The table read from the file while loaded_ is its prepared version.
    std::shared_ptr<const LoadedTable> original_;
    QString shownName_;
    PendingLoad pending_;
    PendingLoad shown_;
    int shownColumn_ = -1;
    // The table each training job ran on, so a run's rows are only selected in that table.
    std::map<int, std::weak_ptr<const Table>> jobTables_;
    Workspace shownWorkspace_ = Workspace::Data;
    bool columnDockWanted_ = true;
};

}  // namespace glassbox::gui
