#include "widgets/history_model.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <cmath>
#include <limits>

namespace glassbox::gui {
namespace {

// The metrics worth a column, in column order; the details pane shows all of them.
const QStringList& mainMetrics() {
    static const QStringList names = {QStringLiteral("accuracy"), QStringLiteral("auc"),
                                      QStringLiteral("f1"),       QStringLiteral("r2"),
                                      QStringLiteral("rmse"),     QStringLiteral("mae")};
    return names;
}

const VersionList& emptyList() {
    static const VersionList empty;
    return empty;
}

QString joined(const std::vector<std::string>& items) {
    QStringList out;
    for (const std::string& item : items) out << QString::fromStdString(item);
    return out.join(QStringLiteral(", "));
}

}  // namespace

HistoryModel::HistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void HistoryModel::setVersions(std::shared_ptr<const VersionList> versions) {
    beginResetModel();
    versions_ = std::move(versions);
    metrics_.clear();
    for (const QString& name : mainMetrics()) {
        const std::string key = name.toStdString();
        for (const ModelVersion& v : this->versions()) {
            if (v.metric(key).has_value()) {
                metrics_ << name;
                break;
            }
        }
    }
    endResetModel();
}

void HistoryModel::retranslate() {
    if (columnCount() > 0) emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

const VersionList& HistoryModel::versions() const {
    return versions_ ? *versions_ : emptyList();
}

const ModelVersion* HistoryModel::versionAt(int row) const {
    if (row < 0 || row >= rowCount()) return nullptr;
    return &versions()[static_cast<std::size_t>(row)];
}

int HistoryModel::rowOf(qint64 id) const {
    const VersionList& list = versions();
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == id) return static_cast<int>(i);
    return -1;
}

int HistoryModel::metricColumn(const QString& metric) const {
    const int i = static_cast<int>(metrics_.indexOf(metric));
    return i < 0 ? -1 : FirstMetricColumn + i;
}

QString HistoryModel::columnKey(int column) const {
    static const char* const kKeys[] = {"id",      "name",  "learner", "target",
                                        "dataset", "stage", "tags"};
    if (column >= 0 && column < FirstMetricColumn) return QString::fromLatin1(kKeys[column]);
    if (column == createdColumn()) return QStringLiteral("created");
    if (column >= FirstMetricColumn && column < createdColumn())
        return QStringLiteral("metric:") + metrics_.at(column - FirstMetricColumn);
    return {};
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(versions().size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : createdColumn() + 1;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    const ModelVersion* v = versionAt(index.row());
    if (!v || index.column() < 0 || index.column() >= columnCount()) return {};
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return display(*v, column);
        case SortRole:
            return sortKey(*v, column);
        case VersionIdRole:
            return QVariant::fromValue<qint64>(v->id);
        case FilterKeyRole:
            if (column == LearnerColumn) return QString::fromStdString(v->learner);
            if (column == TargetColumn) return QString::fromStdString(v->target);
            if (column == StageColumn) return QString::fromUtf8(stageName(v->stage));
            return {};
        case Qt::ToolTipRole:
            if (column == DatasetColumn)
                return tr("%1\n%2 rows, %3 columns\nSHA-256 %4")
                    .arg(QString::fromStdString(v->dataset.file))
                    .arg(v->dataset.rows)
                    .arg(v->dataset.columns)
                    .arg(QString::fromStdString(v->dataset.sha256));
            if (column == createdColumn()) return QString::fromStdString(v->created);
            return {};
        case Qt::TextAlignmentRole:
            if (column == IdColumn || (column >= FirstMetricColumn && column < createdColumn()))
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        default:
            return {};
    }
}

QVariant HistoryModel::display(const ModelVersion& v, int column) const {
    switch (column) {
        case IdColumn:
            return QString::number(v.id);
        case NameColumn:
            return QString::fromStdString(v.name);
        case LearnerColumn:
            return QString::fromStdString(v.learner);
        case TargetColumn:
            return QString::fromStdString(v.target);
        case DatasetColumn:
            return datasetText(v.dataset);
        case StageColumn:
            return stageText(v.stage);
        case TagsColumn:
            return joined(v.tags);
        default:
            break;
    }
    if (column == createdColumn()) return createdText(v.created);
    return metricText(v.metric(metrics_.at(column - FirstMetricColumn).toStdString()));
}

QVariant HistoryModel::sortKey(const ModelVersion& v, int column) const {
    if (column == IdColumn) return static_cast<double>(v.id);
    if (column == StageColumn) return static_cast<int>(v.stage);
    if (column == createdColumn()) return QString::fromStdString(v.created);
    if (column >= FirstMetricColumn) {
        const auto value = v.metric(metrics_.at(column - FirstMetricColumn).toStdString());
        return value ? *value : std::numeric_limits<double>::quiet_NaN();
    }
    return display(v, column);
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case IdColumn:
            return tr("Id");
        case NameColumn:
            return tr("Name");
        case LearnerColumn:
            return tr("Learner");
        case TargetColumn:
            return tr("Target");
        case DatasetColumn:
            return tr("Dataset");
        case StageColumn:
            return tr("Stage");
        case TagsColumn:
            return tr("Tags");
        default:
            break;
    }
    if (section == createdColumn()) return tr("Created");
    if (section >= FirstMetricColumn && section < createdColumn())
        return metrics_.at(section - FirstMetricColumn);
    return {};
}

QString HistoryModel::stageText(Stage stage) {
    switch (stage) {
        case Stage::None:
            return tr("none");
        case Stage::Staging:
            return tr("staging");
        case Stage::Production:
            return tr("production");
        case Stage::Archived:
            return tr("archived");
    }
    return {};
}

QString HistoryModel::datasetText(const DatasetFingerprint& dataset) {
    const QString name = QFileInfo(QString::fromStdString(dataset.file)).fileName();
    const QString sha = QString::fromStdString(dataset.sha256).left(8);
    if (sha.isEmpty()) return name;
    return name + QStringLiteral(" \u00b7 ") + sha;
}

QString HistoryModel::metricText(std::optional<double> value) {
    if (!value || std::isnan(*value)) return QStringLiteral("\u2014");
    return QString::number(*value, 'f', 4);
}

QString HistoryModel::createdText(const std::string& created) {
    QDateTime time = QDateTime::fromString(QString::fromStdString(created), Qt::ISODate);
    if (!time.isValid()) return QString::fromStdString(created);
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

}  // namespace glassbox::gui
