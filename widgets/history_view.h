#pragma once

#include <QList>
#include <QString>
#include <QVariantMap>
#include <QWidget>
#include <functional>
#include <memory>

#include "engine/model_version.h"
#include "widgets/history_types.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTabWidget;
class QTableView;
class QToolBar;

namespace glassbox::gui {

class HistoryClient;
class HistoryFilterModel;
class HistoryModel;
class MetricSeriesChart;
class VersionCompareView;
class VersionDetailsView;

// The model history tab: every version in a sortable, filterable table; the current version's
// details (stage, tags and notes editable); two selected versions compared side by side; a
// chart of one metric over the versions of the current version's target and dataset; export,
// import and delete. All history access goes through a HistoryClient (its own thread and
// connection). Splitters, column widths, sorting and the chart's metric persist in QSettings
// (group "history").
class HistoryView : public QWidget {
    Q_OBJECT

  public:
    // Asks the user a yes/no question; true for yes.
    using Confirmation =
        std::function<bool(QWidget* parent, const QString& title, const QString& question)>;

    // registryPath: the history file (created when missing), opened on the history thread at
    // the first refresh (when the view is first shown, or refresh() is called).
    explicit HistoryView(const QString& registryPath, QWidget* parent = nullptr);
    ~HistoryView() override;

    HistoryClient* client() const { return client_; }
    QString registryPath() const;
    HistoryModel* model() const { return model_; }
    HistoryFilterModel* filterModel() const { return proxy_; }
    QTableView* table() const { return table_; }
    VersionDetailsView* detailsView() const { return details_; }
    VersionCompareView* compareView() const { return compare_; }
    MetricSeriesChart* seriesChart() const { return chart_; }
    QTabWidget* bottomTabs() const { return bottomTabs_; }
    QLineEdit* filterEdit() const { return filter_; }
    QComboBox* learnerFilter() const { return learnerBox_; }
    QComboBox* targetFilter() const { return targetBox_; }
    QComboBox* stageFilter() const { return stageBox_; }
    QAction* refreshAction() const { return refreshAction_; }
    QAction* compareAction() const { return compareAction_; }
    QAction* predictAction() const { return predictAction_; }
    QAction* evaluateAction() const { return evaluateAction_; }
    QAction* explainAction() const { return explainAction_; }
    QAction* exportAction() const { return exportAction_; }
    QAction* importAction() const { return importAction_; }
    QAction* deleteAction() const { return deleteAction_; }

    // The current version (0: none) and the selected ones, oldest first.
    qint64 currentVersion() const;
    QList<qint64> selectedVersions() const;

    // Replaces the QMessageBox::question asked before deleting (tests, scripted use).
    void setConfirmation(Confirmation confirm);

  public slots:
    // Lists the versions again (call after a training saved a version).
    void refresh();
    // Makes the version current (clearing the filters if they hide it); when it is not listed
    // yet, it becomes current after the next listing.
    void selectVersion(qint64 id);
    // Selects exactly these versions (the first becomes current).
    void selectVersions(const QList<qint64>& ids);
    void compareSelected();
    void compareVersions(qint64 a, qint64 b);
    // Asks for a file and exports the current version to it.
    void exportCurrent();
    void exportVersion(qint64 id, const QString& file);
    // Asks for an export file and imports it.
    void importFile();
    void importVersion(const QString& file);
    // Asks for confirmation, then deletes the current version.
    void deleteCurrent();

  signals:
    // "predict", "evaluate" or "explain" the version (the main window opens the right panel).
    void openVersionRequested(qint64 id, const QString& action);
    // A listing is shown in the table (after refresh() and after every change).
    void versionsShown();
    void detailsShown(qint64 id);
    void comparisonShown(qint64 a, qint64 b);
    void seriesShown(const QString& metric);
    void exported(qint64 id, const QString& file);
    void imported(qint64 id, const QString& file);
    // A history operation failed; the message was shown to the user.
    void errorShown(const QString& message);

  protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

  private:
    void createActions();
    void retranslate();
    void onVersionsListed(std::shared_ptr<const VersionList> versions);
    void onDetails(std::shared_ptr<const VersionDetails> details);
    void onComparison(std::shared_ptr<const VersionComparison> comparison);
    void onSeries(std::shared_ptr<const MetricSeries> series);
    void onFailed(const QString& message);
    void onCurrentChanged();
    void requestSeries();
    void updateActions();
    void updateStatus(const QString& message = {});
    void updateFilterBoxes();
    void fillFilterBox(QComboBox* box, const QStringList& values, const QString& allText);
    void applyFilters();
    void clearFilters();
    int proxyRowOf(qint64 id) const;
    void restoreColumnState();
    void saveSettings() const;
    void restoreSettings();

    HistoryClient* client_;
    HistoryModel* model_;
    HistoryFilterModel* proxy_;
    QToolBar* toolbar_;
    QLabel* filterLabel_;
    QLineEdit* filter_;
    QLabel* learnerLabel_;
    QComboBox* learnerBox_;
    QLabel* targetLabel_;
    QComboBox* targetBox_;
    QLabel* stageLabel_;
    QComboBox* stageBox_;
    QSplitter* mainSplitter_;
    QSplitter* leftSplitter_;
    QTableView* table_;
    QTabWidget* bottomTabs_;
    MetricSeriesChart* chart_;
    VersionCompareView* compare_;
    VersionDetailsView* details_;
    QLabel* status_;

    QAction* refreshAction_ = nullptr;
    QAction* compareAction_ = nullptr;
    QAction* predictAction_ = nullptr;
    QAction* evaluateAction_ = nullptr;
    QAction* explainAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* importAction_ = nullptr;
    QAction* deleteAction_ = nullptr;

    Confirmation confirm_;
    bool listedOnce_ = false;
    bool requestedOnce_ = false;
    bool restoring_ = false;
    bool autoSizing_ = false;  // column widths set by the view, not chosen by the user
    qint64 pendingSelect_ = 0;
    qint64 seriesVersion_ = 0;
    QString seriesCaption_;
    QString chartMetric_;
    QVariantMap columnWidths_;  // column key -> width, for the columns the user resized
    QString sortKey_ = QStringLiteral("id");
    Qt::SortOrder sortOrder_ = Qt::DescendingOrder;
    QString exportDir_;
    QString lastMessage_;
};

}  // namespace glassbox::gui
