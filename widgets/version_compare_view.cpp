#include "widgets/version_compare_view.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>
#include <set>
#include <vector>

#include "engine/metric_direction.h"
#include "widgets/history_model.h"

namespace glassbox::gui {
namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QTableWidget* makeTable(int columns, QWidget* parent) {
    auto* table = new QTableWidget(0, columns, parent);
    table->verticalHeader()->setVisible(false);
    // Values are never elided: a narrow table scrolls instead.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    return table;
}

QString versionLine(const ModelVersion& v) {
    QString line = QStringLiteral("<b>#%1</b> %2").arg(v.id).arg(text(v.learner).toHtmlEscaped());
    if (!v.name.empty())
        line += QStringLiteral(" \u201c%1\u201d").arg(text(v.name).toHtmlEscaped());
    return line + QStringLiteral(" &middot; %1 &middot; %2 &middot; %3")
                      .arg(text(v.target).toHtmlEscaped(),
                           HistoryModel::datasetText(v.dataset).toHtmlEscaped(),
                           HistoryModel::createdText(v.created));
}

QString signedText(double delta) {
    return (delta > 0 ? QStringLiteral("+") : QString()) + QString::number(delta, 'f', 4);
}

}  // namespace

VersionCompareView::VersionCompareView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    heading_ = new QLabel(this);
    heading_->setTextFormat(Qt::RichText);
    heading_->setWordWrap(true);
    heading_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sameness_ = new QLabel(this);
    sameness_->setTextFormat(Qt::RichText);
    sameness_->setWordWrap(true);
    layout->addWidget(heading_);
    layout->addWidget(sameness_);

    auto* tables = new QHBoxLayout;
    paramsBox_ = new QGroupBox(this);
    params_ = makeTable(3, paramsBox_);
    params_->setObjectName(QStringLiteral("compareParameters"));
    (new QVBoxLayout(paramsBox_))->addWidget(params_);
    metricsBox_ = new QGroupBox(this);
    metrics_ = makeTable(4, metricsBox_);
    metrics_->setObjectName(QStringLiteral("compareMetrics"));
    (new QVBoxLayout(metricsBox_))->addWidget(metrics_);
    tables->addWidget(paramsBox_, 1);
    tables->addWidget(metricsBox_, 1);
    layout->addLayout(tables, 1);

    retranslate();
    clear();
}

QColor VersionCompareView::differenceColor() {
    return QColor(255, 236, 153);
}

QColor VersionCompareView::betterColor() {
    return QColor(34, 139, 34);
}

QColor VersionCompareView::worseColor() {
    return QColor(200, 40, 40);
}

void VersionCompareView::clear() {
    comparison_.reset();
    fill();
}

void VersionCompareView::showComparison(const VersionComparison& comparison) {
    comparison_ = comparison;
    fill();
}

void VersionCompareView::fill() {
    params_->setRowCount(0);
    metrics_->setRowCount(0);
    if (!comparison_) {
        heading_->setText(
            tr("Select two versions in the table and choose Compare (Ctrl+D) to see them side "
               "by side."));
        sameness_->clear();
        paramsBox_->setVisible(false);
        metricsBox_->setVisible(false);
        return;
    }
    paramsBox_->setVisible(true);
    metricsBox_->setVisible(true);
    const VersionComparison& c = *comparison_;
    heading_->setText(QStringLiteral("A: %1<br>B: %2").arg(versionLine(c.a), versionLine(c.b)));
    auto flag = [](const QString& what, bool same) {
        const QColor color = same ? betterColor() : worseColor();
        return QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
            .arg(color.name(), same ? QStringLiteral("\u2713") : QStringLiteral("\u2717"),
                 what.toHtmlEscaped());
    };
    sameness_->setText(QStringList{
        flag(c.sameLearner ? tr("same learner") : tr("different learners"), c.sameLearner),
        flag(c.sameTarget ? tr("same target") : tr("different targets"), c.sameTarget),
        flag(c.sameDataset ? tr("same dataset") : tr("different datasets"), c.sameDataset)}
                           .join(QStringLiteral("&nbsp;&nbsp;&nbsp;")));

    // Every parameter of either version; the engine lists only the differing ones.
    std::set<std::string> names;
    for (const auto& [name, value] : c.a.params) names.insert(name);
    for (const auto& [name, value] : c.b.params) names.insert(name);
    std::set<std::string> differing;
    for (const auto& d : c.params) differing.insert(d.name);
    // The differing parameters first: what one compares for.
    std::vector<std::string> ordered;
    for (const std::string& name : names)
        if (differing.count(name)) ordered.push_back(name);
    for (const std::string& name : names)
        if (!differing.count(name)) ordered.push_back(name);
    params_->setRowCount(static_cast<int>(names.size()));
    int row = 0;
    const QString none = QStringLiteral("\u2014");
    for (const std::string& name : ordered) {
        const auto ia = c.a.params.find(name);
        const auto ib = c.b.params.find(name);
        const bool differs = differing.count(name) > 0;
        QTableWidgetItem* items[] = {
            new QTableWidgetItem(text(name)),
            new QTableWidgetItem(ia != c.a.params.end() ? text(ia->second) : none),
            new QTableWidgetItem(ib != c.b.params.end() ? text(ib->second) : none)};
        items[0]->setData(DiffersRole, differs);
        for (int column = 0; column < 3; ++column) {
            if (differs) {
                items[column]->setBackground(differenceColor());
                items[column]->setForeground(QColor(Qt::black));
                QFont font = items[column]->font();
                font.setBold(true);
                items[column]->setFont(font);
            }
            params_->setItem(row, column, items[column]);
        }
        ++row;
    }

    metrics_->setRowCount(static_cast<int>(c.metrics.size()));
    row = 0;
    for (const auto& m : c.metrics) {
        auto* name = new QTableWidgetItem(text(m.name));
        auto* a = new QTableWidgetItem(HistoryModel::metricText(m.a));
        auto* b = new QTableWidgetItem(HistoryModel::metricText(m.b));
        auto* delta = new QTableWidgetItem(
            m.delta && !std::isnan(*m.delta) ? signedText(*m.delta) : QStringLiteral("\u2014"));
        for (QTableWidgetItem* i : {a, b, delta})
            i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (m.delta && !std::isnan(*m.delta)) {
            delta->setData(DeltaRole, *m.delta);
            if (*m.delta != 0) {
                const bool better = lowerIsBetter(m.name) ? *m.delta < 0 : *m.delta > 0;
                delta->setForeground(better ? betterColor() : worseColor());
                QFont font = delta->font();
                font.setBold(true);
                delta->setFont(font);
                delta->setToolTip(better ? tr("B is better") : tr("B is worse"));
            }
        }
        metrics_->setItem(row, 0, name);
        metrics_->setItem(row, 1, a);
        metrics_->setItem(row, 2, b);
        metrics_->setItem(row, 3, delta);
        ++row;
    }
}

void VersionCompareView::retranslate() {
    paramsBox_->setTitle(tr("Parameters (differences highlighted)"));
    metricsBox_->setTitle(tr("Metrics"));
    params_->setHorizontalHeaderLabels({tr("Parameter"), tr("A"), tr("B")});
    metrics_->setHorizontalHeaderLabels({tr("Metric"), tr("A"), tr("B"), tr("B \u2212 A")});
}

void VersionCompareView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        fill();
    }
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
