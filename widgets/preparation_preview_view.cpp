#include "widgets/preparation_preview_view.h"

#include <qcustomplot.h>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <numeric>

#include "widgets/engine_text.h"
#include "widgets/preparation_distribution_plot.h"

namespace glassbox::gui {
namespace {

QString count(std::size_t n) {
    return QLocale().toString(qulonglong(n));
}

// "150 → 148", or "150" when nothing changed.
QString beforeAfter(std::size_t before, std::size_t after) {
    if (before == after) return count(before);
    return QStringLiteral("%1 → %2").arg(count(before), count(after));
}

void setNumbers(QTreeWidgetItem* item, int column, std::size_t before, std::size_t after) {
    item->setText(column, beforeAfter(before, after));
    item->setData(column, PreparationPreviewView::kBeforeRole, qulonglong(before));
    item->setData(column, PreparationPreviewView::kAfterRole, qulonglong(after));
    item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
}

QString columnChanges(std::size_t added, std::size_t dropped) {
    QStringList parts;
    if (added > 0) parts << QStringLiteral("+%1").arg(added);
    if (dropped > 0) parts << QStringLiteral("−%1").arg(dropped);
    return parts.join(QLatin1Char(' '));
}

QString joined(const std::vector<std::string>& names) {
    QStringList out;
    for (const std::string& name : names) out << QString::fromStdString(name);
    return out.join(QStringLiteral(", "));
}

}  // namespace

PreparationPreviewView::PreparationPreviewView(QWidget* parent)
    : QWidget(parent),
      note_(new QLabel(this)),
      summary_(new QTreeWidget(this)),
      details_(new QTreeWidget(this)),
      plot_(new PreparationDistributionPlot(this)) {
    note_->setObjectName(QStringLiteral("previewNote"));
    note_->setWordWrap(true);
    summary_->setObjectName(QStringLiteral("previewSummary"));
    summary_->setColumnCount(5);
    summary_->setRootIsDecorated(false);
    summary_->setUniformRowHeights(true);
    summary_->setAlternatingRowColors(true);
    summary_->header()->setStretchLastSection(false);
    summary_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    summary_->header()->setSectionResizeMode(StepColumn, QHeaderView::Stretch);
    summary_->setMinimumHeight(60);
    details_->setObjectName(QStringLiteral("previewDetails"));
    details_->setColumnCount(2);
    details_->setRootIsDecorated(false);
    details_->setUniformRowHeights(true);
    details_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    details_->setMinimumHeight(50);
    details_->setMaximumHeight(180);
    details_->setWordWrap(true);

    splitter_ = new QSplitter(Qt::Vertical, this);
    QSplitter* splitter = splitter_;
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(summary_);
    splitter->addWidget(details_);
    splitter->addWidget(plot_);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 5);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(note_);
    layout->addWidget(splitter, 1);
    layout->addStretch(0);

    connect(summary_, &QTreeWidget::currentItemChanged, this,
            &PreparationPreviewView::selectionChanged);
    connect(plot_, &PreparationDistributionPlot::columnChosen, this,
            &PreparationPreviewView::requestDistribution);
    retranslate();
    clear(QString());
}

void PreparationPreviewView::retranslate() {
    summary_->setHeaderLabels(
        {tr("Step"), tr("Rows"), tr("Missing"), tr("Changed"), tr("Columns")});
    summary_->headerItem()->setToolTip(MissingColumn,
                                       tr("Missing cells over every column, before → after"));
    summary_->headerItem()->setToolTip(ChangedColumn, tr("Cells whose value the step changed"));
    summary_->headerItem()->setToolTip(ColumnsColumn, tr("Columns added (+) and dropped (−)"));
    details_->setHeaderLabels({tr("Detail"), tr("Value")});
    if (preview_) {
        const int selected = selectedStep();
        fillSummary();
        selectStep(selected);
    }
}

void PreparationPreviewView::clear(const QString& note) {
    preview_.reset();
    {
        const QSignalBlocker block(summary_);
        summary_->clear();
    }
    details_->clear();
    plot_->clear();
    plot_->setColumns({});
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
    splitter_->hide();  // empty tables and axes say nothing
}

void PreparationPreviewView::setPreview(const PreparationPreviewPtr& preview) {
    const int selected = selectedStep();
    const bool sameLength = preview_ && preview && preview_->steps.size() == preview->steps.size();
    preview_ = preview;
    note_->hide();
    splitter_->setVisible(preview_ != nullptr);
    fillSummary();
    if (!preview_) return;
    // The whole pipeline by default; the same line again when the steps only changed values.
    selectStep(sameLength && selected >= 0 ? selected : int(preview_->steps.size()));
}

QString PreparationPreviewView::stepName(int step) const {
    if (!preview_) return {};
    if (step >= 0 && step < int(preview_->steps.size()))
        return QString::fromStdString(preview_->steps[std::size_t(step)].report.step);
    return tr("all steps");
}

