#include "widgets/confusion_matrix_view.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollArea>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>

namespace glassbox::gui {
namespace {

constexpr int kMargin = 8;
constexpr int kLabelGap = 6;
// Font scales tried, largest first: a few classes get a larger matrix, many a smaller font,
// and below the smallest the matrix scrolls.
constexpr qreal kScales[] = {1.6, 1.4, 1.2, 1.0, 0.9, 0.8, 0.7};

const QColor kCorrect(33, 102, 172);  // diagonal
const QColor kWrong(202, 64, 46);     // off the diagonal

QColor mix(const QColor& from, const QColor& to, double amount) {
    const auto channel = [&](int a, int b) { return static_cast<int>(a + (b - a) * amount); };
    return QColor(channel(from.red(), to.red()), channel(from.green(), to.green()),
                  channel(from.blue(), to.blue()));
}

bool isDark(const QColor& colour) {
    const double luminance =
        0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF();
    return luminance < 0.5;
}

QString formatPercent(std::size_t part, std::size_t whole) {
    if (whole == 0) return QStringLiteral("–");
    const double percent = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    return QLocale().toString(percent, 'f', 1) + QLatin1Char('%');
}

}  // namespace

// The painted matrix: axis titles, class labels and cells, laid out for the current font.
class ConfusionCanvas : public QWidget {
  public:
    explicit ConfusionCanvas(ConfusionMatrixView* view) : QWidget(view), view_(view) {
        setMouseTracking(true);
        setFocusPolicy(Qt::StrongFocus);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
    }

    std::vector<std::vector<std::size_t>> confusion;
    QStringList classes;
    ConfusionMatrixView::Percent percent = ConfusionMatrixView::Percent::OfTrueClass;

    int classCount() const { return static_cast<int>(classes.size()); }

    void setMatrix(std::vector<std::vector<std::size_t>> counts, QStringList names) {
        confusion = std::move(counts);
        classes = std::move(names);
        hovered_ = {-1, -1};
        current_ = {0, 0};
    }

    std::size_t count(int t, int p) const {
        if (t < 0 || p < 0 || t >= static_cast<int>(confusion.size())) return 0;
        const auto& row = confusion[static_cast<std::size_t>(t)];
        return p < static_cast<int>(row.size()) ? row[static_cast<std::size_t>(p)] : 0;
    }
    std::size_t rowTotal(int t) const {
        std::size_t total = 0;
        for (int p = 0; p < classCount(); ++p) total += count(t, p);
        return total;
    }
    std::size_t total() const {
        std::size_t sum = 0;
        for (int t = 0; t < classCount(); ++t) sum += rowTotal(t);
        return sum;
    }
    QString percentText(int t, int p) const {
        return formatPercent(
            count(t, p), percent == ConfusionMatrixView::Percent::OfAll ? total() : rowTotal(t));
    }
    // An empty cell shows just its 0, so the counts stand out in a large matrix.
    QString cellText(int t, int p) const {
        const QString number = QLocale().toString(static_cast<qulonglong>(count(t, p)));
        return count(t, p) == 0 ? number : number + QLatin1Char('\n') + percentText(t, p);
    }

    QRect cellRect(int t, int p) const {
        if (t < 0 || p < 0 || t >= classCount() || p >= classCount()) return {};
        return QRect(left() + p * cellW_, top() + t * cellH_, cellW_, cellH_);
    }

    // Picks the largest font scale at which the whole matrix fits `available`.
    void fitTo(const QSize& available) {
        for (qreal scale : kScales) {
            measure(scale);
            if (content_.width() <= available.width() && content_.height() <= available.height())
                break;
        }
        setMinimumSize(content_);
        updateGeometry();
        update();
    }

    QSize sizeHint() const override { return content_; }

