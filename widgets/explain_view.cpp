#include "widgets/explain_view.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

#include "engine/learner.h"
#include "widgets/calibration_plot.h"
#include "widgets/explanation_client.h"
#include "widgets/importance_plot.h"
#include "widgets/pdp_plot.h"
#include "widgets/pr_plot.h"
#include "widgets/roc_plot.h"
#include "widgets/shap_bar_plot.h"
#include "widgets/shap_dependence_plot.h"
#include "widgets/shap_summary_plot.h"
#include "widgets/shap_waterfall_plot.h"
#include "widgets/tree_explorer.h"
#include "widgets/tuning_heatmap.h"

namespace glassbox::gui {
namespace {

QStringList classNamesOf(const std::vector<std::string>& classes) {
    QStringList names;
    for (const std::string& c : classes) names << QString::fromStdString(c);
    return names;
}

ShapPlotInput shapInput(const std::shared_ptr<const ShapExplanation>& explanation,
                        const std::vector<std::string>& classes) {
    ShapPlotInput input;
    input.shap = std::shared_ptr<const ShapValues>(explanation, &explanation->shap);
    input.features = std::shared_ptr<const FeatureMatrix>(explanation, &explanation->features);
    input.outputNames = classNamesOf(classes);
    input.tableRows = explanation->tableRows;
    return input;
}

}  // namespace

ExplainView::ExplainView(QWidget* parent)
    : QWidget(parent),
      client_(new ExplanationClient(this)),
      subject_(new QLabel(this)),
      status_(new QLabel(this)),
      pages_(new QTabWidget(this)),
      tree_(new TreeExplorer(this)),
      treeNote_(new QLabel(this)),
      importance_(new ImportancePlot(this)),
      importanceKind_(new QComboBox(this)),
      roc_(new RocPlot(this)),
      pr_(new PrPlot(this)),
      calibration_(new CalibrationPlot(this)),
      shapPages_(new QTabWidget(this)),
      shapSummary_(new ShapSummaryPlot(this)),
      shapBar_(new ShapBarPlot(this)),
      shapWaterfall_(new ShapWaterfallPlot(this)),
      shapDependence_(new ShapDependencePlot(this)),
      pdp_(new PdpPlot(this)),
      pdpFeature_(new QComboBox(this)),
      heatmap_(new TuningHeatmap(this)) {
    setObjectName(QStringLiteral("explainView"));
    subject_->setObjectName(QStringLiteral("explainSubject"));
    subject_->setTextFormat(Qt::RichText);
    status_->setObjectName(QStringLiteral("explainStatus"));
    status_->setWordWrap(true);
    pages_->setObjectName(QStringLiteral("explainPages"));
    pages_->setDocumentMode(true);

    // In Page order.
    pages_->addTab(buildTreePage(), QString());
    pages_->addTab(buildImportancePage(), QString());
    pages_->addTab(roc_, QString());
    pages_->addTab(pr_, QString());
    pages_->addTab(calibration_, QString());
    pages_->addTab(buildShapPage(), QString());
    pages_->addTab(buildDependencePage(), QString());
    pages_->addTab(heatmap_, QString());

    auto* top = new QHBoxLayout;
    top->addWidget(subject_, 1);
    top->addWidget(status_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(pages_, 1);

    connect(pages_, &QTabWidget::currentChanged, this, [this] { requestShownPage(); });
    connect(tree_, &TreeExplorer::treeIndexChanged, this, [this] { requestPath(); });
    connect(tree_, &TreeExplorer::nodeActivated, this, [this](int tree, int node) {
        if (current_ && table_) client_->rowsAtNode(subjectOf(current_), tree, node);
    });
    connect(importanceKind_, &QComboBox::activated, this, [this] {
        requested_[Page::Importance] = false;
        requestImportance();
    });
    connect(pdpFeature_, &QComboBox::activated, this, [this] {
        requested_[Page::Dependence] = false;
        requestDependence();
    });
    connectClient();
    retranslate();
    clearResults();
}

ExplainView::~ExplainView() = default;

QWidget* ExplainView::buildTreePage() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    treeNote_->setWordWrap(true);
    layout->addWidget(treeNote_);
    layout->addWidget(tree_, 1);
    return page;
}

QWidget* ExplainView::buildImportancePage() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    importanceKind_->setObjectName(QStringLiteral("importanceKind"));
    row->addWidget(importanceKind_);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addWidget(importance_, 1);
    return page;
}

