#pragma once

#include <QAbstractTableModel>
#include <memory>
#include <string>
#include <vector>

#include "engine/dataset.h"
#include "engine/learner.h"
#include "engine/table.h"

namespace glassbox::gui {

class DataTableModel;

// The data table with the model's predictions next to it: "predicted" and, for
// classification, one "P(class)" per class, then the table's columns (as DataTableModel shows
// them; the predictions come first so that they are in sight however wide the table is). Lazy like
// DataTableModel: a cell is formatted only when it is shown, so a million rows cost nothing more
// than the predictions themselves. Without predictions only the data columns are shown.
class PredictionModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Role {
        // The prediction as a number: the class index, the probability or the predicted value.
        ValueRole = Qt::UserRole + 20,
        // Predicted column: true when the row's target is known and differs from the prediction.
        WrongRole,
    };

    explicit PredictionModel(QObject* parent = nullptr);

    void setTable(std::shared_ptr<const Table> table);
    const std::shared_ptr<const Table>& table() const;
    // `predictions` must have one row per table row. `classes` empty for regression. When the
    // table has the `target` column, wrong predicted classes are marked.
    void setPredictions(std::shared_ptr<const Predictions> predictions,
                        std::vector<std::string> classes, const std::string& target);
    void clearPredictions();
    const std::shared_ptr<const Predictions>& predictions() const { return predictions_; }

    int dataColumnCount() const;
    // The "predicted" column (0), or -1 without predictions.
    int predictedColumn() const;
    // Where the table's columns start: after the prediction columns.
    int firstDataColumn() const;
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

  private:
    int extraColumnCount() const;
    QVariant predictionData(std::size_t row, int extra, int role) const;
    bool isWrong(std::size_t row) const;

    DataTableModel* source_;
    std::shared_ptr<const Predictions> predictions_;
    std::vector<std::string> classes_;
    const Column* truth_ = nullptr;  // the target column of the table, when it has one
};

}  // namespace glassbox::gui
