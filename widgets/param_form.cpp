#include "widgets/param_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>
#include <cmath>

#include "engine/column.h"
#include "engine/errors.h"
#include "widgets/engine_text.h"

namespace glassbox::gui {
namespace {

// A double spin box for ranges from 1e-10 to 1e12: shows and takes numbers in 'g' notation
// ("1e-06") and steps by a tenth of the value's magnitude.
class RealSpinBox : public QDoubleSpinBox {
  public:
    explicit RealSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
        setDecimals(15);
        setKeyboardTracking(false);
    }

  protected:
    QString textFromValue(double value) const override {
        QLocale plain = locale();
        plain.setNumberOptions(QLocale::OmitGroupSeparator);
        return plain.toString(value, 'g', 10);
    }
    double valueFromText(const QString& text) const override {
        bool ok = false;
        const double value = locale().toDouble(text.trimmed(), &ok);
        return ok ? value : this->value();
    }
    QValidator::State validate(QString& text, int&) const override {
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty()) return QValidator::Intermediate;
        bool ok = false;
        const double value = locale().toDouble(trimmed, &ok);
        if (ok && std::isfinite(value))
            return value >= minimum() && value <= maximum() ? QValidator::Acceptable
                                                            : QValidator::Intermediate;
        static const QRegularExpression partial(
            QStringLiteral("^[-+]?[0-9]*[.,]?[0-9]*([eE][-+]?[0-9]*)?$"));
        return partial.match(trimmed).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
    }
    void fixup(QString& text) const override {
        bool ok = false;
        const double value = locale().toDouble(text.trimmed(), &ok);
        text = textFromValue(ok ? std::clamp(value, minimum(), maximum()) : this->value());
    }
    void stepBy(int steps) override {
        const double v = value();
        const double range = maximum() - minimum();
        double step = std::min(0.01, std::pow(10.0, std::floor(std::log10(range)) - 1));
        if (std::fabs(v) > 1e-12) step = std::pow(10.0, std::floor(std::log10(std::fabs(v))) - 1);
        setValue(v + steps * step);
    }
};

int clampToInt(double value) {
    return static_cast<int>(
        std::clamp(value, static_cast<double>(INT_MIN + 1), static_cast<double>(INT_MAX)));
}

// The lowest value a spin box may take: just above min when the spec excludes it.
double lowestAllowed(const ParamSpec& spec) {
    return spec.minExclusive ? spec.min + 1e-12 : spec.min;
}

// What a number field shows while one of the spec's words is chosen.
double numberWhenWord(const ParamSpec& spec) {
    if (spec.type == ParamType::Integer) return std::clamp(10.0, spec.min, spec.max);
    if (spec.max <= 1) return std::clamp(0.5, lowestAllowed(spec), spec.max);
    return std::clamp(1.0, lowestAllowed(spec), spec.max);
}

bool isWordOf(const ParamSpec& spec, const QString& text) {
    return std::find(spec.choices.begin(), spec.choices.end(), text.toStdString()) !=
           spec.choices.end();
}

QString numberText(double value) {
    return QString::fromStdString(formatNumber(value));
}

// The canonical text of `raw`, or nothing when the spec does not allow it.
std::optional<std::string> canonical(const ParamSpec& spec, const std::string& raw) {
    try {
        return ParamValues::resolve({spec}, {{spec.name, raw}}).text(spec.name);
    } catch (const Error&) {
        return std::nullopt;
    }
}

}  // namespace

ParamForm::ParamForm(QWidget* parent)
    : QWidget(parent),
      form_(new QFormLayout),
      resetButton_(new QPushButton(this)),
      emptyLabel_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    form_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form_->setLabelAlignment(Qt::AlignLeft);
    layout->addWidget(emptyLabel_);
    layout->addLayout(form_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(resetButton_);
    layout->addLayout(buttons);
    resetButton_->setObjectName(QStringLiteral("resetParams"));
    connect(resetButton_, &QPushButton::clicked, this, &ParamForm::resetToDefaults);
    rebuild();
}

