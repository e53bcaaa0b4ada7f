// Fits one learner on the first 80% of a CSV's rows and scores the last 20% (file order):
// the Glassbox side of bench/learners.sh. Prints one JSON line: fit and predict seconds, test
// AUC and accuracy, peak RSS.
//   bench_learners FILE TARGET LEARNER THREADS [KEY=VALUE ...]
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <numeric>
#include <string>

#include "engine/dataset.h"
#include "engine/metrics.h"
#include "engine/param_spec.h"
#include "engine/table_reader.h"

using namespace glassbox;

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: bench_learners FILE TARGET LEARNER THREADS [KEY=VALUE ...]\n");
        return 2;
    }
    try {
        const unsigned threads = static_cast<unsigned>(std::atoi(argv[4]));
        std::map<std::string, std::string> given;
        for (int i = 5; i < argc; ++i) given.insert(splitParamAssignment(argv[i]));
        const Learner& learner = learnerNamed(argv[3]);
        const ParamValues params = ParamValues::resolve(learner.params(), given);

        ReadOptions options;
        options.threads = threads;
        const LoadedTable loaded = readTable(argv[1], options, {});
        const Dataset data = makeDataset(loaded.table, argv[2], std::nullopt).dataset;
        const std::size_t trainRows = data.rows() * 4 / 5;
        std::vector<std::size_t> train(trainRows), test(data.rows() - trainRows);
        std::iota(train.begin(), train.end(), 0);
        std::iota(test.begin(), test.end(), trainRows);
        Dataset trainSet = data.subset(train);
        const Dataset testSet = data.subset(test);

        using Clock = std::chrono::steady_clock;
        const auto fitStart = Clock::now();
        const auto model = learner.fit(trainSet, params, FitOptions{0, threads}, {});
        const double fitSeconds = std::chrono::duration<double>(Clock::now() - fitStart).count();
        const auto predictStart = Clock::now();
        const Predictions predicted = model->predict(testSet.features, {});
        const double predictSeconds =
            std::chrono::duration<double>(Clock::now() - predictStart).count();
        const Scores scores = scoresFor(testSet, predicted);

        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf(
            "{\"tool\": \"glassbox\", \"learner\": \"%s\", \"fit_seconds\": %.3f, "
            "\"predict_seconds\": %.3f, \"auc\": %.5f, \"accuracy\": %.5f, \"max_rss_mb\": %.0f}\n",
            argv[3], fitSeconds, predictSeconds, scores.get("auc").value_or(NAN),
            scores.get("accuracy").value_or(NAN), usage.ru_maxrss / 1024.0);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_learners: %s\n", e.what());
        return 1;
    }
}
