#pragma once

#include <QColor>
#include <QString>
#include <QWidget>
#include <cstddef>
#include <span>
#include <vector>

class QAction;
class QCPAxisRect;
class QCPTextElement;
class QCustomPlot;
class QHBoxLayout;
class QToolButton;

namespace glassbox::gui {

// The frame every QCustomPlot view shares: a row of controls (the view's own on the left,
// "Export…" and "Copy" on the right; both also in the plot's context menu), then the plot with
// its title on top and a caption line below for notes such as sampling. Title and caption are
// part of the plot itself, so exported pictures carry them.
class PlotWidget : public QWidget {
    Q_OBJECT

  public:
    explicit PlotWidget(QWidget* parent = nullptr);

    QCustomPlot* plot() const { return plot_; }
    void setTitle(const QString& title);
    QString title() const;
    // Notes under the plot (wrapped to the plot's width); hidden when empty.
    void setCaption(const QString& caption);
    QString caption() const;

    // Writes the plot to a .png, .svg or .pdf file (plot_export.h); empty on success, else
    // the user-facing message.
    QString exportTo(const QString& file, double scale = 2.0) const;
    void copyToClipboard() const;
    QAction* exportAction() const { return export_; }
    QAction* copyAction() const { return copy_; }

    // Replots now and returns how long it took (milliseconds).
    double replotTimed();

  protected:
    // The row above the plot where a view puts its own controls.
    QHBoxLayout* controls() const { return controls_; }
    // A file name without extension for the export dialog (the title by default).
    virtual QString suggestedFileName() const;
    // Called on language change; views set their texts here (call the base first).
    virtual void retranslate();
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

    // Axis styling shared by the views (fonts, grid, colours) for `rect` (the main one when null).
    void styleAxisRect(QCPAxisRect* rect);

  private:
    void wrapCaption();

    QString captionText_;
    QCustomPlot* plot_;
    QHBoxLayout* controls_;
    QCPTextElement* title_;
    QCPTextElement* caption_;
    QAction* export_;
    QAction* copy_;
    QToolButton* exportButton_;
    QToolButton* copyButton_;
};

// The colour of run `index` when several runs are overlaid.
QColor runColor(int index);

// The points of a curve worth drawing: at most about `maxPoints` indices into (x, y), the
// first and the last always among them, chosen along the curve's length (|dx| + |dy|) so that
// no stretch longer than length / maxPoints is left without a point. All indices when the curve
// is short enough. O(n).
std::vector<std::size_t> decimateCurve(std::span<const double> x, std::span<const double> y,
                                       std::size_t maxPoints);

// "1 000 000": numbers with thin grouping in captions.
QString groupedCount(std::size_t n);

}  // namespace glassbox::gui
