#include "widgets/tree_explorer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPdfWriter>
#include <QPointer>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSvgGenerator>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <functional>

#include "engine/flat_tree.h"
#include "engine/model_file.h"
#include "widgets/class_colors.h"
#include "widgets/plot_export.h"
#include "widgets/tree_node_item.h"
#include "widgets/tree_scene.h"

namespace glassbox::gui {

// The view: drag pans (a click without drag activates or folds a node), the wheel zooms about
// the cursor. Callbacks instead of signals keep it a plain helper of the explorer.
class TreeGraphicsView : public QGraphicsView {
  public:
    using QGraphicsView::QGraphicsView;

    std::function<void(int node, bool onToggle)> clicked;
    std::function<void(int node)> doubleClicked;
    std::function<void(double factor)> wheelZoom;
    std::function<void()> panned;
    std::function<void()> resized;

  protected:
    void mousePressEvent(QMouseEvent* event) override {
        if (event->button() != Qt::LeftButton) return QGraphicsView::mousePressEvent(event);
        pressPos_ = lastPos_ = event->position().toPoint();
        dragging_ = false;
        event->accept();
    }
    void mouseMoveEvent(QMouseEvent* event) override {
        if (!(event->buttons() & Qt::LeftButton)) return QGraphicsView::mouseMoveEvent(event);
        const QPoint pos = event->position().toPoint();
        if (!dragging_ &&
            (pos - pressPos_).manhattanLength() >= QApplication::startDragDistance()) {
            dragging_ = true;
            viewport()->setCursor(Qt::ClosedHandCursor);
        }
        if (dragging_) {
            const QPoint delta = pos - lastPos_;
            horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
            verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
            if (panned) panned();
        }
        lastPos_ = pos;
        event->accept();
    }
    void mouseReleaseEvent(QMouseEvent* event) override {
        if (event->button() != Qt::LeftButton) return QGraphicsView::mouseReleaseEvent(event);
        if (dragging_) {
            viewport()->unsetCursor();
        } else if (!afterDoubleClick_ && clicked) {
            bool onToggle = false;
            const int node =
                treeScene()->nodeAt(mapToScene(event->position().toPoint()), &onToggle);
            if (node >= 0) clicked(node, onToggle);
        }
        dragging_ = false;
        afterDoubleClick_ = false;
        event->accept();
    }
    void mouseDoubleClickEvent(QMouseEvent* event) override {
        if (event->button() != Qt::LeftButton) return QGraphicsView::mouseDoubleClickEvent(event);
        afterDoubleClick_ = true;
        bool onToggle = false;
        const int node = treeScene()->nodeAt(mapToScene(event->position().toPoint()), &onToggle);
        // A click on the toggle already folded it; the double-click must not undo that.
        if (node >= 0 && !onToggle && doubleClicked) doubleClicked(node);
        event->accept();
    }
    void wheelEvent(QWheelEvent* event) override {
        const int dy = event->angleDelta().y();
        if (dy != 0 && wheelZoom) wheelZoom(std::pow(1.0015, dy));
        event->accept();
    }
    void resizeEvent(QResizeEvent* event) override {
        QGraphicsView::resizeEvent(event);
        if (resized) resized();
    }

  private:
    TreeScene* treeScene() const { return static_cast<TreeScene*>(scene()); }

    QPoint pressPos_, lastPos_;
    bool dragging_ = false;
    bool afterDoubleClick_ = false;
};

namespace {

constexpr double kMaxZoom = 4.0;
// A wide tree zoomed out far is stretched vertically until its boxes are this many pixels
// tall (no text is drawn then), so its overview fills the window instead of being a thin line.
constexpr double kOverviewBoxPixels = 22.0;
const QString kFolderKey = QStringLiteral("plotExport/folder");

QColor kNeutralGrey() {
    return QColor(0x9a, 0x9a, 0x9a);
}

// The model summary: elided when the window is narrow (the full text is its tooltip), so it
// never widens the explorer.
class ElidedLabel : public QLabel {
  public:
    using QLabel::QLabel;
    QSize minimumSizeHint() const override { return QSize(0, QLabel::minimumSizeHint().height()); }

  protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignRight | Qt::AlignVCenter,
                         fontMetrics().elidedText(text(), Qt::ElideRight, width()));
    }
};

// Writes `snapshot` to an SVG or PDF file (by its extension). Touches no widget or scene, so
// it may run off the UI thread.
bool writeVectorSnapshot(const TreeSnapshot& snapshot, const QString& file) {
    const QString title =
        QCoreApplication::translate("glassbox::gui::TreeExplorer", "Decision tree");
    const QSizeF size = snapshot.rect.size();
    QPainter painter;
    if (QFileInfo(file).suffix().toLower() == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(file);
        svg.setSize(size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), size));
        svg.setTitle(title);
        if (!painter.begin(&svg)) return false;
        paintTreeSnapshot(&painter, snapshot);
        return painter.end();
    }
    // PDF pages are at most 200 inches (14 400 points) on a side.
    const double scale = std::min(1.0, 14400.0 / std::max(size.width(), size.height()));
    QPdfWriter pdf(file);
    pdf.setResolution(72);
    pdf.setPageSize(QPageSize(size * scale, QPageSize::Point));
    pdf.setPageMargins(QMarginsF());
    pdf.setTitle(title);
    if (!painter.begin(&pdf)) return false;
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    paintTreeSnapshot(&painter, snapshot);
    return painter.end();
}

// The platform's keys for `standard` plus `extra` (once: a repeated key would be ambiguous).
QList<QKeySequence> withKey(QKeySequence::StandardKey standard, const QKeySequence& extra) {
    QList<QKeySequence> keys = QKeySequence::keyBindings(standard);
    if (!keys.contains(extra)) keys << extra;
    return keys;
}

QToolButton* toolButton(QAction* action) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}

}  // namespace

TreeExplorer::TreeExplorer(QWidget* parent)
    : QWidget(parent),
      scene_(new TreeScene(this)),
      view_(new TreeGraphicsView(scene_, this)),
      treeControls_(new QWidget(this)),
      treeSpin_(new QSpinBox(this)),
      depthSpin_(new QSpinBox(this)),
      info_(new ElidedLabel(this)) {
    view_->setObjectName(QStringLiteral("treeView"));
    view_->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                          QPainter::SmoothPixmapTransform);
    view_->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    view_->setResizeAnchor(QGraphicsView::AnchorViewCenter);
    view_->setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    view_->setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing);
    view_->setBackgroundBrush(QColor(0xfb, 0xfb, 0xfb));
    view_->setFrameShape(QFrame::NoFrame);

    auto* fit = fitAction_ = new QAction(this);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    auto* zoomInAction = zoomInAction_ = new QAction(this);
    zoomInAction->setShortcuts(
        withKey(QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)));
    auto* zoomOutAction = zoomOutAction_ = new QAction(this);
    zoomOutAction->setShortcuts(
        withKey(QKeySequence::ZoomOut, QKeySequence(Qt::CTRL | Qt::Key_Minus)));
    auto* expand = expandAction_ = new QAction(this);
    auto* exportAction = exportAction_ = new QAction(this);
    auto* copy = copyAction_ = new QAction(this);
    for (QAction* a : {fit, zoomInAction, zoomOutAction, expand, exportAction, copy}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    connect(fit, &QAction::triggered, this, &TreeExplorer::fitToWindow);
    connect(zoomInAction, &QAction::triggered, this, &TreeExplorer::zoomIn);
    connect(zoomOutAction, &QAction::triggered, this, &TreeExplorer::zoomOut);
    connect(expand, &QAction::triggered, this, &TreeExplorer::expandAll);
    connect(exportAction, &QAction::triggered, this, &TreeExplorer::exportWithDialog);
    connect(copy, &QAction::triggered, this, &TreeExplorer::copyTree);

    auto* separator = new QAction(this);
    separator->setSeparator(true);
    view_->setContextMenuPolicy(Qt::ActionsContextMenu);
    view_->addActions({fit, expand, separator, exportAction, copy});

    treeSpin_->setMinimum(1);
    auto* treeLayout = new QHBoxLayout(treeControls_);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLabel_ = new QLabel(treeControls_);
    treeLayout->addWidget(treeLabel_);
    treeLayout->addWidget(treeSpin_);
    depthSpin_->setRange(0, 0);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 4);
    bar->setSpacing(6);
    bar->addWidget(treeControls_);
    depthLabel_ = new QLabel(this);
    bar->addWidget(depthLabel_);
    bar->addWidget(depthSpin_);
    for (QAction* a : {fit, zoomOutAction, zoomInAction, expand, exportAction, copy})
        bar->addWidget(toolButton(a));
    info_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    bar->addWidget(info_, 1);
    retranslate();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);

    connect(treeSpin_, &QSpinBox::valueChanged, this, [this](int v) { setTreeIndex(v - 1); });
    connect(depthSpin_, &QSpinBox::valueChanged, this, &TreeExplorer::setDepthLimit);
    view_->clicked = [this](int node, bool onToggle) { nodeClicked(node, onToggle); };
    view_->doubleClicked = [this](int node) { setNodeExpanded(node, !scene_->isExpanded(node)); };
    view_->wheelZoom = [this](double factor) { zoomBy(factor); };
    view_->panned = [this] { fitted_ = false; };
    view_->resized = [this] {
        if (fitted_) fitToWindow();
    };
    connect(this, &TreeExplorer::exportFinished, this,
            [this](const QString&, const QString& error) {
                if (!error.isEmpty()) QMessageBox::warning(this, tr("Export failed"), error);
            });
    setModel(nullptr);
}

