#include "widgets/training_panel.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>

#include "engine/learner.h"
#include "widgets/column_type_text.h"
#include "widgets/engine_text.h"
#include "widgets/param_form.h"
#include "widgets/tuning_dialog.h"

namespace glassbox::gui {
namespace {

const char* const kGroup = "training";
constexpr int kProgressSteps = 1000;

// Task picker entries: automatic, then the two tasks.
std::optional<TaskKind> taskOfIndex(int index) {
    if (index == 1) return TaskKind::Classification;
    if (index == 2) return TaskKind::Regression;
    return std::nullopt;
}

QString taskText(TaskKind task) {
    return task == TaskKind::Classification ? TrainingPanel::tr("classification")
                                            : TrainingPanel::tr("regression");
}

QString timeLeftText(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds)) return TrainingPanel::tr("estimating time left…");
    const int s = static_cast<int>(std::ceil(seconds));
    if (s < 60) return TrainingPanel::tr("about %n second(s) left", "", s);
    if (s < 3600)
        return TrainingPanel::tr("about %1 min %2 s left")
            .arg(s / 60)
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return TrainingPanel::tr("about %1 h %2 min left")
        .arg(s / 3600)
        .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

void setItemEnabled(QComboBox* combo, int index, bool enabled) {
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    if (model && model->item(index)) model->item(index)->setEnabled(enabled);
}

bool itemEnabled(const QComboBox* combo, int index) {
    const auto* model = qobject_cast<const QStandardItemModel*>(combo->model());
    return !model || !model->item(index) || model->item(index)->isEnabled();
}

}  // namespace

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent),
      dataGroup_(new QGroupBox(this)),
      targetCaption_(new QLabel(this)),
      target_(new QComboBox(this)),
      taskCaption_(new QLabel(this)),
      task_(new QComboBox(this)),
      taskLabel_(new QLabel(this)),
      featuresCaption_(new QLabel(this)),
      features_(new QTreeWidget(this)),
      allFeatures_(new QPushButton(this)),
      noFeatures_(new QPushButton(this)),
      learnerGroup_(new QGroupBox(this)),
      learner_(new QComboBox(this)),
      learnerDescription_(new QLabel(this)),
      params_(new ParamForm(this)),
      validationGroup_(new QGroupBox(this)),
      validationKind_(new QButtonGroup(this)),
      holdout_(new QRadioButton(this)),
      crossValidation_(new QRadioButton(this)),
      trainingRows_(new QRadioButton(this)),
      holdoutPercent_(new QSpinBox(this)),
      folds_(new QSpinBox(this)),
      ruleCaption_(new QLabel(this)),
      foldRule_(new QComboBox(this)),
      seedCaption_(new QLabel(this)),
      seed_(new QSpinBox(this)),
      saveToHistory_(new QCheckBox(this)),
      versionName_(new QLineEdit(this)),
      trainButton_(new QPushButton(this)),
      tuneButton_(new QPushButton(this)),
      message_(new QLabel(this)),
      preparationRow_(new QWidget(this)),
      preparationLabel_(new QLabel(preparationRow_)),
      detach_(new QPushButton(preparationRow_)),
      progress_(new QProgressBar(this)),
      stageLabel_(new QLabel(this)),
      timeLeftLabel_(new QLabel(this)),
      queueLabel_(new QLabel(this)),
      cancelButton_(new QPushButton(this)),
      cancelAllButton_(new QPushButton(this)) {
    auto* setup = new QWidget;
    auto* setupLayout = new QVBoxLayout(setup);
    setupLayout->addWidget(buildDataGroup());
    setupLayout->addWidget(buildLearnerGroup());
    setupLayout->addWidget(buildValidationGroup());
    setupLayout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(setup);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* buttons = new QHBoxLayout;
    trainButton_->setObjectName(QStringLiteral("train"));
    trainButton_->setDefault(true);
    tuneButton_->setObjectName(QStringLiteral("tune"));
    buttons->addWidget(trainButton_, 1);
    buttons->addWidget(tuneButton_);
    message_->setObjectName(QStringLiteral("trainingMessage"));
    message_->setWordWrap(true);
    message_->hide();

    preparationLabel_->setObjectName(QStringLiteral("preparationLine"));
    preparationLabel_->setWordWrap(true);
    detach_->setObjectName(QStringLiteral("detachPreparation"));
    auto* preparation = new QHBoxLayout(preparationRow_);
    preparation->setContentsMargins(0, 0, 0, 0);
    preparation->addWidget(preparationLabel_, 1);
    preparation->addWidget(detach_);
    preparationRow_->hide();
    connect(detach_, &QPushButton::clicked, this, [this] {
        setPreparation({}, privacyBudget_);
        emit preparationDetached();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(preparationRow_);
    layout->addLayout(buttons);
    layout->addWidget(message_);
    layout->addWidget(buildProgressArea());

    auto* trainAction = new QAction(this);
    trainAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    trainAction->setShortcutContext(Qt::WindowShortcut);
    addAction(trainAction);
    connect(trainAction, &QAction::triggered, this, &TrainingPanel::train);
    connect(trainButton_, &QPushButton::clicked, this, &TrainingPanel::train);
    connect(tuneButton_, &QPushButton::clicked, this, &TrainingPanel::openTuning);
    connect(cancelButton_, &QPushButton::clicked, this, [this] {
        if (running_) emit cancelRequested(*running_);
    });
    connect(cancelAllButton_, &QPushButton::clicked, this, &TrainingPanel::cancelAllRequested);

    for (const Learner* learner : allLearners()) {
        const QString name = QString::fromUtf8(learner->name().data(),
                                               static_cast<qsizetype>(learner->name().size()));
        learner_->addItem(name, name);
    }
    retranslate();
    restoreSettings();
    learnerChanged();
    updateValidationControls();
    connect(learner_, &QComboBox::currentIndexChanged, this, &TrainingPanel::learnerChanged);
    setTable(nullptr, {});
}

TuningDialog* TrainingPanel::tuningDialog() const {
    return tuning_;
}

TrainingPanel::~TrainingPanel() {
    saveSettings();
}

QGroupBox* TrainingPanel::buildDataGroup() {
    target_->setObjectName(QStringLiteral("target"));
    task_->setObjectName(QStringLiteral("task"));
    task_->addItem(QString());
    task_->addItem(QString());
    task_->addItem(QString());
    taskLabel_->setObjectName(QStringLiteral("inferredTask"));
    taskLabel_->setWordWrap(true);
    features_->setObjectName(QStringLiteral("features"));
    features_->setColumnCount(2);
    features_->setRootIsDecorated(false);
    features_->setUniformRowHeights(true);
    features_->setMinimumHeight(120);
    features_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    features_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    features_->header()->setStretchLastSection(false);

    auto* form = new QFormLayout;
    form->addRow(targetCaption_, target_);
    form->addRow(taskCaption_, task_);
    form->addRow(QString(), taskLabel_);
    auto* featureButtons = new QHBoxLayout;
    featureButtons->addWidget(featuresCaption_, 1);
    featureButtons->addWidget(allFeatures_);
    featureButtons->addWidget(noFeatures_);
    auto* layout = new QVBoxLayout(dataGroup_);
    layout->addLayout(form);
    layout->addLayout(featureButtons);
    layout->addWidget(features_, 1);

    connect(target_, &QComboBox::currentIndexChanged, this, &TrainingPanel::targetChanged);
    connect(task_, &QComboBox::currentIndexChanged, this, &TrainingPanel::updateTask);
    auto tickAll = [this](bool on) {
        for (int i = 0; i < features_->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = features_->topLevelItem(i);
            if (!item->isDisabled()) item->setCheckState(0, on ? Qt::Checked : Qt::Unchecked);
        }
    };
    connect(allFeatures_, &QPushButton::clicked, this, [tickAll] { tickAll(true); });
    connect(noFeatures_, &QPushButton::clicked, this, [tickAll] { tickAll(false); });
    return dataGroup_;
}

QGroupBox* TrainingPanel::buildLearnerGroup() {
    learner_->setObjectName(QStringLiteral("learner"));
    learnerDescription_->setWordWrap(true);
    QPalette dim = learnerDescription_->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    learnerDescription_->setPalette(dim);
    params_->setObjectName(QStringLiteral("params"));
    auto* layout = new QVBoxLayout(learnerGroup_);
    layout->addWidget(learner_);
    layout->addWidget(learnerDescription_);
    layout->addWidget(params_);
    return learnerGroup_;
}

QGroupBox* TrainingPanel::buildValidationGroup() {
    holdout_->setObjectName(QStringLiteral("holdout"));
    crossValidation_->setObjectName(QStringLiteral("crossValidation"));
    trainingRows_->setObjectName(QStringLiteral("trainingRows"));
    validationKind_->addButton(holdout_);
    validationKind_->addButton(crossValidation_);
    validationKind_->addButton(trainingRows_);
    crossValidation_->setChecked(true);
    holdoutPercent_->setObjectName(QStringLiteral("holdoutPercent"));
    holdoutPercent_->setRange(5, 95);
    holdoutPercent_->setValue(25);
    holdoutPercent_->setSuffix(QStringLiteral(" %"));
    folds_->setObjectName(QStringLiteral("folds"));
    folds_->setRange(2, 100);
    folds_->setValue(5);
    foldRule_->setObjectName(QStringLiteral("foldRule"));
    foldRule_->addItem(QString(), static_cast<int>(FoldRule::Stratified));
    foldRule_->addItem(QString(), static_cast<int>(FoldRule::Index));
    seed_->setObjectName(QStringLiteral("seed"));
    seed_->setRange(0, INT_MAX);
    saveToHistory_->setObjectName(QStringLiteral("saveToHistory"));
    saveToHistory_->setChecked(true);
    versionName_->setObjectName(QStringLiteral("versionName"));
    versionName_->setClearButtonEnabled(true);

    auto* grid = new QGridLayout(validationGroup_);
    grid->addWidget(holdout_, 0, 0);
    grid->addWidget(holdoutPercent_, 0, 1);
    grid->addWidget(crossValidation_, 1, 0);
    grid->addWidget(folds_, 1, 1);
    grid->addWidget(trainingRows_, 2, 0, 1, 2);
    grid->addWidget(ruleCaption_, 3, 0);
    grid->addWidget(foldRule_, 3, 1);
    grid->addWidget(seedCaption_, 4, 0);
    grid->addWidget(seed_, 4, 1);
    grid->addWidget(saveToHistory_, 5, 0, 1, 2);
    grid->addWidget(versionName_, 6, 0, 1, 2);
    grid->setColumnStretch(1, 1);

    connect(validationKind_, &QButtonGroup::buttonToggled, this,
            &TrainingPanel::updateValidationControls);
    connect(saveToHistory_, &QCheckBox::toggled, versionName_, &QLineEdit::setEnabled);
    return validationGroup_;
}

QWidget* TrainingPanel::buildProgressArea() {
    auto* area = new QWidget(this);
    progress_->setObjectName(QStringLiteral("progress"));
    progress_->setRange(0, kProgressSteps);
    progress_->setValue(0);
    stageLabel_->setObjectName(QStringLiteral("stage"));
    // Progress text changes 20 times a second: labels that never ask for another size keep
    // those changes from relaying out the whole window.
    stageLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    timeLeftLabel_->setObjectName(QStringLiteral("timeLeft"));
    timeLeftLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    queueLabel_->setObjectName(QStringLiteral("queue"));
    cancelButton_->setObjectName(QStringLiteral("cancel"));
    cancelButton_->setEnabled(false);
    cancelAllButton_->setObjectName(QStringLiteral("cancelAll"));
    cancelAllButton_->setEnabled(false);

    auto* layout = new QGridLayout(area);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(progress_, 0, 0, 1, 2);
    layout->addWidget(cancelButton_, 0, 2);
    layout->addWidget(stageLabel_, 1, 0, 1, 3);
    layout->addWidget(timeLeftLabel_, 2, 0);
    layout->addWidget(queueLabel_, 2, 1, Qt::AlignRight);
    layout->addWidget(cancelAllButton_, 2, 2);
    layout->setColumnStretch(0, 1);
    return area;
}

void TrainingPanel::retranslate() {
    dataGroup_->setTitle(tr("Data"));
    targetCaption_->setText(tr("Target:"));
    target_->setToolTip(tr("The column the model learns to predict"));
    taskCaption_->setText(tr("Task:"));
    task_->setItemText(1, tr("Classification"));
    task_->setItemText(2, tr("Regression"));
    task_->setToolTip(
        tr("Automatic: classification for categories, yes/no and whole numbers "
           "with at most 10 values; regression for other numbers"));
    featuresCaption_->setText(tr("Features:"));
    features_->setHeaderLabels({tr("Column"), tr("Type")});
    allFeatures_->setText(tr("All"));
    allFeatures_->setToolTip(tr("Tick every usable column"));
    noFeatures_->setText(tr("None"));
    noFeatures_->setToolTip(tr("Untick every column"));
    learnerGroup_->setTitle(tr("Learner"));
    validationGroup_->setTitle(tr("Validation"));
    holdout_->setText(tr("Holdout"));
    holdout_->setToolTip(tr("Train on the other rows and score on this share of the rows"));
    holdoutPercent_->setToolTip(tr("Share of the rows held out for scoring"));
    crossValidation_->setText(tr("Cross-validation, folds:"));
    crossValidation_->setToolTip(
        tr("Score K models each on the rows it was not trained on, then train the kept model on "
           "every row"));
    trainingRows_->setText(tr("None (score on the training rows)"));
    trainingRows_->setToolTip(tr("Scores on the rows the model was fitted on are optimistic"));
    ruleCaption_->setText(tr("Split:"));
    foldRule_->setItemText(0, tr("Stratified"));
    foldRule_->setItemText(1, tr("By row order"));
    foldRule_->setToolTip(
        tr("Stratified: the rows are shuffled by the seed, keeping the class shares in every "
           "part. By row order: row i goes to fold i mod K (holdout: the last rows are held "
           "out)."));
    seedCaption_->setText(tr("Seed:"));
    seed_->setToolTip(tr("The same seed gives the same splits and the same model"));
    saveToHistory_->setText(tr("Save to model history"));
    versionName_->setPlaceholderText(tr("Version name (optional)"));
    trainButton_->setText(tr("Train"));
    trainButton_->setToolTip(tr("Queue a training with these settings (Ctrl+Return)"));
    tuneButton_->setText(tr("Tune…"));
    tuneButton_->setToolTip(tr("Search parameter values of this learner by cross-validation"));
    cancelButton_->setText(tr("Cancel"));
    cancelButton_->setToolTip(tr("Stop the running job; it leaves no result"));
    cancelAllButton_->setText(tr("Cancel all"));
    cancelAllButton_->setToolTip(tr("Stop the running job and drop every queued one"));
    if (!running_) stageLabel_->setText(tr("No training running"));
    detach_->setText(tr("Detach"));
    detach_->setToolTip(tr("Train without the preparation steps"));
    updatePreparationLine();
    for (int i = 0; i < features_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = features_->topLevelItem(i);
        const auto type = static_cast<ColumnType>(item->data(1, Qt::UserRole).toInt());
        item->setText(1, ColumnTypeText::name(type));
        if (type == ColumnType::Text)
            item->setToolTip(0,
                             tr("Text columns cannot be features: almost every value is "
                                "different. Change the column's type to categorical to use it."));
    }
    updateTask();
    updateQueueLabel();
    if (!shownLearner_.empty())
        learnerDescription_->setText(EngineText::learnerDescription(learnerNamed(shownLearner_)));
}

void TrainingPanel::setTable(std::shared_ptr<const LoadedTable> table, DataSource source) {
    // The same source again (the table re-read with other column types): keep the target and
    // the unticked features.
    const bool sameSource = table_ && table && source.path == source_.path &&
                            source.sample == source_.sample &&
                            source.displayName == source_.displayName;
    const QString previousTarget = target_->currentText();
    QStringList unticked;
    for (int i = 0; i < features_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = features_->topLevelItem(i);
        if (!item->isDisabled() && item->checkState(0) == Qt::Unchecked) unticked << item->text(0);
    }
    table_ = std::move(table);
    source_ = std::move(source);
    const QSignalBlocker block(target_);
    target_->clear();
    if (table_) {
        for (const Column& column : table_->table.columns())
            target_->addItem(ColumnTypeText::icon(column.type()),
                             QString::fromStdString(column.name()));
        const int kept = sameSource ? target_->findText(previousTarget) : -1;
        target_->setCurrentIndex(kept >= 0 ? kept : target_->count() - 1);
    }
    fillFeatures();
    if (sameSource) {
        for (const QString& name : unticked)
            for (QTreeWidgetItem* item : features_->findItems(name, Qt::MatchExactly))
                if (!item->isDisabled()) item->setCheckState(0, Qt::Unchecked);
    }
    targetChanged();
    dataGroup_->setEnabled(table_ != nullptr);
    trainButton_->setEnabled(table_ != nullptr);
    tuneButton_->setEnabled(table_ != nullptr);
    message_->hide();
}

std::shared_ptr<const Table> TrainingPanel::table() const {
    if (!table_) return nullptr;
    return std::shared_ptr<const Table>(table_, &table_->table);
}

void TrainingPanel::fillFeatures() {
    features_->clear();
    if (!table_) return;
    for (const Column& column : table_->table.columns()) {
        auto* item = new QTreeWidgetItem(features_);
        item->setText(0, QString::fromStdString(column.name()));
        item->setIcon(1, ColumnTypeText::icon(column.type()));
        item->setData(1, Qt::UserRole, static_cast<int>(column.type()));
        item->setText(1, ColumnTypeText::name(column.type()));
        if (column.type() == ColumnType::Text) {
            item->setCheckState(0, Qt::Unchecked);
            item->setDisabled(true);
            item->setToolTip(0,
                             tr("Text columns cannot be features: almost every value is "
                                "different. Change the column's type to categorical to use it."));
        } else {
            item->setCheckState(0, Qt::Checked);
        }
    }
}

void TrainingPanel::targetChanged() {
    const QString target = target_->currentText();
    for (int i = 0; i < features_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = features_->topLevelItem(i);
        item->setHidden(item->text(0) == target);
    }
    inferred_.reset();
    if (table_) {
        const std::ptrdiff_t index = table_->table.indexOf(target.toStdString());
        if (index >= 0)
            inferred_ = inferTask(table_->table.column(static_cast<std::size_t>(index)));
    }
    updateTask();
}

std::optional<TaskKind> TrainingPanel::task() const {
    if (const std::optional<TaskKind> chosen = taskOfIndex(task_->currentIndex())) return chosen;
    return inferred_;
}

void TrainingPanel::updateTask() {
    task_->setItemText(
        0, inferred_ ? tr("Automatic (%1)").arg(taskText(*inferred_)) : tr("Automatic"));
    const std::optional<TaskKind> current = task();
    if (!current)
        taskLabel_->setText(tr("Open a table and choose the target column."));
    else if (taskOfIndex(task_->currentIndex()))
        taskLabel_->setText(tr("%1, chosen by you").arg(taskText(*current)));
    else
        taskLabel_->setText(tr("%1, inferred from the target column").arg(taskText(*current)));
    updateLearners();
}

void TrainingPanel::updateLearners() {
    const std::optional<TaskKind> current = task();
    const auto learners = allLearners();
    for (int i = 0; i < learner_->count() && i < static_cast<int>(learners.size()); ++i) {
        const Learner* learner = learners[static_cast<std::size_t>(i)];
        const bool ok = !current || learner->supports(*current);
        setItemEnabled(learner_, i, ok);
        QString tip = EngineText::learnerDescription(*learner);
        if (!ok) tip += QLatin1Char('\n') + tr("Not for %1.").arg(taskText(*current));
        learner_->setItemData(i, tip, Qt::ToolTipRole);
    }
    if (!itemEnabled(learner_, learner_->currentIndex())) {
        for (int i = 0; i < learner_->count(); ++i) {
            if (itemEnabled(learner_, i)) {
                learner_->setCurrentIndex(i);
                break;
            }
        }
    }
}

void TrainingPanel::learnerChanged() {
    if (!shownLearner_.empty()) editedParams_[shownLearner_] = params_->values();
    shownLearner_ = learner_->currentData().toString().toStdString();
    if (shownLearner_.empty()) return;
    const Learner& learner = learnerNamed(shownLearner_);
    params_->setSpecs(learner.params());
    const auto edited = editedParams_.find(shownLearner_);
    if (edited != editedParams_.end()) params_->setValues(edited->second);
    learnerDescription_->setText(EngineText::learnerDescription(learner));
}

void TrainingPanel::updateValidationControls() {
    holdoutPercent_->setEnabled(holdout_->isChecked());
    folds_->setEnabled(crossValidation_->isChecked());
    foldRule_->setEnabled(!trainingRows_->isChecked());
}

std::optional<TrainingRequest> TrainingPanel::request(QString* error) const {
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return std::nullopt;
    };
    if (!table_) return fail(tr("Open a table first."));
    if (target_->currentIndex() < 0) return fail(tr("Choose the target column."));
    const std::optional<TaskKind> kind = task();
    const Learner& learner = learnerNamed(shownLearner_);
    if (kind && !learner.supports(*kind))
        return fail(tr("%1 cannot do %2.").arg(learner_->currentText(), taskText(*kind)));
    const QString paramError = params_->validationError();
    if (!paramError.isEmpty()) return fail(paramError);

    TrainingRequest request;
    request.learner = shownLearner_;
    request.params = params_->values();
    request.target = target_->currentText().toStdString();
    request.task = taskOfIndex(task_->currentIndex());
    std::vector<std::string> features;
    for (int i = 0; i < features_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = features_->topLevelItem(i);
        if (!item->isHidden() && !item->isDisabled() && item->checkState(0) == Qt::Checked)
            features.push_back(item->text(0).toStdString());
    }
    if (features.empty()) return fail(tr("Tick at least one feature."));
    request.features = std::move(features);
    if (holdout_->isChecked())
        request.validation.kind = ValidationPlan::Kind::Holdout;
    else if (crossValidation_->isChecked())
        request.validation.kind = ValidationPlan::Kind::CrossValidation;
    else
        request.validation.kind = ValidationPlan::Kind::TrainingRows;
    request.validation.testFraction = holdoutPercent_->value() / 100.0;
    request.validation.folds = static_cast<std::size_t>(folds_->value());
    request.validation.rule = static_cast<FoldRule>(foldRule_->currentData().toInt());
    request.seed = static_cast<std::uint64_t>(seed_->value());
    request.preparation = preparation_;
    request.privacyBudget = privacyBudget_;
    request.saveToHistory = saveToHistory_->isChecked();
    if (request.saveToHistory) request.versionName = versionName_->text().trimmed().toStdString();
    request.source = source_;
    return request;
}

void TrainingPanel::setPreparation(const std::vector<std::string>& steps,
                                   const PrivacyAllowance& budget) {
    preparation_ = steps;
    privacyBudget_ = budget;
    updatePreparationLine();
}

void TrainingPanel::updatePreparationLine() {
    QStringList names;
    for (const std::string& step : preparation_)
        names << QString::fromStdString(step.substr(0, step.find(':')));
    preparationLabel_->setText(tr("Preparation: %n step(s) (%1)", nullptr, int(names.size()))
                                   .arg(names.join(QStringLiteral(", "))));
    QStringList texts;
    for (const std::string& step : preparation_) texts << QString::fromStdString(step);
    preparationLabel_->setToolTip(texts.join(QLatin1Char('\n')));
    preparationRow_->setVisible(!preparation_.empty());
}

void TrainingPanel::showMessage(const QString& text) {
    message_->setText(text);
    message_->setVisible(!text.isEmpty());
}

void TrainingPanel::train() {
    if (!trainButton_->isEnabled()) return;
    QString error;
    const std::optional<TrainingRequest> made = request(&error);
    if (!made) {
        showMessage(
            QStringLiteral("<span style='color:#c00000'>%1</span>").arg(error.toHtmlEscaped()));
        return;
    }
    showMessage(QString());
    // Settings are written when the panel closes: writing them here costs the GUI thread
    // tens of milliseconds (QSettings syncs to disk) at the moment training starts.
    emit trainRequested(*made);
}

void TrainingPanel::openTuning() {
    QString error;
    const std::optional<TrainingRequest> base = request(&error);
    if (!base || !task()) {
        showMessage(
            QStringLiteral("<span style='color:#c00000'>%1</span>").arg(error.toHtmlEscaped()));
        return;
    }
    showMessage(QString());
    if (!tuning_) {
        tuning_ = new TuningDialog(this);
        connect(tuning_, &TuningDialog::tuneRequested, this, &TrainingPanel::tuneRequested);
        connect(tuning_, &TuningDialog::keepBestRequested, this,
                [this](const TrainingRequest& best) {
                    if (best.learner == shownLearner_) params_->setValues(best.params);
                    emit trainRequested(best);
                });
    }
    tuning_->setContext(*base, *task());
    tuning_->show();
    tuning_->raise();
    tuning_->activateWindow();
}

void TrainingPanel::showTuningResults(std::shared_ptr<const TuningOutcome> outcome) {
    if (tuning_) tuning_->showResults(std::move(outcome));
}

void TrainingPanel::onJobQueued(int, const QString& description) {
    showMessage(tr("Queued: %1").arg(description));
}

void TrainingPanel::onJobStarted(int job, const QString& description) {
    running_ = job;
    showMessage(QString());
    progress_->setValue(0);
    stageLabel_->setText(description);
    timeLeftLabel_->setText(timeLeftText(-1));
    cancelButton_->setEnabled(true);
    updateQueueLabel();
}

void TrainingPanel::onJobProgress(int job, double fraction, const QString& stage,
                                  double secondsLeft) {
    if (running_ != job) onJobStarted(job, stage);
    progress_->setValue(
        static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kProgressSteps)));
    stageLabel_->setText(stage);
    stageLabel_->setToolTip(stage);
    timeLeftLabel_->setText(timeLeftText(secondsLeft));
}

