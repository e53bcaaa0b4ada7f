#include "widgets/runs_model.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>
#include <cmath>

#include "widgets/engine_text.h"

namespace glassbox::gui {
namespace {

constexpr int kLeadingColumns = 5;   // #, learner, target, dataset, validation
constexpr int kTrailingColumns = 2;  // seconds, version

QString parameterText(const TrainingOutcome& outcome) {
    QStringList parts;
    for (const auto& [name, value] : outcome.run.trained.params.all())
        parts << QString::fromStdString(name + "=" + value);
    return parts.join(QStringLiteral(", "));
}

}  // namespace

QString shortValidation(const ValidationPlan& plan) {
    switch (plan.kind) {
        case ValidationPlan::Kind::CrossValidation:
            return QCoreApplication::translate("glassbox::gui::RunsModel", "%1-fold CV")
                .arg(static_cast<qulonglong>(plan.folds));
        case ValidationPlan::Kind::Holdout:
            return QCoreApplication::translate("glassbox::gui::RunsModel", "holdout %1%")
                .arg(QLocale().toString(plan.testFraction * 100, 'g', 3));
        case ValidationPlan::Kind::TrainingRows:
            break;
    }
    return QCoreApplication::translate("glassbox::gui::RunsModel", "training rows");
}

QString formatSeconds(double seconds) {
    if (seconds < 0.001) return QStringLiteral("<") + QLocale().toString(0.001, 'f', 3);
    return QLocale().toString(seconds, 'f', seconds < 10 ? 3 : 1);
}

QString formatMetric(double value) {
    if (std::isnan(value)) return QStringLiteral("–");
    return QLocale().toString(value, 'f', 4);
}

RunsModel::RunsModel(QObject* parent) : QAbstractTableModel(parent) {}

const std::vector<std::string>& RunsModel::mainMetrics() {
    static const std::vector<std::string> metrics{
        "accuracy", "balanced_accuracy", "f1", "auc", "log_loss", "r2", "rmse", "mae"};
    return metrics;
}

int RunsModel::addRun(std::shared_ptr<const TrainingOutcome> outcome) {
    const int row = runCount();
    beginInsertRows({}, row, row);
    runs_.push_back({nextNumber_++, std::move(outcome)});
    endInsertRows();
    updateMetricColumns();
    return row;
}

void RunsModel::removeRun(int row) {
    if (row < 0 || row >= runCount()) return;
    beginRemoveRows({}, row, row);
    runs_.erase(runs_.begin() + row);
    endRemoveRows();
    updateMetricColumns();
}

void RunsModel::clear() {
    beginResetModel();
    runs_.clear();
    metrics_.clear();
    nextNumber_ = 1;
    endResetModel();
}

std::shared_ptr<const TrainingOutcome> RunsModel::run(int row) const {
    if (row < 0 || row >= runCount()) return nullptr;
    return runs_[static_cast<std::size_t>(row)].outcome;
}

int RunsModel::runNumber(int row) const {
    if (row < 0 || row >= runCount()) return 0;
    return runs_[static_cast<std::size_t>(row)].number;
}

int RunsModel::rowOf(const TrainingOutcome* outcome) const {
    for (std::size_t i = 0; i < runs_.size(); ++i)
        if (runs_[i].outcome.get() == outcome) return static_cast<int>(i);
    return -1;
}

RunsModel::Column RunsModel::columnKind(int column) const {
    const int metrics = static_cast<int>(metrics_.size());
    if (column < kLeadingColumns) return static_cast<Column>(column);
    if (column < kLeadingColumns + metrics) return Column::Metric;
    return column == kLeadingColumns + metrics ? Column::Seconds : Column::Version;
}

int RunsModel::columnOfMetric(const std::string& metric) const {
    const auto it = std::find(metrics_.begin(), metrics_.end(), metric);
    return it == metrics_.end() ? -1 : kLeadingColumns + static_cast<int>(it - metrics_.begin());
}

void RunsModel::updateMetricColumns() {
    std::vector<std::string> wanted;
    for (const std::string& metric : mainMetrics()) {
        const bool present = std::any_of(runs_.begin(), runs_.end(), [&](const Entry& e) {
            return e.outcome->run.metrics.get(metric).has_value();
        });
        if (present) wanted.push_back(metric);
    }
    // Both lists follow mainMetrics() order: remove what is gone, then insert what is new.
    for (int i = static_cast<int>(metrics_.size()) - 1; i >= 0; --i) {
        const std::string& metric = metrics_[static_cast<std::size_t>(i)];
        if (std::find(wanted.begin(), wanted.end(), metric) != wanted.end()) continue;
        beginRemoveColumns({}, kLeadingColumns + i, kLeadingColumns + i);
        metrics_.erase(metrics_.begin() + i);
        endRemoveColumns();
    }
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        if (i < metrics_.size() && metrics_[i] == wanted[i]) continue;
        const int column = kLeadingColumns + static_cast<int>(i);
        beginInsertColumns({}, column, column);
        metrics_.insert(metrics_.begin() + static_cast<std::ptrdiff_t>(i), wanted[i]);
        endInsertColumns();
    }
}

int RunsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : runCount();
}

int RunsModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid()) return 0;
    return kLeadingColumns + static_cast<int>(metrics_.size()) + kTrailingColumns;
}

QVariant RunsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= runCount()) return {};
    const Entry& entry = runs_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
            return displayData(entry, index.column());
        case SortRole:
            return sortData(entry, index.column());
        case Qt::ToolTipRole:
            return toolTipData(entry, index.column());
        case Qt::TextAlignmentRole: {
            const Column kind = columnKind(index.column());
            const bool numeric =
                kind == Column::Number || kind == Column::Metric || kind == Column::Seconds;
            return QVariant::fromValue(Qt::AlignVCenter |
                                       (numeric ? Qt::AlignRight : Qt::AlignLeft));
        }
        default:
            return {};
    }
}

QVariant RunsModel::displayData(const Entry& entry, int column) const {
    const TrainingOutcome& outcome = *entry.outcome;
    switch (columnKind(column)) {
        case Column::Number:
            return entry.number;
        case Column::Learner:
            return QString::fromStdString(outcome.run.trained.learner);
        case Column::Target:
            return QString::fromStdString(outcome.run.trained.target);
        case Column::Dataset:
            return outcome.request.source.displayName;
        case Column::Validation:
            return shortValidation(outcome.request.validation);
        case Column::Metric: {
            const auto value = outcome.run.metrics.get(
                metrics_[static_cast<std::size_t>(column - kLeadingColumns)]);
            return value ? formatMetric(*value) : QStringLiteral("–");
        }
        case Column::Seconds:
            return formatSeconds(outcome.run.trainSeconds);
        case Column::Version:
            if (outcome.version) return QString::number(*outcome.version);
            return outcome.historyError.isEmpty() ? tr("not saved") : tr("not saved (error)");
    }
    return {};
}

QVariant RunsModel::sortData(const Entry& entry, int column) const {
    const TrainingOutcome& outcome = *entry.outcome;
    switch (columnKind(column)) {
        case Column::Number:
            return entry.number;
        case Column::Metric: {
            const auto value = outcome.run.metrics.get(
                metrics_[static_cast<std::size_t>(column - kLeadingColumns)]);
            if (!value || std::isnan(*value)) return {};
            return *value;
        }
        case Column::Seconds:
            return outcome.run.trainSeconds;
        case Column::Version:
            if (outcome.version) return static_cast<qlonglong>(*outcome.version);
            return {};
        default:
            return displayData(entry, column);
    }
}

QVariant RunsModel::toolTipData(const Entry& entry, int column) const {
    const TrainingOutcome& outcome = *entry.outcome;
    switch (columnKind(column)) {
        case Column::Learner:
            return parameterText(outcome);
        case Column::Dataset:
            return outcome.request.source.path.isEmpty() ? outcome.request.source.displayName
                                                         : outcome.request.source.path;
        case Column::Validation:
            return EngineText::validationText(outcome.request.validation, outcome.run.rows.size());
        case Column::Metric: {
            const std::string& metric =
                metrics_[static_cast<std::size_t>(column - kLeadingColumns)];
            const auto value = outcome.run.metrics.get(metric);
            if (!value) return tr("Not measured for this task");
            if (std::isnan(*value)) return tr("Not defined for these predictions");
            return QLocale().toString(*value, 'g', 10);
        }
        case Column::Version:
            if (outcome.version) return {};
            if (!outcome.historyError.isEmpty()) return outcome.historyError;
            if (!outcome.request.saveToHistory)
                return tr("Saving to the model history was turned off for this run");
            return {};
        default:
            return {};
    }
}

QVariant RunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    const Column kind = columnKind(section);
    if (role == MetricRole)
        return kind == Column::Metric
                   ? QString::fromStdString(
                         metrics_[static_cast<std::size_t>(section - kLeadingColumns)])
                   : QString();
    if (role == Qt::ToolTipRole && kind == Column::Seconds)
        return tr("Seconds spent fitting the model that was kept");
    if (role == Qt::ToolTipRole && kind == Column::Metric) {
        const auto& metric = metrics_[static_cast<std::size_t>(section - kLeadingColumns)];
        return tr("%1 (on the validation rows)").arg(QString::fromStdString(metric));
    }
    if (role != Qt::DisplayRole) return {};
    switch (kind) {
        case Column::Number:
            return tr("#");
        case Column::Learner:
            return tr("Learner");
        case Column::Target:
            return tr("Target");
        case Column::Dataset:
            return tr("Dataset");
        case Column::Validation:
            return tr("Validation");
        case Column::Metric:
            return QString::fromStdString(
                metrics_[static_cast<std::size_t>(section - kLeadingColumns)]);
        case Column::Seconds:
            return tr("Train s");
        case Column::Version:
            return tr("Version");
    }
    return {};
}

void RunsModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (!runs_.empty()) emit dataChanged(index(0, 0), index(runCount() - 1, columnCount() - 1));
}

}  // namespace glassbox::gui
