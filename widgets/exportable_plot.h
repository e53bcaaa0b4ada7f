#pragma once

#include <QString>
#include <QWidget>

class QAction;
class QCPTextElement;
class QCustomPlot;
class QHBoxLayout;

namespace glassbox::gui {

// A QCustomPlot under a row of controls ending in "Export…" and "Copy" buttons; the same two
// actions are in the plot's context menu (plot_export.h). A caption drawn inside the plot (so
// exported pictures carry it) says when the plot samples or aggregates. The base of the SHAP,
// partial-dependence and tuning plots.
class ExportablePlot : public QWidget {
    Q_OBJECT

  public:
    // exportName: the file name suggested by "Export…" (without extension).
    explicit ExportablePlot(const QString& exportName, QWidget* parent = nullptr);

    QCustomPlot* plot() const { return plot_; }
    // Writes the plot's picture (.png / .svg / .pdf by extension): empty on success, else the
    // user-facing message.
    QString exportTo(const QString& file, double scale = 2.0) const;
    QAction* exportAction() const { return exportAction_; }
    QAction* copyAction() const { return copyAction_; }
    QString caption() const { return captionText_; }

  protected:
    // Subclasses add their pickers, left to right, before the buttons.
    void addControl(QWidget* widget);
    // Shown under the plot; empty hides it.
    void setCaption(const QString& text);
    virtual void retranslate();
    void changeEvent(QEvent* event) override;

  private:
    QString exportName_;
    QHBoxLayout* controls_;
    QCustomPlot* plot_;
    QAction* exportAction_;
    QAction* copyAction_;
    QCPTextElement* caption_ = nullptr;
    QString captionText_;
};

}  // namespace glassbox::gui
