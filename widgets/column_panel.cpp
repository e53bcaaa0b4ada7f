#include "widgets/column_panel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "engine/value_parsing.h"
#include "widgets/column_type_text.h"
#include "widgets/histogram_view.h"

namespace glassbox::gui {
namespace {

// Exact when short ("2.5", "1065"), else six significant digits ("5.84333").
QString formatStatistic(double value) {
    const QString exact = QString::fromStdString(formatNumber(value));
    if (exact.size() <= 10) return exact;
    return QString::number(value, 'g', 6);
}

QString formatCount(std::size_t count) {
    return QLocale().toString(static_cast<qulonglong>(count));
}

QString formatPercent(std::size_t part, std::size_t whole) {
    const double percent =
        whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    return QLocale().toString(percent, 'f', 1);
}

}  // namespace

ColumnPanel::ColumnPanel(QWidget* parent)
    : QWidget(parent),
      iconLabel_(new QLabel(this)),
      nameLabel_(new QLabel(this)),
      typeLabel_(new QLabel(this)),
      statusLabel_(new QLabel(this)),
      table_(new QTableWidget(this)),
      histogram_(new HistogramView(this)),
      splitter_(new QSplitter(Qt::Vertical, this)) {
    QFont titleFont = nameLabel_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    nameLabel_->setFont(titleFont);
    nameLabel_->setObjectName(QStringLiteral("columnName"));
    nameLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    nameLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    typeLabel_->setObjectName(QStringLiteral("columnType"));
    QPalette dim = typeLabel_->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    typeLabel_->setPalette(dim);
    statusLabel_->setObjectName(QStringLiteral("columnStatus"));
    statusLabel_->setWordWrap(true);
    statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    table_->setObjectName(QStringLiteral("statistics"));
    table_->setColumnCount(2);
    table_->horizontalHeader()->hide();
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->setFocusPolicy(Qt::NoFocus);

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(iconLabel_);
    titleRow->addWidget(nameLabel_, 1);
    titleRow->addWidget(typeLabel_);

    splitter_->addWidget(table_);
    splitter_->addWidget(histogram_);
    splitter_->setChildrenCollapsible(false);
    splitter_->setStretchFactor(0, 0);
    splitter_->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(titleRow);
    layout->addWidget(statusLabel_);
    layout->addWidget(splitter_, 1);
    clear();
}

void ColumnPanel::clear() {
    state_ = State::Empty;
    stats_.reset();
    name_.clear();
    iconLabel_->clear();
    nameLabel_->clear();
    typeLabel_->clear();
    table_->setRowCount(0);
    histogram_->clear();
    retranslate();
}

void ColumnPanel::setTitle(const QString& name, ColumnType type) {
    name_ = name;
    type_ = type;
    nameLabel_->setText(name);
    nameLabel_->setToolTip(name);
    iconLabel_->setPixmap(ColumnTypeText::icon(type).pixmap(16, 16));
    typeLabel_->setText(ColumnTypeText::name(type));
}

void ColumnPanel::showPending(const QString& name, ColumnType type) {
    state_ = State::Pending;
    stats_.reset();
    setTitle(name, type);
    table_->setRowCount(0);
    histogram_->clear();
    retranslate();
}

void ColumnPanel::showError(const QString& name, ColumnType type, const QString& message) {
    state_ = State::Failed;
    stats_.reset();
    error_ = message;
    setTitle(name, type);
    table_->setRowCount(0);
    histogram_->clear();
    retranslate();
}

void ColumnPanel::showStats(std::shared_ptr<const ColumnStats> stats, bool hasTime) {
    if (!stats) return clear();
    state_ = State::Ready;
    stats_ = std::move(stats);
    hasTime_ = hasTime;
    setTitle(QString::fromStdString(stats_->name), stats_->type);
    fillStatistics();
    fitStatisticsHeight();
    histogram_->showHistogram(*stats_, hasTime_);
    retranslate();
}

int ColumnPanel::rowOf(const QString& key) const {
    for (int row = 0; row < table_->rowCount(); ++row) {
        const QTableWidgetItem* label = table_->item(row, 0);
        if (label && label->data(Qt::UserRole).toString() == key) return row;
    }
    return -1;
}

QString ColumnPanel::statisticText(const QString& key) const {
    const int row = rowOf(key);
    return row < 0 ? QString() : table_->item(row, 1)->text();
}

QString ColumnPanel::statisticLabel(const QString& key) const {
    const int row = rowOf(key);
    return row < 0 ? QString() : table_->item(row, 0)->text();
}

void ColumnPanel::addRow(const QString& key, const QString& label, const QString& value) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    auto* labelItem = new QTableWidgetItem(label);
    labelItem->setData(Qt::UserRole, key);
    labelItem->setToolTip(label);
    auto* valueItem = new QTableWidgetItem(value);
    valueItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    valueItem->setToolTip(value);
    table_->setItem(row, 0, labelItem);
    table_->setItem(row, 1, valueItem);
}

