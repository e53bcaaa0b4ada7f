#include "widgets/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <algorithm>
#include <limits>

#include "engine/registry_location.h"
#include "widgets/column_panel.h"
#include "widgets/data_table_model.h"
#include "widgets/data_table_view.h"
#include "widgets/engine_controller.h"
#include "widgets/explain_view.h"
#include "widgets/history_view.h"
#include "widgets/language_manager.h"
#include "widgets/predict_view.h"
#include "widgets/preparation_panel.h"
#include "widgets/recent_files.h"
#include "widgets/resources.h"
#include "widgets/runs_view.h"
#include "widgets/sample_datasets.h"
#include "widgets/training_panel.h"
#include "widgets/training_queue.h"
#include "widgets/tuning_dialog.h"
#include "widgets/warnings_dialog.h"

namespace glassbox::gui {
namespace {

const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kWorkspaceKey = QStringLiteral("mainWindow/workspace");
const QString kPredictStateKey = QStringLiteral("predict/state");
const QString kLanguageKey = QStringLiteral("language");
const QString kLastDirectoryKey = QStringLiteral("lastDirectory");
constexpr int kProgressSteps = 1000;
constexpr int kMaxWarningsInTooltip = 10;

int clampToInt(std::size_t value) {
    return static_cast<int>(
        std::min(value, static_cast<std::size_t>(std::numeric_limits<int>::max())));
}

// The model history shared with the CLI; when no data folder is known (no HOME), one in the
// application's own data location.
QString historyPath(const QString& given) {
    if (!given.isEmpty()) return given;
    try {
        return QString::fromStdString(defaultRegistryPath());
    } catch (const std::exception&) {
        return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
               QStringLiteral("/registry.sqlite");
    }
}

// Contiguous runs of sorted rows as one selection range each.
QItemSelection rowSelection(const QAbstractItemModel* model, const std::vector<std::size_t>& rows) {
    QItemSelection selection;
    const int lastColumn = std::max(0, model->columnCount() - 1);
    std::size_t i = 0;
    while (i < rows.size()) {
        std::size_t j = i;
        while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1) ++j;
        selection.select(model->index(clampToInt(rows[i]), 0),
                         model->index(clampToInt(rows[j]), lastColumn));
        i = j + 1;
    }
    return selection;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent, const QString& registryPath)
    : QMainWindow(parent),
      registryPath_(historyPath(registryPath)),
      languageManager_(new LanguageManager(this)),
      recent_(new RecentFiles(this)),
      engine_(new EngineController(this)),
      queue_(new TrainingQueue(registryPath_, this)),
      model_(new DataTableModel(this)),
      view_(new DataTableView(this)),
      workspace_(new QTabWidget(this)),
      runsView_(new RunsView(workspace_)),
      historyView_(new HistoryView(registryPath_, workspace_)),
      predictView_(new PredictView(registryPath_, workspace_)),
      explainView_(new ExplainView(workspace_)),
      columnDock_(new QDockWidget(this)),
      columnPanel_(new ColumnPanel(columnDock_)),
      trainingDock_(new QDockWidget(this)),
      trainingPanel_(new TrainingPanel(trainingDock_)),
      preparationDock_(new QDockWidget(this)),
      preparationPanel_(new PreparationPanel(preparationDock_)) {
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(icon(QStringLiteral("glassbox")));
    setAcceptDrops(true);

    view_->setObjectName(QStringLiteral("dataTable"));
    view_->setModel(model_);
    createWorkspace();

    columnDock_->setObjectName(QStringLiteral("columnDock"));
    columnDock_->setWidget(columnPanel_);
    columnDock_->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea |
                                 Qt::BottomDockWidgetArea);
    columnPanel_->setMinimumWidth(260);
    addDockWidget(Qt::RightDockWidgetArea, columnDock_);

