#pragma once

#include <QWidget>
#include <cstdint>
#include <memory>
#include <vector>

class QAction;
class QGraphicsView;
class QLabel;
class QSpinBox;

namespace glassbox {
struct TrainedModel;
}

namespace glassbox::gui {

class TreeGraphicsView;
class TreeScene;

// The interactive tree explorer: any tree of a decision tree, forest or boosting model, drawn
// with a tidy layout. Zoom (wheel, Ctrl+= / Ctrl+-), pan (drag), fit to window, a depth limit
// and per-node fold / unfold (the +/- toggle, the "+N more" stub or a double-click). A click on
// a node emits nodeActivated; highlightPath() draws one row's decision path. Export… writes the
// whole tree (not just the visible part) to PNG / SVG / PDF; Copy puts its picture on the
// clipboard.
class TreeExplorer : public QWidget {
    Q_OBJECT

  public:
    explicit TreeExplorer(QWidget* parent = nullptr);
    ~TreeExplorer() override;

    // Shows tree 0 of `model` (no tree and a note for models without trees; null clears).
    void setModel(std::shared_ptr<const glassbox::TrainedModel> model);
    std::shared_ptr<const glassbox::TrainedModel> model() const { return model_; }
    int treeCount() const;
    int treeIndex() const { return treeIndex_; }
    int depthLimit() const;
    // The view's horizontal scale (1 = node text at its natural size).
    double zoom() const;

    // Writes the whole shown tree to `file` (.png, .svg or .pdf by its extension). Returns an
    // empty string on success, else a user-facing message.
    QString exportTree(const QString& file);
    // The same, the SVG / PDF writing on a thread of its own (emits exportFinished).
    void exportTreeInBackground(const QString& file);
    // Puts a picture of the whole shown tree on the clipboard.
    void copyTree();

    QGraphicsView* view() const;
    TreeScene* scene() const { return scene_; }

  public slots:
    // 0-based; clears the highlighted path (it belongs to one tree) and emits treeIndexChanged.
    void setTreeIndex(int tree);
    // Shows nodes down to this depth (root = 0), folding deeper ones into "+N more"; 0 = all.
    void setDepthLimit(int limit);
    void fitToWindow();
    void zoomIn();
    void zoomOut();
    // Sets the scale (1 = natural size); the view stops following the window size.
    void setZoom(double zoom);
    // Unfolds every node and lifts the depth limit.
    void expandAll();
    // Folds or unfolds one node, keeping it where it is on screen.
    void setNodeExpanded(int node, bool expanded);
    // The nodes of one row's decision path in the current tree, root first (FlatTree::leafFor's
    // path); scrolls its end into view. An empty vector clears it.
    void highlightPath(std::vector<std::int32_t> nodes);
    // Asks for a file and exports the tree to it.
    void exportWithDialog();

  signals:
    // The user clicked a node of tree `tree` (the caller selects the node's rows).
    void nodeActivated(int tree, int node);
    // Another tree is shown; a highlighted path must be computed again for it.
    void treeIndexChanged(int tree);
    // An export asked for with exportTreeInBackground / Export… ended; `error` is empty on
    // success (Export… shows a message box otherwise).
    void exportFinished(const QString& file, const QString& error);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void showTree();
    void updateInfo();
    void zoomBy(double factor);
    // Horizontal scale `sx`; the vertical one equals it except in a stretched overview.
    void applyZoom(double sx);
    double fitZoom() const;
    void nodeClicked(int node, bool onToggle);
    QImage renderImage(double maxSide, double maxPixels);
    QString checkExportFile(const QString& file) const;

    std::shared_ptr<const glassbox::TrainedModel> model_;
    int treeIndex_ = 0;
    bool fitted_ = true;  // follows the window size until the user zooms or pans
    TreeScene* scene_;
    TreeGraphicsView* view_;
    QWidget* treeControls_;
    QAction* fitAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* expandAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* copyAction_ = nullptr;
    QLabel* treeLabel_ = nullptr;
    QLabel* depthLabel_ = nullptr;
    QSpinBox* treeSpin_;
    QSpinBox* depthSpin_;
    QLabel* info_;
};

}  // namespace glassbox::gui
