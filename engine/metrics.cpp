#include "engine/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/errors.h"

namespace glassbox {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using Confusion = std::vector<std::vector<std::size_t>>;

double ratio(double a, double b) {
    return b > 0 ? a / b : 0.0;  // scikit-learn's zero_division=0
}

// Binary: class 1 against the rest; multiclass: macro one-vs-rest over the classes present.
double aucOf(std::span<const std::int32_t> truth, const Predictions& predicted,
             const std::vector<std::size_t>& rows) {
    const std::size_t k = predicted.classCount;
    std::vector<double> scores(rows.size());
    std::vector<std::uint8_t> positive(rows.size());
    auto classAuc = [&](std::size_t c) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            scores[i] = predicted.probabilitiesOf(rows[i])[c];
            positive[i] = truth[rows[i]] == static_cast<std::int32_t>(c);
        }
        return rocAuc(scores, positive);
    };
    if (k == 2) return classAuc(1);
    double sum = 0;
    std::size_t counted = 0;
    for (std::size_t c = 0; c < k; ++c) {
        const double a = classAuc(c);
        if (!std::isnan(a)) {
            sum += a;
            ++counted;
        }
    }
    return counted > 0 ? sum / static_cast<double>(counted) : kNaN;
}

// scikit-learn's matthews_corrcoef in its multiclass (Gorodkin) form.
double matthews(const Confusion& confusion) {
    const std::size_t k = confusion.size();
    double n = 0, correct = 0, truePredicted = 0, predictedSquared = 0, trueSquared = 0;
    for (std::size_t c = 0; c < k; ++c) {
        double actual = 0, chosen = 0;
        for (std::size_t j = 0; j < k; ++j) {
            actual += static_cast<double>(confusion[c][j]);
            chosen += static_cast<double>(confusion[j][c]);
        }
        n += actual;
        correct += static_cast<double>(confusion[c][c]);
        truePredicted += actual * chosen;
        predictedSquared += chosen * chosen;
        trueSquared += actual * actual;
    }
    const double covTruePredicted = correct * n - truePredicted;
    const double covPredicted = n * n - predictedSquared;
    const double covTrue = n * n - trueSquared;
    if (covPredicted * covTrue == 0) return 0.0;
    return covTruePredicted / std::sqrt(covTrue * covPredicted);
}

// scikit-learn's cohen_kappa_score (unweighted): 1 - observed / expected disagreement.
double cohenKappa(const Confusion& confusion) {
    const std::size_t k = confusion.size();
    std::vector<double> actual(k, 0), chosen(k, 0);
    double n = 0;
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t j = 0; j < k; ++j) {
            actual[c] += static_cast<double>(confusion[c][j]);
            chosen[j] += static_cast<double>(confusion[c][j]);
            n += static_cast<double>(confusion[c][j]);
        }
    double observed = 0, expected = 0;
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t j = 0; j < k; ++j) {
            if (c == j) continue;
            observed += static_cast<double>(confusion[c][j]);
            expected += n > 0 ? chosen[c] * actual[j] / n : 0.0;
        }
    if (expected == 0) return kNaN;
    return 1 - observed / expected;
}

// Every score from the rows evaluated (`rows`) and their confusion matrix.
Scores summarize(std::span<const std::int32_t> truth, const Predictions& predicted,
                 const std::vector<std::size_t>& rows, Confusion confusion) {
    const std::size_t k = predicted.classCount;
    Scores out;
    out.confusion = std::move(confusion);
    double logLoss = 0, brier = 0;
    for (std::size_t r : rows) {
        const auto p = predicted.probabilitiesOf(r);
        const double sum = std::accumulate(p.begin(), p.end(), 0.0);
        const double pt = std::clamp(p[truth[r]] / (sum > 0 ? sum : 1.0), 1e-15, 1 - 1e-15);
        logLoss -= std::log(pt);
        if (k == 2) {
            const double e = p[1] - (truth[r] == 1 ? 1.0 : 0.0);
            brier += e * e;
        } else {
            for (std::size_t c = 0; c < k; ++c) {
                const double e = p[c] - (truth[r] == static_cast<std::int32_t>(c) ? 1.0 : 0.0);
                brier += e * e;
            }
        }
    }
    const double n = static_cast<double>(rows.size());

    double correct = 0, recallSum = 0, precisionSum = 0, f1Sum = 0;
    std::size_t present = 0, labelled = 0;
    out.perClass.resize(k);
    for (std::size_t c = 0; c < k; ++c) {
        double actual = 0, chosen = 0;
        for (std::size_t j = 0; j < k; ++j) {
            actual += static_cast<double>(out.confusion[c][j]);
            chosen += static_cast<double>(out.confusion[j][c]);
        }
        const double hit = static_cast<double>(out.confusion[c][c]);
        const double precision = ratio(hit, chosen), recall = ratio(hit, actual);
        const double f1 = ratio(2 * precision * recall, precision + recall);
        out.perClass[c] = {precision, recall, f1, static_cast<std::size_t>(actual)};
        correct += hit;
        if (actual > 0) {
            recallSum += recall;
            ++present;
        }
        // Macro averages run over the classes that occur in the truth or the predictions.
        if (actual > 0 || chosen > 0) {
            precisionSum += precision;
            f1Sum += f1;
            ++labelled;
        }
    }

    out.values = {
        {"accuracy", ratio(correct, n)},
        {"balanced_accuracy", ratio(recallSum, static_cast<double>(present))},
        {"precision", ratio(precisionSum, static_cast<double>(labelled))},
        {"recall", ratio(recallSum, static_cast<double>(labelled))},
        {"f1", ratio(f1Sum, static_cast<double>(labelled))},
        {"auc", aucOf(truth, predicted, rows)},
        {"log_loss", ratio(logLoss, n)},
        {"mcc", matthews(out.confusion)},
        {"kappa", cohenKappa(out.confusion)},
        {"brier", n > 0 ? brier / n : kNaN},
    };
    return out;
}

}  // namespace

