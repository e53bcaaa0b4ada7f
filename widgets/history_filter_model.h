#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace glassbox::gui {

// Filters HistoryModel's rows by a text found in any column and by exact learner, target
// and stage (empty: any); sorts numbers as numbers, versions without a metric last.
class HistoryFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

  public:
    explicit HistoryFilterModel(QObject* parent = nullptr);

    void setText(const QString& text);
    void setLearner(const QString& learner);
    void setTarget(const QString& target);
    void setStage(const QString& stage);  // the engine's stage name ("production")

  protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

  private:
    bool keyMatches(int sourceRow, int column, const QString& wanted) const;

    QString text_;
    QString learner_;
    QString target_;
    QString stage_;
};

}  // namespace glassbox::gui
