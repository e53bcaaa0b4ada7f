// The parameter form: every learner's form gives the learner's defaults, every widget keeps its
// value inside the spec's range, and the form round-trips values.
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>
#include <algorithm>

#include "engine/column.h"
#include "engine/learner.h"
#include "engine/param_spec.h"
#include "widgets/param_form.h"

using namespace glassbox;
using glassbox::gui::ParamForm;

namespace {

const ParamSpec& specOf(const Learner& learner, const std::string& name) {
    const ParamSpecs& specs = learner.params();
    return *std::find_if(specs.begin(), specs.end(),
                         [&](const ParamSpec& s) { return s.name == name; });
}

// An allowed value other than the default, in the form the engine accepts.
std::string otherValue(const ParamSpec& spec) {
    switch (spec.type) {
        case ParamType::Boolean:
            return ParamValues::resolve({spec}, {}).boolean(spec.name) ? "false" : "true";
        case ParamType::Choice:
            return spec.choices.front() == spec.defaultValue ? spec.choices.back()
                                                             : spec.choices.front();
        case ParamType::IntegerList:
            return formatNumber(spec.min) + "," + formatNumber(spec.min);
        case ParamType::Text:
            return spec.defaultValue == "a;b" ? "c" : "a;b";
        case ParamType::Integer:
            return formatNumber(std::floor((spec.min + std::min(spec.max, spec.min + 40)) / 2));
        case ParamType::Real:
            for (double v : {0.375, 0.75, 2.5}) {
                const bool allowed =
                    (spec.minExclusive ? v > spec.min : v >= spec.min) && v <= spec.max;
                if (allowed && formatNumber(v) != spec.defaultValue) return formatNumber(v);
            }
            return spec.defaultValue;
    }
    return {};
}

}  // namespace

class TestParamForm : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void learners_data();
    void defaultsResolveToTheLearnersDefaults_data() { learners_data(); }
    void defaultsResolveToTheLearnersDefaults();
    void widgetPerType_data() { learners_data(); }
    void widgetPerType();
    void otherValuesRoundTrip_data() { learners_data(); }
    void otherValuesRoundTrip();
    void integerSpinBoxEnforcesItsRange();
    void realSpinBoxEnforcesItsRangeAndExclusiveMin();
    void realSpinBoxTakesSmallNumbers();
    void wordOrNumberField();
    void integerListIsValidated();
    void textIsAPlainLineEdit();
    void setValuesRejectsUnknownAndInvalid();
    void resetToDefaults();
};