std::optional<double> Scores::get(const std::string& name) const {
    for (const auto& [key, value] : values)
        if (key == name) return value;
    return std::nullopt;
}

std::vector<std::string> scoreNames(TaskKind task) {
    if (task == TaskKind::Regression) return {"r2", "rmse", "mae", "mape"};
    return {"accuracy", "balanced_accuracy", "precision", "recall", "f1",
            "auc",      "log_loss",          "mcc",       "kappa",  "brier"};
}

double rocAuc(std::span<const double> scores, std::span<const std::uint8_t> positive) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    // Mann-Whitney U: sum of the positives' ranks, ties given their average rank.
    double positives = 0, rankSum = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
        const double averageRank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
        for (std::size_t t = i; t < j; ++t)
            if (positive[order[t]]) {
                positives += 1;
                rankSum += averageRank;
            }
        i = j;
    }
    const double negatives = static_cast<double>(scores.size()) - positives;
    if (positives == 0 || negatives == 0) return kNaN;
    return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}

Scores classificationScores(std::span<const std::int32_t> truth, const Predictions& predicted) {
    const std::size_t k = predicted.classCount;
    Confusion confusion(k, std::vector<std::size_t>(k, 0));
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < truth.size(); ++r) {
        if (truth[r] < 0) continue;
        rows.push_back(r);
        ++confusion[truth[r]][predicted.predictedClass(r)];
    }
    return summarize(truth, predicted, rows, std::move(confusion));
}

Scores classificationScoresAt(std::span<const std::int32_t> truth, const Predictions& predicted,
                              double threshold) {
    if (predicted.classCount != 2)
        throw InvalidArgument("--threshold", "applies to binary models only (this one has " +
                                                 std::to_string(predicted.classCount) +
                                                 " classes)");
    if (!std::isfinite(threshold)) throw InvalidArgument("--threshold", "must be a number");
    Confusion confusion(2, std::vector<std::size_t>(2, 0));
    std::vector<std::size_t> rows;
    for (std::size_t r = 0; r < truth.size(); ++r) {
        if (truth[r] < 0) continue;
        rows.push_back(r);
        ++confusion[truth[r]][predicted.probabilitiesOf(r)[1] >= threshold ? 1 : 0];
    }
    return summarize(truth, predicted, rows, std::move(confusion));
}

Scores regressionScores(std::span<const double> truth, std::span<const double> predicted) {
    const double n = static_cast<double>(truth.size());
    const double mean = n > 0 ? std::accumulate(truth.begin(), truth.end(), 0.0) / n : 0.0;
    double squared = 0, absolute = 0, total = 0, percentage = 0;
    for (std::size_t r = 0; r < truth.size(); ++r) {
        const double e = truth[r] - predicted[r];
        squared += e * e;
        absolute += std::fabs(e);
        total += (truth[r] - mean) * (truth[r] - mean);
        percentage +=
            std::fabs(e) / std::max(std::fabs(truth[r]), std::numeric_limits<double>::epsilon());
    }
    Scores out;
    // scikit-learn's r2_score: 1 for a perfect fit of a constant truth, 0 otherwise.
    const double r2 = total > 0 ? 1 - squared / total : (squared == 0 ? 1.0 : 0.0);
    out.values = {
        {"r2", r2},
        {"rmse", n > 0 ? std::sqrt(squared / n) : kNaN},
        {"mae", n > 0 ? absolute / n : kNaN},
        {"mape", n > 0 ? percentage / n : kNaN},
    };
    return out;
}

Scores scoresFor(const Dataset& data, const Predictions& predicted) {
    if (data.task == TaskKind::Classification) return classificationScores(data.labels, predicted);
    return regressionScores(data.targets, predicted.values);
}

}  // namespace glassbox
