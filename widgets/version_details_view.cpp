#include "widgets/version_details_view.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include "engine/preparation_pipeline.h"
#include "widgets/history_model.h"

namespace glassbox::gui {
namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QString html(const std::string& s) {
    return text(s).toHtmlEscaped();
}

QTableWidget* makeTable(int columns, QWidget* parent) {
    auto* table = new QTableWidget(0, columns, parent);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    table->setWordWrap(false);
    return table;
}

// The table is as tall as its rows: the pane scrolls as a whole, not each table.
void fitHeight(QTableWidget* table) {
    table->resizeRowsToContents();
    int height = table->horizontalHeader()->height() + 2 * table->frameWidth();
    for (int row = 0; row < table->rowCount(); ++row) height += table->rowHeight(row);
    if (table->horizontalScrollBar()->isVisible())
        height += table->horizontalScrollBar()->sizeHint().height();
    table->setFixedHeight(height);
}

QTableWidgetItem* item(const QString& value, bool number = false) {
    auto* out = new QTableWidgetItem(value);
    if (number) out->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return out;
}

QString validationDescription(const std::string& json) {
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    return doc.object().value(QStringLiteral("description")).toString();
}

// The version's preparation steps as STEP texts in order, "none" without steps.
QString preparationText(const std::string& json) {
    try {
        QStringList steps;
        for (const std::string& s : pipelineTexts(parsePipelineJson(json, "preparation")))
            steps << text(s);
        return steps.isEmpty() ? VersionDetailsView::tr("none") : steps.join(QStringLiteral(" → "));
    } catch (const std::exception&) {
        return text(json);  // steps of a newer Glassbox: shown as stored
    }
}

// "version 7 of /path/export.gbv, imported 2026-12-01 10:00" from the origin JSON.
QString originText(const std::string& json) {
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(json)).object();
    const QString file = QFileInfo(o.value(QStringLiteral("file")).toString()).fileName();
    return VersionDetailsView::tr("version %1 of %2, imported %3")
        .arg(o.value(QStringLiteral("version")).toVariant().toLongLong())
        .arg(file, HistoryModel::createdText(
                       o.value(QStringLiteral("imported")).toString().toStdString()));
}

QString metricsLine(const std::vector<MetricValue>& metrics) {
    QStringList parts;
    for (const auto& [name, value] : metrics)
        parts << text(name) + QLatin1Char(' ') + HistoryModel::metricText(value);
    return parts.join(QStringLiteral(", "));
}

QString versionLink(const ModelVersion& v) {
    return QStringLiteral("<a href=\"version:%1\">#%1</a> %2")
        .arg(v.id)
        .arg(html(v.learner) + (v.name.empty() ? QString()
                                               : QStringLiteral(" \u201c") + html(v.name) +
                                                     QStringLiteral("\u201d")));
}

}  // namespace