    trainingDock_->setObjectName(QStringLiteral("trainingDock"));
    trainingDock_->setWidget(trainingPanel_);
    trainingPanel_->setMinimumWidth(330);
    trainingDock_->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, trainingDock_);
    resizeDocks({columnDock_, trainingDock_}, {340, 380}, Qt::Horizontal);

    preparationDock_->setObjectName(QStringLiteral("preparationDock"));
    preparationDock_->setWidget(preparationPanel_);
    preparationPanel_->setMinimumWidth(330);
    addDockWidget(Qt::LeftDockWidgetArea, preparationDock_);
    tabifyDockWidget(trainingDock_, preparationDock_);
    trainingDock_->raise();

    createActions();
    createMenus();
    createStatusBar();
    connectTraining();

    connect(view_, &DataTableView::currentColumnChanged, this, &MainWindow::showColumn);
    connect(view_, &DataTableView::columnTypeRequested, this, &MainWindow::setColumnType);
    connect(engine_, &EngineController::loadProgress, this, [this](double fraction) {
        progressBar_->setValue(static_cast<int>(fraction * kProgressSteps));
    });
    connect(engine_, &EngineController::loaded, this, &MainWindow::onLoaded);
    connect(engine_, &EngineController::loadFailed, this, &MainWindow::onLoadFailed);
    connect(engine_, &EngineController::loadCancelled, this, &MainWindow::onLoadCancelled);
    connect(engine_, &EngineController::sqliteTableNeeded, this, &MainWindow::onSqliteTableNeeded);
    connect(engine_, &EngineController::statsReady, this, &MainWindow::onStatsReady);
    connect(engine_, &EngineController::statsFailed, this, &MainWindow::onStatsFailed);
    // Queued: "Clear" changes the list from inside the menu action that the rebuild deletes.
    connect(recent_, &RecentFiles::changed, this, &MainWindow::rebuildRecentMenu,
            Qt::QueuedConnection);

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) resize(1360, 860);
    restoreState(settings.value(kStateKey).toByteArray());
    workspace_->setCurrentIndex(
        std::clamp(settings.value(kWorkspaceKey).toInt(), 0, workspace_->count() - 1));
    predictView_->restoreState(settings.value(kPredictStateKey).toByteArray());

    retranslateUi();
    QString language = settings.value(kLanguageKey).toString();
    if (!LanguageManager::availableLanguages().contains(language))
        language = LanguageManager::systemLanguage();
    setLanguage(language, false);
}

MainWindow::~MainWindow() = default;

QStringList MainWindow::recentFiles() const {
    return recent_->files();
}

QString MainWindow::language() const {
    return languageManager_->language();
}

bool MainWindow::isLoading() const {
    return engine_->isLoading();
}

MainWindow::Workspace MainWindow::workspace() const {
    return static_cast<Workspace>(workspace_->currentIndex());
}

void MainWindow::createWorkspace() {
    workspace_->setObjectName(QStringLiteral("workspaceTabs"));
    workspace_->setDocumentMode(true);
    runsView_->setObjectName(QStringLiteral("runsView"));
    historyView_->setObjectName(QStringLiteral("historyView"));
    predictView_->setObjectName(QStringLiteral("predictView"));
    // In Workspace order.
    workspace_->addTab(view_, icon(QStringLiteral("sample")), QString());
    workspace_->addTab(runsView_, QString());
    workspace_->addTab(explainView_, QString());
    workspace_->addTab(historyView_, QString());
    workspace_->addTab(predictView_, QString());
    setCentralWidget(workspace_);
    // Column statistics describe the data table: the dock makes room for the other views while
    // they are shown and comes back (if it was open) with the data.
    connect(workspace_, &QTabWidget::currentChanged, this, [this](int index) {
        const bool data = index == int(Workspace::Data);
        if (data && columnDockWanted_) columnDock_->show();
        if (!data && shownWorkspace_ == Workspace::Data) {
            columnDockWanted_ = columnDock_->isVisible();
            columnDock_->hide();
        }
        shownWorkspace_ = static_cast<Workspace>(index);
        if (shownWorkspace_ == Workspace::Explain) updateExplainedRuns();
    });
}

