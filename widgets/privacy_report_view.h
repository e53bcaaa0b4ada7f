#pragma once

#include <QString>
#include <QWidget>

#include "engine/preparation_pipeline.h"
#include "widgets/preparation_types.h"

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTreeWidget;

namespace glassbox::gui {

// The privacy side of a previewed pipeline: the privacy budget (epsilon, delta) the pipeline's
// differentially private releases may spend, what they spent with the ledger's lines, and what
// the protection steps report (k of k-anonymity against its target, rows at risk, l-diversity,
// warnings).
class PrivacyReportView : public QWidget {
    Q_OBJECT

  public:
    explicit PrivacyReportView(QWidget* parent = nullptr);

    // The budget the fields hold; budgetError() says when they do not hold a valid one.
    PrivacyAllowance budget() const;
    void setBudget(const PrivacyAllowance& budget);
    QString budgetError() const;

    void setPreview(const PreparationPreviewPtr& preview);
    void clear(const QString& note);

    QDoubleSpinBox* epsilonField() const { return epsilon_; }
    QLineEdit* deltaField() const { return delta_; }
    QProgressBar* epsilonSpent() const { return spentBar_; }
    QLabel* spentLabel() const { return spent_; }
    QLabel* summaryLabel() const { return summary_; }
    QLabel* warningsLabel() const { return warnings_; }
    // One line per protection step, its report's details as children (name, value).
    QTreeWidget* stepTree() const { return steps_; }
    // One line per release: what, epsilon, delta.
    QTreeWidget* ledgerTree() const { return ledger_; }

  signals:
    void budgetChanged();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void fill();
    void checkBudget();

    PreparationPreviewPtr preview_;
    QString note_;
    QLabel* budgetCaption_;
    QLabel* epsilonCaption_;
    QDoubleSpinBox* epsilon_;
    QLabel* deltaCaption_;
    QLineEdit* delta_;
    QLabel* budgetError_;
    QProgressBar* spentBar_;
    QLabel* spent_;
    QLabel* summary_;
    QLabel* warnings_;
    QLabel* stepsCaption_;
    QTreeWidget* steps_;
    QLabel* ledgerCaption_;
    QTreeWidget* ledger_;
};

// Whether a step's report belongs in the privacy report: a data-protection step, or details
// such as "k" or "epsilon spent".
bool isPrivacyReport(const StepReport& report);

}  // namespace glassbox::gui
