#pragma once

#include <QColor>
#include <QWidget>
#include <optional>

#include "engine/model_version.h"

class QLabel;
class QGroupBox;
class QTableWidget;

namespace glassbox::gui {

// Two versions side by side: which of learner, target and dataset they share, every parameter
// (the differing ones highlighted) and every metric with its delta b − a, green when b is
// better and red when worse (engine/metric_direction.h).
class VersionCompareView : public QWidget {
    Q_OBJECT

  public:
    // On column 0 of the parameter table: true for a parameter that differs.
    static constexpr int DiffersRole = Qt::UserRole + 1;
    // On the delta column of the metric table: the delta as a double (absent: undefined).
    static constexpr int DeltaRole = Qt::UserRole + 2;

    explicit VersionCompareView(QWidget* parent = nullptr);

    void showComparison(const VersionComparison& comparison);
    void clear();
    bool hasComparison() const { return comparison_.has_value(); }
    // The versions compared (a, b), or 0 when none.
    qint64 versionA() const { return comparison_ ? comparison_->a.id : 0; }
    qint64 versionB() const { return comparison_ ? comparison_->b.id : 0; }

    QTableWidget* parameterTable() const { return params_; }
    QTableWidget* metricTable() const { return metrics_; }

    static QColor differenceColor();
    static QColor betterColor();
    static QColor worseColor();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void fill();

    std::optional<VersionComparison> comparison_;
    QLabel* heading_;
    QLabel* sameness_;
    QGroupBox* paramsBox_;
    QTableWidget* params_;
    QGroupBox* metricsBox_;
    QTableWidget* metrics_;
};

}  // namespace glassbox::gui
