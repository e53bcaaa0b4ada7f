#include "widgets/history_view.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "engine/metric_direction.h"
#include "widgets/history_client.h"
#include "widgets/history_filter_model.h"
#include "widgets/history_model.h"
#include "widgets/metric_series_chart.h"
#include "widgets/version_compare_view.h"
#include "widgets/version_details_view.h"

namespace glassbox::gui {
namespace {

const QString kGroup = QStringLiteral("history");
const QString kExportSuffix = QStringLiteral("gbv");
constexpr int kMaxInitialColumnWidth = 260;

bool askQuestion(QWidget* parent, const QString& title, const QString& question) {
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) == QMessageBox::Yes;
}

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

HistoryView::HistoryView(const QString& registryPath, QWidget* parent)
    : QWidget(parent),
      client_(new HistoryClient(registryPath, this)),
      model_(new HistoryModel(this)),
      proxy_(new HistoryFilterModel(this)),
      confirm_(askQuestion) {
    proxy_->setSourceModel(model_);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    toolbar_ = new QToolBar(this);
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar_->setObjectName(QStringLiteral("historyToolBar"));
    layout->addWidget(toolbar_);

    auto* filters = new QHBoxLayout;
    filterLabel_ = new QLabel(this);
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("historyFilter"));
    filter_->setClearButtonEnabled(true);
    filterLabel_->setBuddy(filter_);
    learnerLabel_ = new QLabel(this);
    learnerBox_ = new QComboBox(this);
    learnerBox_->setObjectName(QStringLiteral("learnerFilter"));
    targetLabel_ = new QLabel(this);
    targetBox_ = new QComboBox(this);
    targetBox_->setObjectName(QStringLiteral("targetFilter"));
    stageLabel_ = new QLabel(this);
    stageBox_ = new QComboBox(this);
    stageBox_->setObjectName(QStringLiteral("stageFilter"));
    for (QComboBox* box : {learnerBox_, targetBox_, stageBox_})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    stageBox_->addItem(QString(), QString());
    for (Stage s : {Stage::None, Stage::Staging, Stage::Production, Stage::Archived})
        stageBox_->addItem(QString(), QString::fromUtf8(stageName(s)));
    filters->addWidget(filterLabel_);
    filters->addWidget(filter_, 1);
    filters->addSpacing(8);
    filters->addWidget(learnerLabel_);
    filters->addWidget(learnerBox_);
    filters->addWidget(targetLabel_);
    filters->addWidget(targetBox_);
    filters->addWidget(stageLabel_);
    filters->addWidget(stageBox_);
    layout->addLayout(filters);

    mainSplitter_ = new QSplitter(Qt::Horizontal, this);
    mainSplitter_->setObjectName(QStringLiteral("historyMainSplitter"));
    leftSplitter_ = new QSplitter(Qt::Vertical, mainSplitter_);
    leftSplitter_->setObjectName(QStringLiteral("historyLeftSplitter"));
    table_ = new QTableView(leftSplitter_);
    table_->setObjectName(QStringLiteral("historyTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->setVisible(false);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSortIndicator(HistoryModel::IdColumn, Qt::DescendingOrder);
    bottomTabs_ = new QTabWidget(leftSplitter_);
    bottomTabs_->setObjectName(QStringLiteral("historyBottomTabs"));
    chart_ = new MetricSeriesChart(bottomTabs_);
    compare_ = new VersionCompareView(bottomTabs_);
    bottomTabs_->addTab(chart_, QString());
    bottomTabs_->addTab(compare_, QString());
    details_ = new VersionDetailsView(mainSplitter_);
    details_->setObjectName(QStringLiteral("historyDetails"));
    details_->setMinimumWidth(280);
    leftSplitter_->setStretchFactor(0, 3);
    leftSplitter_->setStretchFactor(1, 2);
    mainSplitter_->setStretchFactor(0, 3);
    mainSplitter_->setStretchFactor(1, 2);
    layout->addWidget(mainSplitter_, 1);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("historyStatus"));
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);
    layout->addWidget(status_);

    createActions();