void MainWindow::connectTraining() {
    TrainingPanel* panel = trainingPanel_;
    connect(panel, &TrainingPanel::trainRequested, this, [this](TrainingRequest request) {
        const std::shared_ptr<const Table> table = trainingPanel_->table();
        if (!table) return;
        const int job = queue_->enqueue(table, std::move(request));
        jobTables_[job] = table;
    });
    connect(panel, &TrainingPanel::tuneRequested, this, [this](TuningRequest request) {
        const std::shared_ptr<const Table> table = trainingPanel_->table();
        if (table) queue_->enqueueTuning(table, std::move(request));
    });
    connect(panel, &TrainingPanel::cancelRequested, queue_, &TrainingQueue::cancel);
    connect(panel, &TrainingPanel::cancelAllRequested, queue_, &TrainingQueue::cancelAll);
    connect(queue_, &TrainingQueue::jobQueued, panel, &TrainingPanel::onJobQueued);
    connect(queue_, &TrainingQueue::jobStarted, panel, &TrainingPanel::onJobStarted);
    connect(queue_, &TrainingQueue::jobProgress, panel, &TrainingPanel::onJobProgress);
    connect(queue_, &TrainingQueue::queueChanged, panel, &TrainingPanel::onQueueChanged);
    connect(queue_, &TrainingQueue::tuningFinished, panel, &TrainingPanel::showTuningResults);
    connect(
        queue_, &TrainingQueue::tuningFinished, this,
        [panel](std::shared_ptr<const TuningOutcome> outcome) { panel->onJobEnded(outcome->job); });
    connect(queue_, &TrainingQueue::trainingFinished, this, &MainWindow::onTrainingFinished);
    connect(queue_, &TrainingQueue::jobFailed, this, [this](int job, const QString& message) {
        trainingPanel_->onJobEnded(job);
        jobTables_.erase(job);
        onTrainingFailed(message);
    });
    connect(queue_, &TrainingQueue::jobCancelled, this, [this](int job) {
        trainingPanel_->onJobEnded(job);
        jobTables_.erase(job);
        statusBar()->showMessage(tr("Training cancelled."), 8000);
    });

    PreparationPanel* preparation = preparationPanel_;
    connect(panel->targetPicker(), &QComboBox::currentTextChanged, preparation,
            &PreparationPanel::setTarget);
    connect(preparation, &PreparationPanel::attachmentChanged, panel,
            &TrainingPanel::setPreparation);
    connect(panel, &TrainingPanel::preparationDetached, preparation,
            [preparation] { preparation->setAttached(false); });
    connect(preparation, &PreparationPanel::applyRequested, this, &MainWindow::showPreparedTable);
    connect(preparation, &PreparationPanel::revertRequested, this, &MainWindow::revertToFile);

    connect(runsView_, &RunsView::rowsSelectionRequested, this,
            [this](std::vector<std::size_t> rows) {
                const auto run = runsView_->currentRun();
                const std::shared_ptr<const Table> table = run ? tableOfRun(*run) : nullptr;
                if (!table || !loaded_ || table.get() != &loaded_->table) {
                    statusBar()->showMessage(
                        tr("The data this run was trained on is no longer open."), 8000);
                    return;
                }
                selectTableRows(rows);
            });
    connect(explainView_, &ExplainView::rowsSelectionRequested, this,
            [this](std::vector<std::size_t> rows) {
                const auto run = explainView_->currentRun();
                const std::shared_ptr<const Table> table = run ? tableOfRun(*run) : nullptr;
                if (!table || !loaded_ || table.get() != &loaded_->table) {
                    statusBar()->showMessage(
                        tr("The data this run was trained on is no longer open."), 8000);
                    return;
                }
                selectTableRows(rows);
            });
    connect(runsView_, &RunsView::currentRunChanged, this, [this] {
        if (workspace() == Workspace::Explain) updateExplainedRuns();
    });
    connect(queue_, &TrainingQueue::tuningFinished, explainView_, &ExplainView::setTuning);
    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid()) explainView_->setTableRow(std::size_t(current.row()));
            });
    connect(historyView_, &HistoryView::openVersionRequested, this,
            [this](qint64 id, const QString& action) {
                predictView_->openVersion(id, action);
                showWorkspace(Workspace::Predict);
            });
}

void MainWindow::onTrainingFinished(std::shared_ptr<const TrainingOutcome> outcome) {
    trainingPanel_->onJobEnded(outcome->job);
    runsView_->addRun(outcome);
    if (outcome->version) {
        historyView_->refresh();
        predictView_->refreshVersions();
    }
    if (workspace() == Workspace::Data) showWorkspace(Workspace::Runs);
    const QString name = QString::fromStdString(outcome->request.learner);
    if (!outcome->historyError.isEmpty())
        showError(QStringLiteral("historySaveErrorDialog"), tr("Not saved in the history"),
                  tr("%1 was trained, but it could not be saved in the model history.").arg(name),
                  outcome->historyError);
    else
        statusBar()->showMessage(
            outcome->version
                ? tr("%1 trained and saved as version %2.").arg(name).arg(*outcome->version)
                : tr("%1 trained.").arg(name),
            8000);
    emit runShown(std::move(outcome));
}

