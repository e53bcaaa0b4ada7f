#pragma once

#include <QCoreApplication>
#include <QString>
#include <cstddef>
#include <string>
#include <string_view>

#include "engine/dataset.h"
#include "engine/learner.h"
#include "engine/param_spec.h"
#include "engine/preparation_step.h"
#include "engine/training_run.h"

namespace glassbox::gui {

// The GUI's translations of the English texts the engine hands out (learner descriptions,
// parameter help, task names, how a run was validated). Unknown texts fall back to the engine's.
class EngineText {
    Q_DECLARE_TR_FUNCTIONS(EngineText)

  public:
    static QString learnerDescription(const Learner& learner);
    // Learners' and preparation steps' parameter help.
    static QString paramHelp(const ParamSpec& spec);
    static QString stepDescription(const PreparationStep& step);
    // The name of a fact a step reports ("rows at risk", "noise sd income"), translated.
    static QString stepDetailName(const std::string& name);
    static QString taskText(TaskKind task);
    // `testRows`: the rows scored by a holdout (unused for the other kinds).
    static QString validationText(const ValidationPlan& plan, std::size_t testRows);

    // The English copy of a learner's description kept for translation (nullptr when the learner
    // has none); lets the tests catch drift from the engine.
    static const char* sourceDescription(std::string_view learnerName);
    static bool hasHelp(const std::string& help);
    // The same for preparation steps (widgets/engine_step_text.cpp).
    static const char* sourceStepDescription(std::string_view stepName);
    static bool hasStepHelp(const std::string& help);
};

}  // namespace glassbox::gui