void ParamForm::setSpecs(const ParamSpecs& specs) {
    specs_ = specs;
    rebuild();
}

void ParamForm::removeFields() {
    while (form_->rowCount() > 0) form_->removeRow(0);
    fields_.clear();
}

void ParamForm::rebuild() {
    removeFields();
    for (const ParamSpec& spec : specs_) fields_.push_back(makeField(spec));
    for (const Field& field : fields_) form_->addRow(field.label, field.editor);
    emptyLabel_->setText(tr("This learner has no parameters."));
    emptyLabel_->setVisible(specs_.empty());
    resetButton_->setText(tr("Reset to defaults"));
    resetButton_->setToolTip(tr("Set every parameter back to the learner's default"));
    resetButton_->setEnabled(!specs_.empty());
    emit changed();
}

ParamForm::Field ParamForm::makeField(const ParamSpec& spec) {
    Field field;
    field.spec = spec;
    const QString name = QString::fromStdString(spec.name);
    const QString tip =
        tr("%1\nAllowed: %2\nDefault: %3")
            .arg(EngineText::paramHelp(spec), QString::fromStdString(spec.describeAllowed()),
                 QString::fromStdString(spec.defaultValue));
    field.label = new QLabel(name, this);
    field.label->setToolTip(tip);

    const bool number = spec.type == ParamType::Integer || spec.type == ParamType::Real;
    QAbstractSpinBox* spin = nullptr;
    std::function<QString()> spinText;
    std::function<void(double)> setSpin;
    if (number && spec.type == ParamType::Integer) {
        auto* box = new QSpinBox(this);
        box->setRange(clampToInt(spec.minExclusive ? spec.min + 1 : spec.min),
                      clampToInt(spec.max));
        box->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        box->setKeyboardTracking(false);
        connect(box, &QSpinBox::valueChanged, this, &ParamForm::changed);
        spinText = [box] { return QString::number(box->value()); };
        setSpin = [box](double v) { box->setValue(clampToInt(v)); };
        spin = box;
    } else if (number) {
        auto* box = new RealSpinBox(this);
        box->setRange(lowestAllowed(spec), spec.max);
        connect(box, &QDoubleSpinBox::valueChanged, this, &ParamForm::changed);
        spinText = [box] { return numberText(box->value()); };
        setSpin = [box](double v) { box->setValue(v); };
        spin = box;
    }

    if (number && spec.choices.empty()) {
        field.editor = spin;
        field.text = spinText;
        field.set = [setSpin](const QString& text) { setSpin(text.toDouble()); };
    } else if (number) {
        // A word ("none", "auto") or a number: the combo box picks which, the spin box holds the
        // number.
        auto* box = new QWidget(this);
        auto* row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        auto* words = new QComboBox(box);
        for (const std::string& word : spec.choices) words->addItem(QString::fromStdString(word));
        words->addItem(tr("number"));
        const int numberIndex = words->count() - 1;
        spin->setParent(box);
        row->addWidget(words);
        row->addWidget(spin, 1);
        setSpin(numberWhenWord(spec));
        connect(words, &QComboBox::currentIndexChanged, this, [this, spin, numberIndex](int i) {
            spin->setEnabled(i == numberIndex);
            emit changed();
        });
        field.editor = box;
        field.text = [words, spinText, numberIndex] {
            return words->currentIndex() == numberIndex ? spinText() : words->currentText();
        };
        field.set = [spec, words, setSpin, spin, numberIndex](const QString& text) {
            const int word = words->findText(text);
            if (isWordOf(spec, text) && word >= 0) {
                words->setCurrentIndex(word);
                spin->setEnabled(false);
            } else {
                setSpin(text.toDouble());
                words->setCurrentIndex(numberIndex);
                spin->setEnabled(true);
            }
        };
    } else if (spec.type == ParamType::Choice) {
        auto* combo = new QComboBox(this);
        for (const std::string& word : spec.choices) combo->addItem(QString::fromStdString(word));
        connect(combo, &QComboBox::currentIndexChanged, this, &ParamForm::changed);
        field.editor = combo;
        field.text = [combo] { return combo->currentText(); };
        field.set = [combo](const QString& text) {
            const int index = combo->findText(text);
            if (index >= 0) combo->setCurrentIndex(index);
        };
    } else if (spec.type == ParamType::Boolean) {
        auto* check = new QCheckBox(this);
        connect(check, &QCheckBox::toggled, this, &ParamForm::changed);
        field.editor = check;
        field.text = [check] {
            return check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
        };
        field.set = [check](const QString& text) { check->setChecked(text == "true"); };
    } else if (spec.type == ParamType::Text) {
        // Free text (e.g. a ';' list of columns): taken as typed.
        auto* edit = new QLineEdit(this);
        connect(edit, &QLineEdit::textChanged, this, &ParamForm::changed);
        field.editor = edit;
        field.text = [edit] { return edit->text(); };
        field.set = [edit](const QString& text) { edit->setText(text); };
    } else {
        auto* edit = new QLineEdit(this);
        edit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("^[0-9 ]*(,[0-9 ]*)*$")), edit));
        edit->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("64,64")));
        connect(edit, &QLineEdit::textChanged, this, [this, edit, spec](const QString& text) {
            const bool ok = canonical(spec, text.toStdString()).has_value();
            edit->setStyleSheet(ok ? QString() : QStringLiteral("QLineEdit { color: #c00000; }"));
            emit changed();
        });
        field.editor = edit;
        field.text = [edit] { return edit->text().remove(QLatin1Char(' ')); };
        field.set = [edit](const QString& text) { edit->setText(text); };
    }
    field.editor->setObjectName(name);
    field.editor->setToolTip(tip);
    field.editor->setWhatsThis(tip);
    field.label->setBuddy(field.editor);
    field.set(QString::fromStdString(canonical(spec, spec.defaultValue).value_or("")));
    return field;
}