VersionDetailsView::VersionDetailsView(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The pane follows its width; long values wrap or scroll inside their own field.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);

    title_ = new QLabel(content);
    QFont titleFont = title_->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title_->setFont(titleFont);
    title_->setWordWrap(true);
    layout->addWidget(title_);

    auto addLabelBox = [&](QGroupBox*& box, QLabel*& label) {
        box = new QGroupBox(content);
        label = new QLabel(box);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        auto* l = new QVBoxLayout(box);
        l->addWidget(label);
        layout->addWidget(box);
    };
    auto addTableBox = [&](QGroupBox*& box, QTableWidget*& table, int columns) {
        box = new QGroupBox(content);
        table = makeTable(columns, box);
        auto* l = new QVBoxLayout(box);
        l->addWidget(table);
        layout->addWidget(box);
    };

    // Stage, tags and notes first: what one comes here to change.
    manageBox_ = new QGroupBox(content);
    auto* form = new QFormLayout(manageBox_);
    stageLabel_ = new QLabel(manageBox_);
    stage_ = new QComboBox(manageBox_);
    stage_->setObjectName(QStringLiteral("stageBox"));
    for (Stage s : {Stage::None, Stage::Staging, Stage::Production, Stage::Archived})
        stage_->addItem(QString(), static_cast<int>(s));
    form->addRow(stageLabel_, stage_);
    tagsLabel_ = new QLabel(manageBox_);
    auto* tagsColumn = new QVBoxLayout;
    tags_ = new QListWidget(manageBox_);
    tags_->setObjectName(QStringLiteral("tagList"));
    tags_->setFlow(QListView::LeftToRight);
    tags_->setWrapping(true);
    tags_->setSpacing(2);
    tags_->setMaximumHeight(tags_->fontMetrics().height() * 2 + 16);
    tagsColumn->addWidget(tags_);
    auto* tagRow = new QHBoxLayout;
    tagEdit_ = new QLineEdit(manageBox_);
    tagEdit_->setObjectName(QStringLiteral("tagEdit"));
    addTag_ = new QPushButton(manageBox_);
    removeTag_ = new QPushButton(manageBox_);
    tagRow->addWidget(tagEdit_, 1);
    tagRow->addWidget(addTag_);
    tagRow->addWidget(removeTag_);
    tagsColumn->addLayout(tagRow);
    form->addRow(tagsLabel_, tagsColumn);
    notesLabel_ = new QLabel(manageBox_);
    auto* notesColumn = new QVBoxLayout;
    notes_ = new QPlainTextEdit(manageBox_);
    notes_->setObjectName(QStringLiteral("notesEdit"));
    notes_->setFixedHeight(notes_->fontMetrics().lineSpacing() * 4 + 12);
    saveNotes_ = new QPushButton(manageBox_);
    notesColumn->addWidget(notes_);
    notesColumn->addWidget(saveNotes_, 0, Qt::AlignRight);
    form->addRow(notesLabel_, notesColumn);

    addLabelBox(summaryBox_, summary_);
    layout->addWidget(manageBox_);
    addTableBox(metricsBox_, metrics_, 2);
    addTableBox(paramsBox_, params_, 2);
    datasetBox_ = new QGroupBox(content);
    auto* datasetForm = new QFormLayout(datasetBox_);
    // Line edits: a long path or checksum scrolls inside its field and copies whole.
    auto readOnlyLine = [this](QWidget* parent) {
        auto* edit = new QLineEdit(parent);
        edit->setReadOnly(true);
        edit->setFrame(false);
        edit->setStyleSheet(QStringLiteral("background: transparent"));
        return edit;
    };
    datasetFileLabel_ = new QLabel(datasetBox_);
    datasetFile_ = readOnlyLine(datasetBox_);
    datasetSizeLabel_ = new QLabel(datasetBox_);
    datasetSize_ = new QLabel(datasetBox_);
    datasetShaLabel_ = new QLabel(datasetBox_);
    datasetSha_ = readOnlyLine(datasetBox_);
    datasetSha_->setObjectName(QStringLiteral("datasetSha256"));
    datasetForm->addRow(datasetFileLabel_, datasetFile_);
    datasetForm->addRow(datasetSizeLabel_, datasetSize_);
    datasetForm->addRow(datasetShaLabel_, datasetSha_);
    layout->addWidget(datasetBox_);
    addLabelBox(lineageBox_, lineage_);
    lineage_->setObjectName(QStringLiteral("lineageLabel"));
    addTableBox(evaluationsBox_, evaluations_, 3);
    layout->addStretch(1);

    connect(stage_, &QComboBox::activated, this, [this](int index) {
        if (id_ != 0) emit stageChosen(id_, static_cast<Stage>(stage_->itemData(index).toInt()));
    });
    connect(addTag_, &QPushButton::clicked, this, &VersionDetailsView::addTag);
    connect(tagEdit_, &QLineEdit::returnPressed, this, &VersionDetailsView::addTag);
    connect(tagEdit_, &QLineEdit::textChanged, this, &VersionDetailsView::updateButtons);
    connect(removeTag_, &QPushButton::clicked, this, &VersionDetailsView::removeTag);
    connect(tags_, &QListWidget::itemSelectionChanged, this, &VersionDetailsView::updateButtons);
    connect(notes_, &QPlainTextEdit::textChanged, this, &VersionDetailsView::updateButtons);
    connect(saveNotes_, &QPushButton::clicked, this, [this] {
        if (id_ != 0) emit notesSaved(id_, notes_->toPlainText());
    });
    connect(lineage_, &QLabel::linkActivated, this, [this](const QString& link) {
        bool ok = false;
        const qint64 id = link.section(QLatin1Char(':'), 1).toLongLong(&ok);
        if (ok) emit versionActivated(id);
    });

    retranslate();
    clear();
}