std::shared_ptr<const Table> MainWindow::tableOfRun(const TrainingOutcome& run) const {
    const auto it = jobTables_.find(run.job);
    return it == jobTables_.end() ? nullptr : it->second.lock();
}

void MainWindow::updateExplainedRuns() {
    const auto current = runsView_->currentRun();
    std::shared_ptr<const Table> table = current ? tableOfRun(*current) : nullptr;
    // A run whose table was closed is explained on the open table (same columns needed).
    QString source = shownName_;
    if (!table && loaded_) table = std::shared_ptr<const Table>(loaded_, &loaded_->table);
    else if (current) source = current->request.source.displayName;
    explainView_->setRuns(current, runsView_->selectedRuns(), table, source);
}

void MainWindow::onTrainingFailed(const QString& message) {
    showError(QStringLiteral("trainingErrorDialog"), tr("Training failed"),
              tr("The model could not be trained."), message);
    emit trainingFailed(message);
}

void MainWindow::showError(const QString& objectName, const QString& title, const QString& text,
                           const QString& details) {
    auto* box = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Ok, this);
    box->setObjectName(objectName);
    box->setInformativeText(details);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showWorkspace(Workspace workspace) {
    workspace_->setCurrentIndex(static_cast<int>(workspace));
}

void MainWindow::selectTableRows(const std::vector<std::size_t>& rows) {
    showWorkspace(Workspace::Data);
    QItemSelectionModel* selection = view_->selectionModel();
    selection->select(rowSelection(model_, rows), QItemSelectionModel::ClearAndSelect);
    if (!rows.empty()) {
        const QModelIndex first = model_->index(clampToInt(rows.front()), 0);
        selection->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        view_->scrollTo(first, QAbstractItemView::PositionAtTop);
    }
    statusBar()->showMessage(tr("%Ln rows selected.", nullptr, clampToInt(rows.size())), 8000);
    emit tableRowsSelected(clampToInt(rows.size()));
}

void MainWindow::createActions() {
    openAction_ = new QAction(icon(QStringLiteral("open")), QString(), this);
    openAction_->setShortcut(QKeySequence::Open);
    connect(openAction_, &QAction::triggered, this, &MainWindow::chooseOpenFile);

    quitAction_ = new QAction(this);
    quitAction_->setShortcut(QKeySequence::Quit);
    quitAction_->setMenuRole(QAction::QuitRole);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    aboutAction_ = new QAction(this);
    aboutAction_->setMenuRole(QAction::AboutRole);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);

    trainAction_ = new QAction(icon(QStringLiteral("glassbox")), QString(), this);
    trainAction_->setObjectName(QStringLiteral("trainAction"));
    // Ctrl+Return belongs to the training panel's own action; the menu names it in its text.
    connect(trainAction_, &QAction::triggered, trainingPanel_, &TrainingPanel::train);
    tuneAction_ = new QAction(this);
    tuneAction_->setObjectName(QStringLiteral("tuneAction"));
    tuneAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(tuneAction_, &QAction::triggered, trainingPanel_, &TrainingPanel::openTuning);
    cancelTrainingAction_ = new QAction(this);
    cancelTrainingAction_->setObjectName(QStringLiteral("cancelTrainingAction"));
    cancelTrainingAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    connect(cancelTrainingAction_, &QAction::triggered, queue_, &TrainingQueue::cancelAll);
    for (int i = 0; i < 5; ++i) {
        auto* action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
        action->setCheckable(false);
        connect(action, &QAction::triggered, this,
                [this, i] { showWorkspace(static_cast<Workspace>(i)); });
        workspaceActions_.push_back(action);
    }

    languageGroup_ = new QActionGroup(this);
    languageGroup_->setExclusive(true);
    for (const QString& language : LanguageManager::availableLanguages()) {
        auto* action = new QAction(LanguageManager::nativeName(language), languageGroup_);
        action->setCheckable(true);
        action->setData(language);
        connect(action, &QAction::triggered, this, [this, language] { setLanguage(language); });
    }
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->setObjectName(QStringLiteral("fileMenu"));
    fileMenu_->addAction(openAction_);
    sampleMenu_ = fileMenu_->addMenu(icon(QStringLiteral("sample")), QString());
    sampleMenu_->setObjectName(QStringLiteral("sampleMenu"));
    recentMenu_ = fileMenu_->addMenu(QString());
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->setObjectName(QStringLiteral("viewMenu"));
    languageMenu_ = viewMenu_->addMenu(QString());
    languageMenu_->setObjectName(QStringLiteral("languageMenu"));
    languageMenu_->addActions(languageGroup_->actions());
    viewMenu_->addSeparator();
    for (QAction* action : workspaceActions_) viewMenu_->addAction(action);
    viewMenu_->addSeparator();
    viewMenu_->addAction(columnDock_->toggleViewAction());
    viewMenu_->addAction(trainingDock_->toggleViewAction());
    viewMenu_->addAction(preparationDock_->toggleViewAction());

    modelMenu_ = menuBar()->addMenu(QString());
    modelMenu_->setObjectName(QStringLiteral("modelMenu"));
    modelMenu_->addAction(trainAction_);
    modelMenu_->addAction(tuneAction_);
    modelMenu_->addAction(cancelTrainingAction_);

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->setObjectName(QStringLiteral("helpMenu"));
    helpMenu_->addAction(aboutAction_);
}