QWidget* ExplainView::buildShapPage() {
    shapPages_->setDocumentMode(true);
    shapPages_->addTab(shapSummary_, QString());
    shapPages_->addTab(shapBar_, QString());
    shapPages_->addTab(shapWaterfall_, QString());
    shapPages_->addTab(shapDependence_, QString());
    return shapPages_;
}

QWidget* ExplainView::buildDependencePage() {
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    pdpFeature_->setObjectName(QStringLiteral("dependenceFeature"));
    pdpFeature_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    row->addWidget(pdpFeature_);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addWidget(pdp_, 1);
    return page;
}

void ExplainView::retranslate() {
    pages_->setTabText(int(Page::Tree), tr("Tree"));
    pages_->setTabText(int(Page::Importance), tr("Importance"));
    pages_->setTabText(int(Page::Roc), tr("ROC"));
    pages_->setTabText(int(Page::PrecisionRecall), tr("Precision–recall"));
    pages_->setTabText(int(Page::Calibration), tr("Calibration"));
    pages_->setTabText(int(Page::Shap), tr("SHAP"));
    pages_->setTabText(int(Page::Dependence), tr("Partial dependence"));
    pages_->setTabText(int(Page::Tuning), tr("Tuning"));
    shapPages_->setTabText(0, tr("Summary"));
    shapPages_->setTabText(1, tr("Mean |SHAP|"));
    shapPages_->setTabText(2, tr("One row"));
    shapPages_->setTabText(3, tr("Dependence"));
    const int kind = importanceKind_->currentIndex();
    importanceKind_->clear();
    importanceKind_->addItem(tr("Impurity / gain (from the trees)"), int(ImportanceKind::Impurity));
    importanceKind_->addItem(tr("Permutation (on the data, 5 repeats)"),
                             int(ImportanceKind::Permutation));
    importanceKind_->setCurrentIndex(std::max(0, kind));
    if (!current_)
        subject_->setText(tr("Train a model (or select a run) to explain it."));
    else
        subject_->setText(runLabel(*current_));
    treeNote_->setText(
        current_ && current_->run.trained.model->trees().empty()
            ? tr("%1 has no trees to draw.").arg(QString::fromStdString(current_->request.learner))
            : tr("Select a row in the data table to see its path; click a node to "
                 "select its rows."));
}

void ExplainView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    requestShownPage();
}

void ExplainView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

QString ExplainView::runLabel(const TrainingOutcome& run) const {
    const QString version = run.version ? tr(", version %1").arg(*run.version) : QString();
    return tr("<b>Run %1</b>: %2 → %3%4")
        .arg(run.job)
        .arg(QString::fromStdString(run.request.learner).toHtmlEscaped(),
             QString::fromStdString(run.request.target).toHtmlEscaped(), version);
}

ExplanationSubject ExplainView::subjectOf(const std::shared_ptr<const TrainingOutcome>& run) const {
    return ExplanationSubject::ofRun(run, table_, source_);
}

bool ExplainView::isClassification() const {
    return current_ && current_->run.trained.task == TaskKind::Classification;
}

void ExplainView::setStatus(const QString& text, bool error) {
    status_->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
    status_->setText(text);
    if (error) emit errorShown(text);
}

void ExplainView::clearResults() {
    requested_.clear();
    curveLabels_.clear();
    curvesPending_ = 0;
    shap_.reset();
    rowShap_.reset();
    rowShapRequest_ = 0;
    importance_->clear();
    roc_->clear();
    pr_->clear();
    calibration_->clear();
    shapSummary_->clear();
    shapBar_->clear();
    shapWaterfall_->clear();
    shapDependence_->clear();
    pdp_->clear();
    pdpFeature_->clear();
    tree_->setModel(nullptr);
    setStatus(QString());
}

