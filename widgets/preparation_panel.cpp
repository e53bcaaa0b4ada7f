#include "widgets/preparation_panel.h"

#include <QBoxLayout>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

#include "engine/errors.h"
#include "widgets/engine_text.h"
#include "widgets/param_form.h"
#include "widgets/preparation_preview_view.h"
#include "widgets/preparation_step_list.h"
#include "widgets/privacy_report_view.h"

namespace glassbox::gui {
namespace {

const char* const kGroup = "preparation";
constexpr int kPreviewDelayMs = 300;

QString count(std::size_t n) {
    return QLocale().toString(qulonglong(n));
}

}  // namespace

PreparationPanel::PreparationPanel(QWidget* parent)
    : QWidget(parent),
      client_(new PreparationClient(this)),
      timer_(new QTimer(this)),
      body_(new QWidget(this)),
      bodyLayout_(new QBoxLayout(QBoxLayout::TopToBottom, body_)),
      stepsGroup_(new QGroupBox(this)),
      steps_(new PreparationStepList(this)),
      settingsGroup_(new QGroupBox(this)),
      description_(new QLabel(this)),
      form_(new ParamForm(this)),
      seedCaption_(new QLabel(this)),
      seed_(new QSpinBox(this)),
      previewButton_(new QPushButton(this)),
      tabs_(new QTabWidget(this)),
      previewView_(new PreparationPreviewView(this)),
      privacyView_(new PrivacyReportView(this)),
      status_(new QLabel(this)),
      appliedNote_(new QLabel(this)),
      apply_(new QPushButton(this)),
      revert_(new QPushButton(this)),
      attach_(new QPushButton(this)) {
    timer_->setSingleShot(true);
    timer_->setInterval(kPreviewDelayMs);
    connect(timer_, &QTimer::timeout, this, &PreparationPanel::preview);

    tabs_->setObjectName(QStringLiteral("preparationTabs"));
    tabs_->setDocumentMode(true);
    tabs_->addTab(buildSettingsTab(), QString());
    tabs_->addTab(previewView_, QString());
    tabs_->addTab(privacyView_, QString());
    tabs_->setCurrentIndex(PreviewTab);
    bodyLayout_->setContentsMargins(0, 0, 0, 0);
    bodyLayout_->addWidget(buildStepsArea(), 0, Qt::AlignTop);
    bodyLayout_->addWidget(tabs_, 1);

    status_->setObjectName(QStringLiteral("preparationStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A short dock scrolls the steps and the preview rather than asking the window for room.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(body_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // A dock narrower than the longest labels (they grow with the language) scrolls.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(status_);
    layout->addWidget(buildButtons());

    connect(steps_, &PreparationStepList::currentChanged, this,
            &PreparationPanel::currentStepChanged);
    connect(steps_, &PreparationStepList::entriesChanged, this, &PreparationPanel::stepsChanged);
    // A new step wants its parameters set.
    connect(steps_->addMenu(), &QMenu::triggered, this,
            [this] { tabs_->setCurrentIndex(SettingsTab); });
    connect(form_, &ParamForm::changed, this, &PreparationPanel::formChanged);
    connect(privacyView_, &PrivacyReportView::budgetChanged, this, &PreparationPanel::stepsChanged);
    connect(seed_, &QSpinBox::valueChanged, this, &PreparationPanel::schedulePreview);
    connect(previewButton_, &QPushButton::clicked, this, &PreparationPanel::preview);
    connect(client_, &PreparationClient::previewReady, this, &PreparationPanel::onPreviewReady);
    connect(client_, &PreparationClient::failed, this, &PreparationPanel::onFailed);
    connect(client_, &PreparationClient::progress, this, [this](int id, double fraction) {
        if (id == previewId_) showStatus(tr("Previewing… %1%").arg(int(fraction * 100)));
    });
    connect(client_, &PreparationClient::distributionReady, this,
            [this](int id, DistributionPtr distribution) {
                if (id == distributionId_) previewView_->showDistribution(distribution);
            });
    connect(previewView_, &PreparationPreviewView::distributionWanted, this,
            [this](int step, const QString& column) {
                if (!preview_) return;
                distributionId_ =
                    client_->distribution(preview_, std::size_t(step), column.toStdString());
            });

    retranslate();
    restoreSettings();
    currentStepChanged(steps_->currentIndex());
    setTable(nullptr);
}

PreparationPanel::~PreparationPanel() {
    saveSettings();
}

QWidget* PreparationPanel::buildStepsArea() {
    stepsGroup_->setObjectName(QStringLiteral("preparationStepsGroup"));
    seed_->setObjectName(QStringLiteral("preparationSeed"));
    seed_->setRange(0, INT_MAX);
    previewButton_->setObjectName(QStringLiteral("previewSteps"));
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(seedCaption_);
    seedRow->addWidget(seed_, 1);
    seedRow->addWidget(previewButton_);
    stepsGroup_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* layout = new QVBoxLayout(stepsGroup_);
    layout->addWidget(steps_);
    layout->addLayout(seedRow);
    return stepsGroup_;
}

QWidget* PreparationPanel::buildSettingsTab() {
    settingsGroup_->setObjectName(QStringLiteral("stepSettings"));
    settingsGroup_->setFlat(true);
    description_->setObjectName(QStringLiteral("stepDescription"));
    description_->setWordWrap(true);
    QPalette dim = description_->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    description_->setPalette(dim);
    form_->setObjectName(QStringLiteral("stepParams"));
    auto* settingsLayout = new QVBoxLayout(settingsGroup_);
    settingsLayout->addWidget(description_);
    settingsLayout->addWidget(form_);
    settingsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(settingsGroup_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

QWidget* PreparationPanel::buildButtons() {
    apply_->setObjectName(QStringLiteral("applyPreparation"));
    revert_->setObjectName(QStringLiteral("revertPreparation"));
    attach_->setObjectName(QStringLiteral("attachPreparation"));
    attach_->setCheckable(true);
    appliedNote_->setObjectName(QStringLiteral("appliedNote"));
    appliedNote_->setWordWrap(true);
    appliedNote_->hide();
    connect(apply_, &QPushButton::clicked, this, [this] {
        if (!preview_ || !previewCurrent_ || !preview_->prepared) return;
        appliedResampling_ = std::any_of(
            preview_->spec.steps.begin(), preview_->spec.steps.end(), [](const StepSetting& s) {
                return s.step == "oversample" || s.step == "undersample" || s.step == "smote" ||
                       s.step == "smote-nc";
            });
        emit applyRequested(preview_->prepared, stepNames());
    });
    connect(revert_, &QPushButton::clicked, this, &PreparationPanel::revertRequested);
    connect(attach_, &QPushButton::toggled, this, &PreparationPanel::setAttached);

    auto* area = new QWidget(this);
    auto* grid = new QGridLayout(area);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(appliedNote_, 0, 0, 1, 2);
    grid->addWidget(apply_, 1, 0);
    grid->addWidget(revert_, 1, 1);
    grid->addWidget(attach_, 2, 0, 1, 2);
    return area;
}

void PreparationPanel::retranslate() {
    stepsGroup_->setTitle(tr("Steps"));
    seedCaption_->setText(tr("Seed:"));
    seed_->setToolTip(tr("Seeds the randomised steps (sampling, outlier forests, noise)"));
    previewButton_->setText(tr("Preview"));
    previewButton_->setToolTip(
        tr("Fit the steps on the open table again and show what each one does"));
    tabs_->setTabText(SettingsTab, tr("Step settings"));
    tabs_->setTabText(PreviewTab, tr("Preview"));
    tabs_->setTabText(PrivacyTab, tr("Privacy"));
    apply_->setText(tr("Apply to table"));
    apply_->setToolTip(
        tr("Show the prepared table in the Data view; column statistics and training use it"));
    revert_->setText(tr("Revert to the file"));
    revert_->setToolTip(tr("Show the table as read from the file again"));
    attach_->setText(tr("Attach to training"));
    attach_->setToolTip(
        tr("Train with these steps: they are fitted inside validation on the training rows and "
           "saved with the model"));
    currentStepChanged(steps_->currentIndex());
    setApplied(applied_);
    if (preview_ && previewCurrent_) showPreviewStatus();
}

void PreparationPanel::currentStepChanged(int index) {
    const auto& entries = steps_->entries();
    loadingForm_ = true;
    if (index < 0 || index >= int(entries.size())) {
        settingsGroup_->setTitle(tr("Step settings"));
        description_->setText(tr("Add a step with “Add step”, then set its parameters here."));
        form_->setSpecs({});
        form_->hide();
    } else {
        const PreparationStepEntry& entry = entries[std::size_t(index)];
        settingsGroup_->setTitle(tr("%1 settings").arg(QString::fromStdString(entry.step)));
        try {
            const PreparationStep& step = preparationStepNamed(entry.step);
            description_->setText(EngineText::stepDescription(step));
            form_->setSpecs(step.params());
            form_->setValues(entry.params);
            form_->setVisible(!step.params().empty());
        } catch (const Error& error) {
            description_->setText(QString::fromStdString(error.what()));
            form_->setSpecs({});
        }
    }
    loadingForm_ = false;
}

void PreparationPanel::formChanged() {
    if (loadingForm_) return;
    const QString error = form_->validationError();
    if (!error.isEmpty()) {
        showStatus(error, true);
        previewCurrent_ = false;
        updateButtons();
        return;
    }
    steps_->setParams(steps_->currentIndex(), form_->values());
}

void PreparationPanel::stepsChanged() {
    previewCurrent_ = false;
    updateButtons();
    schedulePreview();
    if (isAttached()) sendAttachment();
}

void PreparationPanel::schedulePreview() {
    previewCurrent_ = false;
    updateButtons();
    timer_->start();
}

std::optional<PipelineSpec> PreparationPanel::spec(QString* error) const {
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return std::nullopt;
    };
    if (const QString formError = form_->validationError(); !formError.isEmpty())
        return fail(formError);
    if (const QString budgetError = privacyView_->budgetError(); !budgetError.isEmpty())
        return fail(budgetError);
    try {
        PipelineSpec spec = steps_->spec();
        spec.budget = privacyView_->budget();
        return spec;
    } catch (const Error& e) {
        return fail(QString::fromStdString(e.what()));
    }
}

std::optional<std::vector<std::string>> PreparationPanel::stepTexts(QString* error) const {
    const std::optional<PipelineSpec> made = spec(error);
    if (!made) return std::nullopt;
    try {
        splitProtection(*made);  // training needs the protection steps first
    } catch (const Error& e) {
        if (error) *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
    return pipelineTexts(*made);
}

PrivacyAllowance PreparationPanel::budget() const {
    return privacyView_->budget();
}

void PreparationPanel::setTable(std::shared_ptr<const Table> table) {
    table_ = std::move(table);
    preview_.reset();
    client_->forget(PreparationClient::Kind::Preview);
    client_->forget(PreparationClient::Kind::Distribution);
    schedulePreview();
    if (!table_) preview();
}

void PreparationPanel::setTarget(const QString& target) {
    if (target == target_) return;
    target_ = target;
    schedulePreview();
}

void PreparationPanel::preview() {
    timer_->stop();
    steps_->clearErrors();
    previewId_ = 0;
    client_->forget(PreparationClient::Kind::Preview);
    if (!table_) {
        preview_.reset();
        previewView_->clear(tr("Open a table to preview the steps on it."));
        privacyView_->clear(tr("Open a table to preview the steps on it."));
        showStatus(QString());
        updateButtons();
        return;
    }
    QString error;
    std::vector<int> entryOfStep;
    std::optional<PipelineSpec> made = spec(&error);
    if (made) steps_->spec(&entryOfStep);
    if (!made) {
        // Mark the entry whose parameters are refused.
        for (int i = 0; i < int(steps_->entries().size()); ++i) {
            const PreparationStepEntry& entry = steps_->entries()[std::size_t(i)];
            if (!entry.enabled) continue;
            try {
                makeStepSetting(entry.step, entry.params);
            } catch (const Error& e) {
                steps_->setError(i, QString::fromStdString(e.what()));
                break;
            }
        }
        showStatus(error, true);
        emit previewFailed(error);
        updateButtons();
        return;
    }
    if (made->empty()) {
        preview_.reset();
        previewView_->clear(tr("Add a step to see what it does to the table."));
        privacyView_->clear(QString());
        showStatus(QString());
        updateButtons();
        return;
    }
    entryOfStep_ = std::move(entryOfStep);
    PreparationRequest request;
    request.table = table_;
    request.spec = std::move(*made);
    request.target = target_.toStdString();
    request.seed = std::uint64_t(seed_->value());
    previewId_ = client_->preview(request);
    showStatus(tr("Previewing…"));
    updateButtons();
}

void PreparationPanel::onPreviewReady(int id, PreparationPreviewPtr preview) {
    if (id != previewId_) return;
    preview_ = std::move(preview);
    previewCurrent_ = true;
    previewView_->setPreview(preview_);
    privacyView_->setPreview(preview_);
    showPreviewStatus();
    updateButtons();
    emit previewShown();
}

void PreparationPanel::showPreviewStatus() {
    const Table& input = *preview_->tables.front();
    const Table& output = *preview_->tables.back();
    showStatus(
        tr("%n step(s): %1 rows, %2 missing cells.", nullptr, int(preview_->steps.size()))
            .arg(QStringLiteral("%1 → %2").arg(count(input.rowCount()), count(output.rowCount())),
                 QStringLiteral("%1 → %2").arg(count(missingCells(input)),
                                               count(missingCells(output)))));
}

void PreparationPanel::onFailed(int id, PreparationClient::Kind kind, const QString& message,
                                int step) {
    if (kind == PreparationClient::Kind::Distribution) {
        if (id == distributionId_) previewView_->showDistributionError(message);
        return;
    }
    if (id != previewId_) return;
    preview_.reset();
    previewCurrent_ = false;
    if (step >= 0 && step < int(entryOfStep_.size())) steps_->setError(entryOfStep_[step], message);
    previewView_->clear(tr("The preview failed: see the message below."));
    privacyView_->clear(QString());
    showStatus(message, true);
    updateButtons();
    emit previewFailed(message);
}

void PreparationPanel::showStatus(const QString& text, bool error) {
    status_->setText(
        error ? QStringLiteral("<span style='color:#c00000'>%1</span>").arg(text.toHtmlEscaped())
              : text.toHtmlEscaped());
    status_->setToolTip(error ? text : QString());
    status_->setVisible(!text.isEmpty());
}

bool PreparationPanel::isAttached() const {
    return attach_->isChecked();
}

void PreparationPanel::setAttached(bool attached) {
    if (attach_->isChecked() != attached) {
        attach_->setChecked(attached);  // comes back here through toggled
        return;
    }
    if (attached)
        sendAttachment();
    else
        emit attachmentChanged({}, budget());
    setApplied(applied_);
}

void PreparationPanel::sendAttachment() {
    QString error;
    const std::optional<std::vector<std::string>> texts = stepTexts(&error);
    if (!texts) {
        showStatus(tr("Not attached: %1").arg(error), true);
        return;
    }
    emit attachmentChanged(*texts, budget());
}

void PreparationPanel::setApplied(bool applied) {
    applied_ = applied;
    QString note;
    if (!applied) appliedResampling_ = false;
    if (applied) note = tr("The Data view shows the prepared table.");
    if (appliedResampling_)
        note += QLatin1Char(' ') +
                tr("It holds resampled rows: validating on it scores copies and synthetic rows "
                   "of the training rows. Attach resampling to training instead (it then runs "
                   "inside each fold).");
    if (applied && isAttached())
        note += QLatin1Char(' ') +
                tr("Training would run the attached steps on it again: detach them or revert "
                   "to the file.");
    appliedNote_->setText(note);
    appliedNote_->setVisible(!note.isEmpty());
    const bool warning = appliedResampling_ || (applied && isAttached());
    appliedNote_->setStyleSheet(warning ? QStringLiteral("color: #b35900") : QString());
    updateButtons();
}

void PreparationPanel::updateButtons() {
    apply_->setEnabled(preview_ && previewCurrent_ && preview_->prepared);
    revert_->setEnabled(applied_);
    previewButton_->setEnabled(table_ != nullptr);
}

QString PreparationPanel::stepNames() const {
    QStringList names;
    if (preview_)
        for (const StepSetting& step : preview_->spec.steps)
            names << QString::fromStdString(step.step);
    return names.join(QStringLiteral(", "));
}

void PreparationPanel::restoreSettings() {
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    std::vector<PreparationStepEntry> entries;
    const int size = settings.beginReadArray("steps");
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        PreparationStepEntry entry;
        entry.step = settings.value("step").toString().toStdString();
        entry.enabled = settings.value("enabled", true).toBool();
        try {
            const ParamSpecs& specs = preparationStepNamed(entry.step).params();
            entry.params = ParamValues::resolve(specs, {}).all();
            const QVariantMap saved = settings.value("params").toMap();
            for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
                const std::string name = it.key().toStdString();
                if (!entry.params.contains(name)) continue;
                try {
                    const std::map<std::string, std::string> one = {
                        {name, it.value().toString().toStdString()}};
                    entry.params[name] = ParamValues::resolve(specs, one).text(name);
                } catch (const Error&) {
                }
            }
        } catch (const Error&) {
            continue;  // a step this version does not know
        }
        entries.push_back(std::move(entry));
    }
    settings.endArray();
    steps_->setEntries(std::move(entries));
    PrivacyAllowance budget;
    budget.epsilon = settings.value("epsilon", budget.epsilon).toDouble();
    budget.delta = settings.value("delta", budget.delta).toDouble();
    privacyView_->setBudget(budget);
    seed_->setValue(settings.value("seed", 0).toInt());
}

void PreparationPanel::saveSettings() const {
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    settings.beginWriteArray("steps", int(steps_->entries().size()));
    for (int i = 0; i < int(steps_->entries().size()); ++i) {
        const PreparationStepEntry& entry = steps_->entries()[std::size_t(i)];
        settings.setArrayIndex(i);
        settings.setValue("step", QString::fromStdString(entry.step));
        settings.setValue("enabled", entry.enabled);
        QVariantMap params;
        for (const auto& [name, value] : entry.params)
            params.insert(QString::fromStdString(name), QString::fromStdString(value));
        settings.setValue("params", params);
    }
    settings.endArray();
    const PrivacyAllowance budget = privacyView_->budget();
    settings.setValue("epsilon", budget.epsilon);
    settings.setValue("delta", budget.delta);
    settings.setValue("seed", seed_->value());
}

void PreparationPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Side by side when docked wide (top or bottom), stacked when docked tall.
    const QBoxLayout::Direction wanted = event->size().width() > event->size().height() * 6 / 5
                                             ? QBoxLayout::LeftToRight
                                             : QBoxLayout::TopToBottom;
    if (bodyLayout_->direction() != wanted) bodyLayout_->setDirection(wanted);
}

void PreparationPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