void MainWindow::createStatusBar() {
    fileLabel_ = new QLabel(this);
    fileLabel_->setObjectName(QStringLiteral("fileLabel"));
    sizeLabel_ = new QLabel(this);
    sizeLabel_->setObjectName(QStringLiteral("sizeLabel"));
    warningsButton_ = new QToolButton(this);
    warningsButton_->setObjectName(QStringLiteral("warningsButton"));
    warningsButton_->setIcon(icon(QStringLiteral("warning")));
    warningsButton_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    warningsButton_->setAutoRaise(true);
    warningsButton_->hide();
    connect(warningsButton_, &QToolButton::clicked, this, &MainWindow::showWarnings);
    progressBar_ = new QProgressBar(this);
    progressBar_->setObjectName(QStringLiteral("loadProgress"));
    progressBar_->setRange(0, kProgressSteps);
    progressBar_->setMaximumWidth(180);
    progressBar_->hide();
    cancelButton_ = new QPushButton(this);
    cancelButton_->setObjectName(QStringLiteral("cancelButton"));
    cancelButton_->hide();
    connect(cancelButton_, &QPushButton::clicked, this, &MainWindow::cancelLoading);

    statusBar()->addPermanentWidget(fileLabel_);
    statusBar()->addPermanentWidget(sizeLabel_);
    statusBar()->addPermanentWidget(warningsButton_);
    statusBar()->addPermanentWidget(progressBar_);
    statusBar()->addPermanentWidget(cancelButton_);
}

void MainWindow::retranslateUi() {
    fileMenu_->setTitle(tr("&File"));
    openAction_->setText(tr("&Open…"));
    openAction_->setStatusTip(tr("Open a CSV, TSV, ARFF or SQLite file"));
    sampleMenu_->setTitle(tr("Open &Sample"));
    recentMenu_->setTitle(tr("Open &Recent"));
    quitAction_->setText(tr("&Quit"));
    viewMenu_->setTitle(tr("&View"));
    languageMenu_->setTitle(tr("&Language"));
    columnDock_->setWindowTitle(tr("Column Statistics"));
    columnDock_->toggleViewAction()->setText(tr("&Column Panel"));
    trainingDock_->setWindowTitle(tr("Training"));
    trainingDock_->toggleViewAction()->setText(tr("&Training Panel"));
    preparationDock_->setWindowTitle(tr("Preparation"));
    preparationDock_->toggleViewAction()->setText(tr("&Preparation Panel"));
    workspace_->setTabText(int(Workspace::Data), tr("Data"));
    workspace_->setTabText(int(Workspace::Runs), tr("Runs"));
    workspace_->setTabText(int(Workspace::Explain), tr("Explain"));
    workspace_->setTabText(int(Workspace::History), tr("Model History"));
    workspace_->setTabText(int(Workspace::Predict), tr("Predict"));
    workspaceActions_[0]->setText(tr("&Data"));
    workspaceActions_[1]->setText(tr("&Runs"));
    workspaceActions_[2]->setText(tr("&Explain"));
    workspaceActions_[3]->setText(tr("Model &History"));
    workspaceActions_[4]->setText(tr("&Predict"));
    modelMenu_->setTitle(tr("&Model"));
    trainAction_->setText(tr("&Train\tCtrl+Return"));
    trainAction_->setStatusTip(tr("Train the chosen learner on the open table"));
    tuneAction_->setText(tr("T&une…"));
    tuneAction_->setStatusTip(tr("Search the learner's parameters for the best score"));
    cancelTrainingAction_->setText(tr("&Cancel All Training"));
    helpMenu_->setTitle(tr("&Help"));
    aboutAction_->setText(tr("&About Glassbox"));
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setToolTip(tr("Stop loading"));
    rebuildSampleMenu();
    rebuildRecentMenu();
    updateTableLabels();
    model_->retranslate();
}