void VersionDetailsView::clear() {
    id_ = 0;
    shown_ = {};
    savedNotes_.clear();
    title_->setText(tr("No version selected."));
    for (QWidget* w :
         std::initializer_list<QWidget*>{summaryBox_, datasetBox_, paramsBox_, metricsBox_,
                                         lineageBox_, evaluationsBox_, manageBox_})
        w->setVisible(false);
    notes_->clear();
    tags_->clear();
    updateButtons();
}

void VersionDetailsView::showDetails(const VersionDetails& details) {
    const ModelVersion& v = details.version;
    const bool sameVersion = v.id == id_;
    // Unsaved notes of the version shown survive a refresh of that version.
    const bool keepNotes = sameVersion && notes_->toPlainText() != savedNotes_;
    id_ = v.id;
    shown_ = details;
    savedNotes_ = text(v.notes);

    title_->setText(v.name.empty() ? tr("Version %1").arg(v.id)
                                   : tr("Version %1 \u201c%2\u201d").arg(v.id).arg(text(v.name)));

    QStringList classes;
    for (const std::string& c : v.classes) classes << text(c);
    QString rows;
    auto row = [&rows](const QString& name, const QString& value) {
        rows += QStringLiteral("<tr><td><b>%1</b>&nbsp;&nbsp;</td><td>%2</td></tr>")
                    .arg(name.toHtmlEscaped(), value);
    };
    row(tr("Learner"), html(v.learner));
    row(tr("Task"), v.task == TaskKind::Classification ? tr("classification") : tr("regression"));
    row(tr("Target"), html(v.target));
    if (!classes.isEmpty()) row(tr("Classes"), classes.join(QStringLiteral(", ")).toHtmlEscaped());
    row(tr("Created"), HistoryModel::createdText(v.created).toHtmlEscaped());
    row(tr("Validation"), validationDescription(v.validationJson).toHtmlEscaped());
    row(tr("Preparation"), preparationText(v.preparationJson).toHtmlEscaped());
    row(tr("Seed"), QString::number(v.seed));
    row(tr("Glassbox"), html(v.glassboxVersion));
    row(tr("Model"), tr("%1 bytes").arg(v.modelBytes));
    if (!v.originJson.empty()) row(tr("Imported"), originText(v.originJson).toHtmlEscaped());
    summary_->setText(QStringLiteral("<table>") + rows + QStringLiteral("</table>"));
    summary_->setToolTip(tr("Model SHA-256: %1").arg(text(v.modelSha256)));

    datasetFile_->setText(text(v.dataset.file));
    datasetFile_->setCursorPosition(0);
    datasetFile_->setToolTip(text(v.dataset.file));
    datasetSize_->setText(
        tr("%1 rows \u00d7 %2 columns").arg(v.dataset.rows).arg(v.dataset.columns));
    datasetSha_->setText(text(v.dataset.sha256));
    datasetSha_->setCursorPosition(0);

    params_->setRowCount(static_cast<int>(v.params.size()));
    int r = 0;
    for (const auto& [name, value] : v.params) {
        params_->setItem(r, 0, item(text(name)));
        params_->setItem(r, 1, item(text(value)));
        ++r;
    }
    metrics_->setRowCount(static_cast<int>(v.metrics.size()));
    r = 0;
    for (const auto& [name, value] : v.metrics) {
        metrics_->setItem(r, 0, item(text(name)));
        metrics_->setItem(r, 1, item(HistoryModel::metricText(value), true));
        ++r;
    }

    if (details.lineage.empty() && !v.parent) {
        lineage_->setText(tr("No parent: trained from scratch."));
    } else {
        QStringList chain;
        chain << tr("this version");
        for (const ModelVersion& parent : details.lineage) chain << versionLink(parent);
        const bool cut = !details.lineage.empty() ? details.lineage.back().parent.has_value()
                                                  : v.parent.has_value();
        if (cut) chain << tr("(a deleted version)");
        lineage_->setText(chain.join(QStringLiteral(" \u2190 ")));
    }

    evaluations_->setRowCount(static_cast<int>(details.evaluations.size()));
    r = 0;
    for (const Evaluation& e : details.evaluations) {
        evaluations_->setItem(r, 0, item(HistoryModel::createdText(e.created)));
        auto* data = item(HistoryModel::datasetText(e.dataset));
        data->setToolTip(text(e.dataset.file));
        evaluations_->setItem(r, 1, data);
        auto* scores = item(metricsLine(e.metrics));
        scores->setToolTip(
            metricsLine(e.metrics).replace(QStringLiteral(", "), QStringLiteral("\n")));
        evaluations_->setItem(r, 2, scores);
        ++r;
    }
    evaluationsBox_->setVisible(!details.evaluations.empty());

    stage_->setCurrentIndex(stage_->findData(static_cast<int>(v.stage)));
    const QString selectedTag = tags_->currentItem() ? tags_->currentItem()->text() : QString();
    tags_->clear();
    for (const std::string& tag : v.tags) tags_->addItem(text(tag));
    if (sameVersion && !selectedTag.isEmpty()) {
        const auto found = tags_->findItems(selectedTag, Qt::MatchExactly);
        if (!found.isEmpty()) tags_->setCurrentItem(found.front());
    }
    if (!keepNotes) notes_->setPlainText(savedNotes_);

    for (QWidget* w : std::initializer_list<QWidget*>{summaryBox_, datasetBox_, paramsBox_,
                                                      metricsBox_, lineageBox_, manageBox_})
        w->setVisible(true);
    fitHeight(params_);
    fitHeight(metrics_);
    fitHeight(evaluations_);
    updateButtons();
}