TreeExplorer::~TreeExplorer() = default;

QGraphicsView* TreeExplorer::view() const {
    return view_;
}

int TreeExplorer::treeCount() const {
    return model_ && model_->model ? int(model_->model->trees().size()) : 0;
}

int TreeExplorer::depthLimit() const {
    return scene_->depthLimit();
}

double TreeExplorer::zoom() const {
    return view_->transform().m11();
}

void TreeExplorer::retranslate() {
    fitAction_->setText(tr("Fit"));
    fitAction_->setToolTip(tr("Fit the whole tree in the window (Ctrl+0)"));
    zoomInAction_->setText(tr("Zoom In"));
    zoomOutAction_->setText(tr("Zoom Out"));
    expandAction_->setText(tr("Expand All"));
    expandAction_->setToolTip(tr("Unfold every node and lift the depth limit"));
    exportAction_->setText(tr("Export…"));
    exportAction_->setToolTip(tr("Save the whole tree as a PNG, SVG or PDF file"));
    copyAction_->setText(tr("Copy"));
    copyAction_->setToolTip(tr("Copy a picture of the whole tree"));
    treeSpin_->setToolTip(tr("Which tree of the model to show"));
    treeLabel_->setText(tr("Tree:"));
    depthLabel_->setText(tr("Depth:"));
    depthSpin_->setSpecialValueText(tr("all"));
    depthSpin_->setToolTip(tr("Fold nodes deeper than this into \"+N more\""));
}

void TreeExplorer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateInfo();
    }
    QWidget::changeEvent(event);
}

void TreeExplorer::setModel(std::shared_ptr<const TrainedModel> model) {
    model_ = std::move(model);
    treeIndex_ = 0;
    const int count = treeCount();
    {
        const QSignalBlocker block(treeSpin_);
        treeSpin_->setRange(1, std::max(1, count));
        treeSpin_->setValue(1);
        treeSpin_->setSuffix(tr(" of %1").arg(count));
    }
    treeControls_->setVisible(count > 1);
    showTree();
}

