#include "widgets/predict_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDataStream>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "engine/metric_direction.h"
#include "widgets/prediction_model.h"

namespace glassbox::gui {
namespace {

constexpr quint32 kStateMagic = 0x47425056;  // "GBPV"

QString number(double value, int decimals = 4) {
    if (!std::isfinite(value)) return QStringLiteral("—");
    return QLocale().toString(value, 'f', decimals);
}

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QTableWidget* makeTable(QWidget* parent) {
    auto* table = new QTableWidget(parent);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(22);
    // The names take the width; the numbers stay next to them.
    table->horizontalHeader()->setStretchLastSection(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setMinimumSectionSize(60);
    table->setAlternatingRowColors(true);
    return table;
}

QTableWidgetItem* item(const QString& value, bool numeric = false) {
    auto* cell = new QTableWidgetItem(value);
    if (numeric) cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

// A table tall enough for its rows (up to a limit), so short tables leave no empty area.
void fitHeight(QTableWidget* table, int maxRows) {
    const int rows = std::min(table->rowCount(), maxRows);
    const int height = table->horizontalHeader()->height() +
                       rows * table->verticalHeader()->defaultSectionSize() +
                       2 * table->frameWidth() + 2;
    table->setMinimumHeight(height);
    table->setMaximumHeight(table->rowCount() > maxRows ? QWIDGETSIZE_MAX : height);
}

}  // namespace

PredictView::PredictView(const QString& registryPath, QWidget* parent)
    : QWidget(parent),
      client_(new PredictionClient(registryPath, this)),
      model_(new PredictionModel(this)) {
    // Top bar: version picker, data, export.
    versionLabel_ = new QLabel(this);
    versionCombo_ = new QComboBox(this);
    versionCombo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    versionCombo_->setMinimumContentsLength(24);
    refreshButton_ = new QToolButton(this);
    refreshButton_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    openButton_ = new QPushButton(this);
    openButton_->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    dataLabel_ = new QLabel(this);
    dataLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    exportButton_ = new QPushButton(this);
    exportButton_->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    versionLabel_->setBuddy(versionCombo_);

    auto* top = new QHBoxLayout;
    top->addWidget(versionLabel_);
    top->addWidget(versionCombo_, 1);
    top->addWidget(refreshButton_);
    top->addSpacing(12);
    top->addWidget(openButton_);
    top->addWidget(dataLabel_, 1);
    top->addWidget(exportButton_);

    // Busy row: progress and cancel; a status line otherwise.
    progressBar_ = new QProgressBar(this);
    progressBar_->setRange(0, 1000);
    progressBar_->setTextVisible(false);
    progressBar_->setMaximumHeight(16);
    stageLabel_ = new QLabel(this);
    cancelButton_ = new QPushButton(this);
    statusLabel_ = new QLabel(this);
    statusLabel_->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* busy = new QHBoxLayout;
    busy->addWidget(stageLabel_);
    busy->addWidget(progressBar_, 1);
    busy->addWidget(cancelButton_);
    busy->addWidget(statusLabel_, 1);

    alertBanner_ = new QLabel(this);
    alertBanner_->setObjectName(QStringLiteral("alertBanner"));
    alertBanner_->setWordWrap(true);
    alertBanner_->setStyleSheet(
        QStringLiteral("QLabel#alertBanner { background: #c62828; color: white; font-weight: bold; "
                       "padding: 8px 12px; border-radius: 4px; }"));
    alertBanner_->hide();

    tableView_ = new QTableView(this);
    tableView_->setModel(model_);
    tableView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tableView_->setSelectionMode(QAbstractItemView::SingleSelection);
    tableView_->verticalHeader()->setDefaultSectionSize(22);
    tableView_->horizontalHeader()->setDefaultSectionSize(96);
    // Column widths from the header and the first rows only: fast on a million rows.
    tableView_->horizontalHeader()->setResizeContentsPrecision(50);

    modes_ = new QTabWidget(this);
    modes_->addTab(createPredictPage(), QString());
    modes_->addTab(createEvaluatePage(), QString());
    modes_->addTab(createExplainPage(), QString());

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->addWidget(tableView_);
    splitter_->addWidget(modes_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(busy);
    layout->addWidget(alertBanner_);
    layout->addWidget(splitter_, 1);

    connect(versionCombo_, &QComboBox::currentIndexChanged, this, &PredictView::onVersionChosen);
    connect(refreshButton_, &QToolButton::clicked, this, &PredictView::refreshVersions);
    connect(openButton_, &QPushButton::clicked, this, &PredictView::chooseDataFile);
    connect(exportButton_, &QPushButton::clicked, this, &PredictView::chooseExportFile);
    connect(cancelButton_, &QPushButton::clicked, this, &PredictView::cancel);
    connect(modes_, &QTabWidget::currentChanged, this, [this] { maybeAutoRun(); });
    connect(tableView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (mode() == Mode::Explain && current.isValid()) explainRow(current.row());
            });

    connect(client_, &PredictionClient::versionsListed, this,
            [this](int, VersionListPtr v) { onVersionsListed(std::move(v)); });
    connect(client_, &PredictionClient::versionLoaded, this,
            [this](int, LoadedVersionPtr v) { onVersionLoaded(std::move(v)); });
    connect(client_, &PredictionClient::tableRead, this,
            [this](int, std::shared_ptr<const LoadedTable> t, const QString& path) {
                onTableRead(std::move(t), path);
            });
    connect(client_, &PredictionClient::sqliteTableNeeded, this,
            [this](int, const QString& path, const QStringList& tables) {
                onSqliteTableNeeded(path, tables);
            });
    connect(client_, &PredictionClient::predicted, this,
            [this](int, PredictionsPtr p) { onPredicted(std::move(p)); });
    connect(client_, &PredictionClient::evaluated, this,
            [this](int, EvaluationPtr e) { onEvaluated(std::move(e)); });
    connect(client_, &PredictionClient::importanceReady, this,
            [this](int, ImportancePtr i) { onImportance(std::move(i)); });
    connect(client_, &PredictionClient::rowExplained, this,
            [this](int, RowExplanationPtr r) { onRowExplained(std::move(r)); });
    connect(
        client_, &PredictionClient::exported, this,
        [this](int, const QString& path, qulonglong rows) {
            statusLabel_->setText(tr("Exported %Ln rows to %1.", nullptr, static_cast<int>(rows))
                                      .arg(QDir::toNativeSeparators(path)));
            emit exportFinished(path, rows);
        });
    connect(client_, &PredictionClient::failed, this, &PredictView::onFailed);
    connect(client_, &PredictionClient::cancelled, this,
            [this](int) { statusLabel_->setText(tr("Cancelled.")); });
    connect(client_, &PredictionClient::progress, this, [this](int id, double fraction) {
        progressBar_->setValue(static_cast<int>(fraction * 1000));
        if (const auto kind = client_->kindOf(id)) stageLabel_->setText(kindText(*kind));
    });
    connect(client_, &PredictionClient::finished, this, [this] { updateBusy(); });

    retranslateUi();
    updateBusy();
    updateModelInfo();
    updateEvaluateControls();
    updateExplainControls();
    refreshVersions();
}

PredictView::~PredictView() = default;

QWidget* PredictView::createPredictPage() {
    auto* page = new QWidget(this);
    modelInfo_ = new QLabel(page);
    modelInfo_->setWordWrap(true);
    modelInfo_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    modelInfo_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    summaryLabel_ = new QLabel(page);
    summaryLabel_->setWordWrap(true);
    summaryTable_ = makeTable(page);
    summaryTable_->setColumnCount(3);
    summaryTable_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(modelInfo_);
    layout->addSpacing(8);
    layout->addWidget(summaryLabel_);
    layout->addWidget(summaryTable_);
    layout->addStretch(1);
    return page;
}

QWidget* PredictView::createEvaluatePage() {
    auto* page = new QWidget(this);
    evaluateInfo_ = new QLabel(page);
    evaluateInfo_->setWordWrap(true);
    evaluateInfo_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    alertCheck_ = new QCheckBox(page);
    alertCheck_->setChecked(true);
    metricCombo_ = new QComboBox(page);
    metricCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    comparatorLabel_ = new QLabel(page);
    alertSpin_ = new QDoubleSpinBox(page);
    alertSpin_->setDecimals(4);
    alertSpin_->setRange(-1e9, 1e9);
    alertSpin_->setSingleStep(0.01);
    alertSpin_->setValue(0.9);
    auto* alertRow = new QHBoxLayout;
    alertRow->addWidget(alertCheck_);
    alertRow->addWidget(metricCombo_);
    alertRow->addWidget(comparatorLabel_);
    alertRow->addWidget(alertSpin_);
    alertRow->addStretch(1);

    decisionCheck_ = new QCheckBox(page);
    decisionCheck_->setObjectName(QStringLiteral("decisionThresholdCheck"));
    decisionSpin_ = new QDoubleSpinBox(page);
    decisionSpin_->setObjectName(QStringLiteral("decisionThresholdSpin"));
    decisionSpin_->setDecimals(3);
    decisionSpin_->setRange(0.0, 1.0);
    decisionSpin_->setSingleStep(0.05);
    decisionSpin_->setValue(0.5);
    decisionSpin_->setEnabled(false);
    evaluateButton_ = new QPushButton(page);
    auto* decisionRow = new QHBoxLayout;
    decisionRow->addWidget(decisionCheck_);
    decisionRow->addWidget(decisionSpin_);
    decisionRow->addStretch(1);
    decisionRow->addWidget(evaluateButton_);

    metricsLabel_ = new QLabel(page);
    metricsTable_ = makeTable(page);
    metricsTable_->setColumnCount(2);
    metricsTable_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    perClassLabel_ = new QLabel(page);
    perClassTable_ = makeTable(page);
    perClassTable_->setColumnCount(5);
    perClassTable_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    confusionLabel_ = new QLabel(page);
    confusionLabel_->setWordWrap(true);
    confusionTable_ = makeTable(page);
    confusionTable_->verticalHeader()->setVisible(true);
    confusionTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    confusionTable_->setAlternatingRowColors(false);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(evaluateInfo_);
    layout->addLayout(alertRow);
    layout->addLayout(decisionRow);
    layout->addWidget(metricsLabel_);
    layout->addWidget(metricsTable_);
    layout->addWidget(perClassLabel_);
    layout->addWidget(perClassTable_);
    layout->addWidget(confusionLabel_);
    layout->addWidget(confusionTable_);
    layout->addStretch(1);

    connect(alertCheck_, &QCheckBox::toggled, this, [this](bool on) {
        metricCombo_->setEnabled(on);
        alertSpin_->setEnabled(on);
        updateAlert();
    });
    connect(metricCombo_, &QComboBox::currentIndexChanged, this, [this] {
        updateAlertComparator();
        updateAlert();
    });
    connect(alertSpin_, &QDoubleSpinBox::valueChanged, this, [this] { updateAlert(); });
    connect(decisionCheck_, &QCheckBox::toggled, decisionSpin_, &QWidget::setEnabled);
    connect(evaluateButton_, &QPushButton::clicked, this, &PredictView::evaluate);
    return page;
}

QWidget* PredictView::createExplainPage() {
    auto* page = new QWidget(this);
    methodLabel_ = new QLabel(page);
    methodCombo_ = new QComboBox(page);
    methodCombo_->setObjectName(QStringLiteral("importanceMethod"));
    methodCombo_->addItem(QString(), static_cast<int>(ImportanceMethod::Permutation));
    methodCombo_->addItem(QString(), static_cast<int>(ImportanceMethod::Impurity));
    importanceButton_ = new QPushButton(page);
    auto* methodRow = new QHBoxLayout;
    methodRow->addWidget(methodLabel_);
    methodRow->addWidget(methodCombo_, 1);
    methodRow->addWidget(importanceButton_);

    importanceInfo_ = new QLabel(page);
    importanceInfo_->setWordWrap(true);
    importanceTable_ = makeTable(page);
    importanceTable_->setColumnCount(3);
    importanceTable_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

    shapInfo_ = new QLabel(page);
    shapInfo_->setWordWrap(true);
    shapClassLabel_ = new QLabel(page);
    shapClassCombo_ = new QComboBox(page);
    auto* classRow = new QHBoxLayout;
    classRow->addWidget(shapClassLabel_);
    classRow->addWidget(shapClassCombo_, 1);
    shapTable_ = makeTable(page);
    shapTable_->setColumnCount(3);
    shapTable_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    shapSum_ = new QLabel(page);
    shapSum_->setWordWrap(true);
    shapSum_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(page);
    layout->addLayout(methodRow);
    layout->addWidget(importanceInfo_);
    layout->addWidget(importanceTable_);
    layout->addSpacing(8);
    layout->addWidget(shapInfo_);
    layout->addLayout(classRow);
    layout->addWidget(shapTable_);
    layout->addWidget(shapSum_);
    layout->addStretch(1);

    connect(importanceButton_, &QPushButton::clicked, this, &PredictView::computeImportance);
    connect(shapClassCombo_, &QComboBox::currentIndexChanged, this,
            [this] { showRowExplanation(); });
    return page;
}

void PredictView::retranslateUi() {
    versionLabel_->setText(tr("&Model:"));
    refreshButton_->setToolTip(tr("List the model history's versions again"));
    openButton_->setText(tr("Open &data…"));
    openButton_->setToolTip(tr("Open a CSV, TSV, ARFF or SQLite file to predict on"));
    exportButton_->setText(tr("&Export CSV…"));
    exportButton_->setToolTip(tr("Save the data with the predictions as CSV"));
    cancelButton_->setText(tr("Cancel"));
    modes_->setTabText(0, tr("Predict"));
    modes_->setTabText(1, tr("Evaluate"));
    modes_->setTabText(2, tr("Explain"));

    summaryTable_->setHorizontalHeaderLabels({tr("Predicted class"), tr("Rows"), tr("Share")});
    alertCheck_->setText(tr("Alert when"));
    alertSpin_->setToolTip(tr("The threshold the metric is checked against"));
    decisionCheck_->setText(tr("Decision threshold:"));
    decisionCheck_->setToolTip(
        tr("Binary models: predict the second class when its probability is at least this"));
    evaluateButton_->setText(tr("E&valuate"));
    evaluateButton_->setToolTip(
        tr("Score the model on the labelled rows and keep the evaluation in the history"));
    metricsLabel_->setText(tr("<b>Metrics</b>"));
    metricsTable_->setHorizontalHeaderLabels({tr("Metric"), tr("Value")});
    perClassLabel_->setText(tr("<b>Per class</b>"));
    perClassTable_->setHorizontalHeaderLabels(
        {tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    confusionLabel_->setText(tr("<b>Confusion matrix</b> (rows: true class, columns: predicted)"));

    methodLabel_->setText(tr("Importance:"));
    methodCombo_->setItemText(0, tr("Permutation (on the labelled rows)"));
    methodCombo_->setItemText(1, tr("Impurity (tree models)"));
    importanceButton_->setText(tr("&Compute"));
    importanceTable_->setHorizontalHeaderLabels({tr("Feature"), tr("Importance"), tr("± std")});
    shapClassLabel_->setText(tr("Explain:"));
    shapTable_->setHorizontalHeaderLabels({tr("Feature"), tr("Value"), tr("Contribution")});

    model_->retranslate();
    updateDataLabel();
    updateModelInfo();
    updateAlertComparator();
    updateEvaluateControls();
    updateExplainControls();
    showPredictionSummary();
    showEvaluation();
    showImportance();
    showRowExplanation();
    updateBusy();
    for (int i = 0; versions_ && i < versionCombo_->count(); ++i)
        for (const ModelVersion& v : *versions_)
            if (v.id == versionCombo_->itemData(i).toLongLong())
                versionCombo_->setItemText(i, versionLabel(v));
}

void PredictView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void PredictView::setMessageHandler(MessageHandler handler) {
    messageHandler_ = std::move(handler);
}

void PredictView::showError(const QString& message) {
    emit errorShown(message);
    if (messageHandler_)
        messageHandler_(tr("Predict"), message);
    else
        QMessageBox::warning(this, tr("Predict"), message);
}

PredictView::Mode PredictView::mode() const {
    return static_cast<Mode>(modes_->currentIndex());
}

void PredictView::setMode(Mode mode) {
    modes_->setCurrentIndex(static_cast<int>(mode));
}

std::optional<qint64> PredictView::currentVersion() const {
    const QVariant id = versionCombo_->currentData();
    if (!id.isValid()) return std::nullopt;
    return id.toLongLong();
}

bool PredictView::isBusy() const {
    return client_->isBusy();
}

bool PredictView::isAlertShown() const {
    return !alertBanner_->isHidden();
}

QString PredictView::alertText() const {
    return isAlertShown() ? alertBanner_->text() : QString();
}

bool PredictView::hasTarget() const {
    return version_ && table_ && table_->table.indexOf(version_->model.target) >= 0;
}

bool PredictView::hasTrees() const {
    return version_ && version_->model.model && !version_->model.model->trees().empty();
}

int PredictView::selectedRow() const {
    const QModelIndex current = tableView_->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

// ---- versions ----

QString PredictView::versionLabel(const ModelVersion& version) const {
    QString label =
        tr("#%1 %2 → %3").arg(version.id).arg(text(version.learner), text(version.target));
    const std::string metric = defaultMetric(version.task);
    if (const std::optional<double> value = version.metric(metric))
        label += tr(" (%1 %2)").arg(text(metric), number(*value, 3));
    if (!version.name.empty()) label += QStringLiteral(" — ") + text(version.name);
    return label;
}

void PredictView::refreshVersions() {
    client_->listVersions();
    updateBusy();
}

void PredictView::openVersion(qint64 id, const QString& action) {
    if (action == QLatin1String("evaluate"))
        setMode(Mode::Evaluate);
    else if (action == QLatin1String("explain"))
        setMode(Mode::Explain);
    else
        setMode(Mode::Predict);
    const int index = versionCombo_->findData(id);
    if (index >= 0) {
        pendingVersion_.reset();
        versionCombo_->setCurrentIndex(index);
        return;
    }
    pendingVersion_ = id;
    refreshVersions();
}

void PredictView::onVersionsListed(VersionListPtr versions) {
    versions_ = std::move(versions);
    const std::optional<qint64> wanted =
        pendingVersion_ ? pendingVersion_
                        : (version_ ? std::optional<qint64>(version_->info.id) : currentVersion());
    {
        const QSignalBlocker blocker(versionCombo_);
        versionCombo_->clear();
        for (const ModelVersion& v : *versions_)
            versionCombo_->addItem(versionLabel(v), static_cast<qint64>(v.id));
        versionCombo_->setPlaceholderText(versions_->empty() ? tr("No saved models yet")
                                                             : tr("Choose a saved model…"));
        versionCombo_->setCurrentIndex(wanted ? versionCombo_->findData(*wanted) : -1);
    }
    const std::optional<qint64> missing =
        pendingVersion_ && versionCombo_->currentIndex() < 0 ? pendingVersion_ : std::nullopt;
    pendingVersion_.reset();
    if (missing) {
        // Keep showing the version already loaded.
        if (version_) {
            const QSignalBlocker blocker(versionCombo_);
            versionCombo_->setCurrentIndex(
                versionCombo_->findData(static_cast<qint64>(version_->info.id)));
        }
        showError(tr("Version #%1 is not in the model history.").arg(*missing));
    }
    const std::optional<qint64> chosen = currentVersion();
    if (chosen && (!version_ || version_->info.id != *chosen))
        onVersionChosen(versionCombo_->currentIndex());
    emit versionsRefreshed();
}

void PredictView::onVersionChosen(int index) {
    if (index < 0) return;
    const qint64 id = versionCombo_->itemData(index).toLongLong();
    if (version_ && version_->info.id == id) return;
    client_->loadVersion(id);
    updateBusy();
}

void PredictView::onVersionLoaded(LoadedVersionPtr version) {
    version_ = std::move(version);
    const TrainedModel& model = version_->model;
    {
        const QSignalBlocker blocker(metricCombo_);
        const QString previous = metricCombo_->currentText();
        metricCombo_->clear();
        for (const std::string& name : scoreNames(model.task)) metricCombo_->addItem(text(name));
        const int keep = metricCombo_->findText(previous);
        metricCombo_->setCurrentIndex(
            keep >= 0 ? keep : metricCombo_->findText(text(defaultMetric(model.task))));
    }
    {
        const QSignalBlocker blocker(shapClassCombo_);
        shapClassCombo_->clear();
    }
    clearResults();
    updateAlertComparator();
    updateModelInfo();
    emit versionLoaded(version_->info.id);
    startPredict();
    maybeAutoRun();
}

// ---- data ----

void PredictView::chooseDataFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Data to Predict On"), QFileInfo(tableName_).absolutePath(),
        tr("Data files (*.csv *.tsv *.txt *.arff *.sqlite *.sqlite3 *.db);;All files (*)"));
    if (!path.isEmpty()) openDataFile(path);
}

void PredictView::openDataFile(const QString& path, const QString& sqliteTable) {
    client_->readFile(path, sqliteTable);
    statusLabel_->clear();
    updateBusy();
}

void PredictView::onSqliteTableNeeded(const QString& path, const QStringList& tables) {
    bool ok = false;
    const QString table = QInputDialog::getItem(
        this, tr("Choose a Table"),
        tr("%1 holds several tables. Which one?").arg(QFileInfo(path).fileName()), tables, 0, false,
        &ok);
    if (ok && !table.isEmpty()) openDataFile(path, table);
}

void PredictView::onTableRead(std::shared_ptr<const LoadedTable> table, const QString& path) {
    setTable(std::move(table), path);
}

void PredictView::setTable(std::shared_ptr<const LoadedTable> table, const QString& name) {
    // Answers about the previous table no longer apply.
    client_->forget(PredictionClient::Kind::Read);
    table_ = std::move(table);
    tableName_ = name;
    model_->setTable(table_ ? std::shared_ptr<const Table>(table_, &table_->table) : nullptr);
    tableView_->resizeColumnsToContents();
    clearResults();
    updateDataLabel();
    emit tableChanged();
    startPredict();
    maybeAutoRun();
}

void PredictView::updateDataLabel() {
    if (!table_) {
        dataLabel_->setText(tr("No data open"));
        return;
    }
    const QString name =
        QFileInfo(tableName_).isFile() ? QFileInfo(tableName_).fileName() : tableName_;
    dataLabel_->setText(
        tr("%1 — %2 × %3")
            .arg(name, tr("%Ln rows", nullptr, static_cast<int>(table_->table.rowCount())),
                 tr("%Ln columns", nullptr, static_cast<int>(table_->table.columnCount()))));
    dataLabel_->setToolTip(QDir::toNativeSeparators(tableName_));
}

// ---- results ----

void PredictView::clearResults() {
    // A running export keeps going: it writes the predictions it was given.
    for (auto kind : {PredictionClient::Kind::Predict, PredictionClient::Kind::Evaluate,
                      PredictionClient::Kind::Importance, PredictionClient::Kind::Row})
        client_->forget(kind);
    predictions_.reset();
    evaluation_.reset();
    importance_.reset();
    rowExplanation_.reset();
    autoEvaluated_ = false;
    autoImportance_ = false;
    model_->clearPredictions();
    showPredictionSummary();
    showEvaluation();
    showImportance();
    showRowExplanation();
    updateEvaluateControls();
    updateExplainControls();
    updateBusy();
}

void PredictView::startPredict() {
    if (!version_ || !table_) return;
    client_->predict(version_, table_, tableName_);
    updateBusy();
}

void PredictView::maybeAutoRun() {
    if (!version_) return;
    if (mode() == Mode::Evaluate && hasTarget() && !evaluation_ && !autoEvaluated_) {
        autoEvaluated_ = true;
        evaluate();
    }
    if (mode() == Mode::Explain) {
        if (!importance_ && !autoImportance_ && methodCombo_->isEnabled() &&
            (table_ || hasTrees())) {
            autoImportance_ = true;
            computeImportance();
        }
        const int row = selectedRow();
        if (row >= 0 && table_ &&
            (!rowExplanation_ || rowExplanation_->tableRow != static_cast<std::size_t>(row)))
            explainRow(row);
    }
}

void PredictView::onPredicted(PredictionsPtr predictions) {
    predictions_ = std::move(predictions);
    model_->setPredictions(predictions_, version_->model.classes, version_->model.target);
    for (int c = 0; c < model_->firstDataColumn(); ++c) tableView_->resizeColumnToContents(c);
    tableView_->horizontalScrollBar()->setValue(0);
    showPredictionSummary();
    updateBusy();
    emit predictionsShown();
}

void PredictView::updateModelInfo() {
    if (!version_) {
        modelInfo_->setText(tr("Choose a saved model above, then open data to predict on."));
        return;
    }
    const ModelVersion& v = version_->info;
    const TrainedModel& m = version_->model;
    QStringList features;
    for (const FeatureInfo& f : m.schema.features) features << text(f.name);
    QString info =
        tr("<b>Version #%1</b> %2<br>Learner: %3<br>Task: %4, target <b>%5</b>")
            .arg(v.id)
            .arg(v.name.empty() ? QString() : text(v.name).toHtmlEscaped(), text(v.learner),
                 text(std::string(taskName(m.task))), text(m.target).toHtmlEscaped());
    if (m.task == TaskKind::Classification) {
        QStringList classes;
        for (const std::string& c : m.classes) classes << text(c);
        info += tr("<br>Classes: %1").arg(classes.join(QStringLiteral(", ")).toHtmlEscaped());
    }
    info += tr("<br>Features (%1): %2")
                .arg(features.size())
                .arg(features.join(QStringLiteral(", ")).toHtmlEscaped());
    info += tr("<br>Created %1").arg(text(v.created));
    modelInfo_->setText(info);
}

void PredictView::showPredictionSummary() {
    summaryTable_->setRowCount(0);
    if (!predictions_ || !version_) {
        summaryLabel_->setText(version_ && !table_ ? tr("Open data to see its predictions.")
                                                   : QString());
        summaryTable_->setVisible(false);
        return;
    }
    const Predictions& p = *predictions_;
    if (p.task == TaskKind::Regression) {
        double sum = 0, lo = INFINITY, hi = -INFINITY;
        for (double v : p.values) {
            sum += v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        summaryLabel_->setText(tr("<b>%Ln rows predicted</b><br>mean %1, min %2, max %3", nullptr,
                                  static_cast<int>(p.rows))
                                   .arg(number(p.rows ? sum / static_cast<double>(p.rows) : NAN),
                                        number(lo), number(hi)));
        summaryTable_->setVisible(false);
        return;
    }
    std::vector<std::size_t> counts(p.classCount, 0);
    for (std::size_t r = 0; r < p.rows; ++r)
        ++counts[static_cast<std::size_t>(p.predictedClass(r))];
    summaryLabel_->setText(tr("<b>%Ln rows predicted</b>", nullptr, static_cast<int>(p.rows)));
    summaryTable_->setRowCount(static_cast<int>(counts.size()));
    for (std::size_t c = 0; c < counts.size(); ++c) {
        const int row = static_cast<int>(c);
        summaryTable_->setItem(row, 0, item(text(version_->model.classes[c])));
        summaryTable_->setItem(row, 1,
                               item(QLocale().toString(static_cast<qulonglong>(counts[c])), true));
        summaryTable_->setItem(
            row, 2,
            item(p.rows ? QLocale().toString(
                              100.0 * static_cast<double>(counts[c]) / static_cast<double>(p.rows),
                              'f', 1) +
                              QStringLiteral(" %")
                        : QString(),
                 true));
    }
    fitHeight(summaryTable_, 12);
    summaryTable_->setVisible(true);
}

// ---- evaluate ----

void PredictView::updateEvaluateControls() {
    const bool binary = version_ && version_->model.task == TaskKind::Classification &&
                        version_->model.classes.size() == 2;
    decisionCheck_->setVisible(binary);
    decisionSpin_->setVisible(binary);
    if (binary)
        decisionCheck_->setText(
            tr("Predict %1 when its probability ≥").arg(text(version_->model.classes[1])));
    evaluateButton_->setEnabled(hasTarget());
    if (!version_)
        evaluateInfo_->setText(tr("Choose a saved model to evaluate."));
    else if (!table_)
        evaluateInfo_->setText(tr("Open labelled data (with the column \"%1\") to evaluate the "
                                  "model on it.")
                                   .arg(text(version_->model.target)));
    else if (!hasTarget())
        evaluateInfo_->setText(tr("The data has no column \"%1\" (the model's target): it "
                                  "cannot be evaluated on it.")
                                   .arg(text(version_->model.target)));
    else if (!evaluation_)
        evaluateInfo_->setText(
            tr("Evaluate scores the model on the labelled rows and keeps "
               "the result in the model history."));
}

void PredictView::evaluate() {
    if (!version_ || !table_) {
        showError(tr("Choose a model and open labelled data first."));
        return;
    }
    std::optional<double> threshold;
    if (version_->model.classes.size() == 2 && decisionCheck_->isChecked())
        threshold = decisionSpin_->value();
    client_->evaluate(version_, table_, tableName_, threshold, true);
    updateBusy();
}

void PredictView::onEvaluated(EvaluationPtr evaluation) {
    evaluation_ = std::move(evaluation);
    showEvaluation();
    updateBusy();
    if (!evaluation_->historyError.isEmpty())
        showError(tr("The evaluation could not be kept in the model history: %1")
                      .arg(evaluation_->historyError));
    emit evaluationShown();
}

void PredictView::showEvaluation() {
    const bool shown = evaluation_ && version_;
    metricsLabel_->setVisible(shown);
    metricsTable_->setVisible(shown);
    const bool classification = shown && version_->model.task == TaskKind::Classification;
    perClassLabel_->setVisible(classification);
    perClassTable_->setVisible(classification);
    confusionLabel_->setVisible(classification);
    confusionTable_->setVisible(classification);
    if (!shown) {
        updateEvaluateControls();
        updateAlert();
        return;
    }
    const EvaluationResult& e = *evaluation_;
    QString info = tr("Scored on %Ln labelled rows", nullptr, static_cast<int>(e.rows));
    if (e.skippedRows > 0)
        info += tr(" (%Ln skipped: target missing or a class the model does not know)", nullptr,
                   static_cast<int>(e.skippedRows));
    info += QStringLiteral(". ");
    if (e.evaluationId)
        info += tr("Kept in the history as evaluation #%1 of version #%2.")
                    .arg(*e.evaluationId)
                    .arg(e.version);
    evaluateInfo_->setText(info);

    metricsTable_->setRowCount(static_cast<int>(e.scores.values.size()));
    for (std::size_t i = 0; i < e.scores.values.size(); ++i) {
        const auto& [name, value] = e.scores.values[i];
        metricsTable_->setItem(static_cast<int>(i), 0, item(text(name)));
        metricsTable_->setItem(static_cast<int>(i), 1, item(number(value), true));
    }
    fitHeight(metricsTable_, 14);

    if (classification) {
        const std::vector<std::string>& classes = version_->model.classes;
        perClassTable_->setRowCount(static_cast<int>(e.scores.perClass.size()));
        for (std::size_t c = 0; c < e.scores.perClass.size(); ++c) {
            const ClassScores& s = e.scores.perClass[c];
            const int row = static_cast<int>(c);
            perClassTable_->setItem(row, 0, item(text(classes[c])));
            perClassTable_->setItem(row, 1, item(number(s.precision), true));
            perClassTable_->setItem(row, 2, item(number(s.recall), true));
            perClassTable_->setItem(row, 3, item(number(s.f1), true));
            perClassTable_->setItem(
                row, 4, item(QLocale().toString(static_cast<qulonglong>(s.support)), true));
        }
        fitHeight(perClassTable_, 10);

        const int n = static_cast<int>(e.scores.confusion.size());
        confusionTable_->setRowCount(n);
        confusionTable_->setColumnCount(n);
        QStringList names;
        for (const std::string& c : classes) names << text(c);
        confusionTable_->setHorizontalHeaderLabels(names);
        confusionTable_->setVerticalHeaderLabels(names);
        for (int t = 0; t < n; ++t)
            for (int p = 0; p < n; ++p) {
                const std::size_t count =
                    e.scores.confusion[static_cast<std::size_t>(t)][static_cast<std::size_t>(p)];
                auto* cell = item(QLocale().toString(static_cast<qulonglong>(count)), true);
                if (t == p && count > 0)
                    cell->setBackground(QColor(200, 230, 201));
                else if (count > 0)
                    cell->setBackground(QColor(255, 205, 210));
                confusionTable_->setItem(t, p, cell);
            }
        fitHeight(confusionTable_, 10);
    }
    updateAlert();
}

void PredictView::updateAlertComparator() {
    const QString metric = metricCombo_->currentText();
    const bool lower = !metric.isEmpty() && lowerIsBetter(metric.toStdString());
    comparatorLabel_->setText(lower ? tr("is above") : tr("is below"));
    metricCombo_->setToolTip(lower ? tr("Lower is better for this metric")
                                   : tr("Higher is better for this metric"));
}

void PredictView::updateAlert() {
    alertBanner_->hide();
    if (!evaluation_ || !alertCheck_->isChecked() || metricCombo_->currentIndex() < 0) return;
    const QString metric = metricCombo_->currentText();
    const std::optional<double> value = evaluation_->scores.get(metric.toStdString());
    if (!value || !std::isfinite(*value)) return;
    const double threshold = alertSpin_->value();
    const bool lower = lowerIsBetter(metric.toStdString());
    if (lower ? !(*value > threshold) : !(*value < threshold)) return;
    alertBanner_->setText((lower ? tr("⚠  Alert: %1 = %2 is above the threshold %3 on this data.")
                                 : tr("⚠  Alert: %1 = %2 is below the threshold %3 on this data."))
                              .arg(metric, number(*value), number(threshold)));
    alertBanner_->show();
}

// ---- explain ----

void PredictView::updateExplainControls() {
    const bool trees = hasTrees();
    auto* items = methodCombo_;
    // Impurity importance exists only for tree models; permutation needs the target.
    const bool permutation = hasTarget();
    {
        const QSignalBlocker blocker(items);
        if (!permutation && trees) items->setCurrentIndex(1);
        if (permutation && !trees) items->setCurrentIndex(0);
    }
    methodCombo_->setEnabled(version_ && (permutation || trees));
    importanceButton_->setEnabled(version_ && (permutation || trees));
    if (!importance_) {
        if (!version_)
            importanceInfo_->setText(tr("Choose a saved model to explain."));
        else if (!permutation && !trees)
            importanceInfo_->setText(tr("Permutation importance needs labelled data (with the "
                                        "column \"%1\").")
                                         .arg(text(version_->model.target)));
        else
            importanceInfo_->setText(QString());
    }
}

void PredictView::computeImportance() {
    if (!version_) {
        showError(tr("Choose a saved model first."));
        return;
    }
    const auto method = static_cast<ImportanceMethod>(methodCombo_->currentData().toInt());
    client_->importance(version_, table_, tableName_, method);
    updateBusy();
}

void PredictView::onImportance(ImportancePtr importance) {
    importance_ = std::move(importance);
    showImportance();
    updateBusy();
    emit importanceShown();
}

void PredictView::showImportance() {
    importanceTable_->setVisible(static_cast<bool>(importance_));
    if (!importance_) {
        importanceTable_->setRowCount(0);
        if (version_) updateExplainControls();
        return;
    }
    const ImportanceResult& r = importance_->result;
    const bool permutation = r.method == "permutation";
    if (permutation)
        importanceInfo_->setText(
            tr("<b>Permutation importance</b>: the drop in %1 when a feature's values are "
               "shuffled (%2 repeats on %Ln rows; %1 unshuffled: %3).",
               nullptr, static_cast<int>(r.rows))
                .arg(text(r.metric))
                .arg(r.repeats)
                .arg(number(r.baseline)));
    else
        importanceInfo_->setText(r.method == "gain"
                                     ? tr("<b>Total gain</b> of each feature's splits, "
                                          "normalized to sum 1.")
                                     : tr("<b>Mean decrease in impurity</b> of each feature's "
                                          "splits, normalized to sum 1."));
    importanceTable_->setColumnHidden(2, !permutation);
    importanceTable_->setRowCount(static_cast<int>(r.features.size()));
    for (std::size_t i = 0; i < r.features.size(); ++i) {
        const FeatureImportance& f = r.features[i];
        const int row = static_cast<int>(i);
        importanceTable_->setItem(row, 0, item(text(f.name)));
        importanceTable_->setItem(row, 1, item(number(f.value), true));
        importanceTable_->setItem(row, 2, item(QStringLiteral("± ") + number(f.std), true));
    }
    fitHeight(importanceTable_, 10);
}

void PredictView::explainRow(int row) {
    if (!version_ || !table_ || row < 0) return;
    client_->explainRow(version_, table_, tableName_, static_cast<qulonglong>(row));
    updateBusy();
}

void PredictView::onRowExplained(RowExplanationPtr explanation) {
    rowExplanation_ = std::move(explanation);
    const ShapValues& shap = rowExplanation_->shap;
    {
        // The predicted class (the largest output), as the CLI explains it.
        const QSignalBlocker blocker(shapClassCombo_);
        const int keep = shapClassCombo_->currentIndex();
        shapClassCombo_->clear();
        std::size_t best = 0;
        for (std::size_t o = 0; o < shap.outputs; ++o) {
            if (shap.prediction[o] > shap.prediction[best]) best = o;
            shapClassCombo_->addItem(version_->model.task == TaskKind::Classification
                                         ? tr("class %1").arg(text(version_->model.classes[o]))
                                         : tr("the predicted value"));
        }
        Q_UNUSED(keep);
        shapClassCombo_->setCurrentIndex(static_cast<int>(best));
    }
    showRowExplanation();
    updateBusy();
    emit rowExplanationShown(static_cast<int>(rowExplanation_->tableRow));
}

void PredictView::showRowExplanation() {
    const bool shown = rowExplanation_ && version_ && shapClassCombo_->currentIndex() >= 0;
    shapTable_->setVisible(shown);
    shapSum_->setVisible(shown);
    shapClassLabel_->setVisible(shown);
    shapClassCombo_->setVisible(shown);
    if (!shown) {
        shapTable_->setRowCount(0);
        shapInfo_->setText(version_ && table_
                               ? tr("<b>SHAP values</b>: select a row in the table to see how "
                                    "each feature moved its prediction.")
                               : QString());
        return;
    }
    const ShapValues& shap = rowExplanation_->shap;
    const auto output = static_cast<std::size_t>(shapClassCombo_->currentIndex());
    shapInfo_->setText(tr("<b>SHAP values of row %1</b> (%2 SHAP, %3 output): each feature's "
                          "contribution, largest first.")
                           .arg(rowExplanation_->tableRow + 1)
                           .arg(text(shap.method), text(shap.output)));
    const std::vector<FeatureContribution> ranked = sortedContributions(shap, 0, output);
    shapTable_->setRowCount(static_cast<int>(ranked.size()));
    double sum = 0;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const FeatureContribution& c = ranked[i];
        const int row = static_cast<int>(i);
        sum += c.value;
        shapTable_->setItem(row, 0, item(text(version_->model.schema.features[c.feature].name)));
        shapTable_->setItem(row, 1, item(text(rowExplanation_->featureValues[c.feature])));
        auto* contribution =
            item((c.value > 0 ? QStringLiteral("+") : QString()) + number(c.value), true);
        contribution->setForeground(c.value >= 0 ? QColor(21, 101, 192) : QColor(198, 40, 40));
        shapTable_->setItem(row, 2, contribution);
    }
    fitHeight(shapTable_, 12);
    shapSum_->setText(tr("Base value %1 + contributions %2 = %3 (the model's %4)")
                          .arg(number(shap.base[output]), number(sum),
                               number(shap.prediction[output]), text(shap.output)));
}

// ---- export, busy, errors ----

QString PredictView::kindText(PredictionClient::Kind kind) const {
    switch (kind) {
        case PredictionClient::Kind::Versions:
            return tr("Listing the saved models…");
        case PredictionClient::Kind::Version:
            return tr("Loading the model…");
        case PredictionClient::Kind::Read:
            return tr("Reading the data…");
        case PredictionClient::Kind::Predict:
            return tr("Predicting…");
        case PredictionClient::Kind::Evaluate:
            return tr("Evaluating…");
        case PredictionClient::Kind::Importance:
            return tr("Computing feature importance…");
        case PredictionClient::Kind::Row:
            return tr("Computing SHAP values…");
        case PredictionClient::Kind::Export:
            return tr("Exporting…");
    }
    return {};
}

void PredictView::chooseExportFile() {
    if (!predictions_) {
        showError(tr("There are no predictions to export yet."));
        return;
    }
    const QString suggested = QFileInfo(tableName_).isFile()
                                  ? QFileInfo(tableName_)
                                        .absoluteDir()
                                        .filePath(QFileInfo(tableName_).completeBaseName() +
                                                  QStringLiteral("-predictions.csv"))
                                  : QStringLiteral("predictions.csv");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Predictions"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty()) exportCsv(path);
}

void PredictView::exportCsv(const QString& path) {
    if (!predictions_ || !version_ || !table_) {
        showError(tr("There are no predictions to export yet."));
        return;
    }
    client_->exportCsv(version_, table_, predictions_, path);
    updateBusy();
}

void PredictView::cancel() {
    for (auto kind : {PredictionClient::Kind::Read, PredictionClient::Kind::Predict,
                      PredictionClient::Kind::Evaluate, PredictionClient::Kind::Importance,
                      PredictionClient::Kind::Row, PredictionClient::Kind::Export})
        client_->cancelKind(kind);
}

void PredictView::onFailed(int id, const QString& message) {
    Q_UNUSED(id);
    updateBusy();
    showError(message);
}

void PredictView::updateBusy() {
    const bool busy = client_->isBusy();
    progressBar_->setVisible(busy);
    cancelButton_->setVisible(busy);
    stageLabel_->setVisible(busy);
    statusLabel_->setVisible(!busy && !statusLabel_->text().isEmpty());
    if (const auto kind = client_->oldestRunning())
        stageLabel_->setText(kindText(*kind));
    else
        progressBar_->setValue(0);
    exportButton_->setEnabled(static_cast<bool>(predictions_));
    updateEvaluateControls();
    updateExplainControls();
    emit busyChanged(busy);
}

QByteArray PredictView::saveState() const {
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << kStateMagic << splitter_->saveState() << alertCheck_->isChecked()
        << metricCombo_->currentText() << alertSpin_->value() << modes_->currentIndex();
    return state;
}

void PredictView::restoreState(const QByteArray& state) {
    QDataStream in(state);
    quint32 magic = 0;
    QByteArray splitter;
    bool alert = true;
    QString metric;
    double threshold = 0.9;
    int mode = 0;
    in >> magic >> splitter >> alert >> metric >> threshold >> mode;
    if (in.status() != QDataStream::Ok || magic != kStateMagic) return;
    splitter_->restoreState(splitter);
    alertCheck_->setChecked(alert);
    alertSpin_->setValue(threshold);
    const int index = metricCombo_->findText(metric);
    if (index >= 0) metricCombo_->setCurrentIndex(index);
    if (mode >= 0 && mode < modes_->count()) modes_->setCurrentIndex(mode);
}

}  // namespace glassbox::gui
