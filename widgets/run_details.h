#pragma once

#include <QWidget>
#include <memory>

#include "widgets/job_types.h"

class QLabel;
class QSplitter;
class QTableWidget;

namespace glassbox::gui {

class ConfusionMatrixView;

// Everything about one finished run: what was trained and how it was validated, all its
// metrics, the model's fit summary, and per task either the per-class scores and the
// confusion matrix (classification) or a summary of the predictions (regression).
class RunDetails : public QWidget {
    Q_OBJECT

  public:
    explicit RunDetails(QWidget* parent = nullptr);

    // Null: nothing to show.
    void setOutcome(std::shared_ptr<const TrainingOutcome> outcome);
    void clear() { setOutcome(nullptr); }
    const std::shared_ptr<const TrainingOutcome>& outcome() const { return outcome_; }

    // The header's lines as plain text (title, then the description).
    QString headerText() const;
    QTableWidget* metricsTable() const { return metrics_; }
    QTableWidget* fitSummaryTable() const { return fitSummary_; }
    QTableWidget* perClassTable() const { return perClass_; }
    QTableWidget* predictionSummaryTable() const { return predictionSummary_; }
    ConfusionMatrixView* confusionMatrix() const { return confusion_; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void fill();
    void fillHeader();
    void fillMetrics();
    void fillFitSummary();
    void fillPerClass();
    void fillPredictionSummary();
    void retranslate();

    std::shared_ptr<const TrainingOutcome> outcome_;
    QLabel* title_;
    QLabel* description_;
    QWidget* body_;
    QLabel* metricsTitle_;
    QTableWidget* metrics_;
    QLabel* fitSummaryTitle_;
    QTableWidget* fitSummary_;
    QLabel* perClassTitle_;
    QTableWidget* perClass_;
    QLabel* predictionSummaryTitle_;
    QTableWidget* predictionSummary_;
    QLabel* confusionTitle_;
    ConfusionMatrixView* confusion_;
    QWidget* classPane_;
    QWidget* confusionPane_;
    QWidget* regressionPane_;
    QSplitter* splitter_;
};

}  // namespace glassbox::gui
