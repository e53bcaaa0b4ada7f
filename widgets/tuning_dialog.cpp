#include "widgets/tuning_dialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "engine/column.h"
#include "engine/errors.h"
#include "engine/metric_direction.h"
#include "engine/metrics.h"
#include "engine/search_space.h"

namespace glassbox::gui {
namespace {

// A table cell that sorts by the number in Qt::UserRole when both cells have one.
class SortItem : public QTableWidgetItem {
  public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem& other) const override {
        const QVariant a = data(Qt::UserRole);
        const QVariant b = other.data(Qt::UserRole);
        if (a.isValid() && b.isValid()) {
            const double x = a.toDouble();
            const double y = b.toDouble();
            if (std::isnan(x) || std::isnan(y)) return !std::isnan(x) && std::isnan(y);
            return x < y;
        }
        return QTableWidgetItem::operator<(other);
    }
};

bool allows(const ParamSpec& spec, double value) {
    const bool aboveMin = spec.minExclusive ? value > spec.min : value >= spec.min;
    return aboveMin && value <= spec.max;
}

// Numbers in range, sorted and without repeats, as canonical text.
std::vector<std::string> numbersIn(const ParamSpec& spec, std::vector<double> candidates) {
    std::vector<double> kept;
    for (double v : candidates) {
        if (spec.type == ParamType::Integer) v = std::round(v);
        if (allows(spec, v)) kept.push_back(v);
    }
    std::sort(kept.begin(), kept.end());
    kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
    std::vector<std::string> out;
    for (double v : kept) out.push_back(formatNumber(v));
    return out;
}

QString joined(const std::vector<std::string>& words, char separator) {
    QStringList list;
    for (const std::string& w : words) list << QString::fromStdString(w);
    return list.join(QLatin1Char(separator));
}

// Which task a split criterion serves (the tree learners reject the other task's).
bool criterionFits(const std::string& choice, TaskKind task) {
    if (choice == "squared_error") return task == TaskKind::Regression;
    if (choice == "gini" || choice == "entropy") return task == TaskKind::Classification;
    return true;
}

QString formatScore(double value) {
    return std::isnan(value) ? QStringLiteral("—") : QString::number(value, 'g', 5);
}

}  // namespace

