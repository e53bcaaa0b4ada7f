#pragma once

#include <QGraphicsScene>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "widgets/tree_drawing.h"
#include "widgets/tree_layout.h"

namespace glassbox::gui {

class TreeEdgeItem;
class TreeNodeItem;

// What a shown tree looks like, detached from the scene: enough to draw it again on another
// thread (vector export of big trees) with paintTreeSnapshot.
struct TreeSnapshot {
    struct Node {
        int node = 0;
        QPointF pos;
        bool folded = false, onPath = false, pathHidden = false, current = false;
        int hiddenBelow = 0;
    };
    struct Edge {
        int child = 0;
        QString label;
        QPointF from, to;
        bool onPath = false;
    };
    TreeDrawing drawing;  // its tree must outlive the snapshot's use
    QRectF rect;          // the tree's extent in scene coordinates
    std::vector<Node> nodes;
    std::vector<Edge> edges;
};

// Draws `snapshot` at full detail with its rect's top-left at the painter's origin. Uses items
// of its own (in no scene), so it may run off the UI thread.
void paintTreeSnapshot(QPainter* painter, const TreeSnapshot& snapshot);

// The scene of one tree: node and edge items at their tidy-layout places, folding (a depth limit
// plus per-node collapse / expand), the highlighted decision path and the current node. Items
// are made when a node is first shown and kept (hidden) when it is folded away; layout happens
// only when what is shown changes, never while painting.
class TreeScene : public QGraphicsScene {
    Q_OBJECT

  public:
    explicit TreeScene(QObject* parent = nullptr);
    ~TreeScene() override;

    // Shows `drawing.tree` (which must outlive the scene's use of it); resets folding, the path
    // and the current node, keeps the depth limit.
    void setTree(const TreeDrawing& drawing);
    void clearTree();
    const TreeDrawing& drawing() const { return drawing_; }
    bool hasTree() const { return drawing_.tree != nullptr; }

    // Shows nodes down to depth `limit` (the root is depth 0); 0 shows all. Clears per-node
    // collapse / expand.
    void setDepthLimit(int limit);
    int depthLimit() const { return depthLimit_; }
    // Folds or unfolds one internal node (overriding the depth limit for it).
    void setExpanded(int node, bool expanded);
    bool isExpanded(int node) const;
    void toggleExpanded(int node);
    // Clears per-node collapse / expand.
    void resetFolding();

    bool isShown(int node) const;
    int shownNodeCount() const { return shownCount_; }
    // The item of a shown node, else null.
    TreeNodeItem* nodeItem(int node) const;
    TreeEdgeItem* edgeItemInto(int node) const;
    // Where a shown node's box is centred, in scene coordinates.
    QPointF nodeCenter(int node) const;
    // The node whose item is at `scenePos` (-1 for none); `onToggle` tells whether the
    // +/- toggle or the "+N more" stub is hit.
    int nodeAt(QPointF scenePos, bool* onToggle = nullptr) const;

    // Highlights these nodes (a decision path, root first) and the edges between them.
    void setHighlightedPath(std::span<const std::int32_t> nodes);
    const std::vector<std::int32_t>& highlightedPath() const { return path_; }
    void setCurrentNode(int node);
    int currentNode() const { return current_; }

    // The shown tree's extent (what fit-to-window and export use).
    QRectF treeRect() const { return treeRect_; }
    TreeSnapshot snapshot() const;
    // Turns the nodes' device-coordinate cache on or off (exports render uncached).
    void setNodeCaching(bool on);

  signals:
    // What is shown changed (folding, depth limit, tree); positions moved.
    void layoutChanged();

  protected:
    void helpEvent(QGraphicsSceneHelpEvent* event) override;

  private:
    void relayout();
    void applyPath();
    TreeNodeItem* ensureNodeItem(int node);
    TreeEdgeItem* ensureEdgeItem(int child, int parent, bool leftBranch);

    TreeDrawing drawing_;
    std::vector<std::int32_t> depth_, descendants_, parent_;
    // Per node: 0 = follow the depth limit, 1 = expanded, 2 = collapsed.
    std::vector<std::uint8_t> override_;
    int depthLimit_ = 0;
    TreeLayout layout_;
    int shownCount_ = 0;
    std::vector<TreeNodeItem*> nodes_;
    std::vector<TreeEdgeItem*> edges_;  // by child
    std::vector<std::int32_t> path_;
    int current_ = -1;
    QRectF treeRect_;
};

}  // namespace glassbox::gui
