#pragma once

#include <QDialog>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/dataset.h"
#include "engine/param_spec.h"
#include "widgets/job_types.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace glassbox::gui {

// Hyperparameter search for the training panel's learner (non-modal): which parameters to
// search and their values ("2,4,8,none"; "LO:HI" ranges for random search), grid or random,
// the metric and folds; the candidates count before running; after the run, a sortable table
// of the candidates with the best highlighted, and "Keep the best".
class TuningDialog : public QDialog {
    Q_OBJECT

  public:
    explicit TuningDialog(QWidget* parent = nullptr);

    // The learner, the parameters not searched, the data, seed and fold rule come from `base`
    // (its cross-validation folds preset the folds); task: what the metrics are for.
    void setContext(const TrainingRequest& base, TaskKind task);

    // The request Run emits, or nullopt with the reason (naming the parameter) in *error.
    std::optional<TuningRequest> request(QString* error = nullptr) const;
    // Candidates the search will try, 0 when the space is invalid or empty.
    std::size_t candidateCount() const;

    // The parts, for tests.
    QCheckBox* searchBox(const std::string& param) const;
    QLineEdit* valuesEdit(const std::string& param) const;
    QRadioButton* gridButton() const { return grid_; }
    QRadioButton* randomButton() const { return random_; }
    QSpinBox* randomCount() const { return randomCount_; }
    QComboBox* metricPicker() const { return metric_; }
    QSpinBox* folds() const { return folds_; }
    QLabel* countLabel() const { return countLabel_; }
    QLabel* errorLabel() const { return errorLabel_; }
    QPushButton* runButton() const { return runButton_; }
    QTableWidget* resultsTable() const { return results_; }
    QPushButton* keepBestButton() const { return keepBest_; }
    // The table row showing the best candidate, or -1.
    int bestRow() const;

    // A sensible list of values to try for a parameter ("2,4,8,none"), in SearchSpace's syntax.
    static QString suggestedValues(const ParamSpec& spec, std::optional<TaskKind> task);

  public slots:
    void run();
    void showResults(std::shared_ptr<const glassbox::gui::TuningOutcome> outcome);
    // Emits keepBestRequested for the best candidate of the results shown.
    void keepBest();

  signals:
    void tuneRequested(glassbox::gui::TuningRequest request);
    // The best candidate's parameters as a normal training, validated on the same folds.
    void keepBestRequested(glassbox::gui::TrainingRequest request);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct Row {
        ParamSpec spec;
        QCheckBox* search = nullptr;
        QLineEdit* values = nullptr;
    };

    void retranslate();
    void rebuildRows();
    void updateCount();
    void fillResults();

    TrainingRequest base_;
    TaskKind task_ = TaskKind::Classification;
    std::vector<Row> rows_;
    std::shared_ptr<const TuningOutcome> outcome_;

    QLabel* contextLabel_;
    QGroupBox* paramsGroup_;
    QWidget* paramsBox_;
    QLabel* syntaxLabel_;
    QGroupBox* searchGroup_;
    QButtonGroup* mode_;
    QRadioButton* grid_;
    QRadioButton* random_;
    QSpinBox* randomCount_;
    QLabel* metricCaption_;
    QComboBox* metric_;
    QLabel* foldsCaption_;
    QSpinBox* folds_;
    QLabel* countLabel_;
    QLabel* errorLabel_;
    QPushButton* runButton_;
    QPushButton* closeButton_;
    QGroupBox* resultsGroup_;
    QLabel* summaryLabel_;
    QTableWidget* results_;
    QPushButton* keepBest_;
};

}  // namespace glassbox::gui
