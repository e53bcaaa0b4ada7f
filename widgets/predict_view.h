#pragma once

#include <QByteArray>
#include <QString>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

#include "widgets/prediction_client.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTableWidget;
class QToolButton;

namespace glassbox::gui {

class PredictionModel;

// The Predict view: choose a version of the model history, open a table (or take the one the
// main window shows), and see the predictions with class probabilities next to the data;
// export them as CSV. Evaluate scores the version on labelled rows (stored in the history) and
// raises a red banner when a chosen metric is worse than its threshold. Explain shows feature
// importance and the SHAP values of the selected row. All engine work runs on the
// PredictionClient's thread; errors are shown with the engine's message.
class PredictView : public QWidget {
    Q_OBJECT

  public:
    enum class Mode { Predict, Evaluate, Explain };
    // Shows an error to the user (a QMessageBox by default; tests replace it).
    using MessageHandler = std::function<void(const QString& title, const QString& text)>;

    // registryPath: the model history this view reads and writes evaluations to.
    explicit PredictView(const QString& registryPath, QWidget* parent = nullptr);
    ~PredictView() override;

    void setMessageHandler(MessageHandler handler);
    Mode mode() const;
    std::optional<qint64> currentVersion() const;
    const LoadedVersionPtr& loadedVersion() const { return version_; }
    const std::shared_ptr<const LoadedTable>& table() const { return table_; }
    const QString& tableName() const { return tableName_; }
    const EvaluationPtr& evaluation() const { return evaluation_; }
    const ImportancePtr& importance() const { return importance_; }
    const RowExplanationPtr& rowExplanation() const { return rowExplanation_; }
    bool isBusy() const;
    bool isAlertShown() const;
    QString alertText() const;

    PredictionModel* predictionModel() const { return model_; }
    QTableView* predictionTable() const { return tableView_; }
    QComboBox* versionCombo() const { return versionCombo_; }
    QComboBox* metricCombo() const { return metricCombo_; }
    QDoubleSpinBox* alertThresholdSpin() const { return alertSpin_; }
    QTableWidget* metricsTable() const { return metricsTable_; }
    QTableWidget* importanceTable() const { return importanceTable_; }
    QTableWidget* shapTable() const { return shapTable_; }

    // Splitter sizes and the alert settings, for QSettings.
    QByteArray saveState() const;
    void restoreState(const QByteArray& state);

  public slots:
    // Lists the history's versions again (after a training saved one), keeping the choice.
    void refreshVersions();
    // Chooses version `id` and switches to `action`: "predict", "evaluate" or "explain".
    void openVersion(qint64 id, const QString& action = QStringLiteral("predict"));
    void setMode(glassbox::gui::PredictView::Mode mode);
    // The table to predict on, e.g. the one the main window shows. `name` is its file path when
    // it came from a file (the evaluation's dataset fingerprint is then the file's), else a
    // display name.
    void setTable(std::shared_ptr<const glassbox::LoadedTable> table, const QString& name);
    // Reads a data file (CSV, TSV, ARFF, SQLite) on the engine thread.
    void openDataFile(const QString& path, const QString& sqliteTable = {});
    void chooseDataFile();
    void exportCsv(const QString& path);
    void chooseExportFile();
    // Scores the version on the table's labelled rows and stores the evaluation.
    void evaluate();
    void computeImportance();
    void explainRow(int row);
    void cancel();

  signals:
    void versionsRefreshed();
    void versionLoaded(qint64 id);
    void tableChanged();
    void predictionsShown();
    void evaluationShown();
    void importanceShown();
    void rowExplanationShown(int row);
    void exportFinished(const QString& path, qulonglong rows);
    void errorShown(const QString& message);
    void busyChanged(bool busy);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    QWidget* createPredictPage();
    QWidget* createEvaluatePage();
    QWidget* createExplainPage();
    void retranslateUi();
    void showError(const QString& message);
    void updateBusy();
    void updateDataLabel();
    void updateModelInfo();
    void updateEvaluateControls();
    void updateExplainControls();
    void updateAlert();
    void updateAlertComparator();
    void showPredictionSummary();
    void showEvaluation();
    void showImportance();
    void showRowExplanation();
    void clearResults();
    void startPredict();
    void maybeAutoRun();
    bool hasTarget() const;
    bool hasTrees() const;
    int selectedRow() const;
    QString versionLabel(const ModelVersion& version) const;
    QString kindText(PredictionClient::Kind kind) const;

    void onVersionsListed(VersionListPtr versions);
    void onVersionChosen(int index);
    void onVersionLoaded(LoadedVersionPtr version);
    void onTableRead(std::shared_ptr<const LoadedTable> table, const QString& path);
    void onSqliteTableNeeded(const QString& path, const QStringList& tables);
    void onPredicted(PredictionsPtr predictions);
    void onEvaluated(EvaluationPtr evaluation);
    void onImportance(ImportancePtr importance);
    void onRowExplained(RowExplanationPtr explanation);
    void onFailed(int id, const QString& message);

    PredictionClient* client_;
    PredictionModel* model_;
    MessageHandler messageHandler_;

    QLabel* versionLabel_ = nullptr;
    QComboBox* versionCombo_ = nullptr;
    QToolButton* refreshButton_ = nullptr;
    QPushButton* openButton_ = nullptr;
    QLabel* dataLabel_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QLabel* stageLabel_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QLabel* alertBanner_ = nullptr;
    QSplitter* splitter_ = nullptr;
    QTableView* tableView_ = nullptr;
    QTabWidget* modes_ = nullptr;

    // Predict page
    QLabel* modelInfo_ = nullptr;
    QLabel* summaryLabel_ = nullptr;
    QTableWidget* summaryTable_ = nullptr;

    // Evaluate page
    QLabel* evaluateInfo_ = nullptr;
    QCheckBox* alertCheck_ = nullptr;
    QComboBox* metricCombo_ = nullptr;
    QLabel* comparatorLabel_ = nullptr;
    QDoubleSpinBox* alertSpin_ = nullptr;
    QCheckBox* decisionCheck_ = nullptr;
    QDoubleSpinBox* decisionSpin_ = nullptr;
    QPushButton* evaluateButton_ = nullptr;
    QLabel* metricsLabel_ = nullptr;
    QTableWidget* metricsTable_ = nullptr;
    QLabel* perClassLabel_ = nullptr;
    QTableWidget* perClassTable_ = nullptr;
    QLabel* confusionLabel_ = nullptr;
    QTableWidget* confusionTable_ = nullptr;

    // Explain page
    QLabel* methodLabel_ = nullptr;
    QComboBox* methodCombo_ = nullptr;
    QPushButton* importanceButton_ = nullptr;
    QLabel* importanceInfo_ = nullptr;
    QTableWidget* importanceTable_ = nullptr;
    QLabel* shapInfo_ = nullptr;
    QLabel* shapClassLabel_ = nullptr;
    QComboBox* shapClassCombo_ = nullptr;
    QTableWidget* shapTable_ = nullptr;
    QLabel* shapSum_ = nullptr;

    VersionListPtr versions_;
    std::optional<qint64> pendingVersion_;  // to choose once the list has it
    LoadedVersionPtr version_;
    std::shared_ptr<const LoadedTable> table_;
    QString tableName_;
    PredictionsPtr predictions_;
    EvaluationPtr evaluation_;
    ImportancePtr importance_;
    RowExplanationPtr rowExplanation_;
    // What was already started automatically for the current version and table, so a
    // failure is not retried in a loop.
    bool autoEvaluated_ = false;
    bool autoImportance_ = false;
};

}  // namespace glassbox::gui