void ExplainView::setRuns(std::shared_ptr<const TrainingOutcome> current,
                          std::vector<std::shared_ptr<const TrainingOutcome>> compared,
                          std::shared_ptr<const Table> table, const QString& source) {
    if (current == current_ && compared == compared_ && table == table_) return;
    for (ExplanationKind kind :
         {ExplanationKind::Curves, ExplanationKind::Importance, ExplanationKind::Shap,
          ExplanationKind::Dependence, ExplanationKind::DecisionPath, ExplanationKind::NodeRows})
        client_->forget(kind);
    clearResults();
    current_ = std::move(current);
    compared_ = std::move(compared);
    if (current_ && std::find(compared_.begin(), compared_.end(), current_) == compared_.end())
        compared_.insert(compared_.begin(), current_);
    table_ = std::move(table);
    source_ = source;
    if (current_) {
        const TrainedModel& trained = current_->run.trained;
        if (!trained.model->trees().empty())
            tree_->setModel(std::shared_ptr<const TrainedModel>(current_, &current_->run.trained));
        for (const FeatureInfo& f : trained.schema.features)
            pdpFeature_->addItem(QString::fromStdString(f.name));
        // Tree models carry their own importance; the others need permutation.
        importanceKind_->setCurrentIndex(trained.model->trees().empty() ? 1 : 0);
        importanceKind_->setEnabled(!trained.model->trees().empty());
    }
    retranslate();
    // A tree model's own importance is cheap: asked for at once, it also picks the partial
    // dependence's first feature (the most important one rather than the first column).
    if (current_ && !current_->run.trained.model->trees().empty() && table_) requestImportance();
    requestShownPage();
    if (tableRow_) requestPath();
}

void ExplainView::setTuning(std::shared_ptr<const TuningOutcome> outcome) {
    heatmap_->setOutcome(std::move(outcome));
}

void ExplainView::setTableRow(std::size_t row) {
    tableRow_ = row;
    requestPath();
    if (!current_ || !table_ || row >= table_->rowCount()) return;
    // The waterfall explains the chosen row itself.
    ShapRequest request;
    request.rows = {row};
    rowShapRequest_ = client_->shap(subjectOf(current_), request, 1);
}

void ExplainView::showPage(Page page) {
    pages_->setCurrentIndex(int(page));
}

ExplainView::Page ExplainView::page() const {
    return static_cast<Page>(pages_->currentIndex());
}

void ExplainView::requestShownPage() {
    if (!current_ || !table_ || !isVisible()) return;
    switch (page()) {
        case Page::Tree:
            break;
        case Page::Importance:
            requestImportance();
            break;
        case Page::Roc:
        case Page::PrecisionRecall:
        case Page::Calibration:
            requestCurves();
            break;
        case Page::Shap:
            requestShap();
            break;
        case Page::Dependence:
            requestDependence();
            break;
        case Page::Tuning:
            emit pageShown(Page::Tuning);
            break;
    }
}

void ExplainView::requestCurves() {
    if (requested_[Page::Roc]) return;
    requested_[Page::Roc] = true;
    if (!isClassification()) {
        setStatus(tr("Curves are drawn for classification models."));
        return;
    }
    const QStringList classes = classNamesOf(current_->run.trained.classes);
    roc_->setClassNames(classes);
    pr_->setClassNames(classes);
    calibration_->setClassNames(classes);
    for (const auto& run : compared_) {
        if (run->run.trained.classes != current_->run.trained.classes) continue;
        const int id = client_->curves(subjectOf(run), {}, run->job);
        curveLabels_[id] =
            tr("Run %1 %2").arg(run->job).arg(QString::fromStdString(run->request.learner));
        ++curvesPending_;
    }
    setStatus(tr("Computing the curves…"));
}

void ExplainView::requestImportance() {
    if (requested_[Page::Importance]) return;
    requested_[Page::Importance] = true;
    ImportanceRequest request;
    request.kind = static_cast<ImportanceKind>(importanceKind_->currentData().toInt());
    request.seed = current_->request.seed;
    request.sampleRows = 20000;  // permutation: a seeded sample keeps big tables quick
    client_->importance(subjectOf(current_), request);
    setStatus(tr("Computing the importance…"));
}

void ExplainView::requestShap() {
    if (requested_[Page::Shap]) return;
    requested_[Page::Shap] = true;
    ShapRequest request;
    request.seed = current_->request.seed;
    client_->shap(subjectOf(current_), request);
    setStatus(tr("Computing SHAP values…"));
}

