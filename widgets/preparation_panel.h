#pragma once

#include <QString>
#include <QWidget>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/preparation_pipeline.h"
#include "engine/table.h"
#include "widgets/preparation_client.h"
#include "widgets/preparation_types.h"

class QGroupBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QBoxLayout;
class QTabWidget;
class QTimer;

namespace glassbox::gui {

class ParamForm;
class PreparationPreviewView;
class PreparationStepList;
class PrivacyReportView;

// The preparation panel (the content of the Preparation dock): the ordered steps with the
// selected step's parameters, a preview of what each step does to the open table (fitted on
// its engine thread whenever the steps change), the privacy report with the privacy budget,
// and the way out: apply the prepared table to the data view, or attach the steps to training
// (they are then fitted inside validation with the model). The steps, the budget and the seed
// persist in QSettings (group "preparation").
class PreparationPanel : public QWidget {
    Q_OBJECT

  public:
    enum Tab { SettingsTab, PreviewTab, PrivacyTab };

    explicit PreparationPanel(QWidget* parent = nullptr);
    ~PreparationPanel() override;

    // The table the steps are previewed on (the one read from the file; null: none) and the
    // training target the steps leave alone or use.
    void setTable(std::shared_ptr<const Table> table);
    void setTarget(const QString& target);
    QString target() const { return target_; }
    const std::shared_ptr<const Table>& table() const { return table_; }

    // The enabled steps as a pipeline with the budget, or nullopt with the reason in *error.
    std::optional<PipelineSpec> spec(QString* error = nullptr) const;
    // The enabled steps as STEP text (stepSettingText), as TrainingRequest::preparation takes
    // them; nullopt with the reason in *error.
    std::optional<std::vector<std::string>> stepTexts(QString* error = nullptr) const;
    PrivacyAllowance budget() const;
    // The newest preview, current or not (null before the first).
    const PreparationPreviewPtr& currentPreview() const { return preview_; }
    // True when the preview shown describes the steps as they are now.
    bool isPreviewCurrent() const { return previewCurrent_; }
    bool isAttached() const;

    // The data view shows the prepared table (Revert is offered) or the file's.
    void setApplied(bool applied);

    PreparationStepList* stepList() const { return steps_; }
    ParamForm* paramForm() const { return form_; }
    PreparationPreviewView* previewView() const { return previewView_; }
    PrivacyReportView* privacyView() const { return privacyView_; }
    QTabWidget* tabs() const { return tabs_; }
    QSpinBox* seedField() const { return seed_; }
    QLabel* statusLabel() const { return status_; }
    QPushButton* previewButton() const { return previewButton_; }
    QPushButton* applyButton() const { return apply_; }
    QPushButton* revertButton() const { return revert_; }
    QPushButton* attachButton() const { return attach_; }
    PreparationClient* client() const { return client_; }

  public slots:
    // Previews the steps now (changes preview by themselves after a short pause).
    void preview();
    // Attaches the steps to training (kept up to date while attached) or detaches them.
    void setAttached(bool attached);

  signals:
    // "Apply to table": show this prepared table in the data view. `steps` names the steps.
    void applyRequested(std::shared_ptr<const glassbox::LoadedTable> prepared,
                        const QString& steps);
    // "Revert to the file".
    void revertRequested();
    // The steps training should use (empty: detached) and their budget.
    void attachmentChanged(const std::vector<std::string>& steps,
                           const glassbox::PrivacyAllowance& budget);
    // A preview is shown / failed (its message is shown in the panel).
    void previewShown();
    void previewFailed(const QString& message);

  protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    QWidget* buildStepsArea();
    QWidget* buildSettingsTab();
    QWidget* buildButtons();
    void retranslate();
    void currentStepChanged(int index);
    void formChanged();
    void stepsChanged();
    void schedulePreview();
    // The preview's summary (rows, missing cells) in the status line.
    void showPreviewStatus();
    void showStatus(const QString& text, bool error = false);
    void sendAttachment();
    void updateButtons();
    void onPreviewReady(int id, PreparationPreviewPtr preview);
    void onFailed(int id, PreparationClient::Kind kind, const QString& message, int step);
    QString stepNames() const;
    void restoreSettings();
    void saveSettings() const;

    std::shared_ptr<const Table> table_;
    QString target_;
    PreparationPreviewPtr preview_;
    bool previewCurrent_ = false;
    bool applied_ = false;
    bool appliedResampling_ = false;  // the applied steps resample rows
    int previewId_ = 0;
    int distributionId_ = 0;
    std::vector<int> entryOfStep_;  // the previewed pipeline's step -> its list entry
    bool loadingForm_ = false;

    PreparationClient* client_;
    QTimer* timer_;
    QWidget* body_;  // the steps beside or above the tabs, in a scroll area
    QBoxLayout* bodyLayout_;
    QGroupBox* stepsGroup_;
    PreparationStepList* steps_;
    QGroupBox* settingsGroup_;
    QLabel* description_;
    ParamForm* form_;
    QLabel* seedCaption_;
    QSpinBox* seed_;
    QPushButton* previewButton_;
    QTabWidget* tabs_;
    PreparationPreviewView* previewView_;
    PrivacyReportView* privacyView_;
    QLabel* status_;
    QLabel* appliedNote_;
    QPushButton* apply_;
    QPushButton* revert_;
    QPushButton* attach_;
};

}  // namespace glassbox::gui
