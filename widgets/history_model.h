#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>
#include <memory>

#include "engine/model_version.h"
#include "widgets/history_types.h"

namespace glassbox::gui {

// The versions of the model history as a table: id, name, learner, target, dataset, stage,
// tags, the main metrics that any version has (one column each), created.
class HistoryModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Column {
        IdColumn,
        NameColumn,
        LearnerColumn,
        TargetColumn,
        DatasetColumn,
        StageColumn,
        TagsColumn,
        FirstMetricColumn
    };
    enum Role {
        SortRole = Qt::UserRole + 1,  // numbers as double (NaN: no value), text as text
        VersionIdRole,                // the row's version id (every column)
        FilterKeyRole,  // learner, target and stage columns: the engine's name, for filters
    };

    explicit HistoryModel(QObject* parent = nullptr);

    void setVersions(std::shared_ptr<const VersionList> versions);
    const VersionList& versions() const;
    const ModelVersion* versionAt(int row) const;
    int rowOf(qint64 id) const;  // -1 when absent

    // The metric shown in each metric column, in column order.
    const QStringList& metricColumns() const { return metrics_; }
    int metricColumn(const QString& metric) const;  // -1 when not shown
    int createdColumn() const { return FirstMetricColumn + static_cast<int>(metrics_.size()); }
    // Headers and texts again in the current language.
    void retranslate();
    // A stable key per column ("learner", "metric:auc") for saving column widths.
    QString columnKey(int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Texts shared with the details and comparison views.
    static QString stageText(Stage stage);
    static QString datasetText(const DatasetFingerprint& dataset);  // "iris.csv · 1a2b3c4d"
    static QString metricText(std::optional<double> value);
    static QString createdText(const std::string& created);  // local time, to the minute

  private:
    QVariant display(const ModelVersion& v, int column) const;
    QVariant sortKey(const ModelVersion& v, int column) const;

    std::shared_ptr<const VersionList> versions_;
    QStringList metrics_;
};

}  // namespace glassbox::gui