    connect(client_, &HistoryClient::versionsListed, this, &HistoryView::onVersionsListed);
    connect(client_, &HistoryClient::detailsReady, this, &HistoryView::onDetails);
    connect(client_, &HistoryClient::comparisonReady, this, &HistoryView::onComparison);
    connect(client_, &HistoryClient::seriesReady, this, &HistoryView::onSeries);
    connect(client_, &HistoryClient::failed, this, &HistoryView::onFailed);
    connect(client_, &HistoryClient::exported, this, [this](qint64 id, const QString& file) {
        updateStatus(tr("Version %1 exported to %2.").arg(id).arg(QDir::toNativeSeparators(file)));
        emit exported(id, file);
    });
    connect(client_, &HistoryClient::imported, this, [this](qint64 id, const QString& file) {
        pendingSelect_ = id;
        updateStatus(tr("%1 imported as version %2.").arg(QDir::toNativeSeparators(file)).arg(id));
        emit imported(id, file);
    });

    connect(filter_, &QLineEdit::textChanged, this, &HistoryView::applyFilters);
    for (QComboBox* box : {learnerBox_, targetBox_, stageBox_})
        connect(box, &QComboBox::currentIndexChanged, this, &HistoryView::applyFilters);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryView::onCurrentChanged);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryView::updateActions);
    connect(table_->horizontalHeader(), &QHeaderView::sectionResized, this,
            [this](int column, int, int width) {
                if (!autoSizing_ && listedOnce_ && column != model_->createdColumn())
                    columnWidths_.insert(model_->columnKey(column), width);
            });
    connect(table_->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (restoring_) return;
                sortKey_ = model_->columnKey(column);
                sortOrder_ = order;
            });

    connect(details_, &VersionDetailsView::stageChosen, this,
            [this](qint64 id, Stage stage) { client_->setStage(id, stage); });
    connect(details_, &VersionDetailsView::notesSaved, this,
            [this](qint64 id, const QString& notes) { client_->setNotes(id, notes); });
    connect(details_, &VersionDetailsView::tagAdded, this,
            [this](qint64 id, const QString& tag) { client_->addTag(id, tag); });
    connect(details_, &VersionDetailsView::tagRemoved, this,
            [this](qint64 id, const QString& tag) { client_->removeTag(id, tag); });
    connect(details_, &VersionDetailsView::versionActivated, this, &HistoryView::selectVersion);
    connect(chart_, &MetricSeriesChart::metricChosen, this, [this](const QString& metric) {
        chartMetric_ = metric;
        requestSeries();
    });
    connect(chart_, &MetricSeriesChart::versionClicked, this, &HistoryView::selectVersion);

    restoreSettings();
    retranslate();
    updateActions();
    updateStatus();
}

HistoryView::~HistoryView() {
    saveSettings();
}

QString HistoryView::registryPath() const {
    return client_->registryPath();
}

