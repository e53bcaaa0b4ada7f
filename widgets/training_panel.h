#pragma once

#include <QMetaType>
#include <QPointer>
#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "engine/dataset.h"
#include "engine/table.h"
#include "widgets/job_types.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTreeWidget;

namespace glassbox::gui {

class ParamForm;
class TuningDialog;

// The training set-up (the content of the training dock): target and task, features,
// learner and its parameters, validation, seed, history options; Train, Cancel and Tune; and
// the progress of the training queue. It only asks: trainRequested / tuneRequested /
// cancelRequested go to the TrainingQueue, whose signals come back through the on* slots.
// The last learner, validation and seed persist in QSettings (group "training").
class TrainingPanel : public QWidget {
    Q_OBJECT

  public:
    explicit TrainingPanel(QWidget* parent = nullptr);
    ~TrainingPanel() override;

    // The table to train on (null: none); the target defaults to the last column.
    void setTable(std::shared_ptr<const LoadedTable> table, DataSource source);
    // The table set, for TrainingQueue::enqueue (shares ownership of the LoadedTable).
    std::shared_ptr<const Table> table() const;
    const DataSource& source() const { return source_; }

    // The task the training will have: the user's choice, else the one the target suggests.
    std::optional<TaskKind> task() const;
    // The request the form describes (what Train emits), or nullopt with the reason in *error.
    std::optional<TrainingRequest> request(QString* error = nullptr) const;

    // Preparation steps (STEP text) every training request carries, and their privacy budget;
    // empty: none. Shown as one line with a Detach button.
    void setPreparation(const std::vector<std::string>& steps, const PrivacyAllowance& budget);
    const std::vector<std::string>& preparation() const { return preparation_; }

    // The parts, for the main window's shortcuts and for tests.
    QComboBox* targetPicker() const { return target_; }
    QComboBox* taskPicker() const { return task_; }
    QLabel* taskLabel() const { return taskLabel_; }
    QTreeWidget* featureList() const { return features_; }
    QComboBox* learnerPicker() const { return learner_; }
    ParamForm* paramForm() const { return params_; }
    QRadioButton* holdoutButton() const { return holdout_; }
    QRadioButton* crossValidationButton() const { return crossValidation_; }
    QRadioButton* trainingRowsButton() const { return trainingRows_; }
    QSpinBox* holdoutPercent() const { return holdoutPercent_; }
    QSpinBox* folds() const { return folds_; }
    QComboBox* foldRule() const { return foldRule_; }
    QSpinBox* seed() const { return seed_; }
    QCheckBox* saveToHistory() const { return saveToHistory_; }
    QLineEdit* versionName() const { return versionName_; }
    QPushButton* trainButton() const { return trainButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }
    QPushButton* cancelAllButton() const { return cancelAllButton_; }
    QPushButton* tuneButton() const { return tuneButton_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* stageLabel() const { return stageLabel_; }
    QLabel* timeLeftLabel() const { return timeLeftLabel_; }
    QLabel* queueLabel() const { return queueLabel_; }
    QLabel* messageLabel() const { return message_; }
    QLabel* preparationLabel() const { return preparationLabel_; }
    QPushButton* detachButton() const { return detach_; }
    // Null until Tune… was first clicked.
    TuningDialog* tuningDialog() const;

  public slots:
    // Emits trainRequested for the current form, or shows why it cannot.
    void train();
    // Opens (or raises) the tuning dialog for the current learner, data and seed.
    void openTuning();
    // Hands a finished tuning to the tuning dialog.
    void showTuningResults(std::shared_ptr<const glassbox::gui::TuningOutcome> outcome);

    // TrainingQueue's signals.
    void onJobQueued(int job, const QString& description);
    void onJobStarted(int job, const QString& description);
    void onJobProgress(int job, double fraction, const QString& stage, double secondsLeft);
    // The job finished, failed or was cancelled.
    void onJobEnded(int job);
    void onQueueChanged(int pending);

  signals:
    // Train (and the tuning dialog's "Keep the best": the best parameters as a normal run).
    void trainRequested(glassbox::gui::TrainingRequest request);
    void tuneRequested(glassbox::gui::TuningRequest request);
    // Cancel the running job / every job, queued and running.
    void cancelRequested(int job);
    void cancelAllRequested();
    // Detach was clicked: the preparation steps were dropped.
    void preparationDetached();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    QGroupBox* buildDataGroup();
    QGroupBox* buildLearnerGroup();
    QGroupBox* buildValidationGroup();
    QWidget* buildProgressArea();
    void retranslate();
    void fillFeatures();
    void targetChanged();
    void updateTask();
    void updateLearners();
    void learnerChanged();
    void updateValidationControls();
    void updateQueueLabel();
    void updatePreparationLine();
    void showMessage(const QString& text);
    void restoreSettings();
    void saveSettings() const;

    std::shared_ptr<const LoadedTable> table_;
    DataSource source_;
    std::optional<TaskKind> inferred_;
    std::string shownLearner_;
    std::map<std::string, std::map<std::string, std::string>> editedParams_;  // per learner
    std::vector<std::string> preparation_;
    PrivacyAllowance privacyBudget_;
    std::optional<int> running_;
    int pending_ = 0;

    QGroupBox* dataGroup_;
    QLabel* targetCaption_;
    QComboBox* target_;
    QLabel* taskCaption_;
    QComboBox* task_;
    QLabel* taskLabel_;
    QLabel* featuresCaption_;
    QTreeWidget* features_;
    QPushButton* allFeatures_;
    QPushButton* noFeatures_;
    QGroupBox* learnerGroup_;
    QComboBox* learner_;
    QLabel* learnerDescription_;
    ParamForm* params_;
    QGroupBox* validationGroup_;
    QButtonGroup* validationKind_;
    QRadioButton* holdout_;
    QRadioButton* crossValidation_;
    QRadioButton* trainingRows_;
    QSpinBox* holdoutPercent_;
    QSpinBox* folds_;
    QLabel* ruleCaption_;
    QComboBox* foldRule_;
    QLabel* seedCaption_;
    QSpinBox* seed_;
    QCheckBox* saveToHistory_;
    QLineEdit* versionName_;
    QPushButton* trainButton_;
    QPushButton* tuneButton_;
    QLabel* message_;
    QWidget* preparationRow_;
    QLabel* preparationLabel_;
    QPushButton* detach_;
    QProgressBar* progress_;
    QLabel* stageLabel_;
    QLabel* timeLeftLabel_;
    QLabel* queueLabel_;
    QPushButton* cancelButton_;
    QPushButton* cancelAllButton_;
    QPointer<TuningDialog> tuning_;
};

}  // namespace glassbox::gui