void TrainingPanel::onJobEnded(int job) {
    if (running_ != job) return;
    running_.reset();
    progress_->setValue(0);
    stageLabel_->setText(tr("No training running"));
    timeLeftLabel_->clear();
    cancelButton_->setEnabled(false);
    updateQueueLabel();
}

void TrainingPanel::onQueueChanged(int pending) {
    pending_ = pending;
    updateQueueLabel();
}

void TrainingPanel::updateQueueLabel() {
    const int waiting = std::max(0, pending_ - (running_ ? 1 : 0));
    queueLabel_->setText(tr("%n job(s) queued", "", waiting));
    cancelAllButton_->setEnabled(pending_ > 0);
}

void TrainingPanel::restoreSettings() {
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    const int learner = learner_->findData(settings.value("learner").toString());
    if (learner >= 0) learner_->setCurrentIndex(learner);
    const QString validation = settings.value("validation", "crossValidation").toString();
    holdout_->setChecked(validation == QLatin1String("holdout"));
    trainingRows_->setChecked(validation == QLatin1String("trainingRows"));
    crossValidation_->setChecked(validation != QLatin1String("holdout") &&
                                 validation != QLatin1String("trainingRows"));
    holdoutPercent_->setValue(settings.value("holdoutPercent", 25).toInt());
    folds_->setValue(settings.value("folds", 5).toInt());
    foldRule_->setCurrentIndex(settings.value("rule").toString() == QLatin1String("index") ? 1 : 0);
    seed_->setValue(settings.value("seed", 0).toInt());
    saveToHistory_->setChecked(settings.value("saveToHistory", true).toBool());
}

void TrainingPanel::saveSettings() const {
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    settings.setValue("learner", learner_->currentData().toString());
    settings.setValue("validation", holdout_->isChecked()        ? "holdout"
                                    : trainingRows_->isChecked() ? "trainingRows"
                                                                 : "crossValidation");
    settings.setValue("holdoutPercent", holdoutPercent_->value());
    settings.setValue("folds", folds_->value());
    settings.setValue("rule", foldRule_->currentIndex() == 1 ? "index" : "stratified");
    settings.setValue("seed", seed_->value());
    settings.setValue("saveToHistory", saveToHistory_->isChecked());
}

void TrainingPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