void HistoryView::createActions() {
    auto make = [this](const char* name) {
        auto* action = new QAction(this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        toolbar_->addAction(action);
        return action;
    };
    refreshAction_ = make("historyRefresh");
    refreshAction_->setShortcut(QKeySequence::Refresh);
    connect(refreshAction_, &QAction::triggered, this, &HistoryView::refresh);
    compareAction_ = make("historyCompare");
    compareAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(compareAction_, &QAction::triggered, this, &HistoryView::compareSelected);
    toolbar_->addSeparator();
    predictAction_ = make("historyPredict");
    evaluateAction_ = make("historyEvaluate");
    explainAction_ = make("historyExplain");
    const std::pair<QAction*, QString> opens[] = {{predictAction_, QStringLiteral("predict")},
                                                  {evaluateAction_, QStringLiteral("evaluate")},
                                                  {explainAction_, QStringLiteral("explain")}};
    for (const auto& [action, name] : opens)
        connect(action, &QAction::triggered, this, [this, what = name] {
            if (const qint64 id = currentVersion()) emit openVersionRequested(id, what);
        });
    toolbar_->addSeparator();
    exportAction_ = make("historyExport");
    connect(exportAction_, &QAction::triggered, this, &HistoryView::exportCurrent);
    importAction_ = make("historyImport");
    connect(importAction_, &QAction::triggered, this, &HistoryView::importFile);
    toolbar_->addSeparator();
    deleteAction_ = make("historyDelete");
    // Only in the table: Delete in the notes or the filter edits text.
    removeAction(deleteAction_);
    table_->addAction(deleteAction_);
    deleteAction_->setShortcutContext(Qt::WidgetShortcut);
    deleteAction_->setShortcut(QKeySequence::Delete);
    connect(deleteAction_, &QAction::triggered, this, &HistoryView::deleteCurrent);
}

void HistoryView::retranslate() {
    filterLabel_->setText(tr("&Filter:"));
    filter_->setPlaceholderText(tr("Text in any column"));
    learnerLabel_->setText(tr("Learner:"));
    targetLabel_->setText(tr("Target:"));
    stageLabel_->setText(tr("Stage:"));
    stageBox_->setItemText(0, tr("All stages"));
    for (int i = 1; i < stageBox_->count(); ++i)
        stageBox_->setItemText(i, HistoryModel::stageText(*parseStageName(
                                      stageBox_->itemData(i).toString().toStdString())));
    if (learnerBox_->count() > 0) learnerBox_->setItemText(0, tr("All learners"));
    if (targetBox_->count() > 0) targetBox_->setItemText(0, tr("All targets"));
    bottomTabs_->setTabText(0, tr("Metric over versions"));
    bottomTabs_->setTabText(1, tr("Comparison"));

    refreshAction_->setText(tr("Refresh"));
    refreshAction_->setToolTip(tr("List the versions again (F5)"));
    compareAction_->setText(tr("Compare"));
    compareAction_->setToolTip(tr("Compare the two selected versions side by side (Ctrl+D)"));
    predictAction_->setText(tr("Predict with\u2026"));
    predictAction_->setToolTip(tr("Predict new data with the current version"));
    evaluateAction_->setText(tr("Evaluate\u2026"));
    evaluateAction_->setToolTip(tr("Evaluate the current version on labelled data"));
    explainAction_->setText(tr("Explain\u2026"));
    explainAction_->setToolTip(tr("Explain the current version's predictions"));
    exportAction_->setText(tr("Export\u2026"));
    exportAction_->setToolTip(tr("Write the current version to a file"));
    importAction_->setText(tr("Import\u2026"));
    importAction_->setToolTip(tr("Add a version from an exported file"));
    deleteAction_->setText(tr("Delete"));
    deleteAction_->setToolTip(tr("Delete the current version from the history (Del)"));
    updateStatus(lastMessage_);
}

void HistoryView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        model_->retranslate();
    }
    QWidget::changeEvent(event);
}

void HistoryView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!requestedOnce_) refresh();
}

void HistoryView::setConfirmation(Confirmation confirm) {
    confirm_ = confirm ? std::move(confirm) : Confirmation(askQuestion);
}

void HistoryView::refresh() {
    requestedOnce_ = true;
    client_->refresh();
}

qint64 HistoryView::currentVersion() const {
    const QModelIndex index = table_->currentIndex();
    if (!index.isValid()) return 0;
    return index.data(HistoryModel::VersionIdRole).toLongLong();
}

QList<qint64> HistoryView::selectedVersions() const {
    QList<qint64> ids;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows())
        ids << index.data(HistoryModel::VersionIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

int HistoryView::proxyRowOf(qint64 id) const {
    const int row = model_->rowOf(id);
    if (row < 0) return -1;
    return proxy_->mapFromSource(model_->index(row, 0)).row();
}

void HistoryView::selectVersion(qint64 id) {
    selectVersions({id});
}

void HistoryView::selectVersions(const QList<qint64>& ids) {
    if (ids.isEmpty()) return;
    for (qint64 id : ids) {
        if (model_->rowOf(id) < 0) {
            pendingSelect_ = ids.front();
            return;
        }
        if (proxyRowOf(id) < 0) clearFilters();
    }
    QItemSelection selection;
    for (qint64 id : ids) {
        const int row = proxyRowOf(id);
        selection.select(proxy_->index(row, 0), proxy_->index(row, proxy_->columnCount() - 1));
    }
    QItemSelectionModel* selectionModel = table_->selectionModel();
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect);
    const QModelIndex current = proxy_->index(proxyRowOf(ids.front()), 0);
    selectionModel->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    table_->scrollTo(current);
}

