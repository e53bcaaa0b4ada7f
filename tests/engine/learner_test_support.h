// Helpers for learner tests: the shared datasets, parameters, save/load round trips.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/byte_io.h"
#include "engine/learner.h"
#include "engine/table_reader.h"
#include "engine/validation.h"

namespace glassbox::test {

inline Dataset sharedDataset(const std::string& file, const std::string& target,
                             std::optional<TaskKind> task = std::nullopt) {
    const LoadedTable loaded =
        readTable(std::string(GLASSBOX_SHARED_DIR) + "/datasets/" + file, ReadOptions{});
    return makeDataset(loaded.table, target, task).dataset;
}

inline FitOptions threadsOption(unsigned threads) {
    FitOptions options;
    options.threads = threads;
    return options;
}

// "k=5 weights=distance" as a parameter map.
inline std::map<std::string, std::string> paramMap(const std::string& text) {
    std::map<std::string, std::string> out;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find(' ', begin);
        if (end == std::string::npos) end = text.size();
        if (end > begin) out.insert(splitParamAssignment(text.substr(begin, end - begin)));
        begin = end + 1;
    }
    return out;
}

// 5-fold index cross-validation (REFERENCE.md's protocol) on 2 threads.
inline ValidationResult indexCrossValidate(const Learner& learner, const Dataset& data,
                                           const ParamValues& params) {
    return crossValidate(learner, data, params, threadsOption(2), 5, FoldRule::Index, {});
}

inline ParamValues paramsOf(const Learner& learner,
                            const std::map<std::string, std::string>& given = {}) {
    return ParamValues::resolve(learner.params(), given);
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
