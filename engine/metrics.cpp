#include "engine/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace glassbox {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double a, double b) {
    return b > 0 ? a / b : 0.0;  // scikit-learn's zero_division=0
}

}  // namespace

std::optional<double> Scores::get(const std::string& name) const {
    for (const auto& [key, value] : values)
        if (key == name) return value;
    return std::nullopt;
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
    Scores out;
    out.confusion.assign(k, std::vector<std::size_t>(k, 0));
    std::vector<std::size_t> rows;
    double logLoss = 0;
    for (std::size_t r = 0; r < truth.size(); ++r) {
        if (truth[r] < 0) continue;
        rows.push_back(r);
        ++out.confusion[truth[r]][predicted.predictedClass(r)];
        const auto p = predicted.probabilitiesOf(r);
        const double sum = std::accumulate(p.begin(), p.end(), 0.0);
        const double pt = std::clamp(p[truth[r]] / (sum > 0 ? sum : 1.0), 1e-15, 1 - 1e-15);
        logLoss -= std::log(pt);
    }
    const double n = static_cast<double>(rows.size());

    double correct = 0, recallSum = 0, precisionSum = 0, f1Sum = 0;
    std::size_t present = 0, labelled = 0;
    for (std::size_t c = 0; c < k; ++c) {
        double actual = 0, chosen = 0;
        for (std::size_t j = 0; j < k; ++j) {
            actual += static_cast<double>(out.confusion[c][j]);
            chosen += static_cast<double>(out.confusion[j][c]);
        }
        const double hit = static_cast<double>(out.confusion[c][c]);
        correct += hit;
        if (actual > 0) {
            recallSum += hit / actual;
            ++present;
        }
        // Macro averages run over the classes that occur in the truth or the predictions.
        if (actual > 0 || chosen > 0) {
            const double precision = ratio(hit, chosen), recall = ratio(hit, actual);
            precisionSum += precision;
            f1Sum += ratio(2 * precision * recall, precision + recall);
            ++labelled;
        }
    }

    double auc = kNaN;
    if (k == 2) {
        std::vector<double> scores;
        std::vector<std::uint8_t> positive;
        for (std::size_t r : rows) {
            scores.push_back(predicted.probabilitiesOf(r)[1]);
            positive.push_back(truth[r] == 1);
        }
        auc = rocAuc(scores, positive);
    } else {
        double sum = 0;
        std::size_t counted = 0;
        std::vector<double> scores(rows.size());
        std::vector<std::uint8_t> positive(rows.size());
        for (std::size_t c = 0; c < k; ++c) {
            for (std::size_t i = 0; i < rows.size(); ++i) {
                scores[i] = predicted.probabilitiesOf(rows[i])[c];
                positive[i] = truth[rows[i]] == static_cast<std::int32_t>(c);
            }
            const double a = rocAuc(scores, positive);
            if (!std::isnan(a)) {
                sum += a;
                ++counted;
            }
        }
        if (counted > 0) auc = sum / static_cast<double>(counted);
    }

    out.values = {
        {"accuracy", ratio(correct, n)},
        {"balanced_accuracy", ratio(recallSum, static_cast<double>(present))},
        {"precision", ratio(precisionSum, static_cast<double>(labelled))},
        {"recall", ratio(recallSum, static_cast<double>(labelled))},
        {"f1", ratio(f1Sum, static_cast<double>(labelled))},
        {"auc", auc},
        {"log_loss", ratio(logLoss, n)},
    };
    return out;
}

Scores regressionScores(std::span<const double> truth, std::span<const double> predicted) {
    const double n = static_cast<double>(truth.size());
    const double mean = n > 0 ? std::accumulate(truth.begin(), truth.end(), 0.0) / n : 0.0;
    double squared = 0, absolute = 0, total = 0;
    for (std::size_t r = 0; r < truth.size(); ++r) {
        const double e = truth[r] - predicted[r];
        squared += e * e;
        absolute += std::fabs(e);
        total += (truth[r] - mean) * (truth[r] - mean);
    }
    Scores out;
    // scikit-learn's r2_score: 1 for a perfect fit of a constant truth, 0 otherwise.
    const double r2 = total > 0 ? 1 - squared / total : (squared == 0 ? 1.0 : 0.0);
    out.values = {
        {"r2", r2},
        {"rmse", n > 0 ? std::sqrt(squared / n) : kNaN},
        {"mae", n > 0 ? absolute / n : kNaN},
    };
    return out;
}

Scores scoresFor(const Dataset& data, const Predictions& predicted) {
    if (data.task == TaskKind::Classification) return classificationScores(data.labels, predicted);
    return regressionScores(data.targets, predicted.values);
}

}  // namespace glassbox