void TreeExplorer::setTreeIndex(int tree) {
    const int count = treeCount();
    if (count == 0) return;
    tree = std::clamp(tree, 0, count - 1);
    if (tree == treeIndex_ && scene_->hasTree()) return;
    treeIndex_ = tree;
    {
        const QSignalBlocker block(treeSpin_);
        treeSpin_->setValue(tree + 1);
    }
    showTree();
    emit treeIndexChanged(tree);
}

void TreeExplorer::showTree() {
    if (treeCount() == 0) {
        scene_->clearTree();
        info_->setText(model_ ? tr("This model has no trees.") : QString());
        return;
    }
    const TrainedModel& trained = *model_;
    const FlatTree& tree = trained.model->trees()[std::size_t(treeIndex_)];
    const auto layout = trained.model->treeLayout();
    TreeDrawing d;
    d.tree = &tree;
    for (const FeatureInfo& f : trained.schema.features) {
        d.features << QString::fromStdString(f.name);
        QStringList levels;
        for (const std::string& level : f.levels) levels << QString::fromStdString(level);
        d.levels.push_back(levels);
    }
    for (const std::string& c : trained.classes) d.classes << QString::fromStdString(c);
    for (int c = 0; c < d.classes.size(); ++c)
        d.classColors.push_back(classColor(c, int(d.classes.size())));

    const std::string output = layout ? layout->output : std::string("value");
    const bool classFractions = output == "probability" ||
                                (trained.task == TaskKind::Classification && output != "log-odds" &&
                                 tree.valueSize == trained.classes.size());
    // Averaged trees (a decision tree, a forest) hold means; otherwise leaf values are summed.
    bool averaged = true;
    if (layout) {
        averaged = std::abs(layout->scale * double(treeCount()) - 1.0) < 1e-9;
        for (const double b : layout->base) averaged = averaged && b == 0.0;
    }
    if (classFractions) {
        d.kind = TreeValueKind::Classes;
    } else if (output == "log-odds") {
        d.kind = TreeValueKind::Additive;
        d.additiveName = tr("log-odds");
        const std::size_t outputs = layout->outputs;
        const int target = outputs > 1 && std::size_t(treeIndex_) < layout->firstOutput.size()
                               ? int(layout->firstOutput[std::size_t(treeIndex_)])
                               : 1;
        const int classCount = int(d.classes.size());
        d.positiveColor = classColor(target, classCount);
        d.negativeColor = outputs > 1 ? kNeutralGrey() : classColor(0, classCount);
    } else if (averaged) {
        d.kind = TreeValueKind::Mean;
    } else {
        d.kind = TreeValueKind::Additive;
        d.additiveName = tr("adds");
        d.positiveColor = QColor(0xe1, 0x57, 0x59);
        d.negativeColor = QColor(0x4e, 0x79, 0xa7);
    }
    if (d.kind != TreeValueKind::Additive) {
        // CART regression always splits on squared error, whatever `criterion` says.
        const auto& params = trained.params.all();
        const auto criterion = params.find("criterion");
        if (trained.task == TaskKind::Regression) {
            d.impurityName = tr("mse");
            d.impurityIsVariance = true;
        } else if (criterion != params.end()) {
            d.impurityName = criterion->second == "entropy" ? tr("entropy") : tr("gini");
        }
    }
    if (d.kind != TreeValueKind::Classes && !tree.value.empty()) {
        const auto [lo, hi] = std::minmax_element(tree.value.begin(), tree.value.end());
        d.valueLow = *lo;
        d.valueHigh = *hi;
    }
    d.measure(view_->font());
    scene_->setTree(d);
    {
        const QSignalBlocker block(depthSpin_);
        depthSpin_->setRange(0, int(tree.depth()));
        depthSpin_->setValue(std::min(scene_->depthLimit(), int(tree.depth())));
    }
    updateInfo();
    fitToWindow();
}

