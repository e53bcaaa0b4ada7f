#include "widgets/preparation_step_list.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "engine/errors.h"
#include "widgets/engine_text.h"

namespace glassbox::gui {
namespace {

constexpr int kMaxParamChars = 36;

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The parameters that differ from their defaults, "name=value" each.
QStringList changedParams(const PreparationStepEntry& entry) {
    QStringList changed;
    try {
        const PreparationStep& step = preparationStepNamed(entry.step);
        const ParamValues defaults = ParamValues::resolve(step.params(), {});
        for (const ParamSpec& spec : step.params()) {
            const auto it = entry.params.find(spec.name);
            if (it != entry.params.end() && it->second != defaults.text(spec.name))
                changed << QString::fromStdString(spec.name + "=" + it->second);
        }
    } catch (const Error&) {
    }
    return changed;
}

}  // namespace

PreparationStepList::PreparationStepList(QWidget* parent)
    : QWidget(parent),
      list_(new QListWidget(this)),
      add_(new QToolButton(this)),
      menu_(new QMenu(this)),
      remove_(new QToolButton(this)),
      up_(new QToolButton(this)),
      down_(new QToolButton(this)) {
    list_->setObjectName(QStringLiteral("preparationSteps"));
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setMinimumHeight(80);
    list_->setMaximumHeight(104);
    list_->setTextElideMode(Qt::ElideRight);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    add_->setObjectName(QStringLiteral("addStep"));
    add_->setMenu(menu_);
    add_->setPopupMode(QToolButton::InstantPopup);
    add_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    add_->setIcon(style()->standardIcon(QStyle::SP_FileDialogNewFolder));
    menu_->setObjectName(QStringLiteral("addStepMenu"));
    menu_->setToolTipsVisible(true);
    remove_->setObjectName(QStringLiteral("removeStep"));
    remove_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    remove_->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
    up_->setObjectName(QStringLiteral("moveStepUp"));
    up_->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    down_->setObjectName(QStringLiteral("moveStepDown"));
    down_->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    buttons->addStretch(1);
    buttons->addWidget(up_);
    buttons->addWidget(down_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(list_, 1);
    layout->addLayout(buttons);

    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        updateButtons();
        emit currentChanged(row);
    });
    connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const int row = list_->row(item);
        if (row < 0 || row >= int(entries_.size())) return;
        const bool enabled = item->checkState() == Qt::Checked;
        if (entries_[std::size_t(row)].enabled != enabled) setStepEnabled(row, enabled);
    });
    connect(remove_, &QToolButton::clicked, this, [this] { removeStep(currentIndex()); });
    connect(up_, &QToolButton::clicked, this, [this] { moveStep(currentIndex(), -1); });
    connect(down_, &QToolButton::clicked, this, [this] { moveStep(currentIndex(), 1); });
    retranslate();
    updateButtons();
}

void PreparationStepList::retranslate() {
    add_->setText(tr("Add step"));
    add_->setToolTip(tr("Add a preparation step after the selected one"));
    remove_->setText(tr("Remove"));
    remove_->setToolTip(tr("Remove the selected step"));
    up_->setToolTip(tr("Move the selected step up (it runs earlier)"));
    down_->setToolTip(tr("Move the selected step down (it runs later)"));
    list_->setToolTip(tr("The steps run from top to bottom; untick a step to leave it out"));
    rebuildMenu();
    refresh(currentIndex());
}

void PreparationStepList::rebuildMenu() {
    menu_->clear();
    for (const PreparationStep* step : allPreparationSteps()) {
        const QString name = fromView(step->name());
        const QString description = EngineText::stepDescription(*step);
        QAction* action = menu_->addAction(tr("%1 — %2").arg(name, description));
        action->setData(name);
        action->setToolTip(description);
        action->setStatusTip(description);
        const std::string stepName(step->name());
        connect(action, &QAction::triggered, this, [this, stepName] { addStep(stepName); });
    }
}

void PreparationStepList::setEntries(std::vector<PreparationStepEntry> entries) {
    entries_ = std::move(entries);
    errors_.clear();
    refresh(entries_.empty() ? -1 : 0);
    emit entriesChanged();
    emit currentChanged(currentIndex());
}

PipelineSpec PreparationStepList::spec(std::vector<int>* entryOfStep) const {
    PipelineSpec spec;
    if (entryOfStep) entryOfStep->clear();
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (!entries_[i].enabled) continue;
        spec.steps.push_back(makeStepSetting(entries_[i].step, entries_[i].params));
        if (entryOfStep) entryOfStep->push_back(int(i));
    }
    return spec;
}