void MainWindow::rebuildSampleMenu() {
    sampleMenu_->clear();
    for (const SampleDataset& sample : SampleDatasets::all()) {
        const QString text =
            tr("%1 — %2").arg(sample.fileName, SampleDatasets::description(sample));
        QAction* action = sampleMenu_->addAction(text);
        action->setData(sample.name);
        const QString name = sample.name;
        connect(action, &QAction::triggered, this, [this, name] { openSample(name); });
    }
}

void MainWindow::rebuildRecentMenu() {
    recentMenu_->clear();
    const QStringList files = recent_->files();
    for (int i = 0; i < files.size(); ++i) {
        const QFileInfo info(files[i]);
        const QString number =
            i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&%1").arg(i - 9);
        QAction* action = recentMenu_->addAction(
            QStringLiteral("%1 %2 — %3").arg(number, info.fileName(), info.absolutePath()));
        action->setData(files[i]);
        action->setStatusTip(files[i]);
        const QString path = files[i];
        connect(action, &QAction::triggered, this, [this, path] { openFile(path); });
    }
    if (!files.isEmpty()) recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("&Clear"));
    clear->setObjectName(QStringLiteral("clearRecentAction"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, recent_, &RecentFiles::clear);
}

void MainWindow::updateTableLabels() {
    if (!loaded_) {
        setWindowTitle(tr("Glassbox"));
        fileLabel_->setText(tr("No data"));
        sizeLabel_->clear();
        warningsButton_->hide();
        return;
    }
    setWindowTitle(tr("%1 — Glassbox").arg(shownName_));
    fileLabel_->setText(shownName_);
    const Table& table = loaded_->table;
    sizeLabel_->setText(tr("%Ln rows", nullptr, clampToInt(table.rowCount())) +
                        QStringLiteral(" × ") +
                        tr("%Ln columns", nullptr, clampToInt(table.columnCount())));
    const auto& warnings = loaded_->warnings;
    warningsButton_->setVisible(!warnings.empty());
    if (warnings.empty()) return;
    warningsButton_->setText(tr("%n warning(s)", nullptr, clampToInt(warnings.size())));
    QStringList lines;
    for (std::size_t i = 0; i < warnings.size() && i < kMaxWarningsInTooltip; ++i)
        lines << QString::fromStdString(warnings[i].message);
    if (warnings.size() > kMaxWarningsInTooltip) lines << QStringLiteral("…");
    warningsButton_->setToolTip(lines.join(QLatin1Char('\n')));
}

void MainWindow::setLoadingUi(bool loading) {
    progressBar_->setValue(0);
    progressBar_->setVisible(loading);
    cancelButton_->setVisible(loading);
}

void MainWindow::startLoad(const PendingLoad& load) {
    pending_ = load;
    setLoadingUi(true);
    statusBar()->showMessage(tr("Opening %1…").arg(load.displayName));
    if (const SampleDataset* sample = SampleDatasets::find(load.sample))
        engine_->openBytes(SampleDatasets::bytes(*sample), sample->fileName, load.types);
    else
        engine_->openFile(load.path, load.sqliteTable, load.types);
}

void MainWindow::openFile(const QString& path) {
    const QFileInfo info(path);
    startLoad({.displayName = info.fileName(), .path = info.absoluteFilePath()});
}