  protected:
    void paintEvent(QPaintEvent*) override;
    void mouseMoveEvent(QMouseEvent* event) override {
        const QPoint cell = cellAt(event->position().toPoint());
        setCursor(cell.x() >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        if (cell != hovered_) {
            hovered_ = cell;
            update();
        }
    }
    void leaveEvent(QEvent*) override {
        hovered_ = {-1, -1};
        update();
    }
    void mousePressEvent(QMouseEvent* event) override {
        if (event->button() != Qt::LeftButton) return;
        const QPoint cell = cellAt(event->position().toPoint());
        if (cell.x() < 0) return;
        current_ = cell;
        update();
        emit view_->cellActivated(cell.y(), cell.x());
    }
    // Arrows move the focused cell; Enter or Space activates it.
    void keyPressEvent(QKeyEvent* event) override {
        const int n = classCount();
        if (n == 0) return QWidget::keyPressEvent(event);
        QPoint cell = current_;
        switch (event->key()) {
            case Qt::Key_Left:
                cell.rx() -= 1;
                break;
            case Qt::Key_Right:
                cell.rx() += 1;
                break;
            case Qt::Key_Up:
                cell.ry() -= 1;
                break;
            case Qt::Key_Down:
                cell.ry() += 1;
                break;
            case Qt::Key_Return:
            case Qt::Key_Enter:
            case Qt::Key_Space:
                emit view_->cellActivated(current_.y(), current_.x());
                return;
            default:
                return QWidget::keyPressEvent(event);
        }
        current_ = QPoint(std::clamp(cell.x(), 0, n - 1), std::clamp(cell.y(), 0, n - 1));
        const QRect rect = cellRect(current_.y(), current_.x());
        if (auto* area = qobject_cast<QScrollArea*>(parentWidget() ? parentWidget()->parentWidget()
                                                                   : nullptr))
            area->ensureVisible(rect.center().x(), rect.center().y(), rect.width(), rect.height());
        update();
    }
    void focusInEvent(QFocusEvent*) override { update(); }
    void focusOutEvent(QFocusEvent*) override { update(); }
    bool event(QEvent* event) override {
        if (event->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(event);
            const QString text = toolTipAt(help->pos());
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), text, this);
            return true;
        }
        return QWidget::event(event);
    }

  private:
    void measure(qreal scale) {
        font_ = view_->font();
        font_.setPointSizeF(font_.pointSizeF() * scale);
        titleFont_ = font_;
        titleFont_.setBold(true);
        const QFontMetrics fm(font_);
        std::size_t largest = 0;
        for (int t = 0; t < classCount(); ++t)
            for (int p = 0; p < classCount(); ++p) largest = std::max(largest, count(t, p));
        const int textWidth =
            std::max(fm.horizontalAdvance(QLocale().toString(static_cast<qulonglong>(largest))),
                     fm.horizontalAdvance(QStringLiteral("100.0%")));
        cellH_ = 2 * fm.height() + 10;
        cellW_ = std::max(textWidth + 14, cellH_);
        int widestName = 0;
        for (const QString& name : classes)
            widestName = std::max(widestName, fm.horizontalAdvance(name));
        const int labelLimit = fm.averageCharWidth() * 18;
        // A few classes: cells wide enough for their names, which then need no rotation.
        if (classCount() <= 6) cellW_ = std::max(cellW_, std::min(widestName, labelLimit) + 12);
        labelWidth_ = std::min(widestName, labelLimit);
        rotated_ = widestName > cellW_ - 6;
        columnLabels_ = rotated_ ? labelWidth_ + kLabelGap : fm.height() + kLabelGap;
        title_ = QFontMetrics(titleFont_).height() + 4;
        const int n = classCount();
        content_ = QSize(kMargin + title_ + labelWidth_ + kLabelGap + n * cellW_ + kMargin,
                         kMargin + title_ + columnLabels_ + n * cellH_ + kMargin);
    }

    int offsetX() const { return std::max(0, (width() - content_.width()) / 2); }
    int left() const { return offsetX() + kMargin + title_ + labelWidth_ + kLabelGap; }
    int top() const { return kMargin + title_ + columnLabels_; }

    QPoint cellAt(const QPoint& pos) const {
        const int n = classCount();
        if (n == 0 || pos.x() < left() || pos.y() < top()) return {-1, -1};
        const int p = (pos.x() - left()) / cellW_;
        const int t = (pos.y() - top()) / cellH_;
        if (p >= n || t >= n) return {-1, -1};
        return {p, t};
    }

    QString toolTipAt(const QPoint& pos) const {
        const QPoint cell = cellAt(pos);
        if (cell.x() >= 0) {
            const int t = cell.y(), p = cell.x();
            return QCoreApplication::translate(
                       "glassbox::gui::ConfusionMatrixView",
                       "True: %1\nPredicted: %2\n%3 rows: %4 of the true class, %5 of all")
                .arg(classes[t], classes[p],
                     QLocale().toString(static_cast<qulonglong>(count(t, p))),
                     formatPercent(count(t, p), rowTotal(t)), formatPercent(count(t, p), total()));
        }
        const int n = classCount();
        if (pos.x() < left() && pos.y() >= top() && pos.y() < top() + n * cellH_)
            return QCoreApplication::translate("glassbox::gui::ConfusionMatrixView",
                                               "True class: %1")
                .arg(classes[(pos.y() - top()) / cellH_]);
        if (pos.y() < top() && pos.x() >= left() && pos.x() < left() + n * cellW_)
            return QCoreApplication::translate("glassbox::gui::ConfusionMatrixView",
                                               "Predicted class: %1")
                .arg(classes[(pos.x() - left()) / cellW_]);
        return {};
    }

