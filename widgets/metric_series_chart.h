#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "widgets/history_types.h"

class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;

namespace glassbox::gui {

// One metric over the versions of a target and dataset (QCustomPlot): x the versions in
// order (labelled by id), each point labelled with its value, the current version highlighted.
// A metric chooser above the plot; clicking a point asks for that version.
class MetricSeriesChart : public QWidget {
    Q_OBJECT

  public:
    explicit MetricSeriesChart(QWidget* parent = nullptr);

    // The metrics offered; chosen is selected when present (else the first).
    void setMetrics(const QStringList& metrics, const QString& chosen);
    QString currentMetric() const;
    // caption describes the target and dataset ("species on iris.csv").
    void showSeries(const MetricSeries& series, qint64 currentVersion, const QString& caption);
    void clear(const QString& message = {});

    // Points drawn (versions with a defined value) and their version ids, in x order.
    int pointCount() const { return static_cast<int>(ids_.size()); }
    const std::vector<qint64>& pointVersions() const { return ids_; }
    QCustomPlot* plot() const { return plot_; }
    QComboBox* metricBox() const { return metric_; }

  signals:
    void metricChosen(const QString& metric);
    void versionClicked(qint64 version);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();

    QLabel* metricLabel_;
    QComboBox* metric_;
    QLabel* caption_;
    QCustomPlot* plot_;
    QCPGraph* line_;
    QCPGraph* current_;
    std::vector<qint64> ids_;
};

}  // namespace glassbox::gui
