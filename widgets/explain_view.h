#pragma once

#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "widgets/explanation_types.h"
#include "widgets/job_types.h"

class QComboBox;
class QLabel;
class QTabWidget;

namespace glassbox::gui {

class CalibrationPlot;
class ExplanationClient;
class ImportancePlot;
class PdpPlot;
class PrPlot;
class RocPlot;
class ShapBarPlot;
class ShapDependencePlot;
class ShapSummaryPlot;
class ShapWaterfallPlot;
class TreeExplorer;
class TuningHeatmap;

// The Explain workspace: the current run's tree, feature importance, ROC / precision-recall /
// calibration curves (of every selected run, overlaid), SHAP plots, partial dependence with ICE
// lines and the last tuning's heatmap. Every number comes from the engine on the explanation
// thread (ExplanationClient); a page asks for its data when it is first shown for a run.
class ExplainView : public QWidget {
    Q_OBJECT

  public:
    enum class Page {
        Tree,
        Importance,
        Roc,
        PrecisionRecall,
        Calibration,
        Shap,
        Dependence,
        Tuning
    };
    Q_ENUM(Page)

    explicit ExplainView(QWidget* parent = nullptr);
    ~ExplainView() override;

    // The run to explain and the runs whose curves are overlaid (the current one included),
    // on the table the run was trained on (`source` names it in messages).
    void setRuns(std::shared_ptr<const TrainingOutcome> current,
                 std::vector<std::shared_ptr<const TrainingOutcome>> compared,
                 std::shared_ptr<const Table> table, const QString& source);
    void setTuning(std::shared_ptr<const TuningOutcome> outcome);
    // The data table's current row: its decision path in the tree and its SHAP waterfall.
    void setTableRow(std::size_t row);
    void showPage(Page page);
    Page page() const;

    std::shared_ptr<const TrainingOutcome> currentRun() const { return current_; }
    ExplanationClient* client() const { return client_; }
    QTabWidget* pages() const { return pages_; }
    TreeExplorer* treeExplorer() const { return tree_; }
    ImportancePlot* importancePlot() const { return importance_; }
    QComboBox* importanceKind() const { return importanceKind_; }
    RocPlot* rocPlot() const { return roc_; }
    PrPlot* prPlot() const { return pr_; }
    CalibrationPlot* calibrationPlot() const { return calibration_; }
    ShapSummaryPlot* shapSummary() const { return shapSummary_; }
    ShapBarPlot* shapBar() const { return shapBar_; }
    ShapWaterfallPlot* shapWaterfall() const { return shapWaterfall_; }
    ShapDependencePlot* shapDependence() const { return shapDependence_; }
    PdpPlot* dependencePlot() const { return pdp_; }
    QComboBox* dependenceFeature() const { return pdpFeature_; }
    TuningHeatmap* tuningHeatmap() const { return heatmap_; }
    QLabel* statusLabel() const { return status_; }

  signals:
    // A tree node was clicked: its rows of the table (sorted).
    void rowsSelectionRequested(std::vector<std::size_t> tableRows);
    // A page's data arrived and is drawn (for tests and screenshots).
    void pageShown(glassbox::gui::ExplainView::Page page);
    void pathShown(std::size_t tableRow);
    // The waterfall shows this table row's SHAP values.
    void rowExplained(std::size_t tableRow);
    // An engine error; the message is shown in the view's status line.
    void errorShown(const QString& message);

  protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

  private:
    QWidget* buildTreePage();
    QWidget* buildImportancePage();
    QWidget* buildShapPage();
    QWidget* buildDependencePage();
    void retranslate();
    void connectClient();
    void clearResults();
    // Asks for the shown page's data unless it is there or on its way.
    void requestShownPage();
    void requestCurves();
    void requestImportance();
    void requestShap();
    void requestDependence();
    void requestPath();
    void setStatus(const QString& text, bool error = false);
    QString runLabel(const TrainingOutcome& run) const;
    ExplanationSubject subjectOf(const std::shared_ptr<const TrainingOutcome>& run) const;
    bool isClassification() const;

    ExplanationClient* client_;
    QLabel* subject_;
    QLabel* status_;
    QTabWidget* pages_;
    TreeExplorer* tree_;
    QLabel* treeNote_;
    ImportancePlot* importance_;
    QComboBox* importanceKind_;
    RocPlot* roc_;
    PrPlot* pr_;
    CalibrationPlot* calibration_;
    QTabWidget* shapPages_;
    ShapSummaryPlot* shapSummary_;
    ShapBarPlot* shapBar_;
    ShapWaterfallPlot* shapWaterfall_;
    ShapDependencePlot* shapDependence_;
    PdpPlot* pdp_;
    QComboBox* pdpFeature_;
    TuningHeatmap* heatmap_;

    std::shared_ptr<const TrainingOutcome> current_;
    std::vector<std::shared_ptr<const TrainingOutcome>> compared_;
    std::shared_ptr<const Table> table_;
    QString source_;
    std::optional<std::size_t> tableRow_;
    // What is drawn or asked for, per page, for the current runs.
    std::map<Page, bool> requested_;
    std::map<int, QString> curveLabels_;  // request id -> run label
    int curvesPending_ = 0;
    std::shared_ptr<const ShapExplanation> shap_;
    std::shared_ptr<const ShapExplanation> rowShap_;  // the waterfall's row
    int rowShapRequest_ = 0;
};

}  // namespace glassbox::gui
