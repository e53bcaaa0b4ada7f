// Helpers for learner tests: the shared datasets, 5-fold index cross-validation with pooled
// accuracy and AUC (REFERENCE.md's protocol), the reference floors, save/load round trips.
#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include "engine/byte_io.h"
#include "engine/learner.h"
#include "engine/table_reader.h"

namespace glassbox::test {

inline Dataset sharedDataset(const std::string& file, const std::string& target) {
    const LoadedTable loaded =
        readTable(std::string(GLASSBOX_SHARED_DIR) + "/datasets/" + file, ReadOptions{});
    return makeDataset(loaded.table, target, std::nullopt).dataset;
}

inline FitOptions threadsOption(unsigned threads) {
    FitOptions options;
    options.threads = threads;
    return options;
}

inline ParamValues paramsOf(const Learner& learner,
                            const std::map<std::string, std::string>& given = {}) {
    return ParamValues::resolve(learner.params(), given);
}

// Out-of-fold predictions for every row, row i held out in fold i mod `folds`.
inline Predictions indexCrossValidate(const Learner& learner, const Dataset& data,
                                      const ParamValues& params, std::size_t folds = 5,
                                      unsigned threads = 2) {
    Predictions pooled;
    pooled.task = data.task;
    pooled.rows = data.rows();
    pooled.classCount = data.classCount();
    if (data.task == TaskKind::Classification)
        pooled.probabilities.assign(data.rows() * data.classCount(), 0.0);
    else
        pooled.values.assign(data.rows(), 0.0);
    for (std::size_t fold = 0; fold < folds; ++fold) {
        std::vector<std::size_t> train, test;
        for (std::size_t r = 0; r < data.rows(); ++r)
            (r % folds == fold ? test : train).push_back(r);
        const std::unique_ptr<Model> model =
            learner.fit(data.subset(train), params, threadsOption(threads), {});
        const Predictions p = model->predict(data.features.subset(test), {});
        for (std::size_t i = 0; i < test.size(); ++i) {
            if (data.task == TaskKind::Regression) {
                pooled.values[test[i]] = p.values[i];
                continue;
            }
            const auto row = p.probabilitiesOf(i);
            std::copy(row.begin(), row.end(),
                      pooled.probabilities.begin() + test[i] * data.classCount());
        }
    }
    return pooled;
}

inline double accuracy(const Dataset& data, const Predictions& p) {
    std::size_t correct = 0;
    for (std::size_t r = 0; r < data.rows(); ++r) correct += p.predictedClass(r) == data.labels[r];
    return static_cast<double>(correct) / static_cast<double>(data.rows());
}

// Mann-Whitney AUC of `scores` with ties counted half; NaN without both groups.
inline double rocAucOf(const std::vector<double>& scores, const std::vector<bool>& positive) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double rankSum = 0;
    std::size_t positives = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
        const double rank = (static_cast<double>(i + j) + 1.0) / 2.0;
        for (std::size_t t = i; t < j; ++t)
            if (positive[order[t]]) rankSum += rank, ++positives;
        i = j;
    }
    const std::size_t negatives = scores.size() - positives;
    if (positives == 0 || negatives == 0) return NAN;
    const double p = static_cast<double>(positives);
    return (rankSum - p * (p + 1) / 2) / (p * static_cast<double>(negatives));
}

// Binary: the second class is positive; multiclass: macro one-vs-rest over present classes.
inline double macroAuc(const Dataset& data, const Predictions& p) {
    const std::size_t classes = data.classCount();
    double sum = 0;
    std::size_t counted = 0;
    for (std::size_t c = classes == 2 ? 1 : 0; c < classes; ++c) {
        std::vector<double> scores(data.rows());
        std::vector<bool> positive(data.rows());
        for (std::size_t r = 0; r < data.rows(); ++r) {
            scores[r] = p.probabilities[r * classes + c];
            positive[r] = data.labels[r] == static_cast<std::int32_t>(c);
        }
        const double auc = rocAucOf(scores, positive);
        if (!std::isnan(auc)) sum += auc, ++counted;
    }
    return sum / static_cast<double>(counted);
}

struct ReferenceScore {
    double accuracy = 0;
    double auc = 0;
};

// scikit-learn's scores from ../shared/datasets/reference.json.
inline ReferenceScore referenceScore(const QString& dataset, const QString& model) {
    QFile file(QString(GLASSBOX_SHARED_DIR) + "/datasets/reference.json");
    if (!file.open(QIODevice::ReadOnly)) return {NAN, NAN};
    const QJsonObject scores = QJsonDocument::fromJson(file.readAll())
                                   .object()[dataset]
                                   .toObject()["models"]
                                   .toObject()[model]
                                   .toObject();
    return {scores["accuracy"].toDouble(NAN), scores["auc"].toDouble(NAN)};
}

inline std::vector<std::uint8_t> saveBytes(const Model& model) {
    ByteWriter out;
    model.save(out);
    return out.take();
}

inline std::unique_ptr<Model> loadBytes(const Learner& learner,
                                        const std::vector<std::uint8_t>& bytes,
                                        const Dataset& data) {
    ByteReader in(bytes, "model");
    std::unique_ptr<Model> model =
        learner.load(in, data.features.schema(), data.task, data.classCount());
    in.expectEnd();
    return model;
}

// Bit-for-bit equality of two predictions.
inline bool identical(const Predictions& a, const Predictions& b) {
    auto same = [](const std::vector<double>& x, const std::vector<double>& y) {
        return x.size() == y.size() &&
               std::equal(x.begin(), x.end(), y.begin(),
                          [](double u, double v) { return std::memcmp(&u, &v, sizeof u) == 0; });
    };
    return a.rows == b.rows && a.classCount == b.classCount &&
           same(a.probabilities, b.probabilities) && same(a.values, b.values);
}

}  // namespace glassbox::test
