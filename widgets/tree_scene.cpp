#include "widgets/tree_scene.h"

#include <QGraphicsSceneHelpEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QToolTip>
#include <algorithm>

#include "engine/flat_tree.h"
#include "widgets/tree_edge_item.h"
#include "widgets/tree_node_item.h"

namespace glassbox::gui {
namespace {

enum : std::uint8_t { kFollowLimit = 0, kExpanded = 1, kCollapsed = 2 };

}  // namespace

TreeScene::TreeScene(QObject* parent) : QGraphicsScene(parent) {
    setItemIndexMethod(BspTreeIndex);
}

TreeScene::~TreeScene() = default;

void TreeScene::clearTree() {
    clear();
    drawing_ = TreeDrawing{};
    depth_.clear();
    descendants_.clear();
    parent_.clear();
    override_.clear();
    layout_ = TreeLayout{};
    shownCount_ = 0;
    nodes_.clear();
    edges_.clear();
    path_.clear();
    current_ = -1;
    treeRect_ = QRectF();
    setSceneRect(QRectF());
    emit layoutChanged();
}

void TreeScene::setTree(const TreeDrawing& drawing) {
    clear();
    drawing_ = drawing;
    const FlatTree& tree = *drawing_.tree;
    const std::size_t n = tree.nodeCount();
    depth_ = nodeDepths(tree);
    descendants_ = descendantCounts(tree);
    parent_.assign(n, -1);
    for (std::size_t v = 0; v < n; ++v) {
        if (tree.isLeaf(v)) continue;
        parent_[tree.left[v]] = std::int32_t(v);
        parent_[tree.right[v]] = std::int32_t(v);
    }
    override_.assign(n, kFollowLimit);
    nodes_.assign(n, nullptr);
    edges_.assign(n, nullptr);
    path_.clear();
    current_ = -1;
    relayout();
}

void TreeScene::setDepthLimit(int limit) {
    depthLimit_ = std::max(0, limit);
    std::fill(override_.begin(), override_.end(), kFollowLimit);
    if (hasTree()) relayout();
}

bool TreeScene::isExpanded(int node) const {
    if (!hasTree() || node < 0 || node >= int(override_.size())) return false;
    if (drawing_.tree->isLeaf(std::size_t(node))) return false;
    if (override_[node] != kFollowLimit) return override_[node] == kExpanded;
    return depthLimit_ == 0 || depth_[node] < depthLimit_;
}

void TreeScene::setExpanded(int node, bool expanded) {
    if (!hasTree() || node < 0 || node >= int(override_.size())) return;
    if (drawing_.tree->isLeaf(std::size_t(node)) || isExpanded(node) == expanded) return;
    override_[node] = expanded ? kExpanded : kCollapsed;
    relayout();
}

void TreeScene::toggleExpanded(int node) {
    setExpanded(node, !isExpanded(node));
}

void TreeScene::resetFolding() {
    std::fill(override_.begin(), override_.end(), kFollowLimit);
    if (hasTree()) relayout();
}

bool TreeScene::isShown(int node) const {
    return node >= 0 && node < int(layout_.shown.size()) && layout_.shown[node];
}

TreeNodeItem* TreeScene::nodeItem(int node) const {
    return isShown(node) ? nodes_[node] : nullptr;
}

TreeEdgeItem* TreeScene::edgeItemInto(int node) const {
    return isShown(node) ? edges_[node] : nullptr;
}

QPointF TreeScene::nodeCenter(int node) const {
    const TreeNodeItem* item = nodeItem(node);
    return item ? item->pos() + QPointF(0, drawing_.height / 2) : QPointF();
}

TreeNodeItem* TreeScene::ensureNodeItem(int node) {
    if (!nodes_[node]) {
        nodes_[node] = new TreeNodeItem(&drawing_, node);
        nodes_[node]->setZValue(1);
        addItem(nodes_[node]);
    }
    return nodes_[node];
}

TreeEdgeItem* TreeScene::ensureEdgeItem(int child, int parent, bool leftBranch) {
    if (!edges_[child]) {
        const FlatTree& t = *drawing_.tree;
        QString label;
        if (t.categoryWords[parent] > 0)
            label = leftBranch ? QStringLiteral("∈") : QStringLiteral("∉");
        else
            label = (leftBranch ? QStringLiteral("≤ ") : QStringLiteral("> ")) +
                    formatTreeNumber(t.threshold[parent]);
        edges_[child] = new TreeEdgeItem(&drawing_, child, label);
        addItem(edges_[child]);
    }
    return edges_[child];
}

void TreeScene::relayout() {
    const FlatTree& tree = *drawing_.tree;
    const std::size_t n = tree.nodeCount();
    std::vector<std::uint8_t> expanded(n, 0);
    for (std::size_t v = 0; v < n; ++v) expanded[v] = isExpanded(int(v)) ? 1 : 0;
    layout_ = layoutTree(tree, expanded);
    const double dx = drawing_.width + std::max(24.0, drawing_.width * 0.12);
    const double dy =
        drawing_.height + drawing_.toggleRadius + drawing_.stubHeight + 3.2 * drawing_.lineHeight;
    shownCount_ = 0;
    for (std::size_t v = 0; v < n; ++v) {
        const int node = int(v);
        if (!layout_.shown[v]) {
            if (nodes_[v]) nodes_[v]->setVisible(false);
            if (edges_[v]) edges_[v]->setVisible(false);
            continue;
        }
        ++shownCount_;
        TreeNodeItem* item = ensureNodeItem(node);
        item->setPos(layout_.x[v] * dx, layout_.depth[v] * dy);
        item->setFolded(!tree.isLeaf(v) && !expanded[v], descendants_[v]);
        item->setVisible(true);
        const int p = parent_[v];
        if (p < 0) continue;
        TreeEdgeItem* edge = ensureEdgeItem(node, p, tree.left[p] == node);
        edge->setEnds(nodes_[p]->pos() + nodes_[p]->childAnchor(), item->pos());
        edge->setVisible(true);
    }
    const double bottom =
        layout_.shownDepth * dy + drawing_.height + drawing_.toggleRadius + drawing_.stubHeight + 8;
    treeRect_ = QRectF(-drawing_.width / 2, 0, layout_.width * dx + drawing_.width, bottom)
                    .adjusted(-16, -16, 16, 16);
    setSceneRect(treeRect_);
    applyPath();
    emit layoutChanged();
}

void TreeScene::setHighlightedPath(std::span<const std::int32_t> nodes) {
    std::vector<std::int32_t> path;
    for (const std::int32_t v : nodes)
        if (v >= 0 && v < std::int32_t(nodes_.size())) path.push_back(v);
    path_ = std::move(path);
    applyPath();
}

void TreeScene::applyPath() {
    for (TreeNodeItem* item : nodes_)
        if (item && item->isOnPath()) item->setOnPath(false, false);
    for (TreeEdgeItem* edge : edges_)
        if (edge && edge->isOnPath()) edge->setOnPath(false);
    for (std::size_t i = 0; i < path_.size(); ++i) {
        const int v = path_[i];
        if (!isShown(v)) continue;
        const bool continuesHidden = i + 1 < path_.size() && !isShown(path_[i + 1]);
        nodes_[v]->setOnPath(true, continuesHidden);
        if (i > 0 && edges_[v]) edges_[v]->setOnPath(true);
    }
}

void TreeScene::setCurrentNode(int node) {
    if (current_ >= 0 && current_ < int(nodes_.size()) && nodes_[current_])
        nodes_[current_]->setCurrent(false);
    current_ = node >= 0 && node < int(nodes_.size()) ? node : -1;
    if (current_ >= 0 && nodes_[current_]) nodes_[current_]->setCurrent(true);
}

int TreeScene::nodeAt(QPointF scenePos, bool* onToggle) const {
    if (onToggle) *onToggle = false;
    const QList<QGraphicsItem*> hits =
        items(scenePos, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder);
    for (QGraphicsItem* hit : hits) {
        if (hit->type() != TreeNodeItem::Type || !hit->isVisible()) continue;
        auto* item = static_cast<TreeNodeItem*>(hit);
        const QPointF p = item->mapFromScene(scenePos);
        const bool toggle = item->hitsToggle(p);
        if (!toggle && !item->hitsBox(p)) continue;
        if (onToggle) *onToggle = toggle;
        return item->node();
    }
    return -1;
}

void TreeScene::setNodeCaching(bool on) {
    for (TreeNodeItem* item : nodes_)
        if (item)
            item->setCacheMode(on ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

TreeSnapshot TreeScene::snapshot() const {
    TreeSnapshot out;
    out.drawing = drawing_;
    out.rect = treeRect_;
    for (const TreeNodeItem* item : nodes_) {
        if (!item || !item->isVisible()) continue;
        out.nodes.push_back({item->node(), item->pos(), item->isFolded(), item->isOnPath(),
                             item->pathContinuesHidden(), item->isCurrent(), item->hiddenBelow()});
    }
    for (const TreeEdgeItem* edge : edges_) {
        if (!edge || !edge->isVisible()) continue;
        out.edges.push_back(
            {edge->child(), edge->label(), edge->from(), edge->to(), edge->isOnPath()});
    }
    return out;
}

void paintTreeSnapshot(QPainter* painter, const TreeSnapshot& snapshot) {
    QStyleOptionGraphicsItem option;
    painter->save();
    painter->translate(-snapshot.rect.topLeft());
    // Highlighted edges and nodes last, so they lie on top as in the scene.
    for (const bool pathPass : {false, true}) {
        for (const TreeSnapshot::Edge& e : snapshot.edges) {
            if (e.onPath != pathPass) continue;
            TreeEdgeItem item(&snapshot.drawing, e.child, e.label);
            item.setEnds(e.from, e.to);
            item.setOnPath(e.onPath);
            option.exposedRect = item.boundingRect();
            painter->save();
            item.paint(painter, &option, nullptr);
            painter->restore();
        }
    }
    for (const bool pathPass : {false, true}) {
        for (const TreeSnapshot::Node& n : snapshot.nodes) {
            if (n.onPath != pathPass) continue;
            TreeNodeItem item(&snapshot.drawing, n.node);
            item.setFolded(n.folded, n.hiddenBelow);
            item.setOnPath(n.onPath, n.pathHidden);
            item.setCurrent(n.current);
            option.exposedRect = item.boundingRect();
            painter->save();
            painter->translate(n.pos);
            item.paint(painter, &option, nullptr);
            painter->restore();
        }
    }
    painter->restore();
}

void TreeScene::helpEvent(QGraphicsSceneHelpEvent* event) {
    const int node = nodeAt(event->scenePos());
    if (node < 0) {
        QToolTip::hideText();
        event->ignore();
        return;
    }
    QToolTip::showText(event->screenPos(), nodes_[node]->toolTipText(), event->widget());
    event->accept();
}

}  // namespace glassbox::gui