void TestParamForm::learners_data() {
    QTest::addColumn<QString>("learner");
    for (const Learner* learner : allLearners()) {
        const std::string name(learner->name());
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
}

void TestParamForm::defaultsResolveToTheLearnersDefaults() {
    QFETCH(QString, learner);
    const ParamSpecs& specs = learnerNamed(learner.toStdString()).params();
    ParamForm form;
    form.setSpecs(specs);
    QVERIFY2(form.valid(), qPrintable(form.validationError()));
    const std::map<std::string, std::string> values = form.values();
    QCOMPARE(values.size(), specs.size());
    // The form's text is canonical: resolving it changes nothing and gives the defaults.
    const ParamValues resolved = ParamValues::resolve(specs, values);
    QVERIFY(resolved.all() == values);
    QVERIFY(resolved.all() == ParamValues::resolve(specs, {}).all());
}

void TestParamForm::widgetPerType() {
    QFETCH(QString, learner);
    ParamForm form;
    form.setSpecs(learnerNamed(learner.toStdString()).params());
    for (const ParamSpec& spec : form.specs()) {
        QWidget* editor = form.editor(spec.name);
        QVERIFY2(editor, spec.name.c_str());
        QVERIFY(!editor->toolTip().isEmpty());
        QVERIFY(editor->toolTip().contains(QString::fromStdString(spec.help)));
        const bool number = spec.type == ParamType::Integer || spec.type == ParamType::Real;
        if (number && !spec.choices.empty()) {
            QVERIFY2(editor->findChild<QComboBox*>(), spec.name.c_str());
            QVERIFY2(editor->findChild<QAbstractSpinBox*>(), spec.name.c_str());
        } else if (spec.type == ParamType::Integer) {
            QVERIFY2(qobject_cast<QSpinBox*>(editor), spec.name.c_str());
        } else if (spec.type == ParamType::Real) {
            QVERIFY2(qobject_cast<QDoubleSpinBox*>(editor), spec.name.c_str());
        } else if (spec.type == ParamType::Choice) {
            auto* combo = qobject_cast<QComboBox*>(editor);
            QVERIFY2(combo, spec.name.c_str());
            QCOMPARE(static_cast<std::size_t>(combo->count()), spec.choices.size());
        } else if (spec.type == ParamType::Boolean) {
            QVERIFY2(qobject_cast<QCheckBox*>(editor), spec.name.c_str());
        } else {
            QVERIFY2(qobject_cast<QLineEdit*>(editor), spec.name.c_str());
        }
    }
}

void TestParamForm::otherValuesRoundTrip() {
    QFETCH(QString, learner);
    const ParamSpecs& specs = learnerNamed(learner.toStdString()).params();
    ParamForm form;
    form.setSpecs(specs);
    std::map<std::string, std::string> given;
    for (const ParamSpec& spec : specs) given[spec.name] = otherValue(spec);
    const std::map<std::string, std::string> expected = ParamValues::resolve(specs, given).all();
    QSignalSpy changed(&form, &ParamForm::changed);
    QCOMPARE(form.setValues(given), QStringList());
    QVERIFY(!changed.isEmpty());
    const std::map<std::string, std::string> values = form.values();
    for (const ParamSpec& spec : specs)
        QVERIFY2(
            values.at(spec.name) == expected.at(spec.name),
            (spec.name + ": " + values.at(spec.name) + " vs " + expected.at(spec.name)).c_str());
}

void TestParamForm::integerSpinBoxEnforcesItsRange() {
    const Learner& tree = learnerNamed("decision_tree");
    const ParamSpec& spec = specOf(tree, "min_samples_leaf");
    ParamForm form;
    form.setSpecs(tree.params());
    auto* spin = qobject_cast<QSpinBox*>(form.editor("min_samples_leaf"));
    QVERIFY(spin);
    QCOMPARE(spin->minimum(), static_cast<int>(spec.min));
    QCOMPARE(spin->maximum(), static_cast<int>(spec.max));
    spin->setValue(static_cast<int>(spec.min) - 5);
    QCOMPARE(spin->value(), static_cast<int>(spec.min));
    spin->setValue(INT_MAX);
    QCOMPARE(form.values().at("min_samples_leaf"), formatNumber(spec.max));
    // Typed text is bounded too: a value above the maximum is clamped on Enter.
    spin->findChild<QLineEdit*>()->selectAll();
    QTest::keyClicks(spin, "7");
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(form.values().at("min_samples_leaf"), std::string("7"));
    QVERIFY(form.valid());
}

void TestParamForm::realSpinBoxEnforcesItsRangeAndExclusiveMin() {
    const Learner& boosting = learnerNamed("gradient_boosting");
    const ParamSpec& spec = specOf(boosting, "subsample");
    QVERIFY(spec.minExclusive);
    ParamForm form;
    form.setSpecs(boosting.params());
    auto* spin = qobject_cast<QDoubleSpinBox*>(form.editor("subsample"));
    QVERIFY(spin);
    QVERIFY(spin->minimum() > spec.min);
    QCOMPARE(spin->maximum(), spec.max);
    spin->setValue(spec.max + 3);
    QCOMPARE(spin->value(), spec.max);
    spin->setValue(spec.min);  // excluded: the spin box stays above it
    QVERIFY(spin->value() > spec.min);
    const std::map<std::string, std::string> values = form.values();
    const ParamValues resolved = ParamValues::resolve(boosting.params(), values);
    QVERIFY(resolved.real("subsample") > spec.min);
    QVERIFY(form.valid());
}

void TestParamForm::realSpinBoxTakesSmallNumbers() {
    const Learner& bayes = learnerNamed("naive_bayes");
    ParamForm form;
    form.setSpecs(bayes.params());
    const ParamSpec& first = bayes.params().front();
    QCOMPARE(first.type, ParamType::Real);
    auto* spin = qobject_cast<QDoubleSpinBox*>(form.editor(first.name));
    QVERIFY(spin);
    spin->findChild<QLineEdit*>()->selectAll();
    QTest::keyClicks(spin, "3e-7");
    QTest::keyClick(spin, Qt::Key_Return);
    QCOMPARE(form.values().at(first.name),
             ParamValues::resolve(bayes.params(), {{first.name, "3e-7"}}).text(first.name));
    spin->stepUp();
    QVERIFY(spin->value() > 3e-7 && spin->value() < 1e-6);
}

void TestParamForm::wordOrNumberField() {
    const Learner& tree = learnerNamed("decision_tree");
    const ParamSpec& spec = specOf(tree, "max_depth");
    ParamForm form;
    form.setSpecs(tree.params());
    QWidget* editor = form.editor("max_depth");
    auto* words = editor->findChild<QComboBox*>();
    auto* spin = editor->findChild<QSpinBox*>();
    QVERIFY(words && spin);
    QCOMPARE(words->currentText(), QString::fromStdString(spec.defaultValue));
    QVERIFY(!spin->isEnabled());
    QCOMPARE(spin->minimum(), static_cast<int>(spec.min));
    QCOMPARE(spin->maximum(), static_cast<int>(spec.max));
    QCOMPARE(form.setValues({{"max_depth", "7"}}), QStringList());
    QVERIFY(spin->isEnabled());
    QCOMPARE(form.values().at("max_depth"), std::string("7"));
    spin->setValue(static_cast<int>(spec.max) + 100);
    QCOMPARE(form.values().at("max_depth"), formatNumber(spec.max));
    words->setCurrentIndex(0);
    QCOMPARE(form.values().at("max_depth"), spec.choices.front());
}

void TestParamForm::integerListIsValidated() {
    const Learner& mlp = learnerNamed("mlp");
    const ParamSpec& spec = specOf(mlp, "hidden_layers");
    ParamForm form;
    form.setSpecs(mlp.params());
    auto* edit = qobject_cast<QLineEdit*>(form.editor("hidden_layers"));
    QVERIFY(edit);
    edit->clear();
    QTest::keyClicks(edit, "64,x64");  // letters are refused while typing
    QCOMPARE(edit->text(), QString("64,64"));
    QCOMPARE(form.values().at("hidden_layers"), std::string("64,64"));
    QVERIFY(form.valid());
    edit->setText(QString::fromStdString(formatNumber(spec.max + 1)));
    QVERIFY(!form.valid());
    QVERIFY(form.validationError().startsWith("hidden_layers"));
    // An invalid field still gives a value the engine accepts (its default).
    QCOMPARE(form.values().at("hidden_layers"),
             ParamValues::resolve(mlp.params(), {}).text("hidden_layers"));
    edit->setText("0");
    QVERIFY(!form.valid());
    edit->setText("");
    QVERIFY(!form.valid());
}

// A Text parameter (e.g. a step's ';' column list; no learner has one yet) is taken as typed.
void TestParamForm::textIsAPlainLineEdit() {
    const ParamSpec spec{.name = "columns",
                         .type = ParamType::Text,
                         .defaultValue = "auto",
                         .choices = {},
                         .help = "columns to use"};
    ParamForm form;
    form.setSpecs({spec});
    auto* edit = qobject_cast<QLineEdit*>(form.editor("columns"));
    QVERIFY(edit);
    QVERIFY(!edit->validator());
    QCOMPARE(edit->text(), QString("auto"));
    edit->clear();
    QTest::keyClicks(edit, " a ; b,c");
    QCOMPARE(form.values().at("columns"), std::string(" a ; b,c"));
    QVERIFY(form.valid());
    QVERIFY(form.setValues({{"columns", "x;y"}}).isEmpty());
    QCOMPARE(edit->text(), QString("x;y"));
}

void TestParamForm::setValuesRejectsUnknownAndInvalid() {
    const Learner& tree = learnerNamed("decision_tree");
    const ParamSpec& spec = specOf(tree, "max_depth");
    ParamForm form;
    form.setSpecs(tree.params());
    const QStringList rejected = form.setValues({{"max_depth", formatNumber(spec.max + 1)},
                                                 {"no_such_parameter", "1"},
                                                 {"min_samples_leaf", "3"}});
    QCOMPARE(rejected, QStringList({"max_depth", "no_such_parameter"}));
    QCOMPARE(form.values().at("max_depth"), spec.defaultValue);
    QCOMPARE(form.values().at("min_samples_leaf"), std::string("3"));
}

void TestParamForm::resetToDefaults() {
    const Learner& forest = learnerNamed("random_forest");
    ParamForm form;
    form.setSpecs(forest.params());
    std::map<std::string, std::string> given;
    for (const ParamSpec& spec : forest.params()) given[spec.name] = otherValue(spec);
    form.setValues(given);
    QVERIFY(form.values() != ParamValues::resolve(forest.params(), {}).all());
    auto* reset = form.findChild<QPushButton*>("resetParams");
    QVERIFY(reset);
    QTest::mouseClick(reset, Qt::LeftButton);
    QVERIFY(form.values() == ParamValues::resolve(forest.params(), {}).all());
}

QTEST_MAIN(TestParamForm)
#include "test_param_form.moc"