void HistoryView::onVersionsListed(std::shared_ptr<const VersionList> versions) {
    const qint64 wanted = pendingSelect_ ? pendingSelect_ : currentVersion();
    pendingSelect_ = 0;
    QList<qint64> selected = selectedVersions();
    const int oldRow = table_->currentIndex().row();
    restoring_ = true;
    autoSizing_ = true;
    model_->setVersions(std::move(versions));
    updateFilterBoxes();
    restoreColumnState();
    const int sortColumn = [&] {
        for (int c = 0; c < model_->columnCount(); ++c)
            if (model_->columnKey(c) == sortKey_) return c;
        return static_cast<int>(HistoryModel::IdColumn);
    }();
    table_->sortByColumn(sortColumn, sortOrder_);

    // The same versions stay selected and current, or the row where the current one was.
    selected.removeIf([this](qint64 id) { return proxyRowOf(id) < 0; });
    int row = proxyRowOf(wanted);
    if (row < 0) row = std::min(std::max(oldRow, 0), proxy_->rowCount() - 1);
    if (row >= 0) {
        const qint64 id = proxy_->index(row, 0).data(HistoryModel::VersionIdRole).toLongLong();
        if (!selected.contains(id)) selected = {id};
        selected.removeAll(id);
        selected.prepend(id);
        selectVersions(selected);
    }
    restoring_ = false;
    autoSizing_ = false;
    listedOnce_ = true;

    if (compare_->hasComparison() &&
        (model_->rowOf(compare_->versionA()) < 0 || model_->rowOf(compare_->versionB()) < 0))
        compare_->clear();
    onCurrentChanged();
    updateActions();
    updateStatus(lastMessage_);
    emit versionsShown();
}

void HistoryView::onCurrentChanged() {
    if (restoring_) return;
    updateActions();
    const qint64 id = currentVersion();
    if (id == 0) {
        details_->clear();
        seriesVersion_ = 0;
        chart_->clear(listedOnce_ ? tr("No version selected.") : QString());
        return;
    }
    client_->requestDetails(id);
    requestSeries();
}

void HistoryView::requestSeries() {
    const ModelVersion* v = model_->versionAt(model_->rowOf(currentVersion()));
    if (!v) return;
    QStringList metrics;
    for (const auto& [name, value] : v->metrics)
        if (value) metrics << text(name);
    QString metric = chartMetric_;
    if (!metrics.contains(metric)) metric = text(defaultMetric(v->task));
    if (!metrics.contains(metric)) metric = metrics.value(0);
    chart_->setMetrics(metrics, metric);
    seriesVersion_ = v->id;
    seriesCaption_ = tr("%1 of the versions predicting \u201c%2\u201d from %3")
                         .arg(metric, text(v->target), HistoryModel::datasetText(v->dataset));
    if (metric.isEmpty()) {
        chart_->clear(tr("This version has no metric."));
        return;
    }
    client_->requestSeries(metric, text(v->target), text(v->dataset.sha256));
}

void HistoryView::onDetails(std::shared_ptr<const VersionDetails> details) {
    if (!details || details->version.id != currentVersion()) return;
    details_->showDetails(*details);
    emit detailsShown(details->version.id);
}

void HistoryView::onComparison(std::shared_ptr<const VersionComparison> comparison) {
    if (!comparison) return;
    compare_->showComparison(*comparison);
    bottomTabs_->setCurrentWidget(compare_);
    emit comparisonShown(comparison->a.id, comparison->b.id);
}

void HistoryView::onSeries(std::shared_ptr<const MetricSeries> series) {
    if (!series) return;
    chart_->showSeries(*series, seriesVersion_, seriesCaption_);
    emit seriesShown(text(series->metric));
}

