#include "widgets/prediction_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include "widgets/data_table_model.h"

namespace glassbox::gui {
namespace {

const QColor kPredictionBackground(232, 241, 252);
const QColor kWrongForeground(178, 34, 34);

}  // namespace

PredictionModel::PredictionModel(QObject* parent)
    : QAbstractTableModel(parent), source_(new DataTableModel(this)) {}

void PredictionModel::setTable(std::shared_ptr<const Table> table) {
    beginResetModel();
    source_->setTable(std::move(table));
    predictions_.reset();
    classes_.clear();
    truth_ = nullptr;
    endResetModel();
}

const std::shared_ptr<const Table>& PredictionModel::table() const {
    return source_->table();
}

void PredictionModel::setPredictions(std::shared_ptr<const Predictions> predictions,
                                     std::vector<std::string> classes, const std::string& target) {
    clearPredictions();
    const std::shared_ptr<const Table>& table = source_->table();
    if (!predictions || !table || predictions->rows != table->rowCount()) return;
    const int extra = predictions->task == TaskKind::Classification
                          ? 1 + static_cast<int>(predictions->classCount)
                          : 1;
    // Inserted rather than reset, so the view keeps its scroll position and selection.
    beginInsertColumns({}, 0, extra - 1);
    predictions_ = std::move(predictions);
    classes_ = std::move(classes);
    const std::ptrdiff_t column = table->indexOf(target);
    truth_ = column >= 0 && predictions_->task == TaskKind::Classification
                 ? &table->column(static_cast<std::size_t>(column))
                 : nullptr;
    endInsertColumns();
}

void PredictionModel::clearPredictions() {
    if (!predictions_) return;
    beginRemoveColumns({}, 0, extraColumnCount() - 1);
    predictions_.reset();
    classes_.clear();
    truth_ = nullptr;
    endRemoveColumns();
}

int PredictionModel::dataColumnCount() const {
    return source_->columnCount();
}

int PredictionModel::extraColumnCount() const {
    if (!predictions_) return 0;
    return predictions_->task == TaskKind::Classification
               ? 1 + static_cast<int>(predictions_->classCount)
               : 1;
}

int PredictionModel::predictedColumn() const {
    return predictions_ ? 0 : -1;
}

int PredictionModel::firstDataColumn() const {
    return extraColumnCount();
}

void PredictionModel::retranslate() {
    source_->retranslate();
    if (columnCount() > 0) emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

int PredictionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : source_->rowCount();
}

int PredictionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : dataColumnCount() + extraColumnCount();
}

bool PredictionModel::isWrong(std::size_t row) const {
    if (!truth_ || truth_->isMissing(row)) return false;
    const auto predicted = static_cast<std::size_t>(predictions_->predictedClass(row));
    return truth_->format(row) != classes_[predicted];
}

QVariant PredictionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column() - firstDataColumn();
    if (column >= 0) return source_->data(source_->index(index.row(), column), role);
    return predictionData(static_cast<std::size_t>(index.row()), index.column(), role);
}

QVariant PredictionModel::predictionData(std::size_t row, int extra, int role) const {
    const bool classification = predictions_->task == TaskKind::Classification;
    if (role == Qt::BackgroundRole) return QBrush(kPredictionBackground);
    if (!classification) {
        const double value = predictions_->values[row];
        // Six significant digits in the cell; ValueRole and the export keep every digit.
        if (role == Qt::DisplayRole) return QLocale().toString(value, 'g', 6);
        if (role == ValueRole) return value;
        if (role == Qt::TextAlignmentRole)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (extra == 0) {
        const std::int32_t predicted = predictions_->predictedClass(row);
        switch (role) {
            case Qt::DisplayRole:
                return QString::fromStdString(classes_[static_cast<std::size_t>(predicted)]);
            case ValueRole:
                return predicted;
            case WrongRole:
                return isWrong(row);
            case Qt::ForegroundRole:
                return isWrong(row) ? QVariant(QBrush(kWrongForeground)) : QVariant();
            case Qt::FontRole: {
                if (!isWrong(row)) return {};
                QFont font;
                font.setBold(true);
                return font;
            }
            case Qt::ToolTipRole:
                return isWrong(row) ? tr("Wrong: the true class is %1")
                                          .arg(QString::fromStdString(truth_->format(row)))
                                    : QVariant();
            default:
                return {};
        }
    }
    const double p = predictions_->probabilitiesOf(row)[static_cast<std::size_t>(extra - 1)];
    switch (role) {
        case Qt::DisplayRole:
            return QString::number(p, 'f', 4);
        case ValueRole:
            return p;
        case Qt::TextAlignmentRole:
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
    }
}

QVariant PredictionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical) return source_->headerData(section, orientation, role);
    if (section >= firstDataColumn())
        return source_->headerData(section - firstDataColumn(), orientation, role);
    const int extra = section;
    if (extra < 0) return {};
    const bool probability = extra > 0;
    switch (role) {
        case Qt::DisplayRole:
            return probability ? tr("P(%1)").arg(QString::fromStdString(
                                     classes_[static_cast<std::size_t>(extra - 1)]))
                               : tr("predicted");
        case Qt::ToolTipRole:
            return probability
                       ? tr("The model's probability of class %1")
                             .arg(QString::fromStdString(
                                 classes_[static_cast<std::size_t>(extra - 1)]))
                       : tr("The model's prediction (wrong classes in red when the table has "
                            "the target)");
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        default:
            return {};
    }
}

Qt::ItemFlags PredictionModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

}  // namespace glassbox::gui