void PreparationPreviewView::fillSummary() {
    const QSignalBlocker block(summary_);
    summary_->clear();
    if (!preview_) return;
    const auto& steps = preview_->steps;
    std::size_t changed = 0, added = 0, dropped = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const StepPreview& step = steps[i];
        auto* item = new QTreeWidgetItem(summary_);
        item->setText(StepColumn,
                      tr("%1. %2").arg(i + 1).arg(QString::fromStdString(step.report.step)));
        setNumbers(item, RowsColumn, step.rowsBefore, step.rowsAfter);
        setNumbers(item, MissingColumn, step.missingBefore, step.missingAfter);
        setNumbers(item, ChangedColumn, step.report.changedCells, step.report.changedCells);
        item->setText(ColumnsColumn, columnChanges(step.report.addedColumns.size(),
                                                   step.report.droppedColumns.size()));
        changed += step.report.changedCells;
        added += step.report.addedColumns.size();
        dropped += step.report.droppedColumns.size();
    }
    const Table& input = *preview_->tables.front();
    const Table& output = *preview_->tables.back();
    auto* total = new QTreeWidgetItem(summary_);
    total->setText(StepColumn, tr("All steps"));
    QFont bold = total->font(StepColumn);
    bold.setBold(true);
    for (int c = 0; c < summary_->columnCount(); ++c) total->setFont(c, bold);
    setNumbers(total, RowsColumn, input.rowCount(), output.rowCount());
    setNumbers(total, MissingColumn, missingCells(input), missingCells(output));
    setNumbers(total, ChangedColumn, changed, changed);
    total->setText(ColumnsColumn, columnChanges(added, dropped));
    // Just tall enough for its lines: the room left goes to the distribution.
    const int lines = summary_->topLevelItemCount();
    const int height = summary_->header()->sizeHint().height() +
                       lines * std::max(1, summary_->sizeHintForRow(0)) +
                       2 * summary_->frameWidth() + 4;
    summary_->setMaximumHeight(std::max(summary_->minimumHeight(), height));
}

int PreparationPreviewView::selectedStep() const {
    QTreeWidgetItem* item = summary_->currentItem();
    return item ? summary_->indexOfTopLevelItem(item) : -1;
}

void PreparationPreviewView::selectStep(int step) {
    const int last = summary_->topLevelItemCount() - 1;
    if (last < 0) return;
    summary_->setCurrentItem(summary_->topLevelItem(std::clamp(step, 0, last)));
    if (summary_->currentItem() && details_->topLevelItemCount() == 0) selectionChanged();
}

void PreparationPreviewView::selectionChanged() {
    fillDetails();
    const int step = selectedStep();
    if (!preview_ || step < 0) return;
    // Every column of the table before or after the line's step(s), in table order.
    QStringList columns;
    for (const Column& column : preview_->before(std::size_t(step))->columns())
        columns << QString::fromStdString(column.name());
    for (const Column& column : preview_->after(std::size_t(step))->columns()) {
        const QString name = QString::fromStdString(column.name());
        if (!columns.contains(name)) columns << name;
    }
    plot_->setColumns(columns);
    requestDistribution();
}

void PreparationPreviewView::requestDistribution() {
    const int step = selectedStep();
    const QString column = plot_->column();
    if (!preview_ || step < 0 || column.isEmpty()) return;
    plot_->showPending();
    emit distributionWanted(step, column);
}

void PreparationPreviewView::showDistribution(const DistributionPtr& distribution) {
    plot_->showDistribution(distribution, stepName(selectedStep()));
}

void PreparationPreviewView::showDistributionError(const QString& message) {
    plot_->clear();
    plot_->setCaption(message);
    plot_->plot()->replot();
}

void PreparationPreviewView::fillDetails() {
    details_->clear();
    const int step = selectedStep();
    if (!preview_ || step < 0) return;
    auto add = [this](const QString& name, const QString& value) {
        auto* item = new QTreeWidgetItem(details_, {name, value});
        item->setToolTip(1, value);
    };
    if (step < int(preview_->steps.size())) {
        const StepPreview& s = preview_->steps[std::size_t(step)];
        add(tr("Rows"), beforeAfter(s.rowsBefore, s.rowsAfter));
        if (s.report.droppedRows > 0) add(tr("Rows dropped"), count(s.report.droppedRows));
        if (s.report.addedRows > 0) add(tr("Rows added"), count(s.report.addedRows));
        add(tr("Missing cells"), beforeAfter(s.missingBefore, s.missingAfter));
        add(tr("Changed cells"), count(s.report.changedCells));
        if (!s.report.addedColumns.empty()) add(tr("Columns added"), joined(s.report.addedColumns));
        if (!s.report.droppedColumns.empty())
            add(tr("Columns dropped"), joined(s.report.droppedColumns));
        for (const auto& [name, value] : s.report.details)
            add(EngineText::stepDetailName(name), QString::fromStdString(value));
        return;
    }
    const Table& input = *preview_->tables.front();
    const Table& output = *preview_->tables.back();
    add(tr("Steps"), count(preview_->steps.size()));
    add(tr("Rows"), beforeAfter(input.rowCount(), output.rowCount()));
    add(tr("Columns"), beforeAfter(input.columnCount(), output.columnCount()));
    add(tr("Missing cells"), beforeAfter(missingCells(input), missingCells(output)));
    if (!preview_->report.ledger.empty())
        add(tr("Epsilon spent"), QString::number(preview_->report.spent.epsilon(), 'g', 6));
}

void PreparationPreviewView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
