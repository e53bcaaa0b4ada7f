#include "widgets/runs_view.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "engine/metric_direction.h"
#include "widgets/confusion_matrix_view.h"
#include "widgets/run_details.h"
#include "widgets/runs_model.h"

namespace glassbox::gui {
namespace {

// Every metric any of `runs` has, classification ones first, in the engine's order.
std::vector<std::string> metricUnion(
    const std::vector<std::shared_ptr<const TrainingOutcome>>& runs) {
    std::vector<std::string> names;
    for (TaskKind task : {TaskKind::Classification, TaskKind::Regression})
        for (const std::string& name : scoreNames(task))
            for (const auto& run : runs)
                if (run->run.metrics.get(name)) {
                    names.push_back(name);
                    break;
                }
    return names;
}

}  // namespace

RunsView::RunsView(QWidget* parent)
    : QWidget(parent),
      model_(new RunsModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)),
      comparisonPanel_(new QWidget(this)),
      comparisonTitle_(new QLabel(comparisonPanel_)),
      comparison_(new QTableWidget(comparisonPanel_)),
      details_(new RunDetails(this)),
      splitter_(new QSplitter(Qt::Vertical, this)),
      topSplitter_(new QSplitter(Qt::Horizontal, this)),
      removeAction_(new QAction(this)) {
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(RunsModel::SortRole);

    table_->setObjectName(QStringLiteral("runsTable"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(0, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setShowGrid(false);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->horizontalHeader()->setHighlightSections(false);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);

    removeAction_->setObjectName(QStringLiteral("removeRun"));
    removeAction_->setShortcut(QKeySequence::Delete);
    removeAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    removeAction_->setEnabled(false);
    table_->addAction(removeAction_);
    connect(removeAction_, &QAction::triggered, this, &RunsView::removeSelectedRuns);

    comparison_->setObjectName(QStringLiteral("comparisonTable"));
    comparison_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    comparison_->setSelectionMode(QAbstractItemView::NoSelection);
    comparison_->setAlternatingRowColors(true);
    comparison_->setWordWrap(false);
    comparison_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    comparison_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    comparison_->horizontalHeader()->setHighlightSections(false);
    QFont bold = comparisonTitle_->font();
    bold.setBold(true);
    comparisonTitle_->setFont(bold);
    auto* comparisonLayout = new QVBoxLayout(comparisonPanel_);
    comparisonLayout->setContentsMargins(0, 0, 0, 0);
    comparisonLayout->addWidget(comparisonTitle_);
    comparisonLayout->addWidget(comparison_, 1);
    comparisonPanel_->setObjectName(QStringLiteral("comparisonPanel"));
    comparisonPanel_->hide();

    topSplitter_->addWidget(table_);
    topSplitter_->addWidget(comparisonPanel_);
    topSplitter_->setStretchFactor(0, 3);
    topSplitter_->setStretchFactor(1, 2);
    topSplitter_->setChildrenCollapsible(false);
    splitter_->setObjectName(QStringLiteral("runsSplitter"));
    splitter_->addWidget(topSplitter_);
    splitter_->addWidget(details_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 3);
    // A few runs need little room; the details need most of it.
    splitter_->setSizes({200, 600});
    splitter_->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter_);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunsView::onCurrentChanged);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunsView::updateComparison);
    // Rows removed or sorted away change the selection without selectionChanged.
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, &RunsView::updateComparison);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &RunsView::updateComparison);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &RunsView::onCurrentChanged);
    connect(details_->confusionMatrix(), &ConfusionMatrixView::cellActivated, this,
            [this](int truthClass, int predictedClass) {
                if (const auto& outcome = details_->outcome())
                    emit rowsSelectionRequested(outcome->tableRowsIn(truthClass, predictedClass));
            });
    retranslate();
}

void RunsView::addRun(std::shared_ptr<const TrainingOutcome> outcome) {
    if (!outcome) return;
    const int row = model_->addRun(std::move(outcome));
    table_->resizeColumnsToContents();
    const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
    table_->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table_->scrollTo(index);
}

void RunsView::removeSelectedRuns() {
    std::vector<int> rows;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows())
        rows.push_back(proxy_->mapToSource(index).row());
    std::sort(rows.rbegin(), rows.rend());
    for (int row : rows) model_->removeRun(row);
    const QModelIndex current = table_->currentIndex();
    if (current.isValid())
        table_->selectionModel()->select(
            current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    onCurrentChanged();
    updateComparison();
}

void RunsView::clear() {
    model_->clear();
    onCurrentChanged();
}