void MainWindow::openSqliteTable(const QString& path, const QString& table) {
    const QFileInfo info(path);
    startLoad({.displayName = tr("%1: %2").arg(info.fileName(), table),
               .path = info.absoluteFilePath(),
               .sqliteTable = table});
}

bool MainWindow::openSample(const QString& name) {
    const SampleDataset* sample = SampleDatasets::find(name);
    if (!sample) return false;
    startLoad({.displayName = sample->fileName, .sample = name});
    return true;
}

void MainWindow::setColumnType(int column, ColumnType type) {
    if (!loaded_ || column < 0 || static_cast<std::size_t>(column) >= loaded_->table.columnCount())
        return;
    PendingLoad reload = shown_;
    reload.types[loaded_->table.column(static_cast<std::size_t>(column)).name()] = type;
    reload.column = column;
    startLoad(reload);
}

void MainWindow::cancelLoading() {
    engine_->cancelLoad();
}

void MainWindow::chooseOpenFile() {
    const QStringList filters = {
        tr("All supported files (*.csv *.tsv *.tab *.txt *.arff *.sqlite *.sqlite3 *.db)"),
        tr("CSV files (*.csv)"),
        tr("TSV files (*.tsv *.tab)"),
        tr("Text files (*.txt)"),
        tr("ARFF files (*.arff)"),
        tr("SQLite databases (*.sqlite *.sqlite3 *.db)"),
        tr("All files (*)"),
    };
    auto* dialog = new QFileDialog(this, tr("Open Data File"),
                                   QSettings().value(kLastDirectoryKey).toString());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters(filters);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& file) {
        QSettings().setValue(kLastDirectoryKey, QFileInfo(file).absolutePath());
        openFile(file);
    });
    dialog->open();
}

void MainWindow::onLoaded(std::shared_ptr<const LoadedTable> loaded) {
    setLoadingUi(false);
    original_.reset();
    loaded_ = std::move(loaded);
    shownName_ = pending_.displayName;
    shown_ = pending_;
    if (!pending_.path.isEmpty()) recent_->add(pending_.path);
    if (warningsDialog_) warningsDialog_->setWarnings(shownName_, loaded_->warnings);
    showTableContents(DataSource{shownName_, shown_.path, shown_.sample});
    predictView_->setTable(loaded_, shown_.path.isEmpty() ? shownName_ : shown_.path);
    preparationPanel_->setTable(std::shared_ptr<const Table>(loaded_, &loaded_->table));
    preparationPanel_->setApplied(false);

    const auto warnings = clampToInt(loaded_->warnings.size());
    statusBar()->showMessage(
        warnings == 0 ? tr("Opened %1.").arg(shownName_)
                      : tr("Opened %1 with %n warning(s).", nullptr, warnings).arg(shownName_),
        8000);
    emit tableShown();
}

void MainWindow::showTableContents(const DataSource& source) {
    shownColumn_ = -1;
    model_->setTable(std::shared_ptr<const Table>(loaded_, &loaded_->table));
    view_->fitColumnWidths();
    updateTableLabels();
    trainingPanel_->setTable(loaded_, source);
    preparationPanel_->setTarget(trainingPanel_->targetPicker()->currentText());
    if (model_->columnCount() == 0) {
        columnPanel_->clear();
    } else {
        // The first column, or the one whose type was just changed, becomes current
        // (keyboard navigation starts there), unselected.
        const int column = std::clamp(shown_.column, 0, model_->columnCount() - 1);
        showColumn(column);
        if (model_->rowCount() > 0)
            view_->selectionModel()->setCurrentIndex(model_->index(0, column),
                                                     QItemSelectionModel::NoUpdate);
    }
}

void MainWindow::showPreparedTable(std::shared_ptr<const LoadedTable> prepared,
                                   const QString& steps) {
    if (!loaded_ || !prepared) return;
    if (!original_) original_ = loaded_;
    const QString target = trainingPanel_->targetPicker()->currentText();
    loaded_ = std::move(prepared);
    shownName_ = tr("%1 (prepared)").arg(shown_.displayName);
    // Not the file: the history records the prepared table by its name and size.
    showTableContents(DataSource{shownName_, {}, {}});
    trainingPanel_->targetPicker()->setCurrentText(target);
    preparationPanel_->setApplied(true);
    statusBar()->showMessage(
        tr("The Data view shows %1 prepared by: %2.").arg(shown_.displayName, steps), 8000);
    emit tableShown();
}