void HistoryView::onFailed(const QString& message) {
    updateStatus(message);
    if (isVisible()) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Model history"), message,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    emit errorShown(message);
}

void HistoryView::compareSelected() {
    const QList<qint64> ids = selectedVersions();
    if (ids.size() != 2) return;
    compareVersions(ids[0], ids[1]);
}

void HistoryView::compareVersions(qint64 a, qint64 b) {
    client_->requestComparison(a, b);
}

void HistoryView::exportCurrent() {
    const qint64 id = currentVersion();
    if (id == 0) return;
    const QString dir = exportDir_.isEmpty() ? QDir::homePath() : exportDir_;
    QString file = QFileDialog::getSaveFileName(
        this, tr("Export version %1").arg(id),
        QDir(dir).filePath(QStringLiteral("version-%1.%2").arg(id).arg(kExportSuffix)),
        tr("Glassbox versions (*.gbv)"));
    if (file.isEmpty()) return;
    if (QFileInfo(file).suffix().isEmpty()) file += QLatin1Char('.') + kExportSuffix;
    exportDir_ = QFileInfo(file).absolutePath();
    exportVersion(id, file);
}

void HistoryView::exportVersion(qint64 id, const QString& file) {
    updateStatus(tr("Exporting version %1\u2026").arg(id));
    client_->exportVersion(id, file);
}

void HistoryView::importFile() {
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import version"), exportDir_.isEmpty() ? QDir::homePath() : exportDir_,
        tr("Glassbox versions (*.gbv);;All files (*)"));
    if (file.isEmpty()) return;
    exportDir_ = QFileInfo(file).absolutePath();
    importVersion(file);
}

void HistoryView::importVersion(const QString& file) {
    updateStatus(tr("Importing %1\u2026").arg(QDir::toNativeSeparators(file)));
    client_->importVersion(file);
}

void HistoryView::deleteCurrent() {
    const qint64 id = currentVersion();
    const ModelVersion* v = model_->versionAt(model_->rowOf(id));
    if (!v) return;
    const QString what = v->name.empty()
                             ? tr("version %1 (%2, target \u201c%3\u201d)")
                                   .arg(id)
                                   .arg(text(v->learner), text(v->target))
                             : tr("version %1 \u201c%2\u201d (%3, target \u201c%4\u201d)")
                                   .arg(id)
                                   .arg(text(v->name), text(v->learner), text(v->target));
    const QString question =
        tr("Delete %1?\n\nIts model and its evaluations are removed from the history. This "
           "cannot be undone.")
            .arg(what);
    if (!confirm_(this, tr("Delete version %1").arg(id), question)) return;
    client_->remove(id);
}

void HistoryView::updateActions() {
    const bool hasCurrent = currentVersion() != 0;
    for (QAction* a :
         {predictAction_, evaluateAction_, explainAction_, exportAction_, deleteAction_})
        a->setEnabled(hasCurrent);
    compareAction_->setEnabled(table_->selectionModel()->selectedRows().size() == 2);
}

void HistoryView::updateStatus(const QString& message) {
    lastMessage_ = message;
    QString line;
    if (listedOnce_) {
        line = proxy_->rowCount() == model_->rowCount()
                   ? tr("%n version(s)", nullptr, model_->rowCount())
                   : tr("%1 of %n version(s) shown", nullptr, model_->rowCount())
                         .arg(proxy_->rowCount());
    }
    if (!message.isEmpty())
        line += (line.isEmpty() ? QString() : QStringLiteral(" \u2014 ")) + message;
    status_->setText(line);
    status_->setToolTip(QDir::toNativeSeparators(registryPath()));
}

void HistoryView::fillFilterBox(QComboBox* box, const QStringList& values, const QString& allText) {
    const QString chosen = box->currentData().toString();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(allText, QString());
    for (const QString& value : values) box->addItem(value, value);
    // A choice no longer present stays offered so the filter does not change by itself.
    if (!chosen.isEmpty() && box->findData(chosen) < 0) box->addItem(chosen, chosen);
    box->setCurrentIndex(std::max(0, box->findData(chosen)));
}

