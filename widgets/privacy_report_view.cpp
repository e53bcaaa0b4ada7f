#include "widgets/privacy_report_view.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <optional>

#include "engine/errors.h"
#include "widgets/engine_text.h"

namespace glassbox::gui {
namespace {

constexpr int kSpentSteps = 1000;

std::optional<std::string> detail(const StepReport& report, const std::string& name) {
    for (const auto& [key, value] : report.details)
        if (key == name) return value;
    return std::nullopt;
}

QString number(double value) {
    return QString::number(value, 'g', 6);
}

std::optional<double> parseDelta(const QString& text) {
    bool ok = false;
    double value = QLocale::c().toDouble(text.trimmed(), &ok);
    if (!ok) value = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok || !std::isfinite(value) || value < 0 || value >= 1) return std::nullopt;
    return value;
}

QLabel* caption(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

}  // namespace

bool isPrivacyReport(const StepReport& report) {
    try {
        if (preparationStepNamed(report.step).protectsData()) return true;
    } catch (const Error&) {
    }
    for (const auto& [key, value] : report.details)
        if (key == "k" || key == "rows at risk" || key == "epsilon spent" ||
            key.rfind("l-diversity", 0) == 0)
            return true;
    return false;
}

PrivacyReportView::PrivacyReportView(QWidget* parent)
    : QWidget(parent),
      budgetCaption_(caption(this)),
      epsilonCaption_(new QLabel(this)),
      epsilon_(new QDoubleSpinBox(this)),
      deltaCaption_(new QLabel(this)),
      delta_(new QLineEdit(this)),
      budgetError_(new QLabel(this)),
      spentBar_(new QProgressBar(this)),
      spent_(new QLabel(this)),
      summary_(new QLabel(this)),
      warnings_(new QLabel(this)),
      stepsCaption_(caption(this)),
      steps_(new QTreeWidget(this)),
      ledgerCaption_(caption(this)),
      ledger_(new QTreeWidget(this)) {
    epsilon_->setObjectName(QStringLiteral("budgetEpsilon"));
    epsilon_->setDecimals(4);
    epsilon_->setRange(0.0001, 1000);
    epsilon_->setSingleStep(0.1);
    epsilon_->setValue(PrivacyAllowance{}.epsilon);
    epsilon_->setKeyboardTracking(false);
    delta_->setObjectName(QStringLiteral("budgetDelta"));
    delta_->setText(number(PrivacyAllowance{}.delta));
    budgetError_->setObjectName(QStringLiteral("budgetError"));
    budgetError_->setStyleSheet(QStringLiteral("color: #c00000"));
    budgetError_->setWordWrap(true);
    budgetError_->hide();
    spentBar_->setObjectName(QStringLiteral("epsilonSpent"));
    spentBar_->setRange(0, kSpentSteps);
    spentBar_->setTextVisible(true);
    spent_->setObjectName(QStringLiteral("privacySpent"));
    spent_->setWordWrap(true);
    summary_->setObjectName(QStringLiteral("privacySummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    warnings_->setObjectName(QStringLiteral("privacyWarnings"));
    warnings_->setWordWrap(true);
    warnings_->setStyleSheet(QStringLiteral("color: #b35900"));
    warnings_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    steps_->setObjectName(QStringLiteral("privacySteps"));
    steps_->setColumnCount(2);
    steps_->setUniformRowHeights(true);
    steps_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    steps_->setMinimumHeight(90);
    ledger_->setObjectName(QStringLiteral("privacyLedger"));
    ledger_->setColumnCount(3);
    ledger_->setRootIsDecorated(false);
    ledger_->setUniformRowHeights(true);
    ledger_->header()->setStretchLastSection(false);
    ledger_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ledger_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    ledger_->setMinimumHeight(60);

    auto* budget = new QGridLayout;
    budget->addWidget(budgetCaption_, 0, 0, 1, 4);
    budget->addWidget(epsilonCaption_, 1, 0);
    budget->addWidget(epsilon_, 1, 1);
    budget->addWidget(deltaCaption_, 1, 2);
    budget->addWidget(delta_, 1, 3);
    budget->addWidget(budgetError_, 2, 0, 1, 4);
    budget->addWidget(spentBar_, 3, 0, 1, 4);
    budget->addWidget(spent_, 4, 0, 1, 4);
    budget->setColumnStretch(1, 1);
    budget->setColumnStretch(3, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(budget);
    layout->addWidget(summary_);
    layout->addWidget(warnings_);
    layout->addWidget(stepsCaption_);
    layout->addWidget(steps_, 2);
    layout->addWidget(ledgerCaption_);
    layout->addWidget(ledger_, 1);
    layout->addStretch(0);

    connect(epsilon_, &QDoubleSpinBox::valueChanged, this, [this] {
        checkBudget();
        emit budgetChanged();
    });
    connect(delta_, &QLineEdit::editingFinished, this, [this] {
        checkBudget();
        emit budgetChanged();
    });
    connect(delta_, &QLineEdit::textChanged, this, &PrivacyReportView::checkBudget);
    retranslate();
    clear(QString());
}

void PrivacyReportView::retranslate() {
    budgetCaption_->setText(tr("Privacy budget"));
    epsilonCaption_->setText(tr("ε:"));
    epsilon_->setToolTip(
        tr("The total epsilon the pipeline's differentially private releases may spend; a "
           "pipeline asking for more is refused before any noise is drawn"));
    deltaCaption_->setText(tr("δ:"));
    delta_->setToolTip(tr("The total delta (0 for pure epsilon-DP, else below 1, e.g. 1e-5)"));
    stepsCaption_->setText(tr("Protection steps"));
    steps_->setHeaderLabels({tr("Step / detail"), tr("Value")});
    ledgerCaption_->setText(tr("Privacy ledger"));
    ledger_->setHeaderLabels({tr("Release"), tr("ε"), tr("δ")});
    checkBudget();
    fill();
}

PrivacyAllowance PrivacyReportView::budget() const {
    PrivacyAllowance budget;
    budget.epsilon = epsilon_->value();
    budget.delta = parseDelta(delta_->text()).value_or(budget.delta);
    return budget;
}

void PrivacyReportView::setBudget(const PrivacyAllowance& budget) {
    epsilon_->setValue(budget.epsilon);
    delta_->setText(number(budget.delta));
    checkBudget();
}

QString PrivacyReportView::budgetError() const {
    if (!parseDelta(delta_->text()))
        return tr("δ must be a number from 0 up to (not including) 1, e.g. 1e-5.");
    return {};
}

void PrivacyReportView::checkBudget() {
    const QString error = budgetError();
    budgetError_->setText(error);
    budgetError_->setVisible(!error.isEmpty());
    delta_->setStyleSheet(error.isEmpty() ? QString()
                                          : QStringLiteral("QLineEdit { color: #c00000; }"));
    fill();
}

void PrivacyReportView::setPreview(const PreparationPreviewPtr& preview) {
    preview_ = preview;
    note_.clear();
    fill();
}

void PrivacyReportView::clear(const QString& note) {
    preview_.reset();
    note_ = note;
    fill();
}

void PrivacyReportView::fill() {
    steps_->clear();
    ledger_->clear();
    const PrivacyAllowance allowed = budget();
    double spentEpsilon = 0, spentDelta = 0;
    if (preview_) {
        spentEpsilon = preview_->report.spent.epsilon();
        spentDelta = preview_->report.spent.delta();
    }
    spentBar_->setValue(int(std::lround(
        std::clamp(spentEpsilon / std::max(allowed.epsilon, 1e-12), 0.0, 1.0) * kSpentSteps)));
    spentBar_->setFormat(tr("%p% of ε spent"));
    spent_->setText(tr("ε spent: %1 of %2 · δ spent: %3 of %4")
                        .arg(number(spentEpsilon), number(allowed.epsilon), number(spentDelta),
                             number(allowed.delta)));

    if (!preview_) {
        summary_->setText(note_);
        warnings_->hide();
        for (QWidget* w : {static_cast<QWidget*>(stepsCaption_), static_cast<QWidget*>(steps_),
                           static_cast<QWidget*>(ledgerCaption_), static_cast<QWidget*>(ledger_)})
            w->hide();
        auto* box = static_cast<QVBoxLayout*>(layout());
        if (box) box->setStretch(box->count() - 1, 1);
        return;
    }
    for (const LedgerEntry& entry : preview_->report.ledger)
        new QTreeWidgetItem(ledger_, {QString::fromStdString(entry.what),
                                      number(entry.loss.epsilon()), number(entry.loss.delta())});

    QStringList warnings;
    QString kLine;
    QStringList diversity;
    for (std::size_t i = 0; i < preview_->steps.size(); ++i) {
        const StepReport& report = preview_->steps[i].report;
        if (!isPrivacyReport(report)) continue;
        const QString name = QString::fromStdString(report.step);
        auto* item = new QTreeWidgetItem(steps_, {tr("%1. %2").arg(i + 1).arg(name)});
        item->setData(0, Qt::UserRole, int(i));
        for (const auto& [key, value] : report.details) {
            const QString text = QString::fromStdString(value);
            if (key == "warning") {
                warnings << tr("%1: %2").arg(name, text);
                continue;
            }
            auto* child = new QTreeWidgetItem(item, {EngineText::stepDetailName(key), text});
            child->setToolTip(1, text);
            if (key.rfind("l-diversity", 0) == 0)
                diversity << tr("%1 = %2").arg(EngineText::stepDetailName(key), text);
        }
        if (const auto k = detail(report, "k")) {
            kLine = tr("k = %1").arg(QString::fromStdString(*k));
            if (const auto target = detail(report, "target k"))
                kLine += tr(" (target %1)").arg(QString::fromStdString(*target));
            if (const auto before = detail(report, "k before"))
                kLine += tr("; %1 before the step").arg(QString::fromStdString(*before));
            if (const auto risk = detail(report, "rows at risk"))
                kLine += tr("; rows at risk: %1").arg(QString::fromStdString(*risk));
        }
    }
    steps_->expandAll();
    const bool protection = steps_->topLevelItemCount() > 0;
    stepsCaption_->setVisible(protection);
    steps_->setVisible(protection);
    ledgerCaption_->setVisible(!preview_->report.ledger.empty());
    ledger_->setVisible(!preview_->report.ledger.empty());
    // The last item is a spacer that takes the room the hidden lists leave.
    auto* box = static_cast<QVBoxLayout*>(layout());
    box->setStretch(box->count() - 1, protection || ledger_->isVisibleTo(this) ? 0 : 1);
    QStringList lines;
    if (steps_->topLevelItemCount() == 0)
        lines << tr(
            "No protection step in the pipeline. Add roles, pseudonymize, generalize, "
            "k-anonymity or dp-noise to protect the data before training.");
    if (!kLine.isEmpty()) lines << kLine;
    if (!diversity.isEmpty()) lines << diversity.join(QStringLiteral("; "));
    if (!preview_->report.ledger.empty())
        lines << tr("%n differentially private release(s).", nullptr,
                    int(preview_->report.ledger.size()));
    summary_->setText(lines.join(QLatin1Char('\n')));
    warnings_->setText(warnings.join(QLatin1Char('\n')));
    warnings_->setVisible(!warnings.isEmpty());
}

void PrivacyReportView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
