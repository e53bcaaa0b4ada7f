#pragma once

#include <QStringList>
#include <QWidget>
#include <cstddef>
#include <vector>

class QComboBox;
class QLabel;
class QScrollArea;

namespace glassbox::gui {

class ConfusionCanvas;

// A confusion matrix as a heatmap: rows = true class, columns = predicted class. Each cell
// shows its count and a percentage (of its row, i.e. the class's recall view, or of all
// rows); its colour deepens with the row fraction, blue on the diagonal (correct), red off
// it. Many classes shrink the font a little, then scroll. Clicking a cell emits cellActivated.
class ConfusionMatrixView : public QWidget {
    Q_OBJECT

  public:
    enum class Percent { OfTrueClass, OfAll };

    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    // confusion[true][predicted]; one name per class.
    void setMatrix(std::vector<std::vector<std::size_t>> confusion, QStringList classes);
    void clear();

    int classCount() const;
    const QStringList& classes() const;
    std::size_t count(int truthClass, int predictedClass) const;
    // The text a cell shows: count, a newline, the percentage (just "0" for an empty cell).
    QString cellText(int truthClass, int predictedClass) const;
    // Where a cell is drawn, in canvas() coordinates (empty for a cell that does not exist).
    QRect cellRect(int truthClass, int predictedClass) const;
    // The widget the matrix is painted on (inside a scroll area).
    QWidget* canvas() const;

    Percent percentMode() const { return percent_; }
    void setPercentMode(Percent mode);

  signals:
    void cellActivated(int truthClass, int predictedClass);

  protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void retranslate();

    Percent percent_ = Percent::OfTrueClass;
    QLabel* axesLabel_;
    QLabel* percentLabel_;
    QComboBox* percentBox_;
    QScrollArea* scroll_;
    ConfusionCanvas* canvas_;
};

}  // namespace glassbox::gui