int PreparationStepList::currentIndex() const {
    return list_->currentRow();
}

void PreparationStepList::setCurrentIndex(int index) {
    list_->setCurrentRow(index);
}

void PreparationStepList::addStep(const std::string& name) {
    const PreparationStep& step = preparationStepNamed(name);
    PreparationStepEntry entry;
    entry.step = name;
    entry.params = ParamValues::resolve(step.params(), {}).all();
    const int at = currentIndex() < 0 ? int(entries_.size()) : currentIndex() + 1;
    entries_.insert(entries_.begin() + at, std::move(entry));
    errors_.clear();
    refresh(at);
    emit entriesChanged();
    emit currentChanged(at);
}

void PreparationStepList::removeStep(int index) {
    if (index < 0 || index >= int(entries_.size())) return;
    entries_.erase(entries_.begin() + index);
    errors_.clear();
    refresh(std::min(index, int(entries_.size()) - 1));
    emit entriesChanged();
    emit currentChanged(currentIndex());
}

void PreparationStepList::moveStep(int index, int delta) {
    if (index < 0 || index >= int(entries_.size())) return;
    const int to = std::clamp(index + delta, 0, int(entries_.size()) - 1);
    if (to == index) return;
    PreparationStepEntry moved = std::move(entries_[std::size_t(index)]);
    entries_.erase(entries_.begin() + index);
    entries_.insert(entries_.begin() + to, std::move(moved));
    errors_.clear();
    refresh(to);
    emit entriesChanged();
    emit currentChanged(to);
}

void PreparationStepList::setStepEnabled(int index, bool enabled) {
    if (index < 0 || index >= int(entries_.size())) return;
    entries_[std::size_t(index)].enabled = enabled;
    errors_.clear();
    refresh(currentIndex());
    emit entriesChanged();
}

void PreparationStepList::setParams(int index, const std::map<std::string, std::string>& params) {
    if (index < 0 || index >= int(entries_.size()) || entries_[std::size_t(index)].params == params)
        return;
    entries_[std::size_t(index)].params = params;
    errors_.clear();
    refresh(currentIndex());
    emit entriesChanged();
}

void PreparationStepList::setError(int index, const QString& message) {
    if (index < 0 || index >= int(entries_.size())) return;
    errors_[index] = message;
    refresh(currentIndex());
}

void PreparationStepList::clearErrors() {
    if (errors_.empty()) return;
    errors_.clear();
    refresh(currentIndex());
}

QString PreparationStepList::lineText(int index) const {
    const PreparationStepEntry& entry = entries_[std::size_t(index)];
    const QStringList changed = changedParams(entry);
    QString text = tr("%1. %2").arg(index + 1).arg(QString::fromStdString(entry.step));
    if (!changed.isEmpty())
        text += QStringLiteral("  (") + changed.join(QStringLiteral(", ")) + ')';
    return text;
}

void PreparationStepList::refresh(int current) {
    {
        const QSignalBlocker block(list_);
        list_->clear();
        for (int i = 0; i < int(entries_.size()); ++i) {
            const PreparationStepEntry& entry = entries_[std::size_t(i)];
            auto* item = new QListWidgetItem(lineText(i), list_);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(entry.enabled ? Qt::Checked : Qt::Unchecked);
            QString tip;
            try {
                tip = EngineText::stepDescription(preparationStepNamed(entry.step));
            } catch (const Error& error) {
                tip = QString::fromStdString(error.what());
            }
            if (const QStringList changed = changedParams(entry); !changed.isEmpty())
                tip += QLatin1Char('\n') + changed.join(QLatin1Char('\n'));
            const auto error = errors_.find(i);
            if (error != errors_.end()) {
                item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
                item->setForeground(QColor(0xc0, 0, 0));
                tip = error->second;
            } else if (!entry.enabled) {
                item->setForeground(palette().color(QPalette::PlaceholderText));
            }
            item->setToolTip(tip);
        }
        list_->setCurrentRow(std::min(current, int(entries_.size()) - 1));
    }
    updateButtons();
}

void PreparationStepList::updateButtons() {
    const int current = currentIndex();
    remove_->setEnabled(current >= 0);
    up_->setEnabled(current > 0);
    down_->setEnabled(current >= 0 && current + 1 < int(entries_.size()));
}

void PreparationStepList::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
