#pragma once

#include <QGraphicsItem>
#include <QString>

namespace glassbox::gui {

struct TreeDrawing;

// The edge from a node to one of its children: a smooth curve labelled with the branch's
// condition ("≤ 0.8" / "> 0.8", "∈" / "∉"), drawn strong when on the highlighted path.
class TreeEdgeItem : public QGraphicsItem {
  public:
    enum { Type = UserType + 702 };

    // The edge into `child`, which is its parent's left (true branch) or right child.
    TreeEdgeItem(const TreeDrawing* drawing, int child, QString label);

    int type() const override { return Type; }
    int child() const { return child_; }
    const QString& label() const { return label_; }
    QPointF from() const { return from_; }
    QPointF to() const { return to_; }
    void setEnds(QPointF from, QPointF to);
    void setOnPath(bool onPath);
    bool isOnPath() const { return onPath_; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    const TreeDrawing* d_;
    int child_;
    QString label_;
    QPointF from_, to_;
    bool onPath_ = false;
};

}  // namespace glassbox::gui
