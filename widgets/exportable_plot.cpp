#include "widgets/exportable_plot.h"

#include <qcustomplot.h>
#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLayout>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/plot_export.h"

namespace glassbox::gui {

ExportablePlot::ExportablePlot(const QString& exportName, QWidget* parent)
    : QWidget(parent),
      exportName_(exportName),
      controls_(new QHBoxLayout),
      plot_(new QCustomPlot(this)),
      exportAction_(new QAction(this)),
      copyAction_(new QAction(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* exportButton = new QToolButton(this);
    exportButton->setDefaultAction(exportAction_);
    auto* copyButton = new QToolButton(this);
    copyButton->setDefaultAction(copyAction_);
    controls_->addStretch(1);
    controls_->addWidget(exportButton);
    controls_->addWidget(copyButton);
    layout->addLayout(controls_);
    layout->addWidget(plot_, 1);

    plot_->setMinimumSize(240, 180);
    plot_->setBackground(palette().color(QPalette::Base));
    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        menu.addAction(exportAction_);
        menu.addAction(copyAction_);
        menu.exec(plot_->mapToGlobal(at));
    });
    connect(exportAction_, &QAction::triggered, this,
            [this] { exportWithDialog(plot_, exportName_); });
    connect(copyAction_, &QAction::triggered, this, [this] { copyWidgetToClipboard(plot_); });
    ExportablePlot::retranslate();
}

void ExportablePlot::addControl(QWidget* widget) {
    // The stretch and the two buttons stay last.
    controls_->insertWidget(controls_->count() - 3, widget);
}

QString ExportablePlot::exportTo(const QString& file, double scale) const {
    // A widget never shown has not laid out its plot yet: the picture takes the plot's size.
    if (layout()) layout()->activate();
    return exportPlot(plot_, file, scale);
}

void ExportablePlot::setCaption(const QString& text) {
    captionText_ = text;
    QCPLayoutGrid* grid = plot_->plotLayout();
    if (text.isEmpty()) {
        if (caption_) {
            grid->remove(caption_);
            grid->simplify();
            caption_ = nullptr;
        }
        return;
    }
    if (!caption_) {
        caption_ = new QCPTextElement(plot_);
        QFont font = caption_->font();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        font.setItalic(true);
        caption_->setFont(font);
        caption_->setTextColor(palette().color(QPalette::PlaceholderText));
        caption_->setMargins(QMargins(4, 0, 4, 4));
        grid->insertRow(grid->rowCount());
        grid->addElement(grid->rowCount() - 1, 0, caption_);
        grid->setRowStretchFactor(grid->rowCount() - 1, 0.001);
    }
    caption_->setText(text);
}

void ExportablePlot::retranslate() {
    exportAction_->setText(tr("Export…"));
    exportAction_->setToolTip(tr("Save the picture as PNG, SVG or PDF"));
    copyAction_->setText(tr("Copy"));
    copyAction_->setToolTip(tr("Copy the picture to the clipboard"));
}

void ExportablePlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