void TreeExplorer::updateInfo() {
    if (!scene_->hasTree()) return;
    const FlatTree& tree = *scene_->drawing().tree;
    QString text = tr("%1 nodes · %2 leaves · depth %3")
                       .arg(tree.nodeCount())
                       .arg(tree.leafCount())
                       .arg(tree.depth());
    const auto layout = model_->model->treeLayout();
    if (layout && layout->output == "log-odds" && !model_->classes.empty()) {
        const std::size_t target =
            layout->outputs > 1 && std::size_t(treeIndex_) < layout->firstOutput.size()
                ? layout->firstOutput[std::size_t(treeIndex_)]
                : std::min<std::size_t>(1, model_->classes.size() - 1);
        text += QStringLiteral(" · ") + tr("leaf values add to the log-odds of “%1”")
                                            .arg(QString::fromStdString(model_->classes[target]));
    } else if (scene_->drawing().kind == TreeValueKind::Additive) {
        text += QStringLiteral(" · ") + tr("leaf values add to the prediction");
    }
    info_->setText(text);
    info_->setToolTip(text);
}

void TreeExplorer::setDepthLimit(int limit) {
    limit = std::max(0, limit);
    {
        const QSignalBlocker block(depthSpin_);
        depthSpin_->setValue(std::min(limit, depthSpin_->maximum()));
    }
    scene_->setDepthLimit(limit);
    fitToWindow();
}

void TreeExplorer::expandAll() {
    setDepthLimit(0);
}

void TreeExplorer::applyZoom(double sx) {
    const QRectF rect = scene_->treeRect();
    double sy = sx;
    if (!rect.isEmpty()) {
        const double fitHeight = (view_->viewport()->height() - 4) / rect.height();
        const double overview = kOverviewBoxPixels / scene_->drawing().height;
        sy = std::max(sx, std::min(fitHeight, overview));
    }
    view_->setTransform(QTransform::fromScale(sx, sy));
}

double TreeExplorer::fitZoom() const {
    const QRectF rect = scene_->treeRect();
    if (rect.isEmpty()) return 1.0;
    const QSizeF viewSize = view_->viewport()->size() - QSizeF(4, 4);
    return std::min(viewSize.width() / rect.width(), viewSize.height() / rect.height());
}

void TreeExplorer::fitToWindow() {
    fitted_ = true;
    const QRectF rect = scene_->treeRect();
    if (rect.isEmpty()) {
        view_->resetTransform();
        return;
    }
    // Small trees are shown at their natural size rather than blown up.
    applyZoom(std::min(1.0, fitZoom()));
    view_->centerOn(rect.center());
}

void TreeExplorer::zoomBy(double factor) {
    const double minZoom = std::min(0.5, fitZoom() * 0.8);
    const double target = std::clamp(zoom() * factor, minZoom, kMaxZoom);
    if (target == zoom()) return;
    fitted_ = false;
    applyZoom(target);
}

void TreeExplorer::setZoom(double zoom) {
    fitted_ = false;
    applyZoom(std::clamp(zoom, std::min(0.5, fitZoom() * 0.8), kMaxZoom));
}

void TreeExplorer::zoomIn() {
    zoomBy(1.25);
}

void TreeExplorer::zoomOut() {
    zoomBy(0.8);
}

void TreeExplorer::setNodeExpanded(int node, bool expanded) {
    if (!scene_->isShown(node)) return;
    const QPoint before = view_->mapFromScene(scene_->nodeCenter(node));
    scene_->setExpanded(node, expanded);
    if (fitted_) return fitToWindow();
    // Keep the node under the cursor / where the user was looking.
    const QPoint after = view_->mapFromScene(scene_->nodeCenter(node));
    const QPoint delta = after - before;
    view_->horizontalScrollBar()->setValue(view_->horizontalScrollBar()->value() + delta.x());
    view_->verticalScrollBar()->setValue(view_->verticalScrollBar()->value() + delta.y());
}

void TreeExplorer::nodeClicked(int node, bool onToggle) {
    if (onToggle) {
        setNodeExpanded(node, !scene_->isExpanded(node));
        return;
    }
    scene_->setCurrentNode(node);
    emit nodeActivated(treeIndex_, node);
}