std::map<std::string, std::string> ParamForm::values() const {
    std::map<std::string, std::string> out;
    for (const Field& field : fields_) {
        const std::optional<std::string> value = canonical(field.spec, field.text().toStdString());
        out[field.spec.name] = value ? *value : *canonical(field.spec, field.spec.defaultValue);
    }
    return out;
}

QStringList ParamForm::setValues(const std::map<std::string, std::string>& values) {
    QStringList rejected;
    for (const auto& [name, raw] : values) {
        const auto field = std::find_if(fields_.begin(), fields_.end(),
                                        [&](const Field& f) { return f.spec.name == name; });
        const std::optional<std::string> value =
            field == fields_.end() ? std::nullopt : canonical(field->spec, raw);
        if (!value) {
            rejected << QString::fromStdString(name);
            continue;
        }
        field->set(QString::fromStdString(*value));
    }
    return rejected;
}

void ParamForm::resetToDefaults() {
    for (const Field& field : fields_)
        field.set(QString::fromStdString(*canonical(field.spec, field.spec.defaultValue)));
}

QString ParamForm::validationError() const {
    for (const Field& field : fields_) {
        try {
            ParamValues::resolve({field.spec}, {{field.spec.name, field.text().toStdString()}});
        } catch (const Error& error) {
            return QString::fromStdString(error.what());
        }
    }
    return {};
}

QWidget* ParamForm::editor(const std::string& name) const {
    for (const Field& field : fields_)
        if (field.spec.name == name) return field.editor;
    return nullptr;
}

void ParamForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        const std::map<std::string, std::string> kept = values();
        rebuild();
        setValues(kept);
    }
    QWidget::changeEvent(event);
}

}  // namespace glassbox::gui
