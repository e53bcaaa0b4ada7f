#pragma once

#include <QString>
#include <QWidget>

#include "engine/model_version.h"
#include "widgets/history_types.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace glassbox::gui {

// Everything about one version: summary, dataset fingerprint, parameters, metrics, lineage
// (each ancestor a link), evaluations, and the editable stage, tags and notes. Edits are only
// requested through signals; the pane shows what the history answers next.
class VersionDetailsView : public QWidget {
    Q_OBJECT

  public:
    explicit VersionDetailsView(QWidget* parent = nullptr);

    void showDetails(const VersionDetails& details);
    void clear();
    // The version shown, or 0.
    qint64 versionId() const { return id_; }

    QTableWidget* parameterTable() const { return params_; }
    QTableWidget* metricTable() const { return metrics_; }
    QTableWidget* evaluationTable() const { return evaluations_; }
    QComboBox* stageBox() const { return stage_; }
    QListWidget* tagList() const { return tags_; }
    QLineEdit* tagEdit() const { return tagEdit_; }
    QPlainTextEdit* notesEdit() const { return notes_; }
    QPushButton* saveNotesButton() const { return saveNotes_; }
    QLabel* lineageLabel() const { return lineage_; }
    QLineEdit* datasetShaEdit() const { return datasetSha_; }

  signals:
    void stageChosen(qint64 version, glassbox::Stage stage);
    void notesSaved(qint64 version, const QString& notes);
    void tagAdded(qint64 version, const QString& tag);
    void tagRemoved(qint64 version, const QString& tag);
    // A version of the lineage was clicked.
    void versionActivated(qint64 version);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void addTag();
    void removeTag();
    void updateButtons();

    qint64 id_ = 0;
    QString savedNotes_;
    QLabel* title_;
    QGroupBox* summaryBox_;
    QLabel* summary_;
    QGroupBox* datasetBox_;
    QLabel* datasetFileLabel_;
    QLineEdit* datasetFile_;
    QLabel* datasetSizeLabel_;
    QLabel* datasetSize_;
    QLabel* datasetShaLabel_;
    QLineEdit* datasetSha_;
    QGroupBox* paramsBox_;
    QTableWidget* params_;
    QGroupBox* metricsBox_;
    QTableWidget* metrics_;
    QGroupBox* lineageBox_;
    QLabel* lineage_;
    QGroupBox* evaluationsBox_;
    QTableWidget* evaluations_;
    QGroupBox* manageBox_;
    QLabel* stageLabel_;
    QComboBox* stage_;
    QLabel* tagsLabel_;
    QListWidget* tags_;
    QLineEdit* tagEdit_;
    QPushButton* addTag_;
    QPushButton* removeTag_;
    QLabel* notesLabel_;
    QPlainTextEdit* notes_;
    QPushButton* saveNotes_;
    VersionDetails shown_;
};

}  // namespace glassbox::gui