void TreeExplorer::highlightPath(std::vector<std::int32_t> nodes) {
    scene_->setHighlightedPath(nodes);
    // Scroll the deepest shown node of the path into view, keeping the zoom.
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
        if (const TreeNodeItem* item = scene_->nodeItem(*it)) {
            if (!fitted_) view_->ensureVisible(item->sceneBoundingRect(), 40, 40);
            break;
        }
    }
}

QImage TreeExplorer::renderImage(double maxSide, double maxPixels) {
    const QRectF rect = scene_->treeRect();
    const double scale = std::min({2.0, maxSide / std::max(rect.width(), rect.height()),
                                   std::sqrt(maxPixels / (rect.width() * rect.height()))});
    const QSize size(std::max(1, int(std::ceil(rect.width() * scale))),
                     std::max(1, int(std::ceil(rect.height() * scale))));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    scene_->setNodeCaching(false);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        scene_->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), rect, Qt::KeepAspectRatio);
    }
    scene_->setNodeCaching(true);
    return image;
}

QString TreeExplorer::checkExportFile(const QString& file) const {
    if (scene_->treeRect().isEmpty()) return tr("There is no tree to export.");
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") &&
        suffix != QLatin1String("pdf"))
        return tr("Cannot export to %1: use a .png, .svg or .pdf file name.").arg(file);
    return {};
}

QString TreeExplorer::exportTree(const QString& file) {
    if (const QString error = checkExportFile(file); !error.isEmpty()) return error;
    bool ok = false;
    if (QFileInfo(file).suffix().toLower() == QLatin1String("png"))
        ok = renderImage(16000, 40e6).save(file, "PNG");
    else
        ok = writeVectorSnapshot(scene_->snapshot(), file);
    return ok && QFileInfo(file).size() > 0 ? QString() : tr("Could not write %1.").arg(file);
}

void TreeExplorer::exportTreeInBackground(const QString& file) {
    if (const QString error = checkExportFile(file); !error.isEmpty()) {
        emit exportFinished(file, error);
        return;
    }
    if (QFileInfo(file).suffix().toLower() == QLatin1String("png")) {
        // The bitmap is drawn at the level of detail its size allows: bounded, so done here.
        emit exportFinished(file, exportTree(file));
        return;
    }
    // Drawing and writing an SVG / PDF of a big tree takes seconds: done on a thread of its own
    // from a snapshot (which the model, holding the tree, outlives).
    auto snapshot = std::make_shared<const TreeSnapshot>(scene_->snapshot());
    QPointer<TreeExplorer> self(this);
    QThread* thread = QThread::create([snapshot, model = model_, file, self] {
        const bool ok = writeVectorSnapshot(*snapshot, file) && QFileInfo(file).size() > 0;
        const QString error = ok ? QString() : tr("Could not write %1.").arg(file);
        QMetaObject::invokeMethod(
            qApp,
            [self, file, error] {
                if (self) emit self->exportFinished(file, error);
            },
            Qt::QueuedConnection);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void TreeExplorer::copyTree() {
    if (scene_->treeRect().isEmpty()) return;
    QApplication::clipboard()->setImage(renderImage(8000, 24e6));
}

void TreeExplorer::exportWithDialog() {
    if (scene_->treeRect().isEmpty()) return;
    QSettings settings;
    const QString folder = settings.value(kFolderKey).toString();
    const QString suggested = treeCount() > 1 ? tr("tree-%1").arg(treeIndex_ + 1) : tr("tree");
    const QString file = QFileDialog::getSaveFileName(
        this, tr("Export Tree"), QDir(folder).filePath(suggested + QStringLiteral(".png")),
        plotFileFilters().join(QStringLiteral(";;")));
    if (file.isEmpty()) return;
    settings.setValue(kFolderKey, QFileInfo(file).absolutePath());
    exportTreeInBackground(file);
}

}  // namespace glassbox::gui