void HistoryView::updateFilterBoxes() {
    std::set<QString> learners;
    std::set<QString> targets;
    for (const ModelVersion& v : model_->versions()) {
        learners.insert(text(v.learner));
        targets.insert(text(v.target));
    }
    fillFilterBox(learnerBox_, QStringList(learners.begin(), learners.end()), tr("All learners"));
    fillFilterBox(targetBox_, QStringList(targets.begin(), targets.end()), tr("All targets"));
}

void HistoryView::applyFilters() {
    proxy_->setText(filter_->text());
    proxy_->setLearner(learnerBox_->currentData().toString());
    proxy_->setTarget(targetBox_->currentData().toString());
    proxy_->setStage(stageBox_->currentData().toString());
    if (!restoring_ && !table_->currentIndex().isValid() && proxy_->rowCount() > 0)
        selectVersion(proxy_->index(0, 0).data(HistoryModel::VersionIdRole).toLongLong());
    updateActions();
    updateStatus(lastMessage_);
}

void HistoryView::clearFilters() {
    const bool wasRestoring = restoring_;
    restoring_ = true;
    {
        const QSignalBlocker b1(filter_), b2(learnerBox_), b3(targetBox_), b4(stageBox_);
        filter_->clear();
        learnerBox_->setCurrentIndex(0);
        targetBox_->setCurrentIndex(0);
        stageBox_->setCurrentIndex(0);
    }
    applyFilters();
    restoring_ = wasRestoring;
}

void HistoryView::restoreColumnState() {
    // Widths the user chose are kept; the other columns follow their contents.
    const bool wasSizing = autoSizing_;
    autoSizing_ = true;
    QHeaderView* header = table_->horizontalHeader();
    for (int c = 0; c < model_->columnCount(); ++c) {
        const QString key = model_->columnKey(c);
        const int width = columnWidths_.value(key).toInt();
        if (width > 0) {
            header->resizeSection(c, width);
        } else {
            table_->resizeColumnToContents(c);
            header->resizeSection(c, std::min(header->sectionSize(c), kMaxInitialColumnWidth));
        }
    }
    autoSizing_ = wasSizing;
}

void HistoryView::saveSettings() const {
    QSettings settings;
    settings.beginGroup(kGroup);
    settings.setValue(QStringLiteral("mainSplitter"), mainSplitter_->saveState());
    settings.setValue(QStringLiteral("leftSplitter"), leftSplitter_->saveState());
    settings.setValue(QStringLiteral("columnWidths"), columnWidths_);
    settings.setValue(QStringLiteral("sortColumn"), sortKey_);
    settings.setValue(QStringLiteral("sortDescending"), sortOrder_ == Qt::DescendingOrder);
    settings.setValue(QStringLiteral("chartMetric"), chartMetric_);
    settings.setValue(QStringLiteral("bottomTab"), bottomTabs_->currentIndex());
    settings.setValue(QStringLiteral("exportDir"), exportDir_);
    settings.endGroup();
}

void HistoryView::restoreSettings() {
    QSettings settings;
    settings.beginGroup(kGroup);
    if (!mainSplitter_->restoreState(settings.value(QStringLiteral("mainSplitter")).toByteArray()))
        mainSplitter_->setSizes({640, 380});
    if (!leftSplitter_->restoreState(settings.value(QStringLiteral("leftSplitter")).toByteArray()))
        leftSplitter_->setSizes({360, 260});
    columnWidths_ = settings.value(QStringLiteral("columnWidths")).toMap();
    sortKey_ = settings.value(QStringLiteral("sortColumn"), QStringLiteral("id")).toString();
    sortOrder_ = settings.value(QStringLiteral("sortDescending"), true).toBool()
                     ? Qt::DescendingOrder
                     : Qt::AscendingOrder;
    chartMetric_ = settings.value(QStringLiteral("chartMetric")).toString();
    bottomTabs_->setCurrentIndex(settings.value(QStringLiteral("bottomTab"), 0).toInt());
    exportDir_ = settings.value(QStringLiteral("exportDir")).toString();
    settings.endGroup();
}

}  // namespace glassbox::gui
