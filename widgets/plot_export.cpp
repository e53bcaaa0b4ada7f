#include "widgets/plot_export.h"

#include <qcustomplot.h>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QSettings>
#include <QSvgGenerator>

namespace glassbox::gui {
namespace {

const QString kFolderKey = QStringLiteral("plotExport/folder");

QString suffixOf(const QString& file) {
    return QFileInfo(file).suffix().toLower();
}

QString unknownFormat(const QString& file) {
    return QApplication::translate("PlotExport",
                                   "Cannot export to %1: use a .png, .svg or .pdf file name.")
        .arg(file);
}

QString writeFailed(const QString& file) {
    return QApplication::translate("PlotExport", "Could not write %1.").arg(file);
}

// Renders `widget` into `device` scaled to fill it, keeping the aspect ratio.
bool renderInto(QWidget* widget, QPaintDevice* device, const QSize& logicalSize) {
    QPainter painter;
    if (!painter.begin(device)) return false;
    const double sx = device->width() / double(logicalSize.width());
    const double sy = device->height() / double(logicalSize.height());
    painter.scale(std::min(sx, sy), std::min(sx, sy));
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    return painter.end();
}

}  // namespace

QString exportPlot(QCustomPlot* plot, const QString& file, double scale) {
    const QString suffix = suffixOf(file);
    bool ok = false;
    if (suffix == QLatin1String("png"))
        ok = plot->savePng(file, plot->width(), plot->height(), scale);
    else if (suffix == QLatin1String("pdf"))
        ok = plot->savePdf(file, plot->width(), plot->height());
    else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(file);
        svg.setSize(plot->size());
        svg.setViewBox(QRect(QPoint(0, 0), plot->size()));
        svg.setTitle(plot->objectName());
        QCPPainter painter;
        if (painter.begin(&svg)) {
            plot->toPainter(&painter, plot->width(), plot->height());
            ok = painter.end();
        }
    } else
        return unknownFormat(file);
    return ok && QFileInfo(file).size() > 0 ? QString() : writeFailed(file);
}

QString exportWidget(QWidget* widget, const QString& file, double scale) {
    if (auto* plot = qobject_cast<QCustomPlot*>(widget)) return exportPlot(plot, file, scale);
    const QString suffix = suffixOf(file);
    const QSize size = widget->size();
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        ok = renderInto(widget, &image, size) && image.save(file, "PNG");
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(file);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        ok = renderInto(widget, &svg, size);
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(file);
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setPageMargins(QMarginsF());
        pdf.setResolution(72);
        ok = renderInto(widget, &pdf, size);
    } else
        return unknownFormat(file);
    return ok && QFileInfo(file).size() > 0 ? QString() : writeFailed(file);
}

void copyWidgetToClipboard(QWidget* widget) {
    if (auto* plot = qobject_cast<QCustomPlot*>(widget)) {
        QApplication::clipboard()->setPixmap(plot->toPixmap(plot->width(), plot->height(), 2.0));
        return;
    }
    QApplication::clipboard()->setPixmap(widget->grab());
}

QStringList plotFileFilters() {
    return {QApplication::translate("PlotExport", "PNG image (*.png)"),
            QApplication::translate("PlotExport", "SVG drawing (*.svg)"),
            QApplication::translate("PlotExport", "PDF document (*.pdf)")};
}

void exportWithDialog(QWidget* widget, const QString& suggestedName) {
    QSettings settings;
    const QString folder = settings.value(kFolderKey).toString();
    const QStringList filters = plotFileFilters();
    QString filter = filters.first();
    QString file = QFileDialog::getSaveFileName(
        widget, QApplication::translate("PlotExport", "Export Picture"),
        QDir(folder).filePath(suggestedName + QStringLiteral(".png")),
        filters.join(QStringLiteral(";;")), &filter);
    if (file.isEmpty()) return;
    // A name typed without a known extension (dialogs do not always add one) takes the chosen
    // filter's instead of failing as an unknown format.
    static const QStringList kSuffixes{QStringLiteral("png"), QStringLiteral("svg"),
                                       QStringLiteral("pdf")};
    if (!kSuffixes.contains(suffixOf(file))) {
        const auto chosen = filters.indexOf(filter);
        file += QLatin1Char('.') + kSuffixes.value(chosen < 0 ? 0 : chosen);
    }
    settings.setValue(kFolderKey, QFileInfo(file).absolutePath());
    const QString error = exportWidget(widget, file);
    if (!error.isEmpty())
        QMessageBox::warning(widget, QApplication::translate("PlotExport", "Export failed"), error);
}

}  // namespace glassbox::gui