TuningDialog::TuningDialog(QWidget* parent)
    : QDialog(parent),
      contextLabel_(new QLabel(this)),
      paramsGroup_(new QGroupBox(this)),
      paramsBox_(new QWidget),
      syntaxLabel_(new QLabel(this)),
      searchGroup_(new QGroupBox(this)),
      mode_(new QButtonGroup(this)),
      grid_(new QRadioButton(this)),
      random_(new QRadioButton(this)),
      randomCount_(new QSpinBox(this)),
      metricCaption_(new QLabel(this)),
      metric_(new QComboBox(this)),
      foldsCaption_(new QLabel(this)),
      folds_(new QSpinBox(this)),
      countLabel_(new QLabel(this)),
      errorLabel_(new QLabel(this)),
      runButton_(new QPushButton(this)),
      closeButton_(new QPushButton(this)),
      resultsGroup_(new QGroupBox(this)),
      summaryLabel_(new QLabel(this)),
      results_(new QTableWidget(this)),
      keepBest_(new QPushButton(this)) {
    setObjectName(QStringLiteral("tuningDialog"));
    setModal(false);
    contextLabel_->setWordWrap(true);
    contextLabel_->setTextFormat(Qt::PlainText);

    auto* scroll = new QScrollArea(paramsGroup_);
    scroll->setWidget(paramsBox_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    syntaxLabel_->setWordWrap(true);
    QPalette dim = syntaxLabel_->palette();
    dim.setColor(QPalette::WindowText, dim.color(QPalette::PlaceholderText));
    syntaxLabel_->setPalette(dim);
    auto* paramsLayout = new QVBoxLayout(paramsGroup_);
    paramsLayout->addWidget(scroll, 1);
    paramsLayout->addWidget(syntaxLabel_);

    grid_->setObjectName(QStringLiteral("grid"));
    random_->setObjectName(QStringLiteral("random"));
    mode_->addButton(grid_);
    mode_->addButton(random_);
    grid_->setChecked(true);
    randomCount_->setObjectName(QStringLiteral("randomCount"));
    randomCount_->setRange(1, 10000);
    randomCount_->setValue(20);
    metric_->setObjectName(QStringLiteral("metric"));
    folds_->setObjectName(QStringLiteral("folds"));
    folds_->setRange(2, 100);
    folds_->setValue(5);
    auto* randomRow = new QHBoxLayout;
    randomRow->addWidget(random_);
    randomRow->addWidget(randomCount_, 1);
    auto* searchForm = new QFormLayout(searchGroup_);
    searchForm->addRow(grid_);
    searchForm->addRow(randomRow);
    searchForm->addRow(metricCaption_, metric_);
    searchForm->addRow(foldsCaption_, folds_);

    auto* top = new QHBoxLayout;
    top->addWidget(paramsGroup_, 3);
    top->addWidget(searchGroup_, 2);

    countLabel_->setObjectName(QStringLiteral("candidates"));
    errorLabel_->setObjectName(QStringLiteral("tuningError"));
    errorLabel_->setWordWrap(true);
    QPalette red = errorLabel_->palette();
    red.setColor(QPalette::WindowText, QColor(0xc0, 0, 0));
    errorLabel_->setPalette(red);
    runButton_->setObjectName(QStringLiteral("run"));
    runButton_->setDefault(true);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(countLabel_, 1);
    runRow->addWidget(runButton_);
    runRow->addWidget(closeButton_);

    auto* setup = new QWidget;
    auto* setupLayout = new QVBoxLayout(setup);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->addWidget(contextLabel_);
    setupLayout->addLayout(top, 1);
    setupLayout->addWidget(errorLabel_);
    setupLayout->addLayout(runRow);

    results_->setObjectName(QStringLiteral("tuningResults"));
    results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results_->setSelectionBehavior(QAbstractItemView::SelectRows);
    results_->verticalHeader()->hide();
    results_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    results_->horizontalHeader()->setStretchLastSection(true);
    keepBest_->setObjectName(QStringLiteral("keepBest"));
    keepBest_->setEnabled(false);
    summaryLabel_->setWordWrap(true);
    auto* keepRow = new QHBoxLayout;
    keepRow->addWidget(summaryLabel_, 1);
    keepRow->addWidget(keepBest_);
    auto* resultsLayout = new QVBoxLayout(resultsGroup_);
    resultsLayout->addWidget(results_, 1);
    resultsLayout->addLayout(keepRow);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(setup);
    splitter->addWidget(resultsGroup_);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    scroll->setMinimumHeight(180);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(mode_, &QButtonGroup::buttonToggled, this, [this] {
        randomCount_->setEnabled(random_->isChecked());
        updateCount();
    });
    connect(randomCount_, &QSpinBox::valueChanged, this, &TuningDialog::updateCount);
    connect(runButton_, &QPushButton::clicked, this, &TuningDialog::run);
    connect(closeButton_, &QPushButton::clicked, this, &QDialog::close);
    connect(keepBest_, &QPushButton::clicked, this, &TuningDialog::keepBest);
    randomCount_->setEnabled(false);
    resize(760, 680);
    retranslate();
}

void TuningDialog::setContext(const TrainingRequest& base, TaskKind task) {
    const bool sameSearch = base.learner == base_.learner && task == task_ && !rows_.empty();
    base_ = base;
    task_ = task;
    if (base.validation.kind == ValidationPlan::Kind::CrossValidation)
        folds_->setValue(static_cast<int>(base.validation.folds));
    const QString previous = metric_->currentData().toString();
    metric_->clear();
    for (const std::string& name : scoreNames(task))
        metric_->addItem(QString::fromStdString(name), QString::fromStdString(name));
    const int keep = sameSearch ? metric_->findData(previous) : -1;
    metric_->setCurrentIndex(
        keep >= 0 ? keep : metric_->findData(QString::fromStdString(defaultMetric(task))));
    if (!sameSearch) rebuildRows();
    retranslate();
}

void TuningDialog::rebuildRows() {
    delete paramsBox_->layout();
    for (QWidget* child : paramsBox_->findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
        delete child;
    rows_.clear();
    auto* grid = new QGridLayout(paramsBox_);
    grid->setColumnStretch(1, 1);
    const Learner* learner = nullptr;
    try {
        learner = &learnerNamed(base_.learner);
    } catch (const Error&) {
        return;
    }
    int line = 0;
    for (const ParamSpec& spec : learner->params()) {
        Row row;
        row.spec = spec;
        const QString name = QString::fromStdString(spec.name);
        row.search = new QCheckBox(name, paramsBox_);
        row.search->setObjectName(QStringLiteral("search_") + name);
        row.values = new QLineEdit(suggestedValues(spec, task_), paramsBox_);
        row.values->setObjectName(QStringLiteral("values_") + name);
        row.values->setEnabled(false);
        const QString tip = QString::fromStdString(spec.help + "\n" + spec.describeAllowed());
        row.search->setToolTip(tip);
        row.values->setToolTip(tip);
        QLineEdit* values = row.values;
        connect(row.search, &QCheckBox::toggled, this, [this, values](bool on) {
            values->setEnabled(on);
            updateCount();
        });
        connect(row.values, &QLineEdit::textChanged, this, &TuningDialog::updateCount);
        grid->addWidget(row.search, line, 0);
        grid->addWidget(row.values, line, 1);
        ++line;
        rows_.push_back(row);
    }
    grid->setRowStretch(line, 1);
    updateCount();
}

QString TuningDialog::suggestedValues(const ParamSpec& spec, std::optional<TaskKind> task) {
    const std::optional<double> number = [&]() -> std::optional<double> {
        bool ok = false;
        const double v = QString::fromStdString(spec.defaultValue).toDouble(&ok);
        return ok ? std::optional<double>(v) : std::nullopt;
    }();
    std::vector<std::string> values;
    switch (spec.type) {
        case ParamType::Boolean:
            return QStringLiteral("true,false");
        case ParamType::Text:
            // Free text has no natural alternatives: suggest just the default.
            return QString::fromStdString(spec.defaultValue);
        case ParamType::Choice:
            for (const std::string& choice : spec.choices)
                if (!task || criterionFits(choice, *task)) values.push_back(choice);
            return joined(values, ',');
        case ParamType::IntegerList: {
            const std::string first = spec.defaultValue.substr(0, spec.defaultValue.find(','));
            const double width = QString::fromStdString(first).toDouble();
            std::vector<std::string> lists = numbersIn(spec, {std::floor(width / 2)});
            lists.push_back(spec.defaultValue);
            lists.push_back(first + "," + first);
            lists.erase(std::unique(lists.begin(), lists.end()), lists.end());
            return joined(lists, ';');
        }
        case ParamType::Integer:
            values = number ? numbersIn(spec, {std::floor(*number / 2), *number, *number * 2})
                            : numbersIn(spec, {4, 8, 16});
            if (number && values.size() < 3) {
                const auto more = numbersIn(spec, {*number / 2, *number, *number * 2, *number * 4});
                values = more;
            }
            break;
        case ParamType::Real:
            if (!number)
                values = numbersIn(spec, {0.5});
            else if (*number == 0)
                values = numbersIn(spec, {0, 0.01, 0.1});
            else {
                values = numbersIn(spec, {*number / 10, *number, *number * 10});
                if (values.size() < 3)
                    values = numbersIn(spec, {*number / 10, *number / 2, *number, *number * 10});
            }
            break;
    }
    for (const std::string& word : spec.choices) values.push_back(word);
    return joined(values, ',');
}

QCheckBox* TuningDialog::searchBox(const std::string& param) const {
    for (const Row& row : rows_)
        if (row.spec.name == param) return row.search;
    return nullptr;
}

QLineEdit* TuningDialog::valuesEdit(const std::string& param) const {
    for (const Row& row : rows_)
        if (row.spec.name == param) return row.values;
    return nullptr;
}

std::optional<TuningRequest> TuningDialog::request(QString* error) const {
    auto fail = [error](const QString& why) {
        if (error) *error = why;
        return std::nullopt;
    };
    if (rows_.empty()) return fail(tr("Choose a learner with parameters in the training panel."));
    TuningRequest request;
    request.learner = base_.learner;
    SearchSpace space(learnerNamed(base_.learner).params());
    for (const Row& row : rows_) {
        if (!row.search->isChecked()) continue;
        const std::string text = row.values->text().trimmed().toStdString();
        const std::string assignment = row.spec.name + "=" + text;
        const bool range = text.find(':') != std::string::npos;
        if (range && grid_->isChecked())
            return fail(tr("%1: a range (LO:HI) needs random search")
                            .arg(QString::fromStdString(row.spec.name)));
        try {
            if (range)
                space.addRange(assignment);
            else
                space.addValues(assignment);
        } catch (const Error& e) {
            return fail(QString::fromStdString(e.what()));
        }
        (range ? request.ranges : request.values).push_back(assignment);
    }
    if (space.empty()) return fail(tr("Tick at least one parameter to search."));
    for (const auto& [name, value] : base_.params) {
        const auto searched = std::find_if(rows_.begin(), rows_.end(), [&](const Row& r) {
            return r.spec.name == name && r.search->isChecked();
        });
        if (searched == rows_.end()) request.fixedParams[name] = value;
    }
    request.randomCount =
        random_->isChecked() ? static_cast<std::size_t>(randomCount_->value()) : 0;
    request.metric = metric_->currentData().toString().toStdString();
    request.folds = static_cast<std::size_t>(folds_->value());
    request.rule = base_.validation.rule;
    request.target = base_.target;
    request.task = base_.task;
    request.features = base_.features;
    request.preparation = base_.preparation;
    request.privacyBudget = base_.privacyBudget;
    request.seed = base_.seed;
    request.source = base_.source;
    return request;
}

std::size_t TuningDialog::candidateCount() const {
    const std::optional<TuningRequest> made = request();
    if (!made) return 0;
    SearchSpace space(learnerNamed(made->learner).params());
    for (const std::string& v : made->values) space.addValues(v);
    for (const std::string& r : made->ranges) space.addRange(r);
    if (made->randomCount == 0) return space.gridSize();
    return space.hasRanges() ? made->randomCount : std::min(made->randomCount, space.gridSize());
}

void TuningDialog::updateCount() {
    QString error;
    const bool ok = request(&error).has_value();
    errorLabel_->setText(ok ? QString() : error);
    errorLabel_->setVisible(!ok && !error.isEmpty());
    runButton_->setEnabled(ok);
    const std::size_t count = candidateCount();
    countLabel_->setText(
        ok ? tr("%n candidate(s), each cross-validated on %1 folds", "", static_cast<int>(count))
                 .arg(folds_->value())
           : QString());
}

void TuningDialog::run() {
    QString error;
    const std::optional<TuningRequest> made = request(&error);
    if (!made) {
        errorLabel_->setText(error);
        errorLabel_->show();
        return;
    }
    summaryLabel_->setText(tr("Tuning queued…"));
    emit tuneRequested(*made);
}

void TuningDialog::showResults(std::shared_ptr<const TuningOutcome> outcome) {
    outcome_ = std::move(outcome);
    fillResults();
}

void TuningDialog::fillResults() {
    results_->setSortingEnabled(false);
    results_->clear();
    results_->setRowCount(0);
    keepBest_->setEnabled(outcome_ && !outcome_->candidates.empty());
    if (!outcome_) {
        results_->setColumnCount(0);
        summaryLabel_->clear();
        return;
    }
    const QString metric = QString::fromStdString(outcome_->metric);
    QStringList headers;
    for (const std::string& name : outcome_->searched) headers << QString::fromStdString(name);
    headers << tr("mean %1").arg(metric) << tr("std") << tr("seconds");
    results_->setColumnCount(static_cast<int>(headers.size()));
    results_->setHorizontalHeaderLabels(headers);
    results_->setRowCount(static_cast<int>(outcome_->candidates.size()));
    const int searched = static_cast<int>(outcome_->searched.size());
    for (std::size_t c = 0; c < outcome_->candidates.size(); ++c) {
        const TuningCandidate& candidate = outcome_->candidates[c];
        const int row = static_cast<int>(c);
        auto put = [&](int column, const QString& text, std::optional<double> number) {
            auto* item = new SortItem(text);
            if (number) item->setData(Qt::UserRole, *number);
            item->setData(Qt::UserRole + 1, static_cast<int>(c));
            if (number) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == outcome_->best) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setBackground(QColor(0xd8, 0xf0, 0xd8));
                item->setToolTip(tr("Best candidate"));
            }
            results_->setItem(row, column, item);
        };
        for (int p = 0; p < searched; ++p) {
            const std::string& text =
                candidate.params.text(outcome_->searched[static_cast<std::size_t>(p)]);
            bool numeric = false;
            const double value = QString::fromStdString(text).toDouble(&numeric);
            put(p, QString::fromStdString(text), numeric ? std::optional(value) : std::nullopt);
        }
        put(searched, formatScore(candidate.mean), candidate.mean);
        put(searched + 1, formatScore(candidate.std), candidate.std);
        put(searched + 2, QString::number(candidate.seconds, 'f', candidate.seconds < 1 ? 3 : 1),
            candidate.seconds);
    }
    results_->setSortingEnabled(true);
    results_->sortByColumn(searched,
                           outcome_->lowerIsBetter ? Qt::AscendingOrder : Qt::DescendingOrder);
    if (outcome_->candidates.empty()) {
        summaryLabel_->setText(tr("No candidates."));
        return;
    }
    const TuningCandidate& best = outcome_->candidates[outcome_->best];
    summaryLabel_->setText(outcome_->lowerIsBetter
                               ? tr("Best mean %1: %2 ± %3 (lower is better)")
                                     .arg(metric, formatScore(best.mean), formatScore(best.std))
                               : tr("Best mean %1: %2 ± %3 (higher is better)")
                                     .arg(metric, formatScore(best.mean), formatScore(best.std)));
}