void VersionDetailsView::addTag() {
    const QString tag = tagEdit_->text().trimmed();
    if (id_ == 0 || tag.isEmpty()) return;
    emit tagAdded(id_, tag);
    tagEdit_->clear();
}

void VersionDetailsView::removeTag() {
    if (id_ == 0 || !tags_->currentItem()) return;
    emit tagRemoved(id_, tags_->currentItem()->text());
}

void VersionDetailsView::updateButtons() {
    addTag_->setEnabled(id_ != 0 && !tagEdit_->text().trimmed().isEmpty());
    removeTag_->setEnabled(id_ != 0 && tags_->currentItem() != nullptr &&
                           tags_->currentItem()->isSelected());
    saveNotes_->setEnabled(id_ != 0 && notes_->toPlainText() != savedNotes_);
}

void VersionDetailsView::retranslate() {
    summaryBox_->setTitle(tr("Summary"));
    datasetBox_->setTitle(tr("Dataset fingerprint"));
    datasetFileLabel_->setText(tr("File:"));
    datasetSizeLabel_->setText(tr("Size:"));
    datasetShaLabel_->setText(tr("SHA-256:"));
    paramsBox_->setTitle(tr("Parameters"));
    metricsBox_->setTitle(tr("Metrics"));
    lineageBox_->setTitle(tr("Lineage"));
    evaluationsBox_->setTitle(tr("Evaluations"));
    manageBox_->setTitle(tr("Stage, tags and notes"));
    stageLabel_->setText(tr("Stage:"));
    tagsLabel_->setText(tr("Tags:"));
    notesLabel_->setText(tr("Notes:"));
    tagEdit_->setPlaceholderText(tr("New tag"));
    addTag_->setText(tr("Add"));
    removeTag_->setText(tr("Remove"));
    saveNotes_->setText(tr("Save notes"));
    params_->setHorizontalHeaderLabels({tr("Parameter"), tr("Value")});
    metrics_->setHorizontalHeaderLabels({tr("Metric"), tr("Value")});
    evaluations_->setHorizontalHeaderLabels({tr("Evaluated"), tr("Dataset"), tr("Metrics")});
    for (int i = 0; i < stage_->count(); ++i)
        stage_->setItemText(
            i, HistoryModel::stageText(static_cast<Stage>(stage_->itemData(i).toInt())));
}

void VersionDetailsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (id_ != 0) {
            const VersionDetails shown = shown_;
            showDetails(shown);
        } else {
            clear();
        }
    }
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