    ConfusionMatrixView* view_;
    QFont font_;
    QFont titleFont_;
    int cellW_ = 0;
    int cellH_ = 0;
    int labelWidth_ = 0;
    int columnLabels_ = 0;
    int title_ = 0;
    bool rotated_ = false;
    QSize content_;
    QPoint hovered_{-1, -1};  // (predicted, true)
    QPoint current_{0, 0};    // the keyboard's cell (predicted, true)
};

void ConfusionCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const int n = classCount();
    const QPalette& pal = palette();
    if (n == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         QCoreApplication::translate("glassbox::gui::ConfusionMatrixView",
                                                     "No confusion matrix"));
        return;
    }
    const QFontMetrics fm(font_);
    const int x0 = offsetX();

    // Axis titles.
    painter.setFont(titleFont_);
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(
        QRect(left(), kMargin, n * cellW_, title_), Qt::AlignCenter,
        QCoreApplication::translate("glassbox::gui::ConfusionMatrixView", "Predicted class"));
    painter.save();
    painter.translate(x0 + kMargin, top() + n * cellH_ / 2);
    painter.rotate(-90);
    painter.drawText(
        QRect(-n * cellH_ / 2, 0, n * cellH_, title_), Qt::AlignCenter,
        QCoreApplication::translate("glassbox::gui::ConfusionMatrixView", "True class"));
    painter.restore();

    // Class labels, elided (the full name is in the tooltip).
    painter.setFont(font_);
    for (int i = 0; i < n; ++i) {
        const QString rowName = fm.elidedText(classes[i], Qt::ElideRight, labelWidth_);
        painter.drawText(
            QRect(left() - kLabelGap - labelWidth_, top() + i * cellH_, labelWidth_, cellH_),
            Qt::AlignRight | Qt::AlignVCenter, rowName);
        if (rotated_) {
            painter.save();
            painter.translate(left() + i * cellW_ + cellW_ / 2, top() - kLabelGap / 2);
            painter.rotate(-90);
            painter.drawText(QRect(0, -fm.height() / 2, labelWidth_, fm.height()),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             fm.elidedText(classes[i], Qt::ElideRight, labelWidth_));
            painter.restore();
        } else {
            painter.drawText(
                QRect(left() + i * cellW_, kMargin + title_, cellW_, columnLabels_ - kLabelGap / 2),
                Qt::AlignHCenter | Qt::AlignBottom, classes[i]);
        }
    }

    // Cells: colour by the fraction of the true class, text dark or light to stay readable.
    const QColor base = pal.color(QPalette::Base);
    QFont countFont = font_;
    countFont.setBold(true);
    for (int t = 0; t < n; ++t) {
        const std::size_t rowSum = rowTotal(t);
        for (int p = 0; p < n; ++p) {
            const QRect cell = cellRect(t, p).adjusted(1, 1, -1, -1);
            const std::size_t c = count(t, p);
            const double fraction =
                rowSum == 0 ? 0.0 : static_cast<double>(c) / static_cast<double>(rowSum);
            const QColor hue = t == p ? kCorrect : kWrong;
            // Any non-zero count gets a visible tint, even a small one.
            const QColor fill = c == 0 ? base : mix(base, hue, 0.12 + 0.88 * fraction);
            painter.fillRect(cell, fill);
            if (t == p) {
                painter.setPen(QPen(kCorrect, 1));
                painter.drawRect(cell.adjusted(0, 0, -1, -1));
            }
            const QColor ink = c == 0 ? pal.color(QPalette::PlaceholderText)
                                      : (isDark(fill) ? QColor(Qt::white) : QColor(Qt::black));
            painter.setPen(ink);
            const QRect upper(cell.left(), cell.top() + 4, cell.width(), cell.height() / 2 - 4);
            const QRect lower(cell.left(), cell.top() + cell.height() / 2, cell.width(),
                              cell.height() / 2 - 4);
            if (c == 0) {
                painter.setFont(font_);
                painter.drawText(cell, Qt::AlignCenter, QStringLiteral("0"));
                continue;
            }
            painter.setFont(countFont);
            painter.drawText(upper, Qt::AlignHCenter | Qt::AlignBottom,
                             QLocale().toString(static_cast<qulonglong>(c)));
            painter.setFont(font_);
            painter.drawText(lower, Qt::AlignHCenter | Qt::AlignTop, percentText(t, p));
        }
    }
    if (hasFocus() && current_.x() < n && current_.y() < n) {
        painter.setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cellRect(current_.y(), current_.x()).adjusted(3, 3, -4, -4));
    }
    if (hovered_.x() >= 0) {
        painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cellRect(hovered_.y(), hovered_.x()).adjusted(1, 1, -1, -1));
    }
}

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent)
    : QWidget(parent),
      axesLabel_(new QLabel(this)),
      percentLabel_(new QLabel(this)),
      percentBox_(new QComboBox(this)),
      scroll_(new QScrollArea(this)),
      canvas_(new ConfusionCanvas(this)) {
    axesLabel_->setObjectName(QStringLiteral("confusionHint"));
    axesLabel_->setWordWrap(true);
    QPalette dim = axesLabel_->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    axesLabel_->setPalette(dim);
    percentBox_->setObjectName(QStringLiteral("percentMode"));
    percentBox_->addItem(QString());
    percentBox_->addItem(QString());
    percentLabel_->setBuddy(percentBox_);
    connect(percentBox_, &QComboBox::currentIndexChanged, this, [this](int index) {
        setPercentMode(index == 1 ? Percent::OfAll : Percent::OfTrueClass);
    });

    scroll_->setWidget(canvas_);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->viewport()->installEventFilter(this);

    auto* controls = new QHBoxLayout;
    controls->addWidget(axesLabel_, 1);
    controls->addWidget(percentLabel_);
    controls->addWidget(percentBox_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(scroll_, 1);
    retranslate();
    canvas_->fitTo(scroll_->viewport()->size());
}

void ConfusionMatrixView::setMatrix(std::vector<std::vector<std::size_t>> confusion,
                                    QStringList classes) {
    canvas_->setMatrix(std::move(confusion), std::move(classes));
    canvas_->fitTo(scroll_->viewport()->size());
}

void ConfusionMatrixView::clear() {
    setMatrix({}, {});
}

int ConfusionMatrixView::classCount() const {
    return canvas_->classCount();
}

const QStringList& ConfusionMatrixView::classes() const {
    return canvas_->classes;
}

std::size_t ConfusionMatrixView::count(int truthClass, int predictedClass) const {
    return canvas_->count(truthClass, predictedClass);
}

QString ConfusionMatrixView::cellText(int truthClass, int predictedClass) const {
    if (truthClass < 0 || predictedClass < 0 || truthClass >= classCount() ||
        predictedClass >= classCount())
        return {};
    return canvas_->cellText(truthClass, predictedClass);
}

QRect ConfusionMatrixView::cellRect(int truthClass, int predictedClass) const {
    return canvas_->cellRect(truthClass, predictedClass);
}

QWidget* ConfusionMatrixView::canvas() const {
    return canvas_;
}

void ConfusionMatrixView::setPercentMode(Percent mode) {
    percent_ = mode;
    canvas_->percent = mode;
    percentBox_->setCurrentIndex(mode == Percent::OfAll ? 1 : 0);
    canvas_->update();
}

bool ConfusionMatrixView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == scroll_->viewport() && event->type() == QEvent::Resize)
        canvas_->fitTo(scroll_->viewport()->size());
    return QWidget::eventFilter(watched, event);
}

void ConfusionMatrixView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    if (event->type() == QEvent::FontChange) canvas_->fitTo(scroll_->viewport()->size());
    QWidget::changeEvent(event);
}

void ConfusionMatrixView::retranslate() {
    axesLabel_->setText(
        tr("Rows: true class; columns: predicted class. Click a cell to select its rows."));
    percentLabel_->setText(tr("&Percent of:"));
    percentBox_->setItemText(0, tr("true class"));
    percentBox_->setItemText(1, tr("all rows"));
    percentBox_->setToolTip(
        tr("What each cell's percentage is relative to; the colour always "
           "shows the share of the true class"));
    canvas_->update();
}

}  // namespace glassbox::gui
