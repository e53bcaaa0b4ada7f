#include "widgets/plot_widget.h"

#include <qcustomplot.h>
#include <QAction>
#include <QElapsedTimer>
#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QToolButton>
#include <QVBoxLayout>
#include <array>
#include <cmath>

#include "widgets/plot_export.h"

namespace glassbox::gui {

PlotWidget::PlotWidget(QWidget* parent)
    : QWidget(parent),
      plot_(new QCustomPlot(this)),
      controls_(new QHBoxLayout),
      export_(new QAction(this)),
      copy_(new QAction(this)),
      exportButton_(new QToolButton(this)),
      copyButton_(new QToolButton(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    controls_->setContentsMargins(4, 2, 4, 0);
    controls_->addStretch(1);
    exportButton_->setDefaultAction(export_);
    copyButton_->setDefaultAction(copy_);
    exportButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    copyButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    controls_->addWidget(exportButton_);
    controls_->addWidget(copyButton_);
    layout->addLayout(controls_);
    layout->addWidget(plot_, 1);

    plot_->setMinimumSize(240, 180);
    plot_->setBackground(palette().color(QPalette::Base));
    plot_->setAntialiasedElements(QCP::aeAll);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setContextMenuPolicy(Qt::ActionsContextMenu);
    plot_->addAction(export_);
    plot_->addAction(copy_);

    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    title_ = new QCPTextElement(plot_, QString(), titleFont);
    title_->setTextColor(palette().color(QPalette::Text));
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, title_);
    QFont captionFont = font();
    captionFont.setItalic(true);
    captionFont.setPointSizeF(captionFont.pointSizeF() * 0.9);
    caption_ = new QCPTextElement(plot_, QString(), captionFont);
    caption_->setTextColor(palette().color(QPalette::PlaceholderText));
    caption_->setMargins(QMargins(6, 0, 6, 4));
    styleAxisRect(nullptr);

    connect(export_, &QAction::triggered, this,
            [this] { exportWithDialog(plot_, suggestedFileName()); });
    connect(copy_, &QAction::triggered, this, [this] { copyToClipboard(); });
    PlotWidget::retranslate();
}

void PlotWidget::setTitle(const QString& title) {
    title_->setText(title);
}

QString PlotWidget::title() const {
    return title_->text();
}

void PlotWidget::setCaption(const QString& caption) {
    captionText_ = caption;
    QCPLayoutGrid* grid = plot_->plotLayout();
    // An empty text element would still take a line: it leaves the layout instead.
    if (caption.isEmpty() && caption_->layout()) {
        grid->take(caption_);
        grid->simplify();
    } else if (!caption.isEmpty() && !caption_->layout()) {
        grid->addElement(grid->rowCount(), 0, caption_);
    }
    wrapCaption();
}

// QCPTextElement neither wraps nor elides: break the caption into lines that fit.
void PlotWidget::wrapCaption() {
    const QFontMetrics metrics(caption_->font());
    const int room = std::max(120, width() - 16);
    QStringList lines;
    QString line;
    for (const QString& word : captionText_.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString longer = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
        if (!line.isEmpty() && metrics.horizontalAdvance(longer) > room) {
            lines << line;
            line = word;
        } else {
            line = longer;
        }
    }
    if (!line.isEmpty()) lines << line;
    caption_->setText(lines.join(QLatin1Char('\n')));
}

void PlotWidget::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (!captionText_.isEmpty()) wrapCaption();
}

QString PlotWidget::caption() const {
    return captionText_;
}

QString PlotWidget::exportTo(const QString& file, double scale) const {
    return exportPlot(plot_, file, scale);
}

void PlotWidget::copyToClipboard() const {
    copyWidgetToClipboard(plot_);
}

double PlotWidget::replotTimed() {
    QElapsedTimer timer;
    timer.start();
    plot_->replot(QCustomPlot::rpImmediateRefresh);
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QString PlotWidget::suggestedFileName() const {
    QString name = title().isEmpty() ? QStringLiteral("plot") : title();
    name.replace(QRegularExpression(QStringLiteral(R"([\\/:*?"<>|]+)")), QStringLiteral("-"));
    return name;
}

void PlotWidget::retranslate() {
    export_->setText(tr("Export\u2026"));
    export_->setToolTip(tr("Save the plot as a PNG, SVG or PDF file"));
    copy_->setText(tr("Copy"));
    copy_->setToolTip(tr("Copy the plot to the clipboard as a picture"));
}

void PlotWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void PlotWidget::styleAxisRect(QCPAxisRect* rect) {
    if (!rect) rect = plot_->axisRect();
    const QColor text = palette().color(QPalette::Text);
    const QColor axis = palette().color(QPalette::Mid);
    QFont tickFont = font();
    tickFont.setPointSizeF(tickFont.pointSizeF() * 0.9);
    for (QCPAxis* a : rect->axes()) {
        a->setBasePen(QPen(axis));
        a->setTickPen(QPen(axis));
        a->setSubTickPen(QPen(axis));
        a->setTickLabelColor(text);
        a->setLabelColor(text);
        a->setTickLabelFont(tickFont);
        a->setLabelFont(font());
        a->grid()->setPen(QPen(QColor(0, 0, 0, 28), 0, Qt::SolidLine));
        a->grid()->setZeroLinePen(Qt::NoPen);
    }
    if (rect == plot_->axisRect()) {
        QCPLegend* legend = plot_->legend;
        legend->setFont(tickFont);
        legend->setTextColor(text);
        legend->setBrush(QColor(255, 255, 255, 220));
        legend->setBorderPen(QPen(QColor(0, 0, 0, 60)));
        legend->setRowSpacing(0);
    }
}

QColor runColor(int index) {
    // Colorbrewer "Dark2" then "Set1": distinct on white and in print.
    static const std::array<QColor, 10> kColors{
        QColor(27, 158, 119), QColor(217, 95, 2),   QColor(117, 112, 179), QColor(231, 41, 138),
        QColor(102, 166, 30), QColor(230, 171, 2),  QColor(166, 118, 29),  QColor(55, 126, 184),
        QColor(228, 26, 28),  QColor(102, 102, 102)};
    return kColors[static_cast<std::size_t>(std::max(index, 0)) % kColors.size()];
}

std::vector<std::size_t> decimateCurve(std::span<const double> x, std::span<const double> y,
                                       std::size_t maxPoints) {
    const std::size_t n = std::min(x.size(), y.size());
    std::vector<std::size_t> kept;
    if (n <= std::max<std::size_t>(maxPoints, 2)) {
        kept.resize(n);
        for (std::size_t i = 0; i < n; ++i) kept[i] = i;
        return kept;
    }
    auto step = [&](std::size_t i) {
        const double d = std::abs(x[i] - x[i - 1]) + std::abs(y[i] - y[i - 1]);
        return std::isfinite(d) ? d : 0.0;
    };
    double length = 0;
    for (std::size_t i = 1; i < n; ++i) length += step(i);
    const double spacing = length / static_cast<double>(maxPoints);
    kept.reserve(maxPoints + 2);
    kept.push_back(0);
    double walked = 0;
    for (std::size_t i = 1; i + 1 < n; ++i) {
        walked += step(i);
        if (walked >= spacing && spacing > 0) {
            kept.push_back(i);
            walked = 0;
        }
    }
    kept.push_back(n - 1);
    return kept;
}

QString groupedCount(std::size_t n) {
    return QLocale().toString(static_cast<qulonglong>(n));
}

}  // namespace glassbox::gui