void MainWindow::revertToFile() {
    if (!original_) return;
    const QString target = trainingPanel_->targetPicker()->currentText();
    loaded_ = std::move(original_);
    original_.reset();
    shownName_ = shown_.displayName;
    showTableContents(DataSource{shownName_, shown_.path, shown_.sample});
    trainingPanel_->targetPicker()->setCurrentText(target);
    preparationPanel_->setApplied(false);
    statusBar()->showMessage(tr("The Data view shows %1 as read from the file.").arg(shownName_),
                             8000);
    emit tableShown();
}

void MainWindow::onLoadFailed(const QString& message) {
    setLoadingUi(false);
    statusBar()->showMessage(tr("Could not open %1.").arg(pending_.displayName), 8000);
    auto* box = new QMessageBox(QMessageBox::Critical, tr("Could not open file"),
                                tr("Glassbox could not open %1.").arg(pending_.displayName),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("loadErrorDialog"));
    box->setInformativeText(message);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit loadFailed(message);
}

void MainWindow::onLoadCancelled() {
    setLoadingUi(false);
    statusBar()->showMessage(tr("Opening %1 was cancelled.").arg(pending_.displayName), 8000);
}

void MainWindow::onSqliteTableNeeded(const QString& path, const QStringList& tables) {
    setLoadingUi(false);
    statusBar()->clearMessage();
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("sqliteTableDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Choose a Table"));
    dialog->setLabelText(
        tr("%1 holds several tables. Which one should be opened?").arg(QFileInfo(path).fileName()));
    dialog->setComboBoxItems(tables);
    dialog->setComboBoxEditable(false);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, path](const QString& table) { openSqliteTable(path, table); });
    dialog->open();
}

void MainWindow::showColumn(int column) {
    if (!loaded_ || column < 0 || column >= model_->columnCount() || column == shownColumn_) return;
    shownColumn_ = column;
    const Column& data = loaded_->table.column(static_cast<std::size_t>(column));
    columnPanel_->showPending(QString::fromStdString(data.name()), data.type());
    engine_->requestStats(model_->table(), column);
}

void MainWindow::onStatsReady(int column, std::shared_ptr<const ColumnStats> stats) {
    if (!loaded_ || column != shownColumn_) return;
    const bool hasTime = loaded_->table.column(static_cast<std::size_t>(column)).hasTime();
    columnPanel_->showStats(std::move(stats), hasTime);
    emit columnStatsShown(column);
}

void MainWindow::onStatsFailed(int column, const QString& message) {
    if (!loaded_ || column != shownColumn_) return;
    const Column& data = loaded_->table.column(static_cast<std::size_t>(column));
    columnPanel_->showError(QString::fromStdString(data.name()), data.type(), message);
}

void MainWindow::setLanguage(const QString& language, bool persist) {
    if (!languageManager_->setLanguage(language)) return;
    for (QAction* action : languageGroup_->actions())
        action->setChecked(action->data().toString() == language);
    if (persist) QSettings().setValue(kLanguageKey, language);
}

void MainWindow::showAbout() {
    const QString text =
        tr("<h3>Glassbox %1</h3>"
           "<p>A desktop workbench for looking into tabular data and the machine-learning "
           "models trained on it.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(applicationVersion(), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion()));
    auto* box =
        new QMessageBox(QMessageBox::NoIcon, tr("About Glassbox"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showWarnings() {
    if (!loaded_) return;
    if (!warningsDialog_) warningsDialog_ = new WarningsDialog(this);
    warningsDialog_->setWarnings(shownName_, loaded_->warnings);
    warningsDialog_->show();
    warningsDialog_->raise();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    // The dock layout as the data view has it (the column dock hides for the other views).
    if (shownWorkspace_ != Workspace::Data) columnDock_->setVisible(columnDockWanted_);
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kWorkspaceKey, workspace_->currentIndex());
    settings.setValue(kPredictStateKey, predictView_->saveState());
    queue_->cancelAll();
    engine_->cancelLoad();
    engine_->cancelStats();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) return;
    event->acceptProposedAction();
    openFile(urls.first().toLocalFile());
}

}  // namespace glassbox::gui
