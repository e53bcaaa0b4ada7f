#pragma once

#include <qcustomplot.h>
#include <QImage>
#include <QRgb>
#include <cstddef>
#include <vector>

namespace glassbox::gui {

// Many small opaque dots (a beeswarm, a dependence scatter) drawn fast: on screen they are
// stamped into an image of the axis rect (a few milliseconds for 100 000 dots, where one
// QPainter ellipse each takes hundreds); scaled and vector output (PNG at 2x, SVG, PDF) draws
// real circles (beyond 20 000 dots a 4x image of them, keeping SVG / PDF files small). Dots are
// drawn in the order given.
class DotCloud : public QCPLayerable {
  public:
    struct Dot {
        double x = 0;
        double y = 0;
        QRgb color = 0;
        std::size_t tag = 0;  // the caller's: which row and feature the dot stands for
    };

    DotCloud(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setDots(std::vector<Dot> dots);
    void clear() { dots_.clear(); }
    const std::vector<Dot>& dots() const { return dots_; }
    // The index of the dot nearest to `pixel` within `reach` pixels, or -1.
    std::ptrdiff_t dotNear(const QPointF& pixel, double reach = 6.0) const;
    // The radius in pixels (2 by default).
    void setRadius(double radius) { radius_ = radius; }

  protected:
    QRect clipRect() const override;
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;

  private:
    void drawCircles(QCPPainter* painter) const;
    // The dots drawn into a transparent image of `area` at `ratio` pixels per pixel.
    QImage stamp(const QRect& area, double ratio) const;

    static constexpr std::size_t kMostVectorDots = 20000;
    static constexpr double kVectorImageScale = 4.0;

    QCPAxis* keyAxis_;
    QCPAxis* valueAxis_;
    std::vector<Dot> dots_;
    double radius_ = 2.0;
};

}  // namespace glassbox::gui
