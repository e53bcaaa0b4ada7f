#pragma once

#include <QString>
#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "engine/preparation_pipeline.h"

class QListWidget;
class QMenu;
class QToolButton;

namespace glassbox::gui {

// One step of the panel's pipeline as the user edits it: the step's name, whether it takes
// part, and its parameters as the form holds them (canonical text; checked when the pipeline
// is built).
struct PreparationStepEntry {
    std::string step;
    bool enabled = true;
    std::map<std::string, std::string> params;

    bool operator==(const PreparationStepEntry&) const = default;
};

// The ordered list of preparation steps: add (a menu of every step with its description),
// remove, move up and down, tick to enable. Each line shows the step and the parameters that
// differ from their defaults; a step whose preview failed is marked with the message.
class PreparationStepList : public QWidget {
    Q_OBJECT

  public:
    explicit PreparationStepList(QWidget* parent = nullptr);

    const std::vector<PreparationStepEntry>& entries() const { return entries_; }
    void setEntries(std::vector<PreparationStepEntry> entries);
    // The enabled steps as a pipeline (the budget left at its default); throws InvalidArgument
    // naming the step and parameter for a bad value. `entryOfStep`, when given, receives each
    // pipeline step's entry index.
    PipelineSpec spec(std::vector<int>* entryOfStep = nullptr) const;

    int currentIndex() const;
    void setCurrentIndex(int index);

    // Adds the step (every parameter at its default) after the current one and makes it current.
    void addStep(const std::string& name);
    void removeStep(int index);
    // Moves a step by `delta` places (clamped); it stays current.
    void moveStep(int index, int delta);
    void setStepEnabled(int index, bool enabled);
    void setParams(int index, const std::map<std::string, std::string>& params);
    // Marks a step as the one that failed (empty message: clears every mark).
    void setError(int index, const QString& message);
    void clearErrors();

    QListWidget* list() const { return list_; }
    QToolButton* addButton() const { return add_; }
    QMenu* addMenu() const { return menu_; }
    QToolButton* removeButton() const { return remove_; }
    QToolButton* upButton() const { return up_; }
    QToolButton* downButton() const { return down_; }

  signals:
    // Steps, their order, their parameters or their enabled state changed.
    void entriesChanged();
    void currentChanged(int index);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    void retranslate();
    void rebuildMenu();
    void refresh(int current);
    void updateButtons();
    QString lineText(int index) const;

    std::vector<PreparationStepEntry> entries_;
    std::map<int, QString> errors_;
    QListWidget* list_;
    QToolButton* add_;
    QMenu* menu_;
    QToolButton* remove_;
    QToolButton* up_;
    QToolButton* down_;
};

}  // namespace glassbox::gui
