#pragma once

#include <QWidget>
#include <memory>

#include "engine/column_stats.h"

class QLabel;
class QSplitter;
class QTableWidget;

namespace glassbox::gui {

class HistogramView;

// The statistics and the distribution of the selected column (the content of the column
// dock). The statistics are computed elsewhere (on the engine thread) and handed in.
class ColumnPanel : public QWidget {
    Q_OBJECT

  public:
    explicit ColumnPanel(QWidget* parent = nullptr);

    // Nothing selected.
    void clear();
    // The statistics of this column are being computed.
    void showPending(const QString& name, ColumnType type);
    // hasTime: a date/time column that holds times (shown with them).
    void showStats(std::shared_ptr<const ColumnStats> stats, bool hasTime);
    void showError(const QString& name, ColumnType type, const QString& message);

    // The statistics shown, or null.
    const std::shared_ptr<const ColumnStats>& stats() const { return stats_; }
    // The text shown for a statistic ("count", "missing", "mean", "top1", ...); a null
    // string when it is not shown. Its label: statisticLabel.
    QString statisticText(const QString& key) const;
    QString statisticLabel(const QString& key) const;
    QTableWidget* statisticsTable() const { return table_; }
    HistogramView* histogram() const { return histogram_; }

  protected:
    void changeEvent(QEvent* event) override;

  private:
    enum class State { Empty, Pending, Ready, Failed };

    void setTitle(const QString& name, ColumnType type);
    void fillStatistics();
    void addRow(const QString& key, const QString& label, const QString& value);
    void addSectionRow(const QString& label);
    void fitStatisticsHeight();
    int rowOf(const QString& key) const;
    void retranslate();

    State state_ = State::Empty;
    QString name_;
    ColumnType type_ = ColumnType::Numeric;
    QString error_;
    std::shared_ptr<const ColumnStats> stats_;
    bool hasTime_ = false;

    QLabel* iconLabel_;
    QLabel* nameLabel_;
    QLabel* typeLabel_;
    QLabel* statusLabel_;
    QTableWidget* table_;
    HistogramView* histogram_;
    QSplitter* splitter_;
};

}  // namespace glassbox::gui
