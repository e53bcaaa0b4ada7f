#pragma once

#include <QStringList>
#include <QWidget>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/param_spec.h"

class QFormLayout;
class QLabel;
class QPushButton;

namespace glassbox::gui {

// An editing form for a learner's parameters, one field per ParamSpec with the widget its type
// calls for (spin boxes bounded by the spec's range, a combo box for choices, a check box for
// booleans, a validated line edit for integer lists; numbers that may also be a word such as
// "none" get a combo box of the words and "number"). The spec's help is each field's tooltip.
class ParamForm : public QWidget {
    Q_OBJECT

  public:
    explicit ParamForm(QWidget* parent = nullptr);

    // Rebuilds the form, every field at its default.
    void setSpecs(const ParamSpecs& specs);
    const ParamSpecs& specs() const { return specs_; }

    // Every parameter in canonical text (ParamValues::resolve accepts them); a field holding an
    // invalid value (see validationError) gives its default.
    std::map<std::string, std::string> values() const;
    // Sets the fields named; the others keep their values. Returns the names that are not
    // parameters or whose value is not allowed (those fields are left as they were).
    QStringList setValues(const std::map<std::string, std::string>& values);
    void resetToDefaults();

    // Empty when every field holds an allowed value, else the engine's message for the first
    // that does not ("hidden_layers: must be ...").
    QString validationError() const;
    bool valid() const { return validationError().isEmpty(); }

    // The widget editing a parameter (for a word-or-number field, the box holding the combo box
    // and the spin box), or null.
    QWidget* editor(const std::string& name) const;

  signals:
    void changed();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    struct Field {
        ParamSpec spec;
        QWidget* editor = nullptr;
        QLabel* label = nullptr;
        std::function<QString()> text;            // the value as typed
        std::function<void(const QString&)> set;  // from canonical text
    };

    Field makeField(const ParamSpec& spec);
    void rebuild();
    void removeFields();

    ParamSpecs specs_;
    std::vector<Field> fields_;
    QFormLayout* form_;
    QPushButton* resetButton_;
    QLabel* emptyLabel_;
};

}  // namespace glassbox::gui
