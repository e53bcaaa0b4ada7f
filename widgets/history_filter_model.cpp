#include "widgets/history_filter_model.h"

#include <cmath>

#include "widgets/history_model.h"

namespace glassbox::gui {

HistoryFilterModel::HistoryFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(HistoryModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void HistoryFilterModel::setText(const QString& text) {
    text_ = text.trimmed();
    invalidateFilter();
}

void HistoryFilterModel::setLearner(const QString& learner) {
    learner_ = learner;
    invalidateFilter();
}

void HistoryFilterModel::setTarget(const QString& target) {
    target_ = target;
    invalidateFilter();
}

void HistoryFilterModel::setStage(const QString& stage) {
    stage_ = stage;
    invalidateFilter();
}

bool HistoryFilterModel::keyMatches(int sourceRow, int column, const QString& wanted) const {
    if (wanted.isEmpty()) return true;
    const QModelIndex index = sourceModel()->index(sourceRow, column);
    return index.data(HistoryModel::FilterKeyRole).toString() == wanted;
}

bool HistoryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (!keyMatches(sourceRow, HistoryModel::LearnerColumn, learner_) ||
        !keyMatches(sourceRow, HistoryModel::TargetColumn, target_) ||
        !keyMatches(sourceRow, HistoryModel::StageColumn, stage_))
        return false;
    if (text_.isEmpty()) return true;
    const int columns = sourceModel()->columnCount(sourceParent);
    for (int column = 0; column < columns; ++column) {
        const QModelIndex index = sourceModel()->index(sourceRow, column, sourceParent);
        if (index.data().toString().contains(text_, Qt::CaseInsensitive)) return true;
        if (index.data(HistoryModel::FilterKeyRole).toString().contains(text_, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool HistoryFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const QVariant a = left.data(HistoryModel::SortRole);
    const QVariant b = right.data(HistoryModel::SortRole);
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        // Missing values last in either order: they compare as "greater" ascending and the
        // view reverses for descending, so flip them by the current order.
        const bool descending = sortOrder() == Qt::DescendingOrder;
        if (std::isnan(x) || std::isnan(y)) {
            if (std::isnan(x) && std::isnan(y)) return false;
            return descending ? std::isnan(x) : std::isnan(y);
        }
        return x < y;
    }
    if (a.typeId() == QMetaType::Int && b.typeId() == QMetaType::Int) return a.toInt() < b.toInt();
    return QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive) < 0;
}

}  // namespace glassbox::gui
