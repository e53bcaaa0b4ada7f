#pragma once

#include <QCoreApplication>
#include <QGraphicsItem>
#include <QString>

namespace glassbox::gui {

struct TreeDrawing;

// One tree node: its split, samples, impurity, value and a bar of its class distribution (or
// value), at a level of detail that fits the zoom (a coloured box when small, full text when
// readable). Internal nodes have a +/- toggle under the box; folded ones a "+N more" stub.
class TreeNodeItem : public QGraphicsItem {
    Q_DECLARE_TR_FUNCTIONS(glassbox::gui::TreeNodeItem)

  public:
    enum { Type = UserType + 701 };

    // `drawing` outlives the item (the scene owns both).
    TreeNodeItem(const TreeDrawing* drawing, int node);

    int type() const override { return Type; }
    int node() const { return node_; }

    // A folded internal node hides `hiddenBelow` nodes under its stub.
    void setFolded(bool folded, int hiddenBelow);
    bool isFolded() const { return folded_; }
    int hiddenBelow() const { return hiddenBelow_; }
    // On the highlighted decision path; `continuesHidden`: the path goes on into folded nodes.
    void setOnPath(bool onPath, bool continuesHidden);
    bool isOnPath() const { return onPath_; }
    bool pathContinuesHidden() const { return pathHidden_; }
    // The node the user last clicked.
    void setCurrent(bool current);
    bool isCurrent() const { return current_; }

    // Whether `itemPos` hits the +/- toggle or the stub.
    bool hitsToggle(QPointF itemPos) const;
    // Whether `itemPos` is on the node's box.
    bool hitsBox(QPointF itemPos) const;
    // Where edges to the children start, in item coordinates.
    QPointF childAnchor() const;
    // Everything about the node, unabridged (the tooltip).
    QString toolTipText() const;
    // The split as one line, unabridged ("petal width (cm) ≤ 0.8"); empty for a leaf.
    QString splitText() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    struct Texts {
        QString title, missing, stats, value;
        int titleClass = -1, valueClass = -1;  // class colour swatch before the line
    };
    bool isLeaf() const;
    void ensureTexts();
    QString elidedSplit(double available) const;
    // The class mix (classes side by side, or stacked when `vertical`) or the value.
    void paintBar(QPainter* painter, const QRectF& rect, bool vertical) const;
    void paintOverview(QPainter* painter, double lod) const;
    void paintDetail(QPainter* painter);
    void paintToggle(QPainter* painter) const;
    QRectF boxRect() const;
    QRectF stubRect() const;

    const TreeDrawing* d_;
    int node_;
    int hiddenBelow_ = 0;
    bool folded_ = false;
    bool onPath_ = false;
    bool pathHidden_ = false;
    bool current_ = false;
    bool textsReady_ = false;
    Texts texts_;
};

}  // namespace glassbox::gui
