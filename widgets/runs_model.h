#pragma once

#include <QAbstractTableModel>
#include <memory>
#include <string>
#include <vector>

#include "widgets/job_types.h"

namespace glassbox::gui {

// The session's finished trainings, one row each: what was trained on what, how it was
// validated, its main metrics (one column per metric any run has), fitting time and history
// version. Numbers come back as numbers under SortRole, so a proxy sorts them numerically.
class RunsModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    // Sort key of a cell: a number for numeric columns, text otherwise; invalid for "–".
    static constexpr int SortRole = Qt::UserRole;
    // headerData under this role: the metric name of a metric column (empty for the others).
    static constexpr int MetricRole = Qt::UserRole + 1;

    enum class Column { Number, Learner, Target, Dataset, Validation, Metric, Seconds, Version };

    explicit RunsModel(QObject* parent = nullptr);

    // Appends a run; returns its row.
    int addRun(std::shared_ptr<const TrainingOutcome> outcome);
    void removeRun(int row);
    void clear();

    std::shared_ptr<const TrainingOutcome> run(int row) const;
    // The run's number in the session (1, 2, ...; not reused after a removal).
    int runNumber(int row) const;
    // The row of `outcome`, or -1.
    int rowOf(const TrainingOutcome* outcome) const;
    int runCount() const { return static_cast<int>(runs_.size()); }

    Column columnKind(int column) const;
    // The column showing `metric`, or -1 when no run has it.
    int columnOfMetric(const std::string& metric) const;
    const std::vector<std::string>& metricColumns() const { return metrics_; }

    // The metrics shown as columns, in this order, when some run has them.
    static const std::vector<std::string>& mainMetrics();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Re-reads the header texts (after a language change).
    void retranslate();

  private:
    struct Entry {
        int number = 0;
        std::shared_ptr<const TrainingOutcome> outcome;
    };

    // Adds or removes metric columns so they are the main metrics some run has.
    void updateMetricColumns();
    QVariant displayData(const Entry& entry, int column) const;
    QVariant sortData(const Entry& entry, int column) const;
    QVariant toolTipData(const Entry& entry, int column) const;

    std::vector<Entry> runs_;
    std::vector<std::string> metrics_;
    int nextNumber_ = 1;
};

// "5-fold CV", "holdout 25%", "training rows": the short form of a validation plan.
QString shortValidation(const ValidationPlan& plan);
// Fitting time in seconds: "<0.001", "0.042", "12.5".
QString formatSeconds(double seconds);
// A metric value as the views show it: 4 decimals, "–" for NaN.
QString formatMetric(double value);

}  // namespace glassbox::gui
