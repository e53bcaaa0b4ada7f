#include "widgets/run_details.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QSplitter>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/metric_direction.h"
#include "widgets/confusion_matrix_view.h"
#include "widgets/engine_text.h"
#include "widgets/runs_model.h"

namespace glassbox::gui {
namespace {

QTableWidget* makeTable(QWidget* parent, const QString& objectName) {
    auto* table = new QTableWidget(parent);
    table->setObjectName(objectName);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setHighlightSections(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    return table;
}

QLabel* makeSectionTitle(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QTableWidgetItem* textItem(const QString& text) {
    return new QTableWidgetItem(text);
}

QTableWidgetItem* numberItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString formatNumber(double value) {
    if (std::isnan(value)) return QStringLiteral("–");
    return QLocale().toString(value, 'g', 6);
}

QString formatCount(std::size_t count) {
    return QLocale().toString(static_cast<qulonglong>(count));
}

// A pane of the body: a title above a table or view.
QWidget* makePane(QWidget* parent, QLabel* title, QWidget* content, QLabel* title2 = nullptr,
                  QWidget* content2 = nullptr) {
    auto* pane = new QWidget(parent);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(content, 1);
    if (title2) layout->addWidget(title2);
    if (content2) layout->addWidget(content2);
    return pane;
}

void fitColumns(QTableWidget* table) {
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
}

// The height that shows `rows` rows and the header without scrolling.
int heightForRows(const QTableWidget* table, int rows) {
    return table->horizontalHeader()->sizeHint().height() +
           rows * table->verticalHeader()->defaultSectionSize() + 2 * table->frameWidth();
}

// The width that shows every column without scrolling sideways.
int widthOfColumns(const QTableWidget* table) {
    int width = 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < table->columnCount(); ++c) width += table->columnWidth(c);
    return width;
}

}  // namespace

RunDetails::RunDetails(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      description_(new QLabel(this)),
      body_(new QWidget(this)),
      metricsTitle_(makeSectionTitle(this)),
      metrics_(makeTable(this, QStringLiteral("metrics"))),
      fitSummaryTitle_(makeSectionTitle(this)),
      fitSummary_(makeTable(this, QStringLiteral("fitSummary"))),
      perClassTitle_(makeSectionTitle(this)),
      perClass_(makeTable(this, QStringLiteral("perClass"))),
      predictionSummaryTitle_(makeSectionTitle(this)),
      predictionSummary_(makeTable(this, QStringLiteral("predictionSummary"))),
      confusionTitle_(makeSectionTitle(this)),
      confusion_(new ConfusionMatrixView(this)),
      splitter_(new QSplitter(Qt::Horizontal, this)) {
    title_->setObjectName(QStringLiteral("runTitle"));
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title_->setFont(titleFont);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    description_->setObjectName(QStringLiteral("runDescription"));
    description_->setWordWrap(true);
    description_->setTextFormat(Qt::RichText);
    description_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    confusion_->setObjectName(QStringLiteral("confusionMatrix"));

    metrics_->setColumnCount(2);
    fitSummary_->setColumnCount(2);
    perClass_->setColumnCount(5);
    predictionSummary_->setColumnCount(2);

    auto* scoresPane = makePane(splitter_, metricsTitle_, metrics_, fitSummaryTitle_, fitSummary_);
    classPane_ = makePane(splitter_, perClassTitle_, perClass_);
    regressionPane_ = makePane(splitter_, predictionSummaryTitle_, predictionSummary_);
    confusionPane_ = makePane(splitter_, confusionTitle_, confusion_);
    splitter_->addWidget(scoresPane);
    splitter_->addWidget(classPane_);
    splitter_->addWidget(regressionPane_);
    splitter_->addWidget(confusionPane_);
    splitter_->setChildrenCollapsible(false);
    splitter_->setStretchFactor(0, 2);
    splitter_->setStretchFactor(1, 3);
    splitter_->setStretchFactor(2, 3);
    splitter_->setStretchFactor(3, 5);

    auto* bodyLayout = new QVBoxLayout(body_);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(splitter_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(description_);
    layout->addWidget(body_, 1);
    retranslate();
}

void RunDetails::setOutcome(std::shared_ptr<const TrainingOutcome> outcome) {
    outcome_ = std::move(outcome);
    fill();
}

QString RunDetails::headerText() const {
    QTextDocument document;
    document.setHtml(description_->text());
    return title_->text() + QLatin1Char('\n') + document.toPlainText();
}

void RunDetails::fill() {
    fillHeader();
    body_->setVisible(outcome_ != nullptr);
    if (!outcome_) {
        confusion_->clear();
        return;
    }
    const bool classification = outcome_->run.trained.task == TaskKind::Classification;
    classPane_->setVisible(classification);
    confusionPane_->setVisible(classification);
    regressionPane_->setVisible(!classification);
    fillMetrics();
    fillFitSummary();
    if (classification) {
        fillPerClass();
        QStringList classes;
        for (const std::string& name : outcome_->run.trained.classes)
            classes << QString::fromStdString(name);
        confusion_->setMatrix(outcome_->run.metrics.confusion, classes);
    } else {
        fillPredictionSummary();
        confusion_->clear();
    }
}

void RunDetails::fillHeader() {
    if (!outcome_) {
        title_->setText(tr("No run selected"));
        description_->setText(
            tr("Train a model, or select a run in the table above, to see its results here."));
        return;
    }
    const TrainingOutcome& o = *outcome_;
    const TrainedModel& trained = o.run.trained;
    title_->setText(tr("%1 → %2").arg(QString::fromStdString(trained.learner),
                                      QString::fromStdString(trained.target)));
    const auto escaped = [](const QString& text) { return text.toHtmlEscaped(); };
    const auto field = [&](const QString& name, const QString& value) {
        return QStringLiteral("<b>%1</b> %2").arg(escaped(name), escaped(value));
    };
    QStringList params;
    for (const auto& [name, value] : trained.params.all())
        params << QString::fromStdString(name + "=" + value);
    QString version;
    if (o.version)
        version = QString::number(*o.version);
    else if (!o.historyError.isEmpty())
        version = tr("not saved: %1").arg(o.historyError);
    else
        version = tr("not saved");
    const QString separator = QStringLiteral(" &nbsp;·&nbsp; ");
    QStringList first{field(tr("Task:"), EngineText::taskText(trained.task)),
                      field(tr("Dataset:"), o.request.source.displayName),
                      field(tr("Rows scored:"), formatCount(o.run.rows.size())),
                      field(tr("Fitted in:"), tr("%1 s").arg(formatSeconds(o.run.trainSeconds))),
                      field(tr("Version:"), version)};
    QString html = first.join(separator);
    html += QStringLiteral("<br>") +
            field(tr("Validation:"),
                  EngineText::validationText(o.request.validation, o.run.rows.size()));
    html += QStringLiteral("<br>") +
            field(tr("Parameters:"), params.isEmpty() ? tr("none") : params.join(", "));
    if (!o.request.preparation.empty()) {
        QStringList steps;
        for (const std::string& step : o.request.preparation) steps << QString::fromStdString(step);
        html +=
            QStringLiteral("<br>") + field(tr("Preparation:"), steps.join(QStringLiteral(" → ")));
    }
    if (!o.warnings.empty()) {
        QStringList warnings;
        for (const Warning& w : o.warnings) warnings << QString::fromStdString(w.message);
        html += QStringLiteral("<br>") + field(tr("Warnings:"), warnings.join("; "));
    }
    description_->setText(html);
}

void RunDetails::fillMetrics() {
    const auto& values = outcome_->run.metrics.values;
    metrics_->setRowCount(static_cast<int>(values.size()));
    for (int i = 0; i < static_cast<int>(values.size()); ++i) {
        const auto& [name, value] = values[static_cast<std::size_t>(i)];
        auto* nameItem = textItem(QString::fromStdString(name));
        nameItem->setToolTip(lowerIsBetter(name) ? tr("Lower is better") : tr("Higher is better"));
        metrics_->setItem(i, 0, nameItem);
        auto* valueItem = numberItem(formatMetric(value));
        valueItem->setToolTip(std::isnan(value) ? tr("Not defined for these predictions")
                                                : QLocale().toString(value, 'g', 10));
        metrics_->setItem(i, 1, valueItem);
    }
    fitColumns(metrics_);
    metrics_->setMinimumHeight(heightForRows(metrics_, std::min(metrics_->rowCount(), 6)));
    metrics_->setMinimumWidth(widthOfColumns(metrics_));
}

void RunDetails::fillFitSummary() {
    const auto summary = outcome_->run.trained.model
                             ? outcome_->run.trained.model->fitSummary()
                             : std::vector<std::pair<std::string, double>>{};
    fitSummaryTitle_->setVisible(!summary.empty());
    fitSummary_->setVisible(!summary.empty());
    fitSummary_->setRowCount(static_cast<int>(summary.size()));
    for (int i = 0; i < static_cast<int>(summary.size()); ++i) {
        const auto& [name, value] = summary[static_cast<std::size_t>(i)];
        fitSummary_->setItem(i, 0, textItem(QString::fromStdString(name)));
        fitSummary_->setItem(i, 1, numberItem(formatNumber(value)));
    }
    fitColumns(fitSummary_);
    fitSummary_->setMaximumHeight(heightForRows(fitSummary_, fitSummary_->rowCount()));
}

void RunDetails::fillPerClass() {
    const auto& perClass = outcome_->run.metrics.perClass;
    const auto& classes = outcome_->run.trained.classes;
    perClass_->setRowCount(static_cast<int>(perClass.size()));
    for (int i = 0; i < static_cast<int>(perClass.size()); ++i) {
        const ClassScores& s = perClass[static_cast<std::size_t>(i)];
        const QString name = static_cast<std::size_t>(i) < classes.size()
                                 ? QString::fromStdString(classes[static_cast<std::size_t>(i)])
                                 : QString::number(i);
        auto* nameItem = textItem(name);
        nameItem->setToolTip(name);
        perClass_->setItem(i, 0, nameItem);
        perClass_->setItem(i, 1, numberItem(formatMetric(s.precision)));
        perClass_->setItem(i, 2, numberItem(formatMetric(s.recall)));
        perClass_->setItem(i, 3, numberItem(formatMetric(s.f1)));
        perClass_->setItem(i, 4, numberItem(formatCount(s.support)));
    }
    perClass_->resizeColumnsToContents();
    // Long class names are elided rather than pushing the numbers out of sight.
    const int nameLimit = perClass_->fontMetrics().averageCharWidth() * 16;
    perClass_->setColumnWidth(0, std::min(perClass_->columnWidth(0), nameLimit));
    perClass_->horizontalHeader()->setStretchLastSection(false);
    perClass_->setMinimumWidth(widthOfColumns(perClass_));
}

void RunDetails::fillPredictionSummary() {
    const std::vector<double>& values = outcome_->run.predictions.values;
    std::vector<std::pair<QString, QString>> rows{{tr("rows scored"), formatCount(values.size())}};
    if (!values.empty()) {
        const double n = static_cast<double>(values.size());
        const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
        double squares = 0;
        for (double v : values) squares += (v - mean) * (v - mean);
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        rows.emplace_back(tr("mean prediction"), formatNumber(mean));
        rows.emplace_back(tr("std of predictions"),
                          formatNumber(values.size() > 1 ? std::sqrt(squares / (n - 1)) : 0.0));
        rows.emplace_back(tr("lowest prediction"), formatNumber(*low));
        rows.emplace_back(tr("highest prediction"), formatNumber(*high));
    }
    predictionSummary_->setRowCount(static_cast<int>(rows.size()));
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
        predictionSummary_->setItem(i, 0, textItem(rows[static_cast<std::size_t>(i)].first));
        predictionSummary_->setItem(i, 1, numberItem(rows[static_cast<std::size_t>(i)].second));
    }
    fitColumns(predictionSummary_);
}

void RunDetails::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void RunDetails::retranslate() {
    metricsTitle_->setText(tr("Metrics"));
    fitSummaryTitle_->setText(tr("Fit summary"));
    perClassTitle_->setText(tr("Per class"));
    predictionSummaryTitle_->setText(tr("Predictions"));
    confusionTitle_->setText(tr("Confusion matrix"));
    metrics_->setHorizontalHeaderLabels({tr("Metric"), tr("Value")});
    fitSummary_->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    perClass_->setHorizontalHeaderLabels(
        {tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    predictionSummary_->setHorizontalHeaderLabels({tr("Statistic"), tr("Value")});
    fill();
}

}  // namespace glassbox::gui