std::shared_ptr<const TrainingOutcome> RunsView::currentRun() const {
    const QModelIndex current = table_->currentIndex();
    if (!current.isValid()) return nullptr;
    return model_->run(proxy_->mapToSource(current).row());
}

std::vector<std::shared_ptr<const TrainingOutcome>> RunsView::selectedRuns() const {
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    std::vector<std::shared_ptr<const TrainingOutcome>> runs;
    for (const QModelIndex& index : rows)
        if (auto run = model_->run(proxy_->mapToSource(index).row())) runs.push_back(run);
    return runs;
}

void RunsView::onCurrentChanged() {
    auto current = currentRun();
    removeAction_->setEnabled(model_->runCount() > 0);
    if (current == shown_) return;
    shown_ = current;
    details_->setOutcome(current);
    emit currentRunChanged(current);
}

void RunsView::updateComparison() {
    const auto runs = selectedRuns();
    removeAction_->setEnabled(!runs.empty());
    comparisonPanel_->setVisible(runs.size() >= 2);
    if (runs.size() < 2) {
        comparison_->clear();
        comparison_->setRowCount(0);
        comparison_->setColumnCount(0);
        return;
    }
    comparisonTitle_->setText(
        tr("Comparing %n run(s) (best in bold)", nullptr, static_cast<int>(runs.size())));
    const std::vector<std::string> metrics = metricUnion(runs);
    comparison_->clear();
    comparison_->setRowCount(static_cast<int>(metrics.size()));
    comparison_->setColumnCount(static_cast<int>(runs.size()));
    for (int c = 0; c < static_cast<int>(runs.size()); ++c) {
        const TrainingOutcome& run = *runs[static_cast<std::size_t>(c)];
        const int number = model_->runNumber(model_->rowOf(&run));
        auto* header = new QTableWidgetItem(
            tr("#%1 %2").arg(number).arg(QString::fromStdString(run.run.trained.learner)));
        QStringList params;
        for (const auto& [name, value] : run.run.trained.params.all())
            params << QString::fromStdString(name + "=" + value);
        header->setToolTip(
            QString::fromStdString(run.run.trained.target + ", " + run.run.validation) +
            QLatin1Char('\n') + params.join(QStringLiteral(", ")));
        comparison_->setHorizontalHeaderItem(c, header);
    }
    for (int r = 0; r < static_cast<int>(metrics.size()); ++r) {
        const std::string& metric = metrics[static_cast<std::size_t>(r)];
        const bool lower = lowerIsBetter(metric);
        auto* header = new QTableWidgetItem(QString::fromStdString(metric) +
                                            (lower ? QStringLiteral(" ↓") : QStringLiteral(" ↑")));
        header->setToolTip(lower ? tr("Lower is better") : tr("Higher is better"));
        comparison_->setVerticalHeaderItem(r, header);
        std::optional<double> best;
        int measured = 0;
        for (const auto& run : runs) {
            const auto value = run->run.metrics.get(metric);
            if (!value || std::isnan(*value)) continue;
            ++measured;
            if (!best || isBetterScore(metric, *value, *best)) best = *value;
        }
        for (int c = 0; c < static_cast<int>(runs.size()); ++c) {
            const auto value = runs[static_cast<std::size_t>(c)]->run.metrics.get(metric);
            auto* item = new QTableWidgetItem(value ? formatMetric(*value) : QStringLiteral("–"));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (value && measured >= 2 && best && *value == *best) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            comparison_->setItem(r, c, item);
        }
    }
    comparison_->resizeColumnsToContents();
    growTopForComparison();
}

void RunsView::growTopForComparison() {
    // The comparison lists every metric: give it the room when the runs table is short.
    const int wanted =
        comparisonTitle_->sizeHint().height() +
        comparison_->horizontalHeader()->sizeHint().height() +
        comparison_->rowCount() * comparison_->verticalHeader()->defaultSectionSize() +
        2 * comparison_->frameWidth() + 8;
    QList<int> sizes = splitter_->sizes();
    if (sizes.size() != 2 || sizes[0] >= wanted || sizes[0] + sizes[1] < 2 * wanted) return;
    sizes[1] -= wanted - sizes[0];
    sizes[0] = wanted;
    splitter_->setSizes(sizes);
}

void RunsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void RunsView::retranslate() {
    removeAction_->setText(tr("&Remove from List"));
    removeAction_->setToolTip(
        tr("Remove the selected runs from this session's list (the model history keeps them)"));
    model_->retranslate();
    updateComparison();
}

}  // namespace glassbox::gui
