#pragma once

#include <QString>
#include <QStringList>

class QCustomPlot;
class QWidget;

namespace glassbox::gui {

// Picture export shared by every plot and the tree explorer. The format follows the file's
// extension: .png (bitmap at the widget's size times `scale`), .svg and .pdf (vector).
// Returns an empty string on success, else a user-facing message naming the file.
QString exportPlot(QCustomPlot* plot, const QString& file, double scale = 2.0);
// Any widget (the tree explorer, a plot with extra decorations): rendered through
// QWidget::render, so vector formats keep text and lines as vectors.
QString exportWidget(QWidget* widget, const QString& file, double scale = 2.0);
// Puts the widget's picture on the clipboard (as an image).
void copyWidgetToClipboard(QWidget* widget);
// "PNG image (*.png)", "SVG drawing (*.svg)", "PDF document (*.pdf)": for QFileDialog.
QStringList plotFileFilters();
// Asks for a file (QFileDialog, remembering the folder) and exports `widget` to it; shows a
// message box on failure. For the plots' "Export…" actions.
void exportWithDialog(QWidget* widget, const QString& suggestedName);

}  // namespace glassbox::gui
