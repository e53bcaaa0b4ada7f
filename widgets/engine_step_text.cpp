#include <algorithm>
#include <cstring>
#include <iterator>

#include "widgets/engine_text.h"

namespace glassbox::gui {
namespace {

struct Description {
    const char* step;
    const char* text;
};

// Copies of every preparation step's description and ParamSpec::help (engine/*_step.cpp), for
// translation; tests/widgets/test_engine_text.cpp catches drift from the engine.
const Description kStepDescriptions[] = {
    {"types", QT_TRANSLATE_NOOP("EngineText",
                                "Cast columns, parse dates, and select, drop or rename columns")},
    {"validate", QT_TRANSLATE_NOOP("EngineText",
                                   "Check value ranges, allowed categories and required values; "
                                   "report or drop the rows that break a rule")},
    {"drop-missing",
     QT_TRANSLATE_NOOP(
         "EngineText",
         "Drop columns with too many missing values, and training rows with a missing value")},
    {"impute", QT_TRANSLATE_NOOP("EngineText",
                                 "Fill missing cells with the training rows' mean, median, most "
                                 "frequent value or a constant")},
    {"missing-indicator",
     QT_TRANSLATE_NOOP("EngineText",
                       "Add a true/false column telling where a column's value is missing")},
    {"drop-duplicates",
     QT_TRANSLATE_NOOP("EngineText",
                       "Drop training rows that repeat an earlier row, keeping the first")},
    {"outliers",
     QT_TRANSLATE_NOOP("EngineText",
                       "Outliers by z-score, interquartile range or isolation forest, learnt on "
                       "the training rows: flagged in a column or dropped from training")},
    {"scale",
     QT_TRANSLATE_NOOP(
         "EngineText",
         "Scale numeric columns (standard, min-max or robust) by statistics of the training rows")},
    {"encode", QT_TRANSLATE_NOOP("EngineText",
                                 "Encode categorical columns one-hot or as ordinal codes, with the "
                                 "levels of the training rows")},
    {"bin", QT_TRANSLATE_NOOP("EngineText",
                              "Bin numeric columns into categorical intervals (equal width or "
                              "quantiles of the training rows)")},
    {"oversample",
     QT_TRANSLATE_NOOP("EngineText",
                       "random over-sampling of the smaller classes (training rows only)")},
    {"undersample",
     QT_TRANSLATE_NOOP("EngineText",
                       "random under-sampling of the larger classes (training rows only)")},
    {"smote", QT_TRANSLATE_NOOP("EngineText",
                                "SMOTE: synthetic rows of the smaller classes between neighbours, "
                                "numeric features (training rows only)")},
    {"smote-nc", QT_TRANSLATE_NOOP(
                     "EngineText",
                     "SMOTE-NC: SMOTE for numeric and categorical features (training rows only)")},
    {"roles",
     QT_TRANSLATE_NOOP("EngineText",
                       "Column roles (identifier, quasi-identifier, sensitive): identifiers kept "
                       "as text, never features; report of k-anonymity and l-diversity")},
    {"pseudonymize", QT_TRANSLATE_NOOP("EngineText",
                                       "Replace identifiers by keyed pseudonyms (HMAC-SHA256 under "
                                       "a secret key file), kept as text columns")},
    {"generalize", QT_TRANSLATE_NOOP("EngineText",
                                     "Generalize quasi-identifiers: numbers to ranges, dates to "
                                     "months or years, strings truncated")},
    {"k-anonymity",
     QT_TRANSLATE_NOOP("EngineText",
                       "k-anonymity over quasi-identifiers: report the smallest group of rows "
                       "sharing their values, suppress the rows of groups smaller than k")},
    {"dp-noise", QT_TRANSLATE_NOOP(
                     "EngineText",
                     "Differentially private release of numeric columns: Laplace or Gaussian noise "
                     "on a grid from the system's CSPRNG, epsilon charged to the privacy budget")},
};

constexpr const char* kStepHelps[] = {
    QT_TRANSLATE_NOOP("EngineText",
                      "Columns and their new types, e.g. age=numeric;zip=categorical"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Columns read as dates, e.g. when=%Y-%m-%d (no pattern: ISO 8601)"),
    QT_TRANSLATE_NOOP("EngineText", "Keep only these columns (';' list)"),
    QT_TRANSLATE_NOOP("EngineText", "Drop these columns (';' list)"),
    QT_TRANSLATE_NOOP("EngineText", "Renames, e.g. old>new;a>b"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Rules separated by ';': COLUMN>=N, COLUMN<=N, COLUMN>N, COLUMN<N, COLUMN in "
                      "A|B|C, COLUMN not-missing"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Only report the rows breaking a rule, or also drop them from the training rows"),
    QT_TRANSLATE_NOOP("EngineText", "Row numbers listed per rule in the report"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Drop a column whose share of missing training cells exceeds this"),
    QT_TRANSLATE_NOOP("EngineText", "Drop training rows with a missing value"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Columns whose missing values drop a row (';' list); empty: every column"),
    QT_TRANSLATE_NOOP("EngineText", "How the fill value is learnt from the training rows"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Columns to impute (';' list); empty: every column with missing values but the target"),
    QT_TRANSLATE_NOOP("EngineText", "The fill value of strategy constant"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "Columns to flag (';' list); empty: every column with missing values but the target"),
    QT_TRANSLATE_NOOP("EngineText", "Columns compared (';' list); empty: every column"),
    QT_TRANSLATE_NOOP("EngineText", "z-score, interquartile range or isolation forest"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "z: largest |z| kept (auto 3); iqr: IQRs beyond the quartiles kept (auto 1.5)"),
    QT_TRANSLATE_NOOP("EngineText", "isolation forest: share of training rows that are outliers"),
    QT_TRANSLATE_NOOP("EngineText", "isolation forest: number of trees"),
    QT_TRANSLATE_NOOP("EngineText", "isolation forest: rows drawn for each tree"),
    QT_TRANSLATE_NOOP("EngineText", "numeric columns to check; auto: all but the target"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "flag: add a boolean \"outlier\" column; drop: remove outlier rows from the training data"),
    QT_TRANSLATE_NOOP("EngineText",
                      "standard: mean 0, std 1; minmax: [0, 1]; robust: median 0, IQR 1"),
    QT_TRANSLATE_NOOP("EngineText", "numeric columns to scale; auto: all but the target"),
    QT_TRANSLATE_NOOP("EngineText",
                      "one-hot: a 0/1 column per level; ordinal: one column of level codes"),
    QT_TRANSLATE_NOOP("EngineText", "one-hot: leave out the first level's column"),
    QT_TRANSLATE_NOOP("EngineText", "ordinal: the levels in code order (a;b;c), or sorted"),
    QT_TRANSLATE_NOOP("EngineText", "categorical columns to encode; auto: all but the target"),
    QT_TRANSLATE_NOOP("EngineText",
                      "equal-width bins between the training min and max, or bins holding equal "
                      "shares of the training rows"),
    QT_TRANSLATE_NOOP("EngineText", "number of bins"),
    QT_TRANSLATE_NOOP("EngineText", "numeric columns to bin; auto: all but the target"),
    QT_TRANSLATE_NOOP("EngineText",
                      "each smaller class is raised to ratio x the largest class's rows (1 "
                      "balances the classes)"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "each larger class is cut to the smallest class's rows / ratio (1 balances the classes)"),
    QT_TRANSLATE_NOOP("EngineText", "nearest neighbours of the same class"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Columns that name a person (';' list): kept as text, never features"),
    QT_TRANSLATE_NOOP("EngineText", "Columns that together could single a person out (';' list)"),
    QT_TRANSLATE_NOOP("EngineText", "Columns whose values must not be tied to a person (';' list)"),
    QT_TRANSLATE_NOOP("EngineText", "The k of k-anonymity the report measures against"),
    QT_TRANSLATE_NOOP("EngineText", "Identifier columns to pseudonymize (';' list)"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "File of the secret key, kept apart from the data; created with mode 0600 on first use"),
    QT_TRANSLATE_NOOP("EngineText", "Hex digits of the HMAC kept in each pseudonym"),
    QT_TRANSLATE_NOOP("EngineText", "Text put before the hex digits"),
    QT_TRANSLATE_NOOP("EngineText", "Quasi-identifier columns to generalize (';' list)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "ranges: numbers to ranges; month, year: dates; truncate: strings cut short"),
    QT_TRANSLATE_NOOP("EngineText", "ranges: the width of each range"),
    QT_TRANSLATE_NOOP("EngineText", "ranges: where a range starts"),
    QT_TRANSLATE_NOOP("EngineText", "truncate: characters kept"),
    QT_TRANSLATE_NOOP("EngineText", "truncate: appended to a cut value"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Every combination of quasi-identifier values is shared by at least k rows"),
    QT_TRANSLATE_NOOP(
        "EngineText",
        "report: measure only; suppress: remove the training rows of groups smaller than k"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Numeric columns to release with noise (';' list), without missing values"),
    QT_TRANSLATE_NOOP("EngineText", "Privacy loss of the step, split evenly over the columns"),
    QT_TRANSLATE_NOOP("EngineText", "laplace: epsilon-DP; gaussian: (epsilon, delta)-DP"),
    QT_TRANSLATE_NOOP("EngineText",
                      "gaussian: the delta of (epsilon, delta)-DP, below 1, split like epsilon"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Values are clamped to at least this: auto (the data's minimum, not "
                      "private), one number or one per column (';' list)"),
    QT_TRANSLATE_NOOP("EngineText",
                      "Values are clamped to at most this: auto (the data's maximum, not private), "
                      "one number or one per column (';' list)"),
};

// The names of the facts steps report (StepReport::details); names followed by a column name
// ("noise sd income") are matched by their prefix.
constexpr const char* kDetailNames[] = {
    QT_TRANSLATE_NOOP("EngineText", "method"),
    QT_TRANSLATE_NOOP("EngineText", "action"),
    QT_TRANSLATE_NOOP("EngineText", "target"),
    QT_TRANSLATE_NOOP("EngineText", "target k"),
    QT_TRANSLATE_NOOP("EngineText", "k before"),
    QT_TRANSLATE_NOOP("EngineText", "rows at risk"),
    QT_TRANSLATE_NOOP("EngineText", "classes"),
    QT_TRANSLATE_NOOP("EngineText", "identifiers"),
    QT_TRANSLATE_NOOP("EngineText", "l-diversity"),
    QT_TRANSLATE_NOOP("EngineText", "key id"),
    QT_TRANSLATE_NOOP("EngineText", "epsilon spent"),
    QT_TRANSLATE_NOOP("EngineText", "delta spent"),
    QT_TRANSLATE_NOOP("EngineText", "warning"),
    QT_TRANSLATE_NOOP("EngineText", "synthetic rows"),
    QT_TRANSLATE_NOOP("EngineText", "seed"),
    QT_TRANSLATE_NOOP("EngineText", "score threshold"),
    QT_TRANSLATE_NOOP("EngineText", "rows"),
    QT_TRANSLATE_NOOP("EngineText", "rows with missing values (not used by SMOTE)"),
    QT_TRANSLATE_NOOP("EngineText", "rows per class before"),
    QT_TRANSLATE_NOOP("EngineText", "rows per class after"),
    QT_TRANSLATE_NOOP("EngineText", "rows breaking a rule"),
    QT_TRANSLATE_NOOP("EngineText", "ratio"),
    QT_TRANSLATE_NOOP("EngineText", "outlier rows"),
    QT_TRANSLATE_NOOP("EngineText", "k used (small classes)"),
    QT_TRANSLATE_NOOP("EngineText", "duplicate groups"),
};

struct DetailPrefix {
    const char* prefix;  // as the engine writes it, with the trailing space
    const char* text;    // the translatable form, %1 = the column
};

constexpr DetailPrefix kDetailPrefixes[] = {
    {"rule ", QT_TRANSLATE_NOOP("EngineText", "rule %1")},
    {"column ", QT_TRANSLATE_NOOP("EngineText", "column %1")},
    {"unknown levels in ", QT_TRANSLATE_NOOP("EngineText", "unknown levels in %1")},
    {"rename ", QT_TRANSLATE_NOOP("EngineText", "rename %1")},
    {"distinct values ", QT_TRANSLATE_NOOP("EngineText", "distinct values %1")},
    {"distinct before ", QT_TRANSLATE_NOOP("EngineText", "distinct before %1")},
    {"distinct after ", QT_TRANSLATE_NOOP("EngineText", "distinct after %1")},
    {"dates ", QT_TRANSLATE_NOOP("EngineText", "dates %1")},
    {"cast ", QT_TRANSLATE_NOOP("EngineText", "cast %1")},
    {"bounds ", QT_TRANSLATE_NOOP("EngineText", "bounds %1")},
    {"bins ", QT_TRANSLATE_NOOP("EngineText", "bins %1")},
    {"noise sd ", QT_TRANSLATE_NOOP("EngineText", "noise sd %1")},
    {"grid step ", QT_TRANSLATE_NOOP("EngineText", "grid step %1")},
    {"l-diversity ", QT_TRANSLATE_NOOP("EngineText", "l-diversity %1")},
};

}  // namespace

QString EngineText::stepDetailName(const std::string& name) {
    for (const char* known : kDetailNames)
        if (name == known) return tr(known);
    for (const DetailPrefix& p : kDetailPrefixes)
        if (name.starts_with(p.prefix))
            return tr(p.text).arg(QString::fromStdString(name.substr(std::strlen(p.prefix))));
    return QString::fromStdString(name);  // a column's name, or a fact of a newer step
}

const char* EngineText::sourceStepDescription(std::string_view stepName) {
    for (const Description& d : kStepDescriptions)
        if (stepName == d.step) return d.text;
    return nullptr;
}

bool EngineText::hasStepHelp(const std::string& help) {
    return std::any_of(std::begin(kStepHelps), std::end(kStepHelps),
                       [&](const char* h) { return help == h; });
}

QString EngineText::stepDescription(const PreparationStep& step) {
    const char* source = sourceStepDescription(step.name());
    if (!source || step.description() != source)
        return QString::fromUtf8(step.description().data(),
                                 static_cast<qsizetype>(step.description().size()));
    return tr(source);
}

}  // namespace glassbox::gui