void ColumnPanel::addSectionRow(const QString& label) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    auto* item = new QTableWidgetItem(label);
    QFont bold = item->font();
    bold.setBold(true);
    item->setFont(bold);
    table_->setItem(row, 0, item);
    table_->setSpan(row, 0, 1, 2);
}

// Gives the statistics their full height when there is room, the histogram the rest.
void ColumnPanel::fitStatisticsHeight() {
    const int wanted = table_->rowCount() * table_->verticalHeader()->defaultSectionSize() +
                       2 * table_->frameWidth() + 2;
    const int total = splitter_->height();
    const int histogramMinimum = histogram_->minimumSizeHint().height();
    if (total <= 0) {
        splitter_->setSizes({wanted, std::max(histogramMinimum, 240)});
        return;
    }
    const int table = std::min(wanted, std::max(total / 2, total - histogramMinimum));
    splitter_->setSizes({table, total - table - splitter_->handleWidth()});
}

void ColumnPanel::fillStatistics() {
    table_->clearSpans();
    table_->setRowCount(0);
    const ColumnStats& s = *stats_;
    const std::size_t total = s.count + s.missing;
    addRow(QStringLiteral("count"), tr("Count"), formatCount(s.count));
    addRow(QStringLiteral("missing"), tr("Missing"),
           tr("%1 (%2%)").arg(formatCount(s.missing), formatPercent(s.missing, total)));
    addRow(QStringLiteral("unique"), tr("Unique"), formatCount(s.unique));

    if (s.type == ColumnType::Numeric || s.type == ColumnType::DateTime) {
        const bool dates = s.type == ColumnType::DateTime;
        const auto value = [&](double v) {
            return dates ? QString::fromStdString(formatIsoDateTime(v, hasTime_))
                         : formatStatistic(v);
        };
        const auto add = [&](const char* key, const QString& label,
                             const std::optional<double>& v) {
            if (v) addRow(QLatin1String(key), label, value(*v));
        };
        add("mean", tr("Mean"), s.mean);
        if (s.std) {
            addRow(QStringLiteral("std"), tr("Std. deviation"),
                   dates ? tr("%1 days").arg(formatStatistic(*s.std / 86400.0))
                         : formatStatistic(*s.std));
        }
        add("min", tr("Minimum"), s.min);
        add("q1", tr("25th percentile"), s.q1);
        add("median", tr("Median"), s.median);
        add("q3", tr("75th percentile"), s.q3);
        add("max", tr("Maximum"), s.max);
        return;
    }
    if (s.top.empty()) return;
    addSectionRow(tr("Most frequent values"));
    for (std::size_t i = 0; i < s.top.size(); ++i) {
        const ValueCount& top = s.top[i];
        addRow(QStringLiteral("top%1").arg(i + 1), QString::fromStdString(top.value),
               tr("%1 (%2%)").arg(formatCount(top.count), formatPercent(top.count, s.count)));
    }
}

void ColumnPanel::retranslate() {
    switch (state_) {
        case State::Empty:
            statusLabel_->setText(tr("Select a column to see its statistics."));
            statusLabel_->show();
            break;
        case State::Pending:
            statusLabel_->setText(tr("Computing statistics…"));
            statusLabel_->show();
            break;
        case State::Failed:
            statusLabel_->setText(tr("Could not compute the statistics: %1").arg(error_));
            statusLabel_->show();
            break;
        case State::Ready:
            statusLabel_->hide();
            break;
    }
}

void ColumnPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        if (!name_.isEmpty()) typeLabel_->setText(ColumnTypeText::name(type_));
        if (state_ == State::Ready) fillStatistics();
        retranslate();
    }
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