int TuningDialog::bestRow() const {
    if (!outcome_) return -1;
    for (int row = 0; row < results_->rowCount(); ++row) {
        const QTableWidgetItem* item = results_->item(row, 0);
        if (item && item->data(Qt::UserRole + 1).toInt() == static_cast<int>(outcome_->best))
            return row;
    }
    return -1;
}

void TuningDialog::keepBest() {
    if (!outcome_ || outcome_->candidates.empty()) return;
    const TuningRequest& tuned = outcome_->request;
    TrainingRequest request;
    request.learner = tuned.learner;
    request.params = outcome_->candidates[outcome_->best].params.all();
    request.target = tuned.target;
    request.task = tuned.task;
    request.features = tuned.features;
    request.preparation = tuned.preparation;
    request.privacyBudget = tuned.privacyBudget;
    request.validation.kind = ValidationPlan::Kind::CrossValidation;
    request.validation.folds = tuned.folds;
    request.validation.rule = tuned.rule;
    request.seed = tuned.seed;
    request.saveToHistory = true;
    request.source = tuned.source;
    emit keepBestRequested(request);
}

void TuningDialog::retranslate() {
    setWindowTitle(tr("Tune %1").arg(QString::fromStdString(base_.learner)));
    contextLabel_->setText(
        base_.learner.empty()
            ? QString()
            : tr("Learner %1, target %2 (%3); parameters not ticked keep the training panel's "
                 "values.")
                  .arg(
                      QString::fromStdString(base_.learner), QString::fromStdString(base_.target),
                      task_ == TaskKind::Classification ? tr("classification") : tr("regression")));
    paramsGroup_->setTitle(tr("Parameters to search"));
    syntaxLabel_->setText(
        tr("Values separated by commas (layer lists by semicolons: "
           "32;64,64). LO:HI is a range, for random search."));
    searchGroup_->setTitle(tr("Search"));
    grid_->setText(tr("Every combination (grid)"));
    random_->setText(tr("Random, candidates:"));
    metricCaption_->setText(tr("Metric:"));
    foldsCaption_->setText(tr("Folds:"));
    runButton_->setText(tr("Run"));
    runButton_->setToolTip(tr("Queue the search; it runs after the jobs before it"));
    closeButton_->setText(tr("Close"));
    resultsGroup_->setTitle(tr("Results"));
    keepBest_->setText(tr("Keep the best"));
    keepBest_->setToolTip(
        tr("Train the best candidate's parameters as a normal run, validated on the same "
           "folds, and save it to the model history"));
    updateCount();
    if (outcome_) fillResults();
}

void TuningDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QDialog::changeEvent(event);
}

}  // namespace glassbox::gui