void ExplainView::requestDependence() {
    if (requested_[Page::Dependence] || pdpFeature_->count() == 0) return;
    requested_[Page::Dependence] = true;
    DependenceRequest request;
    request.feature = pdpFeature_->currentText().toStdString();
    request.iceRows = 300;
    request.seed = current_->request.seed;
    client_->partialDependence(subjectOf(current_), request);
    setStatus(tr("Computing partial dependence…"));
}

void ExplainView::requestPath() {
    if (!current_ || !table_ || !tableRow_ || current_->run.trained.model->trees().empty()) return;
    if (*tableRow_ >= table_->rowCount()) return;
    client_->decisionPath(subjectOf(current_), std::size_t(std::max(0, tree_->treeIndex())),
                          *tableRow_);
}

void ExplainView::connectClient() {
    connect(client_, &ExplanationClient::curvesReady, this,
            [this](int id, CurvesExplanationPtr curves) {
                const QString label = curveLabels_.count(id) ? curveLabels_[id] : QString();
                roc_->addRun(label,
                             std::shared_ptr<const ClassificationCurves>(curves, &curves->curves));
                pr_->addRun(label,
                            std::shared_ptr<const ClassificationCurves>(curves, &curves->curves));
                calibration_->addRun(
                    label, std::shared_ptr<const ClassificationCurves>(curves, &curves->curves));
                if (--curvesPending_ <= 0) {
                    setStatus(curves->fromRun ? tr("Scored on the runs' validation predictions.")
                                              : QString());
                    emit pageShown(Page::Roc);
                }
            });
    connect(client_, &ExplanationClient::importanceReady, this,
            [this](int, ImportanceExplanationPtr importance) {
                importance_->setImportance(importance->result, importanceKind_->currentText());
                if (!requested_[Page::Dependence] && !importance->result.features.empty())
                    pdpFeature_->setCurrentText(
                        QString::fromStdString(importance->result.features.front().name));
                setStatus(QString());
                emit pageShown(Page::Importance);
            });
    connect(client_, &ExplanationClient::shapReady, this, [this](int id, ShapExplanationPtr shap) {
        const auto& classes = current_->run.trained.classes;
        if (id == rowShapRequest_) {
            rowShap_ = shap;
            shapWaterfall_->setInput(shapInput(shap, classes));
            shapWaterfall_->setRow(0);
            emit rowExplained(shap->tableRows.front());
            return;
        }
        shap_ = shap;
        const ShapPlotInput input = shapInput(shap, classes);
        shapSummary_->setInput(input);
        shapBar_->setInput(input);
        shapDependence_->setInput(input);
        if (!rowShap_) {
            shapWaterfall_->setInput(input);
            shapWaterfall_->setRow(0);
        }
        setStatus(shap->sampled ? tr("SHAP values of a sample of %1 of %2 rows.")
                                      .arg(shap->tableRows.size())
                                      .arg(shap->tableRowCount)
                                : QString());
        emit pageShown(Page::Shap);
    });
    connect(client_, &ExplanationClient::dependenceReady, this,
            [this](int, DependenceExplanationPtr dependence) {
                pdp_->setPartialDependence(
                    std::shared_ptr<const PartialDependence>(dependence, &dependence->dependence),
                    QString::fromStdString(dependence->feature), classNamesOf(dependence->classes),
                    QString::fromStdString(current_->run.trained.target));
                setStatus(QString());
                emit pageShown(Page::Dependence);
            });
    connect(client_, &ExplanationClient::pathReady, this, [this](int, DecisionPathPtr path) {
        if (int(path->tree) != tree_->treeIndex()) return;
        tree_->highlightPath(path->nodes);
        emit pathShown(path->tableRow);
    });
    connect(client_, &ExplanationClient::nodeRowsReady, this,
            [this](int, NodeRowsPtr rows) { emit rowsSelectionRequested(rows->rows); });
    connect(client_, &ExplanationClient::failed, this,
            [this](int, ExplanationKind, const QString& message) { setStatus(message, true); });
}

}  // namespace glassbox::gui
